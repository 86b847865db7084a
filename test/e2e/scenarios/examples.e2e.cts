import * as fs from 'node:fs';
import * as path from 'node:path';
import { startMockServer } from '../../mock-server';
import type { MockServer } from '../../mock-server';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { majors, freshN8n, nodeItems, binaryBytes } = require('../lib/suite.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Executions } = require('../lib/executions.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSmtpSink } = require('../lib/smtp-sink.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { apiKeyData } = require('../../harness/credential-data.js');

type Node = { name: string; type: string; typeVersion: number; credentials?: Record<string, { id: string; name: string }>; webhookId?: string };
type Workflow = { id: string; name: string; nodes: Node[]; connections: Record<string, Record<string, Array<Array<{ node: string }>>>> };
type Item = { json: Record<string, unknown>; binary?: Record<string, { data: string; id?: string; fileName: string }> };

const examplesDir = path.resolve(__dirname, '../../../examples');
const examples: Record<string, Workflow> = Object.fromEntries(
	fs
		.readdirSync(examplesDir)
		.filter((file) => file.endsWith('.json'))
		.map((file) => [file, JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'))]),
);
const example = (file: string) => {
	if (!examples[file]) throw new Error(`examples/${file} is missing`);
	return examples[file];
};

// The credentials the examples reference, as a user who imports them creates them.
const MKP_CREDENTIAL = { id: 'mkpExampleApiKey', name: 'MijnKlantportaal account' };
const SMTP_CREDENTIAL = { id: 'smtpExample00001', name: 'SMTP account' };
// The customer the invoice example's "Order" names; users put their own there.
const EXAMPLE_CUSTOMER = 'cst_ReplaceMe01';

/**
 * The example workflows users import (examples/*.json, unchanged) in a real n8n against the
 * mock: every node type exists in n8n, the manual ones run with `n8n execute`, the trigger ones
 * run published in `n8n start`. The AI agent example needs an OpenAI account, so it is imported
 * and checked, not run.
 */
describe.each(majors() as string[])('example workflows in real n8n %s.x', (major: string) => {
	let mock: MockServer;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let n8n: any;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let smtp: any;
	let customer: Record<string, unknown>;

	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 41, records: 4, rateLimit: null, expiresIn: 3600 });
		customer = mock.store.create('customers', { id: EXAMPLE_CUSTOMER, companyName: 'Voorbeeld Installatietechniek B.V.', primaryEmail: 'administratie@voorbeeld-installatie.nl' });
		smtp = await startSmtpSink();
		n8n = freshN8n(major, 'examples');
		await n8n.importCredentials([
			{ ...MKP_CREDENTIAL, type: 'mijnKlantportaalApi', data: apiKeyData(mock) },
			{ ...SMTP_CREDENTIAL, type: 'smtp', data: { user: '', password: '', host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true } },
		]);
		await n8n.importWorkflows(Object.values(examples));
	});
	afterAll(async () => {
		await n8n?.stop();
		await mock?.close();
		await smtp?.close();
	});

	it('has the five main uses, each a workflow whose connections join its own nodes', () => {
		expect(Object.keys(examples).sort()).toEqual([
			'acknowledge-new-ticket-webhook.json',
			'ai-agent-customer-assistant.json',
			'invoice-from-lines-email-payment-link.json',
			'list-customers-to-spreadsheet.json',
			'thank-customer-when-invoice-paid.json',
		]);
		for (const workflow of Object.values(examples)) {
			const names = new Set(workflow.nodes.map((node) => node.name));
			const ends = Object.entries(workflow.connections).flatMap(([from, outputs]) => [from, ...Object.values(outputs).flat(2).map((c) => c.node)]);
			expect([workflow.name, ends.filter((name) => !names.has(name))]).toEqual([workflow.name, []]);
			const mkpCredentials = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-mijnklantportaal.')).map((node) => node.credentials);
			expect(mkpCredentials.length).toBeGreaterThan(0);
			expect(mkpCredentials.every((c) => JSON.stringify(c) === JSON.stringify({ mijnKlantportaalApi: MKP_CREDENTIAL }))).toBe(true);
		}
	});

	it('list customers to a spreadsheet: every customer, one CSV row each', async () => {
		const { run } = await n8n.execute(example('list-customers-to-spreadsheet.json').id);
		const [file]: Item[] = nodeItems(run, 'Spreadsheet file');
		expect(file.binary!.data.fileName).toBe('customers.csv');
		const rows = binaryBytes(n8n, file.binary!.data).toString('utf8').trim().split('\n');
		expect(rows[0]).toBe('id,company,email,city,customerSince');
		const customers = mock.store.collection('customers').all();
		expect(rows.slice(1).map((row: string) => row.split(',')[0])).toEqual(customers.map((c) => c.id));
		expect(rows).toContain(`${EXAMPLE_CUSTOMER},Voorbeeld Installatietechniek B.V.,administratie@voorbeeld-installatie.nl,${customer.city},${customer.createdAt}`);
	});

	it('invoice from lines: MKP builds the invoice, and its payment link is emailed to the customer', async () => {
		const { run } = await n8n.execute(example('invoice-from-lines-email-payment-link.json').id);
		const [invoice]: Item[] = nodeItems(run, 'Create the invoice');
		// 450.00 + 21% and 75.00 + 21%.
		expect(invoice.json).toMatchObject({ customerId: EXAMPLE_CUSTOMER, invoiceNumber: '2026-0042', amount: '635.25', paidAt: null });
		expect(mock.store.collection('customerInvoices').get(String(invoice.json.id))).toMatchObject({ amount: '635.25' });
		const payUrl = (invoice.json.links as { onlinePaymentLink: { href: string } }).onlinePaymentLink.href;
		expect(smtp.messages).toHaveLength(1);
		const [mail] = smtp.messages;
		expect([mail.from, mail.to, mail.subject]).toEqual(['billing@your-company.nl', [customer.primaryEmail], 'Invoice 2026-0042']);
		expect(mail.text).toContain(`Dear Voorbeeld Installatietechniek B.V.,`);
		expect(mail.text).toContain(`invoice 2026-0042 of € 635.25`);
		expect(mail.text).toContain(`You can pay it online here:\n${payUrl}\n`);
	});

	describe('published (n8n start)', () => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		let executions: any;
		const paid = example('thank-customer-when-invoice-paid.json');
		const ticketFlow = example('acknowledge-new-ticket-webhook.json');
		const webhookId = ticketFlow.nodes[0].webhookId!;
		let unpaidId: string;

		beforeAll(async () => {
			unpaidId = String(mock.store.create('customerInvoices', { customerId: EXAMPLE_CUSTOMER, invoiceNumber: '2026-0041', amount: '121.00', paidAt: null }).id);
			await n8n.publish(paid.id);
			await n8n.publish(ticketFlow.id);
			await n8n.start();
			await n8n.signIn();
			executions = new Executions(n8n);
		});

		it('knows every node type and version the examples use, the AI agent and the tool variant of our node too', async () => {
			const response = await fetch(`${n8n.baseUrl}/types/nodes.json`, { headers: { cookie: n8n.cookie } });
			const types: Array<{ name: string; version: number | number[] }> = await response.json();
			const known = new Set(types.flatMap((t) => [t.version].flat().map((v) => `${t.name}@${v}`)));
			const used = [...new Set(Object.values(examples).flatMap((w) => w.nodes.map((node) => `${node.type}@${node.typeVersion}`)))].sort();
			expect(used).toContain('n8n-nodes-mijnklantportaal.mijnKlantportaalTool@1.1');
			expect(used).toContain('@n8n/n8n-nodes-langchain.agent@3');
			expect(used.filter((type) => !known.has(type))).toEqual([]);
		});

		it('thanks the customer when an invoice is paid (polling trigger)', async () => {
			const polls = () => mock.log.entries().filter((e) => e.listener === 'api' && e.path === '/v1/customer-invoices');
			// The first poll after activation records where the list stands.
			await waitUntil(() => polls().length > 0, 150000);
			await new Promise((resolve) => setTimeout(resolve, 3000));
			const invoice = mock.store.collection('customerInvoices').update(unpaidId, { paidAt: '2026-12-01 10:15:00' })!;
			const [done] = await executions.waitFor(paid.id, (list: Array<{ status: string }>) => list.some((e) => e.status !== 'running' && e.status !== 'new'));
			expect(done.status).toBe('success');
			const { data } = await executions.runData(done.id);
			const output = (node: string) => data.resultData.runData[node][0].data.main[0].map((item: Item) => item.json);
			expect(output('When an invoice is paid').map((i: { id: string }) => i.id)).toEqual([unpaidId]);
			expect(output('Compose the thank-you')).toEqual([
				{
					to: customer.primaryEmail,
					subject: 'Thank you for paying invoice 2026-0041',
					text: `Dear Voorbeeld Installatietechniek B.V.,\n\nWe received € ${invoice.amount} for invoice 2026-0041. Thank you!`,
				},
			]);
		});

		it('replies to a new ticket the moment MijnKlantportaal reports it (webhook trigger)', async () => {
			await waitUntil(() => mock.store.collection('webhooks').all().some((w) => String(w.url).includes(webhookId)), 120000);
			const registered = mock.store.collection('webhooks').all().filter((w) => String(w.url).includes(webhookId));
			expect(registered.map((w) => w.type)).toEqual(['ticket-created']);
			const ticket = mock.store.create('tickets', { customerId: EXAMPLE_CUSTOMER, title: 'Printer prints blank pages', source: 'portal', status: 'open' });
			const deliveries = await mock.fireWebhook('ticket-created', { id: ticket.id, title: ticket.title });
			expect(deliveries.filter((d) => d.url.includes(webhookId)).map((d) => d.status)).toEqual([200]);
			const [done] = await executions.waitFor(ticketFlow.id, (list: Array<{ status: string }>) => list.some((e) => e.status !== 'running' && e.status !== 'new'), { timeoutMs: 60000 });
			expect(done.status).toBe('success');
			const reply = 'Thank you for your message about “Printer prints blank pages”. We have received your ticket and will answer within one working day.';
			const messages = mock.store.collection('tickets').get(String(ticket.id))!.messages as Array<{ message: string; isPostedByCustomer: boolean }>;
			expect(messages.at(-1)).toMatchObject({ message: reply, isPostedByCustomer: false });
		});
	});
});

async function waitUntil(predicate: () => boolean, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 1000));
	}
}
