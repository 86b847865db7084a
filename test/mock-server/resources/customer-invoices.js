'use strict';
// Write operations here have no scope in the published table (there is no `invoices.write`), so
// they need only a valid token (`scope: null`); reads use `invoices.read`.
const { scope } = require('../scopes');
const { check, findOr404, notFound, formInput, filesOf, VAT_RATES } = require('../validate');
const { atom, money, toCents, pageOf, publicFields, apiLink } = require('../format');
const { tinyPdf } = require('../factories');

/**
 * Manual invoice/offer lines. Only `{description, amountExclVat, vatRate}` is documented;
 * `quantity` (default 1) is accepted too since real invoice lines have one.
 */
const LINES = {
	type: 'array', required: true, minItems: 1,
	fields: {
		description: { type: 'string', required: true, max: 255 },
		amountExclVat: { type: 'money', required: true },
		vatRate: { type: 'integer', required: true, enum: VAT_RATES },
		quantity: { type: 'integer', min: 1 },
	},
};

/** Total incl. VAT in cents, VAT rounded per line. */
function linesTotal(lines) {
	return lines.reduce((sum, line) => {
		const excl = toCents(line.amountExclVat) * (line.quantity ?? 1);
		return sum + excl + Math.round((excl * line.vatRate) / 100);
	}, 0);
}

/** The PDF MKP would render from manual lines (kept so the pdf endpoint has something to serve). */
function renderPdf(title, number, lines, total) {
	return tinyPdf([`${title} ${number}`, ...lines.map((l) => `${l.quantity ?? 1} x ${l.description}  EUR ${l.amountExclVat} (${l.vatRate}% btw)`), `Totaal EUR ${money(total)}`]);
}

const COMMON = {
	customerId: { type: 'string', required: true, exists: 'customers' },
	invoiceNumber: { type: 'string', required: true, max: 255 },
	issuedAt: { type: 'date', required: true },
	sendNotification: { type: 'boolean' },
};

function present(record, ctx) {
	return {
		...publicFields(record),
		links: {
			customer: apiLink(ctx, `/customers/${record.customerId}`),
			onlinePaymentLink: { href: `https://portal.mijnklantportaal.nl/invoices/${record.id}/pay`, type: 'text/html' },
		},
	};
}

function insert(ctx, v, amount, paidAt) {
	return ctx.store.collection('customerInvoices').insert({
		id: ctx.store.newId('inv_', 'customerInvoices'),
		customerId: v.customerId, invoiceNumber: v.invoiceNumber, issuedAt: v.issuedAt,
		currency: 'EUR', amount, paidAt: paidAt == null ? null : atom(paidAt),
		createdAt: atom(ctx.now()),
	});
}

const routes = [
	{
		method: 'GET', path: '/customer-invoices', scope: scope('invoices.read'), op: 'customerInvoice.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('customerInvoices').all(), present),
	},
	{
		method: 'POST', path: '/customer-invoices', scope: null, op: 'customerInvoice.create',
		handler(ctx) {
			const pdf = filesOf(ctx, 'pdf')[0];
			const v = check(formInput(ctx), { ...COMMON, amount: { type: 'money', required: true }, paidAt: { type: 'datetime', nullable: true } }, ctx.store, (_, fail) => {
				if (!pdf) fail('pdf', 'The :a field is required.');
				else if (pdf.data.length === 0) fail('pdf', 'The :a field must be a file.');
			});
			const invoice = insert(ctx, v, v.amount, v.paidAt);
			ctx.store.blobs.set(invoice.id, { data: pdf.data, filename: pdf.filename, mime: pdf.contentType });
			return present(invoice, ctx);
		},
	},
	{
		method: 'POST', path: '/customer-invoices/manual', scope: null, op: 'customerInvoice.createManual',
		handler(ctx) {
			const v = check(ctx.body, { ...COMMON, lines: LINES }, ctx.store);
			const total = linesTotal(v.lines);
			const invoice = insert(ctx, v, money(total), null);
			const data = renderPdf('Factuur', v.invoiceNumber, v.lines, total);
			ctx.store.blobs.set(invoice.id, { data, filename: `factuur-${v.invoiceNumber}.pdf`, mime: 'application/pdf' });
			return present(invoice, ctx);
		},
	},
	{
		method: 'GET', path: '/customer-invoices/{invoiceId}', scope: scope('invoices.read'), op: 'customerInvoice.get',
		handler: (ctx) => present(findOr404(ctx.store, 'customerInvoices', ctx.params.invoiceId), ctx),
	},
	{
		method: 'PATCH', path: '/customer-invoices/{invoiceId}', scope: null, op: 'customerInvoice.markPaid',
		handler(ctx) {
			const invoice = findOr404(ctx.store, 'customerInvoices', ctx.params.invoiceId);
			const v = check(ctx.body, { paidAt: { type: 'datetime', required: true } }, ctx.store);
			return present(ctx.store.collection('customerInvoices').update(invoice.id, { paidAt: atom(v.paidAt) }), ctx);
		},
	},
	{
		method: 'GET', path: '/customer-invoices/{invoiceId}/pdf', scope: scope('invoices.read'), op: 'customerInvoice.getPdf',
		handler(ctx) {
			const invoice = findOr404(ctx.store, 'customerInvoices', ctx.params.invoiceId);
			const blob = ctx.store.blobs.get(invoice.id);
			if (!blob) throw notFound('customerInvoices', 'No PDF can be found for the given Customer Invoice');
			return ctx.cloudFile(blob);
		},
	},
];

module.exports = { routes, present, LINES, linesTotal, renderPdf };
