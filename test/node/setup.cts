// Shared setup of the node tests: a seeded mock, a credential pointing at it, one call that runs
// the node through n8n's real engine and returns what the mock saw, and byte helpers.
import { createHash } from 'node:crypto';
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { BinaryDataService } from 'n8n-core';
import { startMockServer } from '../mock-server';
import type { LogEntry, MockServer, MockServerOptions } from '../mock-server';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { Container, runNode } from '../harness/mkp-n8n.cjs';
import type { RunResult } from '../harness/mkp-n8n.cjs';

export type { LogEntry, MockServer };

/** A mock on a free port, rate limit off, seed 1 unless told otherwise. */
export async function startMock(options: MockServerOptions = {}): Promise<MockServer> {
	return await startMockServer({ port: 0, seed: 1, rateLimit: null, ...options });
}

export interface InputItem {
	json?: IDataObject;
	binary?: Record<string, { data: string; fileName: string; mimeType: string }>;
}

export interface NodeRun extends RunResult {
	/** Every request the mock logged during the run (API and storage). */
	log: LogEntry[];
	/** Requests to the API listener only. */
	api: LogEntry[];
	/** Requests to the cloud-file storage listener only. */
	storage: LogEntry[];
}

export interface RunOptions {
	items?: InputItem[];
	continueOnFail?: boolean;
	/** Another API key than the mock's all-scopes key (e.g. a limited or a wrong one). */
	apiKey?: string;
	/** The node's version (the newest by default). */
	typeVersion?: number;
}

let credentialCount = 0;

/** A fresh API-key credential for `mock` (the all-scopes key unless told otherwise). */
export function apiKeyCredential(mock: MockServer, apiKey = mock.apiKey) {
	const helper = new MemoryCredentialsHelper();
	const id = `key-${++credentialCount}`;
	helper.set(id, 'mijnKlantportaalApi', { apiKey, environment: 'custom', apiBaseUrl: mock.apiBaseUrl });
	return { helper, credentials: { mijnKlantportaalApi: id } };
}

/** Runs Items → MijnKlantportaal once against `mock` with an API-key credential for it. */
export async function run(mock: MockServer, parameters: IDataObject, options: RunOptions = {}): Promise<NodeRun> {
	const since = mock.log.lastSeq;
	const result = await runNode({
		...apiKeyCredential(mock, options.apiKey),
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		typeVersion: options.typeVersion,
	});
	const log = mock.log.entries({ since });
	return {
		...result,
		log,
		api: log.filter((entry) => entry.listener === 'api'),
		storage: log.filter((entry) => entry.listener === 'storage'),
	};
}

/** A resource locator value in "By ID" mode, as the editor stores it. */
export const rl = (value: string, mode: 'id' | 'url' | 'list' = 'id') => ({ __rl: true, mode, value });

/** What a test compares of a logged request. */
export function summary(entry: LogEntry) {
	return { method: entry.method, path: entry.path, query: entry.query, contentType: entry.contentType, body: entry.body };
}

export const sha256 = (data: Buffer | Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Input binary for an item, as the harness takes it (base64). */
export function binary(data: Buffer, fileName: string, mimeType: string) {
	return { data: data.toString('base64'), fileName, mimeType };
}

/** Metadata the mock logs for an uploaded file part. */
export function filePart(field: string, data: Buffer, filename: string, contentType: string) {
	return { field, filename, contentType, size: data.length, sha256: sha256(data) };
}

/** The bytes behind an output binary (n8n keeps them in its binary data store). */
export async function binaryBytes(data: IBinaryData): Promise<Buffer> {
	return await Container.get(BinaryDataService).getAsBuffer(data);
}

/** A small but well-formed PDF; `filler` bytes make it larger and full of multipart-hostile bytes. */
export function pdf(title: string, filler = 0): Buffer {
	const head = Buffer.from(`%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Title (${title}) >> endobj\n`, 'latin1');
	const body = Buffer.alloc(filler);
	// CR LF, dashes, NUL and high bytes: what a naive multipart encoder would corrupt.
	const pattern = Buffer.from('\r\n--boundary\r\n\x00\xff\xfe%%EOF\r\n', 'latin1');
	for (let i = 0; i < filler; i++) body[i] = pattern[i % pattern.length] ^ (Math.floor(i / pattern.length) & 0x0f);
	return Buffer.concat([head, body, Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

/** A 1×1 PNG, the company signer's signature. */
export const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64',
);

/** `pairedItem` of every output item, for comparing with the input positions. */
export const pairedItems = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);

/**
 * JSON of a value that also walks Errors (their own non-enumerable properties, `cause`) and
 * cycles, so a secret hidden anywhere in an error or the run data shows up in the text.
 */
export function deepSerialise(value: unknown): string {
	const seen = new WeakSet<object>();
	const walk = (v: unknown, depth: number): unknown => {
		if (v === null || typeof v !== 'object') return typeof v === 'function' ? `[function ${(v as { name?: string }).name ?? ''}]` : v;
		if (seen.has(v)) return '[cycle]';
		seen.add(v);
		if (depth > 40) return '[deep]';
		if (Buffer.isBuffer(v)) return v.toString('latin1');
		if (v instanceof Map) return walk(Object.fromEntries(v), depth + 1);
		if (v instanceof Set) return walk([...v], depth + 1);
		if (Array.isArray(v)) return v.map((entry) => walk(entry, depth + 1));
		const out: Record<string, unknown> = {};
		const keys = new Set([...Object.getOwnPropertyNames(v), ...(v instanceof Error ? ['message', 'stack', 'cause'] : [])]);
		for (const key of keys) {
			let entry: unknown;
			try {
				entry = (v as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			out[key] = walk(entry, depth + 1);
		}
		return out;
	};
	return JSON.stringify(walk(value, 0));
}
