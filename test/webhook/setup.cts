// Shared setup of the trigger tests: a mock, a loopback receiver standing in for n8n's webhook
// listener, and a trigger harness with a credential for the mock.
import type { IDataObject } from 'n8n-workflow';
import { startMockServer } from '../mock-server';
import type { LogEntry, MockServer, MockServerOptions } from '../mock-server';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { logs, startReceiver, TriggerHarness } from '../harness/mkp-hooks.cjs';
import type { Receiver } from '../harness/mkp-hooks.cjs';
import type { StoredWebhook } from '../../nodes/MijnKlantportaalWebhookTrigger/store';
import { oauthData } from '../harness/credential-data.js';

export { logs };
export type { LogEntry, MockServer, Receiver, StoredWebhook };

export async function startMock(options: MockServerOptions = {}): Promise<MockServer> {
	return await startMockServer({ port: 0, seed: 1, rateLimit: null, ...options });
}

export interface Loopback {
	mock: MockServer;
	receiver: Receiver;
}

/** A mock and a receiver for the tests of one describe block: started before them, closed after. */
export function mockAndReceiver(options: MockServerOptions = {}): Loopback {
	const loopback = {} as Loopback;
	beforeAll(async () => {
		loopback.mock = await startMock(options);
		loopback.receiver = await startReceiver();
	});
	afterAll(async () => {
		await loopback.receiver.close();
		await loopback.mock.close();
	});
	return loopback;
}

export interface HarnessOptions {
	events: string[];
	/** Another API key than the mock's all-scopes key. */
	apiKey?: string;
	oAuth2?: boolean;
}

let credentialCount = 0;

/** A trigger wired to `mock` (API) and `receiver` (deliveries); the receiver hands requests to it. */
export function triggerFor(mock: MockServer, receiver: Receiver, options: HarnessOptions): TriggerHarness {
	const helper = new MemoryCredentialsHelper();
	const id = `cred-${++credentialCount}`;
	const parameters: IDataObject = { events: options.events };
	let credentials: Record<string, string>;
	if (options.oAuth2) {
		const tokens = mock.issueTokens({ scopes: ['webhooks.read', 'webhooks.write'] });
		helper.set(id, 'mijnKlantportaalOAuth2Api', oauthData(mock, tokens));
		credentials = { mijnKlantportaalOAuth2Api: id };
		parameters.authentication = 'oAuth2';
	} else {
		helper.set(id, 'mijnKlantportaalApi', { apiKey: options.apiKey ?? mock.apiKey, environment: 'custom', apiBaseUrl: mock.apiBaseUrl });
		credentials = { mijnKlantportaalApi: id };
	}
	const harness = new TriggerHarness({ helper, credentials, parameters, webhookBaseUrl: receiver.webhookBaseUrl });
	receiver.use(harness);
	return harness;
}

export interface MockWebhook {
	id: string;
	type: string;
	url: string;
	secret: string;
}

/** The mock's webhook records (ground truth), optionally only those calling `url`. */
export function mockWebhooks(mock: MockServer, url?: string): MockWebhook[] {
	const all = mock.store.collection<MockWebhook>('webhooks').all();
	return all.filter((record) => url === undefined || record.url === url);
}

/** What the node keeps in static data, as n8n last saved it. */
export function stored(harness: TriggerHarness): StoredWebhook[] {
	return (harness.nodeStaticData.webhooks ?? []) as unknown as StoredWebhook[];
}

/** API requests the mock logged after `since`, as `METHOD /path` lines. */
export function apiCalls(mock: MockServer, since: number): string[] {
	return mock.log
		.entries({ since })
		.filter((entry) => entry.listener === 'api')
		.map((entry) => `${entry.method} ${entry.path}${entry.query.page ? `?page=${entry.query.page}` : ''} ${entry.status}`);
}

export interface Posted {
	status: number;
	body: { code?: number; message?: string };
}

/** POSTs straight to the trigger's production URL, as a caller other than the mock would. */
export async function post(url: string, body: string | Uint8Array, headers: Record<string, string>): Promise<Posted> {
	const response = await fetch(url, { method: 'POST', headers, body: body as BodyInit });
	const text = await response.text();
	let parsed: Posted['body'] = {};
	try {
		parsed = JSON.parse(text) as Posted['body'];
	} catch {
		parsed = { message: text };
	}
	return { status: response.status, body: parsed };
}

/** The mock's delivery body: `{event, createdAt, data}`. */
export function payload(event: string, data: IDataObject = { id: 'cst_1' }): string {
	return JSON.stringify({ event, createdAt: '2025-01-01T12:00:00+01:00', data });
}

export const warnings = () => logs.filter((line) => line.level === 'warn' || line.level === 'error');
