import { startMockServer } from '../mock-server';
import type { LogEntry, MockServer } from '../mock-server';
import { rl, run } from './helpers.cjs';

/**
 * Pacing against the mock's real limiter (fixed window per key, starting with the first request):
 * pages and items share one budget, a spent window is waited out, and a run spends at most one
 * 429 (in its first window, to learn the window's length) and none once it knows it.
 */
const LIMIT = 10;
const WINDOW_MS = 1000;

/** Accepted requests per limiter window, rebuilt from the request log (mock-clock times). */
function windows(entries: LogEntry[]): number[] {
	const counts: number[] = [];
	let start = -Infinity;
	for (const entry of entries) {
		if (entry.time >= start + WINDOW_MS) {
			start = entry.time;
			counts.push(0);
		}
		if (entry.status !== 429) counts[counts.length - 1]++;
	}
	return counts;
}

describe('rate-limit pacing across pages, items and executions', () => {
	let mock: MockServer;
	let ids: string[];

	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 9, records: 0, rateLimit: { limit: LIMIT, windowSeconds: WINDOW_MS / 1000 } });
		mock.store.seed('customers', 120);
		ids = mock.store.collection<{ id: string }>('customers').all().map((c) => c.id);
	});
	afterAll(async () => mock.close());

	it('gets every page of every item, waiting out each spent window, with one 429 in all', async () => {
		mock.resetCounters();
		const started = Date.now();
		const result = await run(mock, { resource: 'customer', operation: 'getAll', returnAll: true }, { items: [{ json: {} }, { json: {} }, { json: {} }, { json: {} }], credentialId: 'paced' });
		const elapsed = Date.now() - started;
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4 * 120);
		expect(result.items.map((item) => item.json.id)).toEqual([...ids, ...ids, ...ids, ...ids]);
		// 4 items × 8 pages = 32 accepted requests; the first window's end is learned from one 429.
		expect(result.api.filter((e) => e.status === 200)).toHaveLength(32);
		expect(mock.counters.rateLimited).toBe(1);
		// Full windows are used to the last request: 10, 10, 10, 2.
		expect(windows(result.api)).toEqual([10, 10, 10, 2]);
		expect(elapsed).toBeGreaterThanOrEqual(3 * WINDOW_MS);
		expect(elapsed).toBeLessThan(3 * WINDOW_MS + 2500);
	});

	it('a later execution with the same credential knows the window and spends no 429 at all', async () => {
		mock.resetCounters();
		const items = ids.slice(0, 25).map((id) => ({ json: { id } }));
		const result = await run(mock, { resource: 'customer', operation: 'get', customerId: rl('={{ $json.id }}') }, { items, credentialId: 'paced' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual(ids.slice(0, 25));
		expect(mock.counters.rateLimited).toBe(0);
		expect(result.api).toHaveLength(25);
	});

	it('two executions side by side with the same credential share the budget: no 429 reaches either', async () => {
		mock.resetCounters();
		const items = ids.slice(0, 20).map((id) => ({ json: { id } }));
		const [a, b] = await Promise.all([
			run(mock, { resource: 'customer', operation: 'get', customerId: rl('={{ $json.id }}') }, { items, credentialId: 'paced' }),
			run(mock, { resource: 'customer', operation: 'getAll', returnAll: true }, { credentialId: 'paced' }),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(a.items).toHaveLength(20);
		expect(b.items).toHaveLength(120);
		// The shared pacer counts both executions' requests against one budget.
		expect(mock.counters.rateLimited).toBe(0);
	});
});
