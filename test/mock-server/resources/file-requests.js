'use strict';
const { scope } = require('../scopes');
const { check, findOr404 } = require('../validate');
const { atom, pageOf, publicFields, apiLink, portalLink } = require('../format');

// Per requested file only `name` is required; `required` defaults to false and `maxFileSize`
// (unit undocumented, example 10240) to null: the docs list the fields without required flags.
const CREATE = {
	name: { type: 'string', required: true, max: 255 },
	description: { type: 'string', nullable: true },
	customerId: { type: 'string', exists: 'customers', nullable: true },
	directoryId: { type: 'string', exists: 'files', where: (r) => r.type === 'directory', nullable: true },
	requestedFiles: {
		type: 'array', required: true, minItems: 1, maxItems: 10,
		fields: {
			name: { type: 'string', required: true, max: 255 },
			description: { type: 'string', nullable: true },
			required: { type: 'boolean' },
			maxFileSize: { type: 'integer', min: 1, nullable: true },
		},
	},
};

/** A request with a customer links to that customer; without one it is a public upload link. */
function present(record, ctx) {
	return {
		...publicFields(record),
		links: {
			customer: record.customerId ? apiLink(ctx, `/customers/${record.customerId}`) : null,
			publicRequest: record.customerId ? null : portalLink(`/file-request/${record.id}`),
		},
	};
}

const routes = [
	{
		method: 'GET', path: '/file-requests', scope: scope('filerequest.read'), op: 'fileRequest.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('fileRequests').all(), present),
	},
	{
		method: 'POST', path: '/file-requests', scope: scope('filerequest.write'), op: 'fileRequest.create',
		handler(ctx) {
			const { store } = ctx;
			const v = check(ctx.body, CREATE, store);
			return present(store.collection('fileRequests').insert({
				id: store.newId('frq_', 'fileRequests'),
				name: v.name, description: v.description ?? null,
				directoryId: v.directoryId ?? null, customerId: v.customerId ?? null,
				requestedFiles: v.requestedFiles.map((f) => ({
					id: store.newId('fqf_'), name: f.name, description: f.description ?? null,
					required: f.required ?? false, maxFileSize: f.maxFileSize ?? null, uploadedFileId: null,
				})),
				completedAt: null,
				createdAt: atom(ctx.now()),
			}), ctx);
		},
	},
	{
		method: 'GET', path: '/file-requests/{requestId}', scope: scope('filerequest.read'), op: 'fileRequest.get',
		handler: (ctx) => present(findOr404(ctx.store, 'fileRequests', ctx.params.requestId), ctx),
	},
];

module.exports = { routes, present };
