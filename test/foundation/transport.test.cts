import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';

/**
 * The mock builds every link from the request's own origin, as the API does, so it never
 * produces a foreign next_page_url or a redirect. A throwaway loopback server plays a
 * misbehaving API here, and a second one plays the foreign host that must never see the key.
 */
interface Seen {
	url: string;
	authorization?: string;
}

function server(handler: (req: http.IncomingMessage, res: http.ServerResponse, origin: string) => void) {
	const seen: Seen[] = [];
	const srv = http.createServer((req, res) => {
		seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
		handler(req, res, `http://127.0.0.1:${(srv.address() as AddressInfo).port}`);
	});
	return {
		seen,
		start: () => new Promise<string>((resolve) => srv.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(srv.address() as AddressInfo).port}`))),
		stop: () => new Promise<void>((resolve) => srv.close(() => resolve())),
	};
}

const KEY = 'mkp_live_transport_test_key';

describe('transport: the key only ever goes to the API origin', () => {
	const foreign = server((_req, res) => {
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({ data: [{ id: 'cst_foreign' }], next_page_url: null }));
	});
	let foreignOrigin = '';
	const api = server((req, res, origin) => {
		res.setHeader('content-type', 'application/json');
		if (req.url?.startsWith('/v1/redirect')) {
			res.statusCode = 302;
			res.setHeader('location', `${foreignOrigin}/steal`);
			res.end();
			return;
		}
		const page = Number(new URL(req.url ?? '/', origin).searchParams.get('page') ?? 1);
		res.end(
			JSON.stringify({
				current_page: page,
				data: [{ id: `cst_page${page}` }],
				next_page_url: page === 1 ? `${origin}/v1/customers?page=2` : `${foreignOrigin}/v1/customers?page=3`,
			}),
		);
	});
	let apiOrigin = '';

	beforeAll(async () => {
		foreignOrigin = await foreign.start();
		apiOrigin = await api.start();
	});
	afterAll(async () => {
		await api.stop();
		await foreign.stop();
	});

	const helper = () => {
		const h = new MemoryCredentialsHelper();
		h.set('k', 'mijnKlantportaalApi', { apiKey: KEY, environment: 'custom', apiBaseUrl: `${apiOrigin}/v1` });
		return h;
	};

	it('follows next_page_url on the API origin, and refuses one on another origin without sending anything', async () => {
		const result = await runNode({ helper: helper(), credentials: { mijnKlantportaalApi: 'k' }, parameters: { resource: 'customer', operation: 'getAll', returnAll: true } });
		expect(api.seen.map((s) => s.url)).toEqual(['/v1/customers', '/v1/customers?page=2']);
		expect(api.seen.every((s) => s.authorization === `Bearer ${KEY}`)).toBe(true);
		expect(foreign.seen).toHaveLength(0);
		expect(result.error?.message).toBe(`Refused to send the credential to ${foreignOrigin}: only ${apiOrigin} receives it`);
		expect(JSON.stringify(result.run)).not.toContain(KEY);
	});

	it('does not follow an HTTP redirect to another host', async () => {
		api.seen.length = 0;
		const result = await runNode({
			helper: helper(),
			credentials: { mijnKlantportaalApi: 'k' },
			parameters: { resource: 'apiRequest', operation: 'send', method: 'GET', path: '/redirect' },
		});
		expect(api.seen.map((s) => s.url)).toEqual(['/v1/redirect']);
		expect(foreign.seen).toHaveLength(0);
		expect(result.error).toBeDefined();
		expect(JSON.stringify(result.run)).not.toContain(KEY);
	});
});
