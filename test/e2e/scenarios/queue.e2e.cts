import { startMockServer } from '../../mock-server';
import type { LogEntry, MockServer } from '../../mock-server';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fixtures = require('../lib/fixtures.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Executions } = require('../lib/executions.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startQueueStack } = require('../lib/queue-stack.js');

type Execution = { id: string; status: string; startedAt: string; stoppedAt?: string };
type TriggerRun = { id: string; status: string; items: Array<{ json: Record<string, unknown> }> };
type Mocks = Record<'bulk' | 'oauth' | 'oldest' | 'newest' | 'hooks', MockServer>;

const BULK_RECORDS = 3000;
const BULK_EXECUTIONS = 6;
const RATE = { limit: 60, windowSeconds: 2 };
const finished = (e: Execution) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting';

/**
 * n8n scaled out, as production runs it: n8n 2.41 main plus 2 workers (concurrency 3 each) on
 * PostgreSQL and Redis (test/e2e/lib/queue-stack.js), with durable poll cursors on. One mock per
 * scenario, so each one's counters and request log are its own. Every figure is checked from the
 * mock's log and counters and from n8n's execution data; the time of each scenario is logged.
 */
describe('queue mode on PostgreSQL in real n8n 2.x (main + 2 workers + Redis)', () => {
	const mocks = {} as Mocks;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let stack: any;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let executions: any;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let workflows: any;
	const hook = (path: string) => fetch(`http://127.0.0.1:${stack.n8n.port}/webhook/${path}`);
	const ranOn = (ids: string[]) => new Set(ids.map((id) => stack.finishedBy.get(id)));

	beforeAll(async () => {
		mocks.bulk = await startMockServer({ port: 0, seed: 41, records: 0, rateLimit: RATE });
		mocks.bulk.store.seed('customers', BULK_RECORDS);
		mocks.oauth = await startMockServer({ port: 0, seed: 42, records: 0, rateLimit: null, rotateRefreshTokens: true });
		mocks.oauth.store.seed('customers', 5);
		mocks.oldest = await startMockServer({ port: 0, seed: 43, records: 0, rateLimit: null, order: 'oldest-first' });
		mocks.newest = await startMockServer({ port: 0, seed: 44, records: 0, rateLimit: null, order: 'newest-first' });
		for (const mock of [mocks.oldest, mocks.newest]) mock.store.seed('customers', 40);
		mocks.hooks = await startMockServer({ port: 0, seed: 45, records: 0, rateLimit: null });
		const data = fixtures.queueFixtures(mocks);
		workflows = data.workflows;
		stack = await startQueueStack({ name: 'queue' });
		await stack.n8n.importCredentials(data.credentials);
		await stack.n8n.importWorkflows(Object.values(workflows));
		for (const workflow of Object.values(workflows) as Array<{ id: string }>) await stack.n8n.publish(workflow.id);
		await stack.start();
		executions = new Executions(stack.n8n);
		// The main instance activates published workflows in the background after it starts listening.
		await waitUntil(() => mocks.hooks.store.collection('webhooks').all().length === 2, 120000);
	});
	afterAll(async () => {
		await stack?.stop();
		await Promise.all(Object.values(mocks).map((mock) => mock.close()));
	});

	it(`bulk under one key: ${BULK_EXECUTIONS} executions at once over both workers get all ${BULK_EXECUTIONS * BULK_RECORDS} records, and no 429 reaches a user`, async () => {
		const mock = mocks.bulk;
		mock.resetCounters();
		const since = mock.log.lastSeq;
		const responses = await Promise.all(Array.from({ length: BULK_EXECUTIONS }, () => hook('e2e-queue-bulk')));
		expect(responses.map((r) => r.status)).toEqual(Array(BULK_EXECUTIONS).fill(200));
		const done: Execution[] = await executions.waitFor(workflows.bulk.id, (list: Execution[]) => list.filter(finished).length >= BULK_EXECUTIONS, { timeoutMs: 300000 });
		expect(done.map((e) => e.status)).toEqual(Array(BULK_EXECUTIONS).fill('success'));

		const ids = mock.store.collection<{ id: string }>('customers').all().map((c) => c.id).sort();
		for (const execution of done) {
			const { data } = await executions.runData(execution.id);
			const run = data.resultData.runData['All customers'][0];
			expect(run.error).toBeUndefined();
			const items = run.data.main[0] as Array<{ json: { id: string } }>;
			expect(items.map((i) => i.json.id).sort()).toEqual(ids);
		}
		expect(ranOn(done.map((e) => e.id))).toEqual(new Set([0, 1]));

		const api = mock.log.entries({ since }).filter((e: LogEntry) => e.listener === 'api');
		const pages = Math.ceil(BULK_RECORDS / mock.config.perPage);
		expect(api.filter((e) => e.status === 200)).toHaveLength(BULK_EXECUTIONS * pages);
		expect(api.filter((e) => e.status !== 200 && e.status !== 429)).toEqual([]);
		const seconds = (Math.max(...done.map((e) => Date.parse(String(e.stoppedAt)))) - Math.min(...done.map((e) => Date.parse(e.startedAt)))) / 1000;
		const idealSeconds = (BULK_EXECUTIONS * pages * RATE.windowSeconds) / RATE.limit;
		// Windows the run spanned (the limiter's own windows start with a request, so this is close, not exact).
		const windows = Math.ceil((api[api.length - 1].time - api[0].time) / (RATE.windowSeconds * 1000));
		console.log(
			JSON.stringify({
				scenario: 'bulk',
				executions: BULK_EXECUTIONS,
				perWorker: [0, 1].map((w) => done.filter((e) => stack.finishedBy.get(e.id) === w).length),
				records: BULK_EXECUTIONS * BULK_RECORDS,
				requests: api.length,
				tooManyRequests: mock.counters.rateLimited,
				perWindow: Math.round((mock.counters.rateLimited / windows) * 100) / 100,
				seconds,
				idealSeconds,
			}),
		);
	});

	it('OAuth2 across workers: 30 executions over 3 token expiries, with refresh-token rotation, refresh the token exactly 3 times', async () => {
		const mock = mocks.oauth;
		mock.resetCounters();
		const since = mock.log.lastSeq;
		const started = Date.now();
		for (let batch = 0; batch < 3; batch++) {
			mock.expireAllTokens();
			// Ten at once: both workers meet the expired token at the same time.
			const answers = await Promise.all(Array.from({ length: 10 }, () => hook('e2e-queue-oauth').then(async (r) => ({ status: r.status, body: await r.json() }))));
			expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
			expect(answers.every((a) => /^cst_/.test(String(a.body.id)))).toBe(true);
		}
		expect(mock.counters.tokenCalls).toEqual({ authorization_code: 0, refresh_token: 3, other: 0 });
		const tokenCalls = mock.log.entries({ since }).filter((e: LogEntry) => e.listener === 'oauth');
		expect(tokenCalls.map((e) => e.status)).toEqual([200, 200, 200]);
		const done: Execution[] = await executions.waitFor(workflows.oauth.id, (list: Execution[]) => list.filter(finished).length >= 30);
		expect(done.map((e) => e.status)).toEqual(Array(30).fill('success'));
		expect(ranOn(done.map((e) => e.id))).toEqual(new Set([0, 1]));
		console.log(JSON.stringify({ scenario: 'oauth', executions: 30, perWorker: [0, 1].map((w) => done.filter((e) => stack.finishedBy.get(e.id) === w).length), tokenCalls: 3, seconds: (Date.now() - started) / 1000 }));
	});

	it('webhook trigger: deliveries arrive at the main instance and each runs once, on a worker', async () => {
		const mock = mocks.hooks;
		const started = Date.now();
		const registered = mock.store.collection<{ url: string }>('webhooks').all();
		expect(registered.map((w) => w.url)).toEqual(Array(2).fill(`${stack.n8n.baseUrl}/webhook/${fixtures.WEBHOOK_ID}/webhook`));
		const sent = [1, 2, 3].flatMap((n) => [
			['customer-created', `cst_queue${n}`],
			['invoice-paid', `inv_queue${n}`],
		]);
		const deliveries = await Promise.all(sent.map(([event, id]) => mock.fireWebhook(event, { id })));
		expect(deliveries.map((d) => d.map((r) => r.status))).toEqual(Array(sent.length).fill([200]));
		const done: Execution[] = await executions.waitFor(workflows.webhook.id, (list: Execution[]) => list.filter(finished).length >= sent.length, { timeoutMs: 60000 });
		// No delivery runs twice: wait a moment for any extra execution.
		await new Promise((r) => setTimeout(r, 3000));
		const runs: TriggerRun[] = await executions.triggerItems(workflows.webhook.id, 'Portal event');
		expect(runs.map((r) => r.status)).toEqual(Array(sent.length).fill('success'));
		const received = runs.flatMap((r) => r.items.map((i) => [i.json.event, (i.json.data as { id: string }).id]));
		expect(received.sort()).toEqual([...sent].sort());
		expect(done.every((e) => stack.finishedBy.has(e.id))).toBe(true);
		console.log(JSON.stringify({ scenario: 'webhook', deliveries: sent.length, perWorker: [0, 1].map((w) => done.filter((e) => stack.finishedBy.get(e.id) === w).length), seconds: (Date.now() - started) / 1000 }));
	});

	it('polling trigger with durable cursors: every record once, in both list orders, across a restart of the main instance', async () => {
		const started = Date.now();
		const orders = ['oldest', 'newest'] as const;
		const cursorRow = (id: string) => stack.postgres.query(`SELECT cursor FROM poller_state WHERE "workflowId" = '${id}'`);
		// The cursors live in poller_state once the first scheduled poll has committed them.
		await waitUntil(() => orders.every((o) => cursorRow(workflows[o].id).some(([cursor]: string[]) => cursor !== '{}')), 120000);
		const existing = Object.fromEntries(orders.map((o) => [o, new Set(mocks[o].store.collection<{ id: string }>('customers').all().map((c) => c.id))]));
		const inserted: Record<string, string[]> = { oldest: [], newest: [] };
		const insert = (label: string) => {
			for (const o of orders) for (const n of [1, 2]) inserted[o].push(String(mocks[o].store.create('customers', { companyName: `${label} ${n}` }).id));
		};
		const nextPoll = () => Promise.all(orders.map((o) => waitForPoll(mocks[o])));

		let polls = 0;
		for (const round of [1, 2, 3]) {
			insert(`Before poll ${round}`);
			await nextPoll();
			polls++;
		}
		// Records created just before the main instance stops, and while it is down.
		insert('Before the restart');
		await stack.stopMain();
		insert('While main is down');
		await stack.startMain();
		await nextPoll();
		polls++;
		insert('After the restart');
		await nextPoll();
		polls++;
		await nextPoll();
		polls++;

		for (const o of orders) {
			await executions.waitFor(workflows[o].id, (list: Execution[]) => list.length > 0 && list.every(finished));
			const runs: TriggerRun[] = await executions.triggerItems(workflows[o].id, 'New customer');
			expect(runs.map((r) => r.status)).toEqual(Array(runs.length).fill('success'));
			const emitted = runs.flatMap((r) => r.items.map((i) => String(i.json.id)));
			if (emitted.length !== inserted[o].length) {
				const polls = stack.postgres.query(`SELECT "scheduledFor", "startedAt", status FROM scheduled_task WHERE "taskType" LIKE '%poll%' ORDER BY "scheduledFor"`);
				throw new Error(`${o}: emitted ${JSON.stringify(runs.map((r) => [r.id, r.items.map((i) => i.json.companyName)]))}; polls ${JSON.stringify(polls)}`);
			}
			expect(emitted.sort()).toEqual([...inserted[o]].sort());
			expect(emitted.filter((id) => existing[o].has(id))).toEqual([]);
			expect(runs.every((r) => stack.finishedBy.has(r.id))).toBe(true);
			// n8n kept the trigger's state in poller_state (not in the workflow's static data).
			expect(cursorRow(workflows[o].id)).toHaveLength(1);
		}
		expect(stack.n8n.logs()).not.toContain('durable poll cursors stay disabled');
		console.log(JSON.stringify({ scenario: 'poll', polls, records: inserted.oldest.length + inserted.newest.length, seconds: (Date.now() - started) / 1000 }));
	});
});

/** Waits for the trigger's next poll of `mock`: a new list request, then 2 s without another. */
async function waitForPoll(mock: MockServer, timeoutMs = 120000) {
	const lists = () => mock.log.entries().filter((e) => e.listener === 'api' && e.path === '/v1/customers');
	const before = lists().length;
	await waitUntil(() => lists().length > before, timeoutMs);
	let count = lists().length;
	for (;;) {
		await new Promise((r) => setTimeout(r, 2000));
		if (lists().length === count) return;
		count = lists().length;
	}
}

async function waitUntil(predicate: () => boolean, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 1000));
	}
}
