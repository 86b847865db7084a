// Customer: one case per operation (what every case checks is in ./setup.cts).
import { col, get, json, listCase, pub, rl, stored, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

export const cases: OperationCases = {
	create: {
		endpoint: 'POST /customers',
		parameters: () => ({
			companyName: 'Bakkerij Visser',
			address: 'Kerkstraat 1',
			zipCode: '1234 AB',
			city: 'Utrecht',
			primaryEmail: ' info@bakkerijvisser.nl ',
			additionalFields: { countryCode: 'BE' },
		}),
		requests: () => [
			json('POST', '/customers', {
				companyName: 'Bakkerij Visser',
				address: 'Kerkstraat 1',
				zipCode: '1234 AB',
				city: 'Utrecht',
				primaryEmail: 'info@bakkerijvisser.nl',
				countryCode: 'BE',
			}),
		],
		check: (out) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^cst_/);
			expect(json).toMatchObject({ companyName: 'Bakkerij Visser', city: 'Utrecht', countryCode: 'BE', primaryEmail: 'info@bakkerijvisser.nl', customerGroups: [] });
			expect(pub(stored('customers', json.id))).toEqual(json);
		},
	},
	get: {
		endpoint: 'GET /customers/{customerId}',
		// "By URL" mode: the ID is taken out of a pasted portal URL.
		parameters: (fx) => ({ customerId: rl(`https://manage.mijnklantportaal.nl/customers/${fx.customer.id}/edit`, 'url') }),
		requests: (fx) => [get(`/customers/${fx.customer.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('customers', fx.customer.id))),
	},
	getAll: listCase('/customers', () => col('customers')),
	update: {
		endpoint: 'PATCH /customers/{customerId}',
		parameters: (fx) => ({ customerId: rl(fx.customer2.id), updateFields: { city: 'Zwolle', primaryEmail: 'nieuw@example.nl' } }),
		requests: (fx) => [json('PATCH', `/customers/${fx.customer2.id}`, { city: 'Zwolle', primaryEmail: 'nieuw@example.nl' })],
		check: (out, fx) => {
			expect(out[0].json).toMatchObject({ id: fx.customer2.id, city: 'Zwolle', primaryEmail: 'nieuw@example.nl', companyName: fx.customer2.companyName });
			expect(pub(stored('customers', fx.customer2.id))).toEqual(out[0].json);
		},
	},
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('customer', cases);
