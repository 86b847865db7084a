'use strict';
const { scope } = require('../scopes');
const { check, findOr404, isBlank } = require('../validate');
const { atom, pageOf, publicFields } = require('../format');

const COUNTRY = { type: 'string', pattern: /^[A-Za-z]{2}$/, patternMessage: 'The :a field must be a valid ISO 3166-1 alpha-2 code.' };
const FIELDS = {
	companyName: { type: 'string', max: 255 },
	address: { type: 'string', max: 255 },
	zipCode: { type: 'string', max: 20 },
	city: { type: 'string', max: 255 },
	primaryEmail: { type: 'email', max: 255 },
};
const CREATE = {
	...Object.fromEntries(Object.entries(FIELDS).map(([k, spec]) => [k, { ...spec, required: true }])),
	// Optional, falls back to NL (newer doc revision only).
	countryCode: COUNTRY,
};
// PATCH documents five fields; countryCode is accepted as well, since the newer revision has it on create.
const UPDATE = { ...FIELDS, countryCode: COUNTRY };

const present = (record) => publicFields(record);

const routes = [
	{
		method: 'GET', path: '/customers', scope: scope('customers.read'), op: 'customer.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('customers').all(), present),
	},
	{
		method: 'POST', path: '/customers', scope: scope('customers.write'), op: 'customer.create',
		handler(ctx) {
			const v = check(ctx.body, CREATE, ctx.store);
			return present(ctx.store.collection('customers').insert({
				id: ctx.store.newId('cst_', 'customers'),
				companyName: v.companyName, address: v.address, zipCode: v.zipCode, city: v.city,
				countryCode: (v.countryCode || 'NL').toUpperCase(),
				primaryEmail: v.primaryEmail,
				phone: null, integration: null, integrationId: null, customerGroups: [],
				createdAt: atom(ctx.now()),
			}));
		},
	},
	{
		method: 'GET', path: '/customers/{customerId}', scope: scope('customers.read'), op: 'customer.get',
		handler: (ctx) => present(findOr404(ctx.store, 'customers', ctx.params.customerId)),
	},
	{
		method: 'PATCH', path: '/customers/{customerId}', scope: scope('customers.write'), op: 'customer.update',
		handler(ctx) {
			const customer = findOr404(ctx.store, 'customers', ctx.params.customerId);
			const body = ctx.body || {};
			const names = Object.keys(UPDATE);
			// "All optional, but at least one is required": Laravel's required_without_all, reported on each field.
			const noneGiven = names.every((name) => isBlank(body[name]));
			const v = check(body, UPDATE, ctx.store, (_, fail) => {
				if (!noneGiven) return;
				for (const name of names) fail(name, 'The :a field is required when none of company name / address / zip code / city / primary email are present.');
			});
			if (v.countryCode) v.countryCode = v.countryCode.toUpperCase();
			return present(ctx.store.collection('customers').update(customer.id, v));
		},
	},
];

module.exports = { routes, present };
