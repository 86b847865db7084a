import type { IAdditionalCredentialOptions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { asNodeError, rateLimitError, toNodeApiError } from './errors';
import type { Failure } from './failure';
import { isEmptySuccess, isMalformed, NOT_SENT_CODES, readFailure } from './failure';
import { pacerFor, waitFor } from './pacing';
import { getSession } from './session';
import type { Session } from './session';
import type { ApiContext, ApiRequest, ApiResponse, RetryOptions } from './types';

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, maxWaitSeconds: 120 };

/** Per attempt. An upload may be large; everything else answers in well under a second. */
const DEFAULT_TIMEOUT_SECONDS = 60;
const DEFAULT_UPLOAD_TIMEOUT_SECONDS = 300;

/** A sanity bound on 429s for one request; Max Wait is the real one. */
const MAX_RATE_LIMITED_ATTEMPTS = 50;

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

/** Exponential backoff with equal jitter: 150–300 ms, 300–600 ms, 600–1200 ms, … up to 10 s. */
export function backoffMs(failure: number): number {
	const base = Math.min(300 * 2 ** (failure - 1), 10_000);
	return base / 2 + Math.random() * (base / 2);
}

function cancelSignal(context: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * Sends one API request through n8n's credential helpers (which add the bearer token and
 * refresh OAuth2 tokens on a 401), paces it against the rate limit, and retries what is safe:
 * - a 429 (the API did not process it) waits for the window to reopen and is sent again, for any
 *   method, for as long as Max Wait allows;
 * - a 5xx, a dropped connection, a timeout or a broken (non-JSON) answer is retried with backoff
 *   only when the request is idempotent, at most Max Retries times;
 * - a request the API may have processed (a POST whose answer was lost) is never repeated; its
 *   error says so. Only a connection that was refused (nothing was sent) is tried again.
 * - a multipart upload refused with 401 is rebuilt and sent once more after n8n's token refresh.
 */
export async function apiRequest<T = unknown>(
	this: ApiContext,
	request: ApiRequest,
	retry: RetryOptions = DEFAULT_RETRY,
): Promise<ApiResponse<T>> {
	const session = await getSession.call(this);
	const url = resolveUrl.call(this, session, request.path);
	const idempotent = request.idempotent ?? request.method === 'GET';
	const pacer = pacerFor(this, session.pacingKey);
	const signal = cancelSignal(this);
	const started = Date.now();
	const deadline = started + retry.maxWaitSeconds * 1000;
	const timeoutSeconds =
		retry.timeoutSeconds ??
		(request.multipart ? DEFAULT_UPLOAD_TIMEOUT_SECONDS : DEFAULT_TIMEOUT_SECONDS);
	const credentialOptions: IAdditionalCredentialOptions | undefined = session.credentialsDecrypted
		? { credentialsDecrypted: session.credentialsDecrypted }
		: undefined;
	let attempts = 0;
	let failures = 0;
	let rateLimited = 0;
	let resentAfterRefresh = false;

	for (;;) {
		const wait = pacer.pendingWaitMs();
		if (wait > 0) {
			if (Date.now() + wait <= deadline) {
				await pacer.wait(wait, signal);
				// Ask again: a side-by-side request's answer (a 429, a reset) may have changed the wait.
				if (!signal?.aborted) continue;
			} else if (pacer.isBlocked()) {
				// The API itself said when the window reopens, and that is past Max Wait.
				throw rateLimitError(this.getNode(), request, {
					attempts,
					rateLimited,
					waitMs: wait,
					retry,
					limit: pacer.limit,
				});
			}
			// A predicted reset past Max Wait is only an estimate: send, and let the API answer.
		}
		attempts++;
		const options: IHttpRequestOptions = {
			method: request.method,
			url,
			qs: request.qs,
			returnFullResponse: true,
			disableFollowRedirect: true,
			timeout: timeoutSeconds * 1000,
			headers: { Accept: 'application/json' },
		};
		if (request.multipart) {
			// Built anew for every attempt: a sent body cannot be sent again.
			options.body = request.multipart();
		} else if (request.body !== undefined) {
			options.body = request.body as IHttpRequestOptions['body'];
			options.json = true;
		} else {
			options.json = true;
		}

		let failure: Failure;
		pacer.sent();
		const sentAt = Date.now();
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				session.credentialType,
				options,
				credentialOptions,
			)) as ApiResponse<T>;
			pacer.observe(response.headers, response.statusCode, sentAt);
			if (isEmptySuccess(response)) return { ...response, body: {} as T };
			if (!isMalformed(response)) return response;
			failure = { status: response.statusCode, headers: response.headers, malformed: true };
		} catch (error) {
			const read = readFailure(error);
			pacer.observe(read?.headers ?? {}, read?.status, sentAt);
			// Not an HTTP failure: n8n's own errors, such as "reconnect this credential", pass through.
			if (!read) throw asNodeError(this.getNode(), error, request.subject?.itemIndex);
			failure = read;
		}

		const status = failure.status;
		if (status === 429 && !failure.malformed) {
			// A 429 was not processed, so any method may be sent again once the window reopens.
			rateLimited++;
			const next = pacer.pendingWaitMs();
			if (Date.now() + next <= deadline && rateLimited < MAX_RATE_LIMITED_ATTEMPTS) continue;
			throw rateLimitError(this.getNode(), request, {
				attempts,
				rateLimited,
				waitMs: next,
				retry,
				limit: pacer.limit,
			});
		}
		if (
			status === 401 &&
			request.multipart &&
			session.credentialType === 'mijnKlantportaalOAuth2Api' &&
			!resentAfterRefresh
		) {
			// n8n refreshes the token on a 401 but does not resend a body it counts as single-use
			// (see hasSingleUseBody in n8n-core); the 401 then reaches us. The API refused the
			// request, so the body is rebuilt and sent once more, now with the refreshed token.
			resentAfterRefresh = true;
			continue;
		}
		const transient =
			failure.malformed ||
			failure.networkCode !== undefined ||
			(status !== undefined && status >= 500);
		const notSent = failure.networkCode !== undefined && NOT_SENT_CODES.has(failure.networkCode);
		let outOfTime = false;
		if (transient && (idempotent || notSent) && failures < retry.maxRetries) {
			failures++;
			const delay = backoffMs(failures);
			if (Date.now() + delay <= deadline) {
				await waitFor(delay, signal);
				continue;
			}
			outOfTime = true;
		}
		throw toNodeApiError(this.getNode(), { ...failure }, { ...request, idempotent }, attempts, {
			retry,
			outOfTime,
			notSent,
			elapsedMs: Date.now() - started,
		});
	}
}
