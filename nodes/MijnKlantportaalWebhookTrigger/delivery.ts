import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { EVENT_TYPES } from './events';
import { RecentDeliveries, recentDeliveries } from './recent';
import { refusalWarnings } from './refusals';
import { signatureHeader, verifySignature } from './signature';
import type { StoredWebhook } from './store';
import { sameUrl, storedFor, storedWebhooks } from './store';

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

/** Test deliveries run in n8n's `manual` mode; live ones in `webhook` mode. */
const isTestDelivery = (ctx: IWebhookFunctions) => ctx.getMode() === 'manual';

/**
 * The stored webhooks of the URL this delivery arrived on, so that a production URL accepts only
 * the secrets of its own webhooks and the test URL only those of the test registrations. In a
 * WebhookContext `getNodeWebhookUrl` is always the production URL; `getWebhookResourceUrl`
 * (n8n 2.x) is the URL of the webhook that was called. Where it is missing (n8n 1.x), a test
 * delivery is checked against every record that is not of the production URL.
 */
function webhooksOfThisUrl(ctx: IWebhookFunctions): StoredWebhook[] {
	const staticData = ctx.getWorkflowStaticData('node');
	const production = ctx.getNodeWebhookUrl('default');
	if (!isTestDelivery(ctx)) return production ? storedFor(staticData, production) : [];
	const called =
		typeof ctx.getWebhookResourceUrl === 'function'
			? ctx.getWebhookResourceUrl('default')
			: undefined;
	if (called && (!production || !sameUrl(called, production))) return storedFor(staticData, called);
	return storedWebhooks(staticData).filter(
		(record) => production === undefined || !sameUrl(record.url, production),
	);
}

function where(ctx: IWebhookFunctions): string {
	const workflow = ctx.getWorkflow();
	const url = isTestDelivery(ctx) ? 'test URL' : 'production URL';
	return `workflow "${workflow.name ?? workflow.id}", node "${ctx.getNode().name}", ${url}`;
}

/**
 * Answers the request itself and tells n8n not to start the workflow: with no `workflowData`
 * n8n runs nothing, and `noWebhookResponse` keeps it from answering a second time (the pattern
 * of n8n's own Webhook and Chat Trigger nodes for refused requests).
 *
 * The refusal is logged with its reason and `advice` (never a header value, so never a secret):
 * as a warning, at most once a minute per node, else at debug level, since anyone who knows the
 * URL can send refused requests.
 */
function refuse(
	ctx: IWebhookFunctions,
	status: number,
	message: string,
	advice: string,
): IWebhookResponseData {
	const res = ctx.getResponseObject() as unknown as PlainResponse;
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify({ code: status, message }));
	const node = ctx.getNode();
	const { warn, quiet } = refusalWarnings.next(`${ctx.getWorkflow().id}\u0000${node.id}`);
	const line = `MijnKlantportaal Webhook Trigger (${where(ctx)}): refused a delivery with ${status}: ${message}. ${advice}`;
	const meta = { workflowId: ctx.getWorkflow().id, nodeName: node.name, status };
	if (warn) {
		const more = quiet
			? ` ${quiet} other refused deliveries since the last warning were logged at debug level only.`
			: '';
		ctx.logger.warn(line + more, { ...meta, refusedQuietly: quiet });
	} else {
		ctx.logger.debug(line, meta);
	}
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

const ADVICE = {
	unsigned:
		'MijnKlantportaal sends this header with every call, so the call came from elsewhere, or a proxy in front of n8n removed the header.',
	unknownSecret:
		"If MijnKlantportaal's own calls are refused, deactivate and activate the workflow so the trigger reads the webhooks' current secrets. Calls from anyone else are refused this way too.",
	notJson:
		'MijnKlantportaal sends JSON objects; check that no proxy in front of n8n changes the request.',
	otherEvent: 'The body names another event than the webhook whose secret signed it.',
	notChosen:
		'A webhook for this event still calls this URL (e.g. from an earlier selection of events): add the event to the trigger, or delete that webhook in the MijnKlantportaal portal.',
};

/**
 * One delivery. In this order, each failure answering at once and starting nothing:
 * 1. `X-Webhook-Signature` must prove one of the secrets stored for the URL it arrived on (401).
 * 2. The body must be JSON (415) and a JSON object (400).
 * 3. Its `event`, when present, must be the type of the webhook whose secret signed it (401),
 *    and that type must be one of the events chosen in this trigger (422).
 * 4. A body identical to one this process accepted at the same URL in the last 10 minutes is a
 *    repeat (a replay, or the API sending it again): answered 200, and not started again.
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
		return refuse(this, 401, 'The X-Webhook-Signature header is missing', ADVICE.unsigned);
	}
	const match = verifySignature(header, rawBody, webhooksOfThisUrl(this));
	if (!match) {
		return refuse(
			this,
			401,
			'The X-Webhook-Signature header does not match a webhook of this workflow',
			ADVICE.unknownSecret,
		);
	}

	const type = mediaType(headers);
	if (type !== 'application/json') {
		return refuse(
			this,
			415,
			`Expected an application/json body, got ${type ? shown(type) : 'no content type'}`,
			ADVICE.notJson,
		);
	}
	let payload: unknown;
	if (rawBody !== undefined) {
		try {
			payload = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return refuse(this, 400, 'The body is not valid JSON', ADVICE.notJson);
		}
	} else {
		payload = this.getBodyData();
	}
	if (!isObject(payload)) {
		return refuse(this, 400, 'The body must be a JSON object', ADVICE.notJson);
	}

	const signedFor = match.key.type;
	if (payload.event !== undefined && typeof payload.event !== 'string') {
		return refuse(this, 400, 'The "event" field must be a string', ADVICE.notJson);
	}
	const event = (payload.event as string | undefined) ?? signedFor;
	if (event !== signedFor) {
		return refuse(
			this,
			401,
			`The signature belongs to a webhook for ${shown(signedFor)} events, not ${shown(event)}`,
			ADVICE.otherEvent,
		);
	}
	const chosen = this.getNodeParameter('events', []) as unknown;
	if (!Array.isArray(chosen) || !chosen.includes(event)) {
		const what = EVENT_TYPES.includes(event)
			? `The event ${shown(event)} is`
			: `${shown(event)} is not a MijnKlantportaal event and`;
		return refuse(this, 422, `${what} not one this workflow listens to`, ADVICE.notChosen);
	}

	const place = [this.getWorkflow().id ?? '', this.getNode().id, match.key.url];
	const key = RecentDeliveries.keyOf(place, rawBody ?? JSON.stringify(payload));
	if (!recentDeliveries.accept(key)) {
		this.logger.debug(
			`MijnKlantportaal Webhook Trigger (${where(this)}): a repeat of a delivery accepted in the last 10 minutes was answered 200 and not started again`,
		);
		return {
			webhookResponse: {
				message:
					'Already received: an identical delivery was accepted in the last 10 minutes, so the workflow was not started again',
			},
		};
	}

	return {
		workflowData: [this.helpers.returnJsonArray([{ ...payload, event, receivedAt }])],
	};
}
