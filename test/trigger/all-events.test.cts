import type { MockServer } from '../mock-server';
import { triggerEvents } from '../../nodes/MijnKlantportaalTrigger/events';
import type { StoreRecord } from './world.cjs';
import { all, create, ids, ORDERS, startMock, trigger } from './world.cjs';

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

interface Case {
	/** Records to seed before activation: collection → count. */
	seed: Record<string, number>;
	/** The change after activation; returns the ids the next poll must emit. */
	act: (mock: MockServer) => string[];
}

const pick = (mock: MockServer, name: string, test: (r: StoreRecord) => boolean): StoreRecord => {
	const found = all(mock, name).find(test);
	if (!found) throw new Error(`no ${name} record to change`);
	return found;
};
const update = (mock: MockServer, name: string, id: string, patch: Record<string, unknown>) => {
	mock.store.collection(name).update(id, patch);
	return [id];
};
const isSet = (value: unknown) => value !== null && value !== undefined;
const now = (mock: MockServer) => iso(mock.clock.now());

/** One way to make each event happen, on the mock's store. */
const cases: Record<string, Case> = {
	agreementCreated: { seed: { agreements: 5 }, act: (m) => [create(m, 'agreements').id] },
	agreementSigned: {
		seed: { agreements: 12 },
		act: (m) => update(m, 'agreements', pick(m, 'agreements', (r) => r.status === 'sent').id, { status: 'signed' }),
	},
	appointmentCreated: {
		seed: { appointments: 10 },
		act: (m) => [create(m, 'appointments', { startsAt: iso(m.clock.now() + 48 * HOUR) }).id],
	},
	appointmentStatusChanged: {
		seed: {},
		act: (m) => update(m, 'appointments', pick(m, 'appointments', (r) => r.status !== 'canceled').id, { status: 'canceled' }),
	},
	customerCreated: { seed: { customers: 5 }, act: (m) => [create(m, 'customers').id] },
	customerGroupCreated: { seed: { customerGroups: 5 }, act: (m) => [create(m, 'customerGroups').id] },
	customerInvoiceCreated: { seed: { customerInvoices: 5 }, act: (m) => [create(m, 'customerInvoices').id] },
	customerInvoicePaid: {
		seed: { customerInvoices: 12 },
		act: (m) => update(m, 'customerInvoices', pick(m, 'customerInvoices', (r) => !isSet(r.paidAt)).id, { paidAt: now(m) }),
	},
	fileRequestCompleted: {
		seed: { fileRequests: 12 },
		act: (m) => update(m, 'fileRequests', pick(m, 'fileRequests', (r) => !isSet(r.completedAt)).id, { completedAt: now(m) }),
	},
	fileRequestCreated: { seed: { fileRequests: 5 }, act: (m) => [create(m, 'fileRequests').id] },
	fileShareCreated: { seed: { files: 5, fileShares: 5 }, act: (m) => [create(m, 'fileShares').id] },
	mkpInvoiceCreated: { seed: { mkpInvoices: 5 }, act: (m) => [create(m, 'mkpInvoices').id] },
	mkpInvoicePaid: {
		seed: {},
		act: (m) => {
			const unpaid = create(m, 'mkpInvoices', { isPaid: false });
			return update(m, 'mkpInvoices', unpaid.id, { isPaid: true });
		},
	},
	offerAccepted: {
		seed: { customerOffers: 12 },
		act: (m) =>
			update(m, 'customerOffers', pick(m, 'customerOffers', (r) => !isSet(r.acceptedAt) && !isSet(r.rejectedAt)).id, { acceptedAt: now(m) }),
	},
	offerCreated: { seed: { customerOffers: 5 }, act: (m) => [create(m, 'customerOffers').id] },
	offerRejected: {
		seed: { customerOffers: 12 },
		act: (m) =>
			update(m, 'customerOffers', pick(m, 'customerOffers', (r) => !isSet(r.acceptedAt) && !isSet(r.rejectedAt)).id, { rejectedAt: now(m) }),
	},
	paymentLinkClosed: {
		seed: {},
		act: (m) => update(m, 'paymentLinks', pick(m, 'paymentLinks', (r) => r.status === 'open').id, { status: 'closed', checkoutUrl: null }),
	},
	paymentLinkCreated: { seed: { paymentLinks: 5 }, act: (m) => [create(m, 'paymentLinks').id] },
	paymentLinkExpired: {
		seed: {},
		act: (m) => {
			// The link's expiry passes: the API reports it expired from then on.
			m.clock.advance(2 * 3600);
			return [expiring];
		},
	},
	paymentLinkPaid: {
		seed: {},
		act: (m) => update(m, 'paymentLinks', pick(m, 'paymentLinks', (r) => r.status === 'open').id, { status: 'paid', checkoutUrl: null }),
	},
	paymentLinkPaymentCreated: {
		seed: { paymentLinks: 6, paymentLinkPayments: 6 },
		act: (m) => [create(m, 'paymentLinkPayments', { paymentLinkId: pick(m, 'paymentLinks', (r) => r.status === 'open').id }).id],
	},
	punchCardCreated: { seed: { punchCards: 3 }, act: (m) => [create(m, 'punchCards').id] },
	punchCardIssued: {
		seed: { punchCards: 3, issuedPunchCards: 6 },
		act: (m) => [create(m, 'issuedPunchCards', { punchCardId: all(m, 'punchCards')[1].id }).id],
	},
	subscriptionCreated: { seed: { customerSubscriptions: 5 }, act: (m) => [create(m, 'customerSubscriptions').id] },
	subscriptionStatusChanged: {
		seed: { customerSubscriptions: 12 },
		act: (m) =>
			update(m, 'customerSubscriptions', pick(m, 'customerSubscriptions', (r) => r.status === 'in_progress').id, {
				status: 'terminated',
				terminatedAt: now(m),
			}),
	},
	ticketClosed: {
		seed: { tickets: 12 },
		act: (m) => update(m, 'tickets', pick(m, 'tickets', (r) => r.status === 'open').id, { status: 'closed' }),
	},
	ticketCreated: { seed: { tickets: 5 }, act: (m) => [create(m, 'tickets').id] },
};

let expiring = '';

/** Records some events need in a known state before activation. */
function prepare(mock: MockServer, event: string): void {
	if (event === 'appointmentStatusChanged') {
		for (let i = 0; i < 4; i++) create(mock, 'appointments', { startsAt: iso(mock.clock.now() + (i + 1) * 24 * HOUR), status: 'scheduled' });
	}
	if (event === 'mkpInvoicePaid') mock.store.seed('mkpInvoices', 4);
	if (['paymentLinkClosed', 'paymentLinkPaid', 'paymentLinkExpired'].includes(event)) {
		mock.store.seed('paymentLinks', 4);
		create(mock, 'paymentLinks', { status: 'open', expiresAt: null, checkoutUrl: 'x' });
	}
	if (event === 'paymentLinkExpired') {
		expiring = create(mock, 'paymentLinks', { status: 'open', expiresAt: iso(mock.clock.now() + HOUR), checkoutUrl: 'x' }).id;
	}
}

describe.each(ORDERS)('every event, %s list', (order) => {
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startMock({ order });
	});
	afterAll(async () => mock.close());

	it('has a case here for every event', () => {
		expect(Object.keys(cases).sort()).toEqual(triggerEvents.map((e) => e.value).sort());
	});

	it.each(triggerEvents.map((e) => e.value))('%s: seeds silently, then reports exactly the record that made it happen', async (event) => {
		mock.reset({ records: 0 });
		const test = cases[event];
		for (const [name, count] of Object.entries(test.seed)) mock.store.seed(name, count);
		prepare(mock, event);
		const t = trigger(mock, { event });
		const seeded = await t.poll(true);
		expect(seeded.error).toBeUndefined();
		expect(seeded.items).toBeNull();
		mock.clock.advance(60);
		const expected = test.act(mock);
		const next = await t.poll();
		expect(next.error).toBeUndefined();
		expect(ids(next.items)).toEqual(expected);
		expect(next.items![0].json.event).toBe(event);
		const again = await t.poll();
		expect(again.error).toBeUndefined();
		expect(again.items).toBeNull();
	});
});
