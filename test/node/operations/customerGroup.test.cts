// name: one case per operation (what every case checks is in ./setup.cts).
import { ATOM, col, get, json, listCase, pub, rl, stored, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

export const cases: OperationCases = {
	addCustomers: {
		endpoint: 'POST /customer-groups/{customerGroupId}/customers',
		parameters: (fx) => ({
			customerGroupId: rl(fx.group.id),
			customersInputMode: 'fields',
			customers: { items: [{ value: fx.customer.id }, { value: fx.customer2.id }] },
		}),
		requests: (fx) => [json('POST', `/customer-groups/${fx.group.id}/customers`, { customers: [fx.customer.id, fx.customer2.id] })],
		check: (out, fx) => {
			expect(out.map((item) => item.json.id)).toEqual([fx.customer.id, fx.customer2.id]);
			for (const item of out) expect(item.json.customerGroups).toContain(fx.group.id);
		},
	},
	create: {
		endpoint: 'POST /customer-groups',
		// Optional list given as JSON inside Additional Fields.
		parameters: (fx) => ({ name: 'Nieuwsbrief 2025', additionalFields: { customersJson: JSON.stringify([fx.customer2.id]) } }),
		requests: (fx) => [json('POST', '/customer-groups', { name: 'Nieuwsbrief 2025', customers: [fx.customer2.id] })],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json).toEqual({ id: expect.stringMatching(/^cug_/), name: 'Nieuwsbrief 2025', createdAt: expect.stringMatching(ATOM) });
			expect(stored('customers', fx.customer2.id).customerGroups).toContain(json.id);
		},
	},
	get: {
		endpoint: 'GET /customer-groups/{customerGroupId}',
		parameters: (fx) => ({ customerGroupId: rl(fx.group.id) }),
		requests: (fx) => [get(`/customer-groups/${fx.group.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('customerGroups', fx.group.id))),
	},
	getAll: listCase('/customer-groups', () => col('customerGroups')),
	update: {
		endpoint: 'PATCH /customer-groups/{customerGroupId}',
		parameters: (fx) => ({ customerGroupId: rl(fx.group.id), name: 'VIP klanten 2025' }),
		requests: (fx) => [json('PATCH', `/customer-groups/${fx.group.id}`, { name: 'VIP klanten 2025' })],
		check: (out, fx) => expect(out[0].json).toEqual({ id: fx.group.id, name: 'VIP klanten 2025', createdAt: fx.group.createdAt }),
	},
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('customerGroup', cases);
