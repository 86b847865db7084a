import type { IHttpRequestOptions } from 'n8n-workflow';
import type { ApiContext, ApiResponse } from './types';

/** What went wrong with one attempt, stripped of the request (and so of the credential). */
export interface Failure {
	status?: number;
	headers: Record<string, string | string[] | undefined>;
	data?: unknown;
	/** Node's error code for connection failures, e.g. `ECONNRESET`. */
	networkCode?: string;
	/** The response was 2xx but its body was not the JSON the API always sends. */
	malformed?: boolean;
}

/** How one attempt ended: an answer, a failure the loop may retry, or n8n's own error. */
export type Outcome = { response: ApiResponse } | { failure: Failure } | { error: unknown };

/** Sends one attempt from `context`, which is a view of the caller's context (see sendOnce). */
export type Send = (context: ApiContext, options: IHttpRequestOptions) => Promise<unknown>;

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
	'EAI_AGAIN',
]);

/** Connection failures where nothing reached the API, so even a POST may be sent again. */
export const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN']);

/** Codes of a request that ran out of time (n8n's client reports a timeout as one of these). */
export const TIMEOUT_CODES = new Set([
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ECONNABORTED',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export function cancelSignal(context: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * Sends one attempt, which must be answered in full, headers and body, within `timeoutMs`: the
 * client's own timeout fires only when the connection goes quiet, so a server that sends a byte
 * now and then could hold the execution open for as long as it liked. n8n replaces the request's
 * `abortSignal` with the context's cancel signal (`httpRequestWithAuthentication`), so the attempt
 * is sent from a view of the context whose cancel signal also fires at the deadline.
 * With `json`, an empty success becomes `{}` and a body that is not a JSON object a failure.
 */
export async function sendOnce(
	this: ApiContext,
	send: Send,
	options: IHttpRequestOptions,
	timeoutMs: number,
	json: boolean,
): Promise<Outcome> {
	const cancel = cancelSignal(this);
	const deadline = AbortSignal.timeout(timeoutMs);
	const signal = cancel ? AbortSignal.any([cancel, deadline]) : deadline;
	const view = Object.create(this, {
		getExecutionCancelSignal: { value: () => signal },
	}) as ApiContext;
	try {
		const response = (await send(view, {
			...options,
			timeout: timeoutMs,
			abortSignal: signal,
		})) as ApiResponse;
		if (json && isEmptySuccess(response)) return { response: { ...response, body: {} } };
		if (json && isMalformed(response)) {
			return {
				failure: { status: response.statusCode, headers: response.headers, malformed: true },
			};
		}
		return { response };
	} catch (error) {
		if (deadline.aborted && !cancel?.aborted)
			return { failure: { headers: {}, networkCode: 'ETIMEDOUT' } };
		const failure = readFailure(error);
		return failure ? { failure } : { error };
	}
}

type Loose = Record<string, unknown> & {
	cause?: Loose;
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
	code?: string;
	httpCode?: string | null;
	message?: string;
};

/**
 * n8n wraps every failed request in a NodeApiError whose `cause` is the HTTP client's error.
 * Read only status, headers and body from it: the client's error also holds the request
 * config, Authorization header included, and must never be passed on.
 */
function readFailure(error: unknown): Failure | undefined {
	const chain: Loose[] = [];
	for (let e = error as Loose | undefined; e && chain.length < 5; e = e.cause) chain.push(e);
	for (const e of chain) {
		if (e.response && typeof e.response.status === 'number') {
			return {
				status: e.response.status,
				headers: (e.response.headers ?? {}) as Failure['headers'],
				data: e.response.data,
			};
		}
	}
	for (const e of chain) {
		if (typeof e.code === 'string' && NETWORK_CODES.has(e.code))
			return { headers: {}, networkCode: e.code };
	}
	for (const e of chain) {
		const message = String(e.message ?? '');
		if (/timeout|timed out/i.test(message)) return { headers: {}, networkCode: 'ETIMEDOUT' };
		if (/socket hang up|aborted|network/i.test(message))
			return { headers: {}, networkCode: 'ECONNRESET' };
	}
	const httpCode = Number(chain[0]?.httpCode);
	if (Number.isFinite(httpCode) && httpCode > 0) {
		// n8n 1.x's NodeApiError drops its cause (a class field shadows it) but keeps the parsed
		// body in `context.data`; the response headers are gone there.
		const data = (chain[0] as { context?: { data?: unknown } }).context?.data;
		return { headers: {}, status: httpCode, ...(data !== undefined ? { data } : {}) };
	}
	// Not an HTTP failure: n8n's own errors, such as "reconnect this credential", pass through.
	return undefined;
}

/** A success without a body (204, or an empty 2xx): a valid answer, returned as `{}`. */
function isEmptySuccess(response: ApiResponse): boolean {
	const status = response.statusCode;
	if (status === 204 || status === 205) return true;
	const length = header(response.headers, 'content-length');
	return status >= 200 && status < 300 && response.body === '' && length === '0';
}

/** The API answers JSON objects only; a string body means a truncated or broken response. */
function isMalformed(response: ApiResponse): boolean {
	const body = response.body;
	return body === undefined || body === null || typeof body !== 'object' || Buffer.isBuffer(body);
}

/** A response header by name, in any letter case. */
export function header(headers: Failure['headers'], name: string): string | undefined {
	let value = headers[name] ?? headers[name.toLowerCase()];
	if (value === undefined) {
		const lower = name.toLowerCase();
		const key = Object.keys(headers).find((k) => k.toLowerCase() === lower);
		if (key !== undefined) value = headers[key];
	}
	const first = Array.isArray(value) ? value[0] : value;
	return first === undefined || first === null ? undefined : String(first);
}
