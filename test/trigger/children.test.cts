import type { MockServer, Order } from '../mock-server';
import { all, countRequests, create, ids, ORDERS, prng, startMock, trigger } from './world.cjs';

describe.each(ORDERS)('sub-list events, %s lists', (order: Order) => {
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startMock({ order, seed: 9 });
	});
	afterAll(async () => mock.close());
	beforeEach(() => {
		mock.reset({ records: 0 });
		mock.faults.clear();
	});

	it('reads issued cards of many punch cards in turn within the budget, and finds each exactly once', async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('punchCards', 12);
		mock.store.seed('issuedPunchCards', 30);
		// 5 % of 60: 3 requests per poll, fewer than the 12 punch cards to read.
		const t = trigger(mock, { event: 'punchCardIssued', options: { budgetPercent: 5 } });
		const rnd = prng(4);
		const cards = all(mock, 'punchCards');
		const expected: string[] = [];
		const emitted: string[] = [];
		for (let poll = 0; poll < 60; poll++) {
			if (poll > 8 && poll < 40 && rnd.chance(0.6)) expected.push(create(mock, 'issuedPunchCards', { punchCardId: rnd.pick(cards).id }).id);
			if (poll === 20) {
				// A new punch card type, issued at once.
				const card = create(mock, 'punchCards');
				expected.push(create(mock, 'issuedPunchCards', { punchCardId: card.id }).id);
			}
			const { result, requests } = await countRequests(mock, () => t.poll(poll === 0));
			expect(result.error).toBeUndefined();
			expect(requests).toBeLessThanOrEqual(3);
			emitted.push(...ids(result.items));
		}
		expect(emitted.length).toBe(new Set(emitted).size);
		expect([...emitted].sort()).toEqual([...expected].sort());
	});

	it('watches open payment links only, and gives a link that stops being open one last read', async () => {
		mock.store.seed('customers', 5);
		const open = [create(mock, 'paymentLinks', { status: 'open', reusable: true, expiresAt: null }), create(mock, 'paymentLinks', { status: 'open', reusable: false, expiresAt: null })];
		create(mock, 'paymentLinks', { status: 'closed', checkoutUrl: null });
		const t = trigger(mock, { event: 'paymentLinkPaymentCreated' });
		await t.poll(true);
		expect(Object.keys(t.memoryState!.subLists!.parents).sort()).toEqual(open.map((r) => r.id).sort());
		// Two payments on the reusable link; one on the single-use link, which turns it paid.
		const payments = [
			create(mock, 'paymentLinkPayments', { paymentLinkId: open[0].id }).id,
			create(mock, 'paymentLinkPayments', { paymentLinkId: open[0].id }).id,
			create(mock, 'paymentLinkPayments', { paymentLinkId: open[1].id, status: 'paid' }).id,
		];
		mock.store.collection('paymentLinks').update(open[1].id, { status: 'paid', checkoutUrl: null });
		const got = await t.poll();
		expect(ids(got.items).sort()).toEqual(payments.sort());
		expect(got.items![0].json).toMatchObject({ event: 'paymentLinkPaymentCreated' });
		expect((await t.poll()).items).toBeNull();
		// The paid single-use link is no longer watched.
		expect(Object.keys(t.memoryState!.subLists!.parents)).toEqual([open[0].id]);
		// A new link, paid before the next poll: its payment is found through the new link.
		const fresh = create(mock, 'paymentLinks', { status: 'open', reusable: false, expiresAt: null });
		const late = create(mock, 'paymentLinkPayments', { paymentLinkId: fresh.id }).id;
		mock.store.collection('paymentLinks').update(fresh.id, { status: 'paid', checkoutUrl: null });
		expect(ids((await t.poll()).items)).toEqual([late]);
		expect((await t.poll()).items).toBeNull();
		const idle = await countRequests(mock, () => t.poll());
		// Idle: the link list (1) and the one watched link (1), plus the list pass (1 page).
		expect(idle.requests).toBeLessThanOrEqual(3);
	});

	it('emits the existing payments when asked to', async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('paymentLinks', 6);
		mock.store.seed('paymentLinkPayments', 10);
		const t = trigger(mock, { event: 'paymentLinkPaymentCreated', options: { emitExisting: true } });
		const first = await t.poll(true);
		expect(first.error).toBeUndefined();
		expect(ids(first.items).sort()).toEqual(all(mock, 'paymentLinkPayments').map((r) => r.id).sort());
		expect((await t.poll()).items).toBeNull();
	});

	it('fetches the newest issued card as a test event, leaving the state untouched', async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('punchCards', 3);
		mock.store.seed('issuedPunchCards', 9);
		const t = trigger(mock, { event: 'punchCardIssued' });
		await t.poll(true);
		const before = JSON.stringify(t.memoryState);
		const cards = all(mock, 'punchCards');
		const newest = create(mock, 'issuedPunchCards', { punchCardId: cards[cards.length - 1].id });
		const test = await t.fetchTestEvent();
		expect(test.error).toBeUndefined();
		expect(ids(test.items)).toEqual([newest.id]);
		expect(JSON.stringify(t.memoryState)).toBe(before);
		expect(ids((await t.poll()).items)).toEqual([newest.id]);
	});

	it('forgets a parent that was deleted', async () => {
		mock.store.seed('customers', 5);
		mock.store.seed('punchCards', 3);
		const t = trigger(mock, { event: 'punchCardIssued' });
		await t.poll(true);
		const gone = all(mock, 'punchCards')[0].id;
		mock.store.collection('punchCards').remove(gone);
		const result = await t.poll();
		expect(result.error).toBeUndefined();
		expect(t.memoryState!.subLists!.parents[gone]).toBeUndefined();
	});
});
