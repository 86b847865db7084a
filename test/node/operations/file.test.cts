// File: one case per operation (what every case checks is in ./setup.cts).
import { ATOM, binary, blobOf, expectDownload, filePart, get, json, multipart, pdf, pub, sha256, stored, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

// Input files of the multipart cases.
const reportPdf = pdf('Jaarverslag', 20000);

export const cases: OperationCases = {
	createDirectory: {
		endpoint: 'POST /files',
		parameters: (fx) => ({ name: 'Contracten 2025', additionalFields: { directory: fx.directory.id } }),
		requests: (fx) => [json('POST', '/files', { name: 'Contracten 2025' }, { directory: fx.directory.id })],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json).toEqual({ id: expect.stringMatching(/^fsd_/), type: 'directory', name: 'Contracten 2025', size: null, mime: null, fileShareId: null, createdAt: expect.stringMatching(ATOM) });
			expect(stored('files', json.id)._parentId).toBe(fx.directory.id);
		},
	},
	download: {
		endpoint: 'GET /files/{fileId}/download',
		parameters: (fx) => ({ fileId: fx.file.id }),
		requests: (fx) => [get(`/files/${fx.file.id}/download`)],
		check: async (out, fx, r) => expectDownload(out, r, blobOf(fx.file.id)),
	},
	get: {
		endpoint: 'GET /files/{fileOrDirId}',
		parameters: (fx) => ({ fileOrDirId: fx.directory.id }),
		requests: (fx) => [get(`/files/${fx.directory.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('files', fx.directory.id))),
	},
	upload: {
		endpoint: 'POST /files',
		parameters: (fx) => ({ file: 'report', additionalFields: { directory: fx.directory.id } }),
		items: () => [{ json: { name: 'jaarverslag' }, binary: { report: binary(reportPdf, 'jaarverslag 2024.pdf', 'application/pdf') } }],
		requests: (fx) => [multipart('/files', {}, [filePart('file', reportPdf, 'jaarverslag 2024.pdf', 'application/pdf')], { directory: fx.directory.id })],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json).toEqual({
				id: expect.stringMatching(/^fsf_/),
				type: 'file',
				name: 'jaarverslag 2024.pdf',
				size: reportPdf.length,
				mime: 'application/pdf',
				fileShareId: null,
				createdAt: expect.stringMatching(ATOM),
			});
			expect(stored('files', json.id)._parentId).toBe(fx.directory.id);
			expect(sha256(blobOf(json.id).data)).toBe(sha256(reportPdf));
		},
	},
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('file', cases);
