// Four input items, two of them bad: item 1 has an ID the node refuses, item 3 an ID the API does
// not know (404). With "continue on fail" the good items succeed and the bad ones become error
// items, every output paired with its input; without it the run stops at the first bad item.
import type { MockServer } from './setup.cjs';
import { pairedItems, rl, run, startMock } from './setup.cjs';

let mock: MockServer;
let good: [Record<string, unknown>, Record<string, unknown>];

const MISSING = 'cst_doesnotexist';
// Simplify off: the good items are compared with the whole stored record.
const parameters = { resource: 'customer', operation: 'get', customerId: rl('={{ $json.customerId }}'), simplify: false };
const items = () => [
	{ json: { customerId: String(good[0].id) } },
	{ json: { customerId: 'inv_notacustomer' } },
	{ json: { customerId: String(good[1].id) } },
	{ json: { customerId: MISSING } },
];

const badInputMessage = 'Invalid Customer (customerId): "inv_notacustomer" is not a valid ID: it must start with "cst_" [item 1]';

beforeAll(async () => {
	mock = await startMock({ records: 3 });
	const customers = mock.store.collection('customers').all();
	good = [customers[0], customers[2]];
});

afterAll(async () => mock.close());

describe('with continue on fail', () => {
	it('outputs the good items, an error item for each bad one, all paired with their input', async () => {
		const r = await run(mock, parameters, { items: items(), continueOnFail: true });
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(4);
		expect(pairedItems(r.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);

		expect(r.items[0].json).toEqual(good[0]);
		expect(r.items[1].json).toEqual({ error: badInputMessage, description: 'Pick a customer from the list, or enter an ID like cst_…' });
		expect(r.items[2].json).toEqual(good[1]);
		expect(r.items[3].json).toEqual({
			error: 'No Customer can be found for the given ID',
			description: `No customer with ID "${MISSING}" exists, or it is not visible to this account.`,
		});

		// Item 1 was refused before sending; item 3 was sent and answered 404.
		expect(r.api.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
			['GET', `/v1/customers/${good[0].id}`, 200],
			['GET', `/v1/customers/${good[1].id}`, 200],
			['GET', `/v1/customers/${MISSING}`, 404],
		]);
	});

	it('pairs every record of a list operation with its input item, errors included', async () => {
		const r = await run(
			mock,
			{ resource: 'customerGroup', operation: 'addCustomers', customerGroupId: rl('={{ $json.groupId }}'), customersInputMode: 'json', customersJson: '={{ JSON.stringify($json.customers) }}' },
			{
				items: [
					{ json: { groupId: String(mock.store.collection('customerGroups').all()[0].id), customers: [good[0].id, good[1].id] } },
					{ json: { groupId: 'cug_doesnotexist', customers: [good[0].id] } },
					{ json: { groupId: String(mock.store.collection('customerGroups').all()[1].id), customers: ['notanid'] } },
				],
				continueOnFail: true,
			},
		);
		expect(r.error).toBeUndefined();
		expect(r.items.map((item) => [item.json.id ?? item.json.error, item.pairedItem])).toEqual([
			[good[0].id, { item: 0 }],
			[good[1].id, { item: 0 }],
			['No Customer Group can be found for the given ID', { item: 1 }],
			['Invalid Customers (customers): "notanid" is not a valid ID: it must start with "cst_" [item 2]', { item: 2 }],
		]);
		expect(r.api).toHaveLength(2);
	});
});

describe('without continue on fail', () => {
	it('stops at the first bad item (item 1) before sending it, and outputs nothing', async () => {
		const r = await run(mock, parameters, { items: items() });
		expect(r.error).toBeDefined();
		expect(r.error!.message).toBe(badInputMessage);
		expect(r.error!.name).toBe('NodeOperationError');
		expect((r.error!.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(r.items).toEqual([]);
		// Only item 0 went out; items 2 and 3 were never tried.
		expect(r.api.map((entry) => entry.path)).toEqual([`/v1/customers/${good[0].id}`]);
		expect(r.run.data.resultData.lastNodeExecuted).toBe('MKP');
		expect(r.run.status).toBe('error');
	});

	it('stops at the API error when that comes first', async () => {
		const r = await run(mock, parameters, { items: [items()[0], items()[3], items()[2]] });
		expect(r.error!.message).toBe('No Customer can be found for the given ID');
		expect(r.error!.description).toBe(`No customer with ID "${MISSING}" exists, or it is not visible to this account.`);
		expect(r.error!.name).toBe('NodeApiError');
		expect((r.error!.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(r.items).toEqual([]);
		expect(r.api.map((entry) => [entry.path, entry.status])).toEqual([
			[`/v1/customers/${good[0].id}`, 200],
			[`/v1/customers/${MISSING}`, 404],
		]);
	});
});
