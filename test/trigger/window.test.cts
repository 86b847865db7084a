import type { MockServer } from '../mock-server';
import { formatStartAt } from '../../nodes/MijnKlantportaalTrigger/poll/window';
import { all, countRequests, create, ids, startMock, trigger } from './world.cjs';

const DAY = 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

describe('appointments (an unpaginated time window)', () => {
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startMock({ seed: 13 });
	});
	afterAll(async () => mock.close());
	beforeEach(() => mock.reset({ records: 0 }));

	const appointment = (daysAhead: number, status = 'scheduled') =>
		create(mock, 'appointments', { startsAt: iso(Date.now() + daysAhead * DAY), status });

	it('reads the whole window in one request, seeds silently and reports new appointments once', async () => {
		for (let i = 1; i < 6; i++) appointment(i);
		const t = trigger(mock, { event: 'appointmentCreated' });
		const first = await countRequests(mock, () => t.poll(true));
		expect(first.result.items).toBeNull();
		expect(first.requests).toBe(1);
		const entry = mock.log.entries().at(-1)!;
		expect(entry.query).toEqual({ start_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/), days: '366' });
		const made = appointment(3, 'pending');
		const next = await countRequests(mock, () => t.poll());
		expect(next.requests).toBe(1);
		expect(ids(next.result.items)).toEqual([made.id]);
		expect((await t.poll()).items).toBeNull();
	});

	it('reports an appointment made beyond the look-ahead when the window reaches it', async () => {
		appointment(1);
		const t = trigger(mock, { event: 'appointmentCreated', options: { lookAheadDays: 10 } });
		await t.poll(true);
		const far = create(mock, 'appointments', { startsAt: iso(Date.now() + 12 * DAY) });
		expect((await t.poll()).items).toBeNull();
		// Moved closer (as time passing would): now in the window, and created after activation.
		mock.store.collection('appointments').update(far.id, { startsAt: iso(Date.now() + 5 * DAY), _startsAtMs: Date.now() + 5 * DAY });
		expect(ids((await t.poll()).items)).toEqual([far.id]);
		expect((await t.poll()).items).toBeNull();
	});

	it('reports status changes, and takes a newly seen appointment as it is', async () => {
		const watched = [appointment(1, 'pending'), appointment(2, 'scheduled')];
		const t = trigger(mock, { event: 'appointmentStatusChanged' });
		await t.poll(true);
		const col = mock.store.collection('appointments');
		col.update(watched[0].id, { status: 'scheduled' });
		col.update(watched[1].id, { status: 'canceled' });
		expect(ids((await t.poll()).items).sort()).toEqual(watched.map((a) => a.id).sort());
		const fresh = appointment(4, 'pending');
		expect((await t.poll()).items).toBeNull();
		col.update(fresh.id, { status: 'canceled' });
		expect(ids((await t.poll()).items)).toEqual([fresh.id]);
	});

	it('emits the appointments in the window when asked to, and fetches a test event without state', async () => {
		const made = [appointment(1), appointment(2), appointment(3)];
		const t = trigger(mock, { event: 'appointmentCreated', options: { emitExisting: true } });
		const test = await t.fetchTestEvent();
		expect(ids(test.items)).toHaveLength(1);
		expect(made.map((a) => a.id)).toContain(ids(test.items)[0]);
		expect(t.memoryState).toBeUndefined();
		const first = await t.poll(true);
		expect(ids(first.items).sort()).toEqual(made.map((a) => a.id).sort());
		expect(all(mock, 'appointments')).toHaveLength(3);
	});

	it('formats start_at as the API documents it', () => {
		expect(formatStartAt(Date.UTC(2025, 2, 5, 14, 30, 59))).toBe('2025-03-05 14:30');
	});
});
