// The chaos scenario shared by the chaos tests: 1,000 mixed operations (creates, gets, updates,
// lists and uploads) through n8n-core's real engine, while the mock injects faults into 10% of
// the requests: every fault type, in both phases. Returns what a test asserts.
import type { INodeExecutionData } from 'n8n-workflow';
import type { FaultType, MockServer } from '../mock-server';
import type { InputItem } from './helpers.cjs';
import { byInput, customerFields, isErrorItem, rl, run } from './helpers.cjs';

export const LIST_LIMIT = 20;

/** Per 1,000 operations; lists fetch two pages each. */
const MIX = { create: 300, get: 250, update: 200, list: 200, upload: 50 };

export type Kind = keyof typeof MIX;

export interface Outcome {
	kind: Kind;
	round: number;
	index: number;
	input: InputItem;
	outputs: INodeExecutionData[];
}

export interface ChaosReport {
	outcomes: Outcome[];
	/** Run-level errors (a node that failed as a whole): must be none. */
	runErrors: string[];
	/** Every error item: its message and description. */
	errors: Array<{ kind: Kind; error: string; description: string }>;
	requests: number;
	faults: number;
	tooManyRequests: number;
	rateLimited: number;
	seconds: number;
}

const ALL_TYPES: FaultType[] = ['500', '502', '503', '429', 'latency', 'drop', 'malformed'];

/**
 * Two rounds of half the operations each: faults in the `before` phase (the handler does not run),
 * then in the `after` phase (the handler runs, e.g. the create happens, and then the answer is
 * spoiled). Each round runs one execution per kind of operation, side by side, with one credential.
 *
 * One exception, stated: an `after`-phase 429 is injected only into idempotent requests (GET,
 * PATCH). A 429 means the API did not process the request (API.md §5.3), and the node trusts it
 * and sends a create again; a server that created the record and then answered 429 would make
 * every client that honours 429 create it twice.
 */
export async function runChaos(
	mock: MockServer,
	options: { operations: number; seed: number; credentialId: string; credentials: 'shared' | 'perKind' },
): Promise<ChaosReport> {
	const scale = options.operations / 1000;
	const count = (kind: Kind) => Math.round(MIX[kind] * scale / 2);
	const seeded = mock.store.collection<{ id: string }>('customers').all().map((c) => c.id);
	const outcomes: Outcome[] = [];
	const runErrors: string[] = [];
	const started = Date.now();
	mock.resetCounters();

	for (const [round, phase] of (['before', 'after'] as const).entries()) {
		mock.faults.clear();
		if (phase === 'before') {
			mock.faults.random({ rate: 0.1, types: ALL_TYPES, seed: options.seed, phase, latencyMs: 10 });
		} else {
			mock.faults.random({ rate: 0.1, types: ALL_TYPES.filter((t) => t !== '429'), seed: options.seed + 1, phase, latencyMs: 10 });
			mock.faults.add({ type: '429', phase, method: 'GET', count: Math.max(1, Math.round(6 * scale)) });
			mock.faults.add({ type: '429', phase, method: 'PATCH', count: Math.max(1, Math.round(3 * scale)) });
		}
		const tag = `${options.seed}-${round}`;
		const inputs: Record<Kind, InputItem[]> = {
			create: Array.from({ length: count('create') }, (_, i) => ({ json: { name: `Chaos ${tag}-${i}`, email: `c${i}@chaos.nl` } })),
			get: Array.from({ length: count('get') }, (_, i) => ({ json: { id: seeded[i % seeded.length] } })),
			update: Array.from({ length: count('update') }, (_, i) => ({ json: { id: seeded[(i + round * 100) % seeded.length], city: `Stad ${tag}-${i}` } })),
			list: Array.from({ length: count('list') }, () => ({ json: {} })),
			upload: Array.from({ length: count('upload') }, (_, i) => ({
				json: {},
				binary: { data: { data: Buffer.from(`chaos upload ${tag}-${i}\n`).toString('base64'), fileName: `chaos-${tag}-${i}.txt`, mimeType: 'text/plain' } },
			})),
		};
		const parameters: Record<Kind, Record<string, unknown>> = {
			create: { resource: 'customer', operation: 'create', ...customerFields },
			get: { resource: 'customer', operation: 'get', customerId: rl('={{ $json.id }}') },
			update: { resource: 'customer', operation: 'update', customerId: rl('={{ $json.id }}'), updateFields: { city: '={{ $json.city }}' } },
			list: { resource: 'customer', operation: 'getAll', returnAll: false, limit: LIST_LIMIT },
			upload: { resource: 'file', operation: 'upload', file: 'data' },
		};
		const kinds = Object.keys(MIX) as Kind[];
		const results = await Promise.all(
			kinds.map((kind) =>
				run(mock, parameters[kind] as never, {
					items: inputs[kind],
					continueOnFail: true,
					// One credential for all (one shared pacer), or one credential entry per execution for the same key.
					credentialId: options.credentials === 'shared' ? options.credentialId : `${options.credentialId}-${kind}`,
				}),
			),
		);
		for (const [k, kind] of kinds.entries()) {
			const result = results[k];
			if (result.error) runErrors.push(`${kind}: ${result.error.message}`);
			const groups = byInput(result.items, inputs[kind].length);
			groups.forEach((outputs, index) => outcomes.push({ kind, round, index, input: inputs[kind][index], outputs }));
		}
	}
	mock.faults.clear();
	const errors = outcomes
		.flatMap((o) => o.outputs.filter(isErrorItem).map((item) => ({ kind: o.kind, error: String(item.json.error), description: String(item.json.description ?? '') })));
	return {
		outcomes,
		runErrors,
		errors,
		requests: mock.counters.requests,
		faults: mock.counters.faultsInjected,
		tooManyRequests: mock.counters.tooManyRequests,
		rateLimited: mock.counters.rateLimited,
		seconds: (Date.now() - started) / 1000,
	};
}

/** An error a user can act on: what happened, how many attempts, and (for writes) not repeated. */
export const CLEAR_ERROR =
	/^(MijnKlantportaal server error \((500|502|503)\): .+ failed after \d+ attempts?( and was not repeated, because it may already have been processed)?|MijnKlantportaal could not be reached: .+ failed after \d+ attempts?, the last with (a dropped connection|no answer in time|a broken response \(status 200, not valid JSON\))|MijnKlantportaal did not answer properly: .+ got (a dropped connection|no answer in time|a broken response \(status 200, not valid JSON\)) after \d+ attempts? and was not repeated, because it may already have been processed)$/;

export function assertChaos(mock: MockServer, report: ChaosReport) {
	const customers = mock.store.collection<{ id: string; companyName: string; city: string }>('customers').all();
	const files = mock.store.collection<{ id: string; name: string }>('files').all();
	const seeded = customers.slice(0, 40).map((c) => c.id);
	expect(report.runErrors).toEqual([]);
	expect(report.outcomes).toHaveLength(1000);

	let creates = 0;
	for (const outcome of report.outcomes) {
		const { kind, outputs, input } = outcome;
		// 0 items lost: one output per input (a result or an error item); a list gives its LIST_LIMIT records.
		if (kind === 'list' && !outputs.some(isErrorItem)) {
			expect(outputs.map((o) => o.json.id)).toEqual(seeded.slice(0, LIST_LIMIT));
			continue;
		}
		expect(outputs).toHaveLength(1);
		const [out] = outputs;
		if (isErrorItem(out)) {
			expect(String(out.json.error)).toMatch(CLEAR_ERROR);
			if (kind === 'create' || kind === 'upload') expect(String(out.json.error)).toMatch(/was not repeated/);
		}
		if (kind === 'create') {
			const name = String(input.json!.name);
			const stored = customers.filter((c) => c.companyName === name);
			// 0 duplicates: at most one record per create, exactly the one returned when it succeeded.
			if (isErrorItem(out)) expect(stored.length).toBeLessThanOrEqual(1);
			else expect(stored.map((c) => c.id)).toEqual([out.json.id]);
			creates += stored.length;
		} else if (kind === 'upload') {
			const name = Object.values(input.binary!)[0].fileName;
			const stored = files.filter((f) => f.name === name);
			if (isErrorItem(out)) expect(stored.length).toBeLessThanOrEqual(1);
			else expect(stored.map((f) => f.id)).toEqual([out.json.id]);
		} else if (!isErrorItem(out)) {
			expect(out.json.id).toBe(input.json!.id);
			if (kind === 'update') expect(out.json.city).toBe(input.json!.city);
		}
	}
	// Every create that is in the store is in it once: the store holds seeded + stored creates, no more.
	expect(customers.length).toBe(40 + creates);
	// The faults were really there: about 10% of all requests.
	expect(report.faults / report.requests).toBeGreaterThan(0.06);
	expect(report.faults / report.requests).toBeLessThan(0.14);
}

export function summary(report: ChaosReport) {
	const byKind: Record<string, number> = {};
	for (const e of report.errors) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
	return { seconds: report.seconds, requests: report.requests, faults: report.faults, tooManyRequests: report.tooManyRequests, rateLimited: report.rateLimited, errorItems: byKind };
}

