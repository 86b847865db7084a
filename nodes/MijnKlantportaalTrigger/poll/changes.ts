/**
 * "Field changed" events: README-algorithm.md §4 (which records are watched, when a change is an
 * event, the baseline, the ground truth). The state it keeps is `ChangesState` (state.ts).
 *
 * The API has no `updated_since`, so a change is seen only by reading the record again: a pass
 * over the whole list (watch.ts) compares each record with its fingerprint. New records come
 * from the new-record walk (scan.ts) in the same poll, never from the pass.
 */
import { meets } from '../events';
import type { Condition, EventRule } from '../events';
import type { ListReader } from './pages';
import type { Rec } from './records';
import type { ChangesState } from './state';
import { dropWatchedLongest, fingerprint, ListPass, newPass } from './watch';

export function newChangesState(): ChangesState {
	return { watched: {}, pass: newPass() };
}

type ChangedRule = Extract<EventRule, { kind: 'changed' }>;

export class ChangeTracker {
	readonly events: Rec[] = [];

	private readonly watched: ChangesState['watched'];

	private readonly pass: ListPass;

	private readonly final: readonly Condition[];

	private readonly eventIds = new Set<string>();

	constructor(
		private readonly rule: ChangedRule,
		state: ChangesState,
		private readonly maxTracked: number,
	) {
		this.watched = { ...state.watched };
		this.pass = new ListPass(state.pass);
		this.final = rule.final ?? (rule.to !== undefined ? [{ field: rule.field, to: rule.to }] : []);
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
	 * One look at a record. `isNew`: the new-record walk handles it for the first time in this
	 * poll; if it is already in the target state that is an event (for rules without `to`, a first
	 * look only gives the starting value).
	 */
	observe(record: Rec, isNew = false): void {
		const now = fingerprint(this.value(record));
		const entry = this.watched[record.id];
		if (entry !== undefined) {
			if (entry[0] !== now && this.inTarget(record)) this.emit(record);
		} else if (isNew && this.rule.to !== undefined && this.inTarget(record)) {
			this.emit(record);
		}
		if (this.isFinal(record)) delete this.watched[record.id];
		else this.watched[record.id] = [now, this.pass.number];
	}

	/**
	 * Continues the pass with whatever budget is left. `handled` tells which records the
	 * new-record walk is done with; others are left for it (new ones, or a backlog not yet read).
	 * A pass that ends drops the records neither it nor the pass before saw (deleted ones).
	 */
	async continuePass(reader: ListReader, handled: (record: Rec) => boolean): Promise<void> {
		await this.pass.read(
			reader,
			handled,
			(record) => this.observe(record),
			() => {
				for (const [id, [, seenInPass]] of Object.entries(this.watched))
					if (!this.pass.isRecent(seenInPass)) delete this.watched[id];
			},
		);
	}

	state(): ChangesState {
		dropWatchedLongest(this.watched, this.maxTracked);
		return { watched: this.watched, pass: this.pass.state() };
	}
}
