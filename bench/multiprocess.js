'use strict';
// (6) One rate limit, several processes: N worker processes (bench/multiprocess-child.js, n8n-core's
// real engine with our node) each run E Get Many executions at once on the same API key, against
// one mock in its own process, as n8n workers in queue mode do. The pacer is per process; the
// API's budget is per key. Figures come from the mock's request log (windows, as the limiter
// counts them) and from each process's own count of the 429s it received.
const { fork } = require('child_process');
const path = require('path');
const { startMockProcess, requestsSince, round } = require('./lib');

function child() {
	const process_ = fork(path.join(__dirname, 'multiprocess-child.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
	const next = (type) =>
		new Promise((resolve, reject) => {
			const onMessage = (message) => {
				if (message.type === 'failed') reject(new Error(message.error));
				else if (message.type === type) resolve(message);
				else return;
				process_.off('message', onMessage);
			};
			process_.on('message', onMessage);
		});
	return { process: process_, next };
}

/** The limiter's windows, rebuilt from its log: a window starts with the first request after the previous one ended. */
function windowsOf(log, windowMs) {
	const windows = [];
	let start = -Infinity;
	for (const entry of log) {
		if (entry.time >= start + windowMs) {
			start = entry.time;
			windows.push({ start, accepted: 0, refused: 0 });
		}
		windows[windows.length - 1][entry.status === 429 ? 'refused' : 'accepted']++;
	}
	return windows;
}

async function multiProcess({ processes = 2, executionsPerProcess = 1, records = 3000, limit = 60, windowSeconds = 2 } = {}) {
	const windowMs = windowSeconds * 1000;
	const mock = await startMockProcess(['--rate-limit', `${limit}/${windowSeconds}`]);
	const warm = await startMockProcess();
	const children = Array.from({ length: processes }, child);
	try {
		await mock.admin('POST', '/seed', { resource: 'customers', count: records });
		await warm.admin('POST', '/seed', { resource: 'customers', count: 150 });
		const target = { apiKey: mock.apiKey, apiBaseUrl: mock.apiBaseUrl };
		await Promise.all(
			children.map((c) => {
				const ready = c.next('ready');
				c.process.send({ type: 'warmUp', mock: { apiKey: warm.apiKey, apiBaseUrl: warm.apiBaseUrl } });
				return ready;
			}),
		);
		const { perPage } = await mock.admin('GET', '/config');
		const since = (await mock.admin('GET', '/requests?limit=1')).lastSeq;
		await mock.admin('DELETE', '/counters');
		const started = Date.now();
		const results = await Promise.all(
			children.map((c) => {
				const done = c.next('done');
				c.process.send({ type: 'go', mock: target, executions: executionsPerProcess });
				return done;
			}),
		);
		const wallMs = Date.now() - started;
		const counters = await mock.admin('GET', '/counters');
		const log = (await requestsSince(mock, since)).filter((entry) => entry.listener === 'api');
		const windows = windowsOf(log, windowMs);
		const full = windows.slice(0, -1);
		const accepted = log.filter((e) => e.status !== 429).length;
		const pagesPerExecution = Math.ceil(records / perPage);
		const executions = processes * executionsPerProcess;
		// Every request that got data, at the full rate from the first one on.
		const idealMs = (executions * pagesPerExecution * windowMs) / limit;
		const received = results.map((r) => r.received429);
		return {
			processes,
			executionsPerProcess,
			records,
			limit,
			windowSeconds,
			recordsReturned: results.flatMap((r) => r.records).reduce((a, b) => a + b, 0),
			recordsExpected: executions * records,
			failedExecutions: results.reduce((n, r) => n + r.errors.length, 0),
			errors: results.flatMap((r) => r.errors).slice(0, 3),
			requests: log.length,
			accepted,
			windows: windows.map((w) => `${w.accepted}${w.refused ? `+${w.refused}×429` : ''}`),
			// Accepted requests per full window / limit (all but the last, partial window).
			rateLimitUtilisation: full.length ? round(full.reduce((s, w) => s + w.accepted, 0) / (full.length * limit)) : null,
			// The API's budget over the whole run: accepted requests / what the limit allowed in that time.
			throughputVsLimit: round(accepted / ((wallMs / windowMs) * limit)),
			wasted429: counters.rateLimited,
			wasted429PerWindow: round(counters.rateLimited / windows.length),
			wasted429PerWindowPerProcess: round(counters.rateLimited / windows.length / processes),
			received429PerProcess: received,
			learnedWindowMs: results.map((r) => r.learnedWindowMs),
			wallMs,
			idealMs: Math.round(idealMs),
			wallVsIdeal: round(wallMs / idealMs),
		};
	} finally {
		for (const c of children) c.process.kill('SIGTERM');
		await Promise.all([mock.close(), warm.close()]);
	}
}

module.exports = { multiProcess };
