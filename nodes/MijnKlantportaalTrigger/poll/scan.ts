/**
 * New records on one paginated list whose order is not documented: README-algorithm.md §2 (how
 * each poll tells the order) and §3 (the walks, the overlap, the backlog gap, seeding, bounds and
 * limits). The state it keeps is `NewRecordsState` (state.ts).
 *
 * A walk is written for one order. A page that shows the other order ends it (`OrderChanged`);
 * `scan` then walks once more the other way, from the same state. A spent budget ends a walk
 * too: it keeps what it read, and the next poll goes on from there.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { Budget } from './budget';
import { KnownIds } from './knownIds';
import type { ListReader, Page } from './pages';
import { crossOrder, pageOrder } from './pages';
import type { Rec } from './records';
import type { Gap, ListOrder, NewRecordsState } from './state';
import type { BudgetSpent, OrderChanged, Stop } from './stop';
import { isStop } from './stop';

export const NONE = -1;

export interface ScanEnv {
	reader: ListReader;
	budget: Budget;
	/** Re-read the previous poll's new records (off for sub-lists, whose records are never deleted). */
	overlap: boolean;
	/** Most ids kept in `knownIds`. */
	maxKnown: number;
	/** Remembered order; only a hint. */
	order?: ListOrder;
}

export interface ScanResult {
	state: NewRecordsState;
	/** Records handled for the first time, oldest first. */
	found: Rec[];
	/** Whether the walk saw all it meant to; false when the budget stopped it. */
	done: boolean;
	/** The order this poll saw, if it could tell. */
	order?: ListOrder;
}

export interface Seeded {
	state: NewRecordsState;
	order?: ListOrder;
}

/** A state that treats every record as new: "emit existing records". */
export function emptyState(): NewRecordsState {
	return { newestTs: NONE, lowMark: NONE, knownIds: [], pageHint: 1 };
}

/** A test whether a record is behind the walk (emitted, or taken as existing) in `state`. */
export function handledCheck(state: NewRecordsState): (record: Pick<Rec, 'id' | 'ts'>) => boolean {
	const known = KnownIds.from(state.knownIds);
	const { gap } = state;
	const gapKnown = KnownIds.from(gap?.knownIds);
	const idsAtTop = new Set(gap?.idsAtTop ?? []);
	return (record) => {
		if (record.ts >= state.lowMark && known.has(record.ts, record.id)) return true;
		if (gap && record.ts >= gap.bottom && record.ts <= gap.top) {
			if (record.ts === gap.top && idsAtTop.has(record.id)) return true;
			return gapKnown.has(record.ts, record.id);
		}
		if (record.ts > state.newestTs) return false;
		if (record.ts >= state.lowMark) return known.has(record.ts, record.id);
		return true;
	};
}

const last = (page: Page): Rec | undefined => page.recs[page.recs.length - 1];

class Walk {
	/** `newestTs` when the poll started. */
	readonly start: number;

	/** The low mark this poll reads from. */
	readonly low: number;

	newestTs: number;

	known: KnownIds;

	/** The low mark for the next poll. */
	newLow: number;

	pageHint?: number;

	gap?: Gap;

	readonly found: Rec[] = [];

	private readonly foundIds = new Set<string>();

	done = false;

	detected?: ListOrder;

	private previous?: Page;

	private gapOpened = false;

	/** @param procedure the order the walk reads for. */
	constructor(
		private readonly env: ScanEnv,
		state: NewRecordsState,
		private readonly procedure: ListOrder,
	) {
		this.start = state.newestTs;
		this.low = state.lowMark;
		this.newestTs = state.newestTs;
		this.known = KnownIds.from(state.knownIds);
		this.newLow = state.lowMark;
		this.pageHint = state.pageHint;
		const { gap } = state;
		this.gap = gap && { ...gap, knownIds: [...gap.knownIds], idsAtTop: [...gap.idsAtTop] };
	}

	private get reader(): ListReader {
		return this.env.reader;
	}

	private get budget(): Budget {
		return this.env.budget;
	}

	/** Checks a page against the order this walk assumes. */
	private note(page: Page | BudgetSpent): Page | Stop {
		if (isStop(page)) return page;
		const order =
			pageOrder(page.recs) ?? (this.previous ? crossOrder(this.previous, page) : undefined);
		this.previous = page;
		if (order) {
			if (order !== this.procedure) return { stoppedBy: 'orderChanged', order };
			this.detected = order;
		}
		return page;
	}

	private async read(n: number): Promise<Page | Stop> {
		return this.note(await this.reader.page(n));
	}

	private async fresh(n: number): Promise<Page | Stop> {
		return this.note(await this.reader.fresh(n));
	}

	private emit(record: Rec): void {
		if (this.foundIds.has(record.id)) return;
		this.foundIds.add(record.id);
		this.found.push(record);
	}

	/** Takes a record of the top region (ts >= low) unless it is handled already. */
	private take(record: Rec): void {
		if (record.ts < this.low || this.known.has(record.ts, record.id)) return;
		this.known.add(record.ts, record.id);
		if (record.ts > this.newestTs) this.newestTs = record.ts;
		this.emit(record);
	}

	/** The first page at or after which `test` holds, searched from `hint` by galloping. */
	private async findFirst(
		hint: number,
		test: (page: Page) => boolean,
		shortcut?: (page: Page) => boolean,
	): Promise<number | Stop> {
		const probe = async (m: number): Promise<boolean | Stop> => {
			const page = await this.read(m);
			return isStop(page) ? page : test(page);
		};
		let n = Math.max(1, hint);
		const at = await this.read(n);
		if (isStop(at)) return at;
		let yes: number;
		let no: number;
		if (test(at)) {
			if (n === 1 || shortcut?.(at)) return n;
			yes = n;
			let step = 1;
			for (;;) {
				const m = Math.max(1, yes - step);
				const holds = await probe(m);
				if (isStop(holds)) return holds;
				if (!holds) {
					no = m;
					break;
				}
				yes = m;
				if (m === 1) return 1;
				step *= 2;
			}
		} else {
			no = n;
			let step = 1;
			for (;;) {
				n = no + step;
				const holds = await probe(n);
				if (isStop(holds)) return holds;
				if (holds) {
					yes = n;
					break;
				}
				no = n;
				step *= 2;
			}
		}
		while (yes - no > 1) {
			const mid = Math.floor((yes + no) / 2);
			const holds = await probe(mid);
			if (isStop(holds)) return holds;
			if (holds) yes = mid;
			else no = mid;
		}
		return yes;
	}

	private get overlapCap(): number {
		return Math.max(1, Math.ceil(this.budget.max / 2));
	}

	// ---- newest first -------------------------------------------------------------------

	async newestFirst(): Promise<OrderChanged | undefined> {
		if (this.gap) {
			const changed = await this.gapWalk();
			return changed ?? (await this.arrivals());
		}
		const before = this.known.slice(this.low, Number.MAX_SAFE_INTEGER);
		const handledBefore = (record: Rec) =>
			record.ts < this.start || (record.ts === this.start && before.has(record.ts, record.id));
		let n = 1;
		let lastRead = 0;
		let bottom: Rec | undefined;
		const idsAtBottom = new Set<string>();
		let overlapPages = 0;
		let stop: Stop | undefined;
		for (;;) {
			const page = await this.read(n);
			if (isStop(page)) {
				stop = page;
				break;
			}
			lastRead = n;
			let passed = false;
			for (const record of page.recs) {
				if (record.ts < this.low) {
					passed = true;
					break;
				}
				this.take(record);
				if (!bottom || record.ts < bottom.ts) {
					bottom = record;
					idsAtBottom.clear();
				}
				idsAtBottom.add(record.id);
			}
			if (passed || !page.hasNext) break;
			// A page that starts with a record handled before holds nothing newer: overlap only.
			const newest = page.recs[0];
			if (newest && handledBefore(newest) && ++overlapPages >= this.overlapCap) break;
			n++;
		}
		if (stop?.stoppedBy === 'orderChanged') return stop;
		if (!stop) this.done = true;
		// Stopped by the budget. Newest first, records at the start timestamp that were handled
		// before are reached only after every newer one: past such a record, only the overlap
		// went unread; before it, the unread rest becomes a gap.
		else if (bottom && !handledBefore(bottom))
			this.openGap(bottom.ts, idsAtBottom, before, lastRead + 1);
		this.finishTop();
		return undefined;
	}

	/** The budget ran out above the records handled before: the rest becomes a gap. */
	private openGap(top: number, readAtTop: Set<string>, before: KnownIds, page: number): void {
		const idsAtTop = new Set([...readAtTop, ...before.idsAt(top)]);
		this.gap = {
			bottom: this.low,
			top,
			idsAtTop: [...idsAtTop].sort(),
			knownIds: before.slice(this.low, top - 1).toJson(),
			page,
		};
		// The top region is now `top` and after, the gap `top` and before: they share that second,
		// in which records can still be created when it is the newest second. Such a record turns
		// up on page 1 (found by `arrivals`); an older one at `top` deeper down (by the gap walk).
		// Both walks record what they take at `top` in the top region's ids, and check them.
		this.newLow = top;
		this.gapOpened = true;
	}

	/** Reads a newest-first gap down from its top. */
	private async gapWalk(): Promise<OrderChanged | undefined> {
		const gap = this.gap!;
		const gapKnown = KnownIds.from(gap.knownIds);
		let top = gap.top;
		let idsAtTop = new Set(gap.idsAtTop);
		const inTop = (record: Rec) => record.ts >= this.low && this.known.has(record.ts, record.id);
		const beyond = (record: Rec) =>
			(record.ts < top || (record.ts === top && !idsAtTop.has(record.id))) && !inTop(record);
		let n = gap.page;
		let stop: Stop | undefined;
		const found = await this.findFirst(
			gap.page,
			(page) => page.recs.length === 0 || beyond(last(page)!),
			(page) => page.recs.length > 0 && !beyond(page.recs[0]),
		);
		if (isStop(found)) stop = found;
		else n = found;
		while (!stop) {
			const page = await this.fresh(n);
			if (isStop(page)) {
				stop = page;
				break;
			}
			let closed = false;
			for (const record of page.recs) {
				if (!beyond(record)) continue;
				if (record.ts < gap.bottom) {
					closed = true;
					break;
				}
				if (!gapKnown.has(record.ts, record.id)) {
					gapKnown.add(record.ts, record.id);
					if (record.ts >= this.low) this.known.add(record.ts, record.id);
					this.emit(record);
				}
				if (record.ts < top) {
					top = record.ts;
					idsAtTop = new Set([record.id]);
				} else {
					idsAtTop.add(record.id);
				}
			}
			if (closed || !page.hasNext) {
				this.gap = undefined;
				return undefined;
			}
			n++;
		}
		if (stop.stoppedBy === 'orderChanged') return stop;
		this.gap = {
			bottom: gap.bottom,
			top,
			idsAtTop: [...idsAtTop].sort(),
			knownIds: gapKnown.slice(gap.bottom, top).toJson(),
			page: n,
		};
		return undefined;
	}

	/**
	 * While a gap is open: records newer than everything handled, read from page 1 and kept only
	 * if the walk reaches handled records (else they wait for a later poll; one gap at a time).
	 */
	private async arrivals(): Promise<OrderChanged | undefined> {
		const taken: Rec[] = [];
		for (let n = 1; ; n++) {
			const page = await this.read(n);
			if (isStop(page)) {
				if (page.stoppedBy === 'orderChanged') return page;
				this.finishTop();
				return undefined;
			}
			let done = !page.hasNext;
			for (const record of page.recs) {
				const isNew =
					record.ts > this.newestTs ||
					(record.ts === this.newestTs &&
						record.ts >= this.low &&
						!this.known.has(record.ts, record.id));
				if (!isNew) {
					done = true;
					break;
				}
				taken.push(record);
			}
			if (done) break;
		}
		for (const record of taken) this.take(record);
		this.done = this.gap === undefined;
		this.finishTop();
		return undefined;
	}

	// ---- oldest first -------------------------------------------------------------------

	async oldestFirst(): Promise<OrderChanged | undefined> {
		const stop = await this.readOldestFirst();
		if (stop?.stoppedBy === 'orderChanged') return stop;
		if (!stop) this.done = true;
		this.finishTop();
		return undefined;
	}

	private async readOldestFirst(): Promise<Stop | undefined> {
		let n = this.pageHint ?? 1;
		let page = await this.read(n);
		if (isStop(page)) return page;
		if (page.recs.length === 0 && n > 1) {
			// The list shrank: find its new end.
			const empty = await this.findFirst(n, (p) => p.recs.length === 0);
			if (isStop(empty)) return empty;
			n = Math.max(1, empty - 1);
			page = await this.fresh(n);
		} else if (page.hasNext && page.recs.length > 0 && last(page)!.ts < this.low) {
			// The remembered end lies far behind (state from before a restart): skip ahead.
			const ahead = await this.findFirst(
				n,
				(p) => p.recs.length === 0 || !p.hasNext || last(p)!.ts >= this.low,
			);
			if (isStop(ahead)) return ahead;
			n = ahead;
			page = await this.fresh(n);
			if (!isStop(page) && page.recs.length === 0 && n > 1) page = await this.fresh(--n);
		}
		if (isStop(page)) return page;
		let forward = n;
		this.pageHint = n;
		this.takeAll(page);
		// Backwards over the overlap: the records from `low` on that precede page n.
		let first = page.recs[0];
		let back = n;
		let backPages = 0;
		// Keep one request for reading on, so a poll always moves forward.
		const backCap = Math.min(this.overlapCap, this.budget.left - (page.hasNext ? 1 : 0));
		while (back > 1 && first && first.ts >= this.low && backPages < backCap) {
			const before = await this.read(--back);
			if (isStop(before)) return before;
			backPages++;
			this.takeAll(before);
			first = before.recs[0];
		}
		// Forwards to the end.
		let current = page;
		this.previous = page;
		while (current.hasNext) {
			const next = await this.read(forward + 1);
			if (isStop(next)) return next;
			if (next.recs.length === 0) break;
			forward++;
			this.pageHint = forward;
			this.takeAll(next);
			current = next;
		}
		return undefined;
	}

	private takeAll(page: Page): void {
		for (const record of page.recs) this.take(record);
	}

	// ---- both -------------------------------------------------------------------------

	/**
	 * The next poll's low mark: with overlap, this poll's starting point (so the next poll reads
	 * this poll's new records again); without, the newest handled timestamp. A gap opened now
	 * owns everything up to its top; while a gap is open, the top region keeps its low mark.
	 */
	private finishTop(): void {
		let low: number;
		if (this.gapOpened) low = this.newLow;
		else if (this.gap) low = this.low;
		else low = Math.max(this.low, this.env.overlap ? this.start : this.newestTs);
		this.newLow = this.known.prune(low, this.env.maxKnown);
	}

	state(): NewRecordsState {
		const state: NewRecordsState = {
			newestTs: this.newestTs,
			lowMark: this.newLow,
			knownIds: this.known.toJson(),
		};
		if (this.pageHint !== undefined) state.pageHint = this.pageHint;
		if (this.gap) state.gap = this.gap;
		return state;
	}
}

/** One poll's walk over the list for new records. */
export async function scan(env: ScanEnv, state: NewRecordsState): Promise<ScanResult> {
	// Unknown order: the newest-first walk starts at page 1, which shows the order if it can.
	let procedure: ListOrder = env.order ?? 'newestFirst';
	for (let attempt = 0; ; attempt++) {
		const walk = new Walk(env, state, procedure);
		const changed =
			procedure === 'oldestFirst' ? await walk.oldestFirst() : await walk.newestFirst();
		if (changed) {
			if (attempt > 0) {
				throw new NodeOperationError(
					env.reader.node,
					`The ${env.reader.path} list changed its order during the poll`,
					{
						description:
							'Its pages showed both orders. Nothing was emitted; the next poll tries again.',
					},
				);
			}
			procedure = changed.order;
			// A gap belongs to newest-first reading; if the order changed, it cannot be resumed.
			if (procedure === 'oldestFirst' && state.gap)
				state = { ...state, gap: undefined, lowMark: Math.max(state.lowMark, state.newestTs) };
			continue;
		}
		const found = walk.found.slice();
		// Newest first, ties of a second were read newest first: restore creation order.
		if (procedure === 'newestFirst') found.reverse();
		found.sort((a, b) => a.ts - b.ts);
		return {
			state: walk.state(),
			found,
			done: walk.done,
			order: walk.detected ?? env.order,
		};
	}
}

/**
 * First activation: remember where the list ends, without emitting (README-algorithm.md §3,
 * "Seeding"). Stops by the budget only if it could not read as far as the order shows (then
 * nothing was learned); oldest first, a search for the end that the budget cuts short resumes
 * next poll (`seekingEnd`).
 */
export async function seed(env: ScanEnv, resume?: NewRecordsState): Promise<Seeded | BudgetSpent> {
	const reader = env.reader;
	if (resume?.seekingEnd) {
		const from = await reader.page(resume.pageHint ?? 1);
		if (isStop(from)) return from;
		// The list shrank below the page reached: search again from the start.
		const start = from.recs.length === 0 && from.n > 1 ? await reader.page(1) : from;
		if (isStop(start)) return start;
		return await seedEnd(reader, start);
	}
	const firstPage = await reader.page(1);
	if (isStop(firstPage)) return firstPage;
	let page = firstPage;
	let order = pageOrder(page.recs);
	const pages: Page[] = [page];
	// All one timestamp so far: read on until the order shows or the list ends.
	while (!order && page.hasNext) {
		const next = await reader.page(page.n + 1);
		if (isStop(next)) return next;
		order = pageOrder(next.recs) ?? crossOrder(page, next);
		pages.push(next);
		page = next;
	}
	if (order === 'oldestFirst') return await seedEnd(reader, page);
	let newestTs = NONE;
	for (const p of pages) for (const record of p.recs) newestTs = Math.max(newestTs, record.ts);
	const known = new KnownIds();
	const takeNewest = (p: Page) => {
		for (const record of p.recs) if (record.ts === newestTs) known.add(record.ts, record.id);
	};
	pages.forEach(takeNewest);
	// Records sharing the newest second may run on over the page boundary.
	while (page.hasNext && last(page)?.ts === newestTs) {
		const next = await reader.page(page.n + 1);
		if (isStop(next)) return next;
		page = next;
		takeNewest(page);
	}
	return { state: { newestTs, lowMark: newestTs, knownIds: known.toJson() }, order };
}

/** Oldest first: the end of the list, as far as the budget reaches. */
async function seedEnd(reader: ListReader, from: Page): Promise<Seeded> {
	let furthest = from.n;
	const seeking = (): Seeded => ({
		state: { newestTs: NONE, lowMark: NONE, knownIds: [], pageHint: furthest, seekingEnd: true },
		order: 'oldestFirst',
	});
	const end = await findEnd(reader, from, (n) => {
		furthest = Math.max(furthest, n);
	});
	if (isStop(end)) return seeking();
	const known = new KnownIds();
	const newestTs = end.recs.length ? last(end)!.ts : NONE;
	const takeNewest = (p: Page) => {
		for (const record of p.recs) if (record.ts === newestTs) known.add(record.ts, record.id);
	};
	takeNewest(end);
	let before = end;
	while (before.n > 1 && before.recs[0]?.ts === newestTs) {
		const previous = await reader.page(before.n - 1);
		if (isStop(previous)) return seeking();
		before = previous;
		takeNewest(before);
	}
	return {
		state: { newestTs, lowMark: newestTs, knownIds: known.toJson(), pageHint: end.n },
		order: 'oldestFirst',
	};
}

/**
 * The last page of a list, found from a page read before it: doubling steps until a page is
 * the end (empty, or without a next page), then bisection. About 2·log2(pages) requests.
 * `progress` hears of every page found not to be the end.
 */
export async function findEnd(
	reader: ListReader,
	from: Page,
	progress?: (page: number) => void,
): Promise<Page | BudgetSpent> {
	const isEnd = (p: Page) => p.recs.length === 0 || !p.hasNext;
	let no = from.n;
	let probe = from;
	let step = 1;
	while (!isEnd(probe)) {
		no = probe.n;
		progress?.(no);
		const next = await reader.page(no + step);
		if (isStop(next)) return next;
		probe = next;
		step *= 2;
	}
	let yes = probe.n;
	if (yes === from.n) no = yes - 1;
	while (yes - no > 1) {
		const mid = Math.floor((yes + no) / 2);
		const page = await reader.page(mid);
		if (isStop(page)) return page;
		if (isEnd(page)) yes = mid;
		else {
			no = mid;
			progress?.(no);
		}
	}
	const end = await reader.fresh(yes);
	if (isStop(end) || end.recs.length > 0 || end.n === 1) return end;
	return await reader.fresh(end.n - 1);
}
