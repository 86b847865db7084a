// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createRouter } = require('../router');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseMultipart } = require('../body');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createRequestLog } = require('../request-log');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { globToRegExp } = require('../faults');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { paginate } = require('../pagination');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const routes = require('../resources');

describe('router', () => {
	const r = createRouter([
		{ method: 'GET', path: '/customer-invoices/{invoiceId}' },
		{ method: 'POST', path: '/customer-invoices/manual' },
		{ method: 'POST', path: '/packages/{packageId}/sign-up' },
		{ method: 'POST', path: '/packages/{id}/sign-up/' },
	]);
	test('static beats param, with backtracking across methods', () => {
		expect(r.match('POST', '/customer-invoices/manual').route.path).toBe('/customer-invoices/manual');
		expect(r.match('GET', '/customer-invoices/manual').params).toEqual({ invoiceId: 'manual' });
	});
	test('trailing slash is significant; params are per route', () => {
		expect(r.match('POST', '/packages/spg_1/sign-up').params).toEqual({ packageId: 'spg_1' });
		expect(r.match('POST', '/packages/spg_1/sign-up/').params).toEqual({ id: 'spg_1' });
		expect(r.match('GET', '/customer-invoices/')).toBeNull();
	});
	test('405 lists the allowed methods; unknown → null', () => {
		expect(r.match('DELETE', '/customer-invoices/inv_1')).toEqual({ allowed: ['GET'] });
		expect(r.match('GET', '/nothing')).toBeNull();
	});
	test("helper B's route table loads without conflicts", () => {
		expect(Array.isArray(routes)).toBe(true);
		expect(() => createRouter(routes)).not.toThrow();
		expect(createRouter(routes).match('POST', '/customer-subscription-packages/spg_1/sign-up/').route.path).toBe('/customer-subscription-packages/{packageId}/sign-up/');
	});
});

describe('multipart parser', () => {
	test('keeps exact bytes, repeated fields, filename* and content types', () => {
		const boundary = '----x7';
		const bin = Buffer.from([0, 13, 10, 45, 45, 255]);
		const raw = Buffer.concat([
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="signers[]"\r\n\r\n{"a":1}\r\n`),
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="signers[]"\r\n\r\nzwei\r\n`),
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documents[]"; filename*=utf-8''r%C3%A9sum%C3%A9.pdf\r\nContent-Type: application/pdf\r\n\r\n`),
			bin,
			Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="empty"; filename="e.txt"\r\n\r\n\r\n--${boundary}--\r\n`),
		]);
		const parsed = parseMultipart(`multipart/form-data; boundary="${boundary}"`, raw);
		expect(parsed.fields).toEqual({ 'signers[]': ['{"a":1}', 'zwei'] });
		expect(parsed.files).toHaveLength(2);
		expect(parsed.files[0]).toMatchObject({ field: 'documents[]', filename: 'résumé.pdf', contentType: 'application/pdf' });
		expect(parsed.files[0].data.equals(bin)).toBe(true);
		expect(parsed.files[1]).toMatchObject({ filename: 'e.txt', contentType: 'application/octet-stream' });
		expect(parsed.files[1].data.length).toBe(0);
	});
	test('rejects a body without boundary or terminator', () => {
		expect(() => parseMultipart('multipart/form-data', Buffer.from('x'))).toThrow(/boundary/);
		expect(() => parseMultipart('multipart/form-data; boundary=b', Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nxyz'))).toThrow();
	});
});

describe('request log ring buffer', () => {
	test('keeps the newest entries with increasing seq', () => {
		const log = createRequestLog(3);
		for (let i = 0; i < 5; i++) log.push({ i });
		expect(log.entries().map((e: { i: number }) => e.i)).toEqual([2, 3, 4]);
		expect(log.entries({ since: 4 }).map((e: { seq: number }) => e.seq)).toEqual([5]);
		log.clear();
		log.push({ i: 9 });
		expect(log.entries()[0].seq).toBe(6);
	});
});

describe('glob patterns and paginate', () => {
	test('* stays in a segment, ** crosses', () => {
		expect(globToRegExp('/v1/customers/*').test('/v1/customers/cst_1')).toBe(true);
		expect(globToRegExp('/v1/customers/*').test('/v1/customers/cst_1/x')).toBe(false);
		expect(globToRegExp('/v1/**').test('/v1/customers/cst_1/x')).toBe(true);
		expect(globToRegExp('/v1/file?').test('/v1/files')).toBe(true);
		expect(globToRegExp('/v1/file?').test('/v1/file/')).toBe(false);
		expect(globToRegExp('/v1/a.b').test('/v1/axb')).toBe(false);
	});
	test('newest-first pages by index without copying', () => {
		const records = Array.from({ length: 31 }, (_, i) => i);
		const page3 = paginate(records, { page: '3', order: 'newest-first', path: 'http://h/v1/x' });
		expect(page3.data).toEqual([0]);
		expect(page3).toMatchObject({ from: 31, to: 31, next_page_url: null, prev_page_url: 'http://h/v1/x?page=2' });
	});
});
