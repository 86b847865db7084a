// The bench's alternative to the pacer's window learning (issue 14 item 6): honour only what the
// API says, `X-RateLimit-Remaining` on every answer and `retry-after` on a 429. Loaded with
// `npm run bench -- --pacer retry-after-only`: bench/register.js then replaces the methods of the
// real Pacer class with these (its `sent` and `isBlocked` stay), so pacerFor and the transport
// run unchanged around them.
import { Pacer, retryAfterMs } from '../../nodes/shared/transport/pacing';
import { header } from '../../nodes/shared/transport/send';
import type { Failure } from '../../nodes/shared/transport/send';

/** While a spent budget is being probed, the other requests ask again this often. */
const PROBE_POLL_MS = 20;

class RetryAfterOnly {
	limit?: number;
	remaining?: number;
	private blockedUntil = 0;
	private inFlight = 0;

	pendingWaitMs(now = Date.now()): number {
		if (this.blockedUntil > now) return this.blockedUntil - now;
		if (this.blockedUntil !== 0) {
			this.blockedUntil = 0;
			this.remaining = undefined;
		}
		// Spent, and the reset is unknown until a 429 says it: one request finds out, the others wait for it.
		if (this.remaining !== undefined && this.remaining <= 0 && this.inFlight > 0) return PROBE_POLL_MS;
		return 0;
	}

	observe(headers: Failure['headers'], status: number | undefined, _sentAt: number, receivedAt = Date.now()): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const limit = Number(header(headers, 'x-ratelimit-limit'));
		if (Number.isFinite(limit) && limit > 0) this.limit = limit;
		if (status === 429) {
			this.blockedUntil = Math.max(this.blockedUntil, receivedAt + retryAfterMs(headers, receivedAt));
			this.remaining = 0;
			return;
		}
		const remaining = Number(header(headers, 'x-ratelimit-remaining'));
		if (header(headers, 'x-ratelimit-remaining') === undefined || !Number.isFinite(remaining)) return;
		this.remaining = remaining - this.inFlight;
	}
}

export function install(): void {
	for (const name of ['pendingWaitMs', 'observe'] as const) {
		Object.defineProperty(Pacer.prototype, name, { value: RetryAfterOnly.prototype[name], writable: true, configurable: true });
	}
}
