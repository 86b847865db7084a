'use strict';
// MijnKlantportaal's own invoices to the account holder. Read-only; unlike every other resource
// they use JSON numbers for money and `…T00:00:00.000Z` timestamps (kept as the docs show).
const { scope } = require('../scopes');
const { findOr404 } = require('../validate');
const { pageOf, publicFields } = require('../format');

const present = (record) => publicFields(record);

const routes = [
	{
		method: 'GET', path: '/invoices', scope: scope('businessoperations.read'), op: 'mkpInvoice.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('mkpInvoices').all(), present),
	},
	{
		method: 'GET', path: '/invoices/{invoiceId}', scope: scope('businessoperations.read'), op: 'mkpInvoice.get',
		handler: (ctx) => present(findOr404(ctx.store, 'mkpInvoices', ctx.params.invoiceId)),
	},
];

module.exports = { routes, present };
