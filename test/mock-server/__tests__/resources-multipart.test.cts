// Multipart endpoints over real HTTP: bytes uploaded come back byte-identical through the
// cloud-file links (fetched without a token, from the storage origin), and the agreement limits.
import { randomBytes } from 'node:crypto';
import { startMock, client, form, download, sha256, Mock, SIGNATURE } from './resources-helpers.cjs';

let mock: Mock;
let call: ReturnType<typeof client>;
let customerId: string;
const MiB = 1024 * 1024;
const file = (data: Buffer, filename: string, type = 'application/pdf') => ({ data, filename, type });

beforeAll(async () => {
	mock = await startMock({ records: 2 });
	call = client(mock);
	customerId = mock.store.collection('customers').all()[0].id;
});
afterAll(() => mock?.close());

/** Follows a `{link, expiresAt}` answer and returns the bytes. */
async function fetchCloudFile(path: string) {
	const reply = await call('GET', path);
	expect(reply.status).toBe(200);
	expect(Object.keys(reply.body).sort()).toEqual(['expiresAt', 'link']);
	expect(new URL(reply.body.link).origin).not.toBe(new URL(mock.apiBaseUrl).origin);
	const got = await download(reply.body.link);
	expect(got.status).toBe(200);
	return got;
}

describe('POST /files', () => {
	test('upload → download link → the same bytes, name and type', async () => {
		const bytes = randomBytes(300_000);
		const reply = await call('POST', '/files', { form: form({ file: file(bytes, 'scan 01.bin', 'application/octet-stream') }) });
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ type: 'file', name: 'scan 01.bin', size: bytes.length, mime: 'application/octet-stream', fileShareId: null });
		expect(reply.body.id).toMatch(/^fsf_/);
		const got = await fetchCloudFile(`/files/${reply.body.id}/download`);
		expect(sha256(got.data)).toBe(sha256(bytes));
		expect(got.headers.get('content-type')).toBe('application/octet-stream');
		expect(got.headers.get('content-disposition')).toContain('scan 01.bin');
	});

	test('a JSON body {name} creates a directory; files can go into it with ?directory=', async () => {
		const dir = await call('POST', '/files', { json: { name: 'Contracten' } });
		expect(dir.status).toBe(200);
		expect(dir.body).toMatchObject({ type: 'directory', name: 'Contracten', size: null, mime: null });
		expect(dir.body.id).toMatch(/^fsd_/);
		expect((await call('GET', `/files/${dir.body.id}`)).body).toEqual(dir.body);
		const sub = await call('POST', `/files?directory=${dir.body.id}`, { json: { name: '2025' } });
		expect(sub.status).toBe(200);
		const inDir = await call('POST', `/files?directory=${dir.body.id}`, { form: form({ file: file(Buffer.from('a,b\n1,2\n'), 'data.csv', 'text/csv') }) });
		expect(inDir.status).toBe(200);
		expect(mock.store.collection('files').get(inDir.body.id)._parentId).toBe(dir.body.id);
		const download404 = await call('GET', `/files/${dir.body.id}/download`);
		expect(download404.status).toBe(404);
		expect(download404.body.message).toBe('No File can be found for the given ID');
	});

	test('an unknown (or non-directory) ?directory is 422 on `directory`', async () => {
		const unknown = await call('POST', '/files?directory=fsd_nope', { json: { name: 'X' } });
		expect(unknown.status).toBe(422);
		expect(Object.keys(unknown.body.errors)).toEqual(['directory']);
		const aFile = mock.store.create('files', { type: 'file' });
		expect((await call('POST', `/files?directory=${aFile.id}`, { json: { name: 'X' } })).status).toBe(422);
	});

	test('a file and a directory name at once is 422; neither is 422', async () => {
		const both = await call('POST', '/files', { form: form({ name: 'Map', file: file(Buffer.from('x'), 'x.txt', 'text/plain') }) });
		expect(both.status).toBe(422);
		expect(Object.keys(both.body.errors)).toEqual(['file']);
		const neither = await call('POST', '/files', { json: {} });
		expect(neither.status).toBe(422);
		expect(neither.body.errors.name).toEqual(['The name field is required when file is not present.']);
	});

	test('seeded files download with their recorded size', async () => {
		const seeded = mock.store.collection('files').all().find((f: any) => f.type === 'file' && f._seeded) ?? mock.store.create('files', { type: 'file' });
		const got = await fetchCloudFile(`/files/${seeded.id}/download`);
		expect(got.data.length).toBe(seeded.size);
	});
});

describe('POST /agreements', () => {
	const base = () => ({ name: 'Huurovereenkomst', signerName: 'Jan Jansen', signerSignatureData: SIGNATURE });
	const signer = { firstName: 'Eva', lastName: 'Bakker', email: 'eva@example.nl', shouldIdentify: true };

	test('signers as a JSON string; documents under documents[] and documents; bytes round-trip', async () => {
		const a = randomBytes(40_000);
		const b = randomBytes(1_000);
		const reply = await call('POST', '/agreements', {
			form: form({ ...base(), signers: JSON.stringify([signer, { ...signer, firstName: 'Bas', shouldIdentify: false }]), 'documents[]': file(a, 'contract.pdf'), documents: file(b, 'bijlage.pdf') }),
		});
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ name: 'Huurovereenkomst', status: 'sent', signerName: 'Jan Jansen', signerSignature: SIGNATURE });
		expect(reply.body.signerSignatureHash).toMatch(/^[0-9a-f]{64}$/);
		expect(reply.body.signers).toHaveLength(2);
		expect(reply.body.signers[0]).toMatchObject({ firstName: 'Eva', shouldIdentify: true, signature: null, signedAt: null });
		expect(reply.body.signers[1]).toMatchObject({ firstName: 'Bas', shouldIdentify: false });
		expect(reply.body.signers[0].id).toMatch(/^ags_/);
		const docs = reply.body.documents;
		expect(docs.map((d: any) => [d.documentName, d.fileSize, d.fileHash])).toEqual([['contract.pdf', a.length, sha256(a)], ['bijlage.pdf', b.length, sha256(b)]]);
		for (const [doc, bytes] of [[docs[0], a], [docs[1], b]] as const) {
			expect(doc.id).toMatch(/^agd_/);
			const got = await fetchCloudFile(`/agreements/${reply.body.id}/documents/${doc.id}/download`);
			expect(sha256(got.data)).toBe(sha256(bytes));
		}
	});

	test('signers as PHP-style bracket fields, booleans as strings', async () => {
		const reply = await call('POST', '/agreements', {
			form: form({
				...base(),
				'signers[0][firstName]': 'Eva', 'signers[0][lastName]': 'Bakker', 'signers[0][email]': 'eva@example.nl', 'signers[0][shouldIdentify]': '1',
				'signers[1][firstName]': 'Bas', 'signers[1][lastName]': 'Smit', 'signers[1][email]': 'bas@example.nl', 'signers[1][shouldIdentify]': 'false',
				'documents[]': file(Buffer.from('%PDF-1.4'), 'a.pdf'),
			}),
		});
		expect(reply.status).toBe(200);
		expect(reply.body.signers.map((s: any) => [s.firstName, s.lastName, s.shouldIdentify])).toEqual([['Eva', 'Bakker', true], ['Bas', 'Smit', false]]);
	});

	test('at most 5 documents', async () => {
		const docs = (n: number) => Array.from({ length: n }, (_, i) => file(Buffer.from(`doc ${i}`), `d${i}.pdf`));
		const signers = JSON.stringify([signer]);
		const six = await call('POST', '/agreements', { form: form({ ...base(), signers, 'documents[]': docs(6) }) });
		expect(six.status).toBe(422);
		expect(six.body.errors.documents).toEqual(['The documents field must not have more than 5 items.']);
		expect((await call('POST', '/agreements', { form: form({ ...base(), signers, 'documents[]': docs(5) }) })).status).toBe(200);
	});

	test('at most 5 MB in total (5 MiB passes, one byte more does not)', async () => {
		const signers = JSON.stringify([signer]);
		const over = await call('POST', '/agreements', { form: form({ ...base(), signers, 'documents[]': [file(Buffer.alloc(3 * MiB), 'a.pdf'), file(Buffer.alloc(2 * MiB + 1), 'b.pdf')] }) });
		expect(over.status).toBe(422);
		expect(Object.keys(over.body.errors)).toEqual(['documents']);
		const exact = await call('POST', '/agreements', { form: form({ ...base(), signers, 'documents[]': [file(Buffer.alloc(3 * MiB), 'a.pdf'), file(Buffer.alloc(2 * MiB), 'b.pdf')] }) });
		expect(exact.status).toBe(200);
		expect(exact.body.documents.reduce((n: number, d: any) => n + d.fileSize, 0)).toBe(5 * MiB);
	});

	test('at most 5 signers; each needs a name and a valid email', async () => {
		const doc = file(Buffer.from('x'), 'x.pdf');
		const six = await call('POST', '/agreements', { form: form({ ...base(), signers: JSON.stringify(Array(6).fill(signer)), documents: doc }) });
		expect(six.status).toBe(422);
		expect(six.body.errors.signers).toEqual(['The signers field must not have more than 5 items.']);
		const bad = await call('POST', '/agreements', { form: form({ ...base(), signers: JSON.stringify([{ firstName: 'A', email: 'nope' }]), documents: doc }) });
		expect(Object.keys(bad.body.errors).sort()).toEqual(['signers.0.email', 'signers.0.lastName']);
		const notJson = await call('POST', '/agreements', { form: form({ ...base(), signers: '[{oops', documents: doc }) });
		expect(notJson.status).toBe(422);
		expect(Object.keys(notJson.body.errors)).toEqual(['signers']);
	});

	test('missing parts: every required field and the documents are reported; JSON is not enough', async () => {
		const empty = await call('POST', '/agreements', { form: form({ name: 'X' }) });
		expect(Object.keys(empty.body.errors).sort()).toEqual(['documents', 'signerName', 'signerSignatureData', 'signers']);
		const json = await call('POST', '/agreements', { json: { ...base(), signers: [signer] } });
		expect(json.status).toBe(422);
		expect(Object.keys(json.body.errors)).toEqual(['documents']);
		const badSignature = await call('POST', '/agreements', { form: form({ ...base(), signerSignatureData: 'data:image/jpeg;base64,AAAA', signers: JSON.stringify([signer]), documents: file(Buffer.from('x'), 'x.pdf') }) });
		expect(Object.keys(badSignature.body.errors)).toEqual(['signerSignatureData']);
	});

	test('seeded agreement documents download and match their recorded hash', async () => {
		const agreement = mock.store.collection('agreements').all()[0];
		const doc = agreement.documents[0];
		const got = await fetchCloudFile(`/agreements/${agreement.id}/documents/${doc.id}/download`);
		expect(got.data.subarray(0, 5).toString()).toBe('%PDF-');
		expect(sha256(got.data)).toBe(doc.fileHash);
	});
});

describe('customer invoices and offers', () => {
	const invoice = () => ({ customerId, invoiceNumber: '2025-0042', issuedAt: '2025-04-01', amount: '121' });

	test('multipart invoice: pdf required; its bytes come back from /pdf', async () => {
		const missing = await call('POST', '/customer-invoices', { form: form(invoice()) });
		expect(missing.status).toBe(422);
		expect(missing.body.errors).toEqual({ pdf: ['The pdf field is required.'] });
		const bytes = randomBytes(20_000);
		const reply = await call('POST', '/customer-invoices', { form: form({ ...invoice(), paidAt: '2025-04-02 12:00:00', sendNotification: 'true', pdf: file(bytes, 'factuur.pdf') }) });
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ amount: '121.00', currency: 'EUR', paidAt: '2025-04-02T12:00:00+02:00', invoiceNumber: '2025-0042' });
		const got = await fetchCloudFile(`/customer-invoices/${reply.body.id}/pdf`);
		expect(sha256(got.data)).toBe(sha256(bytes));
		expect(got.headers.get('content-disposition')).toContain('factuur.pdf');
	});

	test('multipart fields are validated like JSON ones', async () => {
		const reply = await call('POST', '/customer-invoices', {
			form: form({ ...invoice(), customerId: 'cst_nope', amount: '1.999', issuedAt: '1-4-2025', sendNotification: 'maybe', pdf: file(Buffer.from('x'), 'x.pdf') }),
		});
		expect(Object.keys(reply.body.errors).sort()).toEqual(['amount', 'customerId', 'issuedAt', 'sendNotification']);
	});

	test('manual and seeded invoices have a PDF too', async () => {
		const manual = await call('POST', '/customer-invoices/manual', { json: { customerId, invoiceNumber: 'M-9', issuedAt: '2025-04-01', lines: [{ description: 'Uren', amountExclVat: '95.00', vatRate: 21 }] } });
		const got = await fetchCloudFile(`/customer-invoices/${manual.body.id}/pdf`);
		expect(got.data.subarray(0, 5).toString()).toBe('%PDF-');
		expect(got.data.toString('latin1')).toContain('M-9');
		const seeded = mock.store.collection('customerInvoices').all()[0];
		expect((await fetchCloudFile(`/customer-invoices/${seeded.id}/pdf`)).headers.get('content-type')).toBe('application/pdf');
	});

	test('multipart offer: pdf optional, decision fields in the same form', async () => {
		const offer = { customerId, offerNumber: 'OFF-7', issuedAt: '2025-04-01', expiresAt: '2025-05-01', amount: '99.5' };
		const bare = await call('POST', '/customer-offers', { form: form(offer) });
		expect(bare.status).toBe(200);
		expect(bare.body).toMatchObject({ amount: '99.50', acceptedAt: null, rejectedAt: null, acceptanceSignature: null });
		const accepted = await call('POST', '/customer-offers', { form: form({ ...offer, acceptedAt: '2025-04-02 08:00:00', acceptedViaIp: '10.0.0.1', sendNotification: '0', pdf: file(Buffer.from('%PDF'), 'o.pdf') }) });
		expect(accepted.body).toMatchObject({ acceptedAt: '2025-04-02T08:00:00+02:00', acceptedViaIp: '10.0.0.1', acceptedViaUserAgent: null });
		expect(mock.store.blobs.get(accepted.body.id).data.toString()).toBe('%PDF');
		const early = await call('POST', '/customer-offers', { form: form({ ...offer, expiresAt: '2025-03-01' }) });
		expect(Object.keys(early.body.errors)).toEqual(['expiresAt']);
	});
});
