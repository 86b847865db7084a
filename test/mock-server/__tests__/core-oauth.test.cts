import { start, bearer, getJson, admin, Mock } from './core-helpers.cjs';

const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';

describe('OAuth2 authorization-code flow', () => {
	let mock: Mock;
	beforeAll(async () => {
		mock = await start({ records: 1 });
	});
	afterAll(async () => {
		await mock.close();
	});
	beforeEach(() => {
		mock.updateConfig({ rotateRefreshTokens: false });
	});

	function authorizeUrl(params: Record<string, string | undefined> = {}) {
		const url = new URL(`${mock.oauthBaseUrl}/oauth/authorize`);
		const all = { client_id: mock.clientId, redirect_uri: REDIRECT, response_type: 'code', scope: 'customers.read webhooks.read', state: 'st-123', ...params };
		for (const [k, v] of Object.entries(all)) if (v !== undefined) url.searchParams.set(k, v);
		return url.toString();
	}

	/** Submits the consent form the way a browser would (form-urlencoded POST, redirect not followed). */
	async function decide(decision: 'approve' | 'deny', params: Record<string, string> = {}) {
		const form = new URLSearchParams({ client_id: mock.clientId, redirect_uri: REDIRECT, response_type: 'code', scope: 'customers.read webhooks.read', state: 'st-123', ...params, decision });
		const res = await fetch(`${mock.oauthBaseUrl}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
		expect(res.status).toBe(302);
		return new URL(res.headers.get('location')!);
	}

	async function tokens(body: Record<string, string>, { form = false, headers = {} as Record<string, string> } = {}) {
		const res = await fetch(`${mock.oauthBaseUrl}/oauth/tokens`, {
			method: 'POST',
			headers: { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json', ...headers },
			body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
		});
		return { status: res.status, body: await res.json() };
	}

	async function code(scope = 'customers.read webhooks.read') {
		const location = await decide('approve', { scope });
		return location.searchParams.get('code')!;
	}

	const exchange = (c: string, extra: Record<string, string> = {}) =>
		tokens({ grant_type: 'authorization_code', client_id: mock.clientId, client_secret: mock.clientSecret, redirect_uri: REDIRECT, code: c, ...extra });

	test('consent page lists the app, the scopes and both buttons', async () => {
		const res = await fetch(authorizeUrl());
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/text\/html/);
		const html = await res.text();
		expect(html).toContain('n8n (mock app)');
		expect(html).toContain('data-scope="customers.read"');
		expect(html).toContain('data-scope="webhooks.read"');
		expect(html).not.toContain('data-scope="customers.write"');
		expect(html).toMatch(/<form[^>]+method="post"[^>]+action="\/oauth\/authorize"/);
		expect(html).toMatch(/<button[^>]+name="decision" value="approve"[^>]*>Approve<\/button>/);
		expect(html).toMatch(/<button[^>]+name="decision" value="deny"[^>]*>Deny<\/button>/);
		expect(html).toContain('name="state" value="st-123"');
		expect(html).not.toContain('id="login-step"');
	});

	test('prompt=login adds a login step; the last authorize query is recorded', async () => {
		const html = await (await fetch(authorizeUrl({ prompt: 'login', state: 'login-state' }))).text();
		expect(html).toContain('id="login-step"');
		expect(html).toContain('data-prompt="login"');
		const { body } = await admin(mock, '/oauth/last-authorize');
		expect(body.lastAuthorize.query).toMatchObject({ prompt: 'login', state: 'login-state', client_id: mock.clientId, scope: 'customers.read webhooks.read' });
	});

	test('unknown client or unregistered redirect URI → 400 HTML page, no redirect', async () => {
		for (const params of [{ client_id: 'nope' }, { redirect_uri: 'https://evil.example/cb' }, { redirect_uri: undefined }]) {
			const res = await fetch(authorizeUrl(params), { redirect: 'manual' });
			expect(res.status).toBe(400);
			expect(res.headers.get('location')).toBeNull();
			expect(res.headers.get('content-type')).toMatch(/text\/html/);
		}
	});

	test('invalid scope, response type and prompt are redirected as errors with the state', async () => {
		const cases: Array<[Record<string, string>, string]> = [
			[{ scope: 'customers.read customer.write' }, 'invalid_scope'],
			[{ scope: '' }, 'invalid_scope'],
			[{ response_type: 'token' }, 'unsupported_response_type'],
			[{ prompt: 'none' }, 'invalid_request'],
		];
		for (const [params, error] of cases) {
			const res = await fetch(authorizeUrl(params), { redirect: 'manual' });
			expect(res.status).toBe(302);
			const location = new URL(res.headers.get('location')!);
			expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
			expect(location.searchParams.get('error')).toBe(error);
			expect(location.searchParams.get('error_description')).toBeTruthy();
			expect(location.searchParams.get('state')).toBe('st-123');
		}
	});

	test('deny → access_denied with description and state', async () => {
		const location = await decide('deny');
		expect(location.searchParams.get('error')).toBe('access_denied');
		expect(location.searchParams.get('error_description')).toBeTruthy();
		expect(location.searchParams.get('state')).toBe('st-123');
		expect(location.searchParams.get('code')).toBeNull();
	});

	test('approve → code; exchange (JSON) → documented fields only; token carries the granted scopes', async () => {
		const before = mock.counters.tokenCalls.authorization_code;
		const location = await decide('approve');
		expect(location.searchParams.get('state')).toBe('st-123');
		const c = location.searchParams.get('code')!;
		expect(c).toMatch(/^\w{20,}$/);
		const { status, body } = await exchange(c);
		expect(status).toBe(200);
		expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token']);
		expect(body.expires_in).toBe(3600);
		expect(body).not.toHaveProperty('token_type');
		expect(mock.counters.tokenCalls.authorization_code).toBe(before + 1);
		expect((await getJson(`${mock.apiBaseUrl}/customers`, bearer(body.access_token))).status).toBe(200);
		const denied = await getJson(`${mock.apiBaseUrl}/customer-invoices`, bearer(body.access_token));
		expect(denied.status).toBe(403);
		expect(denied.body.requiredScope).toBe('invoices.read');
		const log = (await admin(mock, '/requests?limit=2')).body.data;
		expect(log[1].credential).toMatch(/^oauth:oat_\d+$/);
	});

	test('code reuse → invalid_grant', async () => {
		const c = await code();
		expect((await exchange(c)).status).toBe(200);
		const reused = await exchange(c);
		expect(reused.status).toBe(400);
		expect(reused.body.error).toBe('invalid_grant');
		expect(typeof reused.body.error_description).toBe('string');
	});

	test('codes expire after 60 s of mock clock', async () => {
		const c = await code();
		mock.clock.advance(61);
		const { status, body } = await exchange(c);
		expect(status).toBe(400);
		expect(body).toEqual({ error: 'invalid_grant', error_description: 'The authorization code has expired.' });
	});

	test('redirect_uri must match the one used to authorize', async () => {
		mock.addRedirectUri('http://127.0.0.1:9999/cb');
		const { status, body } = await exchange(await code(), { redirect_uri: 'http://127.0.0.1:9999/cb' });
		expect(status).toBe(400);
		expect(body.error).toBe('invalid_grant');
	});

	test('form-urlencoded body and Basic client authentication', async () => {
		const c = await code();
		const basic = Buffer.from(`${mock.clientId}:${mock.clientSecret}`).toString('base64');
		const { status, body } = await tokens({ grant_type: 'authorization_code', redirect_uri: REDIRECT, code: c }, { form: true, headers: { Authorization: `Basic ${basic}` } });
		expect(status).toBe(200);
		expect(body.refresh_token).toBeTruthy();
		const entry = (await admin(mock, '/requests?path=/oauth/tokens&limit=1')).body.data[0];
		expect(entry).toMatchObject({ clientAuth: 'basic', contentType: 'application/x-www-form-urlencoded' });
	});

	test('bad client → 401 invalid_client; bad grant type → unsupported_grant_type', async () => {
		const wrong = await tokens({ grant_type: 'authorization_code', client_id: mock.clientId, client_secret: 'wrong', redirect_uri: REDIRECT, code: 'x' });
		expect(wrong.status).toBe(401);
		expect(wrong.body.error).toBe('invalid_client');
		const basic = Buffer.from(`${mock.clientId}:nope`).toString('base64');
		expect((await tokens({ grant_type: 'refresh_token', refresh_token: 'x' }, { headers: { Authorization: `Basic ${basic}` } })).status).toBe(401);
		const grant = await tokens({ grant_type: 'client_credentials', client_id: mock.clientId, client_secret: mock.clientSecret });
		expect(grant.status).toBe(400);
		expect(grant.body.error).toBe('unsupported_grant_type');
		expect(mock.counters.tokenCalls.other).toBeGreaterThanOrEqual(1);
	});

	test('refresh → {access_token, expires_in} only; original refresh token keeps working', async () => {
		const first = (await exchange(await code('customers.read'))).body;
		const before = mock.counters.tokenCalls.refresh_token;
		const refresh = () => tokens({ grant_type: 'refresh_token', client_id: mock.clientId, client_secret: mock.clientSecret, refresh_token: first.refresh_token });
		const { status, body } = await refresh();
		expect(status).toBe(200);
		expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in']);
		expect(body.access_token).not.toBe(first.access_token);
		expect((await getJson(`${mock.apiBaseUrl}/customers`, bearer(body.access_token))).status).toBe(200);
		expect((await getJson(`${mock.apiBaseUrl}/webhooks`, bearer(body.access_token))).status).toBe(403);
		expect((await refresh()).status).toBe(200);
		expect(mock.counters.tokenCalls.refresh_token).toBe(before + 2);
		const unknown = await tokens({ grant_type: 'refresh_token', client_id: mock.clientId, client_secret: mock.clientSecret, refresh_token: 'unknown' });
		expect(unknown).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: expect.any(String) } });
	});

	test('with rotation on, refresh returns a new refresh token and revokes the old one', async () => {
		const first = (await exchange(await code())).body;
		mock.updateConfig({ rotateRefreshTokens: true });
		const refresh = (token: string) => tokens({ grant_type: 'refresh_token', client_id: mock.clientId, client_secret: mock.clientSecret, refresh_token: token });
		const rotated = await refresh(first.refresh_token);
		expect(rotated.status).toBe(200);
		expect(Object.keys(rotated.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token']);
		expect(rotated.body.refresh_token).not.toBe(first.refresh_token);
		const old = await refresh(first.refresh_token);
		expect(old.status).toBe(400);
		expect(old.body.error).toBe('invalid_grant');
		expect((await refresh(rotated.body.refresh_token)).status).toBe(200);
	});

	test('expiresIn config changes the issued lifetime', async () => {
		mock.updateConfig({ expiresIn: 120 });
		const { body } = await exchange(await code());
		expect(body.expires_in).toBe(120);
		mock.clock.advance(121);
		expect((await getJson(`${mock.apiBaseUrl}/customers`, bearer(body.access_token))).body.message).toMatch(/expired/);
		mock.updateConfig({ expiresIn: 3600 });
	});

	test('a client added through the admin API can run the flow on its own redirect URI', async () => {
		const { status, body: client } = await admin(mock, '/clients', 'POST', { name: 'Other App', redirectUris: ['http://127.0.0.1:7777/cb'] });
		expect(status).toBe(201);
		const page = await (await fetch(authorizeUrl({ client_id: client.clientId, redirect_uri: 'http://127.0.0.1:7777/cb' }))).text();
		expect(page).toContain('Other App');
		// The default client's redirect URI is not registered for this client.
		expect((await fetch(authorizeUrl({ client_id: client.clientId }), { redirect: 'manual' })).status).toBe(400);
	});
});
