import type { MockServer, Order } from '../mock-server';
import type { PollHarness } from '../harness/mkp-poll.cjs';
import { STATE_VERSION } from '../../nodes/MijnKlantportaalTrigger/poll/state';
import { fingerprint } from '../../nodes/MijnKlantportaalTrigger/poll/watch';
import { all, create, ids, nowAtom, ORDERS, startMock, trigger } from './world.cjs';

const seconds = (atom: unknown) => Math.floor(Date.parse(String(atom)) / 1000);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/**
 * A stored state of an older shape (or a damaged one) must be recognised and seeded afresh, as on
 * a first activation: never read as if it were current. The states are put into the static data
 * the way n8n keeps it (the workflow's database row), and read through n8n-core's PollContext.
 */
describe.each(ORDERS)('a stored state of an older or unknown shape, %s list', (order: Order) => {
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startMock({ order, seed: 17 });
	});
	afterAll(async () => mock.close());
	beforeEach(() => mock.reset({ records: 0 }));

	/** 40 customers, a second apart. */
	const customers = () => {
		for (let i = 0; i < 40; i++) {
			mock.clock.advance(1);
			create(mock, 'customers');
		}
		return all(mock, 'customers');
	};

	/** The first poll seeds (emits nothing, state of this version), the next reports one new record. */
	async function expectSeededAfresh(t: PollHarness, collection: string, event: string) {
		const first = await t.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(t.memoryState).toMatchObject({ version: STATE_VERSION, event });
		expect(t.memoryState).not.toHaveProperty('v');
		mock.clock.advance(60);
		const made = create(mock, collection).id;
		const next = await t.poll();
		expect(next.error).toBeUndefined();
		expect(ids(next.items)).toEqual([made]);
	}

	it('re-seeds from a version 1 state (short keys) instead of reading it', async () => {
		const records = customers();
		const tenth = records[9];
		const t = trigger(mock, { event: 'customerCreated' });
		// What version 1 stored after handling the first 10 customers: read as a cursor, it would
		// make the next poll emit the other 30.
		const v1 = { v: 1, ev: 'customerCreated', o: order === 'oldest-first' ? 'a' : 'd', rl: 60 };
		const ts = seconds(tenth.createdAt);
		t.storeState({ ...v1, n: { t: ts, low: ts, k: [[ts, tenth.id]], p: 1 } });
		await expectSeededAfresh(t, 'customers', 'customerCreated');
		expect(t.memoryState!.newRecords!.newestTs).toBe(seconds(all(mock, 'customers').at(-1)!.createdAt));
	});

	it('re-seeds a change event from a version 1 state, then reports each change once', async () => {
		mock.store.seed('customers', 5);
		for (let i = 0; i < 20; i++) create(mock, 'customerInvoices', { paidAt: null });
		const invoices = all(mock, 'customerInvoices');
		const t = trigger(mock, { event: 'customerInvoicePaid' });
		const ts = seconds(invoices.at(-1)!.createdAt);
		// Version 1 kept `id → fingerprint + pass tag`; this one says the first invoice is paid
		// already ("set"): read, its payment would not be an event.
		const paid = `${fingerprint('set')}0`;
		t.storeState({ v: 1, ev: 'customerInvoicePaid', n: { t: ts, low: ts, k: [] }, c: { m: { [invoices[0].id]: paid }, pg: 1, n: 0, b: 1 } });
		const first = await t.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(t.memoryState).toMatchObject({ version: STATE_VERSION, event: 'customerInvoicePaid' });
		expect(Object.keys(t.memoryState!.changes!.watched).sort()).toEqual(invoices.map((r) => r.id).sort());
		mock.store.collection('customerInvoices').update(invoices[0].id, { paidAt: nowAtom(mock) });
		expect(ids((await t.poll()).items)).toEqual([invoices[0].id]);
		expect((await t.poll()).items).toBeNull();
	});

	it('re-seeds the appointment window from a version 1 state', async () => {
		for (let i = 1; i < 4; i++) create(mock, 'appointments', { startsAt: iso(Date.now() + i * 86_400_000) });
		const t = trigger(mock, { event: 'appointmentCreated' });
		t.storeState({ v: 1, ev: 'appointmentCreated', w: { m: {}, st: 0 } });
		const first = await t.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(Object.keys(t.memoryState!.window!.appointments).sort()).toEqual(all(mock, 'appointments').map((r) => r.id).sort());
	});

	it.each([
		['a string', 'state'],
		['an array', [1, 2, 3]],
		['a newer version', { version: STATE_VERSION + 1, event: 'customerCreated', newRecords: { newestTs: 0, lowMark: 0, knownIds: [] } }],
		['this version without its new-record state', { version: STATE_VERSION, event: 'customerCreated' }],
		['this version with a damaged new-record state', { version: STATE_VERSION, event: 'customerCreated', newRecords: { newestTs: '0', lowMark: 0, knownIds: [] } }],
		['this version with damaged change state', { version: STATE_VERSION, event: 'customerCreated', newRecords: { newestTs: 0, lowMark: 0, knownIds: [] }, changes: { watched: [] } }],
		['another event', { version: STATE_VERSION, event: 'ticketCreated', newRecords: { newestTs: 0, lowMark: 0, knownIds: [] } }],
	])('re-seeds from %s', async (_what, stored) => {
		customers();
		const t = trigger(mock, { event: 'customerCreated' });
		t.storeState(stored);
		await expectSeededAfresh(t, 'customers', 'customerCreated');
	});

	it('reads a state of this version as it is', async () => {
		const records = customers();
		const t = trigger(mock, { event: 'customerCreated' });
		const ts = seconds(records[9].createdAt);
		t.storeState({ version: STATE_VERSION, event: 'customerCreated', newRecords: { newestTs: ts, lowMark: ts, knownIds: [[ts, records[9].id]], pageHint: 1 } });
		const next = await t.poll();
		expect(next.error).toBeUndefined();
		expect(ids(next.items)).toEqual(records.slice(10).map((r) => r.id));
	});
});
