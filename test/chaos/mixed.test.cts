import { startMockServer } from '../mock-server';
import type { MockServer } from '../mock-server';
import { assertChaos, runChaos, summary } from './scenario.cjs';

/**
 * 1,000 mixed operations with 10% of the requests faulted (every fault type, both phases), rate
 * limit off, five executions side by side on one credential (one shared pacer: a 429 fault holds
 * up all five, as a real 429 would). Asserted (see assertChaos): no item
 * is lost, no create is duplicated in the mock's store, and every failure left is an error item
 * that says what happened, how often it was tried and, for a write, that it was not repeated.
 */
describe('chaos: 1,000 mixed operations, 10% faults, rate limit off', () => {
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 21, records: 0, rateLimit: null });
		mock.store.seed('customers', 40);
	});
	afterAll(async () => mock.close());

	it('loses no item, duplicates no create, and leaves only clear error items', async () => {
		const report = await runChaos(mock, { operations: 1000, seed: 21, credentialId: 'chaos-off', credentials: 'shared' });
		console.log(JSON.stringify(summary(report)));
		assertChaos(mock, report);
		// Reads and idempotent updates get through 10% faults on retries; only writes may fail.
		expect(report.errors.filter((e) => e.kind !== 'create' && e.kind !== 'upload')).toEqual([]);
	}, 120_000);
});
