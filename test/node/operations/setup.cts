// The shared setup of the operation tests, one file per resource beside this one. Each file lists
// a case per operation of its resource; `testOperations` runs every case through n8n's engine
// against a mock of its own and checks what all operations share: no error, exactly the expected
// API requests (method, path with IDs, query, JSON body or multipart fields and files, content
// type), the credential, no storage request unless the operation downloads, and `pairedItem`.
// The case's own `check` then proves the output, and the output schema the build ships for the
// operation must describe those items exactly. coverage.test.cts checks that every operation
// has a case, on its documented endpoint.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { resources } from '../../../nodes/shared/resources';
import type { InputItem, MockServer, NodeRun } from '../setup.cjs';
import { binaryBytes, run, sha256, startMock, summary } from '../setup.cjs';
import { operationValidator, schemaErrors } from '../../harness/mkp-output-schemas.cjs';

export { PNG, binary, filePart, pdf, rl, sha256 } from '../setup.cjs';

export type Rec = Record<string, any>;

/** Records of the seeded mock that the cases work on, picked once per file. */
export interface Fixtures {
	customer: Rec;
	customer2: Rec;
	group: Rec;
	agreement: Rec;
	appointment: Rec;
	invoice: Rec;
	offer: Rec;
	subscription: Rec;
	pkg: Rec;
	file: Rec;
	directory: Rec;
	fileRequest: Rec;
	mkpInvoice: Rec;
	/** An open link (closed by the Close case). */
	openLink: Rec;
	/** A link with payments. */
	paidLink: Rec;
	punchCard: Rec;
	issued: Rec;
	ticket: Rec;
	webhook: Rec;
}

/** One API request as the mock logged it. */
export interface Expected {
	method: string;
	path: string;
	query: Record<string, string>;
	contentType: string;
	body: unknown;
}

export interface Case {
	/** The documented endpoint, `METHOD /path` exactly as in endpoints.json. */
	endpoint: string;
	parameters: (f: Fixtures) => IDataObject;
	items?: (f: Fixtures) => InputItem[];
	/** The API requests, in order. */
	requests: (f: Fixtures) => Expected[];
	check: (out: INodeExecutionData[], f: Fixtures, r: NodeRun) => void | Promise<void>;
}

/** One case per operation of a resource, keyed by the operation's value (`getAll`). */
export type OperationCases = Record<string, Case>;

let mock: MockServer;
let f: Fixtures;

export const ATOM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
export const col = (name: string): Rec[] => mock.store.collection(name).all() as Rec[];
export const stored = (name: string, id: string): Rec => mock.store.collection(name).get(id) as Rec;
/** A record as the API presents it: without the store's `_` bookkeeping fields. */
export const pub = (record: Rec) => Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('_')));
export const apiLink = (p: string) => ({ href: `${mock.apiBaseUrl}${p}`, type: 'application/json' });
export const blobOf = (id: string) => mock.store.blobs.get(id)!;
/** The running mock, for what the helpers above do not cover. */
export const currentMock = () => mock;
export const fixtures = () => f;

export const get = (p: string, query: Record<string, string> = {}): Expected => ({ method: 'GET', path: `/v1${p}`, query, contentType: '', body: null });
export const json = (method: string, p: string, body: unknown, query: Record<string, string> = {}): Expected => ({
	method,
	path: `/v1${p}`,
	query,
	contentType: 'application/json',
	body,
});
export const bodiless = (method: string, p: string): Expected => ({ method, path: `/v1${p}`, query: {}, contentType: '', body: null });
export const multipart = (p: string, fields: Record<string, string>, files: unknown[], query: Record<string, string> = {}): Expected => ({
	method: 'POST',
	path: `/v1${p}`,
	query,
	contentType: 'multipart/form-data',
	body: { fields, files },
});

/** The page requests of a complete list of `count` records (15 per page, following next_page_url). */
function pages(p: string, count: number): Expected[] {
	const n = Math.max(1, Math.ceil(count / 15));
	return Array.from({ length: n }, (_, i) => get(p, i === 0 ? {} : { page: String(i + 1) }));
}

/** Get Many with Return All: every record, in the store's (oldest-first) order, one output item each. */
export function listCase(endpointPath: string, records: (f: Fixtures) => Rec[], present: (record: Rec) => Rec = pub): Case {
	return {
		endpoint: `GET ${endpointPath}`,
		parameters: () => ({ returnAll: true }),
		requests: (fx) => pages(endpointPath, records(fx).length),
		check: (out, fx) => {
			const expected = records(fx);
			expect(expected.length).toBeGreaterThan(0);
			expect(out.map((item) => item.json.id)).toEqual(expected.map((record) => record.id));
			expect(out[0].json).toEqual(present(expected[0]));
			expect(out[out.length - 1].json).toEqual(present(expected[expected.length - 1]));
		},
	};
}

/** Get Many of a list under a record, e.g. the payments of one link. */
export function subListCase(endpoint: string, p: (f: Fixtures) => string, parameters: (f: Fixtures) => IDataObject, records: (f: Fixtures) => Rec[]): Case {
	return {
		endpoint,
		parameters: (fx) => ({ ...parameters(fx), returnAll: true }),
		requests: (fx) => pages(p(fx), records(fx).length),
		check: (out, fx) => {
			const expected = records(fx);
			expect(expected.length).toBeGreaterThan(0);
			expect(out.map((item) => item.json)).toEqual(expected.map(pub));
		},
	};
}

/** A cloud-file download: the 5-minute link, fetched without a credential, into binary. */
export async function expectDownload(out: INodeExecutionData[], r: NodeRun, blob: { data: Buffer; filename: string; mime: string }, property = 'data') {
	expect(out).toHaveLength(1);
	const link = String(out[0].json.link);
	expect(link.startsWith(`${mock.storageBaseUrl}/objects/`)).toBe(true);
	expect(out[0].json).toEqual({
		link,
		expiresAt: expect.stringMatching(ATOM),
		fileName: blob.filename,
		mimeType: blob.mime,
		fileSize: expect.any(String),
	});
	// The storage download: one GET to the link's path, carrying no credential at all.
	expect(r.storage).toHaveLength(1);
	expect(r.storage[0]).toMatchObject({ method: 'GET', path: new URL(link).pathname, status: 200, credential: 'none', authHeader: null });
	const file = out[0].binary?.[property];
	expect(file).toBeDefined();
	expect(file!.mimeType).toBe(blob.mime);
	expect(file!.fileName).toBe(blob.filename);
	const bytes = await binaryBytes(file!);
	expect(bytes.length).toBe(blob.data.length);
	expect(sha256(bytes)).toBe(sha256(blob.data));
}

function pickFixtures(): Fixtures {
	const first = (name: string, predicate: (r: Rec) => boolean = () => true) => {
		const found = col(name).find(predicate);
		if (!found) throw new Error(`No ${name} record fits the fixture`);
		return found;
	};
	const punchCard = first('punchCards');
	return {
		customer: first('customers'),
		customer2: col('customers')[1],
		group: first('customerGroups'),
		agreement: first('agreements', (a) => a.documents.length > 0),
		appointment: first('appointments'),
		invoice: first('customerInvoices', (i) => mock.store.blobs.has(i.id)),
		offer: first('customerOffers', (o) => o.acceptedAt === null && o.rejectedAt === null),
		subscription: first('customerSubscriptions', (s) => s.status !== 'terminated'),
		pkg: first('customerSubscriptionPackages'),
		file: first('files', (x) => x.type === 'file' && mock.store.blobs.has(x.id)),
		directory: first('files', (x) => x.type === 'directory'),
		fileRequest: first('fileRequests'),
		mkpInvoice: first('mkpInvoices'),
		openLink: first('paymentLinks', (l) => l.status === 'open' && (l.expiresAt === null || Date.parse(l.expiresAt) > Date.now())),
		paidLink: first('paymentLinks', (l) => col('paymentLinkPayments').some((p) => p.paymentLinkId === l.id)),
		punchCard,
		// A card of our own, so its punches are known.
		issued: mock.store.create('issuedPunchCards', {
			punchCardId: punchCard.id,
			customerId: col('customers')[2].id,
			punchesLeft: 5,
			status: 'active',
			expiresAt: null,
			_expiresAtMs: null,
		}),
		ticket: first('tickets', (t) => t.source !== 'chat'),
		webhook: first('webhooks'),
	};
}

/** A seeded mock (20 records per collection) and its fixtures for the tests of this file. */
export function withSeededMock() {
	beforeAll(async () => {
		mock = await startMock({ records: 20 });
		f = pickFixtures();
	});
	afterAll(async () => mock.close());
}

/** Runs each case of `resource`, in order (later cases may see what earlier ones changed). */
export function testOperations(resource: string, cases: OperationCases) {
	withSeededMock();
	describe(`every ${resource} operation against the mock`, () => {
		for (const [operation, testCase] of Object.entries(cases)) {
			it(`${resource}.${operation}`, async () => {
				// Simplify off: the cases compare whole records (output-schemas.test.cts covers Simplify).
				const r = await run(mock, { resource, operation, simplify: false, ...testCase.parameters(f) }, { items: testCase.items?.(f) });
				expect(r.error?.message).toBeUndefined();
				expect(r.api.map(summary)).toEqual(testCase.requests(f));
				for (const entry of r.api) {
					expect(entry.credential).toBe('apiKey:key_1');
					expect(entry.authHeader).toBe('authorization');
				}
				// Only cloud-file operations touch the storage (their cases check that request).
				const description = resources.find((x) => x.value === resource)!.operations.find((x) => x.value === operation)!;
				if (description.response !== 'cloudFile') expect(r.storage).toEqual([]);
				expect(r.items.length).toBeGreaterThan(0);
				for (const item of r.items) expect(item.pairedItem).toEqual({ item: 0 });
				await testCase.check(r.items, f, r);
				expect(schemaErrors(operationValidator(resource, operation, { strict: true, simplify: false }), r.items)).toEqual([]);
			});
		}
	});
}
