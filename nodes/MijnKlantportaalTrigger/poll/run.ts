/**
 * One poll of the MijnKlantportaal Trigger. See README-algorithm.md for the whole design.
 *
 * 1. Read the stored state (a plain copy; state.ts has its shape).
 * 2. Manual mode: return the newest matching record; the state is not written (manual.ts).
 * 3. No state for this event (first activation, another event, an older shape): seed it.
 *    Nothing is emitted, unless "Emit Existing Records" is on.
 * 4. Otherwise: new records (scan.ts), then changes (changes.ts) or sub-lists (children.ts), or
 *    the appointment window (window.ts), within the request budget (budget.ts).
 * 5. Write the new state only now: an error anywhere above leaves the stored state as it was.
 */
import type { IDataObject, INode, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { asNodeError } from '../../shared';
import type { TriggerEvent } from '../events';
import { eventByValue } from '../events';
import { Budget, DEFAULT_RATE_LIMIT } from './budget';
import { ChangeTracker, newChangesState } from './changes';
import { ChildTracker, newSubListsState } from './children';
import { fetchTestEvent } from './manual';
import type { ListReader } from './pages';
import { listReader } from './pages';
import type { Rec } from './records';
import type { ScanEnv, ScanResult } from './scan';
import { emptyState, handledCheck, scan, seed } from './scan';
import type { NewRecordsState, TriggerState } from './state';
import { loadState, saveState, STATE_VERSION } from './state';
import type { BudgetSpent } from './stop';
import { isStop } from './stop';
import type { WindowOptions } from './window';
import { advanceWindow, readWindow, seedWindow } from './window';

/** Most ids the new-record walk keeps for its overlap (README-algorithm.md §3, "Bounds"). */
export const MAX_KNOWN = 500;
export const DEFAULT_MAX_TRACKED = 1000;
const DEFAULT_POLL_BUDGET_MS = 5 * 60 * 1000;

export interface TriggerOptions {
	emitExisting?: boolean;
	budgetPercent?: number;
	maxTracked?: number;
	lookBackDays?: number;
	lookAheadDays?: number;
}

interface Outcome {
	state: TriggerState;
	events: Rec[];
}

export async function pollTrigger(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const node = context.getNode();
	const value = context.getNodeParameter('event', '') as string;
	const event = eventByValue(value);
	if (!event)
		throw new NodeOperationError(node, `Unknown event "${value}"`, {
			description: 'Choose an event in the trigger.',
		});
	const options = context.getNodeParameter('options', {}) as TriggerOptions;
	const percent = Math.min(100, Math.max(1, Number(options.budgetPercent ?? 50) || 50));
	const maxTracked = Math.max(
		1,
		Math.floor(Number(options.maxTracked ?? DEFAULT_MAX_TRACKED) || DEFAULT_MAX_TRACKED),
	);
	const window: WindowOptions = {
		lookBackDays: Number(options.lookBackDays ?? 1),
		lookAheadDays: Number(options.lookAheadDays ?? 365),
	};
	const pollBudgetMs =
		typeof context.getPollBudgetMs === 'function'
			? context.getPollBudgetMs()
			: DEFAULT_POLL_BUDGET_MS;
	const manual = context.getMode() === 'manual';
	const staticData = manual ? staticDataIfAny(context) : context.getWorkflowStaticData('node');
	const previous = loadState(staticData, event);
	const budget = await Budget.open(
		context,
		percent / 100,
		previous?.rateLimit ?? DEFAULT_RATE_LIMIT,
		pollBudgetMs,
	);
	const detectedAt = new Date().toISOString();
	const output = (records: Rec[]) =>
		records.map((record) => ({
			json: { ...record.json, event: event.value, detectedAt } as IDataObject,
		}));

	let outcome: Outcome | BudgetSpent;
	try {
		if (manual) {
			const hint = previous?.newRecords?.pageHint;
			return [output([await fetchTestEvent(node, budget, event, window, hint)])];
		}
		const run = new PollRun(node, budget, event, options.emitExisting === true, maxTracked, window);
		outcome = previous ? await run.advance(previous) : await run.activate();
	} catch (error) {
		throw asNodeError(node, error);
	}
	// The poll ran out of time before it could get anywhere: the next poll starts over.
	if (isStop(outcome)) return null;
	outcome.state.rateLimit = budget.limit;
	saveState(staticData, outcome.state);
	if (outcome.events.length === 0) return null;
	return [output(outcome.events)];
}

/** Manual runs only read the state (for the list's remembered last page); it may be absent. */
function staticDataIfAny(context: IPollFunctions): IDataObject {
	try {
		return context.getWorkflowStaticData('node');
	} catch {
		return {};
	}
}

class PollRun {
	constructor(
		private readonly node: INode,
		private readonly budget: Budget,
		private readonly event: TriggerEvent,
		private readonly emitExisting: boolean,
		private readonly maxTracked: number,
		private readonly window: WindowOptions,
	) {}

	private scanEnv(reader: ListReader, state: Pick<TriggerState, 'listOrder'>): ScanEnv {
		const { budget } = this;
		return { reader, budget, overlap: true, maxKnown: MAX_KNOWN, order: state.listOrder };
	}

	private fresh(): TriggerState {
		return { version: STATE_VERSION, event: this.event.value };
	}

	/** First poll: the new-record walk's starting point (or everything, to emit existing records). */
	private async seedScan(
		reader: ListReader,
	): Promise<{ state: TriggerState; result?: ScanResult }> {
		const env = this.scanEnv(reader, {});
		const result = this.emitExisting ? await scan(env, emptyState()) : undefined;
		const begun = result ?? (await seed(env));
		if (isStop(begun)) {
			throw new NodeOperationError(
				this.node,
				`Could not find the end of the ${this.event.list.noun} list within the request budget`,
				{
					description:
						'Raise "Max Share of Rate Limit per Poll" so the first poll can find where the list ends.',
				},
			);
		}
		const state: TriggerState = { ...this.fresh(), newRecords: begun.state };
		if (begun.order) state.listOrder = begun.order;
		return { state, result };
	}

	async activate(): Promise<Outcome | BudgetSpent> {
		const { event } = this;
		if (event.list.window) {
			const records = await readWindow(this.node, this.budget, event, this.window, Date.now());
			if (isStop(records)) return records;
			const seeded = seedWindow(event, records, Date.now(), this.emitExisting);
			return { state: { ...this.fresh(), window: seeded.state }, events: seeded.events };
		}
		const reader = listReader(this.node, this.budget, event.list);
		const { state, result } = await this.seedScan(reader);
		return await this.follow(reader, state, result, true);
	}

	async advance(previous: TriggerState): Promise<Outcome | BudgetSpent> {
		const { event } = this;
		if (event.list.window) {
			const records = await readWindow(this.node, this.budget, event, this.window, Date.now());
			if (isStop(records)) return records;
			const next = advanceWindow(event, previous.window!, records);
			return { state: { ...previous, window: next.state }, events: next.events };
		}
		const reader = listReader(this.node, this.budget, event.list);
		const newRecords = previous.newRecords!;
		if (newRecords.seekingEnd) {
			// The first poll could not find the end of the list within its budget: go on looking.
			const seeded = await seed(this.scanEnv(reader, previous), newRecords);
			if (isStop(seeded)) return seeded;
			return await this.follow(reader, { ...previous, newRecords: seeded.state }, undefined, true);
		}
		const result = await scan(this.scanEnv(reader, previous), newRecords);
		const state: TriggerState = { ...previous, newRecords: result.state };
		if (result.order) state.listOrder = result.order;
		return await this.follow(reader, state, result, false);
	}

	/** After the new-record walk: changes, or sub-lists, in the same poll. */
	private async follow(
		reader: ListReader,
		state: TriggerState,
		result: ScanResult | undefined,
		first: boolean,
	): Promise<Outcome> {
		const { rule } = this.event;
		const newRecords = state.newRecords as NewRecordsState;
		if (newRecords.seekingEnd) return { state, events: [] };
		const found = result?.found ?? [];
		const handled = handledCheck(newRecords);
		if (rule.kind === 'new') return { state, events: found };
		if (rule.kind === 'changed') {
			const previous = first ? undefined : state.changes;
			const tracker = new ChangeTracker(rule, previous ?? newChangesState(), this.maxTracked);
			for (const record of found) tracker.observe(record, true);
			await tracker.continuePass(reader, handled);
			return { state: { ...state, changes: tracker.state() }, events: tracker.events };
		}
		const children = new ChildTracker(
			{
				node: this.node,
				budget: this.budget,
				order: state.listOrder,
				maxKnown: MAX_KNOWN,
				maxTracked: this.maxTracked,
			},
			rule,
			(first ? undefined : state.subLists) ?? newSubListsState(),
		);
		for (const parent of found) children.addNew(parent);
		await children.run(reader, handled);
		return { state: { ...state, subLists: children.state() }, events: children.events };
	}
}
