import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { MijnKlantportaal } from '../../nodes/MijnKlantportaal/MijnKlantportaal.node';
import { apiRequest } from '../../nodes/shared/transport';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { answer, localApi } from '../harness/local-api.cjs';
import type { LocalApi } from '../harness/local-api.cjs';
import { registerNodeType, runNode } from '../harness/mkp-n8n.cjs';

/**
 * The mock builds every link from the request's own origin, as the API does, so it never
 * produces a foreign next_page_url or a redirect. A throwaway loopback server plays a
 * misbehaving API here, and a second one plays the foreign host that must never see the key.
 */
const KEY = 'mkp_live_transport_test_key';

describe('transport: the key only ever goes to the API origin', () => {
	let foreign: LocalApi;
	let api: LocalApi;

	beforeAll(async () => {
		foreign = await localApi((_req, res) => answer(res, 200, { data: [{ id: 'cst_foreign' }], next_page_url: null }));
		api = await localApi((req, res, self) => {
			if (req.url?.startsWith('/v1/redirect')) {
				res.writeHead(302, { location: `${foreign.origin}/steal` });
				res.end();
				return;
			}
			const page = Number(new URL(req.url ?? '/', self.origin).searchParams.get('page') ?? 1);
			answer(res, 200, {
				current_page: page,
				data: [{ id: `cst_page${page}` }],
				next_page_url: page === 1 ? `${self.origin}/v1/customers?page=2` : `${foreign.origin}/v1/customers?page=3`,
			});
		});
	});
	afterAll(async () => {
		await api.stop();
		await foreign.stop();
	});

	const helper = () => {
		const h = new MemoryCredentialsHelper();
		h.set('k', 'mijnKlantportaalApi', { apiKey: KEY, environment: 'custom', apiBaseUrl: api.apiBaseUrl });
		return h;
	};

	it('follows next_page_url on the API origin, and refuses one on another origin without sending anything', async () => {
		const result = await runNode({ helper: helper(), credentials: { mijnKlantportaalApi: 'k' }, parameters: { resource: 'customer', operation: 'getAll', returnAll: true } });
		expect(api.seen.map((s) => s.url)).toEqual(['/v1/customers', '/v1/customers?page=2']);
		expect(api.seen.every((s) => s.authorization === `Bearer ${KEY}`)).toBe(true);
		expect(foreign.seen).toHaveLength(0);
		expect(result.error?.message).toBe(`Refused to send the credential to ${foreign.origin}: only ${api.origin} receives it`);
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

describe('transport: every path stays under the API base, whichever operation built it', () => {
	const NODE_TYPE = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';
	let api: LocalApi;

	/** A node that hands its input's path to the transport as is, as an operation with an unchecked ID would. */
	class PathProbe extends MijnKlantportaal {
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const path = String(this.getInputData()[0].json.path);
			const response = await apiRequest.call(this, { method: 'GET', path, subject: { itemIndex: 0 } });
			return [[{ json: response.body as never, pairedItem: { item: 0 } }]];
		}
	}

	beforeAll(async () => {
		api = await localApi((_req, res) => answer(res, 200, { id: 'cst_1' }));
		registerNodeType(NODE_TYPE, new PathProbe());
	});
	afterAll(async () => {
		registerNodeType(NODE_TYPE, new MijnKlantportaal());
		await api.stop();
	});

	it.each(['/customers/../../internal', '/customers/%2E%2e/%2e%2e/internal', '/customers/cst_1\\..\\..\\internal'])('refuses %s before sending', async (path) => {
		const helper = new MemoryCredentialsHelper();
		helper.set('k', 'mijnKlantportaalApi', { apiKey: KEY, environment: 'custom', apiBaseUrl: api.apiBaseUrl });
		const result = await runNode({ helper, credentials: { mijnKlantportaalApi: 'k' }, parameters: {}, items: [{ json: { path } }] });
		expect(result.error?.message).toBe(`Refused the path "${path}": it leaves the API base path /v1`);
		expect(api.seen).toEqual([]);
	});
});
