import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { MijnKlantportaal } from '../../nodes/MijnKlantportaal/MijnKlantportaal.node';
import { apiRequest } from '../../nodes/shared/transport';
import type { ApiRequest, RetryOptions } from '../../nodes/shared/transport';
import { startMockServer } from '../mock-server';
import type { MockServer } from '../mock-server';
import { registerNodeType } from '../harness/mkp-n8n.cjs';
import { customerFields, rl, run } from './helpers.cjs';

/**
 * One failure at a time, injected by the mock, through n8n-core's real engine: what is retried,
 * what is not, how many requests reach the API, and what the user reads when it gives up.
 */
const NODE_TYPE = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';

/** The action node, whose execute sends each input item's `request` with its `retry` options. */
class TransportProbe extends MijnKlantportaal {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (const [index, item] of this.getInputData().entries()) {
			const { request, retry } = item.json as unknown as { request: ApiRequest; retry: RetryOptions };
			try {
				const response = await apiRequest.call(this, { ...request, subject: { action: 'Probe', itemIndex: index } }, retry);
				out.push({ json: { body: response.body as never }, pairedItem: { item: index } });
			} catch (error) {
				out.push({ json: { error: (error as Error).message, description: (error as { description?: string }).description ?? null }, pairedItem: { item: index } });
			}
		}
		return [out];
	}
}

describe('transport retries against injected faults', () => {
	let mock: MockServer;
	let customerId: string;
	let credential = 0;
	const fresh = () => `retries-${++credential}`;
	const customers = () => mock.store.collection<{ companyName: string }>('customers').all();
	const named = (name: string) => customers().filter((c) => c.companyName === name).length;
	const create = (name: string, requestOptions = {}) =>
		run(mock, { resource: 'customer', operation: 'create', ...customerFields, requestOptions }, { items: [{ json: { name, email: 'a@b.nl' } }], continueOnFail: true, credentialId: fresh() });
	const get = (requestOptions = {}) =>
		run(mock, { resource: 'customer', operation: 'get', customerId: rl(customerId), requestOptions }, { continueOnFail: true, credentialId: fresh() });

	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 5, records: 3, rateLimit: null });
		customerId = String(customers()[0] && (customers()[0] as unknown as { id: string }).id);
	});
	afterAll(async () => mock.close());
	afterEach(() => {
		mock.faults.clear();
		mock.updateConfig({ rateLimit: null });
	});

	it('retries a GET through 5xx answers with backoff and returns the record', async () => {
		mock.faults.add({ type: '503', count: 1, method: 'GET' });
		mock.faults.add({ type: '502', count: 1, method: 'GET' });
		const result = await get();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.id).toBe(customerId);
		expect(result.api.map((e) => e.status)).toEqual([503, 502, 200]);
	});

	it('retries a GET through a dropped connection and a broken (truncated JSON) answer', async () => {
		mock.faults.add({ type: 'drop', count: 1, method: 'GET', phase: 'after' });
		mock.faults.add({ type: 'malformed', count: 1, method: 'GET', phase: 'after' });
		const result = await get();
		expect(result.items[0].json.id).toBe(customerId);
		expect(result.api.map((e) => [e.status, e.fault ?? null])).toEqual([[0, 'drop'], [200, 'malformed'], [200, null]]);
	});

	it('gives up after Max Retries and says what happened, how often it was tried and what to do', async () => {
		mock.faults.add({ type: '500', count: 10, method: 'GET' });
		const result = await get();
		expect(result.api).toHaveLength(4);
		expect(result.items[0].json).toEqual({
			error: 'MijnKlantportaal server error (500): Get a customer failed after 4 attempts',
			description: "The server kept failing. The node tried 4 times. Try again later, or raise Max Retries in the node's options.",
		});
		mock.faults.clear();
		mock.faults.add({ type: 'drop', count: 10, method: 'GET' });
		const once = await get({ maxRetries: 0 });
		expect(once.api).toHaveLength(1);
		expect(once.items[0].json.error).toBe('MijnKlantportaal could not be reached: Get a customer failed after 1 attempt, the last with a dropped connection');
		expect(once.items[0].json.description).toBe("Error code: ECONNRESET. Max Retries is 0 in the node's options, so it was not tried again. Raise it, or try again later.");
	});

	it('never repeats a create that may have been processed: the record exists once and the error says it was not repeated', async () => {
		const cases = [
			{ type: '500', phase: 'after', created: 1, cause: 'MijnKlantportaal server error (500): Create a customer failed after 1 attempt and was not repeated, because it may already have been processed' },
			{ type: '502', phase: 'before', created: 0, cause: 'MijnKlantportaal server error (502): Create a customer failed after 1 attempt and was not repeated, because it may already have been processed' },
			{ type: 'drop', phase: 'after', created: 1, cause: 'MijnKlantportaal did not answer properly: Create a customer got a dropped connection after 1 attempt and was not repeated, because it may already have been processed' },
			{ type: 'malformed', phase: 'after', created: 1, cause: 'MijnKlantportaal did not answer properly: Create a customer got a broken response (status 200, not valid JSON) after 1 attempt and was not repeated, because it may already have been processed' },
			{ type: 'malformed', phase: 'before', created: 0, cause: 'MijnKlantportaal did not answer properly: Create a customer got a broken response (status 200, not valid JSON) after 1 attempt and was not repeated, because it may already have been processed' },
		] as const;
		for (const [index, fault] of cases.entries()) {
			mock.faults.add({ type: fault.type, count: 1, method: 'POST', phase: fault.phase });
			const name = `Not Repeated ${index}`;
			const result = await create(name);
			expect(result.api).toHaveLength(1);
			expect(named(name)).toBe(fault.created);
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json.error).toBe(fault.cause);
			expect(result.items[0].json.description).toMatch(/Check in the portal whether the customer was changed or created before you run this item again\.$/);
		}
	});

	it('sends a create again after a 429 (the API did not process it) and creates it once', async () => {
		mock.faults.add({ type: '429', count: 1, method: 'POST' });
		const started = Date.now();
		const result = await create('After 429');
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(result.items[0].json.companyName).toBe('After 429');
		expect(result.api.map((e) => e.status)).toEqual([429, 200]);
		expect(named('After 429')).toBe(1);
	});

	it('retries an idempotent update (PATCH) whose answer was lost, and does not retry a payment-link close (DELETE)', async () => {
		mock.faults.add({ type: '502', count: 1, method: 'PATCH', phase: 'after' });
		const update = await run(mock, { resource: 'customer', operation: 'update', customerId: rl(customerId), updateFields: { city: 'Zwolle' } }, { continueOnFail: true, credentialId: fresh() });
		expect(update.items[0].json).toMatchObject({ id: customerId, city: 'Zwolle' });
		expect(update.api.map((e) => e.status)).toEqual([502, 200]);

		const link = mock.store.create<{ id: string }>('paymentLinks', { status: 'open' });
		mock.faults.add({ type: '503', count: 1, method: 'DELETE', phase: 'after' });
		const close = await run(mock, { resource: 'paymentLink', operation: 'close', linkId: rl(link.id) }, { continueOnFail: true, credentialId: fresh() });
		expect(close.api.map((e) => e.status)).toEqual([503]);
		expect(close.items[0].json.error).toBe('MijnKlantportaal server error (503): Close a payment link failed after 1 attempt and was not repeated, because it may already have been processed');
	});

	it('tries a create again when the connection was refused (nothing was sent), and then says so', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
		const port = (closed.address() as AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const result = await run(mock, { resource: 'customer', operation: 'create', ...customerFields, requestOptions: { maxRetries: 2 } }, {
			items: [{ json: { name: 'Refused', email: 'a@b.nl' } }],
			continueOnFail: true,
			credentialId: fresh(),
			apiBaseUrl: `http://127.0.0.1:${port}/v1`,
		});
		expect(result.items[0].json).toEqual({
			error: 'MijnKlantportaal could not be reached: Create a customer failed after 3 attempts, the last with a refused connection',
			description: "Error code: ECONNREFUSED. Nothing reached the server, so nothing was processed. The node tried 3 times. Try again later, or raise Max Retries in the node's options.",
		});
	});

	it('times out a hanging GET and retries it; a hanging create is not repeated', async () => {
		registerNodeType(NODE_TYPE, new TransportProbe());
		try {
			const retry: RetryOptions = { maxRetries: 2, maxWaitSeconds: 30, timeoutSeconds: 0.3 };
			mock.faults.add({ type: 'latency', latencyMs: 1500, count: 1, method: 'GET' });
			mock.faults.add({ type: 'latency', latencyMs: 1500, count: 1, method: 'POST', phase: 'after' });
			const before = customers().length;
			const since = mock.log.lastSeq;
			const result = await run(mock, {}, {
				credentialId: fresh(),
				items: [
					{ json: { request: { method: 'GET', path: `/customers/${customerId}` }, retry } as never },
					{ json: { request: { method: 'POST', path: '/customers', body: { companyName: 'Slow BV', address: 'Kerkstraat 1', zipCode: '1234 AB', city: 'Utrecht', primaryEmail: 'a@b.nl' } }, retry } as never },
				],
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ body: { id: customerId } });
			expect(result.items[1].json.error).toMatch(/^MijnKlantportaal did not answer properly: Probe got no answer in time after 1 attempt and was not repeated, because it may already have been processed$/);
			expect(result.items[1].json.description).toMatch(/^Error code: (ECONNABORTED|ETIMEDOUT)\. The request may have reached the server/);
			// The slow create was processed by the API (after the timeout) exactly once.
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(customers().length).toBe(before + 1);
			expect(mock.log.entries({ since }).filter((e) => e.method === 'POST')).toHaveLength(1);
			// The timed-out GET's socket is gone by the time the mock would answer it; the retry is the one answer.
			expect(mock.log.entries({ since }).filter((e) => e.method === 'GET' && e.status === 200)).toHaveLength(1);
			expect(mock.faults.list().rules).toHaveLength(0);
		} finally {
			registerNodeType(NODE_TYPE, new MijnKlantportaal());
		}
	});

	it('fails with a clear rate-limit error when the next window is beyond Max Wait', async () => {
		mock.updateConfig({ rateLimit: { limit: 2, windowSeconds: 5 } });
		const result = await run(mock, { resource: 'customer', operation: 'get', customerId: rl('={{ $json.id }}'), requestOptions: { maxWaitSeconds: 1 } }, {
			items: [{ json: { id: customerId } }, { json: { id: customerId } }, { json: { id: customerId } }],
			continueOnFail: true,
			credentialId: fresh(),
		});
		expect(result.items.slice(0, 2).map((item) => item.json.id)).toEqual([customerId, customerId]);
		expect(result.items[2].json.error).toMatch(/^Rate limited by MijnKlantportaal: Get a customer was refused 1 time \(429 Too Many Requests, 1 attempt in all\); the next window opens in [45] s, beyond the Max Wait of 1 s$/);
		expect(result.items[2].json.description).toMatch(/^The API allows 2 requests per window per API key or token, shared by every workflow that uses it\. Raise "Max Wait" in the node's options to at least [45] s/);
	});
});
