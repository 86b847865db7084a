import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { freePort, openEditor, signInInBrowser } from './browser.cjs';
import { startMockServer } from '../../mock-server';
import type { LogEntry, MockServer } from '../../mock-server';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { REPO, provision } = require('../lib/paths.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packPackage } = require('../lib/pack.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8n, OWNER } = require('../lib/n8n.js');

/**
 * OAuth2 connect in a real browser: Debian's Chromium, driven by playwright-core, creates the
 * MijnKlantportaal OAuth2 credential in the real n8n 2.x editor, connects it through the mock's
 * consent page, and a node then uses it. The authorize URL is built by n8n from the credential's
 * hidden `$self` expressions, so this is where the scope choice and `prompt` are proven.
 */

const ARTIFACTS = path.join(REPO, 'test-artifacts', 'oauth-connect');
const CREDENTIAL_NAME = 'MKP browser OAuth2';
/** Picked in the UI, in this order; none of them is `agreements.read`. */
const SCOPES = ['customers.read', 'invoices.read', 'tickets.write'];
const WORKFLOW_ID = 'e2eBrowserOAuth1';

function workflow(credential: { id: string; name: string }) {
	const mkp = (name: string, parameters: Record<string, unknown>, position: [number, number], extra = {}) => ({
		id: name.replace(/\W+/g, '-').toLowerCase(),
		name,
		type: 'n8n-nodes-mijnklantportaal.mijnKlantportaal',
		typeVersion: 1.1,
		position,
		parameters: { authentication: 'oAuth2', ...parameters },
		credentials: { mijnKlantportaalOAuth2Api: credential },
		...extra,
	});
	return {
		id: WORKFLOW_ID,
		name: 'e2e browser: OAuth2 credential connected in the editor',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			mkp('Customers', { resource: 'customer', operation: 'getAll', returnAll: true }, [260, -100]),
			// Outside the granted scopes: the mock must refuse it, which proves the token carries only the picked ones.
			mkp('Agreements', { resource: 'agreement', operation: 'getAll', returnAll: true }, [260, 100], { onError: 'continueRegularOutput' }),
		],
		connections: {
			Start: {
				main: [
					[
						{ node: 'Customers', type: 'main', index: 0 },
						{ node: 'Agreements', type: 'main', index: 0 },
					],
				],
			},
		},
	};
}

/** Polls `read` until it deep-equals `expected` (5 s at most) and returns its last value. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (JSON.stringify(value) === JSON.stringify(expected) || Date.now() > deadline) return value;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

type Items = Array<{ json: Record<string, unknown> }>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function nodeItems(run: any, nodeName: string): Items {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run; error: ${JSON.stringify(run.data.resultData.error ?? null)}`);
	return runs[runs.length - 1].data.main[0];
}

describe('OAuth2 connect in a real browser (n8n 2.x editor, Chromium)', () => {
	let mock: MockServer;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let n8n: any;
	let browser: Browser | undefined;
	let context: BrowserContext | undefined;
	let page: Page;
	let packDir: string;
	const serverLogs: string[] = [];
	const browserErrors: string[] = [];
	/** The editor's non-GET REST calls, in order. */
	const editorCalls: string[] = [];
	const timings: Record<string, number> = {};
	let clock = Date.now();
	const lap = (name: string) => {
		timings[name] = Date.now() - clock;
		clock = Date.now();
	};
	/** Set by the browser test for the node test. */
	let credential: { id: string; name: string } | undefined;

	const stopN8n = async () => {
		if (!n8n) return;
		serverLogs.push(n8n.logs());
		await n8n.stop();
	};

	beforeAll(async () => {
		// Artifacts of this run only.
		fs.rmSync(ARTIFACTS, { recursive: true, force: true });
		fs.mkdirSync(ARTIFACTS, { recursive: true });
		const runtime = provision('2');
		packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkp-e2e-browser-pack-'));
		const tarball = packPackage(packDir);
		lap('provision + build + pack');

		mock = await startMockServer({ port: 0, seed: 31, records: 5, rateLimit: null, expiresIn: 3600, appName: 'n8n (browser e2e)' });
		const port = await freePort(Number(process.env.MKP_E2E_PORT_BASE || 5700));
		mock.addRedirectUri(`http://localhost:${port}/rest/oauth2-credential/callback`);
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mkp-e2e-browser-n8n-'));
		n8n = new N8n({ runtime, userFolder, port, name: 'browser@n8n2' });
		n8n.installPackage(tarball);
		lap('install package');
		await n8n.start();
		await n8n.signIn();
		lap('n8n start + owner setup');

		({ browser, context, page } = await openEditor(n8n.baseUrl));
		page.on('response', (response) => {
			if (response.url().includes('/rest/') && response.request().method() !== 'GET') {
				editorCalls.push(`${response.request().method()} ${new URL(response.url()).pathname} ${response.status()}`);
			}
		});
		page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`));
		page.on('console', (message) => {
			if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`);
		});
		lap('browser launch');
	}, 600000);

	afterAll(async () => {
		await context?.close().catch(() => undefined);
		await browser?.close().catch(() => undefined);
		await stopN8n();
		await mock?.close();
		fs.mkdirSync(ARTIFACTS, { recursive: true });
		fs.writeFileSync(path.join(ARTIFACTS, 'n8n.log'), serverLogs.join('\n'));
		fs.writeFileSync(path.join(ARTIFACTS, 'browser-errors.log'), browserErrors.join('\n'));
		fs.writeFileSync(path.join(ARTIFACTS, 'editor-calls.log'), editorCalls.join('\n'));
		fs.writeFileSync(path.join(ARTIFACTS, 'timings.json'), JSON.stringify(timings, null, 2));
		console.log(`browser e2e timings (ms): ${JSON.stringify(timings)}`);
		if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
		if (n8n) fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	});

	/** Runs browser steps; on failure keeps a screenshot and the DOM of every open page. */
	async function withArtifacts(name: string, steps: () => Promise<void>) {
		try {
			await steps();
		} catch (error) {
			for (const [i, p] of (context?.pages() ?? []).entries()) {
				if (p.isClosed()) continue;
				await p.screenshot({ path: path.join(ARTIFACTS, `failure-${name}-${i}.png`), fullPage: true }).catch(() => undefined);
				fs.writeFileSync(path.join(ARTIFACTS, `failure-${name}-${i}.html`), await p.content().catch(() => ''));
			}
			throw error;
		}
	}

	it('creates the credential in the editor, connects it on the consent page and shows it connected', async () => {
		const callbackUrl = `${n8n.baseUrl}/rest/oauth2-credential/callback`;
		let builtUrl = '';
		let popupUrl = '';
		let createdId = '';

		await withArtifacts('connect', async () => {
			await signInInBrowser(page, OWNER);
			lap('browser sign-in');

			await page.goto('/home/credentials');
			await page.getByTestId('add-resource-credential').click();
			await page.getByTestId('new-credential-type-select').locator('input').fill('MijnKlantportaal');
			await page.getByTestId('new-credential-type-select-option').filter({ hasText: 'MijnKlantportaal OAuth2 API' }).click();
			await page.getByTestId('new-credential-type-button').click();

			const modal = page.getByTestId('editCredential-modal');
			await modal.getByTestId('credential-edit-dialog').waitFor();
			const field = (name: string): Locator => modal.getByTestId(`parameter-input-${name}`);
			const option = (text: string): Locator =>
				page.getByRole('option').filter({ visible: true }).filter({ has: page.getByText(text, { exact: true }) });
			const fill = async (name: string, value: string) => {
				const input = field(name).locator('input');
				await input.fill(value);
				expect(await input.inputValue()).toBe(value);
			};

			await modal.getByTestId('credential-name').click();
			await modal.getByTestId('inline-edit-input').fill(CREDENTIAL_NAME);
			await modal.getByTestId('inline-edit-input').press('Enter');

			await fill('clientId', mock.clientId);
			await fill('clientSecret', mock.clientSecret);
			await field('environment').click();
			await option('Custom Server').click();
			await fill('apiBaseUrl', mock.apiBaseUrl);
			await fill('manageBaseUrl', mock.oauthBaseUrl);

			await field('customScopes').locator('.el-switch').click();
			expect(await field('customScopes').getByRole('switch').getAttribute('aria-checked')).toBe('true');
			const scopes = field('enabledScopes');
			await scopes.click();
			await option(SCOPES[0]).waitFor();
			// The field starts with every `.read` scope; take them out (each clicked once), then pick ours.
			const selected = page.getByRole('option', { selected: true }).filter({ visible: true });
			const selectedNames = () => selected.locator('.option-headline').allInnerTexts();
			const defaults = await selectedNames();
			expect(defaults).toContain('customers.read');
			for (const scope of defaults) await option(scope).click();
			for (const scope of SCOPES) await option(scope).click();
			expect(await eventually(selectedNames, SCOPES)).toEqual(SCOPES);
			await page.keyboard.press('Escape');
			await field('prompt').click();
			await option('Login').click();
			lap('fill the credential form');

			// n8n offers "Connect" once the credential is saved. Connecting before the editor has the
			// new credential's ID would make it create a second one, so wait for that ID.
			const createdResponse = page.waitForResponse(
				(response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/rest/credentials',
			);
			await modal.getByTestId('credential-save-button').click();
			createdId = String((await (await createdResponse).json()).data.id);
			await modal.getByTestId('credential-delete-button').waitFor({ state: 'visible' });
			const notConnected = modal.getByTestId('oauth-not-connected-banner');
			await notConnected.waitFor({ state: 'visible' });

			const authResponse = page.waitForResponse((response) => response.url().includes('/rest/oauth2-credential/auth'));
			const popupPromise = page.waitForEvent('popup');
			await notConnected.getByTestId('quick-connect-button').click();
			builtUrl = String((await (await authResponse).json()).data);
			const popup = await popupPromise;
			// The popup opens blank; the editor then sends it to the URL it got from n8n. If the mock
			// refuses that URL it redirects straight on to n8n's callback with an error: fail fast on it.
			await popup.waitForURL((url) => url.href !== 'about:blank');
			popupUrl = popup.url();
			if (!popupUrl.startsWith(`${mock.oauthBaseUrl}/oauth/authorize?`)) throw new Error(`the consent page did not open; the popup is at ${popupUrl}`);
			lap('save + connect → consent page');

			// The mock's consent page: the scopes n8n asked for, and the login step `prompt=login` adds.
			await popup.locator('#consent').waitFor();
			expect(await popup.locator('#scopes li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-scope')))).toEqual(SCOPES);
			expect(await popup.locator('#consent').getAttribute('data-prompt')).toBe('login');
			await popup.locator('#login-step input[name="email"]').fill(OWNER.email);
			await popup.locator('#login-step input[name="password"]').fill('portal-password');
			await popup.screenshot({ path: path.join(ARTIFACTS, 'consent-page.png') });
			const popupClosed = popup.waitForEvent('close', { timeout: 60000 });
			await popup.locator('#approve').click();

			const connected = modal.getByTestId('oauth-connect-success-banner');
			await connected.waitFor({ state: 'visible' });
			await popupClosed;
			expect(await connected.innerText()).toContain('Account connected');
			expect(await notConnected.isVisible()).toBe(false);
			lap('approve → connected');

			// n8n stores the token on the credential itself; Save has nothing left to do.
			const save = modal.getByTestId('credential-save-button');
			if (await save.isEnabled()) await save.click();
			await save.getByText('Saved', { exact: true }).waitFor();
			await connected.scrollIntoViewIfNeeded();
			await page.screenshot({ path: path.join(ARTIFACTS, 'credential-connected.png') });
			lap('save + screenshot');
		});

		fs.writeFileSync(
			path.join(ARTIFACTS, 'authorize.json'),
			JSON.stringify({ builtByN8n: builtUrl, openedInPopup: popupUrl, receivedByMock: mock.lastAuthorize }, null, 2),
		);

		// What the authorization server received: exactly these parameters, nothing else.
		const query = mock.lastAuthorize?.query ?? {};
		expect(query).toEqual({
			client_id: mock.clientId,
			redirect_uri: callbackUrl,
			response_type: 'code',
			scope: 'customers.read invoices.read tickets.write',
			prompt: 'login',
			state: expect.any(String),
		});
		expect(query.state.length).toBeGreaterThan(10);
		// …and it is the URL n8n built and the browser opened.
		expect(popupUrl).toBe(builtUrl);
		expect(Object.fromEntries(new URL(builtUrl).searchParams)).toEqual(query);
		expect(builtUrl.startsWith(`${mock.oauthBaseUrl}/oauth/authorize?`)).toBe(true);

		// The code was exchanged once, with the client credentials in the body (the credential's `authentication: body`).
		expect(mock.counters.tokenCalls).toEqual({ authorization_code: 1, refresh_token: 0, other: 0 });
		const tokenCall = mock.log.entries().find((e: LogEntry) => e.listener === 'oauth' && e.method === 'POST' && e.path === '/oauth/tokens');
		expect(tokenCall).toMatchObject({ status: 200, clientAuth: 'body', body: { grant_type: 'authorization_code', redirect_uri: callbackUrl } });

		// n8n's own view of the credential: what the form set, and a stored token.
		const list: Array<{ id: string; name: string; type: string }> = await n8n.rest('GET', '/credentials');
		const created = list.filter((c) => c.name === CREDENTIAL_NAME);
		expect(created).toHaveLength(1);
		expect(created[0].type).toBe('mijnKlantportaalOAuth2Api');
		expect(created[0].id).toBe(createdId);
		credential = { id: created[0].id, name: created[0].name };
		const stored = await n8n.rest('GET', `/credentials/${credential.id}?includeData=true`);
		expect(stored.data).toMatchObject({
			clientId: mock.clientId,
			environment: 'custom',
			apiBaseUrl: mock.apiBaseUrl,
			manageBaseUrl: mock.oauthBaseUrl,
			customScopes: true,
			enabledScopes: SCOPES,
			prompt: 'login',
			oauthTokenData: true,
		});
	});

	it('a node using the connected credential reads customers and is refused what was not granted', async () => {
		expect(credential).toBeDefined();
		// `n8n execute` is a second n8n process on the same database and task-runner port: stop the server first.
		await context?.close();
		context = undefined;
		await stopN8n();
		await n8n.importWorkflows([workflow(credential!)]);
		mock.log.clear();
		clock = Date.now();
		const { run } = await n8n.execute(WORKFLOW_ID);
		lap('n8n execute');

		const customers = nodeItems(run, 'Customers');
		expect(customers.map((item) => item.json.id)).toEqual(mock.store.collection('customers').all().map((c) => c.id));
		expect(customers).toHaveLength(5);
		const refused = nodeItems(run, 'Agreements');
		expect(refused).toHaveLength(1);
		expect(JSON.stringify(refused[0].json)).toContain('agreements.read');

		const api = mock.log.entries().filter((e: LogEntry) => e.listener === 'api');
		expect(api.map((e) => `${e.method} ${e.path} ${e.status}`).sort()).toEqual(['GET /v1/agreements 403', 'GET /v1/customers 200']);
		const credentials = new Set(api.map((e) => e.credential));
		expect(credentials.size).toBe(1);
		expect([...credentials][0]).toMatch(/^oauth:/);
		expect(api.every((e) => e.authHeader === 'authorization')).toBe(true);
		// The token from the browser flow was still good: no refresh, no second code exchange.
		expect(mock.counters.tokenCalls).toEqual({ authorization_code: 1, refresh_token: 0, other: 0 });
	});
});
