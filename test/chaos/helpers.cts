// Shared by the chaos tests: a mock, an API-key credential for it, and runs of the action node
// through n8n-core's real WorkflowExecute.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { LogEntry, MockServer } from '../mock-server';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';
import type { RunResult } from '../harness/mkp-n8n.cjs';

export interface InputItem {
	json?: IDataObject;
	binary?: Record<string, { data: string; fileName: string; mimeType: string }>;
}

export interface ChaosRun extends RunResult {
	api: LogEntry[];
}

/** Runs Items → MijnKlantportaal with an API-key credential `credentialId` for `mock`. */
export async function run(
	mock: MockServer,
	parameters: IDataObject,
	options: { items?: InputItem[]; continueOnFail?: boolean; credentialId?: string; apiKey?: string; apiBaseUrl?: string } = {},
): Promise<ChaosRun> {
	const helper = new MemoryCredentialsHelper();
	const id = options.credentialId ?? 'chaos-key';
	helper.set(id, 'mijnKlantportaalApi', { apiKey: options.apiKey ?? mock.apiKey, environment: 'custom', apiBaseUrl: options.apiBaseUrl ?? mock.apiBaseUrl });
	const since = mock.log.lastSeq;
	const result = await runNode({ helper, credentials: { mijnKlantportaalApi: id }, parameters, items: options.items, continueOnFail: options.continueOnFail });
	const api = mock.log.entries({ since }).filter((entry) => entry.listener === 'api');
	return { ...result, api };
}

/** A resource locator value in "By ID" mode. */
export const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** Output items grouped by the input item they came from. */
export function byInput(items: INodeExecutionData[], inputs: number): INodeExecutionData[][] {
	const groups: INodeExecutionData[][] = Array.from({ length: inputs }, () => []);
	for (const item of items) {
		const paired = item.pairedItem as { item: number } | undefined;
		if (!paired || typeof paired.item !== 'number' || !groups[paired.item]) throw new Error(`output item without a valid pairedItem: ${JSON.stringify(item.json).slice(0, 200)}`);
		groups[paired.item].push(item);
	}
	return groups;
}

export const isErrorItem = (item: INodeExecutionData) => typeof item.json.error === 'string';

/** Every field the customer create operation requires, unique per `name`. */
export const customerFields = {
	companyName: '={{ $json.name }}',
	address: 'Kerkstraat 1',
	zipCode: '1234 AB',
	city: 'Utrecht',
	primaryEmail: '={{ $json.email }}',
};
