// File Request: one case per operation (what every case checks is in ./setup.cts).
import { apiLink, col, get, json, listCase, pub, rl, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

export const cases: OperationCases = {
	create: {
		endpoint: 'POST /file-requests',
		parameters: (fx) => ({
			name: 'Documenten hypotheek',
			requestedFilesInputMode: 'json',
			requestedFilesJson: JSON.stringify([
				{ name: 'Loonstrook', description: 'Meest recente maand', required: true, maxFileSize: 10240 },
				{ name: 'Kopie ID', required: false },
			]),
			additionalFields: { description: 'Graag uploaden', customerId: rl(fx.customer.id), directoryId: fx.directory.id },
		}),
		requests: (fx) => [
			json('POST', '/file-requests', {
				name: 'Documenten hypotheek',
				requestedFiles: [
					{ name: 'Loonstrook', description: 'Meest recente maand', required: true, maxFileSize: 10240 },
					{ name: 'Kopie ID', required: false },
				],
				description: 'Graag uploaden',
				customerId: fx.customer.id,
				directoryId: fx.directory.id,
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^frq_/);
			expect(json).toMatchObject({ name: 'Documenten hypotheek', description: 'Graag uploaden', customerId: fx.customer.id, directoryId: fx.directory.id, completedAt: null });
			expect(json.requestedFiles.map((r: Rec) => [r.name, r.required, r.maxFileSize])).toEqual([
				['Loonstrook', true, 10240],
				['Kopie ID', false, null],
			]);
			expect(json.links).toEqual({ customer: apiLink(`/customers/${fx.customer.id}`), publicRequest: null });
		},
	},
	get: {
		endpoint: 'GET /file-requests/{requestId}',
		parameters: (fx) => ({ requestId: rl(fx.fileRequest.id) }),
		requests: (fx) => [get(`/file-requests/${fx.fileRequest.id}`)],
		check: (out, fx) => {
			expect(out[0].json).toMatchObject(pub(fx.fileRequest));
			expect(Object.keys(out[0].json).sort()).toEqual([...Object.keys(pub(fx.fileRequest)), 'links'].sort());
		},
	},
	getAll: listCase('/file-requests', () => col('fileRequests'), (r) => ({
		...pub(r),
		links: {
			customer: r.customerId ? apiLink(`/customers/${r.customerId}`) : null,
			publicRequest: r.customerId ? null : { href: `https://demo.mijnklantportaal.nl/file-request/${r.id}`, type: 'text/html' },
		},
	})),
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('fileRequest', cases);
