import { startMockServer } from '../mock-server';
import type { MockServer } from '../mock-server';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';
import { oauthData } from '../harness/credential-data.js';

/**
 * n8n-core's own OAuth2 path (requestOAuth2 → refreshOrFetchToken → the credentials helper's
 * token save) runs here for real; only the database behind the helper is in memory.
 */
describe('OAuth2 credential through real n8n-core', () => {
	let mock: MockServer;
	let helper: MemoryCredentialsHelper;
	const credentialId = 'oauth';

	const getCustomers = () =>
		runNode({
			helper,
			credentials: { mijnKlantportaalOAuth2Api: credentialId },
			parameters: { authentication: 'oAuth2', resource: 'customer', operation: 'getAll', returnAll: false, limit: 3 },
		});

	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 7, records: 5, rateLimit: null, expiresIn: 3600 });
	});
	afterAll(async () => mock.close());

	beforeEach(() => {
		const tokens = mock.issueTokens({ scopes: ['customers.read'] });
		helper = new MemoryCredentialsHelper();
		helper.set(credentialId, 'mijnKlantportaalOAuth2Api', oauthData(mock, tokens));
		mock.resetCounters();
		mock.log.clear();
	});

	it('authenticates with the stored access token and makes no token call', async () => {
		const result = await getCustomers();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(mock.counters.tokenCalls.refresh_token).toBe(0);
		const calls = mock.log.entries().filter((entry) => entry.listener === 'api');
		expect(calls).toHaveLength(1);
		expect(calls[0].credential).toMatch(/^oauth:/);
		expect(calls[0].authHeader).toBe('authorization');
	});

	it('refreshes an expired token once, retries, persists the new token and reuses it', async () => {
		const before = helper.get(credentialId)!.oauthTokenData as { access_token: string; refresh_token: string };
		expect(mock.expireAllTokens()).toBeGreaterThan(0);

		const first = await getCustomers();
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(3);

		// 1. the expired token got a 401; 2. exactly one token call; 3. the retry succeeded.
		const api = mock.log.entries().filter((entry) => entry.listener === 'api');
		expect(api.map((entry) => entry.status)).toEqual([401, 200]);
		expect(mock.counters.tokenCalls.refresh_token).toBe(1);
		const tokenCall = mock.log.entries().find((entry) => entry.listener === 'oauth');
		expect(tokenCall?.path).toBe('/oauth/tokens');
		expect(tokenCall?.clientAuth).toBe('body');

		// 4. the new token is persisted, and the refresh token (absent from the refresh response) is kept.
		expect(helper.tokenSaves).toHaveLength(1);
		const after = helper.get(credentialId)!.oauthTokenData as { access_token: string; refresh_token: string };
		expect(after.access_token).not.toBe(before.access_token);
		expect(after.refresh_token).toBe(before.refresh_token);

		// 5. the next execution uses the new token without a token call.
		mock.log.clear();
		const second = await getCustomers();
		expect(second.error).toBeUndefined();
		expect(mock.counters.tokenCalls.refresh_token).toBe(1);
		expect(mock.log.entries().map((entry) => entry.status)).toEqual([200]);
	});

	it('tells the user to reconnect when the refresh token is revoked', async () => {
		helper.set(credentialId, 'mijnKlantportaalOAuth2Api', {
			...helper.get(credentialId)!,
			oauthTokenData: { access_token: 'expired-or-unknown', refresh_token: 'revoked-refresh-token', expires_in: 1 },
		});
		const result = await getCustomers();
		expect(result.error?.message).toMatch(/reconnect/i);
		expect(JSON.stringify(result.run)).not.toContain('revoked-refresh-token');
		expect(JSON.stringify(result.run)).not.toContain(mock.clientSecret);
	});
});
