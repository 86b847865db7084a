// The request loop's "decide what next" step, on its own: no HTTP, no clock, no randomness.
// The chaos suite shows the same rules through n8n-core against injected faults.
import type { Situation } from '../../nodes/shared/transport/decide';
import { backoffMs, decideNext, MAX_RATE_LIMITED_ATTEMPTS, NO_ATTEMPTS, whenToSend } from '../../nodes/shared/transport/decide';

const retry = { maxRetries: 3, maxWaitSeconds: 120 };

/** A GET that failed once with a 503, with plenty of Max Wait left. */
function situation(change: Partial<Situation> = {}): Situation {
	return {
		failure: { status: 503, headers: {} },
		tally: { ...NO_ATTEMPTS, attempts: 1 },
		retry,
		idempotent: true,
		resendsAfterRefresh: false,
		msLeft: 60_000,
		rateLimitWaitMs: 0,
		backoffMs: 200,
		...change,
	};
}

describe('decideNext', () => {
	it('retries a read after a 5xx, after the backoff, counting the failure', () => {
		expect(decideNext(situation())).toEqual({ action: 'resend', waitMs: 200, tally: { attempts: 1, failures: 1, rateLimited: 0, resentAfterRefresh: false } });
	});

	it('retries a read after a lost connection, a timeout or a broken answer', () => {
		for (const failure of [{ headers: {}, networkCode: 'ECONNRESET' }, { headers: {}, networkCode: 'ETIMEDOUT' }, { status: 200, headers: {}, malformed: true }]) {
			expect(decideNext(situation({ failure })).action).toBe('resend');
		}
	});

	it('stops after Max Retries', () => {
		const next = decideNext(situation({ tally: { attempts: 4, failures: 3, rateLimited: 0, resentAfterRefresh: false } }));
		expect(next).toEqual({ action: 'stop', rateLimited: false, outOfTime: false, notSent: false, tally: { attempts: 4, failures: 3, rateLimited: 0, resentAfterRefresh: false } });
	});

	it('stops when the backoff would overrun Max Wait, and says so', () => {
		const next = decideNext(situation({ msLeft: 100, backoffMs: 200 }));
		expect(next).toMatchObject({ action: 'stop', outOfTime: true, rateLimited: false });
	});

	it('never repeats a write the API may have processed: a 5xx, a timeout, a dropped connection', () => {
		for (const failure of [{ status: 500, headers: {} }, { headers: {}, networkCode: 'ETIMEDOUT' }, { headers: {}, networkCode: 'ECONNRESET' }]) {
			expect(decideNext(situation({ failure, idempotent: false }))).toMatchObject({ action: 'stop', outOfTime: false, notSent: false });
		}
	});

	it('repeats a write whose connection was refused: nothing reached the API', () => {
		const next = decideNext(situation({ failure: { headers: {}, networkCode: 'ECONNREFUSED' }, idempotent: false }));
		expect(next).toMatchObject({ action: 'resend', waitMs: 200 });
	});

	it('sends any request again after a 429 while the window reopens within Max Wait; the pacer does the waiting', () => {
		const next = decideNext(situation({ failure: { status: 429, headers: {} }, idempotent: false, rateLimitWaitMs: 30_000 }));
		expect(next).toEqual({ action: 'resend', waitMs: 0, tally: { attempts: 1, failures: 0, rateLimited: 1, resentAfterRefresh: false } });
	});

	it('stops on a 429 whose window reopens past Max Wait, or after too many 429s', () => {
		expect(decideNext(situation({ failure: { status: 429, headers: {} }, rateLimitWaitMs: 61_000 }))).toMatchObject({ action: 'stop', rateLimited: true });
		const many = { attempts: 49, failures: 0, rateLimited: MAX_RATE_LIMITED_ATTEMPTS - 1, resentAfterRefresh: false };
		expect(decideNext(situation({ failure: { status: 429, headers: {} }, tally: many }))).toMatchObject({ action: 'stop', rateLimited: true });
	});

	it('a broken answer with status 429 is a broken answer, not a rate limit', () => {
		expect(decideNext(situation({ failure: { status: 429, headers: {}, malformed: true } }))).toMatchObject({ action: 'resend', waitMs: 200 });
	});

	it('resends an OAuth2 upload refused with 401 once (after n8n refreshed the token), then stops', () => {
		const first = decideNext(situation({ failure: { status: 401, headers: {} }, idempotent: false, resendsAfterRefresh: true }));
		expect(first).toEqual({ action: 'resend', waitMs: 0, tally: { attempts: 1, failures: 0, rateLimited: 0, resentAfterRefresh: true } });
		const second = decideNext(situation({ failure: { status: 401, headers: {} }, idempotent: false, resendsAfterRefresh: true, tally: first.tally }));
		expect(second).toMatchObject({ action: 'stop', rateLimited: false });
	});

	it('stops on any other 4xx at once', () => {
		for (const status of [400, 401, 403, 404, 422]) expect(decideNext(situation({ failure: { status, headers: {} } })).action).toBe('stop');
	});
});

describe('whenToSend', () => {
	it('sends at once when the pacer does not ask to wait', () => expect(whenToSend(0, false, 1000)).toBe(0));
	it('waits when the wait fits in Max Wait', () => expect(whenToSend(800, true, 1000)).toBe(800));
	it('refuses when the API said the window reopens past Max Wait', () => expect(whenToSend(2000, true, 1000)).toBe('refuse'));
	it('sends anyway when only a prediction says so: the API answers', () => expect(whenToSend(2000, false, 1000)).toBe(0));
});

describe('backoffMs', () => {
	it('doubles per failure with equal jitter, up to 10 s', () => {
		expect([1, 2, 3].map((n) => [backoffMs(n, 0), backoffMs(n, 1)])).toEqual([[150, 300], [300, 600], [600, 1200]]);
		expect(backoffMs(10, 1)).toBe(10_000);
	});
});
