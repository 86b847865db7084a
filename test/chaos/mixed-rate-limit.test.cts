import { startMockServer } from '../mock-server';
import type { MockServer } from '../mock-server';
import { assertChaos, runChaos, summary } from './scenario.cjs';

/**
 * The same 1,000 operations and 10% faults with the rate limit on, scaled down from 60 per minute
 * to 60 per second so the run takes seconds. The five executions use one API key through five
 * credential entries: the API counts them in one budget while their pacers do not share what they
 * learn, the harder case (many real 429s). No rate-limit error may reach the user.
 * rate-limit.test.cts covers one shared credential exactly; retries.test.cts a limit past Max Wait.
 */
describe('chaos: 1,000 mixed operations, 10% faults, rate limit 60 per second', () => {
	let mock: MockServer;
	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 22, records: 0, rateLimit: { limit: 60, windowSeconds: 1 } });
		mock.store.seed('customers', 40);
	});
	afterAll(async () => mock.close());

	it('loses no item, duplicates no create, and no rate-limit error reaches the user', async () => {
		const report = await runChaos(mock, { operations: 1000, seed: 22, credentialId: 'chaos-limited', credentials: 'perKind' });
		console.log(JSON.stringify(summary(report)));
		assertChaos(mock, report);
		expect(report.errors.filter((e) => /rate limit|429|too many/i.test(`${e.error} ${e.description}`))).toEqual([]);
		expect(report.errors.filter((e) => e.kind !== 'create' && e.kind !== 'upload')).toEqual([]);
		// The limiter did refuse requests (the limit bit), and each was waited out.
		expect(report.rateLimited).toBeGreaterThan(0);
	}, 120_000);
});
