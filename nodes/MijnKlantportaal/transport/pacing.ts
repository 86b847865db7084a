import { sleep } from 'n8n-workflow';
import { header } from './failure';
import type { Failure } from './failure';

/**
 * Rate-limit state shared by every request made through one node-execution context, so that
 * pages and items take turns in the same budget. The API sends `retry-after` and
 * `x-ratelimit-reset` only on a 429, so a spent window is learned from its first 429 and every
 * later request in that window waits instead of spending another attempt.
 */
export class Pacer {
	private blockedUntil = 0;

	limit?: number;

	remaining?: number;

	observe(headers: Failure['headers'], status?: number): void {
		const limit = Number(header(headers, 'x-ratelimit-limit'));
		const remaining = Number(header(headers, 'x-ratelimit-remaining'));
		if (Number.isFinite(limit) && limit > 0) this.limit = limit;
		if (Number.isFinite(remaining)) this.remaining = remaining;
		if (status === 429) this.blockedUntil = Math.max(this.blockedUntil, Date.now() + retryAfterMs(headers));
	}

	/** Milliseconds the next request must wait. */
	pendingWaitMs(): number {
		return Math.max(0, this.blockedUntil - Date.now());
	}

	async wait(ms: number): Promise<void> {
		if (ms > 0) await sleep(ms);
	}
}

/** `retry-after` (seconds), else `x-ratelimit-reset` (UNIX seconds), else one second. */
export function retryAfterMs(headers: Failure['headers']): number {
	const retryAfter = Number(header(headers, 'retry-after'));
	if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.max(retryAfter * 1000, 250);
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) return Math.max(reset * 1000 - Date.now(), 250);
	return 1000;
}

const pacers = new WeakMap<object, Pacer>();

export function pacerFor(context: object): Pacer {
	let pacer = pacers.get(context);
	if (!pacer) {
		pacer = new Pacer();
		pacers.set(context, pacer);
	}
	return pacer;
}
