'use strict';
// Two sign-up routes that differ only by a trailing slash, as printed in the docs:
// `…/sign-up` signs up an existing customer, `…/sign-up/` a non-customer (pending until paid).
const { scope } = require('../scopes');
const { check, findOr404, INTERVALS, VAT_RATES } = require('../validate');
const { atom, HOUR, pageOf, publicFields } = require('../format');
const { buildSubscription, present: presentSubscription } = require('./customer-subscriptions');

const CREATE = {
	name: { type: 'string', required: true, max: 255 },
	interval: { type: 'string', required: true, enum: INTERVALS },
	amount: { type: 'money', required: true, min: 0 },
	vatRate: { type: 'integer', required: true, enum: VAT_RATES },
	description: { type: 'string', nullable: true },
	availableForSale: { type: 'boolean' },
};
const SIGN_UP_CUSTOMER = {
	customerId: { type: 'string', required: true, exists: 'customers' },
	startDate: { type: 'date', required: true },
	mandateId: { type: 'string', max: 255, nullable: true },
	createInvoice: { type: 'boolean' },
	invoiceText: { type: 'string', max: 255, nullable: true },
};
const SIGN_UP_NON_CUSTOMER = {
	companyName: { type: 'string', required: true, max: 255 },
	address: { type: 'string', required: true, max: 255 },
	zipCode: { type: 'string', required: true, max: 20 },
	city: { type: 'string', required: true, max: 255 },
	email: { type: 'email', required: true },
};
// Docs are silent on how long the first-term payment stays open; a day is a common checkout window.
const PENDING_TTL = 24 * HOUR;

const present = (record) => publicFields(record);

/** UUID v4 from the seeded PRNG (the pending record's id is a UUID, not a prefixed id). */
function uuid(store) {
	const hex = Array.from({ length: 32 }, () => Math.floor(store.rng() * 16).toString(16));
	hex[12] = '4';
	hex[16] = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
	const s = hex.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const routes = [
	{
		method: 'GET', path: '/customer-subscription-packages', scope: scope('subscription.read'), op: 'customerSubscriptionPackage.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('customerSubscriptionPackages').all(), present),
	},
	{
		// availableForSale defaults to false (docs silent): selling in the portal is opt-in, like punch cards' forSale.
		method: 'POST', path: '/customer-subscription-packages', scope: scope('subscription.write'), op: 'customerSubscriptionPackage.create',
		handler(ctx) {
			const v = check(ctx.body, CREATE, ctx.store);
			return present(ctx.store.collection('customerSubscriptionPackages').insert({
				id: ctx.store.newId('spg_', 'customerSubscriptionPackages'),
				name: v.name, description: v.description ?? null, interval: v.interval, currency: 'EUR',
				amount: v.amount, vatRate: v.vatRate, availableForSale: v.availableForSale ?? false,
			}));
		},
	},
	{
		method: 'GET', path: '/customer-subscription-packages/{packageId}', scope: scope('subscription.read'), op: 'customerSubscriptionPackage.get',
		handler: (ctx) => present(findOr404(ctx.store, 'customerSubscriptionPackages', ctx.params.packageId)),
	},
	{
		method: 'POST', path: '/customer-subscription-packages/{packageId}/sign-up', scope: scope('subscription.write'), op: 'customerSubscriptionPackage.signUpCustomer',
		handler(ctx) {
			const pkg = findOr404(ctx.store, 'customerSubscriptionPackages', ctx.params.packageId);
			const v = check(ctx.body, SIGN_UP_CUSTOMER, ctx.store);
			const createInvoice = v.createInvoice ?? false;
			return presentSubscription(buildSubscription(ctx, {
				customerId: v.customerId, description: pkg.name, startDate: v.startDate,
				interval: pkg.interval, amount: pkg.amount, vatRate: pkg.vatRate,
				createInvoice, invoiceDescription: v.invoiceText ?? pkg.name,
				// A mandate means automatic (Mollie) charges; without one the customer pays each term.
				createPayment: Boolean(v.mandateId), paymentIntegrationMandateId: v.mandateId ?? null,
			}));
		},
	},
	{
		method: 'POST', path: '/customer-subscription-packages/{packageId}/sign-up/', scope: scope('subscription.write'), op: 'customerSubscriptionPackage.signUpNonCustomer',
		handler(ctx) {
			const pkg = findOr404(ctx.store, 'customerSubscriptionPackages', ctx.params.packageId);
			const v = check(ctx.body, SIGN_UP_NON_CUSTOMER, ctx.store);
			const pending = {
				id: uuid(ctx.store),
				paymentLink: `https://www.mollie.com/checkout/select-method/${ctx.store.newId('')}`,
				expiresAt: atom(ctx.now() + PENDING_TTL),
			};
			ctx.store.pendingSignUps.set(pending.id, { ...pending, packageId: pkg.id, ...v });
			return pending;
		},
	},
];

module.exports = { routes, present };
