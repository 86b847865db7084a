/**
 * "Field changed" events. The API has no `updated_since`, so a change is seen only by reading
 * the record again: a full pass over the list, spread over as many polls as the budget needs,
 * resuming at the page where it stopped. The pass compares each record with a fingerprint kept
 * per watched record.
 *
 * Which records are watched (the state bound):
 * - only records not in a final state (`rule.final`; by default the target state of `rule.to`):
 *   an unpaid invoice, an open ticket, an open payment link, an offer not yet decided, …;
 * - at most `maxTracked` of them. Past that, the records watched longest are dropped; a change
 *   of a dropped record is not reported (it is watched again, from its then value, when a pass
 *   sees it in a non-final state and there is room).
 * Each entry is `id → fingerprint + pass tag` (~20 bytes): a 6-character hash of the watched
 * value, and the pass that last saw the record. A pass that ends drops entries that neither it nor
 * the pass before saw: records deleted from the list.
 *
 * New records come from the new-record scanner (scan.ts) in the same poll, never from the pass:
 * the pass skips records the scanner has not handled yet. A new record already in the target
 * state is an event ("a paid invoice appeared"); otherwise it is watched from its first value.
 *
 * Ground truth this implements: an event for every transition of a watched record into a
 * target value (`to`; any different value when `to` is absent) between two successive looks at
 * it, plus every new record first seen in a target value. A value that comes and goes between
 * two looks is not seen.
 */
import { meets } from '../events';
import type { Condition, EventRule } from '../events';
import { BudgetSpent } from './budget';
import type { ListReader, Rec } from './pages';
import { passOn } from './pages';

export interface ChangeState {
	/** Watched records: id → fingerprint (6 chars) + tag of the pass that saw it last. */
	m: Record<string, string>;
	/** Next page of the pass. */
	pg: number;
	/** Pass number. */
	n: number;
	/** Set once a whole pass has completed (the baseline is complete). */
	b?: 1;
}

const TAGS = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newChangeState(): ChangeState {
	return { m: {}, pg: 1, n: 0 };
}

/** FNV-1a (32 bit) of a string, as base-36 text, padded to 6 characters. */
export function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36).padStart(7, '0').slice(-6);
}

type ChangedRule = Extract<EventRule, { kind: 'changed' }>;

export class ChangeTracker {
	readonly events: Rec[] = [];

	private readonly m: Record<string, string>;

	private pg: number;

	private n: number;

	private b?: 1;

	private readonly final: readonly Condition[];

	private readonly eventIds = new Set<string>();

	constructor(
		private readonly rule: ChangedRule,
		state: ChangeState,
		private readonly maxTracked: number,
	) {
		this.m = { ...state.m };
		this.pg = state.pg;
		this.n = state.n;
		this.b = state.b;
		this.final = rule.final ?? (rule.to !== undefined ? [{ field: rule.field, to: rule.to }] : []);
	}

	private get tag(): string {
		return TAGS[this.n % TAGS.length];
	}

	private value(record: Rec): string {
		const value = record.json[this.rule.field];
		if (this.rule.to === 'set')
			return meets(record.json, { field: this.rule.field, to: 'set' }) ? 'set' : 'unset';
		return JSON.stringify(value ?? null);
	}

	private inTarget(record: Rec): boolean {
		return (
			this.rule.to === undefined || meets(record.json, { field: this.rule.field, to: this.rule.to })
		);
	}

	private isFinal(record: Rec): boolean {
		return this.final.some((condition) => meets(record.json, condition));
	}

	private emit(record: Rec): void {
		if (this.eventIds.has(record.id)) return;
		this.eventIds.add(record.id);
		this.events.push(record);
	}

	/**
	 * One look at a record. `isNew`: the scanner handles it for the first time in this poll; if it
	 * is already in the target state that is an event (for rules without `to`, a first look only
	 * gives the starting value).
	 */
	observe(record: Rec, isNew = false): void {
		const fp = fingerprint(this.value(record));
		const entry = this.m[record.id];
		if (entry !== undefined) {
			if (entry.slice(0, -1) !== fp && this.inTarget(record)) this.emit(record);
		} else if (isNew && this.rule.to !== undefined && this.inTarget(record)) {
			this.emit(record);
		}
		if (this.isFinal(record)) delete this.m[record.id];
		else this.m[record.id] = fp + this.tag;
	}

	/**
	 * Continues the pass with whatever budget is left. `handled` tells which records the scanner
	 * is done with; others are left for it (they are new, or lie in a backlog not yet read).
	 */
	async pass(reader: ListReader, handled: (record: Rec) => boolean): Promise<void> {
		try {
			for (;;) {
				const page = await reader.page(this.pg);
				for (const record of page.recs) if (handled(record)) this.observe(record);
				if (!page.hasNext || page.recs.length === 0) {
					this.endPass();
					return;
				}
				this.pg++;
			}
		} catch (error) {
			if (!(error instanceof BudgetSpent)) passOn(reader.node, error);
		}
	}

	private endPass(): void {
		const keep = new Set([this.tag, TAGS[(this.n + TAGS.length - 1) % TAGS.length]]);
		for (const [id, entry] of Object.entries(this.m))
			if (!keep.has(entry.slice(-1))) delete this.m[id];
		this.n = (this.n + 1) % TAGS.length;
		this.pg = 1;
		this.b = 1;
	}

	get baselineComplete(): boolean {
		return this.b === 1;
	}

	state(): ChangeState {
		const ids = Object.keys(this.m);
		// Past the cap, the records watched longest (first inserted) go.
		for (const id of ids.slice(0, Math.max(0, ids.length - this.maxTracked))) delete this.m[id];
		const state: ChangeState = { m: this.m, pg: this.pg, n: this.n };
		if (this.b) state.b = 1;
		return state;
	}
}
