import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { asNodeError } from '../../shared';
import type { RequestSubject } from '../../shared';
import type { Budget } from './budget';

/** Control flow inside a poll (budget spent, order changed); never reaches n8n. */
export class Signal extends Error {}

/** Passes an error from below on: a Signal as it is, anything else as n8n's error (asNodeError). */
export function passOn(node: INode, error: unknown): never {
	if (error instanceof Signal) throw error;
	throw asNodeError(node, error);
}

/** A record of a list, with the id and the timestamp (whole seconds) it is ordered by. */
export interface Rec {
	id: string;
	ts: number;
	json: IDataObject;
}

/** One page of a list as read at one moment. */
export interface Page {
	n: number;
	recs: Rec[];
	hasNext: boolean;
	/** Order in which pages were fetched in this poll; a page is stale once a later one exists. */
	seq: number;
}

/** `a`: ascending timestamps (oldest first); `d`: descending (newest first). */
export type Order = 'a' | 'd';

/** Parses an API timestamp (ATOM `…+02:00` or ISO `…Z`) to whole seconds, or NaN. */
export function toSeconds(value: unknown): number {
	if (typeof value !== 'string' && typeof value !== 'number') return Number.NaN;
	const ms = typeof value === 'number' ? value : Date.parse(value);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : Number.NaN;
}

export function toRec(node: INode, json: IDataObject, tsField: string, noun: string): Rec {
	const id = json.id;
	const ts = toSeconds(json[tsField]);
	if ((typeof id !== 'string' && typeof id !== 'number') || id === '' || !Number.isFinite(ts)) {
		throw new NodeOperationError(
			node,
			`The API returned a ${noun} without an id or a valid ${tsField}`,
			{
				description:
					'The trigger orders records by this timestamp and cannot place this one. Nothing was emitted.',
			},
		);
	}
	return { id: String(id), ts, json };
}

/**
 * The order one page shows: its first and last timestamps compared (a single record created out
 * of order inside the page does not decide it), undefined when they are equal.
 */
export function pageOrder(recs: Rec[]): Order | undefined {
	const first = recs[0];
	const final = recs[recs.length - 1];
	if (!first || !final || first.ts === final.ts) return undefined;
	return final.ts > first.ts ? 'a' : 'd';
}

/** The order two consecutive pages show across their boundary, if it is strict. */
export function crossOrder(before: Page, after: Page): Order | undefined {
	const last = before.recs[before.recs.length - 1];
	const first = after.recs[0];
	if (!last || !first || after.n !== before.n + 1 || last.ts === first.ts) return undefined;
	return first.ts > last.ts ? 'a' : 'd';
}

/** Thrown when a page shows the other order than the walk in progress assumed. */
export class OrderMismatch extends Signal {
	constructor(readonly order: Order) {
		super(`The list is ordered ${order === 'a' ? 'oldest' : 'newest'} first`);
	}
}

/** Reads pages of one paginated list by number (`?page=N`), through the poll's budget. */
export class ListReader {
	private readonly cache = new Map<number, Page>();

	private seq = 0;

	constructor(
		readonly node: INode,
		private readonly budget: Budget,
		readonly path: string,
		private readonly tsField: string,
		private readonly noun: string,
		private readonly subject: RequestSubject,
	) {}

	/** Fetches page `n` now. */
	async page(n: number): Promise<Page> {
		const response = await this.budget.request<{ data?: unknown; next_page_url?: unknown }>({
			method: 'GET',
			path: this.path,
			qs: { page: n },
			subject: this.subject,
		});
		const body = response.body;
		if (!body || !Array.isArray(body.data)) {
			throw new NodeOperationError(
				this.node,
				`The API returned a ${this.noun} list without a data array`,
			);
		}
		const recs = (body.data as IDataObject[]).map((json) =>
			toRec(this.node, json, this.tsField, this.noun),
		);
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
	async fresh(n: number): Promise<Page> {
		const cached = this.cache.get(n);
		if (cached && cached.seq === this.seq) return cached;
		return await this.page(n);
	}
}

/**
 * Handled record ids by timestamp: the ids of records at or after a low mark that the trigger has
 * already emitted (or taken as already existing). Kept as `[[ts, id, id…], …]` in the state.
 */
export type KnownJson = Array<[number, ...string[]]>;

export class Known {
	private readonly byTs = new Map<number, Set<string>>();

	static from(json: KnownJson | undefined): Known {
		const known = new Known();
		for (const [ts, ...ids] of json ?? []) for (const id of ids) known.add(ts, id);
		return known;
	}

	has(ts: number, id: string): boolean {
		return this.byTs.get(ts)?.has(id) ?? false;
	}

	add(ts: number, id: string): void {
		let ids = this.byTs.get(ts);
		if (!ids) this.byTs.set(ts, (ids = new Set()));
		ids.add(id);
	}

	idsAt(ts: number): string[] {
		return [...(this.byTs.get(ts) ?? [])];
	}

	get size(): number {
		let n = 0;
		for (const ids of this.byTs.values()) n += ids.size;
		return n;
	}

	/** A copy holding the entries from `from` up to `to` (inclusive). */
	slice(from: number, to: number): Known {
		const copy = new Known();
		for (const [ts, ids] of this.byTs)
			if (ts >= from && ts <= to) for (const id of ids) copy.add(ts, id);
		return copy;
	}

	/**
	 * Drops entries before `low`, then the oldest timestamps while more than `max` ids remain
	 * (never the newest timestamp). Returns the low mark that the remaining entries cover.
	 */
	prune(low: number, max: number): number {
		for (const ts of [...this.byTs.keys()]) if (ts < low) this.byTs.delete(ts);
		const stamps = [...this.byTs.keys()].sort((a, b) => a - b);
		let size = this.size;
		let i = 0;
		while (size > max && i < stamps.length - 1) {
			size -= this.byTs.get(stamps[i])!.size;
			this.byTs.delete(stamps[i]);
			i++;
			low = stamps[i];
		}
		return low;
	}

	toJson(): KnownJson {
		return [...this.byTs.entries()]
			.sort(([a], [b]) => a - b)
			.filter(([, ids]) => ids.size > 0)
			.map(([ts, ids]) => [ts, ...[...ids].sort()] as [number, ...string[]]);
	}
}
