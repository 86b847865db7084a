import type { IHttpRequestOptions } from 'n8n-workflow';
import type { Next } from './decide';
import { backoffMs, decideNext, NO_ATTEMPTS, whenToSend } from './decide';
import { asNodeError, rateLimitError, toNodeApiError } from './errors';
import type { Pacer } from './pacing';
import { pacerFor, waitFor } from './pacing';
import type { Failure, Send } from './send';
import { cancelSignal, sendOnce } from './send';
import { currentSecrets, getSession } from './session';
import type { ApiContext, ApiRequest, ApiResponse, RetryOptions } from './types';
import { resolveUrl } from './url';

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, maxWaitSeconds: 120 };

/**
 * Per attempt, for the whole answer: the Timeout option when set, else 60 s, or 300 s to move a
 * file (an upload, or a download from storage), which may be large.
 */
export function attemptTimeoutMs(retry: RetryOptions, file: boolean): number {
	return (retry.timeoutSeconds ?? (file ? 300 : 60)) * 1000;
}

/** One request as the loop sends it, attempt after attempt. */
export interface Attempts {
	send: Send;
	/** The options of each attempt, built anew (a multipart body cannot be sent twice). */
	options: () => IHttpRequestOptions;
	/** Whether the answer must be a JSON object (the API's), rather than a file's bytes. */
	json: boolean;
	idempotent: boolean;
	resendsAfterRefresh: boolean;
	pacer: Pacer;
	retry: RetryOptions;
	timeoutMs: number;
}

/** How a request ended without an answer: the decision that stopped it, and what it last got. */
export type Stopped = Omit<Extract<Next, { action: 'stop' }>, 'action'> & {
	/** The last failure; none when the rate limit kept the request from being sent. */
	failure?: Failure;
	/** n8n's own error (not an HTTP failure), to be passed on. */
	error?: unknown;
	/** The pacer's wait when the request stopped. */
	waitMs: number;
};

/**
 * The request loop: wait for the rate limit, send once, and let `decideNext` say whether to send
 * again. Returns the answer, or how the request stopped; the caller words the error.
 */
export async function sendWithRetries(
	this: ApiContext,
	a: Attempts,
): Promise<{ response: ApiResponse } | { stopped: Stopped }> {
	const signal = cancelSignal(this);
	const deadline = Date.now() + a.retry.maxWaitSeconds * 1000;
	let tally = NO_ATTEMPTS;
	const stopped = (rest: Partial<Stopped>) => ({
		stopped: {
			tally,
			rateLimited: false,
			outOfTime: false,
			notSent: false,
			waitMs: a.pacer.pendingWaitMs(),
			...rest,
		},
	});
	for (;;) {
		const wait = whenToSend(a.pacer.pendingWaitMs(), a.pacer.isBlocked(), deadline - Date.now());
		if (wait === 'refuse') return stopped({ rateLimited: true });
		if (wait > 0) {
			await a.pacer.wait(wait, signal);
			// Ask again: an answer to a request side by side (a 429, a reset) may have changed the wait.
			if (!signal?.aborted) continue;
		}
		tally = { ...tally, attempts: tally.attempts + 1 };
		a.pacer.sent();
		const sentAt = Date.now();
		const outcome = await sendOnce.call(this, a.send, a.options(), a.timeoutMs, a.json);
		const answered = 'response' in outcome ? outcome.response : undefined;
		const failure = 'failure' in outcome ? outcome.failure : undefined;
		a.pacer.observe(
			answered?.headers ?? failure?.headers ?? {},
			answered?.statusCode ?? failure?.status,
			sentAt,
		);
		if (answered) return { response: answered };
		if (!failure) return stopped({ error: (outcome as { error: unknown }).error });
		const next = decideNext({
			failure,
			tally,
			retry: a.retry,
			idempotent: a.idempotent,
			resendsAfterRefresh: a.resendsAfterRefresh,
			msLeft: deadline - Date.now(),
			rateLimitWaitMs: a.pacer.pendingWaitMs(),
			backoffMs: backoffMs(tally.failures + 1),
		});
		tally = next.tally;
		if (next.action === 'stop') return stopped({ ...next, failure });
		await waitFor(next.waitMs, signal);
	}
}

/**
 * Sends one API request through n8n's credential helpers (which add the bearer token and
 * refresh OAuth2 tokens on a 401), paced against the rate limit and retried as `decideNext`
 * says, to a URL `resolveUrl` allowed. Its errors carry none of the credential's secrets.
 */
export async function apiRequest<T = unknown>(
	this: ApiContext,
	request: ApiRequest,
	retry: RetryOptions = DEFAULT_RETRY,
): Promise<ApiResponse<T>> {
	const session = await getSession.call(this);
	const node = this.getNode();
	const itemIndex = request.subject?.itemIndex;
	const url = resolveUrl(node, session, request.path, itemIndex);
	const idempotent = request.idempotent ?? request.method === 'GET';
	const credentialOptions = session.credentialsDecrypted
		? { credentialsDecrypted: session.credentialsDecrypted }
		: undefined;
	const pacer = pacerFor(this, session.pacingKey);
	const result = await sendWithRetries.call(this, {
		send: async (context, options) =>
			await context.helpers.httpRequestWithAuthentication.call(
				context,
				session.credentialType,
				options,
				credentialOptions,
			),
		options: () => ({
			method: request.method,
			url,
			qs: request.qs,
			returnFullResponse: true,
			disableFollowRedirect: true,
			headers: { Accept: 'application/json' },
			...(request.multipart
				? { body: request.multipart() }
				: { body: request.body as IHttpRequestOptions['body'], json: true }),
		}),
		json: true,
		idempotent,
		resendsAfterRefresh:
			request.multipart !== undefined && session.credentialType === 'mijnKlantportaalOAuth2Api',
		pacer,
		retry,
		timeoutMs: attemptTimeoutMs(retry, request.multipart !== undefined),
	});
	if ('response' in result) return { ...result.response, url } as ApiResponse<T>;
	const { failure, error, tally, ...end } = result.stopped;
	const secrets = await currentSecrets.call(this, session);
	if (error !== undefined) throw asNodeError(node, error, itemIndex, secrets);
	if (end.rateLimited) {
		throw rateLimitError(node, request, {
			...tally,
			waitMs: end.waitMs,
			retry,
			limit: pacer.limit,
		});
	}
	throw toNodeApiError(
		node,
		failure ?? { headers: {} },
		{ ...request, idempotent },
		tally.attempts,
		{
			...end,
			retry,
			secrets,
		},
	);
}
