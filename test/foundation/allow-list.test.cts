// The credential's secrets go only to MijnKlantportaal (https, *.mijnklantportaal.nl) or to this
// machine. Anything else is refused before a connection is attempted, with a message that names
// the host: in the node (the transport), in n8n's credential test, and in the OAuth2 URLs.
// Local servers stand in for the hosts an attacker would point the credential at: `0x7f.1` is
// this machine written so that the allow-list does not recognise it, so a request that got past
// the check would really arrive there and be counted.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { refusedServerUrl } from '../../credentials/shared';
import { MijnKlantportaal } from '../../nodes/MijnKlantportaal/MijnKlantportaal.node';
import { testCredential } from '../harness/mkp-credential-test.cjs';
import { MemoryCredentialsHelper, resolvedCredential } from '../harness/mkp-credentials.cjs';
import { answer, localApi } from '../harness/local-api.cjs';
import type { LocalApi } from '../harness/local-api.cjs';
import { registerNodeType, runNode } from '../harness/mkp-n8n.cjs';

const KEY = 'mkp_live_allow_list_key_0001';
const NODE_TYPE = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';
const ALLOWED = 'https on *.mijnklantportaal.nl, or http or https on this machine (localhost, 127.0.0.0/8, [::1])';
const notAllowed = (host: string, field = 'API Base URL') =>
	`The host ${host} in the credential's ${field} is not allowed: a custom server must be ${ALLOWED}`;

/** The verdict of n8n's expression engine on the OAuth2 authorize URL, for a manage base URL. */
async function expressionAllows(url: string): Promise<boolean> {
	const data = await resolvedCredential('mijnKlantportaalOAuth2Api', { environment: 'custom', manageBaseUrl: url });
	if (data.authUrl === 'https://host-not-allowed.invalid/oauth/authorize') return false;
	expect(data.authUrl).toBe(`${url.trim().replace(/\/+$/, '')}/oauth/authorize`);
	return true;
}

describe('the allow-list: one rule in the transport and in the OAuth2 URL expressions', () => {
	const allowed = [
		'http://localhost:4010/v1',
		'https://localhost/v1',
		'http://127.0.0.1:4010/v1',
		'http://127.45.0.9/v1',
		'http://[::1]:8080/v1',
		'https://api.mijnklantportaal.nl/v1',
		'https://test.api.mijnklantportaal.nl',
		'HTTPS://API.MIJNKLANTPORTAAL.NL/v1',
	];
	const refused: Array<[string, string]> = [
		['http://api.mijnklantportaal.nl/v1', "The host api.mijnklantportaal.nl in the credential's API Base URL is allowed only over https"],
		['https://evil.example.com/v1', notAllowed('evil.example.com')],
		['https://api.mijnklantportaal.nl.evil.example/v1', notAllowed('api.mijnklantportaal.nl.evil.example')],
		['https://evilmijnklantportaal.nl/v1', notAllowed('evilmijnklantportaal.nl')],
		['https://mijnklantportaal.nl/v1', notAllowed('mijnklantportaal.nl')],
		['https://api.mijnklantportaal.nl@evil.example/v1', notAllowed('evil.example')],
		['http://localhost.evil.example/v1', notAllowed('localhost.evil.example')],
		['http://127.0.0.1.nip.io/v1', notAllowed('127.0.0.1.nip.io')],
		['http://0x7f.1:4010/v1', notAllowed('0x7f.1:4010')],
		['http://[::ffff:127.0.0.1]/v1', notAllowed('[::ffff:127.0.0.1]')],
		['http://192.168.1.10/v1', notAllowed('192.168.1.10')],
		['https://user:secret@api.mijnklantportaal.nl/v1', "The credential's API Base URL must be a plain URL (scheme, host, port and path), without a user name, query, fragment or backslash"],
		['http://localhost:4010/v1?debug=1', "The credential's API Base URL must be a plain URL (scheme, host, port and path), without a user name, query, fragment or backslash"],
		['ftp://localhost/v1', "The credential's API Base URL must start with https:// (or http:// on this machine)"],
		['api.mijnklantportaal.nl/v1', "The credential's API Base URL is not a valid URL"],
	];

	it.each(allowed)('allows %s', async (url) => {
		expect(refusedServerUrl(url)).toBeUndefined();
		await expect(expressionAllows(url)).resolves.toBe(true);
	});

	it.each(refused)('refuses %s, naming the host', async (url, message) => {
		expect(refusedServerUrl(url)).toBe(message);
		await expect(expressionAllows(url)).resolves.toBe(false);
	});
});

describe('refused before any connection', () => {
	let api: LocalApi;
	let tokenServer: LocalApi;

	beforeAll(async () => {
		api = await localApi((_req, res) => answer(res, 200, { data: [{ id: 'cst_1' }], next_page_url: null }));
		tokenServer = await localApi((_req, res) => answer(res, 200, { access_token: 'fresh_access_token_0001', token_type: 'Bearer', expires_in: 3600 }));
	});
	afterAll(async () => {
		await api.stop();
		await tokenServer.stop();
	});
	beforeEach(() => {
		api.seen.length = 0;
		tokenServer.seen.length = 0;
	});

	it('the node refuses an API key credential whose base is this machine in disguise; the server sees nothing', async () => {
		const helper = new MemoryCredentialsHelper();
		helper.set('k', 'mijnKlantportaalApi', { apiKey: KEY, environment: 'custom', apiBaseUrl: `http://0x7f.1:${api.port}/v1` });
		const result = await runNode({ helper, credentials: { mijnKlantportaalApi: 'k' }, parameters: { resource: 'customer', operation: 'getAll', returnAll: true } });
		expect(result.error?.message).toBe(notAllowed(`0x7f.1:${api.port}`));
		expect(result.error?.description).toBe('Nothing was sent. Open the credential and correct the URL.');
		expect(api.seen).toEqual([]);
		expect(JSON.stringify(result.run)).not.toContain(KEY);
	});

	it('the node refuses an OAuth2 credential whose manage URL is not allowed, before n8n would refresh the token there', async () => {
		const helper = new MemoryCredentialsHelper();
		helper.set('o', 'mijnKlantportaalOAuth2Api', {
			environment: 'custom',
			apiBaseUrl: api.apiBaseUrl,
			manageBaseUrl: `http://0x7f.1:${tokenServer.port}`,
			clientId: 'client-id',
			clientSecret: 'client_secret_allow_list_0001',
			// Expired: n8n-core would refresh it, sending the refresh token and client secret.
			oauthTokenData: { access_token: 'expired_access_token_0001', refresh_token: 'refresh_token_allow_list_0001', expires_in: 1 },
		});
		const result = await runNode({
			helper,
			credentials: { mijnKlantportaalOAuth2Api: 'o' },
			parameters: { authentication: 'oAuth2', resource: 'customer', operation: 'getAll', returnAll: true },
		});
		expect(result.error?.message).toBe(notAllowed(`0x7f.1:${tokenServer.port}`, 'Manage Portal Base URL'));
		expect(api.seen).toEqual([]);
		expect(tokenServer.seen).toEqual([]);
	});

	it("n8n's credential test (run by n8n-core's RoutingNode) refuses it with the same message", async () => {
		const result = await testCredential('mijnKlantportaalApi', { apiKey: KEY, environment: 'custom', apiBaseUrl: `http://0x7f.1:${api.port}/v1` });
		expect(result).toEqual({ status: 'Error', message: notAllowed(`0x7f.1:${api.port}`) });
		expect(api.seen).toEqual([]);
	});

	it('the credential test of an allowed custom server still sends GET /customers there', async () => {
		const result = await testCredential('mijnKlantportaalApi', { apiKey: KEY, environment: 'custom', apiBaseUrl: api.apiBaseUrl });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(api.seen.map((s) => [s.method, s.url, s.authorization])).toEqual([['GET', '/v1/customers', `Bearer ${KEY}`]]);
	});
});

describe('the API key credential attaches the key only for its own origin, whichever node sends the request', () => {
	let api: LocalApi;
	let foreign: LocalApi;

	/** Another node using this credential type, as the HTTP Request node would, to any URL it is given. */
	class CredentialUser extends MijnKlantportaal {
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const url = String(this.getInputData()[0].json.url);
			const response = await this.helpers.httpRequestWithAuthentication.call(this, 'mijnKlantportaalApi', { method: 'GET', url });
			return [[{ json: response as never, pairedItem: { item: 0 } }]];
		}
	}

	beforeAll(async () => {
		api = await localApi((_req, res) => answer(res, 200, { data: [], next_page_url: null }));
		foreign = await localApi((_req, res) => answer(res, 200, { stolen: true }));
		registerNodeType(NODE_TYPE, new CredentialUser());
	});
	afterAll(async () => {
		registerNodeType(NODE_TYPE, new MijnKlantportaal());
		await api.stop();
		await foreign.stop();
	});

	const send = (url: string) => {
		const helper = new MemoryCredentialsHelper();
		helper.set('k', 'mijnKlantportaalApi', { apiKey: KEY, environment: 'custom', apiBaseUrl: api.apiBaseUrl });
		return runNode({ helper, credentials: { mijnKlantportaalApi: 'k' }, parameters: {}, items: [{ json: { url } }] });
	};

	it('sends the key to the API origin', async () => {
		const result = await send(`${api.apiBaseUrl}/customers`);
		expect(result.error).toBeUndefined();
		expect(api.seen.map((s) => s.authorization)).toEqual([`Bearer ${KEY}`]);
	});

	it('refuses another origin, even on this machine, without a request', async () => {
		const result = await send(`${foreign.origin}/v1/customers`);
		expect(result.error?.message).toBe(`Refused to send the MijnKlantportaal API key to ${foreign.origin}: only ${api.origin} receives it`);
		expect(foreign.seen).toEqual([]);
	});
});
