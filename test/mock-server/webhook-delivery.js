'use strict';
// Outgoing webhook calls. The docs only say the record's secret "will be added to" the
// X-Webhook-Signature header (API.md §7), so by default the header carries the secret itself.
// `signature: 'hmac'` sends `sha256=<hex HMAC-SHA256 of the raw body>` instead, and `signature: 'hex'`
// the bare hex digest (as a second, independent implementation of the API signs), for receivers that
// want to be ready for a stricter scheme. Payload shape and method are not documented either:
// the mock POSTs JSON `{event, createdAt, data}`.
const crypto = require('node:crypto');
const { atom: toAtom } = require('./format');
const { WEBHOOK_TYPES } = require('./validate');

// The 23 documented event types, the same list the webhooks resource validates `type` against.
const EVENT_TYPES = WEBHOOK_TYPES;

/** @param {string} secret @param {string} body */
function hmacSignature(secret, body) {
	return `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** @param {{ secret: string }} webhook @param {string} body @param {'secret' | 'hmac' | 'hex'} signature */
function signatureFor(webhook, body, signature) {
	if (signature === 'hmac') return hmacSignature(webhook.secret, body);
	if (signature === 'hex') return crypto.createHmac('sha256', webhook.secret).update(body).digest('hex');
	return webhook.secret;
}

/**
 * Delivers one event to every webhook record of that type, in parallel.
 * @param {{ webhooks: ReadonlyArray<{ id: string, type: string, url: string, secret: string }>, event: string,
 *   data?: unknown, signature?: 'secret' | 'hmac' | 'hex', now: number, timeoutMs?: number }} options
 * @returns {Promise<Array<{ webhookId: string, url: string, status: number | null, ok: boolean, error?: string }>>}
 */
async function deliver({ webhooks, event, data = {}, signature = 'secret', now, timeoutMs = 5000 }) {
	const body = JSON.stringify({ event, createdAt: toAtom(now), data });
	const targets = webhooks.filter((w) => w.type === event);
	return Promise.all(
		targets.map(async (webhook) => {
			const headers = {
				'Content-Type': 'application/json',
				'User-Agent': 'MijnKlantportaal-Webhooks (mock)',
				'X-Webhook-Signature': signatureFor(webhook, body, signature),
			};
			try {
				const response = await fetch(webhook.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
				await response.arrayBuffer();
				return { webhookId: webhook.id, url: webhook.url, status: response.status, ok: response.ok };
			} catch (error) {
				return { webhookId: webhook.id, url: webhook.url, status: null, ok: false, error: String(error.cause?.message || error.message) };
			}
		}),
	);
}

module.exports = { deliver, hmacSignature, EVENT_TYPES };
