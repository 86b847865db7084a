import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { startMockServer } from '../mock-server';
import type { MockServer, MockServerOptions, Order } from '../mock-server';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { PollHarness } from '../harness/mkp-poll.cjs';
import type { Persistence } from '../harness/mkp-poll.cjs';
import { oauthData } from '../harness/credential-data.js';

export const ORDERS: Order[] = ['oldest-first', 'newest-first'];

/** mulberry32: a small seeded PRNG, so every run makes the same moves. */
export function prng(seed: number): { next: () => number; int: (n: number) => number; pick: <T>(items: readonly T[]) => T; chance: (p: number) => boolean } {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

export async function startMock(options: MockServerOptions = {}): Promise<MockServer> {
	return await startMockServer({ port: 0, seed: 11, records: 0, rateLimit: null, ...options });
}

/** An API-key credential for the mock. */
/**
 * An API-key credential for the mock. The transport paces per credential ID and base URL, across
 * executions; a test that changes the mock's rate limit uses an ID of its own.
 */
export function apiKeyCredential(mock: MockServer, id = 'key'): { helper: MemoryCredentialsHelper; credentials: Record<string, string> } {
	const helper = new MemoryCredentialsHelper();
	helper.set(id, 'mijnKlantportaalApi', { environment: 'custom', apiBaseUrl: mock.apiBaseUrl, apiKey: mock.apiKey });
	return { helper, credentials: { mijnKlantportaalApi: id } };
}

/** An OAuth2 credential for the mock, with tokens issued for every scope. */
export function oauthCredential(mock: MockServer): { helper: MemoryCredentialsHelper; credentials: Record<string, string> } {
	const tokens = mock.issueTokens({ scopes: [...mock.scopes] });
	const helper = new MemoryCredentialsHelper();
	helper.set('oauth', 'mijnKlantportaalOAuth2Api', oauthData(mock, tokens));
	return { helper, credentials: { mijnKlantportaalOAuth2Api: 'oauth' } };
}

export function trigger(
	mock: MockServer,
	parameters: IDataObject,
	options: {
		oauth?: { helper: MemoryCredentialsHelper; credentials: Record<string, string> };
		credentialId?: string;
		persistence?: Persistence;
	} = {},
): PollHarness {
	const credential = options.oauth ?? apiKeyCredential(mock, options.credentialId);
	const authentication = options.oauth ? { authentication: 'oAuth2' } : {};
	return new PollHarness({ ...credential, parameters: { ...authentication, ...parameters }, persistence: options.persistence });
}

export const ids = (items: INodeExecutionData[] | null | undefined): string[] => (items ?? []).map((item) => String(item.json.id));

/** API requests the mock answered while `run` ran. */
export async function countRequests<T>(mock: MockServer, run: () => Promise<T>): Promise<{ result: T; requests: number }> {
	const before = mock.counters.apiRequests;
	const result = await run();
	return { result, requests: mock.counters.apiRequests - before };
}

/** Runs `mutate` just before the mock serves the `nth` list request of a collection (1-based). */
export function beforeListRequest(mock: MockServer, collection: string, nth: number, mutate: () => void): () => void {
	const col = mock.store.collection(collection) as { all: () => readonly unknown[] };
	const all = col.all;
	let calls = 0;
	col.all = () => {
		calls++;
		if (calls === nth) mutate();
		return all.call(col);
	};
	return () => {
		col.all = all;
	};
}

export const nowAtom = (mock: MockServer): string => new Date(mock.clock.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** A record of the mock's store, as far as these tests read it. */
export type StoreRecord = Record<string, unknown> & { id: string };

export const create = (mock: MockServer, name: string, overrides?: Record<string, unknown>): StoreRecord =>
	mock.store.create<StoreRecord>(name, overrides);

export const all = (mock: MockServer, name: string): readonly StoreRecord[] => mock.store.collection<StoreRecord>(name).all();
