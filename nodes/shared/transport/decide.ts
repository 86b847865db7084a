import type { Failure } from './send';
import { NOT_SENT_CODES } from './send';
import type { RetryOptions } from './types';

/** A sanity bound on 429s for one request; Max Wait is the real one. */
export const MAX_RATE_LIMITED_ATTEMPTS = 50;

/** What the request loop has done so far for one request. */
export interface Tally {
	attempts: number;
	/** Failed attempts retried with backoff (5xx, lost connection, timeout, broken answer). */
	failures: number;
	/** Attempts refused with 429. */
	rateLimited: number;
	resentAfterRefresh: boolean;
}

export const NO_ATTEMPTS: Tally = {
	attempts: 0,
	failures: 0,
	rateLimited: 0,
	resentAfterRefresh: false,
};

/** All the decision depends on: no clock, no randomness, no I/O. */
export interface Situation {
	failure: Failure;
	/** Counted up to and including the failed attempt. */
	tally: Tally;
	retry: RetryOptions;
	/** Sending it twice does no harm: GET, or as its operation says. */
	idempotent: boolean;
	/** An OAuth2 multipart upload: n8n refreshes the token on a 401 but does not resend it. */
	resendsAfterRefresh: boolean;
	/** Milliseconds left of Max Wait. */
	msLeft: number;
	/** The pacer's wait before the next attempt (after a 429, until the window reopens). */
	rateLimitWaitMs: number;
	/** The backoff before a retry (the caller adds the jitter). */
	backoffMs: number;
}

export type Next =
	| { action: 'resend'; waitMs: number; tally: Tally }
	| {
			action: 'stop';
			tally: Tally;
			/** Refused with 429 past Max Wait. */
			rateLimited: boolean;
			/** Max Wait ran out before Max Retries did. */
			outOfTime: boolean;
			/** The connection was refused: nothing reached the API. */
			notSent: boolean;
	  };

/**
 * What to do after a failed attempt:
 * - a 429 (the API did not process it) is sent again, for any method, once the window reopens,
 *   for as long as Max Wait allows;
 * - a 5xx, a lost connection, a timeout or a broken answer is retried after a backoff, only when
 *   the request is idempotent or nothing was sent, at most Max Retries times;
 * - a request the API may have processed (a POST whose answer was lost) is never repeated;
 * - a multipart upload refused with 401 is sent once more, after n8n's token refresh.
 */
export function decideNext(s: Situation): Next {
	const { failure, tally } = s;
	const stop = { action: 'stop', rateLimited: false, outOfTime: false, notSent: false } as const;
	if (failure.status === 429 && !failure.malformed) {
		const counted = { ...tally, rateLimited: tally.rateLimited + 1 };
		if (s.rateLimitWaitMs <= s.msLeft && counted.rateLimited < MAX_RATE_LIMITED_ATTEMPTS) {
			// The pacer holds the next attempt until the window reopens.
			return { action: 'resend', waitMs: 0, tally: counted };
		}
		return { ...stop, tally: counted, rateLimited: true };
	}
	if (failure.status === 401 && s.resendsAfterRefresh && !tally.resentAfterRefresh) {
		return { action: 'resend', waitMs: 0, tally: { ...tally, resentAfterRefresh: true } };
	}
	const transient =
		failure.malformed === true ||
		failure.networkCode !== undefined ||
		(failure.status !== undefined && failure.status >= 500);
	const notSent = failure.networkCode !== undefined && NOT_SENT_CODES.has(failure.networkCode);
	if (transient && (s.idempotent || notSent) && tally.failures < s.retry.maxRetries) {
		const counted = { ...tally, failures: tally.failures + 1 };
		if (s.backoffMs <= s.msLeft) return { action: 'resend', waitMs: s.backoffMs, tally: counted };
		return { ...stop, tally: counted, outOfTime: true, notSent };
	}
	return { ...stop, tally, notSent };
}

/**
 * Before an attempt, with the pacer's wait: the milliseconds to wait first (0: send now), or
 * `refuse` when the API itself said the window reopens past Max Wait. A predicted reset past
 * Max Wait is only an estimate: the request is sent, and the API answers.
 */
export function whenToSend(waitMs: number, blocked: boolean, msLeft: number): number | 'refuse' {
	if (waitMs <= 0) return 0;
	if (waitMs <= msLeft) return waitMs;
	return blocked ? 'refuse' : 0;
}

/** Exponential backoff with equal jitter: 150–300 ms, 300–600 ms, 600–1200 ms, … up to 10 s. */
export function backoffMs(failure: number, random = Math.random()): number {
	const base = Math.min(300 * 2 ** (failure - 1), 10_000);
	return base / 2 + random * (base / 2);
}
