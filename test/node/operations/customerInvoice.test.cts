// invoiceNumber: one case per operation (what every case checks is in ./setup.cts).
import { apiLink, binary, blobOf, col, expectDownload, filePart, get, json, listCase, multipart, pdf, pub, rl, sha256, stored, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

// Input files of the multipart cases.
const invoicePdf = pdf('Factuur 2025-0042', 4000);

export const cases: OperationCases = {
	create: {
		endpoint: 'POST /customer-invoices',
		parameters: (fx) => ({
			customerId: rl(fx.customer.id),
			invoiceNumber: '2025-0042',
			issuedAt: '2025-04-01',
			amount: 121,
			pdf: 'factuur',
			// An instant in UTC: sent as Amsterdam wall-clock time (summer time, +02:00).
			additionalFields: { paidAt: '2025-04-12T08:00:00Z', sendNotification: true },
		}),
		items: () => [{ json: {}, binary: { factuur: binary(invoicePdf, 'factuur-2025-0042.pdf', 'application/pdf') } }],
		requests: (fx) => [
			multipart(
				'/customer-invoices',
				{
					customerId: fx.customer.id,
					invoiceNumber: '2025-0042',
					issuedAt: '2025-04-01',
					amount: '121.00',
					paidAt: '2025-04-12 10:00:00',
					sendNotification: '1',
				},
				[filePart('pdf', invoicePdf, 'factuur-2025-0042.pdf', 'application/pdf')],
			),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^inv_/);
			expect(json).toMatchObject({
				customerId: fx.customer.id,
				invoiceNumber: '2025-0042',
				issuedAt: '2025-04-01',
				currency: 'EUR',
				amount: '121.00',
				paidAt: '2025-04-12T10:00:00+02:00',
			});
			expect(json.links.customer).toEqual(apiLink(`/customers/${fx.customer.id}`));
			expect(sha256(blobOf(json.id).data)).toBe(sha256(invoicePdf));
		},
	},
	createManual: {
		endpoint: 'POST /customer-invoices/manual',
		parameters: (fx) => ({
			customerId: rl(fx.customer.id),
			invoiceNumber: '2025-0043',
			issuedAt: '2025-04-02',
			linesInputMode: 'fields',
			// A comma decimal and a number: both sent as two-decimal strings.
			lines: {
				items: [
					{ description: 'Advies', amountExclVat: '12,95', vatRate: 21 },
					{ description: 'Reiskosten', amountExclVat: 10, vatRate: 9 },
				],
			},
			additionalFields: { sendNotification: false },
		}),
		requests: (fx) => [
			json('POST', '/customer-invoices/manual', {
				customerId: fx.customer.id,
				invoiceNumber: '2025-0043',
				issuedAt: '2025-04-02',
				lines: [
					{ description: 'Advies', amountExclVat: '12.95', vatRate: 21 },
					{ description: 'Reiskosten', amountExclVat: '10.00', vatRate: 9 },
				],
				sendNotification: false,
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^inv_/);
			// 12.95 + 2.72 VAT + 10.00 + 0.90 VAT
			expect(json).toMatchObject({ customerId: fx.customer.id, invoiceNumber: '2025-0043', issuedAt: '2025-04-02', amount: '26.57', paidAt: null });
		},
	},
	get: {
		endpoint: 'GET /customer-invoices/{invoiceId}',
		parameters: (fx) => ({ invoiceId: rl(fx.invoice.id) }),
		requests: (fx) => [get(`/customer-invoices/${fx.invoice.id}`)],
		check: (out, fx) => {
			const record = stored('customerInvoices', fx.invoice.id);
			expect(out[0].json).toEqual({
				...pub(record),
				links: {
					customer: apiLink(`/customers/${record.customerId}`),
					onlinePaymentLink: { href: `https://portal.mijnklantportaal.nl/invoices/${record.id}/pay`, type: 'text/html' },
				},
			});
		},
	},
	getAll: listCase('/customer-invoices', () => col('customerInvoices'), (r) => ({
		...pub(r),
		links: {
			customer: apiLink(`/customers/${r.customerId}`),
			onlinePaymentLink: { href: `https://portal.mijnklantportaal.nl/invoices/${r.id}/pay`, type: 'text/html' },
		},
	})),
	getPdf: {
		endpoint: 'GET /customer-invoices/{invoiceId}/pdf',
		parameters: (fx) => ({ invoiceId: rl(fx.invoice.id), binaryPropertyName: 'invoicePdf' }),
		requests: (fx) => [get(`/customer-invoices/${fx.invoice.id}/pdf`)],
		check: async (out, fx, r) => expectDownload(out, r, blobOf(fx.invoice.id), 'invoicePdf'),
	},
	markPaid: {
		endpoint: 'PATCH /customer-invoices/{invoiceId}',
		parameters: (fx) => ({ invoiceId: rl(fx.invoice.id), paidAt: '2025-04-12 10:00:00' }),
		requests: (fx) => [json('PATCH', `/customer-invoices/${fx.invoice.id}`, { paidAt: '2025-04-12 10:00:00' })],
		check: (out, fx) => expect(out[0].json).toMatchObject({ id: fx.invoice.id, paidAt: '2025-04-12T10:00:00+02:00', amount: fx.invoice.amount }),
	},
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('customerInvoice', cases);
