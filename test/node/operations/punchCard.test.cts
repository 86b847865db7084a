// issuedPunchCardId: one case per operation (what every case checks is in ./setup.cts).
import { ATOM, col, get, json, listCase, pub, rl, stored, subListCase, testOperations } from './setup.cjs';
import type { OperationCases } from './setup.cjs';

export const cases: OperationCases = {
	create: {
		endpoint: 'POST /punch-cards',
		parameters: () => ({
			name: 'Lessenkaart',
			punches: 10,
			punchLabel: 'lessen',
			additionalFields: { description: 'Tien lessen', forSale: true, price: '99.5', vatRate: 21, expiryValue: 6, expirePeriod: 'months' },
		}),
		requests: () => [
			json('POST', '/punch-cards', {
				name: 'Lessenkaart',
				punches: 10,
				punchLabel: 'lessen',
				description: 'Tien lessen',
				forSale: true,
				price: '99.50',
				vatRate: 21,
				expiryValue: 6,
				expirePeriod: 'months',
			}),
		],
		check: (out) =>
			expect(out[0].json).toEqual({
				id: expect.stringMatching(/^pcd_/),
				name: 'Lessenkaart',
				description: 'Tien lessen',
				punches: 10,
				punchLabel: 'lessen',
				forSale: true,
				price: '99.50',
				vatRate: 21,
				expiryValue: 6,
				expiryPeriode: 'months',
				createdAt: expect.stringMatching(ATOM),
			}),
	},
	get: {
		endpoint: 'GET /punch-cards/{punchCardId}',
		parameters: (fx) => ({ punchCardId: rl(fx.punchCard.id) }),
		requests: (fx) => [get(`/punch-cards/${fx.punchCard.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('punchCards', fx.punchCard.id))),
	},
	getAll: listCase('/punch-cards', () => col('punchCards')),
	getIssued: {
		endpoint: 'GET /punch-cards/{punchCardId}/issued/{issuedPunchCardId}',
		parameters: (fx) => ({ punchCardId: rl(fx.punchCard.id), issuedPunchCardId: fx.issued.id }),
		requests: (fx) => [get(`/punch-cards/${fx.punchCard.id}/issued/${fx.issued.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('issuedPunchCards', fx.issued.id))),
	},
	getManyIssued: subListCase(
		'GET /punch-cards/{punchCardId}/issued',
		(fx) => `/punch-cards/${fx.punchCard.id}/issued`,
		(fx) => ({ punchCardId: rl(fx.punchCard.id) }),
		(fx) => col('issuedPunchCards').filter((i) => i.punchCardId === fx.punchCard.id),
	),
	issue: {
		endpoint: 'POST /punch-cards/{punchCardId}/issued',
		parameters: (fx) => ({ punchCardId: rl(fx.punchCard.id), customerId: rl(fx.customer.id) }),
		requests: (fx) => [json('POST', `/punch-cards/${fx.punchCard.id}/issued`, { customerId: fx.customer.id })],
		check: (out, fx) =>
			expect(out[0].json).toMatchObject({
				id: expect.stringMatching(/^pcb_/),
				punchCardId: fx.punchCard.id,
				customerId: fx.customer.id,
				punchesLeft: stored('punchCards', fx.punchCard.id).punches,
				status: 'active',
			}),
	},
	stamp: {
		endpoint: 'POST /punch-cards/{punchCardId}/issued/{issuedPunchCardId}/stamp',
		parameters: (fx) => ({ punchCardId: rl(fx.punchCard.id), issuedPunchCardId: fx.issued.id, stamps: 2 }),
		requests: (fx) => [json('POST', `/punch-cards/${fx.punchCard.id}/issued/${fx.issued.id}/stamp`, { stamps: 2 })],
		// The fixture card starts with 5 punches.
		check: (out, fx) => expect(out[0].json).toMatchObject({ id: fx.issued.id, punchesLeft: 3, status: 'active' }),
	},
	update: {
		endpoint: 'PATCH /punch-cards/{punchCardId}',
		parameters: (fx) => ({ punchCardId: rl(fx.punchCard.id), forSale: true, additionalFields: { price: 15, vatRate: 9 } }),
		requests: (fx) => [json('PATCH', `/punch-cards/${fx.punchCard.id}`, { forSale: true, price: '15.00', vatRate: 9 })],
		check: (out, fx) => expect(out[0].json).toMatchObject({ id: fx.punchCard.id, forSale: true, price: '15.00', vatRate: 9 }),
	},
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('punchCard', cases);
