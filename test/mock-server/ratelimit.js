'use strict';
// Fixed-window limiter per credential (API.md §5.3: "60 requests per minute per API key or access
// token", refused "until the next minute"). A window starts at the key's first request and runs on
// the mock clock, so tests can reach the reset by advancing the clock.

const TOO_MANY = Object.freeze({ code: 429, message: 'Too many requests.' });

/**
 * @param {{ clock: { now(): number }, config: { rateLimit: { limit: number, windowSeconds: number } | null } }} deps
 */
function createRateLimiter({ clock, config }) {
	/** @type {Map<string, { start: number, count: number }>} */
	const windows = new Map();

	/**
	 * Counts one request for `key`.
	 * @returns {null | { limited: boolean, headers: Record<string, string> }} null when rate limiting is off
	 */
	function hit(key) {
		const rule = config.rateLimit;
		if (!rule) return null;
		const now = clock.now();
		const windowMs = rule.windowSeconds * 1000;
		let window = windows.get(key);
		if (!window || now >= window.start + windowMs) {
			window = { start: now, count: 0 };
			windows.set(key, window);
		}
		window.count++;
		const limited = window.count > rule.limit;
		const headers = {
			'X-RateLimit-Limit': String(rule.limit),
			'X-RateLimit-Remaining': String(Math.max(0, rule.limit - window.count)),
		};
		if (limited) Object.assign(headers, throttleHeaders(window.start + windowMs, now));
		return { limited, headers };
	}

	return { hit, reset: () => windows.clear() };
}

/** `retry-after` (whole seconds, at least 1) and `x-ratelimit-reset` (UNIX seconds). */
function throttleHeaders(resetAtMs, now) {
	return {
		'Retry-After': String(Math.max(1, Math.ceil((resetAtMs - now) / 1000))),
		'X-RateLimit-Reset': String(Math.ceil(resetAtMs / 1000)),
	};
}

module.exports = { createRateLimiter, throttleHeaders, TOO_MANY };
