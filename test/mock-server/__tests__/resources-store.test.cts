// Store, factories and wire formats, without HTTP.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ATOM, DATE } from './resources-helpers.cjs';

/* eslint-disable @typescript-eslint/no-require-imports */
const { createStore, RESOURCE_NAMES } = require('../store');
const format = require('../format');
const factories = require('../factories');
/* eslint-enable @typescript-eslint/no-require-imports */

const PREFIX: Record<string, RegExp> = {
	customers: /^cst_[A-Za-z0-9]{10}$/, customerGroups: /^cug_/, agreements: /^agr_/, appointments: /^apt_/,
	customerInvoices: /^inv_/, customerOffers: /^off_/, customerSubscriptions: /^sub_/, customerSubscriptionPackages: /^spg_/,
	files: /^fs[fd]_/, fileRequests: /^frq_/, fileShares: /^fss_/, mkpInvoices: /^fac_/, paymentLinks: /^plk_/,
	paymentLinkPayments: /^plp_/, punchCards: /^pcd_/, issuedPunchCards: /^pcb_/, tickets: /^tic_/, webhooks: /^wbh_/,
};
const fixedClock = (ms = Date.UTC(2025, 5, 1, 10)) => ({ now: () => ms });

describe('format', () => {
	test('ATOM timestamps carry the Europe/Amsterdam offset across DST changes', () => {
		expect(format.atom(Date.UTC(2024, 3, 29, 19))).toBe('2024-04-29T21:00:00+02:00');
		expect(format.atom(Date.UTC(2024, 0, 15, 12, 5, 9))).toBe('2024-01-15T13:05:09+01:00');
		expect(format.atom(Date.UTC(2024, 2, 31, 0, 59, 59))).toBe('2024-03-31T01:59:59+01:00');
		expect(format.atom(Date.UTC(2024, 2, 31, 1))).toBe('2024-03-31T03:00:00+02:00');
		expect(format.atom(Date.UTC(2024, 9, 27, 1))).toBe('2024-10-27T02:00:00+01:00');
	});

	test('request datetimes are Amsterdam wall-clock time', () => {
		expect(format.parseDateTime('2024-05-11 12:59:00')).toBe(Date.UTC(2024, 4, 11, 10, 59));
		expect(format.parseDateTime('2024-12-11 12:59:00')).toBe(Date.UTC(2024, 11, 11, 11, 59));
		expect(format.parseDateTime('2024-05-11 12:59')).toBeNull();
		expect(format.parseDateTime('2024-05-11 12:59', { optionalSeconds: true })).toBe(Date.UTC(2024, 4, 11, 10, 59));
		expect(format.parseDateTime('2024-02-30 10:00:00')).toBeNull();
		expect(format.parseDateTime('2024-05-11T12:59:00')).toBeNull();
		expect(format.parseDate('2024-02-29')).not.toBeNull();
		expect(format.parseDate('2023-02-29')).toBeNull();
	});

	test('money: at most two decimals, always printed with two', () => {
		expect(format.toCents('12.95')).toBe(1295);
		expect(format.toCents('12.5')).toBe(1250);
		expect(format.toCents(12.95)).toBe(1295);
		expect(format.toCents('12.951')).toBeNull();
		expect(format.toCents('12,95')).toBeNull();
		expect(format.toCents(1e21)).toBeNull();
		expect(format.money(1250)).toBe('12.50');
		expect(format.money(5)).toBe('0.05');
	});

	test('subscription renewals step by calendar interval', () => {
		expect(format.nextRenewal('2024-01-31', '1 month', '2024-01-31')).toBe('2024-02-29');
		expect(format.nextRenewal('2024-01-15', '14 days', '2024-02-01')).toBe('2024-02-12');
		expect(format.nextRenewal('2030-01-01', '1 year', '2025-01-01')).toBe('2031-01-01');
	});
});

describe('store', () => {
	test('collections: O(1) get, live all(), insertion order, update and remove', () => {
		const store = createStore({ seed: 1, clock: fixedClock() });
		expect(store.resourceNames).toEqual(RESOURCE_NAMES);
		const customers = store.collection('customers');
		const a = store.create('customers');
		const b = store.create('customers', { companyName: 'Zuid B.V.' });
		expect(customers.all()).toEqual([a, b]);
		expect(customers.all()).toBe(customers.all());
		expect(customers.get(b.id).companyName).toBe('Zuid B.V.');
		expect(customers.update(a.id, { city: 'Delft' }).city).toBe('Delft');
		expect(customers.remove(a.id)).toBe(true);
		expect(customers.remove(a.id)).toBe(false);
		expect(customers.size).toBe(1);
		expect(() => store.collection('nope')).toThrow();
	});

	test('the same seed gives the same data; another seed differs', () => {
		const make = (seed: number) => {
			const store = createStore({ seed, clock: fixedClock() });
			store.seedAll(5);
			return JSON.stringify(RESOURCE_NAMES.map((n: string) => store.collection(n).all()));
		};
		expect(make(7)).toBe(make(7));
		expect(make(7)).not.toBe(make(8));
	});

	test('reset empties everything and restarts the PRNG', () => {
		const store = createStore({ seed: 3, clock: fixedClock() });
		const firstId = store.create('customers').id;
		store.blobs.set('x', { data: Buffer.from('1'), filename: 'x', mime: 'text/plain' });
		store.reset();
		expect(store.collection('customers').size).toBe(0);
		expect(store.blobs.get('x')).toBeUndefined();
		expect(store.create('customers').id).toBe(firstId);
	});

	test('100,000 customers seed in well under 2 s (timed in a clean node process, like the CLI mock)', () => {
		// Inside jest the heap also holds the TypeScript compiler, which makes GC (and so the timing)
		// several times slower than in a real mock process; hence a child process.
		const script = `const { createStore } = require(${JSON.stringify(path.resolve(__dirname, '../store'))});
			const store = createStore({ seed: 1 });
			const started = process.hrtime.bigint();
			const count = store.seed('customers', 100000);
			console.log(JSON.stringify({ count, ms: Number(process.hrtime.bigint() - started) / 1e6, size: store.collection('customers').size }));`;
		const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
		expect(result).toMatchObject({ count: 100_000, size: 100_000 });
		expect(result.ms).toBeLessThan(2000);
	});

	test('100,000 seeded customers: unique ids, createdAt rising, none in the future', () => {
		const store = createStore({ seed: 1, clock: fixedClock() });
		expect(store.seed('customers', 100_000)).toBe(100_000);
		const all = store.collection('customers').all();
		expect(all).toHaveLength(100_000);
		expect(new Set(all.map((c: any) => c.id)).size).toBe(100_000);
		expect(Date.parse(all[0].createdAt)).toBeLessThan(Date.parse(all[99_999].createdAt));
		expect(Date.parse(all[99_999].createdAt)).toBeLessThanOrEqual(Date.UTC(2025, 5, 1, 10));
	});

	test('seedAll fills every collection with valid prefixes, formats and consistent references', () => {
		const store = createStore({ seed: 2, clock: fixedClock() });
		store.seedAll(25);
		for (const name of RESOURCE_NAMES) {
			const all = store.collection(name).all();
			expect(all).toHaveLength(25);
			for (const r of all) expect(r.id).toMatch(PREFIX[name]);
		}
		const has = (name: string, id: string) => Boolean(store.collection(name).get(id));
		const c = store.collection.bind(store);
		for (const r of c('customerInvoices').all()) {
			expect(has('customers', r.customerId)).toBe(true);
			expect(r.issuedAt).toMatch(DATE);
			expect(r.createdAt).toMatch(ATOM);
			expect(r.amount).toMatch(/^\d+\.\d{2}$/);
		}
		for (const r of c('customerSubscriptions').all()) expect(has('customers', r.customerId)).toBe(true);
		for (const r of c('issuedPunchCards').all()) {
			expect(has('punchCards', r.punchCardId)).toBe(true);
			expect(has('customers', r.customerId)).toBe(true);
			expect(c('issuedPunchCards').childrenOf(r.punchCardId)).toContain(r);
		}
		for (const r of c('paymentLinkPayments').all()) {
			expect(has('paymentLinks', r.paymentLinkId)).toBe(true);
			expect(r.integrationId).toMatch(/^tr_/);
		}
		for (const group of c('customers').all().flatMap((x: any) => x.customerGroups)) expect(has('customerGroups', group)).toBe(true);
		for (const share of c('fileShares').all()) for (const id of share._content) expect(c('files').get(id).fileShareId).toBeTruthy();
		for (const inv of c('mkpInvoices').all()) {
			expect(inv.issuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
			expect(typeof inv.totalAmount).toBe('number');
			expect(inv.totalAmount).toBeCloseTo(inv.subtotalAmount + inv.vatAmount, 2);
		}
		for (const w of c('webhooks').all()) expect(w.secret).toMatch(/^[A-Za-z0-9]{20}$/);
	});

	test('seeded records get derived bytes whose size and hash match the record', () => {
		const store = createStore({ seed: 4, clock: fixedClock() });
		store.seedAll(5);
		const agreement = store.collection('agreements').all()[0];
		const doc = agreement.documents[0];
		const blob = store.blobs.get(doc.id);
		expect(blob.data.subarray(0, 5).toString()).toBe('%PDF-');
		expect(blob.data.length).toBe(doc.fileSize);
		expect(factories.sha256(blob.data)).toBe(doc.fileHash);
		const file = store.collection('files').all().find((f: any) => f.type === 'file');
		expect(store.blobs.get(file.id).data.length).toBe(file.size);
		expect(store.blobs.get(store.collection('customerInvoices').all()[0].id).mime).toBe('application/pdf');
		expect(store.blobs.get('inv_unknown')).toBeUndefined();
	});
});
