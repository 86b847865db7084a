'use strict';
// POST /files uploads a file (multipart `file`) or creates a directory. The directory's JSON field
// name is undocumented; the mock takes `name` (JSON, form or multipart text field). Sending both a
// file and a name is refused, as the docs say a call cannot do both.
const { scope } = require('../scopes');
const { check, findOr404, notFound, filesOf, fail, isBlank } = require('../validate');
const { atom, publicFields } = require('../format');

const isDirectory = (record) => record.type === 'directory';
const present = (record) => publicFields(record);

const routes = [
	{
		method: 'POST', path: '/files', scope: scope('files.write'), op: ['file.createDirectory', 'file.upload'],
		handler(ctx) {
			const { store } = ctx;
			const q = check(ctx.query, { directory: { type: 'string', exists: 'files', where: isDirectory } }, store);
			const parentId = q.directory ?? null;
			const file = filesOf(ctx, 'file')[0];
			const fields = ctx.multipart ? ctx.multipart.fields : ctx.body || {};
			const hasName = !isBlank(fields.name);
			if (file && hasName) fail('file', 'The :a field prohibits name from being present.');
			const createdAt = atom(ctx.now());
			if (file) {
				const id = store.newId('fsf_', 'files');
				const mime = file.contentType.split(';')[0].trim().toLowerCase() || 'application/octet-stream';
				store.blobs.set(id, { data: file.data, filename: file.filename, mime });
				return present(store.collection('files').insert({
					id, type: 'file', name: file.filename || 'file', size: file.data.length, mime,
					fileShareId: null, createdAt, _parentId: parentId,
				}));
			}
			const v = check(fields, {
				name: { type: 'string', max: 255, required: true, requiredMessage: 'The :a field is required when file is not present.' },
			}, store);
			return present(store.collection('files').insert({
				id: store.newId('fsd_', 'files'), type: 'directory', name: v.name, size: null, mime: null,
				fileShareId: null, createdAt, _parentId: parentId,
			}));
		},
	},
	{
		method: 'GET', path: '/files/{fileOrDirId}', scope: scope('files.read'), op: 'file.get',
		handler: (ctx) => present(findOr404(ctx.store, 'files', ctx.params.fileOrDirId, 'The file or directory could not be found')),
	},
	{
		method: 'GET', path: '/files/{fileId}/download', scope: scope('files.read'), op: 'file.download',
		handler(ctx) {
			const file = ctx.store.collection('files').get(ctx.params.fileId);
			const blob = file && !isDirectory(file) && ctx.store.blobs.get(file.id);
			if (!blob) throw notFound('files');
			return ctx.cloudFile(blob);
		},
	},
];

module.exports = { routes, present };
