// X-Webhook-Signature: the documented scheme (the header carries the secret) and the HMAC forms
// (`sha256=<hex>` and bare hex), first as a unit, then through the node with real HTTP requests.
import { createHmac } from 'node:crypto';
import { readingsOf, safeEqual, verifySignature } from '../../nodes/MijnKlantportaalWebhookTrigger/signature';
import { startReceiver } from '../harness/mkp-hooks.cjs';
import type { TriggerHarness } from '../harness/mkp-hooks.cjs';
import { mockWebhooks, payload, post, startMock, triggerFor } from './setup.cjs';
import type { MockServer, MockWebhook, Receiver } from './setup.cjs';

// The module object itself (an `import *` namespace is frozen), so a spy sees the node's calls.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cryptoModule = require('crypto') as typeof import('crypto');

const hex = (secret: string, body: string | Buffer) => createHmac('sha256', secret).update(body).digest('hex');
const hmac = (secret: string, body: string | Buffer) => `sha256=${hex(secret, body)}`;

/** Same length and alphabet as the secret, differing in one character: a near miss. */
function sameLengthWrong(secret: string): string {
	const last = secret[secret.length - 1];
	return secret.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

describe('signature verification (unit)', () => {
	const keys = [
		{ id: 'wbh_1', type: 'customer-created', secret: 'OUJX2prdBbJxR77BZlGz' },
		{ id: 'wbh_2', type: 'invoice-paid', secret: 'Zz9yQ1x0aB2cD3eF4gH5' },
	];
	const body = Buffer.from(payload('invoice-paid'));

	it('accepts the documented scheme: the header is the secret', () => {
		expect(verifySignature('OUJX2prdBbJxR77BZlGz', body, keys)).toEqual({ key: keys[0], scheme: 'secret' });
		expect(verifySignature('Zz9yQ1x0aB2cD3eF4gH5', undefined, keys)).toEqual({ key: keys[1], scheme: 'secret' });
	});

	it('accepts sha256=<hex HMAC-SHA256 of the raw body>, in either case of hex', () => {
		expect(verifySignature(hmac(keys[1].secret, body), body, keys)).toEqual({ key: keys[1], scheme: 'hmac-sha256' });
		expect(verifySignature(hmac(keys[1].secret, body).toUpperCase().replace('SHA256=', 'sha256='), body, keys)?.key).toBe(keys[1]);
	});

	it('accepts the bare hex HMAC-SHA256 of the raw body, in either case', () => {
		expect(verifySignature(hex(keys[1].secret, body), body, keys)).toEqual({ key: keys[1], scheme: 'hmac-sha256' });
		expect(verifySignature(hex(keys[0].secret, body).toUpperCase(), body, keys)).toEqual({ key: keys[0], scheme: 'hmac-sha256' });
	});

	it('a secret that looks like hex still works as the literal secret', () => {
		const hexKeys = [{ id: 'wbh_4', type: 'ticket-created', secret: 'a'.repeat(64) }];
		expect(verifySignature('a'.repeat(64), body, hexKeys)).toEqual({ key: hexKeys[0], scheme: 'secret' });
		// Compared as a secret, case matters: the upper-case form is neither the secret nor its HMAC.
		expect(verifySignature('A'.repeat(64), body, hexKeys)).toBeUndefined();
		expect(verifySignature(hex('a'.repeat(64), body), body, hexKeys)).toEqual({ key: hexKeys[0], scheme: 'hmac-sha256' });
	});

	it('refuses a missing, wrong or near-miss secret', () => {
		expect(verifySignature(undefined, body, keys)).toBeUndefined();
		expect(verifySignature('wrong', body, keys)).toBeUndefined();
		expect(verifySignature(sameLengthWrong(keys[0].secret), body, keys)).toBeUndefined();
		expect(verifySignature(`${keys[0].secret} `, body, keys)).toBeUndefined();
		expect(verifySignature(keys[0].secret.slice(0, -1), body, keys)).toBeUndefined();
	});

	it('refuses an HMAC over another body, with another key, or without the raw body', () => {
		expect(verifySignature(hmac(keys[1].secret, `${body.toString()} `), body, keys)).toBeUndefined();
		expect(verifySignature(hmac('not-a-stored-secret', body), body, keys)).toBeUndefined();
		expect(verifySignature(hmac(keys[1].secret, body), undefined, keys)).toBeUndefined();
		expect(verifySignature(hex(keys[1].secret, body), undefined, keys)).toBeUndefined();
		expect(verifySignature(hex(keys[1].secret, `${body.toString()} `), body, keys)).toBeUndefined();
		// A truncated or padded digest is no HMAC, and no secret either.
		expect(verifySignature(hex(keys[1].secret, body).slice(1), body, keys)).toBeUndefined();
		expect(verifySignature(`sha256=${hex(keys[1].secret, body)}0`, body, keys)).toBeUndefined();
	});

	it('never matches a key with an empty secret', () => {
		const empty = [{ id: 'wbh_3', type: 'customer-created', secret: '' }];
		expect(verifySignature('', body, empty)).toBeUndefined();
		expect(verifySignature(hmac('', body), body, empty)).toBeUndefined();
	});

	it('reads a header by its form: sha256=<hex> as an HMAC only, bare hex both ways, anything else as a secret', () => {
		const digest = hex('x', 'y');
		expect(readingsOf(`sha256=${digest.toUpperCase()}`)).toEqual([{ scheme: 'hmac-sha256', value: digest }]);
		expect(readingsOf(digest.toUpperCase())).toEqual([
			{ scheme: 'hmac-sha256', value: digest },
			{ scheme: 'secret', value: digest.toUpperCase() },
		]);
		expect(readingsOf('sha256=abc')).toEqual([{ scheme: 'secret', value: 'sha256=abc' }]);
		expect(readingsOf('OUJX2prdBbJxR77BZlGz')).toEqual([{ scheme: 'secret', value: 'OUJX2prdBbJxR77BZlGz' }]);
	});

	it('compares in constant time: equal-length digests, every key, no early exit', () => {
		const spy = jest.spyOn(cryptoModule, 'timingSafeEqual');
		try {
			for (const [header, readings] of [['OUJX2prdBbJxR77BZlGz', 1], ['x', 1], ['a much longer header value than any secret', 1], [hmac(keys[0].secret, body), 1], [hex(keys[0].secret, body), 2]] as const) {
				spy.mockClear();
				verifySignature(header, body, keys);
				expect(spy).toHaveBeenCalledTimes(keys.length * readings);
				for (const [a, b] of spy.mock.calls) {
					expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
				}
			}
			expect(safeEqual('abc', 'abc')).toBe(true);
			expect(safeEqual('abc', 'abd')).toBe(false);
			expect(safeEqual('abc', 'abcd')).toBe(false);
		} finally {
			spy.mockRestore();
		}
	});
});

describe('signature verification (through the node)', () => {
	let mock: MockServer;
	let receiver: Receiver;
	let trigger: TriggerHarness;
	let customer: MockWebhook;
	let invoice: MockWebhook;
	const json = { 'Content-Type': 'application/json' };

	beforeAll(async () => {
		mock = await startMock();
		receiver = await startReceiver();
		trigger = triggerFor(mock, receiver, { events: ['customer-created', 'invoice-paid'] });
		await trigger.activate();
		[customer, invoice] = mockWebhooks(mock, trigger.productionUrl);
	});
	afterAll(async () => {
		await receiver.close();
		await mock.close();
	});
	beforeEach(() => {
		trigger.executions.length = 0;
	});

	it('valid (the documented scheme, as the mock sends it): 200 and one run', async () => {
		const [delivery] = await mock.fireWebhook('customer-created', { id: 'cst_1' });
		expect(delivery).toMatchObject({ webhookId: customer.id, status: 200, ok: true });
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0][0].json).toMatchObject({ event: 'customer-created', data: { id: 'cst_1' } });
	});

	it('HMAC (sha256=…, as the mock sends it with signature: "hmac"): 200 and one run', async () => {
		const [delivery] = await mock.fireWebhook('invoice-paid', { id: 'inv_1' }, { signature: 'hmac' });
		expect(delivery).toMatchObject({ webhookId: invoice.id, status: 200, ok: true });
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0][0].json).toMatchObject({ event: 'invoice-paid', data: { id: 'inv_1' } });
	});

	it('bare hex HMAC (as the second mock signs, signature: "hex"): 200 and one run; upper case too', async () => {
		const [delivery] = await mock.fireWebhook('invoice-paid', { id: 'inv_hex' }, { signature: 'hex' });
		expect(delivery).toMatchObject({ webhookId: invoice.id, status: 200, ok: true });
		const body = payload('customer-created', { id: 'cst_HEX' });
		const upper = await post(trigger.productionUrl, body, { ...json, 'X-Webhook-Signature': hex(customer.secret, body).toUpperCase() });
		expect(upper).toEqual({ status: 200, body: { message: 'Workflow was started' } });
		expect(trigger.executions.map((items) => items[0].json.data)).toEqual([{ id: 'inv_hex' }, { id: 'cst_HEX' }]);
	});

	it('missing header: 401 and no run', async () => {
		const response = await post(trigger.productionUrl, payload('customer-created'), json);
		expect(response).toEqual({ status: 401, body: { code: 401, message: 'The X-Webhook-Signature header is missing' } });
		const blank = await post(trigger.productionUrl, payload('customer-created'), { ...json, 'X-Webhook-Signature': '  ' });
		expect(blank.status).toBe(401);
		expect(trigger.executions).toHaveLength(0);
	});

	it('wrong signature: 401 and no run', async () => {
		const response = await post(trigger.productionUrl, payload('customer-created'), { ...json, 'X-Webhook-Signature': 'not-the-secret' });
		expect(response).toEqual({
			status: 401,
			body: { code: 401, message: 'The X-Webhook-Signature header does not match a webhook of this workflow' },
		});
		expect(trigger.executions).toHaveLength(0);
	});

	it('a wrong secret of the same length: 401 and no run', async () => {
		const wrong = sameLengthWrong(customer.secret);
		expect(wrong).toHaveLength(customer.secret.length);
		const response = await post(trigger.productionUrl, payload('customer-created'), { ...json, 'X-Webhook-Signature': wrong });
		expect(response.status).toBe(401);
		expect(trigger.executions).toHaveLength(0);
	});

	it('an HMAC with a wrong key, or over a tampered body: 401 and no run', async () => {
		const body = payload('invoice-paid', { id: 'inv_2', amount: '10.00' });
		const tampered = payload('invoice-paid', { id: 'inv_2', amount: '99.00' });
		for (const [sent, signature] of [
			[body, hmac(sameLengthWrong(invoice.secret), body)],
			[tampered, hmac(invoice.secret, body)],
		]) {
			const response = await post(trigger.productionUrl, sent, { ...json, 'X-Webhook-Signature': signature });
			expect(response.status).toBe(401);
		}
		expect(trigger.executions).toHaveLength(0);
		// The untampered body with the right HMAC does run.
		expect((await post(trigger.productionUrl, body, { ...json, 'X-Webhook-Signature': hmac(invoice.secret, body) })).status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
	});

	it("one webhook's secret does not sign another event type: 401 and no run", async () => {
		const response = await post(trigger.productionUrl, payload('invoice-paid'), { ...json, 'X-Webhook-Signature': customer.secret });
		expect(response).toEqual({
			status: 401,
			body: { code: 401, message: 'The signature belongs to a webhook for "customer-created" events, not "invoice-paid"' },
		});
		expect(trigger.executions).toHaveLength(0);
	});

	it("another workflow's webhook secret: 401 and no run", async () => {
		const other = mock.store.create<MockWebhook>('webhooks', { type: 'customer-created' });
		const response = await post(trigger.productionUrl, payload('customer-created'), { ...json, 'X-Webhook-Signature': other.secret });
		expect(response.status).toBe(401);
		expect(trigger.executions).toHaveLength(0);
	});

	it('the secret never reaches the execution data', async () => {
		await mock.fireWebhook('customer-created', { id: 'cst_2' });
		await mock.fireWebhook('invoice-paid', { id: 'inv_3' }, { signature: 'hmac' });
		expect(trigger.executions).toHaveLength(2);
		const text = JSON.stringify(trigger.executions);
		expect(text).not.toContain(customer.secret);
		expect(text).not.toContain(invoice.secret);
		expect(text).not.toMatch(/sha256=/);
	});
});
