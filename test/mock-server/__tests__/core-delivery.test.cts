import http from 'node:http';
import crypto from 'node:crypto';
import { AddressInfo } from 'node:net';
import { start, bearer, getJson, admin, Mock } from './core-helpers.cjs';

describe('cloud-file links', () => {
	let mock: Mock;
	beforeAll(async () => {
		mock = await start();
	});
	afterAll(async () => {
		await mock.close();
	});

	test('serve the exact bytes on another origin without a token, and expire after 5 minutes', async () => {
		const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a, 0x80, 0x7f]);
		const form = new FormData();
		form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'offerte 7.pdf');
		const upload = await fetch(`${mock.apiBaseUrl}/files`, { method: 'POST', headers: bearer(mock.apiKey), body: form });
		expect(upload.status).toBeLessThan(300);
		const file = await upload.json();
		expect(file.id).toMatch(/^fsf_/);

		const logged = (await admin(mock, '/requests?method=POST&path=/v1/files')).body.data.pop();
		expect(logged.body.files[0]).toEqual({
			field: 'file',
			filename: 'offerte 7.pdf',
			contentType: 'application/pdf',
			size: bytes.length,
			sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
		});

		const { status, body } = await getJson(`${mock.apiBaseUrl}/files/${file.id}/download`, bearer(mock.apiKey));
		expect(status).toBe(200);
		expect(Object.keys(body).sort()).toEqual(['expiresAt', 'link']);
		expect(body.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
		const link = new URL(body.link);
		expect(link.origin).toBe(mock.storageBaseUrl);
		expect(link.origin).not.toBe(new URL(mock.apiBaseUrl).origin);

		const download = await fetch(body.link);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('application/pdf');
		expect(download.headers.get('content-disposition')).toBe('attachment; filename="offerte 7.pdf"');
		expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
		const storageEntry = (await admin(mock, '/requests')).body.data.filter((e: { listener: string }) => e.listener === 'storage').pop();
		expect(storageEntry).toMatchObject({ credential: 'none', authHeader: null, status: 200 });

		mock.clock.advance(299);
		expect((await fetch(body.link)).status).toBe(200);
		mock.clock.advance(2);
		const expired = await fetch(body.link);
		expect(expired.status).toBe(403);
		expect(await expired.text()).toContain('Request has expired');
	});
});

describe('webhook delivery', () => {
	let mock: Mock;
	let receiver: http.Server;
	let received: Array<{ headers: http.IncomingHttpHeaders; raw: string; path: string }>;
	let receiverUrl: string;

	beforeAll(async () => {
		mock = await start();
		received = [];
		receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), path: req.url || '' });
				res.writeHead(req.url === '/gone' ? 410 : 204);
				res.end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await mock.close();
		await new Promise((resolve) => receiver.close(resolve));
	});
	beforeEach(() => {
		received = [];
	});

	async function webhook(type: string, path: string, secret: string) {
		const res = await admin(mock, '/records/webhooks', 'POST', { type, url: `${receiverUrl}${path}`, secret });
		expect(res.status).toBe(201);
		return res.body;
	}

	test('default scheme: the secret itself in X-Webhook-Signature; only matching types are called', async () => {
		const hook = await webhook('customer-created', '/a', 'OUJX2prdBbJxR77BZlGz');
		await webhook('customer-created', '/gone', 'other-secret');
		await webhook('invoice-paid', '/never', 'x');
		const customer = mock.store.create('customers', { companyName: 'Hook B.V.' });
		const res = await admin(mock, '/webhooks/fire', 'POST', { event: 'customer-created', data: customer });
		expect(res.status).toBe(200);
		const statuses = Object.fromEntries(res.body.deliveries.map((d: { url: string; status: number }) => [new URL(d.url).pathname, d.status]));
		expect(statuses).toEqual({ '/a': 204, '/gone': 410 });
		expect(res.body.deliveries.find((d: { webhookId: string }) => d.webhookId === hook.id).ok).toBe(true);
		expect(received.map((r) => r.path).sort()).toEqual(['/a', '/gone']);
		const a = received.find((r) => r.path === '/a')!;
		expect(a.headers['x-webhook-signature']).toBe('OUJX2prdBbJxR77BZlGz');
		expect(a.headers['content-type']).toBe('application/json');
		const payload = JSON.parse(a.raw);
		expect(Object.keys(payload).sort()).toEqual(['createdAt', 'data', 'event']);
		expect(payload.event).toBe('customer-created');
		expect(payload.data.companyName).toBe('Hook B.V.');
		expect(payload.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
	});

	test("signature 'hmac' sends sha256=<HMAC of the raw body>", async () => {
		await webhook('ticket-created', '/h', 'hmac-secret');
		const res = await admin(mock, '/webhooks/fire', 'POST', { event: 'ticket-created', data: { id: 'tic_1' }, signature: 'hmac' });
		expect(res.body.deliveries).toHaveLength(1);
		const [call] = received;
		const expected = `sha256=${crypto.createHmac('sha256', 'hmac-secret').update(call.raw).digest('hex')}`;
		expect(call.headers['x-webhook-signature']).toBe(expected);
		expect(mock.counters.webhookDeliveries).toBeGreaterThanOrEqual(3);
	});

	test("signature 'hex' sends the bare hex HMAC of the raw body", async () => {
		await webhook('appointment-created', '/x', 'hex-secret');
		const res = await admin(mock, '/webhooks/fire', 'POST', { event: 'appointment-created', data: { id: 'apt_2' }, signature: 'hex' });
		expect(res.body.deliveries).toHaveLength(1);
		const [call] = received;
		expect(call.headers['x-webhook-signature']).toBe(crypto.createHmac('sha256', 'hex-secret').update(call.raw).digest('hex'));
		expect((await admin(mock, '/webhooks/fire', 'POST', { event: 'appointment-created', signature: 'md5' })).body.message).toBe('signature must be "secret", "hmac" or "hex".');
	});

	test('unreachable receivers are reported, unknown events refused', async () => {
		await admin(mock, '/records/webhooks', 'POST', { type: 'offer-created', url: 'http://127.0.0.1:1/x', secret: 's' });
		const res = await admin(mock, '/webhooks/fire', 'POST', { event: 'offer-created', data: {} });
		expect(res.body.deliveries[0]).toMatchObject({ status: null, ok: false });
		expect((await admin(mock, '/webhooks/fire', 'POST', { event: 'customer-updated' })).status).toBe(400);
	});
});
