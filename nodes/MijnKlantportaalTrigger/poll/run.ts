/**
 * One poll of the MijnKlantportaal Trigger. See README-algorithm.md for the whole design.
 *
 * 1. Read the stored state (a plain copy; see state.ts for what n8n does with static data).
 * 2. Manual mode: return the newest matching record; the state is neither read nor written
 *    (apart from using the remembered last page of the list as a starting point).
 * 3. No state for this event (first activation, or the event was changed): seed it. Nothing is
 *    emitted, unless "Emit Existing Records" is on.
 * 4. Otherwise: new records (scan.ts), then changes (changes.ts) or sub-lists (children.ts), or
 *    the appointment window (window.ts), within the request budget (budget.ts).
 * 5. Write the new state only now: an error anywhere above leaves the stored state as it was.
 */
import type { IDataObject, INode, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { TriggerEvent } from '../events';
import { eventByValue } from '../events';
import { Budget, BudgetSpent, DEFAULT_RATE_LIMIT } from './budget';
import { ChangeTracker, newChangeState } from './changes';
import { ChildTracker, newChildState } from './children';
import { fetchTestEvent } from './manual';
import type { Rec } from './pages';
import { ListReader, passOn, Signal } from './pages';
import type { ScanEnv, ScanResult, ScanState } from './scan';
import { emptyState, handledCheck, scan, seed } from './scan';
import type { TriggerState } from './state';
import { loadState, saveState } from './state';
import type { WindowOptions } from './window';
import { advanceWindow, readWindow, seedWindow } from './window';

/** Most ids the new-record scanner keeps for its overlap (see scan.ts). */
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

function listReader(node: INode, budget: Budget, event: TriggerEvent): ListReader {
	const { list } = event;
	return new ListReader(node, budget, list.path, list.tsField, list.noun, {
		action: `List ${list.noun}s`,
		scope: list.scope,
		noun: list.noun,
	});
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
	const previous = loadState(staticData, event.value);
	const budget = await Budget.open(
		context,
		percent / 100,
		previous?.rl ?? DEFAULT_RATE_LIMIT,
		pollBudgetMs,
	);
	const detectedAt = new Date().toISOString();

	if (manual) {
		const record = await fetchTestEvent(node, budget, event, window, previous?.n?.p);
		return [[{ json: { ...record.json, event: event.value, detectedAt } }]];
	}

	const run = new PollRun(node, budget, event, options.emitExisting === true, maxTracked, window);
	let outcome: Outcome;
	try {
		outcome = previous ? await run.advance(previous) : await run.activate();
	} catch (error) {
		// The poll ran out of time before it could get anywhere: the next poll starts over.
		if (error instanceof BudgetSpent) return null;
		if (error instanceof Signal) throw new NodeOperationError(node, error.message);
		passOn(node, error);
	}
	outcome.state.rl = budget.limit;
	saveState(staticData, outcome.state);
	if (outcome.events.length === 0) return null;
	return [
		outcome.events.map((record) => ({
			json: { ...record.json, event: event.value, detectedAt } as IDataObject,
		})),
	];
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

	private scanEnv(reader: ListReader, state: Pick<TriggerState, 'o'>): ScanEnv {
		return { reader, budget: this.budget, overlap: true, maxKnown: MAX_KNOWN, order: state.o };
	}

	/** First poll: the new-record scanner's starting point (or everything, to emit existing records). */
	private async seedScan(
		reader: ListReader,
	): Promise<{ state: TriggerState; result?: ScanResult }> {
		const state: TriggerState = { v: 1, ev: this.event.value };
		if (this.emitExisting) {
			const result = await scan(this.scanEnv(reader, state), emptyState());
			state.n = result.state;
			if (result.order) state.o = result.order;
			return { state, result };
		}
		try {
			const seeded = await seed(this.scanEnv(reader, state));
			state.n = seeded.state;
			if (seeded.order) state.o = seeded.order;
			return { state };
		} catch (error) {
			if (!(error instanceof BudgetSpent)) passOn(this.node, error);
			throw new NodeOperationError(
				this.node,
				`Could not find the end of the ${this.event.list.noun} list within the request budget`,
				{
					description:
						'Raise "Max Share of Rate Limit per Poll" so the first poll can find where the list ends.',
				},
			);
		}
	}

	async activate(): Promise<Outcome> {
		const { event } = this;
		if (event.list.window) {
			const records = await readWindow(this.node, this.budget, event, this.window, Date.now());
			const seeded = seedWindow(event, records, Date.now(), this.emitExisting);
			return { state: { v: 1, ev: event.value, w: seeded.state }, events: seeded.events };
		}
		const reader = listReader(this.node, this.budget, event);
		const { state, result } = await this.seedScan(reader);
		return await this.follow(reader, state, result, true);
	}

	async advance(previous: TriggerState): Promise<Outcome> {
		const { event } = this;
		if (event.list.window) {
			const records = await readWindow(this.node, this.budget, event, this.window, Date.now());
			const next = advanceWindow(
				event,
				previous.w ?? { m: {}, st: Number.MAX_SAFE_INTEGER },
				records,
			);
			return { state: { ...previous, w: next.state }, events: next.events };
		}
		const reader = listReader(this.node, this.budget, event);
		if (previous.n?.z) {
			// The first poll could not find the end of the list within its budget: go on looking.
			const seeded = await seed(this.scanEnv(reader, previous), previous.n);
			return await this.follow(reader, { ...previous, n: seeded.state }, undefined, true);
		}
		const result = await scan(this.scanEnv(reader, previous), previous.n as ScanState);
		const state: TriggerState = { ...previous, n: result.state };
		if (result.order) state.o = result.order;
		return await this.follow(reader, state, result, false);
	}

	/** After the scanner: changes, or sub-lists, in the same poll. */
	private async follow(
		reader: ListReader,
		state: TriggerState,
		result: ScanResult | undefined,
		first: boolean,
	): Promise<Outcome> {
		const { rule } = this.event;
		if (state.n?.z) return { state, events: [] };
		const found = result?.found ?? [];
		const handled = handledCheck(state.n as ScanState);
		if (rule.kind === 'new') return { state, events: found };
		if (rule.kind === 'changed') {
			const tracker = new ChangeTracker(
				rule,
				first ? newChangeState() : (state.c ?? newChangeState()),
				this.maxTracked,
			);
			for (const record of found) tracker.observe(record, true);
			await tracker.pass(reader, handled);
			return { state: { ...state, c: tracker.state() }, events: tracker.events };
		}
		const children = new ChildTracker(
			{
				node: this.node,
				budget: this.budget,
				order: state.o,
				maxKnown: MAX_KNOWN,
				maxTracked: this.maxTracked,
			},
			rule,
			first ? newChildState() : (state.s ?? newChildState()),
		);
		for (const parent of found) children.addNew(parent);
		await children.run(reader, handled);
		return { state: { ...state, s: children.state() }, events: children.events };
	}
}
