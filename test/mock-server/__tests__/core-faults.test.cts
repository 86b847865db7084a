import { start, bearer, getJson, sendJson, admin, Mock } from './core-helpers.cjs';

describe('fault injection', () => {
	let mock: Mock;
	beforeAll(async () => {
		mock = await start({ records: 3 });
	});
	afterAll(async () => {
		await mock.close();
	});
	beforeEach(() => mock.faults.clear());

	const list = () => `${mock.apiBaseUrl}/customers`;
	const addFault = async (spec: Record<string, unknown>) => {
		const res = await admin(mock, '/faults', 'POST', spec);
		expect(res.status).toBe(201);
		return res.body;
	};

	test.each([
		['500', 500, 'application/json'],
		['502', 502, 'text/html'],
		['503', 503, 'application/json'],
	])('%s before the handler, then normal again', async (type, status, contentType) => {
		await addFault({ type, pathPattern: '/v1/customers' });
		const failed = await fetch(list(), { headers: bearer(mock.apiKey) });
		expect(failed.status).toBe(status);
		expect(failed.headers.get('content-type')).toContain(contentType);
		await failed.text();
		expect((await getJson(list(), bearer(mock.apiKey))).status).toBe(200);
	});

	test('429 fault carries the rate-limit headers and the documented body', async () => {
		await addFault({ type: 429, pathPattern: '/v1/**' });
		const res = await fetch(list(), { headers: bearer(mock.apiKey) });
		expect(res.status).toBe(429);
		expect(await res.text()).toBe('{"code":429,"message":"Too many requests."}');
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 5);
		expect(res.headers.get('x-ratelimit-limit')).toBe('60');
		expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
	});

	test('latency delays the response, which is otherwise normal', async () => {
		await addFault({ type: 'latency', latencyMs: 300, pathPattern: '/v1/customers' });
		const t0 = Date.now();
		const res = await getJson(list(), bearer(mock.apiKey));
		expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
		expect(res.status).toBe(200);
		expect(res.body.data).toHaveLength(3);
	});

	test('drop destroys the socket without a response', async () => {
		await addFault({ type: 'drop', pathPattern: '/v1/customers' });
		await expect(fetch(list(), { headers: bearer(mock.apiKey) })).rejects.toThrow();
		expect((await getJson(list(), bearer(mock.apiKey))).status).toBe(200);
		const entry = (await admin(mock, '/requests')).body.data.find((e: { fault?: string }) => e.fault === 'drop');
		expect(entry.status).toBe(0);
	});

	test('malformed answers 200 with invalid JSON', async () => {
		await addFault({ type: 'malformed', pathPattern: '/v1/customers' });
		const res = await fetch(list(), { headers: bearer(mock.apiKey) });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		const text = await res.text();
		expect(text.length).toBeGreaterThan(0);
		expect(() => JSON.parse(text)).toThrow();
	});

	test("phase 'after' runs the handler (the write happens) and then fails the response", async () => {
		const before = mock.store.collection('customers').size;
		await addFault({ type: '500', phase: 'after', method: 'POST', pathPattern: '/v1/customers' });
		const payload = { companyName: 'After Fault B.V.', address: 'Dorpsstraat 1', zipCode: '1234 AB', city: 'Utrecht', primaryEmail: 'after@example.com' };
		const res = await sendJson('POST', list(), payload, bearer(mock.apiKey));
		expect(res.status).toBe(500);
		const all = mock.store.collection('customers').all();
		expect(all.length).toBe(before + 1);
		expect(all[all.length - 1].companyName).toBe('After Fault B.V.');
	});

	test("malformed 'after' truncates the real body; drop 'after' still writes", async () => {
		await addFault({ type: 'malformed', phase: 'after', pathPattern: '/v1/customers' });
		const text = await (await fetch(list(), { headers: bearer(mock.apiKey) })).text();
		expect(text.startsWith('{"current_page":1,"data":[{"id":"cst_')).toBe(true);
		expect(() => JSON.parse(text)).toThrow();

		const before = mock.store.collection('customers').size;
		await addFault({ type: 'drop', phase: 'after', method: 'POST', pathPattern: '/v1/customers' });
		const payload = { companyName: 'Dropped B.V.', address: 'Dorpsstraat 2', zipCode: '1234 AB', city: 'Utrecht', primaryEmail: 'drop@example.com' };
		await expect(sendJson('POST', list(), payload, bearer(mock.apiKey))).rejects.toThrow();
		expect(mock.store.collection('customers').size).toBe(before + 1);
	});

	test('count, method and glob filters', async () => {
		await addFault({ type: '503', count: 2, method: 'GET', pathPattern: '/v1/customers/*' });
		const id = mock.store.collection('customers').all()[0].id;
		expect((await getJson(list(), bearer(mock.apiKey))).status).toBe(200); // `*` needs a segment
		expect((await getJson(`${list()}/${id}`, bearer(mock.apiKey))).status).toBe(503);
		expect((await getJson(`${list()}/${id}`, bearer(mock.apiKey))).status).toBe(503);
		expect((await getJson(`${list()}/${id}`, bearer(mock.apiKey))).status).toBe(200);
		await addFault({ type: '500', method: 'POST', pathRegex: '^/v1/cust' });
		expect((await getJson(list(), bearer(mock.apiKey))).status).toBe(200);
		expect((await admin(mock, '/faults')).body.rules).toHaveLength(1);
	});

	test('faults never apply to /__admin', async () => {
		await addFault({ type: '500', count: 5, pathPattern: '**' });
		expect((await admin(mock, '/counters')).status).toBe(200);
		expect((await admin(mock, '/faults')).body.rules[0].remaining).toBe(5);
	});

	test('bad fault specs → 400', async () => {
		expect((await admin(mock, '/faults', 'POST', { type: '418' })).status).toBe(400);
		expect((await admin(mock, '/faults', 'POST', { type: '500', phase: 'during' })).status).toBe(400);
	});

	test('random faults are reproducible from the seed and respect methods', async () => {
		const run = async () => {
			const res = await admin(mock, '/faults/random', 'POST', { rate: 0.5, types: ['500', '503'], seed: 42, pathPattern: '/v1/**', methods: ['GET'] });
			expect(res.status).toBe(200);
			const statuses: number[] = [];
			for (let i = 0; i < 20; i++) statuses.push((await getJson(list(), bearer(mock.apiKey))).status);
			await admin(mock, '/faults', 'DELETE');
			return statuses;
		};
		const first = await run();
		const second = await run();
		expect(first).toEqual(second);
		expect(first.filter((s) => s !== 200).length).toBeGreaterThan(3);
		expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
		expect(new Set(first)).toEqual(new Set([200, 500, 503]));
		expect((await getJson(list(), bearer(mock.apiKey))).status).toBe(200);
	});
});
