'use strict';
// Punch cards have no scope in the published table: every route needs only a valid token.
// Quirk kept from the docs: requests name the expiry unit `expirePeriod`, responses `expiryPeriode`.
// A request that sends `expiryPeriode` is not understood (the field is unknown), as on the real API.
const { check, findOr404, notFound, truthy, VAT_RATES } = require('../validate');
const { atom, pageOf, publicFields } = require('../format');
const { punchCardExpiry } = require('../factories');

const forSale = (input) => truthy(input.forSale);
const SALE = {
	price: { type: 'money', min: 0, required: forSale, requiredMessage: 'The :a field is required when for sale is true.' },
	vatRate: { type: 'integer', enum: VAT_RATES, required: forSale, requiredMessage: 'The :a field is required when for sale is true.' },
};
const CREATE = {
	name: { type: 'string', required: true, max: 255 },
	punches: { type: 'integer', required: true, min: 1 },
	punchLabel: { type: 'string', required: true, max: 255 },
	description: { type: 'string', nullable: true },
	forSale: { type: 'boolean' },
	...SALE,
	// Typed string in the docs, integer in the example: both are taken.
	expiryValue: {
		type: 'integer', min: 1, nullable: true,
		required: (input) => input.expirePeriod != null && input.expirePeriod !== '',
		requiredMessage: 'The :a field is required when expire period is present.',
	},
	expirePeriod: {
		type: 'string', enum: ['days', 'months', 'years'], nullable: true,
		required: (input) => input.expiryValue != null && input.expiryValue !== '',
		requiredMessage: 'The :a field is required when expiry value is present.',
	},
};
const NOT_ISSUED = 'No issued Punch Card can be found for the given IDs';

const present = (record) => publicFields(record);

/** Status by the mock clock: an active card past its expiry turns `expired`. */
function presentIssued(record, ctx) {
	if (record.status === 'active' && record._expiresAtMs != null && record._expiresAtMs <= ctx.now()) record.status = 'expired';
	return publicFields(record);
}

function findIssued(ctx) {
	const card = ctx.store.collection('punchCards').get(ctx.params.punchCardId);
	const issued = ctx.store.collection('issuedPunchCards').get(ctx.params.issuedPunchCardId);
	if (!card || !issued || issued.punchCardId !== card.id) throw notFound('issuedPunchCards', NOT_ISSUED);
	return issued;
}

const routes = [
	{
		method: 'GET', path: '/punch-cards', scope: null, op: 'punchCard.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('punchCards').all(), present),
	},
	{
		method: 'POST', path: '/punch-cards', scope: null, op: 'punchCard.create',
		handler(ctx) {
			const v = check(ctx.body, CREATE, ctx.store);
			const sale = v.forSale === true;
			return present(ctx.store.collection('punchCards').insert({
				id: ctx.store.newId('pcd_', 'punchCards'),
				name: v.name, description: v.description ?? null, punches: v.punches, punchLabel: v.punchLabel,
				forSale: sale, price: sale ? v.price : null, vatRate: sale ? v.vatRate : null,
				expiryValue: v.expiryValue ?? null, expiryPeriode: v.expirePeriod ?? null,
				createdAt: atom(ctx.now()),
			}));
		},
	},
	{
		method: 'GET', path: '/punch-cards/{punchCardId}', scope: null, op: 'punchCard.get',
		handler: (ctx) => present(findOr404(ctx.store, 'punchCards', ctx.params.punchCardId)),
	},
	{
		// Only the sale settings are editable; other fields in the body are ignored.
		method: 'PATCH', path: '/punch-cards/{punchCardId}', scope: null, op: 'punchCard.update',
		handler(ctx) {
			const card = findOr404(ctx.store, 'punchCards', ctx.params.punchCardId);
			const v = check(ctx.body, { forSale: { type: 'boolean', required: true }, ...SALE }, ctx.store);
			const patch = v.forSale ? { forSale: true, price: v.price, vatRate: v.vatRate } : { forSale: false, price: null, vatRate: null };
			return present(ctx.store.collection('punchCards').update(card.id, patch));
		},
	},
	{
		method: 'GET', path: '/punch-cards/{punchCardId}/issued', scope: null, op: 'punchCard.getManyIssued',
		handler(ctx) {
			const card = findOr404(ctx.store, 'punchCards', ctx.params.punchCardId);
			return pageOf(ctx, ctx.store.collection('issuedPunchCards').childrenOf(card.id), presentIssued);
		},
	},
	{
		method: 'POST', path: '/punch-cards/{punchCardId}/issued', scope: null, op: 'punchCard.issue',
		handler(ctx) {
			const card = findOr404(ctx.store, 'punchCards', ctx.params.punchCardId);
			const v = check(ctx.body, { customerId: { type: 'string', required: true, exists: 'customers' } }, ctx.store);
			const now = ctx.now();
			const expires = punchCardExpiry(card, now);
			return presentIssued(ctx.store.collection('issuedPunchCards').insert({
				id: ctx.store.newId('pcb_', 'issuedPunchCards'), punchCardId: card.id, customerId: v.customerId,
				punchesLeft: card.punches, status: 'active', expiresAt: expires === null ? null : atom(expires),
				issuedAt: atom(now), _expiresAtMs: expires,
			}), ctx);
		},
	},
	{
		method: 'GET', path: '/punch-cards/{punchCardId}/issued/{issuedPunchCardId}', scope: null, op: 'punchCard.getIssued',
		handler: (ctx) => presentIssued(findIssued(ctx), ctx),
	},
	{
		method: 'POST', path: '/punch-cards/{punchCardId}/issued/{issuedPunchCardId}/stamp', scope: null, op: 'punchCard.stamp',
		handler(ctx) {
			const issued = findIssued(ctx);
			presentIssued(issued, ctx);
			const v = check(ctx.body, { stamps: { type: 'integer', required: true, min: 1 } }, ctx.store, (values, fail) => {
				if (values.stamps === undefined) return;
				if (issued.status === 'expired') fail('stamps', 'The punch card has expired.');
				else if (values.stamps > issued.punchesLeft) fail('stamps', `The :a field must not be greater than ${issued.punchesLeft}.`);
			});
			const punchesLeft = issued.punchesLeft - v.stamps;
			return presentIssued(ctx.store.collection('issuedPunchCards').update(issued.id, {
				punchesLeft, status: punchesLeft === 0 ? 'fully_used' : issued.status,
			}), ctx);
		},
	},
];

module.exports = { routes, present, presentIssued };
