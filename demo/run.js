'use strict';
// `npm run demo`: the mock MijnKlantportaal API plus a real n8n 2.x with this package installed
// from its `npm pack` tarball, a demo credential and three demo workflows. Ctrl-C stops both.
const fs = require('fs');
const path = require('path');
const { startMockServer } = require('../test/mock-server');
const { CACHE, N8N2_VERSION, provision } = require('../test/e2e/lib/paths');
const { packPackage } = require('../test/e2e/lib/pack');
const { N8n } = require('../test/e2e/lib/n8n');
const demo = require('./workflows');

const N8N_PORT = Number(process.env.DEMO_N8N_PORT || 5678);
const MOCK_PORT = Number(process.env.DEMO_MOCK_PORT || 4010);

const say = (text) => console.log(`demo: ${text}`);

/** Keeps the portal busy, so the "invoice paid" trigger has something to report. */
function simulateActivity(mock) {
	const invoices = mock.store.collection('customerInvoices');
	return setInterval(() => {
		const customer = mock.store.collection('customers').all().at(-1);
		const created = mock.store.create('customerInvoices', { customerId: customer.id, paidAt: null });
		const unpaid = invoices.all().find((invoice) => !invoice.paidAt && invoice.id !== created.id);
		if (unpaid) invoices.update(unpaid.id, { paidAt: new Date().toISOString().slice(0, 19).replace('T', ' ') });
	}, 30000);
}

async function main() {
	say(`preparing n8n ${N8N2_VERSION} (cached in ${CACHE}; the first run installs it, which takes a few minutes)`);
	const runtime = provision('2');
	say('building and packing the package');
	const tarball = packPackage(path.join(CACHE, 'demo-pack'));

	const mock = await startMockServer({ port: MOCK_PORT, seed: 1, records: 20, rateLimit: '60/60', expiresIn: 3600 });
	say(`mock MijnKlantportaal API on ${mock.apiBaseUrl}`);

	const userFolder = path.join(CACHE, 'demo-n8n');
	fs.rmSync(userFolder, { recursive: true, force: true });
	const n8n = new N8n({ runtime, userFolder, port: N8N_PORT, name: 'demo' });
	n8n.installPackage(tarball);
	await n8n.importCredentials([demo.credential(mock)]);
	await n8n.importWorkflows(demo.workflows());
	await n8n.publish(demo.INVOICE_PAID_WORKFLOW);
	say('starting n8n');
	await n8n.start();
	const owner = await n8n.signIn();
	const timer = simulateActivity(mock);

	console.log('');
	console.log(`  n8n editor:  ${n8n.baseUrl}`);
	console.log(`  login:       ${owner.email} / ${owner.password}`);
	console.log(`  mock API:    ${mock.apiBaseUrl} (admin: ${mock.adminUrl})`);
	console.log('  workflows:   "Get many customers", "Create a payment link and email it",');
	console.log('               "When an invoice is paid" (published; the mock marks an invoice paid every 30 s)');
	console.log('');
	console.log('  Press Ctrl-C to stop.');

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		say('stopping');
		clearInterval(timer);
		await n8n.stop();
		await mock.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
