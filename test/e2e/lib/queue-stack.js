'use strict';
const { freshN8n } = require('./suite');
const { startPostgres } = require('./postgres');
const { startRedis } = require('./redis');

/** Redis and PostgreSQL ports: 50 and 51 above MKP_E2E_PORT_BASE, clear of the n8n instances below them. */
function servicePorts() {
	const base = Number(process.env.MKP_E2E_PORT_BASE || 5710);
	return { redis: base + 50, postgres: base + 51 };
}

/**
 * n8n as it scales out: a main instance (editor, webhooks, trigger polling, the durable scheduler)
 * and `workers` workers (`n8n worker`, each running up to `concurrency` executions at once),
 * sharing one PostgreSQL database and one Redis queue, both started here.
 *
 * Durable poll cursors (`N8N_POLLER_DURABLE_CURSORS_ENABLED`) only take effect with the durable
 * scheduler running poll triggers (`N8N_SCHEDULER_ENABLED`, `N8N_SCHEDULER_POLL_TRIGGERS_ENABLED`)
 * and the workflow publication service (on by default in 2.41); n8n warns and ignores the flag
 * otherwise (packages/cli/src/workflows/triggers/poll-cursor.service.ts).
 */
async function startQueueStack({ major = '2', name = 'queue', workers = 2, concurrency = 3, env = {} } = {}) {
	const ports = servicePorts();
	const postgres = await startPostgres(ports.postgres);
	let redis;
	try {
		redis = await startRedis(ports.redis);
	} catch (error) {
		await postgres.stop();
		throw error;
	}
	const n8n = freshN8n(major, name, {
		...postgres.n8nEnv,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_SCHEDULER_ENABLED: 'true',
		N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
		N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
		// The scheduler claims due polls every second, so a poll runs close to its cron time.
		N8N_SCHEDULER_EXECUTOR_INTERVAL: '1',
		// After a restart, the scheduler runs the polls it missed within this grace, all at once. The
		// suite's triggers poll every 15 s (four poll times), so with the default 60 s two polls of
		// one trigger could start together, both from the same cursor, and emit the same records
		// (seen here: three polls at 21:52:33.45 after a 35 s restart). 5 s lets at most one through.
		N8N_SCHEDULER_MISFIRE_GRACE: '5',
		...env,
	});
	const stack = {
		n8n,
		postgres,
		redis,
		main: undefined,
		/** The worker processes, as `n8n.start` returned them (`log` holds their recent output). */
		workers: [],
		/** Starts the main instance and the workers; call after importing and publishing. */
		async start() {
			await stack.startMain();
			// freshN8n leaves the two ports after the main one free, and n8n's task-runner broker takes port + 1000.
			stack.workers = await Promise.all(
				Array.from({ length: workers }, (_, i) =>
					n8n.start({
						command: 'worker',
						port: n8n.port + 1 + i,
						env: { N8N_RUNNERS_BROKER_PORT: String(n8n.port + 1001 + i), N8N_CONCURRENCY_PRODUCTION_LIMIT: String(concurrency), N8N_LOG_LEVEL: 'info' },
					}),
				),
			);
			stack.workers.forEach((worker, index) => {
				let partial = '';
				worker.child.stdout.on('data', (chunk) => {
					const lines = (partial + chunk).split('\n');
					partial = lines.pop();
					for (const line of lines) {
						const finished = /Worker finished execution (\d+) /.exec(line);
						if (finished) stack.finishedBy.set(finished[1], index);
					}
				});
			});
		},
		async startMain() {
			stack.main = await n8n.start();
			await n8n.signIn();
		},
		/** Stops the main instance (gracefully, SIGTERM); the workers keep running. */
		async stopMain() {
			await n8n.stopProcess(stack.main);
		},
		/** Execution ID → index of the worker whose log says "Worker finished execution <id>". */
		finishedBy: new Map(),
		async stop() {
			await n8n.stop();
			await redis.stop();
			await postgres.stop();
		},
	};
	return stack;
}

module.exports = { startQueueStack, servicePorts };
