import type { IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { toNodeApiError } from './errors';
import type { Failure } from './failure';
import { isMalformed, readFailure } from './failure';
import { pacerFor } from './pacing';
import { getSession } from './session';
import type { Session } from './session';
import type { ApiContext, ApiRequest, ApiResponse, RetryOptions } from './types';

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, maxWaitSeconds: 120 };

/** The request URL: a path under the base, or an absolute URL that must be on the API's origin. */
export function resolveUrl(this: ApiContext, session: Session, path: string): string {
	if (!/^[a-z][a-z0-9+.-]*:/i.test(path)) {
		return session.baseUrl + (path.startsWith('/') ? path : `/${path}`);
	}
	const url = new URL(path);
	if (url.origin !== session.origin) {
		throw new NodeOperationError(
			this.getNode(),
			`Refused to send the credential to ${url.origin}: only ${session.origin} receives it`,
			{ description: 'The API returned a link to another host. The request was not sent.' },
		);
	}
	return url.toString();
}

function backoffMs(attempt: number): number {
	const base = Math.min(500 * 2 ** (attempt - 1), 8000);
	return base / 2 + Math.random() * (base / 2);
}

/**
 * Sends one API request through n8n's credential helpers (which add the bearer token and
 * refresh OAuth2 tokens on a 401), waits out rate limits, and retries what is safe to retry.
 * A request that may have been processed (a POST whose answer was lost) is never repeated.
 */
export async function apiRequest<T = unknown>(
	this: ApiContext,
	request: ApiRequest,
	retry: RetryOptions = DEFAULT_RETRY,
): Promise<ApiResponse<T>> {
	const session = await getSession.call(this);
	const url = resolveUrl.call(this, session, request.path);
	const idempotent = request.idempotent ?? request.method === 'GET';
	const pacer = pacerFor(this);
	const deadline = Date.now() + retry.maxWaitSeconds * 1000;
	let attempts = 0;
	let failures = 0;
	let resentAfterRefresh = false;

	for (;;) {
		const wait = pacer.pendingWaitMs();
		if (wait > 0) {
			if (Date.now() + wait > deadline) {
				throw toNodeApiError(this.getNode(), { status: 429, headers: {} }, request, Math.max(attempts, 1));
			}
			await pacer.wait(wait);
		}
		attempts++;
		const options: IHttpRequestOptions = {
			method: request.method,
			url,
			qs: request.qs,
			returnFullResponse: true,
			disableFollowRedirect: true,
			headers: { Accept: 'application/json' },
		};
		if (request.multipart) {
			options.body = request.multipart();
		} else if (request.body !== undefined) {
			options.body = request.body as IHttpRequestOptions['body'];
			options.json = true;
		} else {
			options.json = true;
		}

		let failure: Failure;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				session.credentialType,
				options,
			)) as ApiResponse<T>;
			pacer.observe(response.headers, response.statusCode);
			if (!isMalformed(response)) return response;
			failure = { status: response.statusCode, headers: response.headers, malformed: true };
		} catch (error) {
			const read = readFailure(error);
			if (!read) {
				// Both constructors hand back an error of their own kind unchanged.
				if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: request.subject?.itemIndex });
			}
			failure = read;
			pacer.observe(failure.headers, failure.status);
		}

		const status = failure.status;
		if (status === 429 && !failure.malformed) {
			// A 429 was not processed, so any method may be sent again once the window reopens.
			if (Date.now() + pacer.pendingWaitMs() <= deadline && attempts <= 50) continue;
			throw toNodeApiError(this.getNode(), failure, request, attempts);
		}
		if (status === 401 && request.multipart && session.credentialType === 'mijnKlantportaalOAuth2Api' && !resentAfterRefresh) {
			// n8n refreshes the token on a 401 but cannot resend a consumed multipart body; the
			// body is rebuilt here and sent once more with the new token.
			resentAfterRefresh = true;
			continue;
		}
		const transient = failure.malformed || failure.networkCode !== undefined || (status !== undefined && status >= 500);
		if (transient && idempotent && failures < retry.maxRetries) {
			failures++;
			const delay = backoffMs(failures);
			if (Date.now() + delay <= deadline) {
				await pacer.wait(delay);
				continue;
			}
		}
		throw toNodeApiError(this.getNode(), { ...failure }, { ...request, idempotent }, attempts);
	}
}
