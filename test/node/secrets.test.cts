// A server that echoes the credential in its error bodies: the key (or the OAuth2 access token,
// refresh token and client secret) must reach neither the error message, nor the saved
// execution data, nor the continue-on-fail item. The mock never echoes its credential, so a
// local server plays that API.
import type { IncomingMessage } from 'node:http';
import type { IDataObject } from 'n8n-workflow';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { answer, localApi } from '../harness/local-api.cjs';
import type { LocalApi } from '../harness/local-api.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';
import type { RunResult } from '../harness/mkp-n8n.cjs';
import { deepSerialise, rl } from './setup.cjs';

const API_KEY = 'mkp_live_echoed_api_key_0001';
const ACCESS_TOKEN = 'echoed_access_token_0001';
const FRESH_TOKEN = 'echoed_fresh_access_token_0002';
const REFRESH_TOKEN = 'echoed_refresh_token_0001';
const CLIENT_SECRET = 'echoed_client_secret_0001';

/** An error body that repeats what the request carried, in the message and in every kind of field. */
function echo(req: IncomingMessage, raw: string[]) {
	const authorization = String(req.headers.authorization);
	return {
		message: `Unknown credential: ${authorization}`,
		errors: { token: [`${authorization} is not valid`, raw.join(' ')] },
		debug: { headers: { authorization }, raw, [raw[0]]: 'as a key' },
	};
}

/** Where the secrets must not be: the error, the whole run (as n8n saves it), the error item. */
function expectScrubbed(result: RunResult, secrets: string[]) {
	const places = [
		['message', `${result.error?.message ?? ''} ${result.error?.description ?? ''}`],
		['error', deepSerialise(result.error) ?? ''],
		['run data', deepSerialise(result.run)],
		['saved run data', JSON.stringify(result.run)],
		['error item', JSON.stringify(result.items)],
	];
	for (const [place, text] of places) {
		for (const secret of secrets) expect(`${place}: ${text.includes(secret)}`).toBe(`${place}: false`);
		expect(`${place}: ${/Bearer\s+(?!\[redacted\])\S/.test(text)}`).toBe(`${place}: false`);
	}
}

interface Kind {
	name: string;
	secrets: string[];
	credential(api: LocalApi, helper: MemoryCredentialsHelper): Record<string, string>;
	parameters: IDataObject;
	/** What the server saw before the request that got the echo: for OAuth2, the refresh. */
	before: Array<[string, string | undefined]>;
	bearer: string;
}

const KINDS: Kind[] = [
	{
		name: 'an API key',
		secrets: [API_KEY],
		credential: (api, helper) => {
			helper.set('k', 'mijnKlantportaalApi', { apiKey: API_KEY, environment: 'custom', apiBaseUrl: api.apiBaseUrl });
			return { mijnKlantportaalApi: 'k' };
		},
		parameters: {},
		before: [],
		bearer: API_KEY,
	},
	{
		name: 'an OAuth2 token, refreshed on the way',
		secrets: [FRESH_TOKEN, ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET],
		credential: (api, helper) => {
			helper.set('o', 'mijnKlantportaalOAuth2Api', {
				environment: 'custom',
				apiBaseUrl: api.apiBaseUrl,
				manageBaseUrl: api.origin,
				clientId: 'echo-client',
				clientSecret: CLIENT_SECRET,
				oauthTokenData: { access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN, expires_in: 3600 },
			});
			return { mijnKlantportaalOAuth2Api: 'o' };
		},
		parameters: { authentication: 'oAuth2' },
		// The first token is refused, n8n refreshes it, and sends the request again with the fresh one.
		before: [['/oauth/tokens', undefined]],
		bearer: FRESH_TOKEN,
	},
];

describe.each(KINDS)('the credential never appears in an error: $name', (kind) => {
	let api: LocalApi;
	beforeAll(async () => {
		api = await localApi((req, res) => {
			if (req.url === '/oauth/tokens') return answer(res, 200, { access_token: FRESH_TOKEN, token_type: 'Bearer', expires_in: 3600 });
			if (req.headers.authorization === `Bearer ${ACCESS_TOKEN}`) return answer(res, 401, { message: 'Unauthenticated.' });
			// The raw secrets too, as a server that knew them could send them.
			answer(res, req.method === 'GET' ? 404 : 422, echo(req, kind.secrets));
		});
	});
	afterAll(async () => api.stop());
	beforeEach(() => (api.seen.length = 0));

	const run = (parameters: IDataObject, continueOnFail = false) => {
		const helper = new MemoryCredentialsHelper();
		const credentials = kind.credential(api, helper);
		return runNode({ helper, credentials, parameters: { ...kind.parameters, ...parameters }, continueOnFail });
	};
	/** What the server saw: for OAuth2 the refused first try, then the refresh, then the request. */
	const seen = (path: string) => [
		...(kind.before.length ? [[path, `Bearer ${ACCESS_TOKEN}`], ...kind.before] : []),
		[path, `Bearer ${kind.bearer}`],
	];

	it('the error message and the saved run data', async () => {
		const result = await run({ resource: 'customer', operation: 'get', customerId: rl('cst_echo0001') });
		expect(api.seen.map((s) => [s.url, s.authorization])).toEqual(seen('/v1/customers/cst_echo0001'));
		expect(result.error?.message).toBe('Unknown credential: Bearer [redacted]');
		expect(result.error?.httpCode).toBe('404');
		expectScrubbed(result, kind.secrets);
		// The body the error keeps is still there, with the secrets cut out.
		expect(deepSerialise(result.run)).toContain(`"raw":[${kind.secrets.map(() => '"[redacted]"').join(',')}]`);
	});

	it('the continue-on-fail item, with the body fields a 422 is described by', async () => {
		const result = await run({ resource: 'ticket', operation: 'addMessage', ticketId: rl('tic_echo0001'), message: 'Hallo' }, true);
		expect(api.seen.map((s) => [s.url, s.authorization])).toEqual(seen('/v1/tickets/tic_echo0001'));
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{
				error: 'Unknown credential: Bearer [redacted]',
				description: `The API refused these fields: token: Bearer [redacted] is not valid ${kind.secrets.map(() => '[redacted]').join(' ')}`,
			},
		]);
		expectScrubbed(result, kind.secrets);
	});
});
