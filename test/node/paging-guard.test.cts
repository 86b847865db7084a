// Paging that does not advance ends with an error that says so and names the page, within a
// request or two, in the one pagination loop: Get Many with Return All, API Request with Follow
// Pages, and the webhook trigger's listing of webhooks. The mock's paginator always advances,
// so local servers play the ones that do not.
import type { IncomingMessage } from 'node:http';
import type { IDataObject } from 'n8n-workflow';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { answer, localApi } from '../harness/local-api.cjs';
import type { LocalApi } from '../harness/local-api.cjs';
import { TriggerHarness } from '../harness/mkp-hooks.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';

const KEY = 'mkp_live_paging_guard_key_0001';
const STOPPED = "The API's next_page_url leads nowhere new, so the list was stopped here instead of being read forever. Try again later; if it persists, tell MijnKlantportaal.";

type Pager = (req: IncomingMessage, api: LocalApi, query: URLSearchParams) => IDataObject;

let api: LocalApi;
let pager: Pager;

beforeAll(async () => {
	api = await localApi((req, res, self) => answer(res, 200, pager(req, self, new URL(req.url ?? '/', self.origin).searchParams)));
});
afterAll(async () => api.stop());
beforeEach(() => (api.seen.length = 0));

function credential() {
	const helper = new MemoryCredentialsHelper();
	helper.set('k', 'mijnKlantportaalApi', { apiKey: KEY, environment: 'custom', apiBaseUrl: api.apiBaseUrl });
	return helper;
}

const getMany = () => runNode({ helper: credential(), credentials: { mijnKlantportaalApi: 'k' }, parameters: { resource: 'customer', operation: 'getAll', returnAll: true } });

const record = (n: number) => ({ id: `cst_${String(n).padStart(4, '0')}` });

describe('Get Many with Return All', () => {
	it('an empty page that still links to a next one', async () => {
		let n = 0;
		pager = (_req, self) => ({ current_page: ++n, data: [], next_page_url: `${self.apiBaseUrl}/customers?page=${n + 1}` });
		const result = await getMany();
		expect(result.error?.message).toBe('The pages did not advance: page 1 is empty but links to a next page');
		expect(result.error?.description).toBe(STOPPED);
		expect(api.seen.map((s) => s.url)).toEqual(['/v1/customers']);
	});

	it('the same page again, behind a changing #fragment', async () => {
		let n = 0;
		pager = (req, self) => ({ data: [record(1)], next_page_url: `${self.origin}${req.url}#visit-${++n}` });
		const result = await getMany();
		expect(result.error?.message).toBe('The pages did not advance: page 1 links to a page already read');
		expect(api.seen.map((s) => s.url)).toEqual(['/v1/customers']);
	});

	it('a relative link with a changing query, to the same page number', async () => {
		let n = 0;
		pager = (_req, _self, query) => ({ current_page: Number(query.get('page') ?? 1), data: [record(1)], next_page_url: `?page=1&nonce=${++n}` });
		const result = await getMany();
		expect(result.error?.message).toBe('The pages did not advance: page 2 says it is page 1, after page 1');
		expect(api.seen.map((s) => s.url)).toEqual(['/v1/customers', '/v1/customers?page=1&nonce=1']);
	});

	it('a current_page that goes back', async () => {
		pager = (_req, self, query) => {
			const page = Number(query.get('page') ?? 1);
			return { current_page: page === 3 ? 1 : page, data: [record(page)], next_page_url: `${self.apiBaseUrl}/customers?page=${page + 1}` };
		};
		const result = await getMany();
		expect(result.error?.message).toBe('The pages did not advance: page 3 says it is page 1, after page 2');
		expect(api.seen).toHaveLength(3);
	});

	it('follows a relative link that does advance, and stops at the last page', async () => {
		pager = (_req, _self, query) => {
			const page = Number(query.get('page') ?? 1);
			return { current_page: page, data: [record(page)], next_page_url: page < 3 ? `?page=${page + 1}` : null };
		};
		const result = await getMany();
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual(['cst_0001', 'cst_0002', 'cst_0003']);
		expect(api.seen.map((s) => s.url)).toEqual(['/v1/customers', '/v1/customers?page=2', '/v1/customers?page=3']);
	});
});

describe('API Request with Follow Pages', () => {
	it('a link back to the first page, its query in another order', async () => {
		pager = () => ({ data: [record(1)], next_page_url: `${api.apiBaseUrl}/customers?sort=name&search=jan#more` });
		const result = await runNode({
			helper: credential(),
			credentials: { mijnKlantportaalApi: 'k' },
			parameters: {
				resource: 'apiRequest',
				operation: 'send',
				method: 'GET',
				path: '/customers',
				query: { items: [{ name: 'search', value: 'jan' }, { name: 'sort', value: 'name' }] },
				paginate: true,
				returnAll: true,
			},
		});
		expect(result.error?.message).toBe('The pages did not advance: page 1 links to a page already read');
		expect(api.seen.map((s) => s.url)).toEqual(['/v1/customers?search=jan&sort=name']);
	});
});

describe("the webhook trigger's listing of webhooks", () => {
	it('a current_page that stays put fails the activation', async () => {
		pager = (_req, self, query) => ({
			current_page: 1,
			data: [{ id: `whk_${query.get('page') ?? 1}`, type: 'customer-created', url: 'https://elsewhere.example/hook', secret: 's' }],
			next_page_url: `${self.apiBaseUrl}/webhooks?page=${Number(query.get('page') ?? 1) + 1}`,
		});
		const trigger = new TriggerHarness({
			helper: credential(),
			credentials: { mijnKlantportaalApi: 'k' },
			parameters: { events: ['customer-created'] },
			webhookBaseUrl: 'http://127.0.0.1:1/webhook',
		});
		await expect(trigger.run('checkExists')).rejects.toThrow('The pages did not advance: page 2 says it is page 1, after page 1');
		expect(api.seen.map((s) => s.url)).toEqual(['/v1/webhooks', '/v1/webhooks?page=2']);
	});
});

describe('a next_page_url the node does not follow', () => {
	it('another scheme on the same host and port', async () => {
		pager = () => ({ current_page: 1, data: [record(1)], next_page_url: `ftp://127.0.0.1:${api.port}/v1/customers?page=2` });
		const result = await getMany();
		expect(result.error?.message).toBe(`Refused to send the credential to ftp://127.0.0.1:${api.port}: only ${api.origin} receives it`);
		expect(result.error?.description).toBe('The API returned a link with the scheme "ftp:", which the node never follows. The request was not sent.');
		expect(api.seen).toHaveLength(1);
	});

	it('https where the API is http, on the same host and port', async () => {
		pager = () => ({ current_page: 1, data: [record(1)], next_page_url: `https://127.0.0.1:${api.port}/v1/customers?page=2` });
		const result = await getMany();
		expect(result.error?.message).toBe(`Refused to send the credential to https://127.0.0.1:${api.port}: only ${api.origin} receives it`);
		expect(api.seen).toHaveLength(1);
	});

	it('a path on the API origin outside the API base', async () => {
		pager = () => ({ current_page: 1, data: [record(1)], next_page_url: `${api.origin}/v1/../internal/admin?page=2` });
		const result = await getMany();
		expect(result.error?.message).toBe('Refused the path "/internal/admin": it leaves the API base path /v1');
		expect(api.seen).toHaveLength(1);
	});
});
