/**
 * The trigger's state, kept in n8n's node static data (`getWorkflowStaticData('node')`) under one
 * key, and replaced as a whole, only at the end of a poll that succeeded.
 *
 * What n8n does with static data (read in n8n-core 2.41 and n8n-workflow 2.41):
 * - `Workflow` wraps its static data in an ObservableObject (n8n-workflow
 *   dist/cjs/observable-object.js, workflow.js `getStaticData`): assigning a key of the node's
 *   bucket sets `__dataChanged`. Objects assigned later are not observed inside, so the state is
 *   replaced by a new object, never mutated in place.
 * - A poll runs in n8n-core's PollTriggerExecutor (dist/execution-engine/poll-trigger-executor.js):
 *   when `poll()` returns items it calls `__emit`; when it returns null it calls
 *   `commitStagedCursor` → `pollFunctions.__commitCursor()` (poll-cursor-hooks.js), except for the
 *   poll run at activation (`testingTrigger`), which commits nothing. A poll that throws goes to
 *   `__emitError`.
 * - n8n's CLI (packages/cli, not a dependency here) decides what persists. In the classic path
 *   (ActiveWorkflowManager.getExecutePollFunctions) `__emit` calls
 *   WorkflowStaticDataService.saveStaticData, which writes static data to the database only if
 *   `__dataChanged`; `__commitCursor` is PollContext's default no-op. So: static data persists
 *   only when a poll emits. What an empty poll changed lives on in memory (the same Workflow
 *   object serves every poll of an activation) and is lost on restart or reactivation; what a
 *   failed poll changed also lives on in memory.
 * - With n8n's durable poll cursors (CLI TriggerExecutionContextFactory, behind a flag), `__runPoll`
 *   hands the node a per-poll copy of its cursor (PollContext's `resolveNodeStaticData`); it is
 *   committed with the execution when the poll emits, by `__commitCursor` when it emits nothing,
 *   and dropped when the poll throws (and after the activation poll).
 *
 * Hence the design, right in both:
 * - nothing is written until the poll has succeeded (a failed poll leaves the state untouched);
 * - the node never calls `__commitCursor` itself ("called by the tick engines, never by a node");
 * - everything a poll that emits nothing writes is safe to lose: cursors and hints can be
 *   recomputed by reading again (costing requests, never an event). The exception is noted in
 *   README-algorithm.md: for "status changed"-type events, a value seen only by polls that
 *   emitted nothing is forgotten on restart under the classic path.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ChangeState } from './changes';
import type { ChildState } from './children';
import type { Order } from './pages';
import type { ScanState } from './scan';
import type { WindowState } from './window';

export const STATE_KEY = 'mijnKlantportaalTrigger';

export interface TriggerState {
	/** Format version. */
	v: 1;
	/** The event the state was built for; another event starts afresh. */
	ev: string;
	/** The order the list showed last (a hint; every poll checks it). */
	o?: Order;
	/** The rate limit the API reported last. */
	rl?: number;
	/** New-record scanner of the event's list. */
	n?: ScanState;
	c?: ChangeState;
	s?: ChildState;
	w?: WindowState;
}

/** A plain copy of the stored state, or undefined when there is none for this event. */
export function loadState(staticData: IDataObject, event: string): TriggerState | undefined {
	const stored = staticData[STATE_KEY];
	if (!stored || typeof stored !== 'object') return undefined;
	const state = JSON.parse(JSON.stringify(stored)) as TriggerState;
	if (state.v !== 1 || state.ev !== event) return undefined;
	return state;
}

/** Replaces the stored state, if it changed. */
export function saveState(staticData: IDataObject, state: TriggerState): void {
	const next = JSON.stringify(state);
	if (JSON.stringify(staticData[STATE_KEY]) === next) return;
	staticData[STATE_KEY] = JSON.parse(next) as IDataObject;
}
