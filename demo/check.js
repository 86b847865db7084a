'use strict';
// `npm run demo -- --check`: each demo workflow run once in the demo's n8n, its results read
// back from n8n and checked against the mock API's records.
const { Executions } = require('../test/e2e/lib/executions');
const { markAnInvoicePaid } = require('./activity');
const demo = require('./workflows');

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

async function waitFor(what, probe, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

/** Runs a workflow from its Manual Trigger as the editor's "Execute workflow" button does. */
async function runManually(n8n, executions, workflowId) {
	const workflow = demo.workflows().find((w) => w.id === workflowId);
	const { executionId } = await n8n.rest('POST', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: workflow.nodes[0].name } });
	if (!executionId) throw new Error(`n8n did not start "${workflow.name}"`);
	return finished(executions, workflow, executionId);
}

/** The run data of a finished execution; throws unless it succeeded. */
async function finished(executions, workflow, executionId) {
	const { execution, data } = await waitFor(
		`execution ${executionId} of "${workflow.name}"`,
		async () => {
			const result = await executions.runData(executionId);
			return FINISHED.includes(result.execution.status) ? result : undefined;
		},
		120000,
	);
	if (execution.status !== 'success') {
		throw new Error(`"${workflow.name}" ended with status ${execution.status}: ${JSON.stringify(data.resultData.error ?? null)}`);
	}
	return (nodeName) => {
		const runs = data.resultData.runData[nodeName];
		if (!runs) throw new Error(`node "${nodeName}" of "${workflow.name}" did not run`);
		return runs.at(-1).data.main[0].map((item) => item.json);
	};
}

function expectEqual(what, actual, expected) {
	if (JSON.stringify(actual) !== JSON.stringify(expected)) {
		throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
	}
}

const checks = {
	/** Every customer of the portal, one item each. */
	async customers({ n8n, mock, executions }) {
		const output = await runManually(n8n, executions, demo.CUSTOMERS_WORKFLOW);
		const ids = output('Get many customers').map((customer) => customer.id);
		if (ids.length === 0) throw new Error('"Get many customers" returned no items');
		expectEqual('customers listed', ids, mock.store.collection('customers').all().map((customer) => customer.id));
	},

	/** A payment link created in the portal, and an email text that carries its checkout URL. */
	async paymentLink({ n8n, mock, executions }) {
		const output = await runManually(n8n, executions, demo.PAYMENT_LINK_WORKFLOW);
		const [link] = output('Create a payment link');
		expectEqual('payment link in the portal', mock.store.collection('paymentLinks').get(link.id)?.checkoutUrl, link.checkoutUrl);
		const [email] = output('Compose the email');
		if (!link.checkoutUrl || !email.text.includes(link.checkoutUrl)) throw new Error(`the email does not carry the checkout URL: ${JSON.stringify(email)}`);
	},

	/**
	 * The published trigger: after its first poll (which records where the list stands), one
	 * invoice is paid, and the next poll starts an execution that reports it.
	 */
	async invoicePaid({ n8n, mock, executions }) {
		const workflow = demo.workflows().find((w) => w.id === demo.INVOICE_PAID_WORKFLOW);
		const polls = () => mock.log.entries().filter((e) => e.listener === 'api' && e.path === '/v1/customer-invoices');
		await waitFor('the trigger\'s first poll', () => polls().length > 0, 150000);
		// Let the first poll finish reading every page before the portal changes.
		const seen = polls().length;
		await new Promise((resolve) => setTimeout(resolve, 3000));
		if (polls().length !== seen) await new Promise((resolve) => setTimeout(resolve, 5000));
		const paid = markAnInvoicePaid(mock) ?? markAnInvoicePaid(mock);
		const [execution] = await waitFor(
			'an execution of the published trigger',
			async () => {
				const done = (await executions.list(workflow.id)).filter((e) => FINISHED.includes(e.status));
				return done.length ? done : undefined;
			},
			150000,
		);
		const output = await finished(executions, workflow, execution.id);
		const reported = output('When an invoice is paid');
		expectEqual('invoices reported paid', reported.map((invoice) => invoice.id), [paid.id]);
		expectEqual('the message', output('Say thank you').map((item) => item.message), [`Invoice ${paid.invoiceNumber} (€ ${paid.amount}) was paid on ${reported[0].paidAt}`]);
	},
};

/** Runs every check in order; returns each one's duration in seconds. Throws on the first failure. */
async function checkDemo({ n8n, mock, say }) {
	const executions = new Executions(n8n);
	const timings = {};
	for (const [name, check] of Object.entries(checks)) {
		say(`checking ${name}`);
		const started = Date.now();
		await check({ n8n, mock, executions });
		timings[name] = Math.round((Date.now() - started) / 100) / 10;
	}
	return timings;
}

module.exports = { checkDemo };
