/**
 * New-record detection on one paginated list whose order is not documented.
 * (README-algorithm.md beside the node has the whole design; this is the part for one list.)
 *
 * Assumption (the only ordering the API offers): records are created with non-decreasing
 * timestamps (`createdAt`; `issuedAt` for MKP invoices and issued punch cards), whole seconds,
 * and a list is in creation order (oldest first) or its reverse (newest first). Each poll tells
 * which from the timestamps it reads (a page whose ends differ, or two consecutive pages);
 * the remembered order is a hint only: a page that shows the other order restarts the poll's
 * walk with the other procedure. With fewer than two distinct timestamps either walk is right.
 *
 * State (`ScanState`, timestamps in whole seconds):
 * - `t`: the newest handled timestamp (-1: none yet);
 * - `low` + `k`: every record with ts >= `low` that was handled (emitted, or taken as existing
 *   at activation) is listed in `k`; records older than `low` are never emitted. After a poll,
 *   `low` becomes the `t` the poll started from (the overlap): the next poll reads this poll's
 *   new records again and emits any one that a page shift hid from this poll.
 * - `p` (oldest first): the page where the list ended last time;
 * - `g` (newest first): a backlog gap, when a poll ran out of budget before reaching what it had
 *   handled already (records in [g.lo, g.hi], minus `g.k` and `g.hiIds`, are still to read);
 * - `z`: seeding an oldest-first list is still looking for its end, on from page `p`.
 *
 * Newest first, one poll: page 1 on, taking every record >= `low` not in `k`, until a record
 * older than `low`, the end, or (in the overlap part) half the budget. Inserts during the walk
 * push records to later pages (read twice, deduplicated); a delete pulls one to an earlier page
 * (missed now, read by the next poll's overlap). If the budget ends before the walk reaches the
 * records handled before, the unread rest becomes the gap `g`; following polls read the gap
 * from its page (found again by galloping, since inserts push it down) and, once the gap is read,
 * the new records on page 1 ("arrivals", kept only if the walk reaches handled records). The gap
 * and the top region share the second `g.hi` (records may still be created in it); each records
 * what it takes there in `k`, and each checks `k`.
 *
 * Oldest first, one poll: page `p` (galloping to the new end if the list shrank, or to `low` if
 * the hint is far behind), then backwards while a page starts at or after `low` (reading
 * backwards, shifts move records only towards pages still to read) — at most half the budget,
 * keeping one request for the next step — then forwards to the end. Inserts land at the end; a
 * delete can make a record slip back behind the forward walk; the next poll's backward part
 * reads it. A budget stop keeps `t` and `p`: the next poll goes on from there.
 *
 * Bounds: `k` keeps at most `maxKnown` ids (500) plus the ids of the newest second; past that
 * `low` rises, shrinking the overlap. A gap keeps at most as many. Cost: an idle poll reads 1 page
 * newest first, at most 2 oldest first (more only while over a page of records share the newest
 * second). Seeding: 1 page newest first; oldest first about 2·log2(pages) (10,000 records: ~19),
 * spread over polls when the budget is smaller.
 *
 * Limits, by design: a record is missed only if page shifts (deletes during a poll) hide it from
 * two consecutive polls, or from the one read of a newest-first backlog gap, or if the budget
 * cuts an overlap short; a record is emitted twice never (every take is checked against `k`).
 */
import { NodeOperationError } from 'n8n-workflow';
import type { Budget } from './budget';
import { BudgetSpent } from './budget';
import type { KnownJson, ListReader, Order, Page, Rec } from './pages';
import { crossOrder, Known, OrderMismatch, pageOrder, passOn } from './pages';

export const NONE = -1;

export interface GapJson {
	/** Lowest timestamp of the gap (the low mark when the gap opened). */
	lo: number;
	/** Records in [lo, hi] handled before the gap opened. */
	k: KnownJson;
	/** The gap is read down from here: records at `hi` in `hiIds` are handled. */
	hi: number;
	hiIds: string[];
	/** Page where reading resumes (a hint: pages shift as records come and go). */
	page: number;
}

export interface ScanState {
	t: number;
	low: number;
	k: KnownJson;
	p?: number;
	g?: GapJson;
	/**
	 * Seeding an oldest-first list is not finished: its end is still sought, on from page `p`
	 * (a list too long for one poll's budget). Nothing is emitted meanwhile.
	 */
	z?: 1;
}

export interface ScanEnv {
	reader: ListReader;
	budget: Budget;
	/** Re-read the previous poll's new records (off for sub-lists, whose records are never deleted). */
	overlap: boolean;
	/** Most ids kept in `k`. */
	maxKnown: number;
	/** Remembered order; only a hint. */
	order?: Order;
}

export interface ScanResult {
	state: ScanState;
	/** Records handled for the first time, oldest first. */
	found: Rec[];
	/** False when the budget stopped the walk before it saw all it meant to. */
	complete: boolean;
	/** The order this poll saw, if it could tell. */
	order?: Order;
}

/** A state that treats every record as new: "emit existing records". */
export function emptyState(): ScanState {
	return { t: NONE, low: NONE, k: [], p: 1 };
}

/** A test whether a record is behind the scanner (emitted, or taken as existing) in `state`. */
export function handledCheck(state: ScanState): (record: Pick<Rec, 'id' | 'ts'>) => boolean {
	const known = Known.from(state.k);
	const { g } = state;
	const gapKnown = Known.from(g?.k);
	const hiIds = new Set(g?.hiIds ?? []);
	return (record) => {
		if (record.ts >= state.low && known.has(record.ts, record.id)) return true;
		if (g && record.ts >= g.lo && record.ts <= g.hi) {
			if (record.ts === g.hi && hiIds.has(record.id)) return true;
			return gapKnown.has(record.ts, record.id);
		}
		if (record.ts > state.t) return false;
		if (record.ts >= state.low) return known.has(record.ts, record.id);
		return true;
	};
}

const last = (page: Page): Rec | undefined => page.recs[page.recs.length - 1];

class Walk {
	readonly start: number;

	readonly low: number;

	t: number;

	known: Known;

	newLow: number;

	p?: number;

	g?: GapJson;

	readonly found: Rec[] = [];

	private readonly foundIds = new Set<string>();

	complete = false;

	detected?: Order;

	private previous?: Page;

	private gapOpened = false;

	/**
	 * @param procedure the order the walk reads for; a page showing the other order throws
	 * OrderMismatch, and the poll starts over with the other walk.
	 */
	constructor(
		private readonly env: ScanEnv,
		state: ScanState,
		private readonly procedure: Order,
	) {
		this.start = state.t;
		this.low = state.low;
		this.t = state.t;
		this.known = Known.from(state.k);
		this.newLow = state.low;
		this.p = state.p;
		this.g = state.g ? { ...state.g, k: [...state.g.k], hiIds: [...state.g.hiIds] } : undefined;
	}

	private get reader(): ListReader {
		return this.env.reader;
	}

	private get budget(): Budget {
		return this.env.budget;
	}

	/** Checks a page against the order this walk assumes. */
	private note(page: Page): Page {
		const order =
			pageOrder(page.recs) ?? (this.previous ? crossOrder(this.previous, page) : undefined);
		this.previous = page;
		if (order) {
			if (order !== this.procedure) throw new OrderMismatch(order);
			this.detected = order;
		}
		return page;
	}

	private async read(n: number): Promise<Page> {
		return this.note(await this.reader.page(n));
	}

	private async fresh(n: number): Promise<Page> {
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
		if (record.ts > this.t) this.t = record.ts;
		this.emit(record);
	}

	/** The first page at or after which `test` holds, searched from `hint` by galloping. */
	private async findFirst(
		hint: number,
		test: (page: Page) => boolean,
		shortcut?: (page: Page) => boolean,
	): Promise<number> {
		let n = Math.max(1, hint);
		const at = await this.read(n);
		let yes: number;
		let no: number;
		if (test(at)) {
			if (n === 1 || shortcut?.(at)) return n;
			yes = n;
			let step = 1;
			for (;;) {
				const m = Math.max(1, yes - step);
				if (!test(await this.read(m))) {
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
				if (test(await this.read(n))) {
					yes = n;
					break;
				}
				no = n;
				step *= 2;
			}
		}
		while (yes - no > 1) {
			const mid = Math.floor((yes + no) / 2);
			if (test(await this.read(mid))) yes = mid;
			else no = mid;
		}
		return yes;
	}

	private get overlapCap(): number {
		return Math.max(1, Math.ceil(this.budget.max / 2));
	}

	// ---- newest first -------------------------------------------------------------------

	async newestFirst(): Promise<void> {
		if (this.g) {
			await this.gapWalk();
			await this.arrivals();
			return;
		}
		const before = this.known.slice(this.low, Number.MAX_SAFE_INTEGER);
		let n = 1;
		let lastRead = 0;
		let bottom: Rec | undefined;
		const idsAtBottom = new Set<string>();
		let overlapPages = 0;
		try {
			for (;;) {
				const page = await this.read(n);
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
				if (
					newest &&
					(newest.ts < this.start || (newest.ts === this.start && before.has(newest.ts, newest.id)))
				) {
					if (++overlapPages >= this.overlapCap) break;
				}
				n++;
			}
			this.complete = true;
		} catch (error) {
			if (!(error instanceof BudgetSpent)) passOn(this.reader.node, error);
			// Newest first, records at the start timestamp that were handled before are reached
			// only after every newer one: past such a record, only the overlap went unread.
			const reachedOld =
				bottom !== undefined &&
				(bottom.ts < this.start || (bottom.ts === this.start && before.has(bottom.ts, bottom.id)));
			if (bottom && !reachedOld) this.openGap(bottom.ts, idsAtBottom, before, lastRead + 1);
		}
		this.finishTop();
	}

	/** The budget ran out above the records handled before: the rest becomes a gap. */
	private openGap(z: number, readAtZ: Set<string>, before: Known, page: number): void {
		const hiIds = new Set([...readAtZ, ...before.idsAt(z)]);
		this.g = {
			lo: this.low,
			k: before.slice(this.low, z - 1).toJson(),
			hi: z,
			hiIds: [...hiIds].sort(),
			page,
		};
		// The top region is now z and after, the gap z and before: they share the second z, in
		// which records can still be created when z is the newest second. Such a record turns up
		// on page 1 (found by `arrivals`); an older one at z deeper down (found by the gap walk).
		// Both walks record what they take at z in the top region's ids, and check them.
		this.newLow = z;
		this.gapOpened = true;
	}

	/** Reads a newest-first gap down from its boundary. */
	private async gapWalk(): Promise<void> {
		const g = this.g!;
		const gapKnown = Known.from(g.k);
		let hi = g.hi;
		let hiIds = new Set(g.hiIds);
		const inTop = (record: Rec) => record.ts >= this.low && this.known.has(record.ts, record.id);
		const beyond = (record: Rec) =>
			(record.ts < hi || (record.ts === hi && !hiIds.has(record.id))) && !inTop(record);
		let n = g.page;
		try {
			n = await this.findFirst(
				g.page,
				(page) => page.recs.length === 0 || beyond(last(page)!),
				(page) => page.recs.length > 0 && !beyond(page.recs[0]),
			);
			for (;;) {
				const page = await this.fresh(n);
				let closed = false;
				for (const record of page.recs) {
					if (!beyond(record)) continue;
					if (record.ts < g.lo) {
						closed = true;
						break;
					}
					if (!gapKnown.has(record.ts, record.id)) {
						gapKnown.add(record.ts, record.id);
						if (record.ts >= this.low) this.known.add(record.ts, record.id);
						this.emit(record);
					}
					if (record.ts < hi) {
						hi = record.ts;
						hiIds = new Set([record.id]);
					} else {
						hiIds.add(record.id);
					}
				}
				if (closed || !page.hasNext) {
					this.g = undefined;
					return;
				}
				n++;
			}
		} catch (error) {
			if (!(error instanceof BudgetSpent)) passOn(this.reader.node, error);
			this.g = {
				lo: g.lo,
				k: gapKnown.slice(g.lo, hi).toJson(),
				hi,
				hiIds: [...hiIds].sort(),
				page: n,
			};
		}
	}

	/**
	 * While a gap is open: records newer than everything handled, read from page 1 and kept only
	 * if the walk reaches handled records (else they wait for a later poll; one gap at a time).
	 */
	private async arrivals(): Promise<void> {
		const taken: Rec[] = [];
		try {
			for (let n = 1; ; n++) {
				const page = await this.read(n);
				let done = !page.hasNext;
				for (const record of page.recs) {
					const isNew =
						record.ts > this.t ||
						(record.ts === this.t &&
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
		} catch (error) {
			if (!(error instanceof BudgetSpent)) passOn(this.reader.node, error);
			this.finishTop();
			return;
		}
		for (const record of taken) this.take(record);
		this.complete = this.g === undefined;
		this.finishTop();
	}

	// ---- oldest first -------------------------------------------------------------------

	async oldestFirst(): Promise<void> {
		let n = this.p ?? 1;
		let forward = n;
		try {
			let page = await this.read(n);
			if (page.recs.length === 0 && n > 1) {
				// The list shrank: find its new end.
				const empty = await this.findFirst(n, (p) => p.recs.length === 0);
				n = Math.max(1, empty - 1);
				page = await this.fresh(n);
			} else if (page.hasNext && page.recs.length > 0 && last(page)!.ts < this.low) {
				// The remembered end lies far behind (state from before a restart): skip ahead.
				n = await this.findFirst(
					n,
					(p) => p.recs.length === 0 || !p.hasNext || last(p)!.ts >= this.low,
				);
				page = await this.fresh(n);
				if (page.recs.length === 0 && n > 1) page = await this.fresh(--n);
			}
			forward = n;
			this.p = n;
			this.takeAll(page);
			// Backwards over the overlap: the records from `low` on that precede page n.
			let first = page.recs[0];
			let back = n;
			let backPages = 0;
			// Keep one request for reading on, so a poll always moves forward.
			const backCap = Math.min(this.overlapCap, this.budget.left - (page.hasNext ? 1 : 0));
			while (back > 1 && first && first.ts >= this.low && backPages < backCap) {
				const before = await this.read(--back);
				backPages++;
				this.takeAll(before);
				first = before.recs[0];
			}
			// Forwards to the end.
			let current = page;
			this.previous = page;
			while (current.hasNext) {
				const next = await this.read(forward + 1);
				if (next.recs.length === 0) break;
				forward++;
				this.p = forward;
				this.takeAll(next);
				current = next;
			}
			this.complete = true;
		} catch (error) {
			if (!(error instanceof BudgetSpent)) passOn(this.reader.node, error);
		}
		this.finishTop();
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
		else if (this.g) low = this.low;
		else low = Math.max(this.low, this.env.overlap ? this.start : this.t);
		this.newLow = this.known.prune(low, this.env.maxKnown);
	}

	state(): ScanState {
		const state: ScanState = { t: this.t, low: this.newLow, k: this.known.toJson() };
		if (this.p !== undefined) state.p = this.p;
		if (this.g) state.g = this.g;
		return state;
	}
}

/** One poll's walk over the list for new records. Never throws BudgetSpent. */
export async function scan(env: ScanEnv, state: ScanState): Promise<ScanResult> {
	// Unknown order: the newest-first walk starts at page 1, which shows the order if it can.
	let procedure: Order = env.order ?? 'd';
	for (let attempt = 0; ; attempt++) {
		const walk = new Walk(env, state, procedure);
		try {
			if (procedure === 'a') await walk.oldestFirst();
			else await walk.newestFirst();
		} catch (error) {
			if (error instanceof OrderMismatch) {
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
				procedure = error.order;
				// A gap belongs to newest-first reading; if the order changed, it cannot be resumed.
				if (procedure === 'a' && state.g)
					state = { ...state, g: undefined, low: Math.max(state.low, state.t) };
				continue;
			}
			passOn(env.reader.node, error);
		}
		const found = walk.found.slice();
		// Newest first, ties of a second were read newest first: restore creation order.
		if (procedure === 'd') found.reverse();
		found.sort((a, b) => a.ts - b.ts);
		return {
			state: walk.state(),
			found,
			complete: walk.complete,
			order: walk.detected ?? env.order,
		};
	}
}

/**
 * First activation: remember where the list ends, without emitting. Newest first that is page 1;
 * oldest first, the last page, found by galloping (about 2·log2(pages) requests). When that does
 * not fit in one poll's budget, the search resumes next poll (`z`); records created meanwhile
 * are taken as existing. Throws BudgetSpent only if not even page 1 could be read.
 */
export async function seed(
	env: ScanEnv,
	resume?: ScanState,
): Promise<{ state: ScanState; order?: Order }> {
	const reader = env.reader;
	if (resume?.z) {
		let from = await reader.page(resume.p ?? 1);
		// The list shrank below the page reached: search again from the start.
		if (from.recs.length === 0 && from.n > 1) from = await reader.page(1);
		return await seedEnd(reader, from);
	}
	let page = await reader.page(1);
	let order = pageOrder(page.recs);
	const pages: Page[] = [page];
	// All one timestamp so far: read on until the order shows or the list ends.
	while (!order && page.hasNext) {
		const next = await reader.page(page.n + 1);
		order = pageOrder(next.recs) ?? crossOrder(page, next);
		pages.push(next);
		page = next;
	}
	if (order !== 'a') {
		let t = NONE;
		for (const p of pages) for (const record of p.recs) t = Math.max(t, record.ts);
		const known = new Known();
		for (const p of pages)
			for (const record of p.recs) if (record.ts === t) known.add(record.ts, record.id);
		// Records sharing the newest second may run on over the page boundary.
		while (page.hasNext && last(page)?.ts === t) {
			page = await reader.page(page.n + 1);
			for (const record of page.recs) if (record.ts === t) known.add(record.ts, record.id);
		}
		return { state: { t, low: t, k: known.toJson() }, order };
	}
	return await seedEnd(reader, page);
}

/** Oldest first: the end of the list, as far as the budget reaches. */
async function seedEnd(
	reader: ListReader,
	from: Page,
): Promise<{ state: ScanState; order: Order }> {
	let furthest = from.n;
	try {
		const end = await findEnd(reader, from, (n) => {
			furthest = Math.max(furthest, n);
		});
		const known = new Known();
		const t = end.recs.length ? last(end)!.ts : NONE;
		for (const record of end.recs) if (record.ts === t) known.add(record.ts, record.id);
		let before = end;
		while (before.n > 1 && before.recs[0]?.ts === t) {
			before = await reader.page(before.n - 1);
			for (const record of before.recs) if (record.ts === t) known.add(record.ts, record.id);
		}
		return { state: { t, low: t, k: known.toJson(), p: end.n }, order: 'a' };
	} catch (error) {
		if (!(error instanceof BudgetSpent)) passOn(reader.node, error);
		return { state: { t: NONE, low: NONE, k: [], p: furthest, z: 1 }, order: 'a' };
	}
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
): Promise<Page> {
	const isEnd = (p: Page) => p.recs.length === 0 || !p.hasNext;
	let no = from.n;
	let probe = from;
	let step = 1;
	while (!isEnd(probe)) {
		no = probe.n;
		progress?.(no);
		probe = await reader.page(no + step);
		step *= 2;
	}
	let yes = probe.n;
	if (yes === from.n) no = yes - 1;
	while (yes - no > 1) {
		const mid = Math.floor((yes + no) / 2);
		if (isEnd(await reader.page(mid))) yes = mid;
		else {
			no = mid;
			progress?.(no);
		}
	}
	let end = await reader.fresh(yes);
	if (end.recs.length === 0 && end.n > 1) end = await reader.fresh(end.n - 1);
	return end;
}
