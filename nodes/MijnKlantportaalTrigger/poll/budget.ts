import type { IPollFunctions } from 'n8n-workflow';
import { apiRequest, DEFAULT_RETRY, getSession, pacerFor } from '../../shared';
import type { ApiRequest, ApiResponse, Pacer } from '../../shared';
import type { BudgetSpent } from './stop';
import { BUDGET_SPENT } from './stop';

/** The API's documented default: 60 requests per minute per key or token. */
export const DEFAULT_RATE_LIMIT = 60;
/** The fewest requests a poll gets, whatever the share: an idle oldest-first poll needs 2. */
export const MIN_REQUESTS_PER_POLL = 3;

/**
 * What one poll may spend (README-algorithm.md §7): a share of the API's rate limit and half the
 * time n8n gives a poll (`getPollBudgetMs`: 5 minutes by default, ~36 s under n8n's scheduler).
 *
 * Requests go through the transport (`apiRequest`) with a per-poll view of n8n's poll context
 * whose `httpRequestWithAuthentication` counts calls: every attempt the transport makes (first
 * tries, retries after a 5xx or a dropped connection, refused 429s) is one call, so this poll's
 * own attempts are counted exactly, and requests of other executions sharing the credential's
 * rate limit are not. The view is new each poll, so the transport's per-context session (which
 * caches the decrypted credential) is too: a changed API key is picked up at the next poll.
 */
export class Budget {
	private readonly deadline: number;

	private constructor(
		readonly context: IPollFunctions,
		private readonly counter: { attempts: number },
		private readonly pacer: Pacer,
		private readonly share: number,
		private readonly knownLimit: number,
		pollBudgetMs: number,
	) {
		// Half the time: a request started near the end (waiting out a 429 or a retry) cannot
		// overrun the engine's limit, and the poll still has time to hand its items over.
		this.deadline = Date.now() + pollBudgetMs / 2;
	}

	static async open(
		context: IPollFunctions,
		share: number,
		knownLimit: number,
		pollBudgetMs: number,
	): Promise<Budget> {
		const view = Object.create(context) as IPollFunctions;
		const helpers = context.helpers;
		const counter = { attempts: 0 };
		(view as { helpers: IPollFunctions['helpers'] }).helpers = {
			...helpers,
			async httpRequestWithAuthentication(
				this: ThisParameterType<IPollFunctions['helpers']['httpRequestWithAuthentication']>,
				...args: Parameters<IPollFunctions['helpers']['httpRequestWithAuthentication']>
			) {
				counter.attempts++;
				return await helpers.httpRequestWithAuthentication.apply(this, args);
			},
		};
		const session = await getSession.call(view);
		return new Budget(
			view,
			counter,
			pacerFor(view, session.pacingKey),
			share,
			knownLimit,
			pollBudgetMs,
		);
	}

	/** The rate limit per window, as the API reports it. */
	get limit(): number {
		return this.pacer.limit ?? this.knownLimit;
	}

	/** Requests this poll may send in all. */
	get max(): number {
		return Math.max(MIN_REQUESTS_PER_POLL, Math.floor(this.limit * this.share));
	}

	/** Attempts made so far in this poll. */
	get spent(): number {
		return this.counter.attempts;
	}

	/** Requests this poll may still send (0 once its time is up). */
	get left(): number {
		if (Date.now() >= this.deadline) return 0;
		return Math.max(0, this.max - this.counter.attempts);
	}

	/**
	 * Sends one request, if the budget allows it. Retries of a failed read are allowed only as far
	 * as the budget reaches, so the last request of a poll cannot overspend it by its retries.
	 */
	async request<T>(request: ApiRequest): Promise<ApiResponse<T> | BudgetSpent> {
		const left = this.left;
		if (left < 1) return BUDGET_SPENT;
		const secondsLeft = Math.max(1, Math.floor((this.deadline - Date.now()) / 1000));
		const response = await apiRequest.call(this.context, request, {
			maxRetries: Math.min(DEFAULT_RETRY.maxRetries, left - 1),
			maxWaitSeconds: Math.min(DEFAULT_RETRY.maxWaitSeconds, secondsLeft),
		});
		return response as ApiResponse<T>;
	}
}
