// Custom API Call is the last operation of every resource (so n8n adds no Custom API Call of its
// own): picked under any resource it sends the request through the node's transport.
import type { MockServer } from './setup.cjs';
import { run, startMock, summary } from './setup.cjs';

let mock: MockServer;
beforeAll(async () => {
	mock = await startMock({ records: 3 });
});
afterAll(async () => mock.close());

it.each(['ticket', 'apiRequest'])('under resource %s sends the request with the credential and returns the answer', async (resource) => {
	const customer = mock.store.collection('customers').all()[1] as { id: string };
	const r = await run(mock, { resource, operation: 'send', method: 'GET', path: `/customers/${customer.id}` });
	expect(r.error?.message).toBeUndefined();
	expect(r.api.map(summary)).toEqual([{ method: 'GET', path: `/v1/customers/${customer.id}`, query: {}, contentType: '', body: null }]);
	expect(r.api[0].credential).toBe('apiKey:key_1');
	expect(r.items).toHaveLength(1);
	expect(r.items[0].json.id).toBe(customer.id);
	// A custom answer is passed on whole: Simplify belongs to Get and Get Many only.
	expect(Object.keys(r.items[0].json)).toContain('integration');
});
