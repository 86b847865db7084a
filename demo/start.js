'use strict';
// The demo's start-up, shared by `npm run demo` and `npm run demo -- --check`: n8n provisioned
// into the cache, the package built and installed from its `npm pack` tarball, the mock API,
// the demo credential and workflows imported, the trigger workflow published, n8n started.
const fs = require('fs');
const path = require('path');
const { startMockServer } = require('../test/mock-server');
const { CACHE, N8N2_VERSION, provision } = require('../test/e2e/lib/paths');
const { packPackage } = require('../test/e2e/lib/pack');
const { N8n } = require('../test/e2e/lib/n8n');
const demo = require('./workflows');

const N8N_PORT = Number(process.env.DEMO_N8N_PORT || 5678);
const MOCK_PORT = Number(process.env.DEMO_MOCK_PORT || 4010);

/** A failure to prepare n8n, told apart so the demo can say what to do about it. */
class ProvisionError extends Error {}

/** Runs `step`, adding its duration in seconds to `timings[name]`. */
async function timed(timings, name, step) {
	const started = Date.now();
	try {
		return await step();
	} finally {
		timings[name] = Math.round((Date.now() - started) / 100) / 10;
	}
}

/**
 * @param {{ say: (text: string) => void }} options
 * @returns the running mock and n8n, the owner login, the timings, and `stop()`
 */
async function startDemo({ say }) {
	const timings = {};
	let mock;
	let n8n;
	const stop = async () => {
		await n8n?.stop();
		await mock?.close();
	};
	try {
		say(`preparing n8n ${N8N2_VERSION} (cached in ${CACHE}; the first run installs it, which takes a few minutes)`);
		const runtime = await timed(timings, 'provision', () => {
			try {
				return provision('2');
			} catch (error) {
				throw new ProvisionError(error.message);
			}
		});
		say('building and packing the package');
		const tarball = await timed(timings, 'pack', () => packPackage(path.join(CACHE, 'demo-pack')));

		await timed(timings, 'start', async () => {
			mock = await startMockServer({ port: MOCK_PORT, seed: 1, records: 20, rateLimit: '60/60', expiresIn: 3600 });
			say(`mock MijnKlantportaal API on ${mock.apiBaseUrl}`);
			const userFolder = path.join(CACHE, 'demo-n8n');
			fs.rmSync(userFolder, { recursive: true, force: true });
			n8n = new N8n({ runtime, userFolder, port: N8N_PORT, name: 'demo' });
			n8n.installPackage(tarball);
			await n8n.importCredentials([demo.credential(mock)]);
			await n8n.importWorkflows(demo.workflows());
			await n8n.publish(demo.INVOICE_PAID_WORKFLOW);
			say('starting n8n');
			await n8n.start();
		});
		const owner = await n8n.signIn();
		return { mock, n8n, owner, timings, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startDemo, ProvisionError };
