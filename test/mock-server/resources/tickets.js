'use strict';
// Tickets cannot be created through the API (docs); they come from seeding or `store.create`.
const { scope } = require('../scopes');
const { check, findOr404, fail } = require('../validate');
const { atom, publicFields, pageOf } = require('../format');

// Who an API reply is "posted by" is undocumented; the mock names the API itself.
const API_AUTHOR = 'API';

const summary = (record) => ({
	id: record.id, customerId: record.customerId, title: record.title, source: record.source, status: record.status, createdAt: record.createdAt,
});
const present = (record) => publicFields(record);

const routes = [
	{
		method: 'GET', path: '/tickets', scope: scope('tickets.read'), op: 'ticket.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('tickets').all(), summary),
	},
	{
		method: 'GET', path: '/tickets/{ticketId}', scope: scope('tickets.read'), op: 'ticket.get',
		handler: (ctx) => present(findOr404(ctx.store, 'tickets', ctx.params.ticketId)),
	},
	{
		// A reply reopens a closed ticket; live-chat tickets cannot be answered here.
		method: 'POST', path: '/tickets/{ticketId}', scope: scope('tickets.write'), op: 'ticket.addMessage',
		handler(ctx) {
			const ticket = findOr404(ctx.store, 'tickets', ctx.params.ticketId);
			const v = check(ctx.body, { message: { type: 'string', required: true } }, ctx.store);
			if (ticket.source === 'chat') fail('message', 'Replying to a live chat ticket is not possible through the API.');
			ticket.messages.push({
				id: ctx.store.newId('tim_'), postedBy: API_AUTHOR, isPostedByCustomer: false,
				message: v.message, postedAt: atom(ctx.now()), attachments: [],
			});
			ticket.status = 'open';
			return present(ticket);
		},
	},
	{
		// No body; closing an already closed ticket is a no-op.
		method: 'PATCH', path: '/tickets/{ticketId}', scope: scope('tickets.write'), op: 'ticket.close',
		handler(ctx) {
			const ticket = findOr404(ctx.store, 'tickets', ctx.params.ticketId);
			return present(ctx.store.collection('tickets').update(ticket.id, { status: 'closed' }));
		},
	},
];

module.exports = { routes, present, summary };
