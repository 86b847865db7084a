// MijnKlantportaal Invoice: one case per operation (what every case checks is in ./setup.cts).
import { col, get, listCase, pub, rl, testOperations } from './setup.cjs';
import type { OperationCases } from './setup.cjs';

export const cases: OperationCases = {
	get: {
		endpoint: 'GET /invoices/{invoiceId}',
		parameters: (fx) => ({ invoiceId: rl(fx.mkpInvoice.id) }),
		requests: (fx) => [get(`/invoices/${fx.mkpInvoice.id}`)],
		check: (out, fx) => {
			expect(out[0].json).toEqual(pub(fx.mkpInvoice));
			// Numbers here, unlike every other resource.
			expect(typeof out[0].json.totalAmount).toBe('number');
		},
	},
	getAll: listCase('/invoices', () => col('mkpInvoices')),
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('mkpInvoice', cases);
