// One delivery of each documented event type, fired by the mock at the trigger's production URL.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { webhook } from '../../nodes/shared/resources/webhook';
import { MijnKlantportaalWebhookTrigger } from '../../nodes/MijnKlantportaalWebhookTrigger/MijnKlantportaalWebhookTrigger.node';
import { EVENT_TYPES } from '../../nodes/MijnKlantportaalWebhookTrigger/events';
import { restEndpoints } from '../harness/mkp-endpoints.cjs';
import { startReceiver } from '../harness/mkp-hooks.cjs';
import type { TriggerHarness } from '../harness/mkp-hooks.cjs';
import { apiCalls, mockWebhooks, startMock, stored, triggerFor } from './setup.cjs';
import type { MockServer, Receiver } from './setup.cjs';

/** The documented types, in the docs' order: the `type` field of `POST /webhooks` in endpoints.json. */
const DOCUMENTED = restEndpoints()
	.find((endpoint) => endpoint.method === 'POST' && endpoint.path === '/webhooks')
	?.bodyFields.find((field) => field.name === 'type')
	?.description.replace(/^event: /, '')
	.split(', ') ?? [];

describe(`the ${DOCUMENTED.length} event types`, () => {
	it('are the documented ones, taken from the action node, and offered by the trigger', () => {
		expect(DOCUMENTED.length).toBeGreaterThan(0);
		for (const type of DOCUMENTED) expect(type).toMatch(/^[a-z]+(-[a-z]+)+$/);
		expect([...EVENT_TYPES].sort()).toEqual([...DOCUMENTED].sort());
		const type = webhook.operations.find((operation) => operation.value === 'create')?.fields?.find((field) => field.name === 'type');
		expect(EVENT_TYPES).toEqual(type?.options?.map((option) => option.value));
		const events = new MijnKlantportaalWebhookTrigger().description.properties.find((property) => property.name === 'events');
		expect(events).toMatchObject({ type: 'multiOptions', required: true, default: [] });
		expect(events?.options?.map((option) => (option as { value: string }).value)).toEqual(EVENT_TYPES);
	});

	it('are all documented in the README\'s webhook trigger section', () => {
		const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
		const text = readme.slice(readme.indexOf('## MijnKlantportaal Webhook Trigger'));
		expect(text.startsWith('## MijnKlantportaal Webhook Trigger')).toBe(true);
		const options = new MijnKlantportaalWebhookTrigger().description.properties.find((property) => property.name === 'events')?.options ?? [];
		for (const option of options as Array<{ name: string; value: string; description?: string }>) {
			expect(text).toContain(`| ${option.name} | \`${option.value}\` | ${option.description} |`);
		}
	});

	describe('one delivery each', () => {
		let mock: MockServer;
		let receiver: Receiver;
		let trigger: TriggerHarness;

		beforeAll(async () => {
			mock = await startMock();
			receiver = await startReceiver();
			trigger = triggerFor(mock, receiver, { events: DOCUMENTED });
			const since = mock.log.lastSeq;
			await trigger.activate();
			expect(apiCalls(mock, since).filter((call) => call.startsWith('POST'))).toHaveLength(DOCUMENTED.length);
		});
		afterAll(async () => {
			await receiver.close();
			await mock.close();
		});

		it(`registered ${DOCUMENTED.length} webhooks, one per type, all stored with their secrets`, () => {
			const remote = mockWebhooks(mock, trigger.productionUrl);
			expect(remote.map((record) => record.type)).toEqual(DOCUMENTED);
			expect(stored(trigger)).toEqual(remote.map(({ id, type, url, secret }) => ({ id, type, url, secret })));
		});

		it(`finds all ${DOCUMENTED.length} again across two list pages`, async () => {
			const since = mock.log.lastSeq;
			expect(await trigger.run('checkExists')).toBe(true);
			expect(apiCalls(mock, since)).toEqual(['GET /v1/webhooks 200', 'GET /v1/webhooks?page=2 200']);
		});

		it.each(DOCUMENTED.map((event, index) => [event, index]))('%s: 200 and one run with the payload, event and receivedAt', async (event, index) => {
			const before = trigger.executions.length;
			const data = { id: `rec_${index}`, note: `delivery of ${event}`, nested: { n: index } };
			const started = Date.now();

			const deliveries = await mock.fireWebhook(event as string, data, { signature: index % 2 ? 'hmac' : 'secret' });

			expect(deliveries).toEqual([
				{ webhookId: mockWebhooks(mock, trigger.productionUrl)[index as number].id, url: trigger.productionUrl, status: 200, ok: true },
			]);
			expect(trigger.executions).toHaveLength(before + 1);
			const items = trigger.executions[before];
			expect(items).toHaveLength(1);
			const { receivedAt, createdAt, ...rest } = items[0].json as Record<string, unknown>;
			expect(rest).toEqual({ event, data });
			expect(typeof createdAt).toBe('string');
			expect(new Date(receivedAt as string).getTime()).toBeGreaterThanOrEqual(started - 1000);
			expect(receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		});
	});
});
