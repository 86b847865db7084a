import { startMockServer } from '../mock-server';
import type { MockServer } from '../mock-server';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';
import { oauthData } from '../harness/credential-data.js';

/**
 * An upload whose OAuth2 access token has expired: the API answers 401, n8n-core refreshes the
 * token, and the multipart body must be sent once more. n8n-core resends a body itself only when
 * it does not count it as single-use (`hasSingleUseBody`: a `form-data` instance or a stream). The
 * native FormData the node sends is not one of those, so n8n resends it; if n8n ever counts it as
 * single-use, n8n surfaces the 401 and the transport rebuilds the body and sends it once more.
 * Both paths are run here: each must store exactly one file and make exactly one token call.
 */
describe('multipart upload after an OAuth2 token refresh', () => {
	let mock: MockServer;
	let helper: MemoryCredentialsHelper;
	const credentialId = 'oauth-upload';
	const bytes = Buffer.from('%PDF-1.4\n\r\n--not-a-boundary\r\n\x00\xff upload after refresh\n%%EOF\n', 'latin1');

	const upload = () =>
		runNode({
			helper,
			credentials: { mijnKlantportaalOAuth2Api: credentialId },
			parameters: { authentication: 'oAuth2', resource: 'file', operation: 'upload', file: 'data' },
			items: [{ json: {}, binary: { data: { data: bytes.toString('base64'), fileName: 'refresh.pdf', mimeType: 'application/pdf' } } }],
		});

	const uploads = () => mock.log.entries().filter((entry) => entry.listener === 'api' && entry.method === 'POST' && entry.path === '/v1/files');

	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 11, records: 0, rateLimit: null });
	});
	afterAll(async () => mock.close());

	beforeEach(() => {
		const tokens = mock.issueTokens({ scopes: ['files.read', 'files.write'] });
		helper = new MemoryCredentialsHelper();
		helper.set(credentialId, 'mijnKlantportaalOAuth2Api', oauthData(mock, tokens));
		mock.store.reset(11);
		mock.resetCounters();
		mock.log.clear();
		expect(mock.expireAllTokens()).toBeGreaterThan(0);
	});

	const expectOneUpload = async () => {
		const before = mock.store.collection('files').size;
		const result = await upload();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const files = mock.store.collection<{ id: string; name: string; size: number }>('files').all();
		expect(files).toHaveLength(before + 1);
		expect(files[files.length - 1]).toMatchObject({ id: result.items[0].json.id, name: 'refresh.pdf', size: bytes.length });
		expect(mock.store.blobs.get(String(result.items[0].json.id))?.data.equals(bytes)).toBe(true);
		expect(mock.counters.tokenCalls.refresh_token).toBe(1);
		expect(mock.counters.tokenCalls.authorization_code + mock.counters.tokenCalls.other).toBe(0);
		// 1. the expired token is refused; 2. the same upload with the new token is stored.
		expect(uploads().map((entry) => [entry.status, entry.credential.split(':')[0]])).toEqual([
			[401, 'invalid'],
			[200, 'oauth'],
		]);
		expect(uploads()[1].body).toMatchObject({ files: [{ field: 'file', filename: 'refresh.pdf', size: bytes.length }] });
		expect(helper.tokenSaves).toHaveLength(1);
	};

	it("n8n-core resends the native FormData itself (it is not single-use to n8n's hasSingleUseBody)", async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { hasSingleUseBody } = require(require.resolve('n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/oauth.js', { paths: [require.resolve('n8n-core')] })) as {
			hasSingleUseBody: (options: object) => boolean;
		};
		const form = new FormData();
		form.append('file', new Blob([bytes]), 'refresh.pdf');
		expect(hasSingleUseBody({ method: 'POST', body: form })).toBe(false);
		await expectOneUpload();
	});

	it('the transport rebuilds the body and sends it once more when n8n-core will not resend it', async () => {
		// n8n-core counts anything with getHeaders() and append() as a single-use form-data body.
		const proto = FormData.prototype as unknown as { getHeaders?: () => Record<string, string> };
		proto.getHeaders = () => ({});
		try {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const { hasSingleUseBody } = require(require.resolve('n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/oauth.js', { paths: [require.resolve('n8n-core')] })) as {
				hasSingleUseBody: (options: object) => boolean;
			};
			expect(hasSingleUseBody({ method: 'POST', body: new FormData() })).toBe(true);
			await expectOneUpload();
		} finally {
			delete proto.getHeaders;
		}
	});

	it('a JSON create after the refresh is also sent exactly once more (control)', async () => {
		const tokens = mock.issueTokens({ scopes: ['customers.write'] });
		helper.set(credentialId, 'mijnKlantportaalOAuth2Api', {
			...helper.get(credentialId)!,
			oauthTokenData: { access_token: tokens.access_token, refresh_token: tokens.refresh_token, expires_in: tokens.expires_in },
		});
		mock.expireAllTokens();
		const before = mock.store.collection('customers').size;
		const result = await runNode({
			helper,
			credentials: { mijnKlantportaalOAuth2Api: credentialId },
			parameters: { authentication: 'oAuth2', resource: 'customer', operation: 'create', companyName: 'Refresh BV', address: 'Kerkstraat 1', zipCode: '1234 AB', city: 'Utrecht', primaryEmail: 'info@refresh.nl' },
		});
		expect(result.error).toBeUndefined();
		expect(mock.store.collection('customers').size).toBe(before + 1);
		expect(mock.counters.tokenCalls.refresh_token).toBe(1);
	});
});
