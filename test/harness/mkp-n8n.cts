import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { LoggerProxy, Workflow } from 'n8n-workflow';
import { BinaryDataService, ExecutionLifecycleHooks, InstanceSettings, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import { MijnKlantportaal } from '../../nodes/MijnKlantportaal/MijnKlantportaal.node';
import { MemoryCredentialsHelper } from './mkp-credentials.cjs';

/** A start node that emits the items a test gives it (n8n-nodes-base is not a dependency). */
class ItemsNode implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as INodeExecutionData[];
		const out: INodeExecutionData[] = [];
		for (const item of items) {
			const binary: INodeExecutionData['binary'] = {};
			for (const [key, file] of Object.entries((item.binary ?? {}) as Record<string, { data: string; fileName: string; mimeType: string }>)) {
				binary[key] = await this.helpers.prepareBinaryData(Buffer.from(file.data, 'base64'), file.fileName, file.mimeType);
			}
			out.push({ json: item.json ?? {}, ...(item.binary ? { binary } : {}) });
		}
		return [out];
	}
}

const nodeTypeInstances: Record<string, INodeType> = {
	'test.items': new ItemsNode(),
	'n8n-nodes-mijnklantportaal.mijnKlantportaal': new MijnKlantportaal(),
};

export const nodeTypes: INodeTypes = {
	getByName: (type: string) => nodeTypeInstances[type],
	getByNameAndVersion: (type: string) => nodeTypeInstances[type],
	getKnownTypes: () => ({}),
} as INodeTypes;

export function registerNodeType(type: string, node: INodeType) {
	nodeTypeInstances[type] = node;
}

let initialised = false;
// n8n-core carries its own copy of @n8n/di; its services live in that copy's container.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as typeof import('@n8n/di');

export async function initDi() {
	if (initialised) return;
	initialised = true;
	// n8n logs every node error; the tests assert errors themselves, so the log stays quiet.
	const quiet = () => undefined;
	LoggerProxy.init({ error: quiet, warn: quiet, info: quiet, debug: quiet, verbose: quiet, scoped: () => LoggerProxy } as never);
	const binary = Container.get(BinaryDataService);
	await binary.init();
	void Container.get(InstanceSettings);
}

export function additionalData(credentialsHelper: MemoryCredentialsHelper): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executeWorkflow: async () => ({}),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		formBaseUrl: 'http://localhost/form',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		formTestBaseUrl: 'http://localhost/form-test',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		mcpBaseUrl: 'http://localhost/mcp',
		mcpTestBaseUrl: 'http://localhost/mcp-test',
		variables: {},
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('not used');
		},
		hooks: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

let executions = 0;

export interface RunOptions {
	parameters: IDataObject;
	/** Credential IDs in `helper`, by type. */
	credentials: Record<string, string>;
	helper: MemoryCredentialsHelper;
	items?: Array<{ json?: IDataObject; binary?: Record<string, { data: string; fileName: string; mimeType: string }> }>;
	continueOnFail?: boolean;
	/** The node's version, as a saved workflow pins it; the newest (what the editor adds) by default. */
	typeVersion?: number;
}

export interface RunResult {
	items: INodeExecutionData[];
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
}

/** Runs Items → MijnKlantportaal through n8n-core's real WorkflowExecute. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	await initDi();
	const type = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';
	const nodes: INode[] = [
		{ id: '1', name: 'Items', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(options.items ?? [{ json: {} }]) } },
		{
			id: '2',
			name: 'MKP',
			type,
			typeVersion: options.typeVersion ?? nodeTypeInstances[type].description.defaultVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: Object.fromEntries(Object.entries(options.credentials).map(([type, id]) => [type, { id, name: id }])),
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	const workflow = new Workflow({
		id: 'wf',
		nodes,
		connections: { Items: { main: [[{ node: 'MKP', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
	});
	const data = additionalData(options.helper);
	data.hooks = new ExecutionLifecycleHooks('manual', `exec-${++executions}`, { id: 'wf', name: 'test', nodes, connections: {}, active: false, settings: {}, createdAt: new Date(), updatedAt: new Date(), isArchived: false, activeVersionId: null } as never);
	const execute = new WorkflowExecute(data, 'manual');
	const run = await execute.run({ workflow, startNode: nodes[0] });
	const nodeRun = run.data.resultData.runData.MKP?.[0];
	const items = (nodeRun?.data?.main?.[0] ?? []) as INodeExecutionData[];
	const error = (nodeRun?.error ?? run.data.resultData.error) as RunResult['error'];
	return { items, error, run };
}

export interface ListSearchOptions {
	/** The `searchListMethod` a resource locator's "From List" mode names. */
	method: string;
	/** Credential IDs in `helper`, by type. */
	credentials: Record<string, string>;
	helper: MemoryCredentialsHelper;
	parameters?: IDataObject;
	filter?: string;
	paginationToken?: string;
}

/**
 * Calls a listSearch method as n8n's editor backend does (DynamicNodeParametersService in
 * packages/cli): a one-node workflow named Temp-Node and n8n-core's real LoadOptionsContext.
 */
export async function runListSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	await initDi();
	const type = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';
	const method = nodeTypeInstances[type].methods?.listSearch?.[options.method];
	if (typeof method !== 'function') throw new Error(`The node has no listSearch method named "${options.method}"`);
	const node: INode = {
		id: 'uuid-1234',
		name: 'Temp-Node',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: (options.parameters ?? {}) as INode['parameters'],
		credentials: Object.fromEntries(Object.entries(options.credentials).map(([name, id]) => [name, { id, name: id }])),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new LoadOptionsContext(workflow, node, additionalData(options.helper), 'parameters.id');
	return await method.call(context, options.filter, options.paginationToken);
}
