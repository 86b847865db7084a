import { sleep } from 'n8n-workflow';
import { header } from './send';
import type { Failure } from './send';

/** Timer slack added to a predicted window reset, so the next request lands after it. */
const RESET_MARGIN_MS = 10;

/** While one request finds out whether a window has room, the others ask again this often. */
const PROBE_POLL_MS = 20;

/** Windows longer than this are not learned (a wrong `retry-after` must not stall a run for hours). */
const MAX_LEARNED_WINDOW_MS = 10 * 60 * 1000;

/** One rate-limit window as this process saw it. */
interface Window {
	/** When it began, as bounds in local time (`lo` only when this process sent its first request). */
	start: { lo?: number; hi: number };
	/** The first and the lowest `X-RateLimit-Remaining` seen in it, and when the lowest arrived. */
	first: number;
	lowest: number;
	lowestAt: number;
	/** Answers to this process's own requests in it, after the first. */
	own: number;
}

/**
 * Rate-limit state shared by every request made with one credential in this process (see
 * `pacerFor`): pages, items and executions running side by side take turns in one budget, as the
 * API counts it.
 *
 * The API sends `X-RateLimit-Limit` and `X-RateLimit-Remaining` on every response, and
 * `retry-after` and `x-ratelimit-reset` only on a 429. Its window is fixed and starts with the first
 * request after the previous one ran out. So:
 * - `remaining` is the lowest header value of the window minus the requests still in flight;
 * - the answer that shows `limit - 1` dates the start of a window from both sides;
 * - the first 429 of a window this process saw spent, from its start, tells the window's length;
 * - from then on a spent budget is waited out until the predicted reset, without sending the
 *   request that would be refused. A bulk run so spends one 429, in its first window (measured
 *   against honouring `retry-after` alone in bench/RESULTS.md).
 * Other processes (n8n workers) may spend the same key: `X-RateLimit-Remaining` then falls faster
 * than this process's own requests explain. The pacer keeps back what the others will send
 * meanwhile, in proportion, and learns nothing from a 429 it cannot place in a window it saw.
 * A 429 always blocks until its `retry-after`, or the predicted reset when that is sooner.
 */
export class Pacer {
	limit?: number;

	/** Requests left in the current window, for this process. */
	remaining?: number;

	/** Learned from a 429 of a spent window; unknown until then. */
	windowMs?: number;

	/** Total milliseconds spent waiting for the rate limit, for reports and the bench. */
	waitedMs = 0;

	private blockedUntil = 0;

	private inFlight = 0;

	private window?: Window;

	/** The window before, while a predicted reset is unconfirmed (its 429 would say it came early). */
	private previous?: Window;

	/** Whether `previous` saw other clients spend the key (its 429 may then be a later window's). */
	private previousShared = false;

	/** Set when a 429's wait ends, until the next answer. */
	private probing = false;

	/** Milliseconds the next request must wait; 0 when it may go now. */
	pendingWaitMs(now = Date.now()): number {
		if (this.blockedUntil > now) return this.blockedUntil - now;
		if (this.blockedUntil !== 0) {
			// The API's own retry-after has passed: a new window has begun (or will with this request).
			this.blockedUntil = 0;
			this.window = this.previous = undefined;
			this.remaining = undefined;
			this.probing = true;
		}
		// After a 429, one request finds out whether the new window has room before the rest follow:
		// another client on the key may have spent it already.
		if (this.probing && this.inFlight > 0) return PROBE_POLL_MS;
		if (this.remaining !== undefined && this.remaining - this.reservedForOthers() <= 0) {
			const resetAt = this.predictedResetAt();
			// Spent, with the reset unknown until a 429 tells it: one request finds out, as above.
			if (resetAt === undefined) return this.inFlight > 0 ? PROBE_POLL_MS : 0;
			if (resetAt > now) return resetAt - now;
			this.previousShared = this.othersIn(this.window) > 0;
			this.previous = this.window;
			this.window = undefined;
			this.remaining = this.limit;
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
		this.probing = false;
		const limit = Number(header(headers, 'x-ratelimit-limit'));
		const remaining = Number(header(headers, 'x-ratelimit-remaining'));
		if (Number.isFinite(limit) && limit > 0) this.limit = limit;
		if (status === 429) {
			this.onTooManyRequests(headers, sentAt, receivedAt);
			return;
		}
		if (!Number.isFinite(remaining) || header(headers, 'x-ratelimit-remaining') === undefined)
			return;
		const window = this.track(remaining, sentAt, receivedAt);
		this.remaining = window.lowest - this.inFlight;
	}

	/** Waits for the rate limit (see `waitFor`), and counts the time in `waitedMs`. */
	async wait(ms: number, signal?: AbortSignal): Promise<void> {
		const started = Date.now();
		await waitFor(ms, signal);
		this.waitedMs += Date.now() - started;
	}

	private onTooManyRequests(headers: Failure['headers'], sentAt: number, receivedAt: number): void {
		const ended = this.windowEndedBy(sentAt);
		const seconds = Number(header(headers, 'retry-after'));
		if (ended?.start.lo !== undefined && Number.isInteger(seconds) && seconds > 0) {
			this.learnWindow(seconds, ended.start as Required<Window['start']>, sentAt, receivedAt);
		}
		let until = receivedAt + retryAfterMs(headers, receivedAt);
		// `retry-after` is in whole seconds; with a known window the reset is known more precisely.
		const predicted = this.predictedResetAt(ended ?? this.window);
		if (predicted !== undefined && predicted > until - 1000 && predicted < until) until = predicted;
		this.blockedUntil = Math.max(this.blockedUntil, until);
		if (this.window) {
			this.window.lowest = 0;
			this.window.lowestAt = receivedAt;
		}
		this.remaining = 0;
	}

	/**
	 * The window a 429 (for a request sent at `sentAt`) is the end of, if that is certain:
	 * - the current one, if its budget was spent as far as this process can tell (any other 429,
	 *   from a proxy or a different limit, says nothing about the window's length);
	 * - right after a predicted reset, the window before (the prediction came early), unless other
	 *   clients spend the key: their new window may already be spent, and its 429 is not ours.
	 */
	private windowEndedBy(sentAt: number): Window | undefined {
		const window = this.window;
		if (!window) return this.previousShared ? undefined : this.previous;
		const over = this.windowMs !== undefined && sentAt >= window.start.hi + this.windowMs;
		const spent = window.lowest - this.inFlight - this.reservedForOthers() <= 0;
		return spent && !over ? window : undefined;
	}

	/**
	 * The 429 came `retry-after` whole seconds (rounded up) before the window's end, and the window
	 * began within `start`: its length lies in a range a little over a second wide. Windows are whole
	 * seconds (the API documents a minute): when the range holds exactly one, that is the length.
	 * When it holds two (a slow first answer), nothing is learned, and a later window tells.
	 */
	private learnWindow(
		seconds: number,
		start: Required<Window['start']>,
		sentAt: number,
		receivedAt: number,
	): void {
		const lo = sentAt - start.hi + (seconds - 1) * 1000;
		const hi = receivedAt - start.lo + seconds * 1000;
		const whole = Math.floor(hi / 1000);
		if (whole - Math.floor(lo / 1000) !== 1 || whole < 1) return;
		if (whole * 1000 <= MAX_LEARNED_WINDOW_MS) this.windowMs = whole * 1000;
	}

	/**
	 * Follows `X-RateLimit-Remaining` to tell when a window began. A higher value means a reset
	 * only for a request sent after the lowest value arrived: with requests side by side, an answer
	 * may overtake an earlier one. A request sent after the window's predicted end is in a new one.
	 */
	private track(remaining: number, sentAt: number, receivedAt: number): Window {
		const window = this.window;
		const reset =
			!window ||
			(remaining > window.lowest && sentAt >= window.lowestAt) ||
			(this.windowMs !== undefined && sentAt >= window.start.hi + this.windowMs);
		if (reset) {
			// Only the window's first request (remaining = limit - 1) dates its start from both sides.
			const start =
				remaining === (this.limit ?? 0) - 1 ? { lo: sentAt, hi: receivedAt } : { hi: receivedAt };
			this.window = { start, first: remaining, lowest: remaining, lowestAt: receivedAt, own: 0 };
			this.previous = undefined;
			return this.window;
		}
		window.own++;
		if (remaining < window.lowest) {
			window.lowest = remaining;
			window.lowestAt = receivedAt;
		}
		return window;
	}

	/**
	 * Requests other clients of the key spent in `window` since this process's first answer in it,
	 * at least: the fall of `X-RateLimit-Remaining` less this process's own answers and requests
	 * still out (which may have landed). 0 when this process is alone on the key.
	 */
	private othersIn(window: Window | undefined): number {
		if (!window) return 0;
		return Math.max(0, window.first - window.lowest - window.own - this.inFlight);
	}

	/**
	 * What the other clients will spend before this process's next request lands: they send in
	 * proportion to what they spent so far in the window, for each of this process's requests in
	 * flight and the next one. Kept back so that several processes on one key do not overshoot it.
	 */
	private reservedForOthers(): number {
		const window = this.window;
		if (!window || window.own === 0) return 0;
		return (this.othersIn(window) / window.own) * (this.inFlight + 1);
	}

	private predictedResetAt(window = this.window): number | undefined {
		if (this.windowMs === undefined || !window) return undefined;
		return window.start.hi + this.windowMs + RESET_MARGIN_MS;
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
