import { startMockServer } from '../../mock-server';
import type { MockServer } from '../../mock-server';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { majors, freshN8n } = require('../lib/suite.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fixtures = require('../lib/fixtures.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Executions } = require('../lib/executions.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedis } = require('../lib/redis.js');

type TriggerRun = { id: string; status: string; items: Array<{ json: Record<string, unknown> }> };

/**
 * Queue mode, as n8n scales past one machine: a main instance (which runs the poll) and one
 * worker (which runs the executions), sharing the database and a Redis queue. sqlite is shared
 * here for the test; n8n warns that production scaling wants PostgreSQL.
 */
describe.each(majors('MKP_E2E_QUEUE_N8N') as string[])('queue mode in real n8n %s.x (main + worker + redis)', (major: string) => {
	let mock: MockServer;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let n8n: any;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let redis: any;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let executions: any;
	let worker: { log: string[] };
	const poll = fixtures.triggerWorkflows().poll;
	const action = fixtures.queueActionWorkflow();
	const pollRequests = () => mock.log.entries().filter((e) => e.listener === 'api' && e.path === '/v1/customers' && e.credential.startsWith('oauth:'));

	beforeAll(async () => {
		redis = await startRedis(6390 + Number(major));
		mock = await startMockServer({ port: 0, seed: 31, records: 3, rateLimit: null, expiresIn: 3600 });
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		};
		n8n = freshN8n(major, 'queue', queueEnv);
		await n8n.importCredentials([fixtures.oauthCredential(mock, mock.issueTokens({ scopes: ['customers.read'] }))]);
		await n8n.importWorkflows([poll, action]);
		await n8n.publish(poll.id);
		await n8n.publish(action.id);
		await n8n.start();
		worker = await n8n.start({ command: 'worker', port: n8n.port + 1, env: { N8N_RUNNERS_BROKER_PORT: String(n8n.port + 1001), N8N_LOG_LEVEL: 'info' } });
		await n8n.signIn();
		executions = new Executions(n8n);
	});
	afterAll(async () => {
		await n8n?.stop();
		await mock?.close();
		await redis?.stop();
	});

	it('delivers each event once, runs executions on the worker, and reuses the token the worker refreshed', async () => {
		// The first poll after activation only records where the list ends.
		await waitUntil(() => pollRequests().length >= 1, 150000).catch((error) => {
			throw new Error(`${error.message}: no poll seen; API requests: ${JSON.stringify(mock.log.entries().slice(-5))}\n${n8n.logs().slice(-5000)}`);
		});

		// The worker refreshes the expired token while running the action workflow...
		mock.expireAllTokens();
		mock.resetCounters();
		const response = await fetch(`http://127.0.0.1:${n8n.port}/webhook/e2e-queue-action`);
		expect(response.status).toBe(200);
		const answered = await response.json();
		expect(Array.isArray(answered) ? answered.length : 1).toBeGreaterThan(0);
		expect(mock.counters.tokenCalls.refresh_token).toBe(1);

		// ...and the main instance's next poll uses the token the worker saved: no second refresh.
		const added = [1, 2, 3].map((n) => mock.store.create('customers', { companyName: `Queue customer ${n}` }).id);
		await executions.waitFor(poll.id, (list: unknown[]) => list.length >= 1);
		const polled = pollRequests().length;
		await waitUntil(() => pollRequests().length > polled, 150000);
		await new Promise((r) => setTimeout(r, 3000));
		expect(mock.counters.tokenCalls.refresh_token).toBe(1);

		const runs: TriggerRun[] = await executions.triggerItems(poll.id, 'New customer');
		expect(runs.map((r) => r.status)).toEqual(['success']);
		expect(runs[0].items.map((i) => String(i.json.id)).sort()).toEqual([...added].sort());

		const actionRuns = await executions.list(action.id);
		expect(actionRuns.map((e: { status: string }) => e.status)).toEqual(['success']);
		const workerLog = worker.log.join('');
		for (const id of [...runs.map((r) => r.id), ...actionRuns.map((e: { id: string }) => e.id)]) {
			expect(workerLog).toContain(`Worker finished execution ${id} `);
		}
	});
});

async function waitUntil(predicate: () => boolean, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 1000));
	}
}
