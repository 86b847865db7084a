'use strict';
// `npm run demo`: the mock MijnKlantportaal API plus a real n8n 2.x with this package installed
// from its `npm pack` tarball, a demo credential and three demo workflows. Ctrl-C stops both.
// `npm run demo -- --check`: the same start-up, then each workflow run once and its results
// checked; everything stops, and one JSON line reports the timings (exit 0), or the failure (1).
const { startDemo, ProvisionError } = require('./start');
const { checkDemo } = require('./check');
const { simulateActivity } = require('./activity');

const say = (text) => console.error(`demo: ${text}`);
const checkMode = process.argv.includes('--check');

function banner({ n8n, owner, mock }) {
	console.log('');
	console.log(`  n8n editor:  ${n8n.baseUrl}`);
	console.log(`  login:       ${owner.email} / ${owner.password}`);
	console.log(`  mock API:    ${mock.apiBaseUrl} (admin: ${mock.adminUrl})`);
	console.log('  workflows:   "Get many customers", "Create a payment link and email it",');
	console.log('               "When an invoice is paid" (published; the mock marks an invoice paid every 30 s)');
	console.log('');
	console.log('  Press Ctrl-C to stop.');
}

async function check(started, begun) {
	const { n8n, mock, timings, stop } = started;
	try {
		const workflows = await checkDemo({ n8n, mock, say });
		await stop();
		console.log(JSON.stringify({ check: 'passed', seconds: { ...timings, workflows, total: Math.round((Date.now() - begun) / 100) / 10 } }));
	} catch (error) {
		say(`n8n's log (last lines):\n${n8n.logs().slice(-3000)}`);
		await stop();
		throw error;
	}
}

function serve(started) {
	const { stop } = started;
	banner(started);
	const timer = simulateActivity(started.mock);
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		say('stopping');
		clearInterval(timer);
		await stop();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

async function main() {
	const begun = Date.now();
	const started = await startDemo({ say });
	if (checkMode) await check(started, begun);
	else serve(started);
}

main().catch((error) => {
	if (error instanceof ProvisionError) {
		say(`could not prepare n8n, so nothing was started.\n  ${error.message}\n  Fix the cause and run the command again: a broken install is repaired or reinstalled.`);
	} else {
		say(`${checkMode ? 'check failed' : 'failed'}: ${error.stack || error}`);
	}
	process.exit(1);
});
