import type { MockServer, Order } from '../mock-server';
import type { StoreRecord } from './world.cjs';
import { all, countRequests, create, ids, nowAtom, ORDERS, prng, startMock, trigger } from './world.cjs';

const isSet = (value: unknown) => value !== null && value !== undefined && value !== '';
const unpaid = (mock: MockServer) => all(mock, 'customerInvoices').filter((r) => !isSet(r.paidAt));
const pay = (mock: MockServer, record: StoreRecord) => mock.store.collection('customerInvoices').update(record.id, { paidAt: nowAtom(mock) });

describe.each(ORDERS)('changed-field events, %s list', (order: Order) => {
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startMock({ order, seed: 5 });
	});
	afterAll(async () => mock.close());
	beforeEach(() => {
		mock.reset({ records: 0 });
		mock.faults.clear();
	});

	it('spreads the pass over polls within the budget and reports every change exactly once', async () => {
		mock.store.seed('customers', 20);
		mock.store.seed('customerInvoices', 300);
		// 10 % of 60: 6 requests per poll; a pass over 20 pages takes several polls.
		const t = trigger(mock, { event: 'customerInvoicePaid', options: { budgetPercent: 10 } });
		const rnd = prng(3);
		// The first polls find the end of the list and take a first look at every record (the
		// baseline); a change before that look is the record's starting value, not an event.
		for (let poll = 0; !t.memoryState?.changes?.pass.completed; poll++) {
			expect(poll).toBeLessThan(12);
			const { result, requests } = await countRequests(mock, () => t.poll(poll === 0));
			expect(result.error).toBeUndefined();
			expect(result.items).toBeNull();
			expect(requests).toBeLessThanOrEqual(6);
		}
		const expected: string[] = [];
		const emitted: string[] = [];
		for (let poll = 0; poll < 30; poll++) {
			if (poll < 20) {
				for (let i = 0; i < 3; i++) {
					const invoice = rnd.pick(unpaid(mock));
					pay(mock, invoice);
					expected.push(invoice.id);
				}
				// New invoices: unpaid ones are watched from now on, paid ones are events.
				const fresh = create(mock, 'customerInvoices');
				if (isSet(fresh.paidAt)) expected.push(fresh.id);
				else if (poll % 2 === 0) {
					pay(mock, fresh);
					expected.push(fresh.id);
				}
			}
			const { result, requests } = await countRequests(mock, () => t.poll());
			expect(result.error).toBeUndefined();
			expect(requests).toBeLessThanOrEqual(6);
			emitted.push(...ids(result.items));
		}
		expect(emitted.length).toBe(new Set(emitted).size);
		expect([...emitted].sort()).toEqual([...expected].sort());
		// Only unpaid invoices are watched.
		expect(Object.keys(t.memoryState!.changes!.watched).sort()).toEqual(unpaid(mock).map((r) => r.id).sort());
	});

	it('emits the existing records already in the target state when asked to', async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('customerInvoices', 40);
		const paid = all(mock, 'customerInvoices').filter((r) => isSet(r.paidAt)).map((r) => r.id);
		const t = trigger(mock, { event: 'customerInvoicePaid', options: { emitExisting: true } });
		const first = await t.poll(true);
		expect(first.error).toBeUndefined();
		expect(ids(first.items).sort()).toEqual(paid.sort());
		expect((await t.poll()).items).toBeNull();
		const invoice = unpaid(mock)[0];
		pay(mock, invoice);
		expect(ids((await t.poll()).items)).toEqual([invoice.id]);
	});

	it('fetches the newest record in the target state as a test event, leaving the state untouched', async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('customerInvoices', 40);
		const t = trigger(mock, { event: 'customerInvoicePaid' });
		await t.poll(true);
		pay(mock, unpaid(mock)[0]);
		await t.poll();
		const before = { stored: t.stored, memory: JSON.stringify(t.memoryState) };
		const newestPaid = [...all(mock, 'customerInvoices')].reverse().find((r) => isSet(r.paidAt))!;
		const test = await t.fetchTestEvent();
		expect(test.error).toBeUndefined();
		expect(ids(test.items)).toEqual([newestPaid.id]);
		expect({ stored: t.stored, memory: JSON.stringify(t.memoryState) }).toEqual(before);
	});

	it('loses nothing when n8n restarts after polls that emitted nothing', async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('customerInvoices', 30);
		const t = trigger(mock, { event: 'customerInvoicePaid' });
		await t.poll(true);
		const a = unpaid(mock)[0];
		pay(mock, a);
		expect(ids((await t.poll()).items)).toEqual([a.id]);
		// New unpaid invoices are seen and watched by polls that emit nothing: memory only.
		const fresh = [create(mock, 'customerInvoices', { paidAt: null }), create(mock, 'customerInvoices', { paidAt: null })];
		expect((await t.poll()).items).toBeNull();
		expect((await t.poll()).items).toBeNull();
		expect(Object.keys(t.memoryState!.changes!.watched)).toEqual(expect.arrayContaining(fresh.map((r) => r.id)));
		expect(Object.keys(t.storedState!.changes!.watched)).not.toEqual(expect.arrayContaining(fresh.map((r) => r.id)));
		t.restart();
		pay(mock, fresh[1]);
		expect(ids((await t.poll()).items)).toEqual([fresh[1].id]);
		pay(mock, fresh[0]);
		expect(ids((await t.poll()).items)).toEqual([fresh[0].id]);
		expect((await t.poll()).items).toBeNull();
	});

	it('watches at most Max Watched Records, dropping the ones watched longest', async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('customerInvoices', 60);
		const t = trigger(mock, { event: 'customerInvoicePaid', options: { maxTracked: 5 } });
		await t.poll(true);
		const watched = Object.keys(t.memoryState!.changes!.watched);
		expect(watched).toHaveLength(5);
		// A watched record's change is still reported.
		const invoice = all(mock, 'customerInvoices').find((r) => r.id === watched[4])!;
		pay(mock, invoice);
		expect(ids((await t.poll()).items)).toEqual([invoice.id]);
	});

	it('reports every change of a field when the event has no target value, and stops at a final value', async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('customerSubscriptions', 20);
		const t = trigger(mock, { event: 'subscriptionStatusChanged' });
		await t.poll(true);
		const running = all(mock, 'customerSubscriptions').find((r) => r.status === 'in_progress')!;
		const col = mock.store.collection('customerSubscriptions');
		col.update(running.id, { status: 'terminated' });
		expect(ids((await t.poll()).items)).toEqual([running.id]);
		col.update(running.id, { status: 'ended' });
		expect(ids((await t.poll()).items)).toEqual([running.id]);
		// Ended is final: no longer watched.
		expect(t.memoryState!.changes!.watched[running.id]).toBeUndefined();
		const created = create(mock, 'customerSubscriptions', { status: 'planned' });
		// A new record gives the starting value; its first change is the event.
		expect((await t.poll()).items).toBeNull();
		col.update(created.id, { status: 'in_progress' });
		expect(ids((await t.poll()).items)).toEqual([created.id]);
	});

	it('reports a reopened ticket closed again, and tells offers accepted from offers rejected', async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('tickets', 10);
		mock.store.seed('customerOffers', 10);
		const closed = trigger(mock, { event: 'ticketClosed' });
		const accepted = trigger(mock, { event: 'offerAccepted' });
		const rejected = trigger(mock, { event: 'offerRejected' });
		for (const t of [closed, accepted, rejected]) await t.poll(true);
		const tickets = mock.store.collection('tickets');
		const ticket = all(mock, 'tickets').find((r) => r.status === 'closed')!;
		tickets.update(ticket.id, { status: 'open' });
		expect((await closed.poll()).items).toBeNull();
		tickets.update(ticket.id, { status: 'closed' });
		expect(ids((await closed.poll()).items)).toEqual([ticket.id]);
		const open = all(mock, 'customerOffers').filter((r) => !isSet(r.acceptedAt) && !isSet(r.rejectedAt));
		const offers = mock.store.collection('customerOffers');
		offers.update(open[0].id, { acceptedAt: nowAtom(mock) });
		offers.update(open[1].id, { rejectedAt: nowAtom(mock) });
		expect(ids((await accepted.poll()).items)).toEqual([open[0].id]);
		expect(ids((await rejected.poll()).items)).toEqual([open[1].id]);
		expect((await accepted.poll()).items).toBeNull();
		expect((await rejected.poll()).items).toBeNull();
	});

	it("with n8n's durable poll cursors: a failed poll commits nothing, an empty poll commits its advance", async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('customerInvoices', 30);
		const t = trigger(mock, { event: 'customerInvoicePaid' }, { persistence: 'durable' });
		// The activation poll's cursor is not committed; the first scheduled poll seeds again.
		await t.poll(true);
		expect(t.storedState).toBeUndefined();
		expect((await t.poll()).items).toBeNull();
		expect(t.storedState?.changes).toBeDefined();
		const fresh = create(mock, 'customerInvoices', { paidAt: null });
		expect((await t.poll()).items).toBeNull();
		// Committed although nothing was emitted.
		expect(Object.keys(t.storedState!.changes!.watched)).toContain(fresh.id);
		const before = t.stored;
		mock.faults.add({ type: '503', count: 4, pathPattern: '/v1/customer-invoices', method: 'GET' });
		pay(mock, fresh);
		const failed = await t.poll();
		expect(failed.error?.message).toMatch(/server error \(503\)/i);
		expect(t.stored).toBe(before);
		t.restart();
		expect(ids((await t.poll()).items)).toEqual([fresh.id]);
		expect((await t.poll()).items).toBeNull();
	});
});
