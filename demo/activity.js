'use strict';
// Portal activity for the demo's "When an invoice is paid" trigger to report.

/** Adds an unpaid invoice and marks an older unpaid one as paid; returns the paid one, if any. */
function markAnInvoicePaid(mock) {
	const invoices = mock.store.collection('customerInvoices');
	const customer = mock.store.collection('customers').all().at(-1);
	const created = mock.store.create('customerInvoices', { customerId: customer.id, paidAt: null });
	const unpaid = invoices.all().find((invoice) => !invoice.paidAt && invoice.id !== created.id);
	if (!unpaid) return undefined;
	return invoices.update(unpaid.id, { paidAt: new Date().toISOString().slice(0, 19).replace('T', ' ') });
}

/** Keeps the portal busy: one invoice paid every `intervalMs`. */
function simulateActivity(mock, intervalMs = 30000) {
	return setInterval(() => markAnInvoicePaid(mock), intervalMs);
}

module.exports = { markAnInvoicePaid, simulateActivity };
