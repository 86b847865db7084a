import * as net from 'node:net';
import { startMockServer } from '../../mock-server';
import type { MockServer } from '../../mock-server';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { majors, freshN8n } = require('../lib/suite.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fixtures = require('../lib/fixtures.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Executions } = require('../lib/executions.js');

type TriggerRun = { id: string; status: string; items: Array<{ json: Record<string, unknown> }> };

/**
 * A running n8n (`n8n start`): the credential-test endpoint, a published polling trigger across
 * token expiry, and a published webhook trigger receiving the mock's signed deliveries.
 */
describe.each(majors() as string[])('published workflows in real n8n %s.x (n8n start)', (major: string) => {
	let mock: MockServer;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let n8n: any;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let executions: any;
	const workflows = fixtures.triggerWorkflows();
	const registeredWebhooks = () => mock.store.collection('webhooks').all().filter((w) => String(w.url).includes(fixtures.WEBHOOK_ID));
	const pollRequests = () => mock.log.entries().filter((e) => e.listener === 'api' && e.path === '/v1/customers' && e.credential.startsWith('oauth:'));

	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 21, records: 3, rateLimit: null, expiresIn: 3600 });
		n8n = freshN8n(major, 'server');
		await n8n.importCredentials([fixtures.apiKeyCredential(mock), fixtures.oauthCredential(mock, mock.issueTokens({ scopes: ['customers.read'] }))]);
		await n8n.importWorkflows(Object.values(workflows));
		await n8n.publish(workflows.poll.id);
		await n8n.publish(workflows.webhook.id);
		await n8n.start();
		await n8n.signIn();
		executions = new Executions(n8n);
		// n8n activates published workflows in the background after it starts listening.
		await waitUntil(() => registeredWebhooks().length === 2, 120000);
	});
	afterAll(async () => {
		await n8n?.stop();
		await mock?.close();
	});

	// The endpoint tests the data the editor sends for a saved credential (here the imported one).
	const credentialTest = (apiKey: string, apiBaseUrl: string) =>
		n8n.rest('POST', '/credentials/test', {
			credentials: {
				id: fixtures.API_KEY_CREDENTIAL.id,
				name: fixtures.API_KEY_CREDENTIAL.name,
				type: 'mijnKlantportaalApi',
				data: { apiKey, environment: 'custom', apiBaseUrl },
			},
		});

	it("n8n's own credential test passes a valid key and fails an invalid one with our message", async () => {
		const test = (apiKey: string) => credentialTest(apiKey, mock.apiBaseUrl);
		await expect(test(mock.apiKey)).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		const scopeless = mock.createApiKey(['tickets.read']);
		await expect(test(scopeless)).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		const invalid = await test('mkp_invalid_key');
		expect(invalid.status).toBe('Error');
		expect(invalid.message).toMatch(/API key was not accepted/);
	});

	it("n8n's own credential test refuses a custom host outside the allow-list by name; an unreachable one gets n8n's own words", async () => {
		const test = (apiBaseUrl: string) => credentialTest(mock.apiKey, apiBaseUrl);
		await expect(test('https://evil.example.com/v1')).resolves.toEqual({
			status: 'Error',
			message:
				"The host evil.example.com in the credential's API Base URL is not allowed: a custom server must be https on *.mijnklantportaal.nl, or http or https on this machine (localhost, 127.0.0.0/8, [::1])",
		});
		// A loopback port nobody listens on. n8n's tester words a network failure itself: 2.x by the
		// code on the error's cause alone (credentials-tester.service: `message: error.cause.code`),
		// 1.x by its NodeApiError's generic text (its NodeApiError has no cause). No credential can
		// change either, and neither names the host.
		const closed = await new Promise<number>((resolve) => {
			const probe = net.createServer().listen(0, '127.0.0.1', () => {
				const { port } = probe.address() as net.AddressInfo;
				probe.close(() => resolve(port));
			});
		});
		const refused = major === '1' ? 'The service refused the connection - perhaps it is offline' : 'ECONNREFUSED';
		await expect(test(`http://127.0.0.1:${closed}/v1`)).resolves.toEqual({ status: 'Error', message: refused });
	});

	it('registers one webhook per event with the production URL, and runs on signed deliveries only', async () => {
		const registered = registeredWebhooks();
		expect(registered.map((w) => w.type).sort()).toEqual(['customer-created', 'invoice-paid']);
		const url = String(registered[0].url);
		expect(url).toBe(`${n8n.baseUrl}/webhook/${fixtures.WEBHOOK_ID}/webhook`);

		const forged = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-webhook-signature': 'not-the-secret' },
			body: JSON.stringify({ event: 'customer-created', data: { id: 'cst_forged' } }),
		});
		expect(forged.status).toBe(401);

		const deliveries = await mock.fireWebhook('customer-created', { id: 'cst_webhook1', companyName: 'Webhook B.V.' });
		// Seeded webhooks of other (unreachable) apps get the event too; ours must answer 200.
		expect(deliveries.filter((d) => d.url.includes(fixtures.WEBHOOK_ID)).map((d) => d.status)).toEqual([200]);
		await mock.fireWebhook('invoice-paid', { id: 'inv_webhook1', paidAt: '2026-11-30T12:00:00+01:00' });
		const done = await executions.waitFor(workflows.webhook.id, (list: Array<{ status: string }>) => list.filter((e) => e.status === 'success').length >= 2, { timeoutMs: 60000 });
		expect(done.every((e: { status: string }) => e.status === 'success')).toBe(true);
		const runs: TriggerRun[] = await executions.triggerItems(workflows.webhook.id, 'Portal event');
		expect(runs.map((r) => r.items.map((i) => [i.json.event, (i.json.data as { id: string }).id]))).toEqual([
			[['customer-created', 'cst_webhook1']],
			[['invoice-paid', 'inv_webhook1']],
		]);
		expect(JSON.stringify(runs)).not.toContain(String(registered[0].secret));
	});

	it('the published polling trigger emits every new customer exactly once, across a token expiry', async () => {
		// The first poll after activation only records where the list ends.
		await waitUntil(() => pollRequests().length >= 1, 150000);
		const existing = new Set(mock.store.collection('customers').all().map((c) => c.id));

		const firstBatch = [1, 2, 3].map((n) => mock.store.create('customers', { companyName: `Poll batch one ${n}` }).id);
		const afterFirst = await executions.waitFor(workflows.poll.id, (list: unknown[]) => list.length >= 1);

		mock.expireAllTokens();
		mock.resetCounters();
		const secondBatch = [1, 2].map((n) => mock.store.create('customers', { companyName: `Poll batch two ${n}` }).id);
		await executions.waitFor(workflows.poll.id, (list: unknown[]) => list.length >= afterFirst.length + 1);
		expect(mock.counters.tokenCalls.refresh_token).toBe(1);

		// One more poll with nothing new: no execution.
		const polled = pollRequests().length;
		await waitUntil(() => pollRequests().length > polled, 150000);
		await new Promise((r) => setTimeout(r, 3000));

		const runs: TriggerRun[] = await executions.triggerItems(workflows.poll.id, 'New customer');
		expect(runs.every((r) => r.status === 'success')).toBe(true);
		const emitted = runs.flatMap((r) => r.items.map((i) => String(i.json.id)));
		expect(emitted.sort()).toEqual([...firstBatch, ...secondBatch].sort());
		expect(emitted.some((id) => existing.has(id))).toBe(false);
		expect(runs.flatMap((r) => r.items).every((i) => i.json.event === 'customerCreated' && typeof i.json.detectedAt === 'string')).toBe(true);
	});

	it('a repeated delivery is answered 200 and starts nothing; the forged one above is a warning in n8n\'s log', async () => {
		const hook = registeredWebhooks().find((w) => w.type === 'customer-created')!;
		const body = JSON.stringify({ event: 'customer-created', createdAt: '2026-12-01T10:00:00+01:00', data: { id: 'cst_repeat' } });
		const send = async () => {
			const response = await fetch(String(hook.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-signature': String(hook.secret) }, body });
			return { status: response.status, text: await response.text() };
		};
		const before = (await executions.list(workflows.webhook.id)).length;
		const first = await send();
		expect({ status: first.status, body: JSON.parse(first.text) }).toEqual({ status: 200, body: { message: 'Workflow was started' } });
		const repeat = await send();
		expect({ status: repeat.status, body: JSON.parse(repeat.text) }).toEqual({
			status: 200,
			body: { message: 'Already received: an identical delivery was accepted in the last 10 minutes, so the workflow was not started again' },
		});
		await executions.waitFor(workflows.webhook.id, (list: Array<{ status: string }>) => list.filter((e) => e.status === 'success').length >= before + 1, { timeoutMs: 60000 });
		const runs: TriggerRun[] = await executions.triggerItems(workflows.webhook.id, 'Portal event');
		expect(runs.filter((r) => r.items.some((i) => (i.json.data as { id: string }).id === 'cst_repeat'))).toHaveLength(1);
		expect(runs).toHaveLength(before + 1);
		const log: string = n8n.logs();
		expect(log).toContain('refused a delivery with 401: The X-Webhook-Signature header does not match a webhook of this workflow.');
		expect(log).not.toContain(String(hook.secret));
	});

	it('deactivating the webhook workflow removes its webhooks from the portal', async () => {
		const before = mock.log.entries().length;
		await n8n.rest('POST', `/workflows/${workflows.webhook.id}/deactivate`, {});
		await waitUntil(() => registeredWebhooks().length === 0, 30000).catch(() => undefined);
		const deletes = mock.log.entries().slice(before).filter((e) => e.method === 'DELETE');
		if (deletes.length !== 2) throw new Error(`expected 2 DELETEs, saw ${JSON.stringify(deletes)}\n${n8n.logs().slice(-6000)}`);
		expect(registeredWebhooks()).toEqual([]);
	});
});

async function waitUntil(predicate: () => boolean, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 1000));
	}
}
