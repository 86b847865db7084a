import { start, bearer, getJson, sendJson, admin, Mock } from './core-helpers.cjs';

describe('authentication and scopes', () => {
	let mock: Mock;
	beforeAll(async () => {
		mock = await start({ records: 2 });
	});
	afterAll(async () => {
		await mock.close();
	});

	const customers = () => `${mock.apiBaseUrl}/customers`;

	test('the default API key has every scope', async () => {
		const { status, body } = await getJson(customers(), bearer(mock.apiKey));
		expect(status).toBe(200);
		expect(body.data).toHaveLength(2);
	});

	test('missing token → 401 with its own message', async () => {
		const { status, body } = await getJson(customers());
		expect(status).toBe(401);
		expect(body.code).toBe(401);
		expect(body.message).toMatch(/Authorization: Bearer/);
	});

	test('unknown token → 401, token not echoed', async () => {
		const token = 'not-a-real-token-123456';
		const { status, body } = await getJson(customers(), bearer(token));
		expect(status).toBe(401);
		expect(body).toEqual({ code: 401, message: 'Unauthenticated. The API key or access token is not valid.' });
		expect(JSON.stringify(body)).not.toContain(token);
	});

	test('non-Bearer scheme → 401 malformed', async () => {
		const { status, body } = await getJson(customers(), { Authorization: `Basic ${mock.apiKey}` });
		expect(status).toBe(401);
		expect(body.message).toMatch(/Bearer <token>/);
		expect(JSON.stringify(body)).not.toContain(mock.apiKey);
	});

	test('expired access token → 401 expired (by the mock clock)', async () => {
		const { access_token, expires_in } = mock.issueTokens({ scopes: ['customers.read'], expiresIn: 30 });
		expect(expires_in).toBe(30);
		expect((await getJson(customers(), bearer(access_token))).status).toBe(200);
		mock.clock.advance(31);
		const { status, body } = await getJson(customers(), bearer(access_token));
		expect(status).toBe(401);
		expect(body).toEqual({ code: 401, message: 'Unauthenticated. The access token has expired.' });
	});

	test('admin tokens/expire-all expires issued tokens; API keys keep working', async () => {
		const issued = await admin(mock, '/tokens', 'POST', { scopes: ['customers.read'], expiresIn: 3600 });
		expect(issued.status).toBe(201);
		expect((await getJson(customers(), bearer(issued.body.access_token))).status).toBe(200);
		const expired = await admin(mock, '/tokens/expire-all', 'POST');
		expect(expired.body.expired).toBeGreaterThanOrEqual(1);
		expect((await getJson(customers(), bearer(issued.body.access_token))).body.message).toMatch(/expired/);
		expect((await getJson(customers(), bearer(mock.apiKey))).status).toBe(200);
	});

	test('missing scope → 403 naming the scope', async () => {
		const key = mock.createApiKey(['webhooks.read']);
		const { status, body } = await getJson(customers(), bearer(key));
		expect(status).toBe(403);
		expect(body).toEqual({ code: 403, message: 'This action requires the "customers.read" scope.', requiredScope: 'customers.read' });
		const write = await sendJson('POST', customers(), { companyName: 'X' }, bearer(mock.createApiKey(['customers.read'])));
		expect(write.status).toBe(403);
		expect(write.body.requiredScope).toBe('customers.write');
	});

	test('API keys from the admin API carry exactly their scopes', async () => {
		const { status, body } = await admin(mock, '/api-keys', 'POST', { scopes: ['customers.read'] });
		expect(status).toBe(201);
		expect((await getJson(customers(), bearer(body.apiKey))).status).toBe(200);
		expect((await getJson(`${mock.apiBaseUrl}/webhooks`, bearer(body.apiKey))).status).toBe(403);
		expect((await admin(mock, '/api-keys', 'POST', { scopes: ['customer.write'] })).status).toBe(400);
	});

	test('the auth guide\'s "Authentication: Bearer" header is accepted too', async () => {
		const { status } = await getJson(customers(), { Authentication: `Bearer ${mock.apiKey}` });
		expect(status).toBe(200);
		const entries = (await admin(mock, '/requests?limit=1')).body.data;
		expect(entries[0]).toMatchObject({ authHeader: 'authentication', credential: 'apiKey:key_1' });
	});

	test('unknown path → 404, wrong method → 405', async () => {
		expect((await getJson(`${mock.apiBaseUrl}/nope`, bearer(mock.apiKey))).body).toEqual({ code: 404, message: 'Not found.' });
		const res = await fetch(customers(), { method: 'PUT', headers: bearer(mock.apiKey) });
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toContain('GET');
	});

	test('malformed JSON → 400 before the handler', async () => {
		const res = await fetch(customers(), { method: 'POST', headers: { ...bearer(mock.apiKey), 'Content-Type': 'application/json' }, body: '{"companyName":' });
		expect(res.status).toBe(400);
		expect((await res.json()).code).toBe(400);
	});

	test('the request log names credentials by id and never holds a token', async () => {
		await admin(mock, '/requests', 'DELETE');
		await getJson(customers(), bearer(mock.apiKey));
		await getJson(customers(), bearer('bogus-token-xyz'));
		await getJson(customers());
		const { body } = await admin(mock, '/requests');
		expect(body.data.map((e: { credential: string }) => e.credential)).toEqual(['apiKey:key_1', 'invalid:unknown', 'none']);
		const text = JSON.stringify(body);
		expect(text).not.toContain(mock.apiKey);
		expect(text).not.toContain('bogus-token-xyz');
	});
});

describe('rate limiting', () => {
	let mock: Mock;
	beforeAll(async () => {
		mock = await start({ records: 1, rateLimit: { limit: 3, windowSeconds: 10 } });
	});
	afterAll(async () => {
		await mock.close();
	});

	test('fixed window per token with headers on every response, reset by the clock', async () => {
		const key = mock.createApiKey(['customers.read']);
		const url = `${mock.apiBaseUrl}/customers`;
		const windowStart = mock.clock.now();
		for (const remaining of ['2', '1', '0']) {
			const res = await getJson(url, bearer(key));
			expect(res.status).toBe(200);
			expect(res.headers.get('x-ratelimit-limit')).toBe('3');
			expect(res.headers.get('x-ratelimit-remaining')).toBe(remaining);
		}
		const before = mock.counters.tooManyRequests;
		const limited = await fetch(url, { headers: bearer(key) });
		expect(limited.status).toBe(429);
		expect(await limited.text()).toBe('{"code":429,"message":"Too many requests."}');
		const retryAfter = Number(limited.headers.get('retry-after'));
		expect(Number.isInteger(retryAfter)).toBe(true);
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(10);
		const reset = Number(limited.headers.get('x-ratelimit-reset'));
		expect(Math.abs(reset - (windowStart + 10_000) / 1000)).toBeLessThan(2);
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(mock.counters.tooManyRequests).toBe(before + 1);

		// Another token has its own window; errors carry the headers too.
		const other = mock.createApiKey(['webhooks.read']);
		const forbidden = await getJson(url, bearer(other));
		expect(forbidden.status).toBe(403);
		expect(forbidden.headers.get('x-ratelimit-remaining')).toBe('2');

		mock.clock.advance(10);
		const again = await getJson(url, bearer(key));
		expect(again.status).toBe(200);
		expect(again.headers.get('x-ratelimit-remaining')).toBe('2');
	});

	test('401 responses carry the headers (throttled per client address)', async () => {
		const res = await getJson(`${mock.apiBaseUrl}/customers`);
		expect(res.status).toBe(401);
		expect(res.headers.get('x-ratelimit-limit')).toBe('3');
	});

	test('rate limit can be switched off and changed at runtime', async () => {
		const key = mock.createApiKey(['customers.read']);
		expect((await admin(mock, '/config', 'PATCH', { rateLimit: 'off' })).body.rateLimit).toBeNull();
		for (let i = 0; i < 5; i++) {
			const res = await getJson(`${mock.apiBaseUrl}/customers`, bearer(key));
			expect(res.status).toBe(200);
			expect(res.headers.get('x-ratelimit-limit')).toBeNull();
		}
		expect((await admin(mock, '/config', 'PATCH', { rateLimit: '1/60' })).body.rateLimit).toEqual({ limit: 1, windowSeconds: 60 });
		expect((await getJson(`${mock.apiBaseUrl}/customers`, bearer(key))).status).toBe(200);
		expect((await getJson(`${mock.apiBaseUrl}/customers`, bearer(key))).status).toBe(429);
		expect((await admin(mock, '/config', 'PATCH', { rateLimit: 'fast' })).status).toBe(400);
	});
});
