import type {
	IDataObject,
	INode,
	INodeExecutionData,
	IPollFunctions,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { PollContext } from 'n8n-core';
import { MijnKlantportaalTrigger } from '../../nodes/MijnKlantportaalTrigger/MijnKlantportaalTrigger.node';
import { STATE_KEY } from '../../nodes/MijnKlantportaalTrigger/poll/state';
import type { TriggerState } from '../../nodes/MijnKlantportaalTrigger/poll/state';
import type { MemoryCredentialsHelper } from './mkp-credentials.cjs';
import { additionalData, initDi, nodeTypes, registerNodeType } from './mkp-n8n.cjs';

export const TRIGGER_TYPE = 'n8n-nodes-mijnklantportaal.mijnKlantportaalTrigger';
const trigger = new MijnKlantportaalTrigger();
registerNodeType(TRIGGER_TYPE, trigger);

/**
 * How static data outlives a poll:
 * - `classic`: n8n's long-standing path. packages/cli ActiveWorkflowManager.getExecutePollFunctions
 *   builds one PollContext per activation whose `__emit` calls
 *   WorkflowStaticDataService.saveStaticData(workflow) — which writes `workflow.staticData` to the
 *   database only when `__dataChanged` is set, then clears the flag. `__commitCursor` is
 *   PollContext's default no-op. So the database sees static data only after a poll that emitted;
 *   the in-memory Workflow keeps whatever any poll wrote until n8n restarts or reactivates.
 * - `durable`: n8n's durable poll cursors (packages/cli TriggerExecutionContextFactory, behind a
 *   flag): `__runPoll` gives each poll a copy of the stored cursor as its node static data
 *   (PollContext's `resolveNodeStaticData`); `__emit` commits it with the execution,
 *   `__commitCursor` commits it after a poll without items, and a poll that throws (or the
 *   activation poll) commits nothing.
 * The poll itself runs as n8n-core's PollTriggerExecutor runs it
 * (dist/execution-engine/poll-trigger-executor.js): `__runPoll(() => poll(); items ? __emit :
 * (testingTrigger ? nothing : __commitCursor))`.
 */
export type Persistence = 'classic' | 'durable';

export interface PollHarnessOptions {
	helper: MemoryCredentialsHelper;
	/** Credential IDs in `helper`, by type. */
	credentials: Record<string, string>;
	parameters: IDataObject;
	persistence?: Persistence;
}

export interface PollOutcome {
	items: INodeExecutionData[] | null;
	error?: Error & { description?: string; httpCode?: string };
}

let workflows = 0;

export class PollHarness {
	/** The database row's static data, as JSON. */
	stored = '{}';

	/** Number of times static data was written to the "database". */
	saves = 0;

	workflow!: Workflow;

	context!: PollContext;

	private readonly node: INode;

	private readonly persistence: Persistence;

	private snapshot?: IDataObject;

	private readonly workflowId = `wf-${++workflows}`;

	constructor(private readonly options: PollHarnessOptions) {
		this.persistence = options.persistence ?? 'classic';
		this.node = {
			id: 'trigger',
			name: 'MKP Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: Object.fromEntries(Object.entries(options.credentials).map(([type, id]) => [type, { id, name: id }])),
		};
		this.activate();
	}

	/** (Re)activates the workflow from what the database holds: also what an n8n restart does. */
	activate(mode: WorkflowExecuteMode = 'trigger', activation: WorkflowActivateMode = 'activate'): void {
		this.workflow = new Workflow({
			id: this.workflowId,
			name: 'trigger test',
			nodes: [JSON.parse(JSON.stringify(this.node)) as INode],
			connections: {},
			active: true,
			nodeTypes,
			staticData: JSON.parse(this.stored) as IDataObject,
		});
		const node = this.workflow.getNode(this.node.name)!;
		const durable = this.persistence === 'durable';
		const commit = () => {
			if (!this.snapshot) return;
			const current = JSON.parse(this.stored) as IDataObject;
			const key = `node:${node.name}`;
			if (JSON.stringify(current[key] ?? {}) === JSON.stringify(this.snapshot)) return;
			current[key] = JSON.parse(JSON.stringify(this.snapshot)) as IDataObject;
			this.stored = JSON.stringify(current);
			this.saves++;
		};
		const emit: IPollFunctions['__emit'] = () => {
			if (durable) {
				commit();
				return;
			}
			// WorkflowStaticDataService.saveStaticData
			if (this.workflow.staticData.__dataChanged === true) {
				this.stored = JSON.stringify(this.workflow.staticData);
				this.saves++;
				this.workflow.staticData.__dataChanged = false;
			}
		};
		this.context = new PollContext(
			this.workflow,
			node,
			additionalData(this.options.helper),
			mode,
			activation,
			emit,
			() => undefined,
			async () => {
				if (durable) commit();
			},
			async (poll) => {
				if (durable) {
					const stored = JSON.parse(this.stored) as IDataObject;
					this.snapshot = JSON.parse(JSON.stringify(stored[`node:${node.name}`] ?? {})) as IDataObject;
				}
				try {
					return await poll();
				} finally {
					this.snapshot = undefined;
				}
			},
			durable ? () => this.snapshot! : undefined,
		);
	}

	/** n8n restarted: the in-memory workflow is gone, the database remains. */
	restart(): void {
		this.activate();
	}

	/** One poll, as PollTriggerExecutor runs it. `activationPoll`: the poll n8n runs at activation. */
	async poll(activationPoll = false): Promise<PollOutcome> {
		await initDi();
		const context = this.context;
		try {
			const items = await context.__runPoll(async () => {
				const response = await trigger.poll.call(context);
				if (response !== null) context.__emit(response);
				else if (!activationPoll) await context.__commitCursor();
				return response;
			});
			return { items: items ? items[0] : null };
		} catch (error) {
			return { items: null, error: error as PollOutcome['error'] };
		}
	}

	/** "Fetch Test Event": a manual-mode poll of the same workflow. */
	async fetchTestEvent(): Promise<PollOutcome> {
		const saved = { workflow: this.workflow, context: this.context };
		this.activate('manual', 'manual');
		try {
			return await this.poll(true);
		} finally {
			this.workflow = saved.workflow;
			this.context = saved.context;
		}
	}

	/** Puts `value` in the database as the trigger's stored state (as an older release left it), then restarts. */
	storeState(value: unknown): void {
		const data = JSON.parse(this.stored) as Record<string, IDataObject>;
		data[`node:${this.node.name}`] = { ...data[`node:${this.node.name}`], [STATE_KEY]: value as IDataObject };
		this.stored = JSON.stringify(data);
		this.restart();
	}

	/** The trigger's state as the database holds it. */
	get storedState(): TriggerState | undefined {
		const data = JSON.parse(this.stored) as Record<string, IDataObject>;
		return data[`node:${this.node.name}`]?.[STATE_KEY] as TriggerState | undefined;
	}

	/** The trigger's state as the running workflow holds it. */
	get memoryState(): TriggerState | undefined {
		const bucket = this.workflow.staticData[`node:${this.node.name}`] as IDataObject | undefined;
		const state = bucket?.[STATE_KEY];
		return state ? (JSON.parse(JSON.stringify(state)) as TriggerState) : undefined;
	}
}
