// API Request stays under /v1: a path that would climb out of the API base, in any spelling, is
// refused before anything is sent, with an error that quotes it. Against the mock, whose admin
// API (/__admin, no authentication) sits beside /v1 on the same origin, as an internal API might.
import type { MockServer } from './setup.cjs';
import { run, startMock } from './setup.cjs';

let mock: MockServer;

beforeAll(async () => {
	mock = await startMock({ records: 2 });
});
afterAll(async () => mock.close());

const send = (path: string, method = 'GET') =>
	run(mock, { resource: 'apiRequest', operation: 'send', method, path, ...(method === 'GET' ? {} : { jsonBody: '{}' }) });

describe('API Request path', () => {
	it('the threat: /v1/../__admin reaches the admin API on the same origin', async () => {
		const response = await fetch(`${mock.apiBaseUrl}/../__admin/records/customers`);
		expect(((await response.json()) as { count: number }).count).toBe(2);
	});

	it.each([
		'/../__admin/records/customers',
		'/%2e%2e/__admin/records/customers',
		'/.%2E/__admin/records/customers',
		'/%252e%252e/__admin/records/customers',
		'/customers/..%2f..%2f__admin/records/customers',
		'/customers\\..\\..\\__admin\\records\\customers',
		'/customers/%5c..%5c..%5c__admin/records/customers',
		'/./customers',
	])('refuses %s before sending anything', async (path) => {
		const before = mock.counters.requests;
		const result = await send(path);
		expect(result.error?.message).toBe(
			`Invalid Path (path): "${path}" leaves the API base: dot segments (/../ or /./, also percent-encoded) and backslashes are not allowed [item 0]`,
		);
		expect(result.items).toEqual([]);
		// Counted by the mock for every request, admin ones included.
		expect(mock.counters.requests).toBe(before);
	});

	it('refuses it for a write as well', async () => {
		const before = mock.counters.requests;
		const result = await send('/../__admin/reset', 'POST');
		expect(result.error?.message).toBe(
			'Invalid Path (path): "/../__admin/reset" leaves the API base: dot segments (/../ or /./, also percent-encoded) and backslashes are not allowed [item 0]',
		);
		expect(mock.counters.requests).toBe(before);
		expect(mock.store.collection('customers').all()).toHaveLength(2);
	});

	it('still sends an ordinary path, with dots inside a segment and a query', async () => {
		const id = String(mock.store.collection('customers').all()[0].id);
		const result = await send(`/customers/${id}?x=a..b`);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([id]);
		expect(result.api.map((entry) => [entry.method, entry.path, entry.query])).toEqual([['GET', `/v1/customers/${id}`, { x: 'a..b' }]]);
	});
});
