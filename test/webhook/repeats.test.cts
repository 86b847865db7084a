// A delivery whose raw body is identical to one accepted in the last 10 minutes (a replay, or the
// API sending it again) is answered 200 and does not start the workflow again.
import { createHmac } from 'node:crypto';
import type { TriggerHarness } from '../harness/mkp-hooks.cjs';
import { MAX_REMEMBERED, RecentDeliveries, REPEAT_WINDOW_MS } from '../../nodes/MijnKlantportaalWebhookTrigger/recent';
import { mockWebhooks, payload, post, mockAndReceiver, triggerFor } from './setup.cjs';
import type { MockWebhook } from './setup.cjs';

const json = { 'Content-Type': 'application/json' };
const STARTED = { status: 200, body: { message: 'Workflow was started' } };
const REPEAT = {
	status: 200,
	body: { message: 'Already received: an identical delivery was accepted in the last 10 minutes, so the workflow was not started again' },
};

describe('repeated deliveries', () => {
	const env = mockAndReceiver();
	let trigger: TriggerHarness;
	let customer: MockWebhook;
	const signed = () => ({ ...json, 'X-Webhook-Signature': customer.secret });

	beforeAll(async () => {
		trigger = triggerFor(env.mock, env.receiver, { events: ['customer-created'] });
		await trigger.activate();
		[customer] = mockWebhooks(env.mock, trigger.productionUrl);
	});
	beforeEach(() => {
		trigger.executions.length = 0;
		env.receiver.deliveries.length = 0;
		env.receiver.use(trigger);
	});
	afterEach(() => jest.restoreAllMocks());

	it('the same body again is answered 200 and not started again; the receiver saw both', async () => {
		const body = payload('customer-created', { id: 'cst_r1' });
		expect(await post(trigger.productionUrl, body, signed())).toEqual(STARTED);
		expect(await post(trigger.productionUrl, body, signed())).toEqual(REPEAT);
		// Signed the other way (an HMAC) it is still the same delivery.
		const hmac = `sha256=${createHmac('sha256', customer.secret).update(body).digest('hex')}`;
		expect(await post(trigger.productionUrl, body, { ...json, 'X-Webhook-Signature': hmac })).toEqual(REPEAT);
		// A new event from the mock starts the workflow.
		const [delivery] = await env.mock.fireWebhook('customer-created', { id: 'cst_r2' });
		expect(delivery.status).toBe(200);
		await env.receiver.settle();
		expect(env.receiver.deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200]);
		expect(trigger.executions.map((items) => items[0].json.data)).toEqual([{ id: 'cst_r1' }, { id: 'cst_r2' }]);
	});

	it('a body that differs in one byte is a new delivery', async () => {
		const body = payload('customer-created', { id: 'cst_r3' });
		expect(await post(trigger.productionUrl, body, signed())).toEqual(STARTED);
		expect(await post(trigger.productionUrl, `${body} `, signed())).toEqual(STARTED);
		expect(trigger.executions).toHaveLength(2);
	});

	it('a refused delivery is not remembered: the same body, properly signed, then starts', async () => {
		const body = payload('customer-created', { id: 'cst_r4' });
		expect((await post(trigger.productionUrl, body, { ...json, 'X-Webhook-Signature': 'wrong' })).status).toBe(401);
		expect(await post(trigger.productionUrl, body, signed())).toEqual(STARTED);
		expect(await post(trigger.productionUrl, body, signed())).toEqual(REPEAT);
		expect(env.receiver.deliveries).toHaveLength(3);
		expect(trigger.executions).toHaveLength(1);
	});

	it('another workflow receiving the same body starts too: the memory is per workflow and URL', async () => {
		const other = triggerFor(env.mock, env.receiver, { events: ['customer-created'] });
		await other.activate();
		const [otherWebhook] = mockWebhooks(env.mock, other.productionUrl);
		const body = payload('customer-created', { id: 'cst_r5' });
		try {
			env.receiver.use(trigger);
			expect(await post(trigger.productionUrl, body, signed())).toEqual(STARTED);
			env.receiver.use(other);
			expect(await post(other.productionUrl, body, { ...json, 'X-Webhook-Signature': otherWebhook.secret })).toEqual(STARTED);
			expect(await post(other.productionUrl, body, { ...json, 'X-Webhook-Signature': otherWebhook.secret })).toEqual(REPEAT);
			expect([trigger.executions.length, other.executions.length]).toEqual([1, 1]);
		} finally {
			await other.deactivate();
		}
	});

	it('after 10 minutes the same body starts the workflow again', async () => {
		const body = payload('customer-created', { id: 'cst_r6' });
		const start = Date.now();
		expect(await post(trigger.productionUrl, body, signed())).toEqual(STARTED);
		// Time travel for the node's clock only; nothing here waits.
		const now = jest.spyOn(Date, 'now').mockReturnValue(start + REPEAT_WINDOW_MS - 1000);
		expect(await post(trigger.productionUrl, body, signed())).toEqual(REPEAT);
		now.mockReturnValue(start + REPEAT_WINDOW_MS + 1000);
		expect(await post(trigger.productionUrl, body, signed())).toEqual(STARTED);
		expect(trigger.executions).toHaveLength(2);
	});

	it('the memory is bounded: past its size the oldest are forgotten first', () => {
		expect(MAX_REMEMBERED).toBe(10_000);
		const memory = new RecentDeliveries(REPEAT_WINDOW_MS, 3);
		const key = (n: number) => RecentDeliveries.keyOf(['wf', 'node', 'url'], `body ${n}`);
		expect([1, 2, 3, 4].map((n) => memory.accept(key(n), 1000 + n))).toEqual([true, true, true, true]);
		expect(memory.size).toBe(3);
		// 1 was forgotten to make room for 4; 2, 3 and 4 are still known.
		expect([2, 3, 4].map((n) => memory.accept(key(n), 2000))).toEqual([false, false, false]);
		expect(memory.accept(key(1), 2000)).toBe(true);
		// Expired entries are dropped as time passes, so the memory empties itself.
		expect(memory.accept(key(9), 2000 + REPEAT_WINDOW_MS + 1)).toBe(true);
		expect(memory.size).toBe(1);
	});
});
