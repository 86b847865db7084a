'use strict';
const { oauthData } = require('../test/harness/credential-data.js');
// The bench scenarios. Each runs in a fresh process (see run.js) and returns its figures: counts
// and ratios measured in that run.
const path = require('path');
const { Agent, request } = require('undici');
const { ROOT, startMockProcess, requestsSince, n8n, runNode, withMemory, mb, round } = require('./lib');

/** (1) Get Many, Return All, over 3,000 customers with the rate limit scaled to 60 per 2 s. */
async function rateLimit({ records = 3000, limit = 60, windowSeconds = 2 } = {}) {
	await warmUp();
	const mock = await startMockProcess(['--rate-limit', `${limit}/${windowSeconds}`]);
	try {
		await mock.admin('POST', '/seed', { resource: 'customers', count: records });
		const { perPage } = await mock.admin('GET', '/config');
		const since = (await mock.admin('GET', '/requests?limit=1')).lastSeq;
		await mock.admin('DELETE', '/counters');
		const started = Date.now();
		const result = await runNode(mock, { resource: 'customer', operation: 'getAll', returnAll: true });
		const wallMs = Date.now() - started;
		const counters = await mock.admin('GET', '/counters');
		const log = (await requestsSince(mock, since)).filter((entry) => entry.listener === 'api');
		// The limiter's windows, rebuilt from the log: a window starts with the first request after
		// the previous one ended (mock-clock times, as the limiter counts them).
		const windows = [];
		let start = -Infinity;
		for (const entry of log) {
			if (entry.time >= start + windowSeconds * 1000) {
				start = entry.time;
				windows.push({ accepted: 0, refused: 0 });
			}
			windows[windows.length - 1][entry.status === 429 ? 'refused' : 'accepted']++;
		}
		const full = windows.slice(0, -1);
		const pages = Math.ceil(records / perPage);
		const idealMs = (pages * windowSeconds * 1000) / limit;
		const errorText = `${result.error?.message ?? ''} ${result.error?.description ?? ''}`;
		return {
			records,
			limit,
			windowSeconds,
			pages,
			recordsReturned: result.items.length,
			requests: log.length,
			windows: windows.map((w) => w.accepted),
			// Requests per window / limit, over the windows the run filled (all but its last, partial one).
			rateLimitUtilisation: full.length ? round(full.reduce((sum, w) => sum + w.accepted, 0) / (full.length * limit)) : null,
			// 429s the API sent (the first window's end is learned from one), and 429s the user saw.
			wasted429: counters.rateLimited,
			surfaced429: result.error && /429|rate limit/i.test(errorText) ? 1 : 0,
			error: result.error ? result.error.message : null,
			wallMs,
			idealMs: Math.round(idealMs),
			wallVsIdeal: round(wallMs / idealMs),
		};
	} finally {
		await mock.close();
	}
}

/** Loads and runs everything once against a small mock, so first-run costs stay out of the figures. */
async function warmUp() {
	const small = await startMockProcess();
	try {
		await small.admin('POST', '/seed', { resource: 'customers', count: 300 });
		await rawLoop(small);
		await nodeGetAll(small);
	} finally {
		await small.close();
	}
}

/** A raw keep-alive undici loop over the same pages: the floor the node is compared with. */
async function rawLoop(mock) {
	const agent = new Agent({ connections: 1, keepAliveTimeout: 10_000 });
	const headers = { authorization: `Bearer ${mock.apiKey}`, accept: 'application/json' };
	const records = [];
	let pages = 0;
	let url = `${mock.apiBaseUrl}/customers`;
	try {
		while (url) {
			const response = await request(url, { dispatcher: agent, headers });
			const page = await response.body.json();
			if (response.statusCode !== 200) throw new Error(`raw loop: ${response.statusCode}`);
			pages++;
			for (const record of page.data) records.push(record);
			url = page.next_page_url;
		}
	} finally {
		await agent.close();
	}
	return { records: records.length, pages };
}

async function nodeGetAll(mock) {
	const result = await runNode(mock, { resource: 'customer', operation: 'getAll', returnAll: true });
	if (result.error) throw new Error(`node: ${result.error.message}`);
	return { records: result.items.length };
}

const NODE_TYPE = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';

/**
 * The floor for any n8n node: a bare loop over the same pages with n8n's own authenticated
 * request helper, no pacing, retries or error handling. Run in place of the action node.
 */
async function helperLoop(mock) {
	const { registerNodeType } = n8n();
	const { MijnKlantportaal } = require(path.join(ROOT, 'nodes/MijnKlantportaal/MijnKlantportaal.node.ts'));
	class HelperLoop extends MijnKlantportaal {
		async execute() {
			const out = [];
			let url = `${mock.apiBaseUrl}/customers`;
			while (url) {
				const page = await this.helpers.httpRequestWithAuthentication.call(this, 'mijnKlantportaalApi', { method: 'GET', url, json: true });
				for (const json of page.data) out.push({ json, pairedItem: { item: 0 } });
				url = page.next_page_url;
			}
			return [out];
		}
	}
	registerNodeType(NODE_TYPE, new HelperLoop());
	try {
		return await nodeGetAll(mock);
	} finally {
		registerNodeType(NODE_TYPE, new MijnKlantportaal());
	}
}

/**
 * (2) Rate limit off: the node through n8n-core against a raw undici loop over the same pages,
 * and against a bare loop with n8n's request helper (what any n8n node pays per request). Runs
 * alternate; the median of each. With `latencyMs`, the mock delays every request by that much
 * (a random 'latency' fault at rate 1), standing in for the network and the real API's work.
 */
async function nodeVsRaw({ records = 100_000, runs = 3, latencyMs = 0 } = {}) {
	const mock = await startMockProcess();
	try {
		await mock.admin('POST', '/seed', { resource: 'customers', count: records });
		if (latencyMs > 0) await mock.admin('POST', '/faults/random', { rate: 1, types: ['latency'], latencyMs, phase: 'before' });
		await warmUp();

		const raw = [];
		const helper = [];
		const node = [];
		const time = async (into, fn) => {
			const started = Date.now();
			const result = await fn(mock);
			into.push(Date.now() - started);
			if (result.records !== records) throw new Error(`${result.records} records instead of ${records}`);
		};
		for (let i = 0; i < runs; i++) {
			await time(raw, rawLoop);
			await time(helper, helperLoop);
			await time(node, nodeGetAll);
		}
		const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
		const pages = Math.ceil(records / 15);
		return {
			records,
			pages,
			latencyMs,
			rawMs: raw,
			helperLoopMs: helper,
			nodeMs: node,
			rawMsPerPage: round(median(raw) / pages),
			helperLoopMsPerPage: round(median(helper) / pages),
			nodeMsPerPage: round(median(node) / pages),
			nodeVsRawTimeRatio: round(median(node) / median(raw)),
			helperLoopVsRawTimeRatio: round(median(helper) / median(raw)),
			nodeVsHelperLoopTimeRatio: round(median(node) / median(helper)),
		};
	} finally {
		await mock.close();
	}
}

/** (2) Peak memory of the node process while Get Many returns 100,000 records. */
async function nodeMemory({ records = 100_000 } = {}) {
	const mock = await startMockProcess();
	try {
		await mock.admin('POST', '/seed', { resource: 'customers', count: records });
		await warmUp();
		const measured = await withMemory(() => nodeGetAll(mock));
		return {
			records: measured.result.records,
			peakHeapMB: mb(measured.peakHeap),
			peakHeapDeltaMB: mb(measured.peakHeap - measured.baseHeap),
			peakRssMB: mb(measured.peakRss),
			peakRssDeltaMB: mb(measured.peakRss - measured.baseRss),
			heapBytesPerRecord: Math.round((measured.peakHeap - measured.baseHeap) / records),
		};
	} finally {
		await mock.close();
	}
}

/**
 * (4) OAuth2: N executions, one after another, across M expiries of the access token. Each
 * execution gets one customer; after every N/M executions all tokens expire.
 */
async function oauth({ executions = 30, expiries = 3 } = {}) {
	await warmUp();
	const mock = await startMockProcess();
	try {
		await mock.admin('POST', '/seed', { resource: 'customers', count: 5 });
		const { MemoryCredentialsHelper, runNode: run } = n8n();
		const tokens = await mock.admin('POST', '/tokens', { scopes: ['customers.read'] });
		const helper = new MemoryCredentialsHelper();
		helper.set('oauth', 'mijnKlantportaalOAuth2Api', oauthData(mock, tokens));
		await mock.admin('DELETE', '/counters');
		const every = executions / expiries;
		let failed = 0;
		for (let i = 0; i < executions; i++) {
			if (i % every === 0) await mock.admin('POST', '/tokens/expire-all');
			const result = await run({
				helper,
				credentials: { mijnKlantportaalOAuth2Api: 'oauth' },
				parameters: { authentication: 'oAuth2', resource: 'customer', operation: 'getAll', returnAll: false, limit: 1 },
			});
			if (result.error || result.items.length !== 1) failed++;
		}
		const counters = await mock.admin('GET', '/counters');
		return {
			executions,
			expiries,
			failedExecutions: failed,
			tokenCalls: counters.tokenCalls.refresh_token + counters.tokenCalls.authorization_code + counters.tokenCalls.other,
			tokenSaves: helper.tokenSaves.length,
		};
	} finally {
		await mock.close();
	}
}

/** (5) The mock itself: list-page requests per second with 100,000 customers (test/mock-server/speed.js). */
async function mockSpeed({ seconds = 3, concurrency = 16, records = 100_000 } = {}) {
	const { measure } = require(path.join(ROOT, 'test/mock-server/speed.js'));
	return await measure({ seconds, concurrency, records });
}

module.exports = { rateLimit, nodeVsRaw, nodeMemory, oauth, mockSpeed };
