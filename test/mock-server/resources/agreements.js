'use strict';
const { scope } = require('../scopes');
const { check, findOr404, notFound, formInput, filesOf, fail } = require('../validate');
const { atom, pageOf, publicFields } = require('../format');
const { sha256 } = require('../factories');

const MAX_SIGNERS = 5;
const MAX_DOCUMENTS = 5;
// "5 MB in total": taken as 5 MiB, Laravel's `max:5120` (kilobytes) convention.
const MAX_TOTAL_BYTES = 5 * 1024 * 1024;

const CREATE = {
	name: { type: 'string', required: true, max: 255 },
	signerName: { type: 'string', required: true, max: 255 },
	signerSignatureData: {
		type: 'string', required: true,
		pattern: /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, patternMessage: 'The :a field must be a base64 PNG data URL (data:image/png;base64,…).',
	},
	signers: {
		type: 'array', required: true, maxItems: MAX_SIGNERS,
		fields: {
			firstName: { type: 'string', required: true, max: 255 },
			lastName: { type: 'string', required: true, max: 255 },
			email: { type: 'email', required: true },
			shouldIdentify: { type: 'boolean' },
		},
	},
};

/**
 * `signers` arrives either as one JSON-string field (the docs' curl example), as repeated JSON
 * strings, or PHP-style as `signers[0][firstName]` fields (already expanded by formInput).
 */
function decodeSigners(value) {
	const parse = (text) => {
		try {
			return JSON.parse(text);
		} catch {
			return fail('signers', 'The :a field must be a valid JSON array.');
		}
	};
	if (typeof value === 'string') {
		const parsed = parse(value);
		return Array.isArray(parsed) ? parsed : [parsed];
	}
	if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? parse(item) : item));
	return value;
}

const present = (record) => publicFields(record);

const routes = [
	{
		method: 'GET', path: '/agreements', scope: scope('agreements.read'), op: 'agreement.getAll',
		handler: (ctx) => pageOf(ctx, ctx.store.collection('agreements').all(), present),
	},
	{
		method: 'POST', path: '/agreements', scope: scope('agreements.write'), op: 'agreement.create',
		handler(ctx) {
			const input = { ...formInput(ctx) };
			input.signers = decodeSigners(input.signers);
			const documents = filesOf(ctx, 'documents');
			const v = check(input, CREATE, ctx.store, (_, failField) => {
				const total = documents.reduce((n, f) => n + f.data.length, 0);
				if (documents.length === 0) failField('documents', 'The :a field is required.');
				else if (documents.length > MAX_DOCUMENTS) failField('documents', `The :a field must not have more than ${MAX_DOCUMENTS} items.`);
				else if (total > MAX_TOTAL_BYTES) failField('documents', 'The :a may not be greater than 5 MB in total.');
			});
			const { store } = ctx;
			const createdAt = atom(ctx.now());
			const docs = documents.map((file) => {
				const id = store.newId('agd_');
				store.blobs.set(id, { data: file.data, filename: file.filename, mime: file.contentType });
				return { id, documentName: file.filename, fileSize: file.data.length, fileHash: sha256(file.data) };
			});
			return present(store.collection('agreements').insert({
				id: store.newId('agr_', 'agreements'),
				name: v.name,
				status: 'sent',
				signerName: v.signerName,
				signerSignature: v.signerSignatureData,
				// "hash of signature + signing datetime": the company side signs on creation.
				signerSignatureHash: sha256(v.signerSignatureData + createdAt),
				signers: v.signers.map((s) => ({
					id: store.newId('ags_'), firstName: s.firstName, lastName: s.lastName, email: s.email,
					shouldIdentify: s.shouldIdentify ?? false, signature: null, signatureHash: null, signedAt: null,
				})),
				documents: docs,
				createdAt,
			}));
		},
	},
	{
		method: 'GET', path: '/agreements/{agreementId}', scope: scope('agreements.read'), op: 'agreement.get',
		handler: (ctx) => present(findOr404(ctx.store, 'agreements', ctx.params.agreementId)),
	},
	{
		method: 'GET', path: '/agreements/{agreementId}/documents/{documentId}/download', scope: scope('agreements.read'), op: 'agreement.downloadDocument',
		handler(ctx) {
			const agreement = findOr404(ctx.store, 'agreements', ctx.params.agreementId);
			const doc = agreement.documents.find((d) => d.id === ctx.params.documentId);
			const blob = doc && ctx.store.blobs.get(doc.id);
			if (!blob) throw notFound('agreements', 'No Agreement Document can be found for the given ID');
			return ctx.cloudFile(blob);
		},
	},
];

module.exports = { routes, present };
