'use strict';
// `DELETE /webhooks/{id}` is implied by the scope text but not documented; it exists only when
// `config.webhookDelete` is on, else the route answers 405 as an unknown method would.
const { scope } = require('../scopes');
const { ApiError } = require('../errors');
const { check, findOr404, WEBHOOK_TYPES } = require('../validate');
const { atom, pageOf, publicFields } = require('../format');

// The body field is `type` (one event per webhook), not `event`.
const CREATE = {
	url: { type: 'url', required: true, max: 2048 },
	type: { type: 'string', required: true, enum: WEBHOOK_TYPES },
};

const present = (record) => publicFields(record);

const routes = [
	{
		method: 'GET', path: '/webhooks', scope: scope('webhooks.read'), op: 'webhook.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('webhooks').all(), present),
	},
	{
		method: 'POST', path: '/webhooks', scope: scope('webhooks.write'), op: 'webhook.create',
		handler(ctx) {
			const v = check(ctx.body, CREATE, ctx.store);
			return present(ctx.store.collection('webhooks').insert({
				id: ctx.store.newId('wbh_', 'webhooks'), type: v.type, url: v.url,
				// 20 alphanumerics, like the docs' example secret.
				secret: ctx.store.newId('') + ctx.store.newId(''),
				createdAt: atom(ctx.now()),
			}));
		},
	},
	{
		method: 'GET', path: '/webhooks/{webhookId}', scope: scope('webhooks.read'), op: 'webhook.get',
		handler: (ctx) => present(findOr404(ctx.store, 'webhooks', ctx.params.webhookId)),
	},
	{
		// Undocumented: answers the removed webhook with 200 (a body is easier on clients than 204).
		method: 'DELETE', path: '/webhooks/{webhookId}', scope: scope('webhooks.write'), op: 'webhook.delete',
		handler(ctx) {
			if (!ctx.config.webhookDelete) throw Object.assign(new ApiError(405, 'Method not allowed.'), { headers: { Allow: 'GET' } });
			const webhook = findOr404(ctx.store, 'webhooks', ctx.params.webhookId);
			ctx.store.collection('webhooks').remove(webhook.id);
			return present(webhook);
		},
	},
];

module.exports = { routes, present };
