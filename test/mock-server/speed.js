#!/usr/bin/env node
'use strict';
// Throughput probe: seeds 100k customers, then fires list-page requests over keep-alive
// connections for a few seconds and prints one JSON line with requests per second.
// Usage: node test/mock-server/speed.js [--seconds 3] [--concurrency 16] [--records 100000]
const { Agent, request } = require('undici');
const { startMockServer } = require('./index');

function option(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function measure({ seconds = 3, concurrency = 16, records = 100_000 } = {}) {
	const mock = await startMockServer({ rateLimit: null });
	const seedStart = Date.now();
	mock.store.seed('customers', records);
	const seedMs = Date.now() - seedStart;
	const pages = Math.max(1, Math.ceil(records / mock.config.perPage));
	const agent = new Agent({ connections: concurrency, pipelining: 1, keepAliveTimeout: 10_000 });
	const headers = { authorization: `Bearer ${mock.apiKey}` };
	let done = 0;
	let failed = 0;
	let page = 0;
	const started = Date.now();
	const deadline = started + seconds * 1000;
	const worker = async () => {
		while (Date.now() < deadline) {
			page = (page % pages) + 1;
			const response = await request(`${mock.apiBaseUrl}/customers?page=${page}`, { dispatcher: agent, headers });
			await response.body.arrayBuffer();
			if (response.statusCode === 200) done++;
			else failed++;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const elapsed = (Date.now() - started) / 1000;
	await agent.close();
	await mock.close();
	return { records, seedMs, seconds: elapsed, concurrency, requests: done, failed, requestsPerSecond: Math.round(done / elapsed) };
}

if (require.main === module) {
	measure({ seconds: option('seconds', 3), concurrency: option('concurrency', 16), records: option('records', 100_000) })
		.then((result) => console.log(JSON.stringify(result)))
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}

module.exports = { measure };
