// A delivery is checked only against the webhooks of the URL it arrived on: the production URL
// accepts the secrets of the production webhooks, the test URL ("Listen for test event") those of
// the test webhooks. Through n8n-core's WebhookContext in the mode n8n runs each in.
import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import type { TriggerHarness } from '../harness/mkp-hooks.cjs';
import { logs, mockWebhooks, payload, post, mockAndReceiver, triggerFor } from './setup.cjs';
import type { MockWebhook } from './setup.cjs';

const json = { 'Content-Type': 'application/json' };
const NOT_OURS = { status: 401, body: { code: 401, message: 'The X-Webhook-Signature header does not match a webhook of this workflow' } };
const STARTED = { status: 200, body: { message: 'Workflow was started' } };

describe('each webhook URL accepts only the secrets of its own webhooks', () => {
	const env = mockAndReceiver();
	let trigger: TriggerHarness;
	let production: MockWebhook;
	let test: MockWebhook;

	beforeAll(async () => {
		trigger = triggerFor(env.mock, env.receiver, { events: ['customer-created'] });
		await trigger.activate();
		await trigger.listenForTest();
		[production] = mockWebhooks(env.mock, trigger.productionUrl);
		[test] = mockWebhooks(env.mock, trigger.testUrl);
	});
	beforeEach(() => {
		trigger.executions.length = 0;
		logs.length = 0;
	});

	it('the two registrations are two webhooks with two secrets', () => {
		expect(mockWebhooks(env.mock).map((record) => record.url)).toEqual([trigger.productionUrl, trigger.testUrl]);
		expect(production.secret).not.toBe(test.secret);
		// While listening, the test registration's static data holds both (n8n copies the saved one).
		const cached = (trigger.testStaticData?.[`node:${trigger.node.name}`] as IDataObject).webhooks as MockWebhook[];
		expect(cached.map((record) => record.id)).toEqual([production.id, test.id]);
	});

	it('the test URL refuses the production secret (in the cached static data too), and takes its own', async () => {
		expect(await post(trigger.testUrl, payload('customer-created', { id: 'cst_t1' }), { ...json, 'X-Webhook-Signature': production.secret })).toEqual(NOT_OURS);
		expect(trigger.executions).toEqual([]);
		// The node's first refusal is a warning; it names the URL the delivery arrived on.
		const [line] = logs.filter((entry) => entry.message.includes('refused a delivery'));
		expect(line.message).toContain(`node "${trigger.node.name}", test URL): refused a delivery with 401`);
		expect(await post(trigger.testUrl, payload('customer-created', { id: 'cst_t2' }), { ...json, 'X-Webhook-Signature': test.secret })).toEqual(STARTED);
		expect(trigger.executions.map((items) => items[0].json.data)).toEqual([{ id: 'cst_t2' }]);
	});

	it('n8n 1.x (no getWebhookResourceUrl): the test URL still refuses the production secret', async () => {
		env.receiver.use(trigger, { withoutResourceUrl: true });
		try {
			expect(await post(trigger.testUrl, payload('customer-created', { id: 'cst_t4' }), { ...json, 'X-Webhook-Signature': production.secret })).toEqual(NOT_OURS);
			expect(await post(trigger.testUrl, payload('customer-created', { id: 'cst_t5' }), { ...json, 'X-Webhook-Signature': test.secret })).toEqual(STARTED);
			expect(await post(trigger.productionUrl, payload('customer-created', { id: 'cst_t6' }), { ...json, 'X-Webhook-Signature': test.secret })).toEqual(NOT_OURS);
			expect(trigger.executions).toHaveLength(1);
		} finally {
			env.receiver.use(trigger);
		}
	});

	it('the production URL refuses the test secret, also when the saved static data holds the test webhook', async () => {
		// Static data with the records of both URLs, as the node keeps them when both are saved.
		const saved = trigger.savedStaticData;
		trigger.savedStaticData = JSON.parse(JSON.stringify({ ...saved, ...trigger.testStaticData })) as IDataObject;
		try {
			expect(((trigger.nodeStaticData.webhooks ?? []) as MockWebhook[]).map((record) => record.url)).toEqual([trigger.productionUrl, trigger.testUrl]);
			const body = payload('customer-created', { id: 'cst_p1' });
			expect(await post(trigger.productionUrl, body, { ...json, 'X-Webhook-Signature': test.secret })).toEqual(NOT_OURS);
			const hmac = `sha256=${createHmac('sha256', test.secret).update(body).digest('hex')}`;
			expect(await post(trigger.productionUrl, body, { ...json, 'X-Webhook-Signature': hmac })).toEqual(NOT_OURS);
			expect(trigger.executions).toEqual([]);
			expect(await post(trigger.productionUrl, body, { ...json, 'X-Webhook-Signature': production.secret })).toEqual(STARTED);
			expect(trigger.executions).toHaveLength(1);
		} finally {
			trigger.savedStaticData = saved;
		}
	});

	it('the mock delivers one event to both URLs, each signed with its own secret: both start', async () => {
		const deliveries = await env.mock.fireWebhook('customer-created', { id: 'cst_both' });
		expect(deliveries.map(({ webhookId, status }) => ({ webhookId, status })).sort((a, b) => a.webhookId.localeCompare(b.webhookId))).toEqual(
			[{ webhookId: production.id, status: 200 }, { webhookId: test.id, status: 200 }].sort((a, b) => a.webhookId.localeCompare(b.webhookId)),
		);
		expect(trigger.executions).toHaveLength(2);
	});

	it('after listening stops, the test webhook is deleted and the production one stays', async () => {
		await trigger.stopListening();
		expect(mockWebhooks(env.mock).map((record) => record.id)).toEqual([production.id]);
		expect((await post(trigger.testUrl, payload('customer-created'), { ...json, 'X-Webhook-Signature': test.secret })).status).toBe(404);
	});
});
