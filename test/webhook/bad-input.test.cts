// Signed deliveries the trigger must refuse with a clear 4xx, starting nothing.
import { createHmac } from 'node:crypto';
import { startReceiver } from '../harness/mkp-hooks.cjs';
import type { TriggerHarness } from '../harness/mkp-hooks.cjs';
import { mockWebhooks, payload, post, startMock, triggerFor } from './setup.cjs';
import type { MockServer, MockWebhook, Receiver } from './setup.cjs';

describe('MijnKlantportaal Trigger: bad input', () => {
	let mock: MockServer;
	let receiver: Receiver;
	let trigger: TriggerHarness;
	let customer: MockWebhook;
	let leftover: MockWebhook;

	beforeAll(async () => {
		mock = await startMock();
		receiver = await startReceiver();
		trigger = triggerFor(mock, receiver, { events: ['customer-created'] });
		// A webhook of this URL for an event the workflow does not listen to (left from an earlier
		// selection whose DELETE failed): checkExists adopts it, its deliveries are refused.
		leftover = mock.store.create<MockWebhook>('webhooks', { type: 'customer-deleted', url: trigger.productionUrl });
		await trigger.activate();
		[customer] = mockWebhooks(mock, trigger.productionUrl).filter((record) => record.type === 'customer-created');
	});
	afterAll(async () => {
		await receiver.close();
		await mock.close();
	});
	beforeEach(() => {
		trigger.executions.length = 0;
		receiver.use(trigger);
	});
	afterEach(() => {
		expect(trigger.executions).toEqual([]);
	});

	const signed = (extra: Record<string, string> = {}) => ({ 'X-Webhook-Signature': customer.secret, ...extra });

	it('a wrong content type: 415', async () => {
		for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
			const response = await post(trigger.productionUrl, payload('customer-created'), signed({ 'Content-Type': contentType }));
			expect(response).toEqual({ status: 415, body: { code: 415, message: `Expected an application/json body, got "${contentType}"` } });
		}
	});

	it('no content type: 415', async () => {
		const response = await post(trigger.productionUrl, new TextEncoder().encode(payload('customer-created')), signed());
		expect(response).toEqual({ status: 415, body: { code: 415, message: 'Expected an application/json body, got no content type' } });
	});

	it('malformed JSON: n8n itself answers 422 before the node runs; without n8n\'s parser the node answers 400', async () => {
		const body = '{"event": "customer-created", "data": {';
		const byN8n = await post(trigger.productionUrl, body, signed({ 'Content-Type': 'application/json' }));
		expect(byN8n).toEqual({ status: 422, body: { code: 422, message: 'Failed to parse request body' } });

		receiver.use(trigger, { skipN8nBodyParser: true });
		const byNode = await post(trigger.productionUrl, body, signed({ 'Content-Type': 'application/json; charset=utf-8' }));
		expect(byNode).toEqual({ status: 400, body: { code: 400, message: 'The body is not valid JSON' } });
	});

	it('JSON that is not an object, or an empty body: 400', async () => {
		for (const body of ['[{"event":"customer-created"}]', '"customer-created"', '42', 'null', '']) {
			const response = await post(trigger.productionUrl, body, signed({ 'Content-Type': 'application/json' }));
			expect(response.status).toBe(400);
			expect(response.body.message).toMatch(/^The body (must be a JSON object|is not valid JSON)$/);
		}
	});

	it('an "event" that is not a string: 400', async () => {
		const body = JSON.stringify({ event: ['customer-created'], data: {} });
		const response = await post(trigger.productionUrl, body, signed({ 'Content-Type': 'application/json' }));
		expect(response).toEqual({ status: 400, body: { code: 400, message: 'The "event" field must be a string' } });
	});

	it('an event type this workflow does not listen to: 422', async () => {
		const [delivery] = await mock.fireWebhook('customer-deleted', { id: 'cst_1' });
		expect(delivery).toMatchObject({ webhookId: leftover.id, status: 422, ok: false });
		const direct = await post(trigger.productionUrl, payload('customer-deleted'), {
			'Content-Type': 'application/json',
			'X-Webhook-Signature': leftover.secret,
		});
		expect(direct).toEqual({ status: 422, body: { code: 422, message: 'The event "customer-deleted" is not one this workflow listens to' } });
	});

	it('a payload claiming another event than its signature is for: 401', async () => {
		for (const event of ['invoice-paid', 'no-such-event']) {
			const response = await post(trigger.productionUrl, payload(event), signed({ 'Content-Type': 'application/json' }));
			expect(response.status).toBe(401);
			expect(response.body.message).toBe(`The signature belongs to a webhook for "customer-created" events, not "${event}"`);
		}
	});

	it('a payload without "event" takes the type of the webhook that signed it', async () => {
		const body = JSON.stringify({ data: { id: 'cst_7' } });
		const hmac = `sha256=${createHmac('sha256', customer.secret).update(body).digest('hex')}`;
		const response = await post(trigger.productionUrl, body, { 'Content-Type': 'application/json', 'X-Webhook-Signature': hmac });
		expect(response).toEqual({ status: 200, body: { message: 'Workflow was started' } });
		expect(trigger.executions[0][0].json).toMatchObject({ event: 'customer-created', data: { id: 'cst_7' } });
		trigger.executions.length = 0;
	});

	it('bad input is refused even when the signature is missing too: 401 comes first, revealing nothing else', async () => {
		const response = await post(trigger.productionUrl, 'not json', { 'Content-Type': 'text/plain' });
		expect(response.status).toBe(401);
	});
});
