import { start, bearer, getJson, Mock } from './core-helpers.cjs';

describe('pagination (Laravel simple paginator)', () => {
	let mock: Mock;
	beforeAll(async () => {
		mock = await start();
	});
	afterAll(async () => {
		await mock.close();
	});

	/** Follows next_page_url from page 1 and checks every wrapper field on the way. */
	async function walk(base: string) {
		const ids: string[] = [];
		let url: string | null = `${base}/customers`;
		let page = 1;
		while (url) {
			const { status, body } = await getJson(url, bearer(mock.apiKey));
			expect(status).toBe(200);
			expect(Object.keys(body).sort()).toEqual(
				['current_page', 'data', 'first_page_url', 'from', 'next_page_url', 'path', 'per_page', 'prev_page_url', 'to'].sort(),
			);
			expect(body).not.toHaveProperty('total');
			expect(body.current_page).toBe(page);
			expect(body.per_page).toBe(15);
			expect(body.path).toBe(`${base}/customers`);
			expect(body.first_page_url).toBe(`${base}/customers?page=1`);
			expect(body.prev_page_url).toBe(page === 1 ? null : `${base}/customers?page=${page - 1}`);
			if (body.data.length) {
				expect(body.from).toBe(ids.length + 1);
				expect(body.to).toBe(ids.length + body.data.length);
			} else {
				expect(body.from).toBeNull();
				expect(body.to).toBeNull();
			}
			if (body.next_page_url !== null) {
				expect(body.next_page_url).toBe(`${base}/customers?page=${page + 1}`);
				expect(body.data).toHaveLength(15);
			}
			ids.push(...body.data.map((c: { id: string }) => c.id));
			url = body.next_page_url;
			page++;
		}
		return { ids, pages: page - 1 };
	}

	for (const order of ['oldest-first', 'newest-first'] as const) {
		for (const count of [0, 1, 15, 16, 1000]) {
			test(`${count} records, ${order}`, async () => {
				mock.reset({ order, records: 0 });
				mock.store.seed('customers', count);
				const stored = mock.store.collection('customers').all().map((c: { id: string }) => c.id);
				expect(stored).toHaveLength(count);
				const { ids, pages } = await walk(mock.apiBaseUrl);
				expect(ids).toEqual(order === 'oldest-first' ? stored : [...stored].reverse());
				expect(pages).toBe(Math.max(1, Math.ceil(count / 15)));
			});
		}
	}

	test('URLs use the origin of the request (localhost vs 127.0.0.1)', async () => {
		mock.reset({ order: 'oldest-first', records: 0 });
		mock.store.seed('customers', 20);
		const base = mock.apiBaseUrl.replace('127.0.0.1', 'localhost');
		const { body } = await getJson(`${base}/customers`, bearer(mock.apiKey));
		expect(body.next_page_url).toBe(`${base}/customers?page=2`);
		expect(body.path.startsWith('http://localhost:')).toBe(true);
	});

	test('a page past the end is empty with a prev link; page=0 and junk mean page 1', async () => {
		mock.reset({ order: 'oldest-first', records: 0 });
		mock.store.seed('customers', 20);
		const past = await getJson(`${mock.apiBaseUrl}/customers?page=5`, bearer(mock.apiKey));
		expect(past.body).toMatchObject({ current_page: 5, data: [], from: null, to: null, next_page_url: null });
		expect(past.body.prev_page_url).toBe(`${mock.apiBaseUrl}/customers?page=4`);
		for (const junk of ['0', '-3', 'abc']) {
			const { body } = await getJson(`${mock.apiBaseUrl}/customers?page=${junk}`, bearer(mock.apiKey));
			expect(body.current_page).toBe(1);
			expect(body.from).toBe(1);
		}
	});

	test('order can be switched at runtime through the admin API', async () => {
		mock.reset({ order: 'oldest-first', records: 0 });
		mock.store.seed('customers', 3);
		const all = mock.store.collection('customers').all();
		const res = await fetch(`${mock.adminUrl}/config`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ order: 'newest-first' }) });
		expect(res.status).toBe(200);
		const { body } = await getJson(`${mock.apiBaseUrl}/customers`, bearer(mock.apiKey));
		expect(body.data[0].id).toBe(all[2].id);
	});
});
