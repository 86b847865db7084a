// Get Many over Laravel's simple paginator (15 per page, no total): the output counts and the exact
// list requests, with Return All and with limits around the page size, in both orders the mock
// can list in. No page may be fetched beyond the one that reaches the limit.
import type { MockServer, NodeRun } from './setup.cjs';
import { run, startMock, summary } from './setup.cjs';

const PER_PAGE = 15;
const COUNTS = [0, 1, 15, 16, 1000];
const MODES: Array<{ name: string; parameters: { returnAll: true } | { returnAll: false; limit: number } }> = [
	{ name: 'Return All', parameters: { returnAll: true } },
	{ name: 'Limit 1', parameters: { returnAll: false, limit: 1 } },
	{ name: 'Limit 15', parameters: { returnAll: false, limit: 15 } },
	{ name: 'Limit 16', parameters: { returnAll: false, limit: 16 } },
];

/** The list requests a client must send to collect `wanted` of `total` records. */
function expectedPages(total: number, wanted: number) {
	// A page is fetched while more records are wanted and the previous page had a next_page_url.
	const pages = Math.max(1, Math.ceil(Math.min(wanted, total) / PER_PAGE));
	return Array.from({ length: pages }, (_, i) => ({
		method: 'GET',
		path: '/v1/customers',
		query: i === 0 ? {} : { page: String(i + 1) },
		contentType: '',
		body: null,
	}));
}

for (const order of ['oldest-first', 'newest-first'] as const) {
	describe(`customers Get Many, ${order}`, () => {
		let mock: MockServer;

		beforeAll(async () => {
			mock = await startMock({ records: 0, order });
		});

		afterAll(async () => mock.close());

		for (const count of COUNTS) {
			describe(`${count} records`, () => {
				let ids: string[];

				beforeAll(() => {
					// Only the customers collection, seeded afresh.
					mock.reset({ records: 0 });
					expect(mock.config.order).toBe(order);
					expect(mock.store.seed('customers', count)).toBe(count);
					const created = mock.store.collection('customers').all().map((c) => String(c.id));
					ids = order === 'newest-first' ? [...created].reverse() : created;
					expect(ids).toHaveLength(count);
				});

				for (const mode of MODES) {
					it(mode.name, async () => {
						const r: NodeRun = await run(mock, { resource: 'customer', operation: 'getAll', ...mode.parameters });
						expect(r.error?.message).toBeUndefined();
						const wanted = mode.parameters.returnAll ? count : Math.min(count, mode.parameters.limit);
						expect(r.items).toHaveLength(wanted);
						expect(r.items.map((item) => item.json.id)).toEqual(ids.slice(0, wanted));
						for (const item of r.items) expect(item.pairedItem).toEqual({ item: 0 });
						expect(r.api.map(summary)).toEqual(expectedPages(count, mode.parameters.returnAll ? count : mode.parameters.limit));
						expect(r.api.every((entry) => entry.status === 200)).toBe(true);
					});
				}
			});
		}
	});
}

describe('one run over several input items', () => {
	let mock: MockServer;

	beforeAll(async () => {
		mock = await startMock({ records: 0 });
		mock.store.seed('customers', 20);
	});

	afterAll(async () => mock.close());

	it('lists once per item, each item with its own limit and pairing', async () => {
		const r = await run(
			mock,
			{ resource: 'customer', operation: 'getAll', returnAll: false, limit: '={{ $json.limit }}' },
			{ items: [{ json: { limit: 2 } }, { json: { limit: 16 } }] },
		);
		expect(r.error?.message).toBeUndefined();
		const ids = mock.store.collection('customers').all().map((c) => c.id);
		expect(r.items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			...ids.slice(0, 2).map((id) => [id, { item: 0 }]),
			...ids.slice(0, 16).map((id) => [id, { item: 1 }]),
		]);
		expect(r.api.map((entry) => entry.query)).toEqual([{}, {}, { page: '2' }]);
	});
});

describe('appointments Get Many (not paginated)', () => {
	let mock: MockServer;
	const day = '2030-01-07';
	let inWindow: string[];

	beforeAll(async () => {
		mock = await startMock({ records: 0 });
		// 20 appointments on one day (more than a page), plus two just outside the window.
		const at = (hour: number, minute: number) => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+01:00`;
		const create = (startsAt: string) =>
			mock.store.create('appointments', {
				customerId: null,
				startsAt,
				endsAt: startsAt,
				_startsAtMs: Date.parse(startsAt),
			});
		create('2030-01-06T23:30:00+01:00');
		inWindow = [];
		for (let i = 0; i < 20; i++) inWindow.push(String(create(at(8 + Math.floor(i / 2), (i % 2) * 30)).id));
		create('2030-01-08T00:00:00+01:00');
	});

	afterAll(async () => mock.close());

	it('returns every appointment of the window from one request', async () => {
		const r = await run(mock, { resource: 'appointment', operation: 'getAll', additionalFields: { start_at: `${day}T00:00:00`, days: 1 } });
		expect(r.error?.message).toBeUndefined();
		expect(r.api.map(summary)).toEqual([
			{ method: 'GET', path: '/v1/appointments', query: { start_at: `${day} 00:00:00`, days: '1' }, contentType: '', body: null },
		]);
		expect(r.items.map((item) => item.json.id)).toEqual(inWindow);
		for (const item of r.items) expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('sends no window when none is set (the portal then uses now and 7 days)', async () => {
		const r = await run(mock, { resource: 'appointment', operation: 'getAll' });
		expect(r.error?.message).toBeUndefined();
		expect(r.api.map(summary)).toEqual([{ method: 'GET', path: '/v1/appointments', query: {}, contentType: '', body: null }]);
		// The appointments lie in 2030, not in the coming week.
		expect(r.items).toEqual([]);
	});
});
