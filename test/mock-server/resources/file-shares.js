'use strict';
const { scope } = require('../scopes');
const { check } = require('../validate');
const { atom, pageOf, publicFields, apiLink, portalLink } = require('../format');

const CREATE = {
	content: { type: 'array', required: true, minItems: 1, items: { type: 'string', exists: 'files' } },
	customerId: { type: 'string', exists: 'customers', nullable: true },
};

/** `sharedContent` shows the current file/directory objects (the record keeps their ids). */
function present(record, ctx) {
	const files = ctx.store.collection('files');
	return {
		id: record.id,
		sharedWithCustomerId: record.sharedWithCustomerId,
		sharedContent: record._content.map((id) => files.get(id)).filter(Boolean).map(publicFields),
		createdAt: record.createdAt,
		links: {
			customer: record.sharedWithCustomerId ? apiLink(ctx, `/customers/${record.sharedWithCustomerId}`) : null,
			publicShare: record.sharedWithCustomerId ? null : portalLink(`/share/${record.id}`),
		},
	};
}

const routes = [
	{
		method: 'GET', path: '/file-shares', scope: scope('fileshare.read'), op: 'fileShare.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('fileShares').all(), present),
	},
	{
		method: 'POST', path: '/file-shares', scope: scope('fileshare.write'), op: 'fileShare.create',
		handler(ctx) {
			const { store } = ctx;
			const v = check(ctx.body, CREATE, store);
			const id = store.newId('fss_', 'fileShares');
			const content = [...new Set(v.content)];
			// A shared file points back at its (latest) share.
			for (const fileId of content) store.collection('files').update(fileId, { fileShareId: id });
			return present(store.collection('fileShares').insert({
				id, sharedWithCustomerId: v.customerId ?? null, createdAt: atom(ctx.now()), _content: content,
			}), ctx);
		},
	},
];

module.exports = { routes, present };
