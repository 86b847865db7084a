// offerNumber: one case per operation (what every case checks is in ./setup.cts).
import { apiLink, binary, blobOf, col, filePart, get, json, listCase, multipart, pdf, pub, rl, sha256, stored, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

// Input files of the multipart cases.
const offerPdf = pdf('Offerte OFF-2025-7', 1000);

export const cases: OperationCases = {
	create: {
		endpoint: 'POST /customer-offers',
		parameters: (fx) => ({
			customerId: rl(fx.customer.id),
			offerNumber: 'OFF-2025-7',
			issuedAt: '2025-04-01',
			expiresAt: '2025-05-01',
			amount: '1500',
			additionalFields: {
				pdf: 'offerte',
				sendNotification: false,
				acceptedAt: '2025-04-03 09:15:00',
				acceptedViaIp: '85.144.1.2',
				acceptedViaUserAgent: 'Mozilla/5.0',
			},
		}),
		items: () => [{ json: {}, binary: { offerte: binary(offerPdf, 'offerte-OFF-2025-7.pdf', 'application/pdf') } }],
		requests: (fx) => [
			multipart(
				'/customer-offers',
				{
					customerId: fx.customer.id,
					offerNumber: 'OFF-2025-7',
					issuedAt: '2025-04-01',
					expiresAt: '2025-05-01',
					amount: '1500.00',
					sendNotification: '0',
					acceptedAt: '2025-04-03 09:15:00',
					acceptedViaIp: '85.144.1.2',
					acceptedViaUserAgent: 'Mozilla/5.0',
				},
				[filePart('pdf', offerPdf, 'offerte-OFF-2025-7.pdf', 'application/pdf')],
			),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^off_/);
			expect(json).toMatchObject({
				customerId: fx.customer.id,
				offerNumber: 'OFF-2025-7',
				amount: '1500.00',
				acceptedAt: '2025-04-03T09:15:00+02:00',
				acceptedViaIp: '85.144.1.2',
				acceptedViaUserAgent: 'Mozilla/5.0',
				rejectedAt: null,
			});
			expect(sha256(blobOf(json.id).data)).toBe(sha256(offerPdf));
		},
	},
	createManual: {
		endpoint: 'POST /customer-offers/manual',
		parameters: (fx) => ({
			customerId: rl(fx.customer.id),
			offerNumber: 'OFF-2025-8',
			issuedAt: '2025-04-01',
			expiresAt: '2025-04-30',
			linesInputMode: 'json',
			linesJson: '[{"description":"Tuinontwerp","amountExclVat":"750","vatRate":21}]',
		}),
		requests: (fx) => [
			json('POST', '/customer-offers/manual', {
				customerId: fx.customer.id,
				offerNumber: 'OFF-2025-8',
				issuedAt: '2025-04-01',
				expiresAt: '2025-04-30',
				lines: [{ description: 'Tuinontwerp', amountExclVat: '750.00', vatRate: 21 }],
			}),
		],
		check: (out) => expect(out[0].json).toMatchObject({ id: expect.stringMatching(/^off_/), offerNumber: 'OFF-2025-8', amount: '907.50', acceptedAt: null }),
	},
	get: {
		endpoint: 'GET /customer-offers/{offerId}',
		parameters: (fx) => ({ offerId: rl(fx.offer.id) }),
		requests: (fx) => [get(`/customer-offers/${fx.offer.id}`)],
		check: (out, fx) => {
			const record = stored('customerOffers', fx.offer.id);
			expect(out[0].json).toEqual({ ...pub(record), links: { customer: apiLink(`/customers/${record.customerId}`) } });
		},
	},
	getAll: listCase('/customer-offers', () => col('customerOffers'), (r) => ({ ...pub(r), links: { customer: apiLink(`/customers/${r.customerId}`) } })),
	markAcceptedOrRejected: {
		endpoint: 'PATCH /customer-offers/{offerId}',
		parameters: (fx) => ({ offerId: rl(fx.offer.id), updateFields: { rejectedAt: '2025-04-20T16:00:00' } }),
		requests: (fx) => [json('PATCH', `/customer-offers/${fx.offer.id}`, { rejectedAt: '2025-04-20 16:00:00' })],
		check: (out, fx) => expect(out[0].json).toMatchObject({ id: fx.offer.id, rejectedAt: '2025-04-20T16:00:00+02:00', acceptedAt: null }),
	},
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('customerOffer', cases);
