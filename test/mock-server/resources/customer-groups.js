'use strict';
const { scope } = require('../scopes');
const { check, findOr404 } = require('../validate');
const { atom, pageOf, publicFields } = require('../format');
const customers = require('./customers');

const MEMBERS = { type: 'array', items: { type: 'string' } };
const present = (record) => publicFields(record);

/**
 * Adds the existing customers among `ids` to the group (unknown IDs are silently ignored, as
 * documented) and returns them in request order. Membership lives on the customer
 * (`customerGroups`), so no group-side member list has to be kept in sync.
 */
function addMembers(store, groupId, ids = []) {
	const collection = store.collection('customers');
	const added = [];
	for (const id of new Set(ids)) {
		const customer = collection.get(id);
		if (!customer) continue;
		if (!customer.customerGroups.includes(groupId)) customer.customerGroups.push(groupId);
		added.push(customer);
	}
	return added;
}

const routes = [
	{
		method: 'GET', path: '/customer-groups', scope: scope('customers.read'), op: 'customerGroup.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('customerGroups').all(), present),
	},
	{
		method: 'POST', path: '/customer-groups', scope: scope('customers.write'), op: 'customerGroup.create',
		handler(ctx) {
			const v = check(ctx.body, { name: { type: 'string', required: true, max: 255 }, customers: MEMBERS }, ctx.store);
			const group = ctx.store.collection('customerGroups').insert({
				id: ctx.store.newId('cug_', 'customerGroups'), name: v.name, createdAt: atom(ctx.now()),
			});
			addMembers(ctx.store, group.id, v.customers);
			// The only create whose status the docs state: 201.
			ctx.setStatus(201);
			return present(group);
		},
	},
	{
		method: 'GET', path: '/customer-groups/{customerGroupId}', scope: scope('customers.read'), op: 'customerGroup.get',
		handler: (ctx) => present(findOr404(ctx.store, 'customerGroups', ctx.params.customerGroupId)),
	},
	{
		method: 'PATCH', path: '/customer-groups/{customerGroupId}', scope: scope('customers.write'), op: 'customerGroup.update',
		handler(ctx) {
			const group = findOr404(ctx.store, 'customerGroups', ctx.params.customerGroupId);
			const v = check(ctx.body, { name: { type: 'string', required: true, max: 255 } }, ctx.store);
			return present(ctx.store.collection('customerGroups').update(group.id, { name: v.name }));
		},
	},
	{
		// Not paginated: `{data: [Customer]}` with the customers of this request that exist.
		method: 'POST', path: '/customer-groups/{customerGroupId}/customers', scope: scope('customers.write'), op: 'customerGroup.addCustomers',
		handler(ctx) {
			const group = findOr404(ctx.store, 'customerGroups', ctx.params.customerGroupId);
			const v = check(ctx.body, { customers: { ...MEMBERS, required: true } }, ctx.store);
			return { data: addMembers(ctx.store, group.id, v.customers).map(customers.present) };
		},
	},
];

module.exports = { routes, present };
