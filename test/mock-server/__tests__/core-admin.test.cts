import { start, bearer, getJson, admin, Mock } from './core-helpers.cjs';

describe('admin API', () => {
	let mock: Mock;
	beforeAll(async () => {
		mock = await start({ records: 2 });
	});
	afterAll(async () => {
		await mock.close();
	});

	test('index lists the routes; unknown admin route → 404', async () => {
		const { body } = await admin(mock, '');
		expect(body.routes).toContain('POST /__admin/webhooks/fire');
		expect((await admin(mock, '/nope')).status).toBe(404);
	});

	test('records: insert, read, update, delete (ground truth = what the API serves)', async () => {
		const created = await admin(mock, '/records/customers', 'POST', { companyName: 'Admin Insert B.V.' });
		expect(created.status).toBe(201);
		expect(created.body.id).toMatch(/^cst_/);
		const api = await getJson(`${mock.apiBaseUrl}/customers/${created.body.id}`, bearer(mock.apiKey));
		expect(api.body.companyName).toBe('Admin Insert B.V.');
		const patched = await admin(mock, `/records/customers/${created.body.id}`, 'PATCH', { city: 'Zwolle' });
		expect(patched.body.city).toBe('Zwolle');
		const all = await admin(mock, '/records/customers');
		expect(all.body.count).toBe(3);
		expect(all.body.data.map((c: { id: string }) => c.id)).toContain(created.body.id);
		expect((await admin(mock, '/records/customer-invoices')).body.resource).toBe('customerInvoices');
		expect((await admin(mock, `/records/customers/${created.body.id}`, 'DELETE')).body).toEqual({ deleted: true });
		expect((await admin(mock, `/records/customers/${created.body.id}`)).status).toBe(404);
		expect((await admin(mock, '/records/unicorns')).status).toBe(404);
	});

	test('seed one resource or all, reset with a new seed and order', async () => {
		expect((await admin(mock, '/seed', 'POST', { resource: 'tickets', count: 5 })).body.seeded).toBe(5);
		expect(mock.store.collection('tickets').size).toBe(7);
		const reset = await admin(mock, '/reset', 'POST', { seed: 9, order: 'newest-first', records: 1 });
		expect(reset.body).toEqual({ seed: 9, order: 'newest-first', records: 1 });
		expect(mock.store.collection('customers').size).toBe(1);
		expect(mock.config.order).toBe('newest-first');
		const again = (await admin(mock, '/records/customers')).body.data[0].id;
		await admin(mock, '/reset', 'POST', { seed: 9, records: 1 });
		expect((await admin(mock, '/records/customers')).body.data[0].id).toBe(again);
		await admin(mock, '/config', 'PATCH', { order: 'oldest-first' });
		expect((await admin(mock, '/seed', 'POST', { count: -1 })).status).toBe(400);
	});

	test('request log: entries, since/limit, clear; counters', async () => {
		await admin(mock, '/requests', 'DELETE');
		await admin(mock, '/counters', 'DELETE');
		await getJson(`${mock.apiBaseUrl}/customers?page=1`, bearer(mock.apiKey));
		const post = await fetch(`${mock.apiBaseUrl}/customers`, { method: 'POST', headers: { ...bearer(mock.apiKey), 'Content-Type': 'application/json' }, body: JSON.stringify({ companyName: 'Logged' }) });
		await post.text();
		const { body } = await admin(mock, '/requests');
		expect(body.data).toHaveLength(2);
		expect(body.data[0]).toMatchObject({ method: 'GET', path: '/v1/customers', query: { page: '1' }, status: 200, credential: 'apiKey:key_1', body: null });
		expect(body.data[1]).toMatchObject({ method: 'POST', contentType: 'application/json', body: { companyName: 'Logged' } });
		expect(body.data[1].seq).toBe(body.data[0].seq + 1);
		expect((await admin(mock, `/requests?since=${body.data[0].seq}`)).body.data).toHaveLength(1);
		const counters = (await admin(mock, '/counters')).body;
		expect(counters).toMatchObject({ apiRequests: 2, tooManyRequests: 0, tokenCalls: { authorization_code: 0, refresh_token: 0, other: 0 } });
	});

	test('clock: advance and set', async () => {
		const before = (await admin(mock, '/clock')).body.now;
		const after = (await admin(mock, '/clock/advance', 'POST', { seconds: 3600 })).body.now;
		expect(after - before).toBeGreaterThanOrEqual(3600_000);
		expect(after - before).toBeLessThan(3605_000);
		const set = (await admin(mock, '/clock/set', 'POST', { time: '2025-01-01T00:00:00Z' })).body;
		expect(Math.abs(set.now - Date.UTC(2025, 0, 1))).toBeLessThan(1000);
		expect((await admin(mock, '/clock/advance', 'POST', { seconds: 'x' })).status).toBe(400);
	});

	test('config: validation and webhookDelete toggle', async () => {
		expect((await admin(mock, '/config', 'PATCH', { order: 'random' })).status).toBe(400);
		expect((await admin(mock, '/config', 'PATCH', { expiresIn: 0 })).status).toBe(400);
		const off = await admin(mock, '/config', 'PATCH', { webhookDelete: false });
		expect(off.body.webhookDelete).toBe(false);
		const hook = mock.store.create('webhooks', {});
		const res = await fetch(`${mock.apiBaseUrl}/webhooks/${hook.id}`, { method: 'DELETE', headers: bearer(mock.apiKey) });
		expect(res.status).toBe(405);
		await admin(mock, '/config', 'PATCH', { webhookDelete: true });
	});

	test('redirect URIs can be added to the default client', async () => {
		const { body } = await admin(mock, '/redirect-uris', 'POST', { uri: 'http://127.0.0.1:4567/cb' });
		expect(body.clients[0].redirectUris).toContain('http://127.0.0.1:4567/cb');
		const res = await fetch(`${mock.oauthBaseUrl}/oauth/authorize?client_id=${mock.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:4567/cb')}&response_type=code&scope=tickets.read&state=1`);
		expect(res.status).toBe(200);
	});
});
