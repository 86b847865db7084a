// The trigger's webhookMethods (checkExists, create, delete) against the mock, run in n8n-core's
// real HookContext in the order n8n's server runs them.
import { ApiError } from '../mock-server/errors';
import {
	apiCalls,
	logs,
	mockWebhooks,
	payload,
	post,
	startMock,
	stored,
	triggerFor,
	warnings,
} from './setup.cjs';
import type { MockServer, Receiver } from './setup.cjs';
import { startReceiver } from '../harness/mkp-hooks.cjs';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';
import { MijnKlantportaalWebhookTrigger } from '../../nodes/MijnKlantportaalWebhookTrigger/MijnKlantportaalWebhookTrigger.node';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const mockRoutes = require('../mock-server/resources') as Array<{ method: string; path: string; scope: unknown; op: string; handler: unknown }>;

describe('MijnKlantportaal Trigger lifecycle', () => {
	let mock: MockServer;
	let receiver: Receiver;

	beforeAll(async () => {
		mock = await startMock();
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await receiver.close();
		await mock.close();
	});
	beforeEach(() => {
		mock.reset({ records: 0 });
		mock.updateConfig({ webhookDelete: true, perPage: 15 });
		logs.length = 0;
	});

	it('create: registers one webhook per event with the production URL and keeps IDs and secrets in static data', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created', 'invoice-paid'] });
		const since = mock.log.lastSeq;

		const { existed } = await trigger.activate();

		expect(existed).toBe(false);
		expect(apiCalls(mock, since)).toEqual(['GET /v1/webhooks 200', 'POST /v1/webhooks 200', 'POST /v1/webhooks 200']);
		const bodies = mock.log.entries({ since }).filter((entry) => entry.method === 'POST').map((entry) => entry.body);
		expect(bodies).toEqual([
			{ url: trigger.productionUrl, type: 'customer-created' },
			{ url: trigger.productionUrl, type: 'invoice-paid' },
		]);
		expect(trigger.productionUrl).toBe(`${receiver.webhookBaseUrl}/${trigger.node.webhookId}/webhook`);
		const remote = mockWebhooks(mock, trigger.productionUrl);
		expect(remote.map((record) => record.type)).toEqual(['customer-created', 'invoice-paid']);
		expect(stored(trigger)).toEqual(remote.map(({ id, type, url, secret }) => ({ id, type, url, secret })));
		expect(warnings()).toEqual([]);
	});

	it('checkExists: true once every event has a webhook with this URL; activating again creates nothing', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created', 'invoice-paid'] });
		expect(await trigger.run('checkExists')).toBe(false);
		await trigger.activate();
		const since = mock.log.lastSeq;

		expect(await trigger.run('checkExists')).toBe(true);
		// n8n restarting: activation mode `init` runs checkExists again and must not duplicate.
		expect(await trigger.activate('init')).toEqual({ existed: true });
		expect(apiCalls(mock, since)).toEqual(['GET /v1/webhooks 200', 'GET /v1/webhooks 200']);
		expect(mockWebhooks(mock, trigger.productionUrl)).toHaveLength(2);
	});

	it('checkExists matches on URL and type: another URL or another type does not count', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created', 'invoice-paid'] });
		mock.store.create('webhooks', { type: 'customer-created', url: `${trigger.productionUrl}-other` });
		mock.store.create('webhooks', { type: 'customer-deleted', url: trigger.productionUrl });
		mock.store.create('webhooks', { type: 'invoice-paid', url: trigger.productionUrl });

		expect(await trigger.run('checkExists')).toBe(false);
		const since = mock.log.lastSeq;
		await trigger.run('create');

		// Only the missing type is created; the records of this URL (any type) are adopted.
		expect(apiCalls(mock, since)).toEqual(['POST /v1/webhooks 200']);
		expect(stored(trigger).map((record) => record.type).sort()).toEqual(['customer-created', 'customer-deleted', 'invoice-paid']);
		expect(stored(trigger).every((record) => record.url === trigger.productionUrl)).toBe(true);
		expect(await trigger.run('checkExists')).toBe(true);
	});

	it('checkExists follows next_page_url through every page', async () => {
		mock.updateConfig({ perPage: 4 });
		mock.store.seed('webhooks', 10);
		const trigger = triggerFor(mock, receiver, { events: ['ticket-created'] });
		await trigger.activate();
		mock.store.seed('webhooks', 3);
		const since = mock.log.lastSeq;

		expect(await trigger.run('checkExists')).toBe(true);
		expect(apiCalls(mock, since)).toEqual([
			'GET /v1/webhooks 200',
			'GET /v1/webhooks?page=2 200',
			'GET /v1/webhooks?page=3 200',
			'GET /v1/webhooks?page=4 200',
		]);
	});

	it('checkExists refreshes the stored secrets from the API, and deliveries use the fresh one', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created'] });
		await trigger.activate();
		const [record] = mockWebhooks(mock, trigger.productionUrl);
		const old = record.secret;
		mock.store.collection('webhooks').update(record.id, { secret: 'RotatedSecret0000001' });

		expect(await trigger.run('checkExists')).toBe(true);
		expect(stored(trigger)).toEqual([{ id: record.id, type: 'customer-created', url: trigger.productionUrl, secret: 'RotatedSecret0000001' }]);
		const headers = { 'Content-Type': 'application/json', 'X-Webhook-Signature': old };
		expect((await post(trigger.productionUrl, payload('customer-created'), headers)).status).toBe(401);
		expect((await mock.fireWebhook('customer-created', { id: 'cst_9' }))[0].status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
	});

	it('delete (DELETE supported): removes every webhook of this URL, clears static data, warns about nothing', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created', 'invoice-paid', 'offer-accepted'] });
		await trigger.activate();
		const ids = mockWebhooks(mock, trigger.productionUrl).map((record) => record.id);
		const unrelated = mock.store.create<{ id: string }>('webhooks', { type: 'customer-created' });
		const since = mock.log.lastSeq;

		expect(await trigger.deactivate()).toBe(true);

		expect(apiCalls(mock, since)).toEqual(['GET /v1/webhooks 200', ...ids.map((id) => `DELETE /v1/webhooks/${id} 200`)]);
		expect(mockWebhooks(mock, trigger.productionUrl)).toEqual([]);
		expect(mockWebhooks(mock).map((record) => record.id)).toEqual([unrelated.id]);
		expect(trigger.nodeStaticData).toEqual({});
		expect(warnings()).toEqual([]);
		// Deactivated: n8n no longer routes the URL, so a late delivery starts nothing.
		const late = await mock.fireWebhook('customer-created');
		expect(late.filter((delivery) => delivery.url === trigger.productionUrl)).toEqual([]);
		expect(trigger.executions).toHaveLength(0);
	});

	it('delete (DELETE answers 405): deactivation succeeds and the log tells the user to remove the webhooks in the portal', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created', 'invoice-paid'] });
		await trigger.activate();
		const records = mockWebhooks(mock, trigger.productionUrl);
		mock.updateConfig({ webhookDelete: false });
		const since = mock.log.lastSeq;

		await expect(trigger.deactivate()).resolves.toBe(true);

		// One 405 shows the endpoint is missing; the other records are not tried.
		expect(apiCalls(mock, since)).toEqual(['GET /v1/webhooks 200', `DELETE /v1/webhooks/${records[0].id} 405`]);
		expect(mockWebhooks(mock, trigger.productionUrl)).toHaveLength(2);
		expect(trigger.nodeStaticData).toEqual({});
		const [warning, ...more] = warnings();
		expect(more).toEqual([]);
		expect(warning.level).toBe('warn');
		expect(warning.message).toMatch(/the workflow was deactivated, but MijnKlantportaal could not delete 2 webhook\(s\)/);
		expect(warning.message).toMatch(/answered 405 to DELETE \/webhooks\/\{id\}/);
		expect(warning.message).toMatch(/Remove them yourself in the MijnKlantportaal portal/);
		for (const record of records) {
			expect(warning.message).toContain(`${record.id} (${record.type})`);
			expect(warning.message).not.toContain(record.secret);
		}
		expect(warning.message).toContain(trigger.productionUrl);

		// Activating again adopts the records that are still there instead of duplicating them.
		const again = mock.log.lastSeq;
		expect(await trigger.activate()).toEqual({ existed: true });
		expect(apiCalls(mock, again)).toEqual(['GET /v1/webhooks 200']);
		expect(stored(trigger).map((record) => record.id)).toEqual(records.map((record) => record.id));
		expect((await mock.fireWebhook('invoice-paid'))[0].status).toBe(200);
	});

	it('after a 405, the notice tells where the webhooks left are, and Webhook → Get Many lists exactly them', async () => {
		const notice = new MijnKlantportaalWebhookTrigger().description.properties.find((property) => property.name === 'notice');
		expect(notice?.displayName).toBe(
			"Activating the workflow registers one MijnKlantportaal webhook per chosen event. Deactivating it deletes them where MijnKlantportaal allows it: its API does not document deleting webhooks, and when it refuses (405) they stay and n8n's log lists them. Those left are the webhooks whose URL is this node's Production URL (under Webhook URLs above): list them with the MijnKlantportaal node's Webhook → Get Many, and delete them in the MijnKlantportaal portal. Every call must carry its webhook's secret in X-Webhook-Signature, or it is refused.",
		);
		const trigger = triggerFor(mock, receiver, { events: ['offer-accepted', 'offer-rejected'] });
		await trigger.activate();
		mock.store.create('webhooks', { type: 'offer-accepted', url: 'https://elsewhere.example/hook' });
		mock.updateConfig({ webhookDelete: false });
		await expect(trigger.deactivate()).resolves.toBe(true);

		// What the notice tells the user to do: list the account's webhooks and look for this URL.
		const helper = new MemoryCredentialsHelper();
		helper.set('list', 'mijnKlantportaalApi', { apiKey: mock.apiKey, environment: 'custom', apiBaseUrl: mock.apiBaseUrl });
		const since = mock.log.lastSeq;
		const listed = await runNode({ helper, credentials: { mijnKlantportaalApi: 'list' }, parameters: { resource: 'webhook', operation: 'getAll', returnAll: true } });
		expect(apiCalls(mock, since)).toEqual(['GET /v1/webhooks 200']);
		const left = listed.items.map((item) => item.json).filter((record) => record.url === trigger.productionUrl);
		expect(left.map((record) => record.type)).toEqual(['offer-accepted', 'offer-rejected']);
		expect(left.map((record) => record.id)).toEqual(mockWebhooks(mock, trigger.productionUrl).map((record) => record.id));
		// n8n's log names the same ones.
		for (const record of left) expect(warnings()[0].message).toContain(`${String(record.id)} (${String(record.type)})`);
	});

	it('delete after the webhook is already gone (404, and GET confirms it): no warning', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created'] });
		await trigger.activate();
		const [record] = mockWebhooks(mock, trigger.productionUrl);
		// Removed in the portal meanwhile; static data still has it.
		mock.store.collection('webhooks').remove(record.id);
		const since = mock.log.lastSeq;

		await expect(trigger.deactivate()).resolves.toBe(true);
		expect(apiCalls(mock, since)).toEqual(['GET /v1/webhooks 200', `DELETE /v1/webhooks/${record.id} 404`, `GET /v1/webhooks/${record.id} 404`]);
		expect(warnings()).toEqual([]);
		expect(trigger.nodeStaticData).toEqual({});
	});

	it('delete where DELETE answers 404 but the webhook still exists (no such route): deactivation succeeds with the portal warning', async () => {
		const routes = mockRoutes.map((route) =>
			route.method === 'DELETE' && route.path === '/webhooks/{webhookId}'
				? { ...route, handler: () => { throw new ApiError(404, 'Not found.'); } }
				: route,
		);
		const noDelete = await startMock({ routes });
		try {
			const trigger = triggerFor(noDelete, receiver, { events: ['payment-link-paid', 'ticket-created'] });
			await trigger.activate();
			const records = mockWebhooks(noDelete, trigger.productionUrl);
			const since = noDelete.log.lastSeq;

			await expect(trigger.deactivate()).resolves.toBe(true);
			expect(apiCalls(noDelete, since)).toEqual([
				'GET /v1/webhooks 200',
				`DELETE /v1/webhooks/${records[0].id} 404`,
				`GET /v1/webhooks/${records[0].id} 200`,
			]);
			expect(warnings()).toHaveLength(1);
			expect(warnings()[0].message).toMatch(/answered 404 to DELETE \/webhooks\/\{id\}.*Remove them yourself in the MijnKlantportaal portal/s);
			expect(warnings()[0].message).toContain(`${records[1].id} (ticket-created)`);
		} finally {
			receiver.use(undefined);
			await noDelete.close();
		}
	});

	it('delete never throws: an unreachable API is logged with the same plain instruction', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created'] });
		await trigger.activate();
		const [record] = mockWebhooks(mock, trigger.productionUrl);
		mock.faults.add({ type: 'drop', count: 100, pathPattern: '/v1/webhooks/*' });
		mock.faults.add({ type: '503', count: 100, pathPattern: '/v1/webhooks' });
		try {
			await expect(trigger.deactivate()).resolves.toBe(false);
		} finally {
			mock.faults.clear();
		}
		const messages = warnings().map((line) => line.message);
		expect(messages).toHaveLength(2);
		expect(messages[0]).toMatch(/could not list the account's webhooks.*Only the 1 webhook\(s\) this node recorded are deleted/);
		expect(messages[1]).toMatch(new RegExp(`deleting 1 webhook\\(s\\) failed: ${record.id} \\(customer-created\\).*Remove them in the MijnKlantportaal portal`));
		expect(messages.join('\n')).not.toContain(record.secret);
	}, 60000);

	it('a failed activation cleans up the webhooks it created, even one whose answer was lost', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created', 'invoice-paid'] });
		// The first POST creates the record but its answer is garbled: not repeated, activation fails.
		mock.faults.add({ type: 'malformed', method: 'POST', pathPattern: '/v1/webhooks', phase: 'after' });

		await expect(trigger.activate()).rejects.toThrow(/not valid JSON/);

		// n8n runs delete on the workflow as stored (no IDs in it); the URL listing finds the orphan.
		expect(mockWebhooks(mock, trigger.productionUrl)).toEqual([]);
		expect(mock.log.entries().filter((entry) => entry.method === 'POST' && entry.path === '/v1/webhooks')).toHaveLength(1);
		expect(warnings()).toEqual([]);
	});

	it('uses the OAuth2 credential when Authentication is OAuth2', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['appointment-created'], oAuth2: true });
		const since = mock.log.lastSeq;
		await trigger.activate();
		const credentials = new Set(mock.log.entries({ since }).map((entry) => entry.credential));
		expect([...credentials]).toEqual([expect.stringMatching(/^oauth:/)]);
		await trigger.deactivate();
		expect(mockWebhooks(mock)).toEqual([]);
	});

	it('activation fails with the scope hint when the key lacks webhooks.write', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created'], apiKey: mock.createApiKey(['webhooks.read']) });
		await expect(trigger.activate()).rejects.toMatchObject({
			description: expect.stringContaining('"webhooks.write"'),
		});
		expect(mockWebhooks(mock)).toEqual([]);
	});

	it('activation fails plainly when no event is chosen', async () => {
		const trigger = triggerFor(mock, receiver, { events: [] });
		await expect(trigger.run('checkExists')).rejects.toThrow('Choose at least one event');
		expect(mockWebhooks(mock)).toEqual([]);
	});

	it('test and production registrations are kept apart by URL', async () => {
		const trigger = triggerFor(mock, receiver, { events: ['customer-created'] });
		await trigger.activate();
		const production = stored(trigger);

		// "Listen for test event": the same node, n8n's test URL, a HookContext with isTest.
		const workflow = trigger.workflow();
		const node = new MijnKlantportaalWebhookTrigger();
		const testContext = trigger.hookContext(workflow, 'manual', true);
		expect(await node.webhookMethods.default.checkExists.call(testContext)).toBe(false);
		await node.webhookMethods.default.create.call(testContext);
		expect(mockWebhooks(mock).map((record) => record.url)).toEqual([trigger.productionUrl, `${receiver.webhookBaseUrl}-test/${trigger.node.webhookId}/webhook`]);
		await node.webhookMethods.default.delete.call(testContext);
		trigger.save(workflow);

		expect(mockWebhooks(mock).map((record) => record.url)).toEqual([trigger.productionUrl]);
		expect(stored(trigger)).toEqual(production);
	});
});
