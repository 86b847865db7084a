'use strict';
const { scope } = require('../scopes');
const { check, findOr404, formInput, filesOf } = require('../validate');
const { atom, money, pageOf, publicFields, apiLink } = require('../format');
const { LINES, linesTotal, renderPdf } = require('./customer-invoices');

const COMMON = {
	customerId: { type: 'string', required: true, exists: 'customers' },
	offerNumber: { type: 'string', required: true, max: 255 },
	issuedAt: { type: 'date', required: true },
	expiresAt: { type: 'date', required: true },
	sendNotification: { type: 'boolean' },
};
const DECISION = {
	acceptedAt: { type: 'datetime', nullable: true },
	acceptedViaIp: { type: 'string', max: 45, nullable: true },
	acceptedViaUserAgent: { type: 'string', max: 1000, nullable: true },
	rejectedAt: { type: 'datetime', nullable: true },
};

/** Cross-field rules: the offer expires on/after issue; it cannot be accepted and rejected at once. */
function rules(values, fail) {
	if (values.issuedAt && values.expiresAt && values.expiresAt < values.issuedAt) fail('expiresAt', 'The :a field must be a date after or equal to issued at.');
	if (values.acceptedAt != null && values.rejectedAt != null) fail('rejectedAt', 'The :a field prohibits accepted at from being present.');
}

/** Decision fields; IP and user agent are ignored without `acceptedAt`, as documented. */
function decision(v) {
	const accepted = v.acceptedAt != null;
	return {
		acceptedAt: accepted ? atom(v.acceptedAt) : null,
		acceptedViaIp: accepted ? v.acceptedViaIp ?? null : null,
		acceptedViaUserAgent: accepted ? v.acceptedViaUserAgent ?? null : null,
		rejectedAt: v.rejectedAt != null ? atom(v.rejectedAt) : null,
	};
}

function present(record, ctx) {
	return { ...publicFields(record), links: { customer: apiLink(ctx, `/customers/${record.customerId}`) } };
}

function insert(ctx, v, amount, decided) {
	return ctx.store.collection('customerOffers').insert({
		id: ctx.store.newId('off_', 'customerOffers'),
		customerId: v.customerId, offerNumber: v.offerNumber, issuedAt: v.issuedAt, expiresAt: v.expiresAt,
		currency: 'EUR', amount,
		...decided,
		// Only the portal's accept flow draws a signature; API-made decisions carry none.
		acceptanceSignature: null,
		createdAt: atom(ctx.now()),
	});
}

const routes = [
	{
		method: 'GET', path: '/customer-offers', scope: scope('offers.read'), op: 'customerOffer.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('customerOffers').all(), present),
	},
	{
		// `pdf` is optional here: the published page does not show it as required.
		method: 'POST', path: '/customer-offers', scope: scope('offers.write'), op: 'customerOffer.create',
		handler(ctx) {
			const pdf = filesOf(ctx, 'pdf')[0];
			const v = check(formInput(ctx), { ...COMMON, amount: { type: 'money', required: true }, ...DECISION }, ctx.store, rules);
			const offer = insert(ctx, v, v.amount, decision(v));
			if (pdf && pdf.data.length) ctx.store.blobs.set(offer.id, { data: pdf.data, filename: pdf.filename, mime: pdf.contentType });
			return present(offer, ctx);
		},
	},
	{
		method: 'POST', path: '/customer-offers/manual', scope: scope('offers.write'), op: 'customerOffer.createManual',
		handler(ctx) {
			const v = check(ctx.body, { ...COMMON, lines: LINES }, ctx.store, rules);
			const total = linesTotal(v.lines);
			const offer = insert(ctx, v, money(total), decision({}));
			ctx.store.blobs.set(offer.id, { data: renderPdf('Offerte', v.offerNumber, v.lines, total), filename: `offerte-${v.offerNumber}.pdf`, mime: 'application/pdf' });
			return present(offer, ctx);
		},
	},
	{
		method: 'GET', path: '/customer-offers/{offerId}', scope: scope('offers.read'), op: 'customerOffer.get',
		handler: (ctx) => present(findOr404(ctx.store, 'customerOffers', ctx.params.offerId), ctx),
	},
	{
		// Accept (acceptedAt) or reject (rejectedAt); the other outcome is cleared. No field: unchanged.
		method: 'PATCH', path: '/customer-offers/{offerId}', scope: scope('offers.write'), op: 'customerOffer.markAcceptedOrRejected',
		handler(ctx) {
			const offer = findOr404(ctx.store, 'customerOffers', ctx.params.offerId);
			const v = check(ctx.body, DECISION, ctx.store, rules);
			if (v.acceptedAt == null && v.rejectedAt == null) return present(offer, ctx);
			return present(ctx.store.collection('customerOffers').update(offer.id, decision(v)), ctx);
		},
	},
];

module.exports = { routes, present };
