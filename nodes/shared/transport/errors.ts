import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { Failure } from './send';
import { NOT_SENT_CODES, TIMEOUT_CODES } from './send';
import type { ApiRequest, RetryOptions } from './types';

interface ApiErrorBody {
	message?: string;
	errors?: Record<string, string[] | string>;
	requiredScope?: string;
}

/** `text` without the credential's secrets, nor any `Bearer …` value. */
export function scrub(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) out = out.split(secret).join('[redacted]');
	return out.replace(/Bearer\s+[^\s"',;]+/gi, 'Bearer [redacted]');
}

/** A JSON value with every string in it (keys too) scrubbed. */
function scrubbed(value: unknown, secrets: string[]): unknown {
	if (typeof value === 'string') return scrub(value, secrets);
	if (Array.isArray(value)) return value.map((entry) => scrubbed(entry, secrets));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [scrub(key, secrets), scrubbed(entry, secrets)]),
		);
	}
	return value;
}

/** The API's error body, scrubbed: the error keeps it, and a server may echo the credential. */
function apiBody(failure: Failure, secrets: string[]): ApiErrorBody {
	const data = failure.data;
	if (data && typeof data === 'object' && !Array.isArray(data) && !Buffer.isBuffer(data)) {
		return scrubbed(data, secrets) as ApiErrorBody;
	}
	return {};
}

function fieldErrors(body: ApiErrorBody): string[] {
	if (!body.errors || typeof body.errors !== 'object') return [];
	return Object.entries(body.errors).map(
		([field, messages]) => `${field}: ${[].concat(messages as never).join(' ')}`,
	);
}

function hintFor(status: number | undefined, body: ApiErrorBody, request: ApiRequest): string {
	const subject = request.subject ?? {};
	switch (status) {
		case 401:
			return 'The API key or access token was refused. Check the API key, or reconnect the OAuth2 credential.';
		case 403: {
			const scope = body.requiredScope ?? subject.scope;
			return scope
				? `The credential lacks the "${scope}" scope. Add it to the API key in the manage portal, or to the OAuth2 credential's scopes and reconnect.`
				: 'The credential is not allowed to do this. Check the scopes of the API key or OAuth2 credential.';
		}
		case 404:
			return subject.noun && subject.id
				? `No ${subject.noun} with ID "${subject.id}" exists, or it is not visible to this account.`
				: 'The record was not found. Check the ID.';
		case 422: {
			const fields = fieldErrors(body);
			if (fields.length) return `The API refused these fields: ${fields.join('; ')}`;
			// Such as "Payment Link is already closed": the input was fine, the action is not possible.
			return `The API refused the action in the current state of the ${subject.noun ?? 'record'}. Check it in the portal before you try again.`;
		}
		default:
			return '';
	}
}

/** How a request ended, for the error: what was tried. */
export interface FailureContext {
	retry?: RetryOptions;
	/** Max Wait ran out before Max Retries did. */
	outOfTime?: boolean;
	/** The connection was refused: nothing reached the API. */
	notSent?: boolean;
	/** The credential's secrets, cut out of everything the error says or keeps. */
	secrets?: string[];
}

const times = (n: number) => `${n} attempt${n === 1 ? '' : 's'}`;

/**
 * What went wrong, in words. The error code stays out of the message: n8n replaces any message
 * that names a Node.js code (ECONNRESET, …) with a generic text of its own.
 */
export function networkCause(failure: Failure): { cause: string; code?: string } {
	if (failure.malformed)
		return { cause: `a broken response (status ${failure.status ?? 'unknown'}, not valid JSON)` };
	const code = failure.networkCode ?? 'unknown';
	if (TIMEOUT_CODES.has(code)) return { cause: 'no answer in time', code };
	if (NOT_SENT_CODES.has(code)) return { cause: 'a refused connection', code };
	return { cause: 'a dropped connection', code };
}

function retryAdvice(request: ApiRequest, context: FailureContext): string {
	const retry = context.retry;
	if (!retry) return 'Try again later.';
	if (context.outOfTime) {
		return `The retries stopped at the node's Max Wait (${retry.maxWaitSeconds} s). Try again later, or raise Max Wait in the node's options.`;
	}
	return retry.maxRetries > 0
		? `The node tried ${retry.maxRetries + 1} times. Try again later, or raise Max Retries in the node's options.`
		: "Max Retries is 0 in the node's options, so it was not tried again. Raise it, or try again later.";
}

/**
 * The API's own message, the status and a hint, and nothing from the request itself. A failure
 * that survived the retries says what happened, how many attempts were made and what to do; a
 * request that may have been processed says it was not repeated.
 */
export function toNodeApiError(
	node: INode,
	failure: Failure,
	request: ApiRequest,
	attempts: number,
	context: FailureContext = {},
): NodeApiError {
	const secrets = context.secrets ?? [];
	const body = apiBody(failure, secrets);
	const status = failure.status;
	const subject = request.subject ?? {};
	const what = subject.action ?? `${request.method} request`;
	const notRepeated = `and was not repeated, because it may already have been processed`;
	const checkPortal = subject.noun
		? `Check in the portal whether the ${subject.noun} was changed or created before you run this item again.`
		: 'Check in the portal whether it took effect before you run it again.';
	let message: string;
	let description: string;
	if (failure.networkCode || failure.malformed) {
		const { cause, code } = networkCause(failure);
		const detail = code ? `Error code: ${code}. ` : '';
		if (request.idempotent || context.notSent) {
			message = `MijnKlantportaal could not be reached: ${what} failed after ${times(attempts)}, the last with ${cause}`;
			description = `${detail}${context.notSent ? 'Nothing reached the server, so nothing was processed. ' : ''}${retryAdvice(request, context)}`;
		} else {
			message = `MijnKlantportaal did not answer properly: ${what} got ${cause} after ${times(attempts)} ${notRepeated}`;
			description = `${detail}The request may have reached the server before the answer was lost, and sending it again could do it twice. ${checkPortal}`;
		}
	} else if (status !== undefined && status >= 500) {
		if (request.idempotent) {
			message = `MijnKlantportaal server error (${status}): ${what} failed after ${times(attempts)}`;
			description = `The server kept failing. ${retryAdvice(request, context)}`;
		} else {
			message = `MijnKlantportaal server error (${status}): ${what} failed after ${times(attempts)} ${notRepeated}`;
			description = `A server error does not prove that nothing was saved, and sending it again could do it twice. ${checkPortal}`;
		}
	} else {
		message = body.message
			? String(body.message)
			: `${what} failed with status ${status ?? 'unknown'}`;
		description = hintFor(status, body, request);
	}
	message = scrub(message, secrets);
	description = scrub(description, secrets);
	const errorResponse: JsonObject = {
		message,
		httpCode: status === undefined ? null : String(status),
	};
	if (Object.keys(body).length) errorResponse.body = body as JsonObject;
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: status === undefined ? undefined : String(status),
		itemIndex: subject.itemIndex,
	});
}

/** A request the rate limit kept refusing (or would have kept waiting) past Max Wait. */
export function rateLimitError(
	node: INode,
	request: ApiRequest,
	details: {
		attempts: number;
		rateLimited: number;
		waitMs: number;
		retry: RetryOptions;
		limit?: number;
	},
): NodeApiError {
	const subject = request.subject ?? {};
	const what = subject.action ?? `${request.method} request`;
	const seconds = Math.ceil(details.waitMs / 1000);
	const maxWait = details.retry.maxWaitSeconds;
	const refused = details.rateLimited
		? `was refused ${details.rateLimited} time${details.rateLimited === 1 ? '' : 's'} (429 Too Many Requests, ${times(details.attempts)} in all)`
		: 'was not sent, because the rate limit is used up';
	const message =
		seconds > 0
			? `Rate limited by MijnKlantportaal: ${what} ${refused}; the next window opens in ${seconds} s, beyond the Max Wait of ${maxWait} s`
			: `Rate limited by MijnKlantportaal: ${what} ${refused}`;
	const limit = details.limit ? `${details.limit} requests per window` : '60 requests per minute';
	const description = `The API allows ${limit} per API key or token, shared by every workflow that uses it. Raise "Max Wait" in the node's options to at least ${Math.max(seconds, maxWait + 1)} s, process fewer items per run, or ask MijnKlantportaal for a higher limit.`;
	const errorResponse: JsonObject = { message, httpCode: '429' };
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: '429',
		itemIndex: subject.itemIndex,
	});
}

/**
 * The one place where an error from below becomes an n8n error. n8n's own errors pass through as
 * they are (both constructors hand back an error of their own kind unchanged, which keeps the
 * transport's message, description and HTTP status); anything else becomes a NodeOperationError.
 * With `secrets` (from the transport, for an error of n8n's that is no HTTP failure) the error is
 * built anew from its words with the secrets cut out, and without its cause: the HTTP client's
 * error there holds the request, Authorization header included.
 */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
	secrets?: string[],
): NodeApiError | NodeOperationError {
	const options = itemIndex === undefined ? {} : { itemIndex };
	if (secrets) {
		const { message, description } = error as { message?: unknown; description?: unknown };
		return new NodeOperationError(node, scrub(String(message ?? error), secrets), {
			...options,
			...(typeof description === 'string' ? { description: scrub(description, secrets) } : {}),
		});
	}
	if (error instanceof NodeApiError)
		return new NodeApiError(node, error as unknown as JsonObject, options);
	return new NodeOperationError(node, error as Error, options);
}
