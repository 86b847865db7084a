import { Pacer, retryAfterMs } from '../../nodes/shared/transport/pacing';

/**
 * The pacer on a clock the test drives: every call gets explicit times, so the window arithmetic
 * is checked exactly. A fixed window of 2 s and 5 requests, starting at the first request (as the
 * API and the mock do).
 */
const T = 1_700_000_000_000;
const headers = (remaining: number, extra: Record<string, string> = {}, limit = 5) => ({
	'x-ratelimit-limit': String(limit),
	'x-ratelimit-remaining': String(remaining),
	...extra,
});

/** Sends one request that takes 2 ms and answers with `remaining` (of `limit`). Returns the receive time. */
function exchange(pacer: Pacer, at: number, remaining: number, limit = 5) {
	expect(pacer.pendingWaitMs(at)).toBe(0);
	pacer.sent();
	pacer.observe(headers(remaining, {}, limit), 200, at, at + 2);
	return at + 2;
}

describe('Pacer', () => {
	it('learns the window from the first 429 and then waits for each reset without another 429', () => {
		const pacer = new Pacer();
		let t = T;
		for (const remaining of [4, 3, 2, 1, 0]) t = exchange(pacer, t, remaining);
		expect(pacer.remaining).toBe(0);
		expect(pacer.windowMs).toBeUndefined();
		// The length is not known yet: the request goes, and the API's 429 says 2 s (rounded up) remain.
		expect(pacer.pendingWaitMs(t)).toBe(0);
		pacer.sent();
		pacer.observe(headers(0, { 'retry-after': '2', 'x-ratelimit-reset': String(Math.ceil((T + 2000) / 1000)) }), 429, t, t + 2);
		expect(pacer.windowMs).toBe(2000);
		// Blocked until the window (begun with the first request, answered at T + 2) ends.
		expect(pacer.isBlocked(t + 2)).toBe(true);
		expect(pacer.pendingWaitMs(t + 2)).toBe(T + 2 + 2000 + 10 - (t + 2));

		// Second window: starts with the first request after the block.
		t = T + 2012;
		expect(pacer.pendingWaitMs(t)).toBe(0);
		for (const remaining of [4, 3, 2, 1, 0]) t = exchange(pacer, t, remaining);
		// Spent: wait for the predicted reset (2 s after the window's first answer), do not send.
		const firstAnswer = T + 2012 + 2;
		expect(pacer.pendingWaitMs(t)).toBe(firstAnswer + 2000 + 10 - t);
		expect(pacer.isBlocked(t)).toBe(false);
		// At the reset the budget is whole again.
		expect(pacer.pendingWaitMs(firstAnswer + 2010)).toBe(0);
		expect(pacer.remaining).toBe(5);
		exchange(pacer, firstAnswer + 2010, 4);
		expect(pacer.remaining).toBe(4);
	});

	it('does not learn a window from a 429 that came while budget was left (another client or a proxy)', () => {
		const pacer = new Pacer();
		let t = T;
		for (const remaining of [4, 3]) t = exchange(pacer, t, remaining);
		pacer.sent();
		pacer.observe(headers(0, { 'retry-after': '1' }), 429, t, t + 2);
		expect(pacer.windowMs).toBeUndefined();
		expect(pacer.pendingWaitMs(t + 2)).toBe(1000);
		// After retry-after the next request goes without a prediction.
		expect(pacer.pendingWaitMs(t + 1002)).toBe(0);
		expect(pacer.remaining).toBeUndefined();
	});

	it('corrects a window it guessed too short: the early request gets a 429 and the window is learned again', () => {
		const pacer = new Pacer();
		pacer.windowMs = 1000;
		let t = T;
		for (const remaining of [4, 3, 2, 1, 0]) t = exchange(pacer, t, remaining);
		const predicted = T + 2 + 1000 + 10;
		expect(pacer.pendingWaitMs(t)).toBe(predicted - t);
		// The real window is 3 s: at the predicted reset the API still refuses, 2 s before its end.
		expect(pacer.pendingWaitMs(predicted)).toBe(0);
		pacer.sent();
		pacer.observe(headers(0, { 'retry-after': '2' }), 429, predicted, predicted + 2);
		expect(pacer.windowMs).toBe(3000);
	});

	it('learns nothing when a slow first answer leaves two window lengths possible, and learns from the next window', () => {
		const pacer = new Pacer();
		// The window's first request took 900 ms to answer: the window began somewhere in T … T + 900.
		pacer.sent();
		pacer.observe(headers(4), 200, T, T + 900);
		let t = T + 1000;
		for (const remaining of [3, 2, 1, 0]) t = exchange(pacer, t, remaining);
		pacer.sent();
		pacer.observe(headers(0, { 'retry-after': '2' }), 429, T + 1400, T + 1402);
		// 1.5 s to 3.4 s: 2 s and 3 s both fit.
		expect(pacer.windowMs).toBeUndefined();
		expect(pacer.pendingWaitMs(T + 1402)).toBe(2000);
		t = T + 3402;
		for (const remaining of [4, 3, 2, 1, 0]) t = exchange(pacer, t, remaining);
		pacer.sent();
		pacer.observe(headers(0, { 'retry-after': '2' }), 429, t, t + 2);
		expect(pacer.windowMs).toBe(2000);
	});

	it('counts requests in flight against the budget', () => {
		const pacer = new Pacer();
		exchange(pacer, T, 2);
		pacer.sent();
		pacer.sent();
		expect(pacer.remaining).toBe(0);
		// The first of the two answers: one is still in flight.
		pacer.observe(headers(1), 200, T + 3, T + 5);
		expect(pacer.remaining).toBe(0);
		pacer.observe(headers(0), 200, T + 3, T + 6);
		expect(pacer.remaining).toBe(0);
	});

	it('ignores answers without rate-limit headers (rate limit off, or a proxy error)', () => {
		const pacer = new Pacer();
		pacer.sent();
		pacer.observe({}, 200, T, T + 1);
		pacer.sent();
		pacer.observe({}, 502, T + 1, T + 2);
		expect(pacer.remaining).toBeUndefined();
		expect(pacer.pendingWaitMs(T + 2)).toBe(0);
	});

	it('does not take an answer that an earlier-sent one overtook for a reset', () => {
		const pacer = new Pacer();
		pacer.windowMs = 2000;
		exchange(pacer, T, 4);
		pacer.sent();
		pacer.sent();
		// Two requests side by side: the later one's answer (2 left) arrives before the earlier one's (3 left).
		pacer.observe(headers(2), 200, T + 4, T + 8);
		pacer.observe(headers(3), 200, T + 3, T + 9);
		expect(pacer.remaining).toBe(2);
		let t = exchange(pacer, T + 10, 1);
		t = exchange(pacer, t, 0);
		// Still the window that began with the first answer (T + 2), not one "begun" at T + 9.
		expect(pacer.pendingWaitMs(t)).toBe(T + 2 + 2000 + 10 - t);
	});

	describe('with another client spending the same key (another n8n worker)', () => {
		/** A window of 10 where every answer of ours shows the other client's request too. */
		const send = (pacer: Pacer, at: number, remaining: number) => exchange(pacer, at, remaining, 10);

		it('keeps back what the other client will send, and waits for the reset instead of taking the last request', () => {
			const pacer = new Pacer();
			pacer.windowMs = 2000;
			let t = T;
			for (const remaining of [9, 7, 5, 3]) t = send(pacer, t, remaining);
			// 3 left: the other client takes one for each of ours, so one more of ours fits.
			expect(pacer.pendingWaitMs(t)).toBe(0);
			t = send(pacer, t, 1);
			// 1 left, and the other client will take it: wait for the reset (2 s after the first answer).
			expect(pacer.remaining).toBe(1);
			expect(pacer.pendingWaitMs(t)).toBe(T + 2 + 2000 + 10 - t);
			expect(pacer.isBlocked(t)).toBe(false);
		});

		it('learns nothing from a 429 right after a predicted reset: the other client may have spent the new window already', () => {
			const pacer = new Pacer();
			pacer.windowMs = 2000;
			let t = T;
			for (const remaining of [9, 7, 5, 2, 0]) t = send(pacer, t, remaining);
			const reset = T + 2 + 2000 + 10;
			expect(pacer.pendingWaitMs(t)).toBe(reset - t);
			expect(pacer.pendingWaitMs(reset)).toBe(0);
			pacer.sent();
			pacer.observe(headers(0, { 'retry-after': '2' }, 10), 429, reset, reset + 2);
			// Read against the window before, this 429 would "show" a 4 s window.
			expect(pacer.windowMs).toBe(2000);
			expect(pacer.pendingWaitMs(reset + 2)).toBe(2000);
		});
	});

	it('reads retry-after, else x-ratelimit-reset, else waits one second', () => {
		expect(retryAfterMs({ 'retry-after': '3' }, T)).toBe(3000);
		expect(retryAfterMs({ 'Retry-After': '0' }, T)).toBe(250);
		expect(retryAfterMs({ 'x-ratelimit-reset': String((T + 4000) / 1000) }, T)).toBe(4000);
		expect(retryAfterMs({}, T)).toBe(1000);
	});
});
