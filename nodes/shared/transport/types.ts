import type {
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

export type ApiContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** What a failed request was about, so its error can say which record or scope. */
export interface RequestSubject {
	/** e.g. `Get a customer`. */
	action?: string;
	scope?: string | null;
	/** e.g. `customer`. */
	noun?: string;
	id?: string;
	itemIndex?: number;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** A path under the API base (`/customers`), or an absolute URL on the API's origin. */
	path: string;
	qs?: Record<string, string | number | boolean>;
	/** A JSON body. */
	body?: object;
	/** A multipart body, built anew for every attempt because a sent body cannot be reused. */
	multipart?: () => FormData;
	/** Whether a 5xx or a dropped connection may be retried: true for GET, else as described. */
	idempotent?: boolean;
	subject?: RequestSubject;
}

export interface ApiResponse<T = unknown> {
	body: T;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
	/** The URL the request went to, without the `qs` parameters. */
	url?: string;
}

export interface RetryOptions {
	/**
	 * Retries after the first attempt for a 5xx, a dropped connection, a timeout or a broken
	 * answer, on idempotent requests only. Rate-limit waits (429) do not count: Max Wait bounds them.
	 */
	maxRetries: number;
	/** Most seconds one request may spend waiting (rate limit and backoff together). */
	maxWaitSeconds: number;
	/**
	 * Most seconds one attempt may take for the whole answer, headers and body: the Timeout option.
	 * Unset: 60 s, and 300 s for a file upload or download.
	 */
	timeoutSeconds?: number;
}
