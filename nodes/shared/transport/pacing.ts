import { sleep } from 'n8n-workflow';
import { header } from './send';
import type { Failure } from './send';

/** Timer slack added to a predicted window reset, so the next request lands after it. */
const RESET_MARGIN_MS = 10;

/** Windows longer than this are not learned (a wrong `retry-after` must not stall a run for hours). */
const MAX_LEARNED_WINDOW_MS = 10 * 60 * 1000;

/** When the current rate-limit window began, as bounds in local time (`lo` is unknown when absent). */
interface WindowStart {
	lo?: number;
	hi: number;
}

/**
 * Rate-limit state shared by every request made with one credential (see `pacerFor`): pages and
 * items, and executions running side by side, take turns in the same budget, as the API counts it.
 *
 * The API sends `X-RateLimit-Limit` and `X-RateLimit-Remaining` on every response, and
 * `retry-after` and `x-ratelimit-reset` only on a 429. Its window is fixed and starts with the first
 * request after the previous one ran out. So:
 * - `remaining` counts down with every request sent and is corrected by every response;
 * - the response that shows `limit - 1` marks the start of a window;
 * - the first 429 of a spent window tells when it ends, which gives the window's length;
 * - from then on a spent budget is waited out until the predicted reset, without sending the
 *   request that would be refused. A bulk run so spends at most one 429 (in its first window).
 * A 429 always blocks until its `retry-after`, whatever the prediction said.
 */
export class Pacer {
	limit?: number;

	/** Requests left in the current window: the last header value minus requests still in flight. */
	remaining?: number;

	/** Learned from a 429 of a spent window; unknown until then. */
	windowMs?: number;

	/** Total milliseconds spent waiting for the rate limit, for reports and the bench. */
	waitedMs = 0;

	private blockedUntil = 0;

	private inFlight = 0;

	private windowStart?: WindowStart;

	private previousStart?: WindowStart;

	/** Lowest `X-RateLimit-Remaining` seen in the current window: a higher one means it was reset. */
	private lowestSeen?: number;

	private previousLowest?: number;

	/** The last `X-RateLimit-Remaining` the API sent (0 on a 429). */
	private lastHeader?: number;

	/** Milliseconds the next request must wait; 0 when it may go now. */
	pendingWaitMs(now = Date.now()): number {
		if (this.blockedUntil > now) return this.blockedUntil - now;
		if (this.blockedUntil !== 0) {
			// The API's own retry-after has passed: a new window has begun (or will with this request).
			this.blockedUntil = 0;
			this.rollWindow();
			this.remaining = undefined;
		}
		if (this.remaining !== undefined && this.remaining <= 0) {
			const resetAt = this.predictedResetAt();
			if (resetAt !== undefined && resetAt > now) return resetAt - now;
			if (resetAt !== undefined) {
				this.rollWindow();
				this.remaining = this.limit;
			}
		}
		return 0;
	}

	/** Whether a wait the pacer asks for comes from a 429 (certain) or from a prediction. */
	isBlocked(now = Date.now()): boolean {
		return this.blockedUntil > now;
	}

	/** Call just before a request goes out. */
	sent(): void {
		this.inFlight++;
		if (this.remaining !== undefined) this.remaining--;
	}

	/**
	 * Call with the headers of every answer, error or not (`status` undefined when there was no
	 * answer). `sentAt` and `receivedAt` bound when the API saw the request.
	 */
	observe(
		headers: Failure['headers'],
		status: number | undefined,
		sentAt: number,
		receivedAt = Date.now(),
	): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const limit = Number(header(headers, 'x-ratelimit-limit'));
		const remaining = Number(header(headers, 'x-ratelimit-remaining'));
		if (Number.isFinite(limit) && limit > 0) this.limit = limit;
		if (status === 429) {
			this.onTooManyRequests(headers, sentAt, receivedAt);
			return;
		}
		if (!Number.isFinite(remaining) || header(headers, 'x-ratelimit-remaining') === undefined)
			return;
		this.track(remaining, sentAt, receivedAt);
		this.lastHeader = remaining;
		this.remaining = remaining - this.inFlight;
	}

	/** Waits for the rate limit (see `waitFor`), and counts the time in `waitedMs`. */
	async wait(ms: number, signal?: AbortSignal): Promise<void> {
		const started = Date.now();
		await waitFor(ms, signal);
		this.waitedMs += Date.now() - started;
	}

	private onTooManyRequests(headers: Failure['headers'], sentAt: number, receivedAt: number): void {
		const retryAfter = retryAfterMs(headers, receivedAt);
		// Only a 429 after the API said the budget was spent is the window's own end; any other
		// (another client on the same key, a proxy) says nothing about the window's length.
		const spent = this.lastHeader === 0;
		const start = this.windowStart ?? this.previousStart;
		const seconds = Number(header(headers, 'retry-after'));
		if (spent && start?.lo !== undefined && Number.isInteger(seconds) && seconds > 0) {
			this.learnWindow(seconds, start as Required<WindowStart>, sentAt, receivedAt);
		}
		let until = receivedAt + retryAfter;
		// `retry-after` is in whole seconds; with a known window the reset is known more precisely.
		const predicted =
			spent && this.windowMs !== undefined && start
				? start.hi + this.windowMs + RESET_MARGIN_MS
				: undefined;
		if (predicted !== undefined && predicted > receivedAt + retryAfter - 1000 && predicted < until)
			until = predicted;
		this.blockedUntil = Math.max(this.blockedUntil, until);
		this.lastHeader = 0;
		this.remaining = 0;
	}

	/**
	 * The 429 came `retry-after` whole seconds (rounded up) before the window's end, and the window
	 * began within `start`: its length lies in a one-second range. Windows are whole seconds (the API
	 * documents a minute); the range holds exactly one, else its upper end is taken (safe: later).
	 */
	private learnWindow(
		seconds: number,
		start: Required<WindowStart>,
		sentAt: number,
		receivedAt: number,
	): void {
		const elapsedLo = sentAt - start.hi;
		const elapsedHi = receivedAt - start.lo;
		const lo = elapsedLo + (seconds - 1) * 1000;
		const hi = elapsedHi + seconds * 1000;
		const guess = Math.floor(((elapsedLo + elapsedHi) / 2 + seconds * 1000) / 1000) * 1000;
		const windowMs = guess > lo && guess <= hi && guess >= 1000 ? guess : hi;
		if (windowMs > 0 && windowMs <= MAX_LEARNED_WINDOW_MS) this.windowMs = windowMs;
	}

	/** Follows `X-RateLimit-Remaining` to tell when a window began. */
	private track(remaining: number, sentAt: number, receivedAt: number): void {
		const first = this.limit !== undefined && remaining === this.limit - 1;
		const lowest = this.lowestSeen ?? this.previousLowest;
		const reset =
			this.lowestSeen === undefined
				? first || (lowest !== undefined && remaining > lowest)
				: remaining > this.lowestSeen;
		if (reset) {
			if (this.lowestSeen !== undefined) this.rollWindow();
			// Only the window's first request (remaining = limit - 1) dates its start from both sides.
			this.windowStart = first ? { lo: sentAt, hi: receivedAt } : { hi: receivedAt };
			this.lowestSeen = remaining;
			return;
		}
		if (this.lowestSeen === undefined && this.previousStart && this.previousLowest !== undefined) {
			// Waited for a reset that had not come yet: the previous window is still running.
			this.windowStart = this.previousStart;
			this.lowestSeen = Math.min(this.previousLowest, remaining);
			this.previousStart = undefined;
			this.previousLowest = undefined;
			return;
		}
		this.lowestSeen = Math.min(this.lowestSeen ?? remaining, remaining);
	}

	private predictedResetAt(): number | undefined {
		const start = this.windowStart;
		if (this.windowMs === undefined || !start) return undefined;
		return start.hi + this.windowMs + RESET_MARGIN_MS;
	}

	private rollWindow(): void {
		if (this.windowStart) {
			this.previousStart = this.windowStart;
			this.previousLowest = this.lowestSeen;
		}
		this.windowStart = undefined;
		this.lowestSeen = undefined;
	}
}

/** Sleeps `ms` (n8n's `sleep`), or less when the execution is cancelled meanwhile. */
export async function waitFor(ms: number, signal?: AbortSignal): Promise<void> {
	if (ms <= 0 || signal?.aborted) return;
	if (!signal) {
		await sleep(ms);
		return;
	}
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal.addEventListener('abort', onAbort, { once: true });
	});
	await Promise.race([sleep(ms), aborted]);
	if (onAbort) signal.removeEventListener('abort', onAbort);
}

/** `retry-after` (seconds), else `x-ratelimit-reset` (UNIX seconds), else one second. */
export function retryAfterMs(headers: Failure['headers'], now = Date.now()): number {
	const retryAfter = Number(header(headers, 'retry-after'));
	if (
		header(headers, 'retry-after') !== undefined &&
		Number.isFinite(retryAfter) &&
		retryAfter >= 0
	) {
		return Math.max(retryAfter * 1000, 250);
	}
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0)
		return Math.min(Math.max(reset * 1000 - now, 250), 3600_000);
	return 1000;
}

const byContext = new WeakMap<object, Pacer>();

const byCredential = new Map<string, Pacer>();

/**
 * The pacer for a credential (`key`, e.g. type, credential ID and API base), shared by every
 * execution in this process, since the API counts per key or token; without a key, one per
 * node-execution context.
 */
export function pacerFor(context: object, key?: string): Pacer {
	if (key !== undefined) {
		let pacer = byCredential.get(key);
		if (!pacer) {
			// A small bound: credentials are few, and a pacer holds only a few numbers.
			if (byCredential.size >= 500) byCredential.delete(byCredential.keys().next().value as string);
			pacer = new Pacer();
			byCredential.set(key, pacer);
		}
		return pacer;
	}
	let pacer = byContext.get(context);
	if (!pacer) {
		pacer = new Pacer();
		byContext.set(context, pacer);
	}
	return pacer;
}
