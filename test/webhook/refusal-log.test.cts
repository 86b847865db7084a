// A refused delivery is logged as a warning with its reason and what to do, never with the secret
// or the header, so a user whose deliveries all fail can see why; at most one warning a minute per
// trigger node, since anyone who knows the URL can send refused requests.
import type { TriggerHarness } from '../harness/mkp-hooks.cjs';
import { WARN_INTERVAL_MS } from '../../nodes/MijnKlantportaalWebhookTrigger/refusals';
import { logs, mockWebhooks, payload, post, mockAndReceiver, triggerFor, warnings } from './setup.cjs';
import type { MockWebhook } from './setup.cjs';

const json = { 'Content-Type': 'application/json' };
const where = (trigger: TriggerHarness) => `MijnKlantportaal Webhook Trigger (workflow "Trigger test", node "${trigger.node.name}", production URL)`;
const UNKNOWN_SECRET =
	"refused a delivery with 401: The X-Webhook-Signature header does not match a webhook of this workflow. If MijnKlantportaal's own calls are refused, deactivate and activate the workflow so the trigger reads the webhooks' current secrets. Calls from anyone else are refused this way too.";

describe('refused deliveries in the log', () => {
	const env = mockAndReceiver();

	beforeEach(() => {
		logs.length = 0;
	});
	afterEach(() => jest.restoreAllMocks());

	async function activeTrigger(): Promise<{ trigger: TriggerHarness; webhook: MockWebhook }> {
		const trigger = triggerFor(env.mock, env.receiver, { events: ['invoice-paid'] });
		await trigger.activate();
		return { trigger, webhook: mockWebhooks(env.mock, trigger.productionUrl)[0] };
	}

	it('the first refusal is a warning with the reason and what to do, without the header or any secret', async () => {
		const { trigger, webhook } = await activeTrigger();
		const attempt = 'Zz9yQ1x0aB2cD3eF4gH5-not-it';
		expect((await post(trigger.productionUrl, payload('invoice-paid'), { ...json, 'X-Webhook-Signature': attempt })).status).toBe(401);
		expect(warnings()).toEqual([
			{ level: 'warn', message: `${where(trigger)}: ${UNKNOWN_SECRET}`, meta: { workflowId: trigger.workflowId, nodeName: trigger.node.name, status: 401, refusedQuietly: 0 } },
		]);
		const text = JSON.stringify(logs);
		expect(text).not.toContain(attempt);
		expect(text).not.toContain(webhook.secret);
	});

	it('a genuine secret used for the wrong event: the warning names both events and not the secret', async () => {
		const { trigger, webhook } = await activeTrigger();
		expect((await post(trigger.productionUrl, payload('customer-created'), { ...json, 'X-Webhook-Signature': webhook.secret })).status).toBe(401);
		expect(warnings().map((line) => line.message)).toEqual([
			`${where(trigger)}: refused a delivery with 401: The signature belongs to a webhook for "invoice-paid" events, not "customer-created". The body names another event than the webhook whose secret signed it.`,
		]);
		expect(JSON.stringify(logs)).not.toContain(webhook.secret);
	});

	it('then at most one warning a minute per node, counting the refusals in between', async () => {
		const { trigger } = await activeTrigger();
		const start = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(start);
		for (let i = 0; i < 5; i++) {
			expect((await post(trigger.productionUrl, payload('invoice-paid'), { ...json, 'X-Webhook-Signature': `wrong-${i}` })).status).toBe(401);
		}
		expect(warnings()).toHaveLength(1);

		// A refusal of another kind within the minute is quiet too.
		expect((await post(trigger.productionUrl, payload('invoice-paid'), { 'X-Webhook-Signature': 'wrong' })).status).toBe(401);
		clock.mockReturnValue(start + WARN_INTERVAL_MS - 1);
		expect((await post(trigger.productionUrl, payload('invoice-paid'), json)).status).toBe(401);
		expect(warnings()).toHaveLength(1);

		clock.mockReturnValue(start + WARN_INTERVAL_MS);
		expect((await post(trigger.productionUrl, payload('invoice-paid'), json)).status).toBe(401);
		const [, second] = warnings();
		expect(second.message).toBe(
			`${where(trigger)}: refused a delivery with 401: The X-Webhook-Signature header is missing. MijnKlantportaal sends this header with every call, so the call came from elsewhere, or a proxy in front of n8n removed the header. 6 other refused deliveries since the last warning were logged at debug level only.`,
		);
		expect(second.meta).toMatchObject({ refusedQuietly: 6 });
		expect(warnings()).toHaveLength(2);
	});

	it("one node's refusals do not silence another's", async () => {
		const first = await activeTrigger();
		const second = await activeTrigger();
		for (const { trigger } of [first, second, first, second]) {
			env.receiver.use(trigger);
			expect((await post(trigger.productionUrl, payload('invoice-paid'), { ...json, 'X-Webhook-Signature': 'wrong' })).status).toBe(401);
		}
		expect(warnings().map((line) => (line.meta as { workflowId: string }).workflowId)).toEqual([first.trigger.workflowId, second.trigger.workflowId]);
	});

	it('an accepted delivery logs nothing', async () => {
		const { trigger } = await activeTrigger();
		const deliveries = await env.mock.fireWebhook('invoice-paid', { id: 'inv_quiet' });
		expect(deliveries.filter((delivery) => delivery.url === trigger.productionUrl).map((delivery) => delivery.status)).toEqual([200]);
		expect(trigger.executions).toHaveLength(1);
		// The other triggers' URLs are no longer routed here (n8n's 404), which the node never sees.
		expect(warnings()).toEqual([]);
	});
});
