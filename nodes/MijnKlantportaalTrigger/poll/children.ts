/**
 * New records in sub-lists (payments of a payment link, issued cards of a punch card):
 * README-algorithm.md §5 (which parents are watched, where they come from, what a poll reads, cost
 * and delay). The state it keeps is `SubListsState` (state.ts).
 *
 * No list of all payments or issued cards exists, and a parent does not change when its sub-list
 * grows, so each watched parent's sub-list is read in turn, with the new-record walk (scan.ts)
 * without overlap: children cannot be deleted through the API.
 */
import type { INode } from 'n8n-workflow';
import { asNodeError } from '../../shared';
import type { EventRule } from '../events';
import { meets } from '../events';
import type { Budget } from './budget';
import type { ListReader } from './pages';
import { subListReader } from './pages';
import type { Rec } from './records';
import type { ScanEnv } from './scan';
import { NONE, scan, seed } from './scan';
import type { ListOrder, NewRecordsState, SubListsState, WatchedParent } from './state';
import { isStop } from './stop';
import { dropWatchedLongest, ListPass, newPass } from './watch';

type ChildRule = Extract<EventRule, { kind: 'newChild' }>;

export function newSubListsState(): SubListsState {
	return { parents: {}, pass: newPass() };
}

/** A parent's sub-list walk state, unpacked from the compact form it is usually kept in. */
function walkState(entry: WatchedParent): NewRecordsState | undefined {
	if (entry.subListWalk) return entry.subListWalk;
	if (!entry.subList) return undefined;
	const [newestTs, page, ...ids] = entry.subList;
	const knownIds: NewRecordsState['knownIds'] = ids.length ? [[newestTs, ...ids]] : [];
	return { newestTs, lowMark: newestTs, knownIds, ...(page ? { pageHint: page } : {}) };
}

/** Keeps a sub-list walk state in the compact form when it fits (no gap, no overlap). */
function keepWalkState(entry: WatchedParent, state: NewRecordsState): void {
	delete entry.subList;
	delete entry.subListWalk;
	const { knownIds } = state;
	const atNewest =
		knownIds.length === 0 || (knownIds.length === 1 && knownIds[0][0] === state.newestTs);
	if (!state.gap && !state.seekingEnd && state.lowMark === state.newestTs && atNewest) {
		const ids = (knownIds[0]?.slice(1) ?? []) as string[];
		entry.subList = [state.newestTs, state.pageHint ?? 0, ...ids];
	} else {
		entry.subListWalk = state;
	}
}

export interface ChildEnv {
	node: INode;
	budget: Budget;
	order?: ListOrder;
	maxKnown: number;
	maxTracked: number;
}

export class ChildTracker {
	readonly events: Rec[] = [];

	private readonly parents: SubListsState['parents'];

	private readonly pass: ListPass;

	private lastRead?: string;

	private readonly checked = new Set<string>();

	constructor(
		private readonly env: ChildEnv,
		private readonly rule: ChildRule,
		state: SubListsState,
	) {
		this.parents = JSON.parse(JSON.stringify(state.parents)) as SubListsState['parents'];
		this.pass = new ListPass(state.pass);
		this.lastRead = state.lastRead;
	}

	private active(parent: Rec): boolean {
		return this.rule.activeWhile === undefined || meets(parent.json, this.rule.activeWhile);
	}

	/** A parent the new-record walk found: every child it has is new; read it soon. */
	addNew(parent: Rec): void {
		const entry: WatchedParent = { seenInPass: this.pass.number, subList: [NONE, 0], due: true };
		if (!this.active(parent)) entry.lastRead = true;
		this.parents[parent.id] = entry;
	}

	/** One look at a parent from the pass. */
	private see(parent: Rec): void {
		const entry = this.parents[parent.id];
		if (entry) {
			entry.seenInPass = this.pass.number;
			if (!this.active(parent) && !entry.lastRead) {
				entry.lastRead = true;
				entry.due = true;
			}
		} else if (this.active(parent)) {
			this.parents[parent.id] = { seenInPass: this.pass.number, due: true };
		}
	}

	/** Reads one parent's sub-list. Returns false when the budget stopped it. */
	private async check(parentId: string): Promise<boolean> {
		const entry = this.parents[parentId];
		if (!entry) return true;
		this.checked.add(parentId);
		const env: ScanEnv = {
			reader: subListReader(this.env.node, this.env.budget, this.rule.subList, parentId),
			budget: this.env.budget,
			overlap: false,
			maxKnown: this.env.maxKnown,
			order: this.env.order,
		};
		const state = walkState(entry);
		try {
			if (!state || state.seekingEnd) {
				// First read: the sub-list's end is the starting point (a long oldest-first one may
				// take more than one poll to find).
				const seeded = await seed(env, state);
				if (isStop(seeded)) return false;
				keepWalkState(entry, seeded.state);
				if (seeded.state.seekingEnd) {
					entry.due = true;
					return false;
				}
			} else {
				const result = await scan(env, state);
				keepWalkState(entry, result.state);
				for (const record of result.found) this.events.push(record);
				if (!result.done) {
					entry.due = true;
					return false;
				}
			}
		} catch (error) {
			// The parent is gone (deleted): nothing more to read. Any other error is the poll's.
			if ((error as { httpCode?: string }).httpCode !== '404')
				throw asNodeError(this.env.node, error);
			delete this.parents[parentId];
			return true;
		}
		delete entry.due;
		if (entry.lastRead) delete this.parents[parentId];
		return true;
	}

	/** Reads the sub-lists that are due, in order, while the budget lasts; false when it stopped. */
	private async checkDue(): Promise<boolean> {
		for (const id of Object.keys(this.parents)) {
			if (!this.parents[id]?.due) continue;
			if (!(await this.check(id))) return false;
		}
		return true;
	}

	/**
	 * One poll: due reads, the parent pass, round-robin reads. `handled` tells which parents the
	 * new-record walk on the parent list is done with (others are new and come through `addNew`).
	 */
	async run(parents: ListReader, handled: (record: Rec) => boolean): Promise<void> {
		const budget = this.env.budget;
		if (!(await this.checkDue())) return;
		const firstCycle = !this.pass.completed;
		// After the first cycle the pass only looks for parents that stopped growing (links no
		// longer open); without `activeWhile` every parent stays watched and the pass is done.
		const passing = firstCycle || this.rule.activeWhile !== undefined;
		if (passing)
			await this.continuePass(
				parents,
				handled,
				firstCycle ? Number.MAX_SAFE_INTEGER : Math.max(1, Math.floor(budget.left / 4)),
			);
		// Parents the activation pass found: take their sub-lists' ends as starting points now.
		if (firstCycle && !(await this.checkDue())) return;
		const ids = Object.keys(this.parents);
		const from = this.lastRead === undefined ? 0 : ids.indexOf(this.lastRead) + 1;
		for (const id of [...ids.slice(from), ...ids.slice(0, from)]) {
			if (budget.left < 1) break;
			if (this.checked.has(id)) continue;
			if (!(await this.check(id))) break;
			this.lastRead = id;
		}
		if (passing && budget.left > 0) await this.continuePass(parents, handled);
	}

	/** Continues the parent pass for up to `pages` pages; one pass at most per poll. */
	private async continuePass(
		parents: ListReader,
		handled: (record: Rec) => boolean,
		pages?: number,
	): Promise<void> {
		await this.pass.read(
			parents,
			handled,
			(record) => this.see(record),
			() => {
				for (const [id, entry] of Object.entries(this.parents))
					if (!this.pass.isRecent(entry.seenInPass) && !entry.due) delete this.parents[id];
			},
			pages,
		);
	}

	state(): SubListsState {
		dropWatchedLongest(this.parents, this.env.maxTracked);
		const state: SubListsState = { parents: this.parents, pass: this.pass.state() };
		if (this.lastRead !== undefined && this.parents[this.lastRead]) state.lastRead = this.lastRead;
		return state;
	}
}
