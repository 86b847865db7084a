'use strict';
// DELETE closes a link (it is not removed): status `closed`, `checkoutUrl` null; closing again → 422.
const { scope } = require('../scopes');
const { ApiError } = require('../errors');
const { check, findOr404 } = require('../validate');
const { atom, date, parseDate, addToDate, pageOf, publicFields, PORTAL } = require('../format');

const CREATE = {
	description: { type: 'string', required: true, max: 255 },
	amount: { type: 'money', required: true, min: 1 },
	expiresAt: { type: 'date', nullable: true },
	reusable: { type: 'boolean' },
};

/** An open link whose expiry has passed (by the mock clock) turns `expired` when next read. */
function refresh(record, now) {
	if (record.status === 'open' && record.expiresAt && Date.parse(record.expiresAt) < now) {
		Object.assign(record, { status: 'expired', checkoutUrl: null });
	}
	return record;
}

const present = (record, ctx) => publicFields(refresh(record, ctx.now()));
const presentPayment = (record) => publicFields(record);

const routes = [
	{
		method: 'GET', path: '/payment-links', scope: scope('paymentlinks.read'), op: 'paymentLink.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('paymentLinks').all(), present),
	},
	{
		method: 'POST', path: '/payment-links', scope: scope('paymentlinks.write'), op: 'paymentLink.create',
		handler(ctx) {
			const today = date(ctx.now());
			const v = check(ctx.body, CREATE, ctx.store, (values, fail) => {
				if (values.expiresAt && values.expiresAt < today) fail('expiresAt', 'The :a field must be a date after or equal to today.');
			});
			const id = ctx.store.newId('plk_', 'paymentLinks');
			return present(ctx.store.collection('paymentLinks').insert({
				id, description: v.description, currency: 'EUR', amount: v.amount, reusable: v.reusable ?? false,
				// A date-only expiry includes that day: the link expires at its last second.
				expiresAt: v.expiresAt ? atom(parseDate(addToDate(v.expiresAt, 1, 'days')) - 1000) : null,
				status: 'open',
				checkoutUrl: `${PORTAL}/payment-link/${id}`,
				createdAt: atom(ctx.now()),
			}), ctx);
		},
	},
	{
		method: 'GET', path: '/payment-links/{linkId}', scope: scope('paymentlinks.read'), op: 'paymentLink.get',
		handler: (ctx) => present(findOr404(ctx.store, 'paymentLinks', ctx.params.linkId), ctx),
	},
	{
		method: 'DELETE', path: '/payment-links/{linkId}', scope: scope('paymentlinks.write'), op: 'paymentLink.close',
		handler(ctx) {
			const link = findOr404(ctx.store, 'paymentLinks', ctx.params.linkId);
			if (link.status === 'closed') throw new ApiError(422, 'Payment Link is already closed');
			return present(ctx.store.collection('paymentLinks').update(link.id, { status: 'closed', checkoutUrl: null }), ctx);
		},
	},
	{
		method: 'GET', path: '/payment-links/{linkId}/payments', scope: scope('paymentlinks.read'), op: 'paymentLink.getPayments',
		handler(ctx) {
			const link = findOr404(ctx.store, 'paymentLinks', ctx.params.linkId);
			return pageOf(ctx, ctx.store.collection('paymentLinkPayments').childrenOf(link.id), presentPayment);
		},
	},
];

module.exports = { routes, present };
