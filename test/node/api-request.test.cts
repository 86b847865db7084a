// The API Request resource: any request under the API base, with the node's credentials and pages.
import { col, currentMock, fixtures, get, json, pub, stored, withSeededMock } from './operations/setup.cjs';
import { run, summary } from './setup.cjs';

withSeededMock();

describe('API Request', () => {
	it('sends a custom PATCH with a JSON body and query parameters', async () => {
		const f = fixtures();
		const r = await run(currentMock(), {
			resource: 'apiRequest',
			operation: 'send',
			method: 'PATCH',
			path: `/customers/${f.customer.id}`,
			query: { items: [{ name: 'include', value: 'groups' }] },
			jsonBody: '{"city":"Delft"}',
		});
		expect(r.error?.message).toBeUndefined();
		expect(r.api.map(summary)).toEqual([json('PATCH', `/customers/${f.customer.id}`, { city: 'Delft' }, { include: 'groups' })]);
		expect(r.items).toEqual([{ json: pub(stored('customers', f.customer.id)), pairedItem: { item: 0 } }]);
		expect(r.items[0].json.city).toBe('Delft');
	});

	it('follows the pages of a GET list up to the limit', async () => {
		const r = await run(currentMock(), { resource: 'apiRequest', operation: 'send', method: 'GET', path: '/customers', paginate: true, limit: 17 });
		expect(r.error?.message).toBeUndefined();
		expect(r.api.map(summary)).toEqual([get('/customers'), get('/customers', { page: '2' })]);
		expect(r.items.map((item) => item.json.id)).toEqual(col('customers').slice(0, 17).map((c) => c.id));
		for (const item of r.items) expect(item.pairedItem).toEqual({ item: 0 });
	});

	// Until the clarity pass, API Request had no operation: such a saved node gets the one it has now.
	it('runs a node saved before API Request had an operation, at version 1', async () => {
		const f = fixtures();
		const r = await run(currentMock(), { resource: 'apiRequest', method: 'GET', path: `/customers/${f.customer.id}` }, { typeVersion: 1 });
		expect(r.error?.message).toBeUndefined();
		expect(r.api.map(summary)).toEqual([get(`/customers/${f.customer.id}`)]);
		expect(r.items).toEqual([{ json: pub(stored('customers', f.customer.id)), pairedItem: { item: 0 } }]);
	});
});
