import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { RequestSubject } from '../../shared';
import type { ListSpec, SubListSpec } from '../events';
import type { Budget } from './budget';
import type { Rec } from './records';
import { toRec } from './records';
import type { ListOrder } from './state';
import type { BudgetSpent } from './stop';
import { isStop } from './stop';

/** One page of a list as read at one moment. */
export interface Page {
	n: number;
	recs: Rec[];
	hasNext: boolean;
	/** Order in which pages were fetched in this poll; a page is stale once a later one exists. */
	seq: number;
}

/**
 * The order one page shows: its first and last timestamps compared (a single record created out
 * of order inside the page does not decide it), undefined when they are equal.
 */
export function pageOrder(recs: Rec[]): ListOrder | undefined {
	const first = recs[0];
	const final = recs[recs.length - 1];
	if (!first || !final || first.ts === final.ts) return undefined;
	return final.ts > first.ts ? 'oldestFirst' : 'newestFirst';
}

/** The order two consecutive pages show across their boundary, if it is strict. */
export function crossOrder(before: Page, after: Page): ListOrder | undefined {
	const last = before.recs[before.recs.length - 1];
	const first = after.recs[0];
	if (!last || !first || after.n !== before.n + 1 || last.ts === first.ts) return undefined;
	return first.ts > last.ts ? 'oldestFirst' : 'newestFirst';
}

/** Reads pages of one paginated list by number (`?page=N`), through the poll's budget. */
export class ListReader {
	private readonly cache = new Map<number, Page>();

	private seq = 0;

	constructor(
		readonly node: INode,
		private readonly budget: Budget,
		readonly path: string,
		private readonly list: Pick<ListSpec, 'tsField' | 'noun'>,
		private readonly subject: RequestSubject,
	) {}

	/** Fetches page `n` now, unless the budget is spent. */
	async page(n: number): Promise<Page | BudgetSpent> {
		const response = await this.budget.request<{ data?: unknown; next_page_url?: unknown }>({
			method: 'GET',
			path: this.path,
			qs: { page: n },
			subject: this.subject,
		});
		if (isStop(response)) return response;
		const body = response.body;
		const { tsField, noun } = this.list;
		if (!body || !Array.isArray(body.data)) {
			throw new NodeOperationError(
				this.node,
				`The API returned a ${noun} list without a data array`,
			);
		}
		const recs = (body.data as IDataObject[]).map((json) => toRec(this.node, json, tsField, noun));
		const page: Page = {
			n,
			recs,
			hasNext: typeof body.next_page_url === 'string' && body.next_page_url !== '',
			seq: ++this.seq,
		};
		this.cache.set(n, page);
		return page;
	}

	/** Page `n` as fetched last, if no other page was fetched after it; else fetches it again. */
	async fresh(n: number): Promise<Page | BudgetSpent> {
		const cached = this.cache.get(n);
		if (cached && cached.seq === this.seq) return cached;
		return await this.page(n);
	}
}

/** The reader of an event's list. */
export function listReader(node: INode, budget: Budget, list: ListSpec): ListReader {
	const subject = { action: list.action, scope: list.scope, noun: list.noun };
	return new ListReader(node, budget, list.path, list, subject);
}

/** The reader of one parent's sub-list (a 404 names the parent). */
export function subListReader(
	node: INode,
	budget: Budget,
	subList: SubListSpec,
	parentId: string,
): ListReader {
	const path = subList.path.replace(`{${subList.parentParam}}`, encodeURIComponent(parentId));
	const { action, scope, parentNoun } = subList;
	return new ListReader(node, budget, path, subList, {
		action,
		scope,
		noun: parentNoun,
		id: parentId,
	});
}
