import type { ApiResponse } from './types';

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
export function readFailure(error: unknown): Failure | undefined {
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
		if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return { headers: {}, networkCode: e.code };
	}
	for (const e of chain) {
		if (/socket hang up|timeout|aborted|network/i.test(String(e.message ?? ''))) {
			return { headers: {}, networkCode: 'ECONNRESET' };
		}
	}
	const httpCode = Number(chain[0]?.httpCode);
	if (Number.isFinite(httpCode) && httpCode > 0) return { headers: {}, status: httpCode };
	// Not an HTTP failure: n8n's own errors, such as "reconnect this credential", pass through.
	return undefined;
}

/** The API answers JSON objects only; a string body means a truncated or broken response. */
export function isMalformed(response: ApiResponse): boolean {
	const body = response.body;
	return body === undefined || body === null || typeof body !== 'object' || Buffer.isBuffer(body);
}

export function header(headers: Failure['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
