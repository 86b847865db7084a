'use strict';
const { scope } = require('../scopes');
const { check, findOr404, INTERVALS, VAT_RATES } = require('../validate');
const { atom, date, nextRenewal, pageOf, publicFields } = require('../format');

const CREATE = {
	customerId: { type: 'string', required: true, exists: 'customers' },
	description: { type: 'string', required: true, max: 255 },
	startDate: { type: 'date', required: true },
	interval: { type: 'string', required: true, enum: INTERVALS },
	amount: { type: 'money', required: true, min: 0 },
	vatRate: { type: 'integer', required: true, enum: VAT_RATES },
	createInvoice: { type: 'boolean' },
	createPayment: { type: 'boolean' },
	invoiceDescription: { type: 'string', max: 255, nullable: true },
	paymentIntegrationMandateId: { type: 'string', max: 255, nullable: true },
	followUpFailedPayment: { type: 'boolean' },
};
const UPDATE = {
	description: { type: 'string', max: 255 },
	interval: { type: 'string', enum: INTERVALS },
	amount: { type: 'money', min: 0 },
	vatRate: { type: 'integer', enum: VAT_RATES },
	terminatedAt: { type: 'datetime' },
};

/**
 * A new subscription record (also used by the package sign-up). The option fields that depend on
 * a flag are ignored (null/false) unless the flag is true, as documented.
 */
function buildSubscription(ctx, v) {
	const today = date(ctx.now());
	const createInvoice = v.createInvoice ?? false;
	const createPayment = v.createPayment ?? false;
	return ctx.store.collection('customerSubscriptions').insert({
		id: ctx.store.newId('sub_', 'customerSubscriptions'),
		customerId: v.customerId,
		description: v.description,
		startsAt: v.startDate,
		interval: v.interval,
		renewsAt: nextRenewal(v.startDate, v.interval, today),
		currency: 'EUR',
		amount: v.amount,
		vatRate: v.vatRate,
		status: v.startDate > today ? 'planned' : 'in_progress',
		options: {
			createInvoice,
			createPayment,
			invoiceDescription: createInvoice ? v.invoiceDescription ?? null : null,
			paymentIntegration: createPayment ? 'mollie' : null,
			paymentIntegrationMandateId: createPayment ? v.paymentIntegrationMandateId ?? null : null,
			followUpFailedPayment: createPayment ? v.followUpFailedPayment ?? false : false,
		},
		terminatedAt: null,
		createdAt: atom(ctx.now()),
	});
}

const present = (record) => publicFields(record);

const routes = [
	{
		method: 'GET', path: '/customer-subscriptions', scope: scope('subscription.read'), op: 'customerSubscription.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('customerSubscriptions').all(), present),
	},
	{
		method: 'POST', path: '/customer-subscriptions', scope: scope('subscription.write'), op: 'customerSubscription.create',
		handler: (ctx) => present(buildSubscription(ctx, check(ctx.body, CREATE, ctx.store))),
	},
	{
		method: 'GET', path: '/customer-subscriptions/{subscriptionId}', scope: scope('subscription.read'), op: 'customerSubscription.get',
		handler: (ctx) => present(findOr404(ctx.store, 'customerSubscriptions', ctx.params.subscriptionId)),
	},
	{
		// `terminatedAt` terminates: status `terminated` (even when the date lies ahead: the
		// subscription is then terminated per that date). No fields: unchanged.
		method: 'PATCH', path: '/customer-subscriptions/{subscriptionId}', scope: scope('subscription.write'), op: 'customerSubscription.update',
		handler(ctx) {
			const sub = findOr404(ctx.store, 'customerSubscriptions', ctx.params.subscriptionId);
			const v = check(ctx.body, UPDATE, ctx.store);
			const patch = {};
			for (const key of ['description', 'interval', 'amount', 'vatRate']) if (v[key] !== undefined) patch[key] = v[key];
			if (v.interval && sub.renewsAt) patch.renewsAt = nextRenewal(sub.startsAt, v.interval, date(ctx.now()));
			if (v.terminatedAt !== undefined) Object.assign(patch, { terminatedAt: atom(v.terminatedAt), status: 'terminated' });
			return present(ctx.store.collection('customerSubscriptions').update(sub.id, patch));
		},
	},
];

module.exports = { routes, present, buildSubscription };
