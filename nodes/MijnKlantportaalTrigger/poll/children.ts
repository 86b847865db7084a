/**
 * New records in sub-lists: payments of a payment link (`/payment-links/{id}/payments`), issued
 * cards of a punch card (`/punch-cards/{id}/issued`). There is no list of all payments or all
 * issued cards, and a parent record does not change when its sub-list grows, so each watched
 * parent's sub-list is read in turn. Keeping that cheap:
 *
 * - Only parents whose sub-list can still grow are watched (`activeWhile`): open payment links.
 *   A link seen leaving `open` (paid, expired, closed) gets one last read, then is dropped. All
 *   punch cards are watched (a card type can be issued at any time).
 * - New parents come from the new-record scanner on the parent list (1 request when idle); their
 *   sub-lists are read at once and every child in them is new.
 * - Parents that existed at activation come from a pass over the parent list (spread over polls,
 *   like the change pass); their sub-list's current end is taken as the starting point. A child
 *   added to such a parent before that first read is not reported: possible only in the first
 *   polls after activation, when there are more parents than one poll's budget can read.
 * - Each poll reads first the sub-lists that are due (new parents, last reads), then the rest in
 *   round-robin order, as far as the budget reaches. The parent pass first completes a whole
 *   cycle (activation); after that it runs only where parents can stop growing (payment links),
 *   gets a quarter of what is left (at least a page) and at most one cycle per poll.
 * - A sub-list read costs 1 request (newest first: page 1; oldest first: the remembered last page,
 *   2 when it filled up). So a new child is seen within ⌈watched parents / budget⌉ polls.
 *
 * Per parent the state is the sub-list's scan state without overlap (children cannot be deleted
 * through the API): newest timestamp, ids at it, last page; ~40 bytes. At most `maxTracked`
 * parents are watched; past that the ones watched longest are dropped and their children are no
 * longer reported (until a pass sees them again and there is room).
 */
import type { INode } from 'n8n-workflow';
import type { EventRule } from '../events';
import { meets } from '../events';
import type { Budget } from './budget';
import { BudgetSpent } from './budget';
import { ListReader, passOn } from './pages';
import type { Order, Rec } from './pages';
import type { ScanState } from './scan';
import { NONE, scan, seed } from './scan';

type ChildRule = Extract<EventRule, { kind: 'newChild' }>;

/** `[t, page, ...ids at t]`: a sub-list's scan state when it has no gap (the usual case). */
type CompactScan = [number, number, ...string[]];

export interface ChildEntry {
	/** Tag of the parent pass that last saw the parent. */
	a: string;
	/** Sub-list scan state; absent until the first read, which only takes the end as start. */
	c?: CompactScan;
	s?: ScanState;
	/** Read at the next chance. */
	q?: 1;
	/** Last read: the parent no longer grows its sub-list. */
	f?: 1;
}

export interface ChildState {
	m: Record<string, ChildEntry>;
	/** Next page of the parent pass, and the pass number. */
	pg: number;
	n: number;
	/** Set once a whole parent pass has completed. */
	b?: 1;
	/** The parent read last in round-robin order. */
	rr?: string;
}

const TAGS = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newChildState(): ChildState {
	return { m: {}, pg: 1, n: 0 };
}

function unpack(entry: ChildEntry): ScanState | undefined {
	if (entry.s) return entry.s;
	if (!entry.c) return undefined;
	const [t, p, ...ids] = entry.c;
	return { t, low: t, k: ids.length ? [[t, ...ids]] : [], ...(p ? { p } : {}) };
}

function pack(entry: ChildEntry, state: ScanState): void {
	delete entry.c;
	delete entry.s;
	const single = state.k.length === 0 || (state.k.length === 1 && state.k[0][0] === state.t);
	if (!state.g && !state.z && state.low === state.t && single) {
		const ids = (state.k[0]?.slice(1) ?? []) as string[];
		entry.c = [state.t, state.p ?? 0, ...ids];
	} else {
		entry.s = state;
	}
}

export interface ChildEnv {
	node: INode;
	budget: Budget;
	order?: Order;
	maxKnown: number;
	maxTracked: number;
}

export class ChildTracker {
	readonly events: Rec[] = [];

	private readonly m: Record<string, ChildEntry>;

	private pg: number;

	private n: number;

	private b?: 1;

	private rr?: string;

	private readonly checked = new Set<string>();

	private passEnded = false;

	constructor(
		private readonly env: ChildEnv,
		private readonly rule: ChildRule,
		state: ChildState,
	) {
		this.m = JSON.parse(JSON.stringify(state.m)) as Record<string, ChildEntry>;
		this.pg = state.pg;
		this.n = state.n;
		this.b = state.b;
		this.rr = state.rr;
	}

	private get tag(): string {
		return TAGS[this.n % TAGS.length];
	}

	private active(parent: Rec): boolean {
		return this.rule.activeWhile === undefined || meets(parent.json, this.rule.activeWhile);
	}

	/** A parent the scanner found new: every child it has is new; read it soon. */
	addNew(parent: Rec): void {
		const entry: ChildEntry = { a: this.tag, c: [NONE, 0], q: 1 };
		if (!this.active(parent)) entry.f = 1;
		this.m[parent.id] = entry;
	}

	/** One look at a parent from the pass. */
	private see(parent: Rec): void {
		const entry = this.m[parent.id];
		if (entry) {
			entry.a = this.tag;
			if (!this.active(parent) && !entry.f) {
				entry.f = 1;
				entry.q = 1;
			}
		} else if (this.active(parent)) {
			this.m[parent.id] = { a: this.tag, q: 1 };
		}
	}

	private reader(parentId: string): ListReader {
		const { rule } = this;
		return new ListReader(
			this.env.node,
			this.env.budget,
			rule.childPath.replace('{id}', encodeURIComponent(parentId)),
			rule.childTsField,
			rule.childNoun,
			{
				action: `List the ${rule.childNoun}s of ${parentId}`,
				noun: rule.childNoun,
				id: parentId,
			},
		);
	}

	/** Reads one parent's sub-list. Returns false when the budget stopped it. */
	private async check(parentId: string): Promise<boolean> {
		const entry = this.m[parentId];
		if (!entry) return true;
		this.checked.add(parentId);
		const env = {
			reader: this.reader(parentId),
			budget: this.env.budget,
			overlap: false,
			maxKnown: this.env.maxKnown,
			order: this.env.order,
		};
		const state = unpack(entry);
		try {
			if (!state || state.z) {
				// First read: the sub-list's end is the starting point (a long oldest-first one may
				// take more than one poll to find).
				const seeded = await seed(env, state);
				pack(entry, seeded.state);
				if (seeded.state.z) {
					entry.q = 1;
					return false;
				}
			} else {
				const result = await scan(env, state);
				pack(entry, result.state);
				for (const record of result.found) this.events.push(record);
				if (!result.complete) {
					entry.q = 1;
					return false;
				}
			}
		} catch (error) {
			if (error instanceof BudgetSpent) return false;
			// The parent is gone (deleted): nothing more to read.
			if ((error as { httpCode?: string }).httpCode === '404') {
				delete this.m[parentId];
				return true;
			}
			passOn(this.env.node, error);
		}
		delete entry.q;
		if (entry.f) delete this.m[parentId];
		return true;
	}

	/**
	 * One poll: due reads, the parent pass, round-robin reads. `handled` tells which parents the
	 * parent scanner is done with (others are new and come through `addNew`).
	 */
	async run(parents: ListReader, handled: (record: Rec) => boolean): Promise<void> {
		const budget = this.env.budget;
		for (const id of Object.keys(this.m)) {
			if (!this.m[id]?.q) continue;
			if (!(await this.check(id))) return;
		}
		const firstCycle = !this.b;
		// After the first cycle the pass only looks for parents that stopped growing (links no
		// longer open); without `activeWhile` every parent stays watched and the pass is done.
		const passing = firstCycle || this.rule.activeWhile !== undefined;
		if (passing)
			await this.pass(
				parents,
				handled,
				firstCycle ? Number.MAX_SAFE_INTEGER : Math.max(1, Math.floor(budget.left / 4)),
			);
		if (firstCycle) {
			// Parents the activation pass found: take their sub-lists' ends as starting points now.
			for (const id of Object.keys(this.m)) {
				if (!this.m[id]?.q) continue;
				if (!(await this.check(id))) return;
			}
		}
		const ids = Object.keys(this.m);
		const from = this.rr === undefined ? 0 : ids.indexOf(this.rr) + 1;
		for (const id of [...ids.slice(from), ...ids.slice(0, from)]) {
			if (budget.left < 1) break;
			if (this.checked.has(id)) continue;
			if (!(await this.check(id))) break;
			this.rr = id;
		}
		if (passing && !this.passEnded && budget.left > 0)
			await this.pass(parents, handled, Number.MAX_SAFE_INTEGER);
	}

	/** Continues the parent pass for up to `pages` pages; one pass at most per poll. */
	private async pass(
		parents: ListReader,
		handled: (record: Rec) => boolean,
		pages: number,
	): Promise<void> {
		if (this.passEnded) return;
		try {
			for (let read = 0; read < pages; read++) {
				const page = await parents.page(this.pg);
				for (const record of page.recs) if (handled(record)) this.see(record);
				if (!page.hasNext || page.recs.length === 0) {
					this.endPass();
					return;
				}
				this.pg++;
			}
		} catch (error) {
			if (!(error instanceof BudgetSpent)) passOn(this.env.node, error);
		}
	}

	private endPass(): void {
		this.passEnded = true;
		const keep = new Set([this.tag, TAGS[(this.n + TAGS.length - 1) % TAGS.length]]);
		for (const [id, entry] of Object.entries(this.m)) {
			if (!keep.has(entry.a) && !entry.q) delete this.m[id];
		}
		this.n = (this.n + 1) % TAGS.length;
		this.pg = 1;
		this.b = 1;
	}

	state(): ChildState {
		const ids = Object.keys(this.m);
		for (const id of ids.slice(0, Math.max(0, ids.length - this.env.maxTracked))) delete this.m[id];
		const state: ChildState = { m: this.m, pg: this.pg, n: this.n };
		if (this.b) state.b = 1;
		if (this.rr !== undefined && this.m[this.rr]) state.rr = this.rr;
		return state;
	}
}
