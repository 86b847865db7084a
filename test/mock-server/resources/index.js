'use strict';
// The route table handed to the core router: one module per resource group of the docs.
// Create operations answer 200, except `POST /customer-groups` (201, the only create status the
// docs state); the other create statuses are undocumented, so clients must accept any 2xx.
const GROUPS = [
	'agreements', 'appointments', 'customers', 'customer-groups', 'customer-invoices', 'customer-offers',
	'customer-subscriptions', 'customer-subscription-packages', 'files', 'file-requests', 'file-shares',
	'invoices', 'payment-links', 'punch-cards', 'tickets', 'webhooks',
];

module.exports = GROUPS.flatMap((group) => require(`./${group}`).routes);
