// subscriptionId: one case per operation (what every case checks is in ./setup.cts).
import { col, get, json, listCase, pub, rl, stored, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

export const cases: OperationCases = {
	create: {
		endpoint: 'POST /customer-subscriptions',
		parameters: (fx) => ({
			customerId: rl(fx.customer.id),
			description: 'Onderhoud',
			startDate: '2025-01-01',
			interval: '1 month',
			amount: '29.95',
			vatRate: 21,
			additionalFields: {
				createInvoice: true,
				invoiceDescription: 'Onderhoud per maand',
				createPayment: true,
				paymentIntegrationMandateId: 'mdt_abc123',
				followUpFailedPayment: true,
			},
		}),
		requests: (fx) => [
			json('POST', '/customer-subscriptions', {
				customerId: fx.customer.id,
				description: 'Onderhoud',
				startDate: '2025-01-01',
				interval: '1 month',
				amount: '29.95',
				vatRate: 21,
				createInvoice: true,
				invoiceDescription: 'Onderhoud per maand',
				createPayment: true,
				paymentIntegrationMandateId: 'mdt_abc123',
				followUpFailedPayment: true,
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^sub_/);
			expect(json).toMatchObject({ customerId: fx.customer.id, description: 'Onderhoud', startsAt: '2025-01-01', interval: '1 month', amount: '29.95', vatRate: 21 });
			expect(json.options).toEqual({
				createInvoice: true,
				createPayment: true,
				invoiceDescription: 'Onderhoud per maand',
				paymentIntegration: 'mollie',
				paymentIntegrationMandateId: 'mdt_abc123',
				followUpFailedPayment: true,
			});
		},
	},
	get: {
		endpoint: 'GET /customer-subscriptions/{subscriptionId}',
		parameters: (fx) => ({ subscriptionId: rl(fx.subscription.id) }),
		requests: (fx) => [get(`/customer-subscriptions/${fx.subscription.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('customerSubscriptions', fx.subscription.id))),
	},
	getAll: listCase('/customer-subscriptions', () => col('customerSubscriptions')),
	update: {
		endpoint: 'PATCH /customer-subscriptions/{subscriptionId}',
		parameters: (fx) => ({ subscriptionId: rl(fx.subscription.id), updateFields: { amount: 39.95, terminatedAt: '2025-12-31 23:59:59' } }),
		requests: (fx) => [json('PATCH', `/customer-subscriptions/${fx.subscription.id}`, { amount: '39.95', terminatedAt: '2025-12-31 23:59:59' })],
		check: (out, fx) => expect(out[0].json).toMatchObject({ id: fx.subscription.id, amount: '39.95', status: 'terminated', terminatedAt: '2025-12-31T23:59:59+01:00' }),
	},
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('customerSubscription', cases);
