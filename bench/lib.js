'use strict';
// Shared bench helpers: the mock in its own process (so its work and memory are not counted as
// the node's), admin calls, and runs of the action node through n8n-core's real engine.
const { spawn } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/**
 * Starts `test/mock-server/run.js` in a child process and resolves with its URLs and key.
 * @param {string[]} args CLI options, e.g. ['--rate-limit', '60/2']
 */
function startMockProcess(args = []) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(ROOT, 'test/mock-server/run.js'), '--port', '0', '--records', '0', '--rate-limit', 'off', ...args], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let buffer = '';
		const onData = (chunk) => {
			buffer += chunk;
			const line = buffer.split('\n')[0];
			if (buffer.includes('\n')) {
				child.stdout.off('data', onData);
				try {
					const info = JSON.parse(line);
					resolve({
						...info,
						child,
						admin: (method, route, body) => admin(info.adminUrl, method, route, body),
						close: () =>
							new Promise((done) => {
								child.once('exit', () => done());
								child.kill('SIGTERM');
							}),
					});
				} catch (error) {
					reject(error);
				}
			}
		};
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', onData);
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`mock exited with ${code}`)));
	});
}

async function admin(adminUrl, method, route, body) {
	const response = await fetch(`${adminUrl}${route}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
	return text ? JSON.parse(text) : null;
}

/** Every request-log entry after `since` (the log keeps the last 50,000). */
async function requestsSince(mock, since) {
	return (await mock.admin('GET', `/requests?since=${since}`)).data;
}

let harness;
/** The test harness (TypeScript, through bench/register.js): n8n-core's WorkflowExecute and credentials. */
function n8n() {
	if (!harness) {
		harness = {
			...require(path.join(ROOT, 'test/harness/mkp-n8n.cts')),
			...require(path.join(ROOT, 'test/harness/mkp-credentials.cts')),
		};
	}
	return harness;
}

let credentials = 0;

/** Runs Items → MijnKlantportaal with an API-key credential for `mock`. */
async function runNode(mock, parameters, { items, apiKey, credentialId } = {}) {
	const { MemoryCredentialsHelper, runNode: run } = n8n();
	const helper = new MemoryCredentialsHelper();
	const id = credentialId ?? `bench-${++credentials}`;
	helper.set(id, 'mijnKlantportaalApi', { apiKey: apiKey ?? mock.apiKey, environment: 'custom', apiBaseUrl: mock.apiBaseUrl });
	return await run({ helper, credentials: { mijnKlantportaalApi: id }, parameters, items });
}

/** Samples heap and RSS while `fn` runs; returns its result and the peaks. */
async function withMemory(fn) {
	global.gc?.();
	const base = process.memoryUsage();
	let peakHeap = base.heapUsed;
	let peakRss = base.rss;
	const timer = setInterval(() => {
		const now = process.memoryUsage();
		peakHeap = Math.max(peakHeap, now.heapUsed);
		peakRss = Math.max(peakRss, now.rss);
	}, 10);
	try {
		const result = await fn();
		const now = process.memoryUsage();
		peakHeap = Math.max(peakHeap, now.heapUsed);
		peakRss = Math.max(peakRss, now.rss);
		return { result, baseHeap: base.heapUsed, baseRss: base.rss, peakHeap, peakRss };
	} finally {
		clearInterval(timer);
	}
}

const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

module.exports = { ROOT, startMockProcess, requestsSince, n8n, runNode, withMemory, mb, round };
