'use strict';
// The 24 scopes of the published scope table (API.md §4). Endpoints are not annotated with scopes
// in the docs; the route table maps them by the scope descriptions. Punch cards and customer-invoice
// writes have no scope in the table, so those routes use `null` (any valid token).

const SCOPES = Object.freeze([
	'agreements.read', 'agreements.write',
	'appointments.read', 'appointments.write',
	'businessoperations.read',
	'customers.read', 'customers.write',
	'files.read', 'files.write',
	'filerequest.read', 'filerequest.write',
	'fileshare.read', 'fileshare.write',
	'offers.read', 'offers.write',
	'invoices.read',
	'paymentlinks.read', 'paymentlinks.write',
	'subscription.read', 'subscription.write',
	'tickets.read', 'tickets.write',
	'webhooks.read', 'webhooks.write',
]);

const known = new Set(SCOPES);

/** Route tables call this so a misspelt scope fails at load time instead of locking a route. */
function scope(name) {
	if (!known.has(name)) throw new Error(`Unknown scope ${name}`);
	return name;
}

module.exports = { SCOPES, scope };
