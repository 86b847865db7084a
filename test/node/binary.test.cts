// Round trips of binary data: a PDF goes up through the node (file upload, invoice create) and
// comes back down through the node's download into n8n binary data, byte for byte.
import type { INodeExecutionData } from 'n8n-workflow';
import type { MockServer } from './setup.cjs';
import { binary, binaryBytes, filePart, pdf, rl, run, sha256, startMock, summary } from './setup.cjs';

let mock: MockServer;

beforeAll(async () => {
	mock = await startMock({ records: 3 });
});

afterAll(async () => mock.close());

// 300 kB of bytes that a careless multipart or text encoding would corrupt (CR LF, dashes, NUL, 0xFF).
const document = pdf('Jaarrekening 2024', 300_000);

async function downloaded(items: INodeExecutionData[], property = 'data') {
	const file = items[0].binary?.[property];
	expect(file).toBeDefined();
	return { file: file!, bytes: await binaryBytes(file!) };
}

describe('file upload → download', () => {
	let fileId: string;

	it('uploads the PDF unchanged', async () => {
		const r = await run(mock, { resource: 'file', operation: 'upload', file: 'data' }, { items: [{ json: {}, binary: { data: binary(document, 'jaarrekening.pdf', 'application/pdf') } }] });
		expect(r.error?.message).toBeUndefined();
		expect(r.api.map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1/files',
				query: {},
				contentType: 'multipart/form-data',
				body: { fields: {}, files: [filePart('file', document, 'jaarrekening.pdf', 'application/pdf')] },
			},
		]);
		fileId = String(r.items[0].json.id);
		expect(fileId).toMatch(/^fsf_/);
		expect(r.items[0].json).toMatchObject({ type: 'file', name: 'jaarrekening.pdf', size: document.length, mime: 'application/pdf' });
		expect(mock.store.blobs.get(fileId)!.data.equals(document)).toBe(true);
	});

	it('downloads it back byte-identical, without sending the credential to storage', async () => {
		const r = await run(mock, { resource: 'file', operation: 'download', fileId, binaryPropertyName: 'pdf' });
		expect(r.error?.message).toBeUndefined();
		expect(r.api.map((entry) => [entry.method, entry.path, entry.credential])).toEqual([['GET', `/v1/files/${fileId}/download`, 'apiKey:key_1']]);
		expect(r.storage.map((entry) => [entry.method, entry.status, entry.credential, entry.authHeader])).toEqual([['GET', 200, 'none', null]]);
		const { file, bytes } = await downloaded(r.items, 'pdf');
		expect(bytes.length).toBe(document.length);
		expect(bytes.equals(document)).toBe(true);
		expect(file.mimeType).toBe('application/pdf');
		expect(file.fileName).toBe('jaarrekening.pdf');
		expect(file.fileExtension).toBe('pdf');
		expect(r.items[0].json).toMatchObject({ fileName: 'jaarrekening.pdf', mimeType: 'application/pdf' });
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('returns only the link when Download File is off', async () => {
		const r = await run(mock, { resource: 'file', operation: 'download', fileId, download: false });
		expect(r.error?.message).toBeUndefined();
		expect(r.storage).toEqual([]);
		expect(r.items).toHaveLength(1);
		expect(r.items[0].binary).toBeUndefined();
		expect(Object.keys(r.items[0].json).sort()).toEqual(['expiresAt', 'link']);
		// The link works on its own, without a token.
		const response = await fetch(String(r.items[0].json.link));
		expect(response.status).toBe(200);
		expect(Buffer.from(await response.arrayBuffer()).equals(document)).toBe(true);
	});
});

describe('invoice create → PDF', () => {
	it('uploads the invoice PDF and downloads it back byte-identical', async () => {
		const customerId = String(mock.store.collection('customers').all()[0].id);
		const invoicePdf = pdf('Factuur 2025-0100', 50_000);
		const created = await run(
			mock,
			{ resource: 'customerInvoice', operation: 'create', customerId: rl(customerId), invoiceNumber: '2025-0100', issuedAt: '2025-06-01', amount: '99.95', pdf: 'invoice' },
			{ items: [{ json: {}, binary: { invoice: binary(invoicePdf, 'factuur 2025-0100.pdf', 'application/pdf') } }] },
		);
		expect(created.error?.message).toBeUndefined();
		expect(created.api).toHaveLength(1);
		expect(created.api[0].body).toEqual({
			fields: { customerId, invoiceNumber: '2025-0100', issuedAt: '2025-06-01', amount: '99.95' },
			files: [filePart('pdf', invoicePdf, 'factuur 2025-0100.pdf', 'application/pdf')],
		});
		const invoiceId = String(created.items[0].json.id);
		expect(invoiceId).toMatch(/^inv_/);

		const r = await run(mock, { resource: 'customerInvoice', operation: 'getPdf', invoiceId: rl(invoiceId) });
		expect(r.error?.message).toBeUndefined();
		expect(r.api.map((entry) => entry.path)).toEqual([`/v1/customer-invoices/${invoiceId}/pdf`]);
		expect(r.storage.map((entry) => entry.credential)).toEqual(['none']);
		const { file, bytes } = await downloaded(r.items);
		expect(sha256(bytes)).toBe(sha256(invoicePdf));
		expect(bytes.equals(invoicePdf)).toBe(true);
		expect(file.fileName).toBe('factuur 2025-0100.pdf');
		expect(file.mimeType).toBe('application/pdf');
	});
});

describe('expired link', () => {
	it('fails with a hint that links expire, and does not retry the storage (a 403 will not get better)', async () => {
		const fileId = String(mock.store.collection('files').all().find((f) => f.type === 'file')!.id);
		mock.updateConfig({ cloudFileTtlSeconds: 0.001 });
		try {
			const r = await run(mock, { resource: 'file', operation: 'download', fileId });
			expect(r.error?.message).toMatch(/^Downloading the file failed: /);
			expect(r.error?.description).toBe('Download links expire after 5 minutes. Run the node again to get a fresh link.');
			expect(r.storage.map((entry) => [entry.status, entry.credential])).toEqual([[403, 'none']]);
		} finally {
			mock.updateConfig({ cloudFileTtlSeconds: 300 });
		}
	});
});
