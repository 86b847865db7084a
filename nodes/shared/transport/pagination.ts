import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { apiRequest, DEFAULT_RETRY } from './request';
import type { ApiContext, ApiRequest, RetryOptions } from './types';

/** Laravel's simple paginator: no total, just the link to the next page. */
export interface Page {
	data: IDataObject[];
	next_page_url?: string | null;
	current_page?: number;
}

/**
 * Yields the pages of a list, following `next_page_url` (a URL on the API's origin; anything
 * else is refused before a request is sent). `resolveUrl` in the request does that check.
 */
export async function* iteratePages(
	this: ApiContext,
	request: ApiRequest,
	retry: RetryOptions = DEFAULT_RETRY,
): AsyncGenerator<Page> {
	let next: ApiRequest | undefined = request;
	const seen = new Set<string>();
	while (next) {
		const response = (await apiRequest.call(this, next, retry)) as { body: Page };
		const page: Page = response.body;
		if (!Array.isArray(page.data)) {
			throw new NodeOperationError(this.getNode(), 'The API returned a list without a data array', {
				itemIndex: request.subject?.itemIndex,
			});
		}
		yield page;
		const url: string = typeof page.next_page_url === 'string' ? page.next_page_url : '';
		if (!url || seen.has(url)) return;
		seen.add(url);
		// The next URL already carries the page number and any query; only the subject carries over.
		next = { method: 'GET', path: url, subject: request.subject };
	}
}

/** Every record, or the first `limit`, fetching no page past the one that reaches the limit. */
export async function getRecords(
	this: ApiContext,
	request: ApiRequest,
	limit?: number,
	retry: RetryOptions = DEFAULT_RETRY,
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	if (limit !== undefined && limit <= 0) return records;
	for await (const page of iteratePages.call(this, request, retry)) {
		for (const record of page.data) {
			records.push(record);
			if (limit !== undefined && records.length >= limit) return records;
		}
	}
	return records;
}
