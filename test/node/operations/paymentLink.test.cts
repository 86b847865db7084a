// Payment Link: one case per operation (what every case checks is in ./setup.cts).
import { ATOM, bodiless, col, get, json, listCase, pub, rl, stored, subListCase, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

export const cases: OperationCases = {
	close: {
		endpoint: 'DELETE /payment-links/{linkId}',
		parameters: (fx) => ({ linkId: rl(fx.openLink.id) }),
		requests: (fx) => [bodiless('DELETE', `/payment-links/${fx.openLink.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual({ ...pub(fx.openLink), status: 'closed', checkoutUrl: null }),
	},
	create: {
		endpoint: 'POST /payment-links',
		parameters: () => ({ description: 'Workshop fotografie', amount: '45', additionalFields: { expiresAt: '2099-12-31', reusable: true } }),
		requests: () => [json('POST', '/payment-links', { description: 'Workshop fotografie', amount: '45.00', expiresAt: '2099-12-31', reusable: true })],
		check: (out) => {
			const json = out[0].json as Rec;
			expect(json).toEqual({
				id: expect.stringMatching(/^plk_/),
				description: 'Workshop fotografie',
				currency: 'EUR',
				amount: '45.00',
				reusable: true,
				expiresAt: '2099-12-31T23:59:59+01:00',
				status: 'open',
				checkoutUrl: `https://demo.mijnklantportaal.nl/payment-link/${json.id}`,
				createdAt: expect.stringMatching(ATOM),
			});
		},
	},
	get: {
		endpoint: 'GET /payment-links/{linkId}',
		parameters: (fx) => ({ linkId: rl(fx.paidLink.id) }),
		requests: (fx) => [get(`/payment-links/${fx.paidLink.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('paymentLinks', fx.paidLink.id))),
	},
	getAll: listCase('/payment-links', () => col('paymentLinks')),
	getPayments: subListCase(
		'GET /payment-links/{linkId}/payments',
		(fx) => `/payment-links/${fx.paidLink.id}/payments`,
		(fx) => ({ linkId: rl(fx.paidLink.id) }),
		(fx) => col('paymentLinkPayments').filter((p) => p.paymentLinkId === fx.paidLink.id),
	),
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('paymentLink', cases);
