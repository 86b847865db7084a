// Runs the MijnKlantportaal Trigger the way n8n's server does, through n8n-core's real contexts:
// HookContext for checkExists/create/delete (packages/cli WebhookService.runWebhookMethod) and
// WebhookContext for deliveries (WebhookService.runWebhook), with the parts of the server that
// sit around them restated here: the static data kept in the database between phases, the body
// parser that fills `rawBody`/`body`, and the immediate response of the `onReceived` mode.
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { HookContext, WebhookContext } from 'n8n-core';
import { MijnKlantportaalWebhookTrigger } from '../../nodes/MijnKlantportaalWebhookTrigger/MijnKlantportaalWebhookTrigger.node';
import type { MemoryCredentialsHelper } from './mkp-credentials.cjs';
import { additionalData, Container, initDi, nodeTypes, registerNodeType } from './mkp-n8n.cjs';

export const TRIGGER_TYPE = 'n8n-nodes-mijnklantportaal.mijnKlantportaalWebhookTrigger';
const trigger = new MijnKlantportaalWebhookTrigger();
registerNodeType(TRIGGER_TYPE, trigger);

// n8n-core carries its own copy of @n8n/backend-common; its contexts log through that one.
const corePaths = { paths: [require.resolve('n8n-core')] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Logger } = require(require.resolve('@n8n/backend-common', corePaths)) as { Logger: new (...args: any[]) => object }; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	meta?: unknown;
}

/** What nodes logged through `this.logger` (n8n's Logger), captured instead of printed. */
export const logs: LogLine[] = [];
let loggerPatched = false;

async function setUp() {
	await initDi();
	if (loggerPatched) return;
	loggerPatched = true;
	// error/warn/info (and debug, when enabled) all go through `log`; levels below the configured
	// one (debug, by default) are read-only no-ops, as in production.
	const logger = Container.get(Logger) as unknown as { log: (level: LogLine['level'], message: string, meta?: unknown) => void };
	logger.log = (level, message, meta) => {
		logs.push({ level, message, meta });
	};
}

export interface TriggerOptions {
	helper: MemoryCredentialsHelper;
	/** Credential IDs in `helper`, by type. */
	credentials: Record<string, string>;
	parameters: IDataObject;
	/** n8n's `webhookBaseUrl` (…/webhook): the receiver the mock delivers to. */
	webhookBaseUrl: string;
	webhookTestBaseUrl?: string;
}

export interface Delivery {
	status: number;
	body: string;
	/** The node's answer, or undefined when "n8n" refused the request before the node ran. */
	result?: IWebhookResponseData;
	/** Items the workflow was started with; undefined when nothing ran. */
	items?: INodeExecutionData[];
	error?: Error;
}

export interface DeliverOptions {
	/** Hand the request to the node without n8n's JSON parser (which answers 422 itself for bad JSON). */
	skipN8nBodyParser?: boolean;
	/** A WebhookContext without `getWebhookResourceUrl`, as in n8n 1.x (added in n8n 2). */
	withoutResourceUrl?: boolean;
}

/** One trigger node in one workflow, with n8n's database reduced to the saved static data. */
export class TriggerHarness {
	readonly node: INode;

	readonly workflowId = `wf-${randomUUID().slice(0, 8)}`;

	/** The workflow's static data as n8n last saved it. */
	savedStaticData: IDataObject = {};

	/** Whether n8n has the production webhook registered (between activate and deactivate). */
	active = false;

	/**
	 * While "Listen for test event" is on: the static data n8n keeps with the test registration
	 * (TestWebhooks caches `workflow.staticData` after `create` and hands it to every test delivery).
	 */
	testStaticData: IDataObject | undefined;

	/** Every delivery that started the workflow (an errored start included, as in n8n), in order. */
	readonly executions: INodeExecutionData[][] = [];

	constructor(private readonly options: TriggerOptions) {
		this.node = {
			id: 'trigger',
			name: 'MKP Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: options.parameters as INode['parameters'],
			credentials: Object.fromEntries(Object.entries(options.credentials).map(([type, id]) => [type, { id, name: id }])),
		};
	}

	/** A Workflow as n8n builds one from the database row, static data included. */
	workflow(): Workflow {
		return new Workflow({
			id: this.workflowId,
			name: 'Trigger test',
			nodes: [structuredClone(this.node)],
			connections: {},
			active: this.active,
			nodeTypes,
			staticData: structuredClone(this.savedStaticData),
		});
	}

	/** n8n's WorkflowStaticDataService.saveStaticData: writes back only what was changed. */
	save(workflow: Workflow) {
		if ((workflow.staticData as { __dataChanged?: boolean }).__dataChanged) {
			this.savedStaticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		}
	}

	/** The node's part of the saved static data. */
	get nodeStaticData(): IDataObject {
		return (this.savedStaticData[`node:${this.node.name}`] ?? {}) as IDataObject;
	}

	additionalData(): IWorkflowExecuteAdditionalData {
		const data = additionalData(this.options.helper);
		data.webhookBaseUrl = this.options.webhookBaseUrl;
		data.webhookTestBaseUrl = this.options.webhookTestBaseUrl ?? `${this.options.webhookBaseUrl}-test`;
		return data;
	}

	webhookData(data: IWorkflowExecuteAdditionalData, isTest = false): IWebhookData {
		const description = trigger.description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/${description.path}`,
			webhookDescription: description,
			workflowId: this.workflowId,
			workflowExecuteAdditionalData: data,
			webhookId: this.node.webhookId,
			isTest,
		};
	}

	/** The production URL n8n gives the node (`getNodeWebhookUrl('default')`). */
	get productionUrl(): string {
		return `${this.options.webhookBaseUrl}/${this.node.webhookId}/webhook`;
	}

	/** The test URL n8n gives the node while listening for a test event. */
	get testUrl(): string {
		return `${this.additionalData().webhookTestBaseUrl}/${this.node.webhookId}/webhook`;
	}

	/**
	 * "Listen for test event", as TestWebhooks.needsWebhook does it: checkExists and create in a
	 * HookContext with isTest (mode `manual`), on a workflow from the saved data; the resulting
	 * static data is kept with the registration and not saved to the database.
	 */
	async listenForTest(): Promise<void> {
		await setUp();
		const workflow = this.workflow();
		const context = () => this.hookContext(workflow, 'manual', true);
		if (!(await trigger.webhookMethods.default.checkExists.call(context()))) {
			await trigger.webhookMethods.default.create.call(context());
		}
		this.testStaticData = workflow.staticData;
	}

	/** Listening stops, as TestWebhooks.deactivateWebhooks does it: `delete` with the cached static data. */
	async stopListening(): Promise<boolean> {
		await setUp();
		const workflow = this.workflow();
		workflow.staticData = this.testStaticData ?? workflow.staticData;
		const data = this.additionalData();
		const node = workflow.getNode(this.node.name)!;
		const context = new HookContext(workflow, node, data, 'internal', 'update', this.webhookData(data, true));
		const result = await trigger.webhookMethods.default.delete.call(context);
		this.testStaticData = undefined;
		return result;
	}

	/** A HookContext exactly as WebhookService.runWebhookMethod builds it. */
	hookContext(workflow: Workflow, activation: WorkflowActivateMode = 'activate', isTest = false): HookContext {
		const data = this.additionalData();
		const node = workflow.getNode(this.node.name)!;
		return new HookContext(workflow, node, data, isTest ? 'manual' : 'trigger', activation, this.webhookData(data, isTest));
	}

	/** Runs one webhook method on its own (a fresh workflow from the saved data, saved afterwards). */
	async run(method: 'checkExists' | 'create' | 'delete', activation: WorkflowActivateMode = 'activate'): Promise<boolean> {
		await setUp();
		const workflow = this.workflow();
		try {
			return await trigger.webhookMethods.default[method].call(this.hookContext(workflow, activation));
		} finally {
			this.save(workflow);
		}
	}

	/**
	 * Activation as ActiveWorkflowManager.addWebhooks does it: checkExists, then create if that
	 * said false, on one workflow object; static data saved at the end. On an error n8n runs
	 * `delete` (clearWebhooks, on the workflow as stored) and rethrows.
	 */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<{ existed: boolean }> {
		await setUp();
		const workflow = this.workflow();
		let existed = false;
		try {
			existed = await trigger.webhookMethods.default.checkExists.call(this.hookContext(workflow, activation));
			if (!existed) await trigger.webhookMethods.default.create.call(this.hookContext(workflow, activation));
		} catch (error) {
			await this.deactivate();
			throw error;
		}
		this.save(workflow);
		this.active = true;
		return { existed };
	}

	/** Deactivation as ActiveWorkflowManager.clearWebhooks does it: `delete`, then save static data. */
	async deactivate(): Promise<boolean> {
		await setUp();
		const workflow = this.workflow();
		const result = await trigger.webhookMethods.default.delete.call(this.hookContext(workflow, 'update'));
		this.save(workflow);
		this.active = false;
		return result;
	}

	/**
	 * One request to the production URL, handled as n8n's live webhook handler does:
	 * unknown path or inactive workflow → 404; body read into `rawBody` and, for JSON, parsed
	 * (422 when that fails); the node's `webhook()` in a WebhookContext; then, unless the node
	 * answered itself, 200 `{"message":"Workflow was started"}` once the execution has started.
	 */
	async handle(req: http.IncomingMessage, res: http.ServerResponse, options: DeliverOptions = {}): Promise<Delivery> {
		await setUp();
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		// The production URL while active (LiveWebhooks, mode `webhook`); the test URL while
		// listening for a test event (TestWebhooks, mode `manual`, with the cached static data).
		const isTest = this.testStaticData !== undefined && path === new URL(this.testUrl).pathname;
		const isLive = this.active && path === new URL(this.productionUrl).pathname;
		if (req.method !== 'POST' || (!isTest && !isLive)) {
			return answer(res, 404, { code: 404, message: 'The requested webhook is not registered.' });
		}
		const request = req as http.IncomingMessage & { rawBody?: Buffer; body?: unknown; readRawBody?: () => Promise<void> };
		request.readRawBody = async () => {
			if (request.rawBody) return;
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			request.rawBody = Buffer.concat(chunks);
		};
		const workflow = this.workflow();
		if (isTest) workflow.setTestStaticData(this.testStaticData!);
		const node = workflow.getNode(this.node.name)!;
		// parseRequestBody: for typeVersion 1 n8n first probes the node's binaryData option.
		workflow.expression.getSimpleParameterValue(node, '={{$parameter["options"]["binaryData"]}}', 'webhook', {}, undefined, false);
		await request.readRawBody();
		request.body = {};
		const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim();
		if (!options.skipN8nBodyParser && contentType === 'application/json' && request.rawBody!.length) {
			try {
				request.body = JSON.parse(request.rawBody!.toString('utf8'));
			} catch {
				return answer(res, 422, { code: 422, message: 'Failed to parse request body' });
			}
		}

		const data = this.additionalData();
		data.httpRequest = request as never;
		data.httpResponse = res as never;
		const context = new WebhookContext(workflow, node, data, isTest ? 'manual' : 'webhook', this.webhookData(data, isTest), [], null);
		if (options.withoutResourceUrl) Object.defineProperty(context, 'getWebhookResourceUrl', { value: undefined });
		let result: IWebhookResponseData;
		try {
			result = await trigger.webhook.call(context);
		} catch (error) {
			// n8n answers 500 and still starts an execution, with an empty item and the error
			// (webhook-helpers invokeWebhook): a thrown error is never a way to refuse a call.
			this.executions.push([{ json: {} }]);
			const delivery = await answer(res, 500, { message: 'Workflow Webhook Error: Workflow could not be started!' });
			return { ...delivery, error: error as Error };
		}
		// LiveWebhooks saves changed static data after a delivery; TestWebhooks does not.
		if (!isTest) this.save(workflow);
		if (result.noWebhookResponse) {
			const body = await written(res);
			return { status: res.statusCode, body, result, items: result.workflowData?.[0] };
		}
		if (result.workflowData === undefined) {
			return { ...(await answer(res, 200, result.webhookResponse ?? { message: 'Webhook call received' })), result };
		}
		this.executions.push(result.workflowData[0]);
		return { ...(await answer(res, 200, { message: 'Workflow was started' })), result, items: result.workflowData[0] };
	}
}

/** What a Node response wrote, once it has finished. */
function written(res: http.ServerResponse): Promise<string> {
	const chunks = ((res as unknown as { __chunks?: Buffer[] }).__chunks ??= []);
	return new Promise((resolve) => {
		const done = () => resolve(Buffer.concat(chunks).toString('utf8'));
		if (res.writableFinished) done();
		else res.once('finish', done);
	});
}

async function answer(res: http.ServerResponse, status: number, body: unknown): Promise<Delivery> {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(text);
	await written(res);
	return { status, body: text };
}

/** Records what is written to a response, so a test can read the node's own answers. */
function recordWrites(res: http.ServerResponse) {
	const chunks: Buffer[] = [];
	(res as unknown as { __chunks: Buffer[] }).__chunks = chunks;
	const write = res.write.bind(res) as (...args: unknown[]) => boolean;
	const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
	const keep = (chunk: unknown) => {
		if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string));
	};
	res.write = ((chunk: unknown, ...rest: unknown[]) => {
		keep(chunk);
		return write(chunk, ...rest);
	}) as typeof res.write;
	res.end = ((chunk?: unknown, ...rest: unknown[]) => {
		keep(chunk);
		return end(chunk, ...rest);
	}) as typeof res.end;
}

export interface Receiver {
	/** `http://127.0.0.1:<port>/webhook`: n8n's webhookBaseUrl. */
	webhookBaseUrl: string;
	/** Every request received, with what it was answered. */
	deliveries: Delivery[];
	/** Which harness handles requests (one receiver serves one trigger at a time). */
	use(harness: TriggerHarness | undefined, options?: DeliverOptions): void;
	/** Waits until every request received so far has been handled and recorded. */
	settle(): Promise<void>;
	close(): Promise<void>;
}

/** A loopback HTTP server standing in for n8n's webhook listener; it hands each real request to the harness. */
export async function startReceiver(): Promise<Receiver> {
	let current: TriggerHarness | undefined;
	let currentOptions: DeliverOptions = {};
	const deliveries: Delivery[] = [];
	const pending = new Set<Promise<unknown>>();
	const server = http.createServer((req, res) => {
		recordWrites(res);
		const handled = current
			? current.handle(req, res, currentOptions)
			: answer(res, 404, { code: 404, message: 'The requested webhook is not registered.' });
		const recorded = handled.then(
			(delivery) => deliveries.push(delivery),
			(error: Error) => {
				deliveries.push({ status: 500, body: '', error });
				if (!res.headersSent) res.writeHead(500).end();
			},
		);
		pending.add(recorded);
		void recorded.finally(() => pending.delete(recorded));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		webhookBaseUrl: `http://127.0.0.1:${port}/webhook`,
		deliveries,
		use(harness, options = {}) {
			current = harness;
			currentOptions = options;
		},
		settle: async () => {
			await Promise.all([...pending]);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
