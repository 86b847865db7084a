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

/** A page's URL as the server tells pages apart: without its fragment, the query sorted. */
function pageKey(url: URL, qs: ApiRequest['qs'] = {}): string {
	const key = new URL(url);
	key.hash = '';
	for (const [name, value] of Object.entries(qs)) key.searchParams.append(name, String(value));
	key.searchParams.sort();
	return key.toString();
}

/** Why the `n`th page read does not lead further, or undefined when its next link is fine. */
function stall(
	page: Page,
	n: number,
	next: string,
	seen: Set<string>,
	previous?: number,
): string | undefined {
	if (page.data.length === 0) return `page ${n} is empty but links to a next page`;
	const current = page.current_page;
	if (typeof current === 'number' && previous !== undefined && !(current > previous)) {
		return `page ${n} says it is page ${current}, after page ${previous}`;
	}
	if (seen.has(next)) return `page ${n} links to a page already read`;
	return undefined;
}

/**
 * Yields the pages of a list, following `next_page_url` (resolved against the page it came from;
 * `resolveUrl` in the request refuses a link off the API's origin before it is sent). Paging that
 * does not advance ends with an error rather than running, and filling memory, for as long as
 * the server likes: a link to a page already read, a `current_page` that does not increase, or
 * an empty page that still links to a next one.
 */
export async function* iteratePages(
	this: ApiContext,
	request: ApiRequest,
	retry: RetryOptions = DEFAULT_RETRY,
): AsyncGenerator<Page> {
	const itemIndex = request.subject?.itemIndex;
	const seen = new Set<string>();
	let next: ApiRequest | undefined = request;
	let previous: number | undefined;
	for (let n = 1; next; n++) {
		const response = await apiRequest.call(this, next, retry);
		const page = response.body as Page;
		if (!page || !Array.isArray(page.data)) {
			throw new NodeOperationError(this.getNode(), 'The API returned a list without a data array', {
				itemIndex,
			});
		}
		yield page;
		if (typeof page.next_page_url !== 'string' || page.next_page_url === '') return;
		const here = new URL(response.url ?? '');
		seen.add(pageKey(here, next.qs));
		let link: URL;
		try {
			link = new URL(page.next_page_url, here);
		} catch {
			throw new NodeOperationError(
				this.getNode(),
				'The API returned a link that is not a valid URL',
				{
					itemIndex,
				},
			);
		}
		const reason = stall(page, n, pageKey(link), seen, previous);
		if (reason) {
			throw new NodeOperationError(this.getNode(), `The pages did not advance: ${reason}`, {
				itemIndex,
				description:
					"The API's next_page_url leads nowhere new, so the list was stopped here instead of being read forever. Try again later; if it persists, tell MijnKlantportaal.",
			});
		}
		if (typeof page.current_page === 'number') previous = page.current_page;
		// The next URL already carries the page number and any query; only the subject carries over.
		next = { method: 'GET', path: link.toString(), subject: request.subject };
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
