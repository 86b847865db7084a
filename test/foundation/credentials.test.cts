import { startMockServer } from '../mock-server';
import type { MockServer } from '../mock-server';
import { MemoryCredentialsHelper, resolvedCredential } from '../harness/mkp-credentials.cjs';
import { testCredential } from '../harness/mkp-credential-test.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';
import { ALL_SCOPES } from '../../credentials/scopes';

const DOCUMENTED_SCOPES = [
	'agreements.read', 'agreements.write', 'appointments.read', 'appointments.write', 'businessoperations.read',
	'customers.read', 'customers.write', 'files.read', 'files.write', 'filerequest.read', 'filerequest.write',
	'fileshare.read', 'fileshare.write', 'offers.read', 'offers.write', 'invoices.read', 'paymentlinks.read',
	'paymentlinks.write', 'subscription.read', 'subscription.write', 'tickets.read', 'tickets.write',
	'webhooks.read', 'webhooks.write',
];

describe('API key credential', () => {
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 3, records: 3, rateLimit: null });
	});
	afterAll(async () => mock.close());
	beforeEach(() => mock.log.clear());

	const apiKeyData = (apiKey: string) => ({ apiKey, environment: 'custom', apiBaseUrl: mock.apiBaseUrl });

	it('sends the key as Authorization: Bearer, and only there', async () => {
		const helper = new MemoryCredentialsHelper();
		helper.set('k', 'mijnKlantportaalApi', apiKeyData(mock.apiKey));
		const result = await runNode({ helper, credentials: { mijnKlantportaalApi: 'k' }, parameters: { resource: 'customer', operation: 'getAll', returnAll: true } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		const [entry] = mock.log.entries();
		expect(entry.authHeader).toBe('authorization');
		expect(entry.credential).toMatch(/^apiKey:/);
	});

	it('the mock accepts the `Authentication` header the auth guide names, too', async () => {
		const response = await fetch(`${mock.apiBaseUrl}/customers`, { headers: { Authentication: `Bearer ${mock.apiKey}` } });
		expect(response.status).toBe(200);
		expect(mock.log.entries()[0].authHeader).toBe('authentication');
	});

	it('credential test: a valid key passes', async () => {
		await expect(testCredential('mijnKlantportaalApi', apiKeyData(mock.apiKey))).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(mock.log.entries()[0]).toMatchObject({ method: 'GET', path: '/v1/customers', status: 200 });
	});

	it('credential test: a valid key without customers.read still passes (the 403 proves the key)', async () => {
		const key = mock.createApiKey(['tickets.read']);
		await expect(testCredential('mijnKlantportaalApi', apiKeyData(key))).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(mock.log.entries()[0].status).toBe(403);
	});

	it('credential test: an invalid key fails with a clear message', async () => {
		const result = await testCredential('mijnKlantportaalApi', apiKeyData('mkp_not_a_key'));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/API key was not accepted/);
		expect(mock.log.entries()[0].status).toBe(401);
	});

	it('credential test: a wrong base URL fails with a clear message', async () => {
		const result = await testCredential('mijnKlantportaalApi', { ...apiKeyData(mock.apiKey), apiBaseUrl: `${mock.oauthBaseUrl}/nope` });
		expect(result).toEqual({ status: 'Error', message: 'No MijnKlantportaal API answers at this base URL.' });
	});

	it('a key lacking a scope: the node error names the missing scope', async () => {
		const helper = new MemoryCredentialsHelper();
		helper.set('k', 'mijnKlantportaalApi', apiKeyData(mock.createApiKey(['tickets.read'])));
		const result = await runNode({ helper, credentials: { mijnKlantportaalApi: 'k' }, parameters: { resource: 'customer', operation: 'getAll', returnAll: true } });
		expect(result.error?.description).toContain('"customers.read" scope');
		expect(result.error?.httpCode).toBe('403');
	});

	it('refuses a custom base URL that is plain http off loopback, before any request', async () => {
		const helper = new MemoryCredentialsHelper();
		helper.set('k', 'mijnKlantportaalApi', { apiKey: mock.apiKey, environment: 'custom', apiBaseUrl: 'http://api.example.com/v1' });
		const result = await runNode({ helper, credentials: { mijnKlantportaalApi: 'k' }, parameters: { resource: 'customer', operation: 'getAll', returnAll: true } });
		expect(result.error?.message).toBe(
			"The host api.example.com in the credential's API Base URL is not allowed: a custom server must be https on *.mijnklantportaal.nl, or http or https on this machine (localhost, 127.0.0.0/8, [::1])",
		);
		expect(mock.log.entries()).toHaveLength(0);
		expect(JSON.stringify(result.run)).not.toContain(mock.apiKey);
	});
});

describe('OAuth2 credential, resolved by n8n\'s expression engine as n8n does', () => {
	it('offers exactly the 24 documented scopes', () => {
		expect([...ALL_SCOPES].sort()).toEqual([...DOCUMENTED_SCOPES].sort());
	});

	it('production by default: manage-portal URLs, every scope, prompt=consent, client credentials in the body', async () => {
		const data = await resolvedCredential('mijnKlantportaalOAuth2Api', { clientId: 'id', clientSecret: 'secret' });
		expect(data.authUrl).toBe('https://manage.mijnklantportaal.nl/oauth/authorize');
		expect(data.accessTokenUrl).toBe('https://manage.mijnklantportaal.nl/oauth/tokens');
		expect(String(data.scope).split(' ').sort()).toEqual([...DOCUMENTED_SCOPES].sort());
		expect(data.authQueryParameters).toBe('prompt=consent');
		expect(data.authentication).toBe('body');
		expect(data.grantType).toBe('authorizationCode');
	});

	it('custom scopes and prompt=login reach the fields n8n builds the authorize URL from', async () => {
		const data = await resolvedCredential('mijnKlantportaalOAuth2Api', {
			customScopes: true,
			enabledScopes: ['customers.read', 'invoices.read'],
			prompt: 'login',
		});
		expect(data.scope).toBe('customers.read invoices.read');
		expect(data.authQueryParameters).toBe('prompt=login');
	});

	it('stored values of hidden fields are ignored: n8n pins them to the type\'s defaults', async () => {
		const data = await resolvedCredential('mijnKlantportaalOAuth2Api', {
			authUrl: 'https://evil.example/authorize',
			accessTokenUrl: 'https://evil.example/token',
			scope: 'everything',
		});
		expect(data.authUrl).toBe('https://manage.mijnklantportaal.nl/oauth/authorize');
		expect(data.accessTokenUrl).toBe('https://manage.mijnklantportaal.nl/oauth/tokens');
		expect(data.scope).not.toBe('everything');
	});

	it('a custom environment points both URLs at the custom server; an unsafe URL is refused', async () => {
		const local = await resolvedCredential('mijnKlantportaalOAuth2Api', { environment: 'custom', manageBaseUrl: 'http://127.0.0.1:4010/' });
		expect(local.authUrl).toBe('http://127.0.0.1:4010/oauth/authorize');
		expect(local.accessTokenUrl).toBe('http://127.0.0.1:4010/oauth/tokens');
		const unsafe = await resolvedCredential('mijnKlantportaalOAuth2Api', { environment: 'custom', manageBaseUrl: 'http://manage.example.com' });
		expect(unsafe.authUrl).toBe('https://host-not-allowed.invalid/oauth/authorize');
		expect(unsafe.accessTokenUrl).toBe('https://host-not-allowed.invalid/oauth/tokens');
	});
});
