'use strict';
// (3) The polling trigger: requests per idle poll, requests for k new records, and the size of the
// state it keeps, for 10,000 and 100,000 customers, in both list orders. Uses the poll harness
// (test/harness/mkp-poll.cts: n8n-core's PollContext, static data as n8n persists it).
const fs = require('fs');
const path = require('path');
const { ROOT, startMockProcess, n8n } = require('./lib');

const TRIGGER = path.join(ROOT, 'nodes/MijnKlantportaalTrigger/MijnKlantportaalTrigger.node.ts');
const POLL_HARNESS = path.join(ROOT, 'test/harness/mkp-poll.cts');

function triggerAvailable() {
	return fs.existsSync(TRIGGER) && fs.existsSync(POLL_HARNESS);
}

async function counted(mock, fn) {
	const before = (await mock.admin('GET', '/counters')).apiRequests;
	const result = await fn();
	const after = (await mock.admin('GET', '/counters')).apiRequests;
	return { result, requests: after - before };
}

/** One list size and order: set up, idle polls, then k new records at a time. */
async function triggerPolls({ records = 10_000, order = 'oldest-first', ks = [1, 20, 200] } = {}) {
	if (!triggerAvailable()) return { todo: 'nodes/MijnKlantportaalTrigger or test/harness/mkp-poll.cts is missing' };
	const mock = await startMockProcess(['--order', order]);
	try {
		await mock.admin('POST', '/seed', { resource: 'customers', count: records });
		const { MemoryCredentialsHelper } = n8n();
		const { PollHarness } = require(POLL_HARNESS);
		const helper = new MemoryCredentialsHelper();
		helper.set('key', 'mijnKlantportaalApi', { environment: 'custom', apiBaseUrl: mock.apiBaseUrl, apiKey: mock.apiKey });
		const harness = new PollHarness({ helper, credentials: { mijnKlantportaalApi: 'key' }, parameters: { event: 'customerCreated' } });

		// Activation, then polls until two idle polls in a row cost the same: the steady state.
		let setupRequests = 0;
		let setupPolls = 0;
		let idle;
		let previous;
		for (let i = 0; i < 50; i++) {
			const { result, requests } = await counted(mock, () => harness.poll(i === 0));
			if (result.error) throw new Error(`poll ${i}: ${result.error.message}`);
			if (result.items && result.items.length) throw new Error(`poll ${i} emitted ${result.items.length} items with nothing new`);
			if (previous !== undefined && requests === previous) {
				idle = requests;
				break;
			}
			setupRequests += requests;
			setupPolls++;
			previous = requests;
		}
		if (idle === undefined) throw new Error('the trigger never settled into idle polls');

		const forK = {};
		for (const k of ks) {
			// Created as the API creates them: now, one after another.
			for (let i = 0; i < k; i++) await mock.admin('POST', '/records/customers', {});
			let emitted = 0;
			let requests = 0;
			let polls = 0;
			while (emitted < k && polls < 50) {
				const poll = await counted(mock, () => harness.poll());
				if (poll.result.error) throw new Error(`poll after ${k} new: ${poll.result.error.message}`);
				emitted += poll.result.items ? poll.result.items.length : 0;
				requests += poll.requests;
				polls++;
			}
			if (emitted !== k) throw new Error(`${k} new records: ${emitted} emitted`);
			forK[k] = { requests, polls };
		}
		const state = harness.memoryState;
		return {
			records,
			order,
			setupPolls,
			setupRequests,
			idlePollRequests: idle,
			requestsForKNew: forK,
			stateBytes: Buffer.byteLength(JSON.stringify(state ?? {})),
		};
	} finally {
		await mock.close();
	}
}

module.exports = { triggerPolls, triggerAvailable };
