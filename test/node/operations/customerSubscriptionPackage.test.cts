// Customer Subscription Package: one case per operation (what every case checks is in ./setup.cts).
import { ATOM, col, currentMock, get, json, listCase, pub, rl, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

export const cases: OperationCases = {
	create: {
		endpoint: 'POST /customer-subscription-packages',
		parameters: () => ({
			name: 'Hosting Pro',
			interval: '1 year',
			amount: '240',
			vatRate: 21,
			additionalFields: { description: 'Webhosting met back-ups', availableForSale: true },
		}),
		requests: () => [
			json('POST', '/customer-subscription-packages', {
				name: 'Hosting Pro',
				interval: '1 year',
				amount: '240.00',
				vatRate: 21,
				description: 'Webhosting met back-ups',
				availableForSale: true,
			}),
		],
		check: (out) =>
			expect(out[0].json).toEqual({
				id: expect.stringMatching(/^spg_/),
				name: 'Hosting Pro',
				description: 'Webhosting met back-ups',
				interval: '1 year',
				currency: 'EUR',
				amount: '240.00',
				vatRate: 21,
				availableForSale: true,
			}),
	},
	get: {
		endpoint: 'GET /customer-subscription-packages/{packageId}',
		parameters: (fx) => ({ packageId: rl(fx.pkg.id) }),
		requests: (fx) => [get(`/customer-subscription-packages/${fx.pkg.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(fx.pkg)),
	},
	getAll: listCase('/customer-subscription-packages', () => col('customerSubscriptionPackages')),
	signUpCustomer: {
		endpoint: 'POST /customer-subscription-packages/{packageId}/sign-up',
		parameters: (fx) => ({
			packageId: rl(fx.pkg.id),
			customerId: rl(fx.customer2.id),
			startDate: '2025-02-01',
			additionalFields: { mandateId: 'mdt_xyz789', createInvoice: true, invoiceText: 'Abonnement' },
		}),
		requests: (fx) => [
			json('POST', `/customer-subscription-packages/${fx.pkg.id}/sign-up`, {
				customerId: fx.customer2.id,
				startDate: '2025-02-01',
				mandateId: 'mdt_xyz789',
				createInvoice: true,
				invoiceText: 'Abonnement',
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^sub_/);
			expect(json).toMatchObject({ customerId: fx.customer2.id, description: fx.pkg.name, startsAt: '2025-02-01', interval: fx.pkg.interval, amount: fx.pkg.amount });
			expect(json.options).toMatchObject({ createInvoice: true, invoiceDescription: 'Abonnement', paymentIntegrationMandateId: 'mdt_xyz789' });
		},
	},
	signUpNonCustomer: {
		endpoint: 'POST /customer-subscription-packages/{packageId}/sign-up/',
		parameters: (fx) => ({
			packageId: rl(fx.pkg.id),
			companyName: 'Fietsenmaker Smit',
			address: 'Molenweg 12',
			zipCode: '8011 AB',
			city: 'Zwolle',
			email: 'info@fietsenmakersmit.nl',
		}),
		// The trailing slash is what tells this route from Sign Up Customer.
		requests: (fx) => [
			json('POST', `/customer-subscription-packages/${fx.pkg.id}/sign-up/`, {
				companyName: 'Fietsenmaker Smit',
				address: 'Molenweg 12',
				zipCode: '8011 AB',
				city: 'Zwolle',
				email: 'info@fietsenmakersmit.nl',
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json).toEqual({
				id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
				paymentLink: expect.stringMatching(/^https:\/\/www\.mollie\.com\/checkout\//),
				expiresAt: expect.stringMatching(ATOM),
			});
			const pending = (currentMock().store as unknown as { pendingSignUps: Map<string, Rec> }).pendingSignUps.get(json.id);
			expect(pending).toMatchObject({ packageId: fx.pkg.id, companyName: 'Fietsenmaker Smit', email: 'info@fietsenmakersmit.nl' });
		},
	},
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('customerSubscriptionPackage', cases);
