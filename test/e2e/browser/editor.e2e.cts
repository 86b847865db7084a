import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startMockServer } from '../../mock-server';
import type { MockServer } from '../../mock-server';
import { freePort, openEditor, signInInBrowser } from './browser.cjs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { REPO, provision } = require('../lib/paths.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packPackage } = require('../lib/pack.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { N8n, OWNER } = require('../lib/n8n.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fixtures = require('../lib/fixtures.js');

/**
 * The package as a user meets it in the n8n 2.41 editor (Chromium, playwright-core): the output
 * fields of a node that has not run, ready to map in the next node (from the generated
 * `__schema__` files); subtitles, picker entries and trigger actions by their display names; one
 * Custom API Call; the webhook trigger's listening hint. Screenshots go to test-artifacts/editor.
 */

const ARTIFACTS = path.join(REPO, 'test-artifacts', 'editor');
const WORKFLOW_ID = 'e2eBrowserEdit01';
const NODE = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';
// What Get Many: Customer outputs with Simplify on, in the schema's order: the served schema and the mapping pills must both show exactly these.
const CUSTOMER_FIELDS = ['id', 'companyName', 'primaryEmail', 'phone', 'address', 'zipCode', 'city', 'createdAt'];

function workflow() {
	const { node } = fixtures;
	return {
		id: WORKFLOW_ID,
		name: 'e2e browser: names and output fields in the editor',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			node('Get many customers', NODE, { resource: 'customer', operation: 'getAll' }, [240, 0]),
			{ id: 'next', name: 'Next', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [480, 0], parameters: {} },
			node('Create a payment link', NODE, { resource: 'paymentLink', operation: 'create' }, [240, 220]),
			node('MijnKlantportaal Trigger', `${NODE}Trigger`, { event: 'customerInvoicePaid' }, [0, 440]),
			node('MijnKlantportaal Webhook Trigger', `${NODE}WebhookTrigger`, { events: ['invoice-paid', 'ticket-reply-customer'] }, [300, 440], {
				webhookId: 'e2e-browser-edit-webhook',
			}),
		],
		connections: {
			Start: { main: [[{ node: 'Get many customers', type: 'main', index: 0 }]] },
			'Get many customers': { main: [[{ node: 'Next', type: 'main', index: 0 }]] },
		},
	};
}

describe('names and output fields in the n8n 2.x editor (Chromium)', () => {
	let mock: MockServer;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let n8n: any;
	let browser: Browser | undefined;
	let context: BrowserContext | undefined;
	let page: Page;
	let packDir: string;
	const browserErrors: string[] = [];
	const schemaRequests: string[] = [];

	beforeAll(async () => {
		fs.rmSync(ARTIFACTS, { recursive: true, force: true });
		fs.mkdirSync(ARTIFACTS, { recursive: true });
		const runtime = provision('2');
		// A pack of our own: other suites (and other checkouts) may pack into the shared cache at the same time.
		packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkp-e2e-editor-pack-'));
		const tarball = packPackage(packDir);
		mock = await startMockServer({ port: 0, seed: 41, records: 5, rateLimit: null, expiresIn: 3600 });
		const port = await freePort(Number(process.env.MKP_E2E_PORT_BASE || 5800) + 20);
		n8n = new N8n({ runtime, userFolder: fs.mkdtempSync(path.join(os.tmpdir(), 'mkp-e2e-editor-n8n-')), port, name: 'editor@n8n2' });
		n8n.installPackage(tarball);
		await n8n.importCredentials([fixtures.apiKeyCredential(mock)]);
		await n8n.importWorkflows([workflow()]);
		await n8n.start();
		await n8n.signIn();
		({ browser, context, page } = await openEditor(n8n.baseUrl));
		page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`));
		page.on('response', (response) => {
			if (new URL(response.url()).pathname.startsWith('/schemas/')) schemaRequests.push(`${response.status()} ${new URL(response.url()).pathname}`);
		});
		await signInInBrowser(page, OWNER);
	}, 600000);

	afterAll(async () => {
		await context?.close().catch(() => undefined);
		await browser?.close().catch(() => undefined);
		if (n8n) {
			fs.writeFileSync(path.join(ARTIFACTS, 'n8n.log'), n8n.logs());
			await n8n.stop();
			fs.rmSync(n8n.userFolder, { recursive: true, force: true });
		}
		await mock?.close();
		fs.writeFileSync(path.join(ARTIFACTS, 'browser-errors.log'), browserErrors.join('\n'));
		fs.writeFileSync(path.join(ARTIFACTS, 'schema-requests.log'), schemaRequests.join('\n'));
		if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
	});

	/** Runs browser steps; on failure keeps a screenshot and the DOM. */
	async function withArtifacts(name: string, steps: () => Promise<void>) {
		try {
			await steps();
		} catch (error) {
			await page.screenshot({ path: path.join(ARTIFACTS, `failure-${name}.png`), fullPage: true }).catch(() => undefined);
			fs.writeFileSync(path.join(ARTIFACTS, `failure-${name}.html`), await page.content().catch(() => ''));
			throw error;
		}
	}

	const canvasNode = (name: string): Locator => page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	const openCanvas = async () => {
		await page.goto(`/workflow/${WORKFLOW_ID}`);
		await canvasNode('Start').waitFor();
	};
	/** Opens the node picker from the canvas and searches for the package. */
	const searchPicker = async (): Promise<Locator> => {
		await page.getByTestId('node-creator-plus-button').click();
		const creator = page.getByTestId('node-creator');
		const search = creator.locator('input').first();
		await search.waitFor();
		await search.fill('MijnKlantportaal');
		return creator;
	};
	const closeNdv = async () => {
		await page.keyboard.press('Escape');
		await page.getByTestId('ndv').waitFor({ state: 'hidden' }).catch(() => undefined);
	};

	it('n8n serves the generated schemas and adds no Custom API Call of its own', async () => {
		const schema = await fetch(`${n8n.baseUrl}/schemas/${NODE}/1.1.0/customer/getAll.json`);
		expect(schema.status).toBe(200);
		const body = (await schema.json()) as { type: string; properties: Record<string, unknown> };
		expect(body.type).toBe('object');
		expect(Object.keys(body.properties)).toEqual(CUSTOMER_FIELDS);
		expect((await fetch(`${n8n.baseUrl}/schemas/${NODE}/1.1.0/customer/doesNotExist.json`)).status).toBe(404);

		// The node types as the editor gets them, after n8n has added its options and the tool variants.
		const types = (await fetch(`${n8n.baseUrl}/types/nodes.json`, { headers: { cookie: n8n.cookie } }).then((r) => r.json())) as Array<{
			name: string;
			properties: Array<{ name: string; options?: Array<{ name: string; value: unknown }> }>;
		}>;
		const ours = types.filter((type) => type.name.startsWith('n8n-nodes-mijnklantportaal.'));
		expect(ours.map((type) => type.name).sort()).toEqual([NODE, `${NODE}Tool`, `${NODE}Trigger`, `${NODE}WebhookTrigger`]);
		for (const type of ours) expect({ type: type.name, custom: JSON.stringify(type).includes('__CUSTOM_API_CALL__') }).toEqual({ type: type.name, custom: false });
		const tool = ours.find((type) => type.name === `${NODE}Tool`)!;
		expect(tool.properties.filter((p) => p.name === 'descriptionType')).toEqual([]);
		expect(tool.properties.filter((p) => p.name === 'toolDescription')).toHaveLength(69);
	});

	it('shows subtitles by display name on the canvas', async () => {
		await withArtifacts('subtitles', async () => {
			await openCanvas();
			const text = async (name: string) => (await canvasNode(name).innerText()).split('\n').filter(Boolean);
			expect(await text('Get many customers')).toContain('Get Many: Customer');
			expect(await text('Create a payment link')).toContain('Create: Payment Link');
			expect(await text('MijnKlantportaal Trigger')).toContain('Customer Invoice Paid');
			expect(await text('MijnKlantportaal Webhook Trigger')).toContain('Invoice Paid, Customer Reply to Ticket');
			await page.screenshot({ path: path.join(ARTIFACTS, 'canvas-subtitles.png') });
		});
	});

	it('lists the output fields of a node that has not run in the next node, ready to map', async () => {
		await withArtifacts('schema-preview', async () => {
			await openCanvas();
			await canvasNode('Next').dblclick();
			const input = page.getByTestId('ndv-input-panel');
			await input.getByText('Usually outputs the following fields', { exact: false }).waitFor();
			// The pills of our node's fields (the panel also lists variables such as $now); the list renders them in no fixed DOM order.
			const pills = input.locator(`[data-test-id="run-data-schema-node-name"][data-node-type="${NODE}"]`);
			const fields = await pills.evaluateAll((els) => els.map((el) => el.getAttribute('data-name')));
			expect(fields.sort()).toEqual([...CUSTOMER_FIELDS].sort());
			expect(schemaRequests).toContain(`200 /schemas/${NODE}/1.1.0/customer/getAll.json`);
			await page.screenshot({ path: path.join(ARTIFACTS, 'schema-preview-input.png') });

			// Map one field into the Edit Fields node by dragging it, as a user does.
			const pill = input.locator('[data-test-id="run-data-schema-node-name"][data-name="companyName"]');
			expect(await pill.getAttribute('data-value')).toBe('{{ $json.companyName }}');
			const from = (await pill.boundingBox())!;
			const to = (await page.getByText('Drag input fields here').boundingBox())!;
			await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
			await page.mouse.down();
			await page.mouse.move(from.x + 40, from.y + 10, { steps: 5 });
			await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
			await page.mouse.up();
			const parameters = page.getByTestId('node-parameters');
			await parameters.getByText('{{ $json.companyName }}').waitFor();
			await page.screenshot({ path: path.join(ARTIFACTS, 'schema-preview-mapped.png') });
			await closeNdv();
		});
	});

	it('shows the action node description and natural trigger actions in the node picker', async () => {
		await withArtifacts('picker', async () => {
			await openCanvas();
			let creator = await searchPicker();
			const entries = creator.getByTestId('node-creator-action-item').filter({ hasText: /^MijnKlantportaal/ });
			await entries.nth(1).waitFor();
			const shown = (await entries.allInnerTexts()).map((text) => text.split('\n').filter(Boolean));
			expect(shown).toEqual([
				['MijnKlantportaal', 'Work with MijnKlantportaal customers, invoices, offers, subscriptions, tickets, payment links, files, agreements, appointments, punch cards and webhooks'],
				['MijnKlantportaal (Webhook)', 'Starts the workflow the moment MijnKlantportaal reports a change to customers, invoices, offers, payment links, subscriptions, tickets or appointments'],
			]);
			await page.screenshot({ path: path.join(ARTIFACTS, 'picker-entries.png') });

			await entries.filter({ hasText: 'Work with MijnKlantportaal' }).click();
			await creator.getByText('Triggers (27)').click();
			const names = () => creator.getByTestId('node-creator-item-name').allInnerTexts();
			await creator.getByText('On customer invoice paid', { exact: true }).waitFor();
			const triggers = (await names()).filter((name) => name.startsWith('On '));
			expect(triggers).toHaveLength(27);
			expect(triggers).toEqual(expect.arrayContaining(['On customer invoice paid', 'On MijnKlantportaal invoice paid', 'On ticket created']));
			expect(triggers.join()).not.toMatch(/mijn klantportaal/);
			const actions = await names();
			expect(actions).toEqual(expect.arrayContaining(['Get many customers', 'Create a payment link', 'Send a custom API request']));
			await creator.getByText('On MijnKlantportaal invoice paid', { exact: true }).scrollIntoViewIfNeeded();
			await page.screenshot({ path: path.join(ARTIFACTS, 'picker-triggers.png') });

			await page.keyboard.press('Escape');
			await openCanvas();
			creator = await searchPicker();
			await creator.getByTestId('node-creator-action-item').filter({ hasText: 'MijnKlantportaal (Webhook)' }).click();
			await creator.getByText('On customer reply to ticket', { exact: true }).waitFor();
			const webhookActions = (await names()).filter((name) => name.startsWith('On '));
			expect(webhookActions).toHaveLength(23);
			expect(webhookActions).toEqual(expect.arrayContaining(['On invoice paid', 'On customer reply to ticket', 'On employee reply to ticket', 'On invoice charged back']));
			await page.screenshot({ path: path.join(ARTIFACTS, 'picker-webhook-triggers.png') });
			await page.keyboard.press('Escape');
		});
	});

	it("names the portal in the webhook trigger's listening hint", async () => {
		await withArtifacts('webhook-listening', async () => {
			await openCanvas();
			await canvasNode('MijnKlantportaal Webhook Trigger').dblclick();
			expect(await page.getByTestId('trigger-header').innerText()).toBe('Pull in events from MijnKlantportaal');
			await page.getByTestId('trigger-execute-button').first().click();
			const listening = page.getByTestId('trigger-listening');
			await listening.waitFor();
			expect((await listening.innerText()).split('\n').filter(Boolean).slice(0, 2)).toEqual(['Listening for test event', 'Go to MijnKlantportaal (Webhook) and create an event']);
			await page.screenshot({ path: path.join(ARTIFACTS, 'webhook-listening.png') });
			// While it listens, the trigger has a test webhook per event at the portal.
			const testHooks = () => mock.store.collection<{ type: string; url: string }>('webhooks').all().filter((w) => w.url.includes('/webhook-test/'));
			expect(testHooks().map((w) => w.type).sort()).toEqual(['invoice-paid', 'ticket-reply-customer']);
			await page.getByTestId('trigger-execute-button').first().click();
			await listening.waitFor({ state: 'hidden' });
			await closeNdv();
		});
	});

	it('offers one Custom API Call, last in every list, whose fields show at once', async () => {
		await withArtifacts('custom-api-call', async () => {
			await openCanvas();
			await canvasNode('Create a payment link').dblclick();
			const visibleOptions = async () => {
				const options = page.getByRole('option').filter({ visible: true });
				await options.first().waitFor();
				return (await options.allInnerTexts()).map((text) => text.split('\n')[0]);
			};
			await page.getByTestId('parameter-input-resource').click();
			const resources = await visibleOptions();
			expect(resources.filter((name) => name === 'Custom API Call')).toHaveLength(1);
			expect(resources.at(-1)).toBe('Custom API Call');
			expect(resources).toHaveLength(17);
			await page.screenshot({ path: path.join(ARTIFACTS, 'custom-api-call-resources.png') });
			await page.getByTestId('parameter-input-resource').click();
			await page.getByRole('option').filter({ visible: true }).first().waitFor({ state: 'hidden' });

			await page.getByTestId('parameter-input-operation').click();
			const operations = await visibleOptions();
			expect(operations).toEqual(['Close', 'Create', 'Get', 'Get Many', 'Get Many Payments', 'Custom API Call']);
			await page.getByRole('option').filter({ visible: true }).filter({ hasText: 'Custom API Call' }).click();
			await page.getByTestId('parameter-input-path').waitFor();
			await page.getByTestId('parameter-input-method').waitFor();
			expect(await page.getByTestId('node-title-container').innerText()).toBe('Send a custom API request');
			await page.screenshot({ path: path.join(ARTIFACTS, 'custom-api-call-fields.png') });
			await closeNdv();
			expect(await canvasNode('Send a custom API request').innerText()).toContain('Custom API Call: GET');
		});
	});
});
