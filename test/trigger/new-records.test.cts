import type { MockServer, Order } from '../mock-server';
import { all, beforeListRequest, countRequests, create, ids, oauthCredential, ORDERS, startMock, trigger } from './world.cjs';

/** Ids of the customers in the store, in creation order. */
const customerIds = (mock: MockServer) => all(mock, 'customers').map((c) => c.id);

describe.each(ORDERS)('new records, %s list', (order: Order) => {
	let mock: MockServer;

	beforeAll(async () => {
		mock = await startMock({ order });
	});
	afterAll(async () => mock.close());
	beforeEach(() => {
		mock.reset({ records: 0 });
		mock.faults.clear();
	});

	it('seeds on the first poll and emits nothing, then emits exactly the records created since', async () => {
		mock.store.seed('customers', 40);
		const t = trigger(mock, { event: 'customerCreated' });
		const first = await t.poll(true);
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		// n8n persists nothing after a poll without items; the state lives in memory.
		expect(t.storedState).toBeUndefined();
		expect(t.memoryState?.newRecords?.newestTs).toBeGreaterThan(0);

		const created = [create(mock, 'customers').id, create(mock, 'customers').id, create(mock, 'customers').id];
		const second = await t.poll();
		expect(second.error).toBeUndefined();
		expect(ids(second.items)).toEqual(created);
		expect(second.items![0].json).toMatchObject({ event: 'customerCreated', id: created[0] });
		expect(typeof second.items![0].json.detectedAt).toBe('string');
		expect(t.storedState?.newRecords).toBeDefined();
		expect((await t.poll()).items).toBeNull();
	});

	it('emits the existing records on the first poll when asked to, and nothing twice', async () => {
		mock.store.seed('customers', 95);
		const t = trigger(mock, { event: 'customerCreated', options: { emitExisting: true, budgetPercent: 10 } });
		const emitted: string[] = [];
		for (let i = 0; i < 10; i++) {
			const { result, requests } = await countRequests(mock, () => t.poll(i === 0));
			expect(result.error).toBeUndefined();
			expect(requests).toBeLessThanOrEqual(6);
			emitted.push(...ids(result.items));
		}
		expect(emitted.sort()).toEqual(customerIds(mock).sort());
	});

	it('fetches the newest record as a test event and leaves the state untouched', async () => {
		mock.store.seed('customers', 50);
		const t = trigger(mock, { event: 'customerCreated' });
		// Before any activation: the newest record, and no state is created.
		const fresh = await t.fetchTestEvent();
		expect(fresh.error).toBeUndefined();
		expect(ids(fresh.items)).toEqual([customerIds(mock).at(-1)]);
		expect(t.memoryState).toBeUndefined();
		expect(t.stored).toBe('{}');

		await t.poll(true);
		create(mock, 'customers');
		await t.poll();
		const stored = t.stored;
		const memory = JSON.stringify(t.memoryState);
		const newest = create(mock, 'customers').id;
		const test = await t.fetchTestEvent();
		expect(ids(test.items)).toEqual([newest]);
		expect(test.items![0].json.event).toBe('customerCreated');
		expect(t.stored).toBe(stored);
		expect(JSON.stringify(t.memoryState)).toBe(memory);
		// The newest record is still reported by the next real poll.
		expect(ids((await t.poll()).items)).toEqual([newest]);
	});

	it(`costs ${order === 'newest-first' ? 'one request' : 'at most two requests'} per idle poll on 10,000 records`, async () => {
		mock.store.seed('customers', 10_000);
		const t = trigger(mock, { event: 'customerCreated' });
		const seeding = await countRequests(mock, () => t.poll(true));
		expect(seeding.result.error).toBeUndefined();
		expect(seeding.requests).toBeLessThanOrEqual(30);
		for (let i = 0; i < 3; i++) {
			const idle = await countRequests(mock, () => t.poll());
			expect(idle.result.items).toBeNull();
			if (order === 'newest-first') expect(idle.requests).toBe(1);
			else expect(idle.requests).toBeLessThanOrEqual(2);
		}
		const created = create(mock, 'customers').id;
		const busy = await countRequests(mock, () => t.poll());
		expect(ids(busy.result.items)).toEqual([created]);
		const idle = await countRequests(mock, () => t.poll());
		expect(idle.result.items).toBeNull();
		expect(idle.requests).toBeLessThanOrEqual(order === 'newest-first' ? 1 : 2);
	});

	it('stops at the budget with a backlog larger than it, and the next polls resume without loss', async () => {
		// 20 requests per minute, learned from X-RateLimit-Limit; 50 % of it per poll.
		mock.updateConfig({ rateLimit: '20/60' });
		try {
			mock.store.seed('customers', 30);
			const t = trigger(mock, { event: 'customerCreated' }, { credentialId: `rate-limited-${order}` });
			await t.poll(true);
			mock.clock.advance(61);
			const backlog: string[] = [];
			for (let i = 0; i < 400; i++) backlog.push(create(mock, 'customers').id);
			const emitted: string[] = [];
			let polls = 0;
			for (; polls < 40; polls++) {
				const { result, requests } = await countRequests(mock, () => t.poll());
				mock.clock.advance(61);
				expect(result.error).toBeUndefined();
				expect(requests).toBeLessThanOrEqual(10);
				if (polls === 0) expect(result.items?.length ?? 0).toBeLessThan(backlog.length);
				emitted.push(...ids(result.items));
				if (emitted.length >= backlog.length && !result.items) break;
				// New records keep arriving while the backlog is worked off.
				if (polls % 3 === 0) backlog.push(create(mock, 'customers').id);
			}
			expect(emitted.length).toBe(backlog.length);
			expect([...emitted].sort()).toEqual([...backlog].sort());
			expect(mock.counters.rateLimited).toBe(0);
		} finally {
			mock.updateConfig({ rateLimit: null });
		}
	});

	it('survives a restart mid-backlog: the static data is serialised, reloaded and the run continues', async () => {
		mock.store.seed('customers', 30);
		const t = trigger(mock, { event: 'customerCreated', options: { budgetPercent: 10 } });
		await t.poll(true);
		const created: string[] = [];
		for (let i = 0; i < 150; i++) created.push(create(mock, 'customers').id);
		const emitted: string[] = [];
		for (let i = 0; i < 40; i++) {
			const result = await t.poll();
			expect(result.error).toBeUndefined();
			emitted.push(...ids(result.items));
			if (i % 4 === 1) {
				// The database row holds JSON; a restart rebuilds the workflow from it.
				t.stored = JSON.stringify(JSON.parse(t.stored));
				t.restart();
			}
			if (i % 5 === 2) created.push(create(mock, 'customers').id);
		}
		expect(emitted.length).toBe(created.length);
		expect([...emitted].sort()).toEqual([...created].sort());
	});

	it('loses and repeats nothing when n8n restarts after polls that emitted nothing (and were not persisted)', async () => {
		mock.store.seed('customers', 60);
		const t = trigger(mock, { event: 'customerCreated' });
		await t.poll(true);
		const a = create(mock, 'customers').id;
		expect(ids((await t.poll()).items)).toEqual([a]);
		const persisted = t.stored;
		// Polls that find nothing move the state on in memory only.
		const col = mock.store.collection('customers');
		for (const id of customerIds(mock).slice(0, 20)) col.remove(id);
		expect((await t.poll()).items).toBeNull();
		expect((await t.poll()).items).toBeNull();
		expect(t.stored).toBe(persisted);
		expect(JSON.stringify(t.memoryState)).not.toBe(JSON.stringify(t.storedState));
		const b = create(mock, 'customers').id;
		t.restart();
		expect(ids((await t.poll()).items)).toEqual([b]);
		expect((await t.poll()).items).toBeNull();
	});

	it('stays exact when records are created and deleted between the pages of one poll', async () => {
		mock.store.seed('customers', 100);
		const t = trigger(mock, { event: 'customerCreated' });
		await t.poll(true);
		const col = mock.store.collection('customers');
		const expected: string[] = [];
		const emitted: string[] = [];
		const all = () => customerIds(mock);
		for (let round = 0; round < 6; round++) {
			// 40 new records, a second apart: the next poll reads several pages, and a record
			// a shift hides is older than the newest one read (the overlap, not a tie, must find it).
			for (let i = 0; i < 40; i++) {
				mock.clock.advance(1);
				expected.push(create(mock, 'customers').id);
			}
			const stop = beforeListRequest(mock, 'customers', 2, () => {
				// Between page requests: delete records on pages already read or still to read,
				// and create new ones.
				const current = all();
				col.remove(current[[3, current.length - 5, current.length - 25][round % 3]]);
				col.remove(current[current.length - 60]);
				if (round % 2 === 1) for (let i = 0; i < 2; i++) expected.push(create(mock, 'customers').id);
			});
			const result = await t.poll();
			stop();
			expect(result.error).toBeUndefined();
			emitted.push(...ids(result.items));
		}
		for (let i = 0; i < 3; i++) emitted.push(...ids((await t.poll()).items));
		// Deleted records may or may not have been seen first; everything else exactly once.
		const present = new Set(all());
		const seen = emitted.filter((id) => present.has(id));
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(seen.sort()).toEqual(expected.filter((id) => present.has(id)).sort());
	});

	it("refreshes an OAuth2 token that expired between polls or during one (n8n-core's refresh), and goes on", async () => {
		mock.store.seed('customers', 40);
		const oauth = oauthCredential(mock);
		const t = trigger(mock, { event: 'customerCreated' }, { oauth });
		await t.poll(true);
		const refreshes = mock.counters.tokenCalls.refresh_token;

		mock.expireAllTokens();
		const between = [create(mock, 'customers').id, create(mock, 'customers').id];
		mock.log.clear();
		expect(ids((await t.poll()).items)).toEqual(between);
		expect(mock.log.entries().filter((e) => e.listener === 'api').map((e) => e.status)).toEqual(expect.arrayContaining([401, 200]));
		expect(mock.counters.tokenCalls.refresh_token).toBe(refreshes + 1);

		// 40 new records: the poll reads several pages; the token expires while one is in flight.
		const during: string[] = [];
		for (let i = 0; i < 40; i++) during.push(create(mock, 'customers').id);
		mock.log.clear();
		const stop = beforeListRequest(mock, 'customers', 2, () => mock.expireAllTokens());
		const result = await t.poll();
		stop();
		expect(result.error).toBeUndefined();
		expect(ids(result.items)).toEqual(during);
		// 200, 200 (the token expires while it is served), 401, refresh, 200 …
		const statuses = mock.log.entries().filter((e) => e.listener === 'api').map((e) => e.status);
		expect(statuses.slice(0, 3)).toEqual([200, 200, 401]);
		expect(statuses.slice(3).every((status) => status === 200)).toBe(true);
		expect(statuses.length).toBeGreaterThan(3);
		expect(mock.counters.tokenCalls.refresh_token).toBe(refreshes + 2);
		expect(oauth.helper.tokenSaves.length).toBe(2);
	});

	it('stays exact when records change while a delayed page request is in flight', async () => {
		mock.store.seed('customers', 40);
		const t = trigger(mock, { event: 'customerCreated' });
		await t.poll(true);
		const expected: string[] = [];
		for (let i = 0; i < 30; i++) expected.push(create(mock, 'customers').id);
		mock.faults.add({ type: 'latency', latencyMs: 150, pathPattern: '/v1/customers', method: 'GET', count: 1 });
		const col = mock.store.collection('customers');
		const polling = t.poll();
		await new Promise((resolve) => setTimeout(resolve, 50));
		col.remove(customerIds(mock)[5]);
		expected.push(create(mock, 'customers').id);
		const first = await polling;
		expect(first.error).toBeUndefined();
		const emitted = [...ids(first.items), ...ids((await t.poll()).items), ...ids((await t.poll()).items)];
		expect(emitted.sort()).toEqual(expected.sort());
	});
});
