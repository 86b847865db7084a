'use strict';
// One "worker process" of the multi-process bench (bench/multiprocess.js): n8n-core's real engine
// with our node, as an n8n queue-mode worker runs it. It warms up, says it is ready, and on "go"
// runs `executions` Get Many (Return All) executions side by side with one credential, as a worker
// with that concurrency does. It counts the 429s it received itself (n8n-core's HTTP requests,
// through Node's http diagnostics channel), because the mock's log cannot tell processes apart.
require('./register');
const diagnostics = require('diagnostics_channel');
const path = require('path');
const { ROOT, runNode } = require('./lib');
const { pacerFor } = require(path.join(ROOT, 'nodes/shared/transport/pacing.ts'));

const statuses = {};
diagnostics.subscribe('http.client.response.finish', ({ response }) => {
	statuses[response.statusCode] = (statuses[response.statusCode] || 0) + 1;
});

process.on('message', async (message) => {
	try {
		if (message.type === 'warmUp') {
			const warm = await runNode(message.mock, { resource: 'customer', operation: 'getAll', returnAll: true });
			if (warm.error) throw new Error(`warm-up: ${warm.error.message}`);
			for (const key of Object.keys(statuses)) delete statuses[key];
			process.send({ type: 'ready' });
			return;
		}
		if (message.type === 'go') {
			const started = Date.now();
			const runs = await Promise.all(
				Array.from({ length: message.executions }, () =>
					runNode(message.mock, { resource: 'customer', operation: 'getAll', returnAll: true }, { credentialId: 'shared-key' }),
				),
			);
			process.send({
				type: 'done',
				wallMs: Date.now() - started,
				records: runs.map((r) => r.items.length),
				errors: runs.filter((r) => r.error).map((r) => `${r.error.message} ${r.error.description ?? ''}`.trim()),
				received429: statuses[429] || 0,
				// What the pacer learned (the same key the transport uses for this credential and base).
				learnedWindowMs: pacerFor({}, `mijnKlantportaalApi:shared-key:${message.mock.apiBaseUrl}`).windowMs ?? null,
				statuses,
			});
		}
	} catch (error) {
		process.send({ type: 'failed', error: String(error && error.stack ? error.stack : error) });
	}
});
