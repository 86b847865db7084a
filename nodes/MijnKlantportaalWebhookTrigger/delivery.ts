import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { EVENT_TYPES } from './events';
import { signatureHeader, verifySignature } from './signature';
import { storedWebhooks } from './store';

/**
 * The parts of n8n's request object used here. n8n reads the body before the node runs and keeps
 * the bytes in `rawBody` (its body parser's `readRawBody`), which the HMAC scheme needs.
 */
interface DeliveryRequest {
	headers: Record<string, string | string[] | undefined>;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

/** Plain Node response methods, which n8n's Express response also has. */
interface PlainResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

/**
 * Answers the request itself and tells n8n not to start the workflow: with no `workflowData`
 * n8n runs nothing, and `noWebhookResponse` keeps it from answering a second time (the pattern
 * of n8n's own Webhook and Chat Trigger nodes for refused requests).
 */
function refuse(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = ctx.getResponseObject() as unknown as PlainResponse;
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify({ code: status, message }));
	// Debug only: the requests are unauthenticated, so a warning per request could flood the log.
	ctx.logger.debug(
		`MijnKlantportaal Webhook Trigger refused a delivery with ${status}: ${message}`,
	);
	return { noWebhookResponse: true };
}

async function rawBodyOf(req: DeliveryRequest): Promise<Buffer | undefined> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function')
		await req.readRawBody();
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
}

function mediaType(headers: DeliveryRequest['headers']): string {
	const value = headers['content-type'];
	return String(Array.isArray(value) ? value[0] : (value ?? ''))
		.split(';')[0]
		.trim()
		.toLowerCase();
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/** A value from the request, shortened, for a message that echoes it. */
const shown = (value: string) =>
	JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);

/**
 * One delivery. In this order, each failure answering at once and starting nothing:
 * 1. `X-Webhook-Signature` must prove one of the stored webhook secrets (401).
 * 2. The body must be JSON (415) and a JSON object (400).
 * 3. Its `event`, when present, must be the type of the webhook whose secret signed it (401),
 *    and that type must be one of the events chosen in this trigger (422).
 * Otherwise the workflow runs with the payload plus `event` and `receivedAt`, and n8n answers
 * 200 as soon as the execution has started (response mode `onReceived`).
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const receivedAt = new Date().toISOString();
	const req = this.getRequestObject() as unknown as DeliveryRequest;
	const headers = req.headers ?? {};
	const rawBody = await rawBodyOf(req);

	const header = signatureHeader(headers);
	if (header === undefined) {
		return refuse(this, 401, 'The X-Webhook-Signature header is missing');
	}
	const match = verifySignature(
		header,
		rawBody,
		storedWebhooks(this.getWorkflowStaticData('node')),
	);
	if (!match) {
		return refuse(
			this,
			401,
			'The X-Webhook-Signature header does not match a webhook of this workflow',
		);
	}

	const type = mediaType(headers);
	if (type !== 'application/json') {
		return refuse(
			this,
			415,
			`Expected an application/json body, got ${type ? shown(type) : 'no content type'}`,
		);
	}
	let payload: unknown;
	if (rawBody !== undefined) {
		try {
			payload = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return refuse(this, 400, 'The body is not valid JSON');
		}
	} else {
		payload = this.getBodyData();
	}
	if (!isObject(payload)) {
		return refuse(this, 400, 'The body must be a JSON object');
	}

	const signedFor = match.key.type;
	if (payload.event !== undefined && typeof payload.event !== 'string') {
		return refuse(this, 400, 'The "event" field must be a string');
	}
	const event = (payload.event as string | undefined) ?? signedFor;
	if (event !== signedFor) {
		return refuse(
			this,
			401,
			`The signature belongs to a webhook for ${shown(signedFor)} events, not ${shown(event)}`,
		);
	}
	const chosen = this.getNodeParameter('events', []) as unknown;
	if (!Array.isArray(chosen) || !chosen.includes(event)) {
		const what = EVENT_TYPES.includes(event)
			? `The event ${shown(event)} is`
			: `${shown(event)} is not a MijnKlantportaal event and`;
		return refuse(this, 422, `${what} not one this workflow listens to`);
	}

	return {
		workflowData: [this.helpers.returnJsonArray([{ ...payload, event, receivedAt }])],
	};
}
