import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startMockServer } from '../../mock-server';
import type { MockServer } from '../../mock-server';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshN8n } = require('../lib/suite.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { REPO } = require('../lib/paths.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fixtures = require('../lib/fixtures.js');

/**
 * The node as AI-agent tools, the way an agent reaches them: a published workflow with n8n's MCP
 * Server Trigger and three MijnKlantportaal tool nodes (Get Many with a `$fromAI` limit, Get with a
 * `$fromAI` ID, Create Payment Link), and a real MCP client (@modelcontextprotocol/sdk) over
 * streamable HTTP that lists the tools, calls each one and sends a bad ID.
 */

const WORKFLOW_ID = 'e2eMcpTools00001';
const MCP_PATH = 'mkp-e2e-mcp';
const TOOL = 'n8n-nodes-mijnklantportaal.mijnKlantportaalTool';
/** What the client saw (tool list, answers), for reading after a run. */
const ARTIFACTS = path.join(REPO, 'test-artifacts', 'mcp');
const keep = (name: string, data: unknown) => {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	fs.writeFileSync(path.join(ARTIFACTS, name), JSON.stringify(data, null, 2));
};

function workflow() {
	const tool = (name: string, parameters: Record<string, unknown>, position: [number, number]) => fixtures.node(name, TOOL, parameters, position);
	const toMcp = { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] };
	return {
		id: WORKFLOW_ID,
		name: 'e2e MCP: MijnKlantportaal tools',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'mcp',
				name: 'MCP Server Trigger',
				type: '@n8n/n8n-nodes-langchain.mcpTrigger',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'e2e-mcp-trigger-0001',
				parameters: { path: MCP_PATH },
			},
			tool('Get many customers', { resource: 'customer', operation: 'getAll', returnAll: false, limit: "={{ $fromAI('limit', 'How many customers to return', 'number') }}" }, [-300, 200]),
			tool(
				'Get a customer',
				{ resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: "={{ $fromAI('customerId', 'The customer ID, cst_…', 'string') }}" } },
				[-100, 200],
			),
			tool(
				'Create a payment link',
				{
					resource: 'paymentLink',
					operation: 'create',
					description: "={{ $fromAI('description', 'What the payment is for', 'string') }}",
					amount: "={{ $fromAI('amount', 'Amount in EUR, e.g. 12.95', 'string') }}",
				},
				[100, 200],
			),
		],
		connections: {
			'Get many customers': toMcp,
			'Get a customer': toMcp,
			'Create a payment link': toMcp,
		},
	};
}

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }> };
const text = (result: ToolResult) => result.content.map((part) => part.text ?? '').join('\n');

describe('MijnKlantportaal tools through an MCP client (n8n 2.41, published MCP Server Trigger)', () => {
	let mock: MockServer;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let n8n: any;
	let client: Client;

	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 51, records: 6, rateLimit: null, expiresIn: 3600 });
		n8n = freshN8n('2', 'mcp');
		await n8n.importCredentials([fixtures.apiKeyCredential(mock)]);
		await n8n.importWorkflows([workflow()]);
		await n8n.publish(WORKFLOW_ID);
		await n8n.start();
		client = new Client({ name: 'mkp-e2e', version: '1.0.0' });
		// n8n registers the MCP endpoint when it activates the published workflow, just after it listens.
		const deadline = Date.now() + 120000;
		for (;;) {
			try {
				await client.connect(new StreamableHTTPClientTransport(new URL(`${n8n.baseUrl}/mcp/${MCP_PATH}`)));
				break;
			} catch (error) {
				if (Date.now() > deadline) throw error;
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
		}
	}, 600000);

	afterAll(async () => {
		await client?.close().catch(() => undefined);
		await n8n?.stop();
		await mock?.close();
	});

	const apiCalls = () => mock.log.entries().filter((entry) => entry.listener === 'api');

	it('lists the three tools with their names, our descriptions and the $fromAI inputs', async () => {
		const { tools } = await client.listTools();
		keep('tools.json', tools);
		const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
		expect(Object.keys(byName).sort()).toEqual(['Create_a_payment_link', 'Get_a_customer', 'Get_many_customers']);

		expect(byName.Get_many_customers.description).toBe(
			'List customers in the order the portal returns them. Needs no input; returns one item per customer (id, companyName, primaryEmail, phone, address, zipCode, city, createdAt), at most Limit (50 unless set) unless Return All is on.',
		);
		expect(byName.Get_a_customer.description).toMatch(/^Get one customer by ID\. Needs Customer ID \(cst_…\); returns the customer: id, companyName/);
		expect(byName.Create_a_payment_link.description).toMatch(/^Create a link anyone can use to pay a fixed amount online\. Needs Description and Amount/);

		const properties = (name: string) => byName[name].inputSchema.properties as Record<string, { type: string; description?: string }>;
		expect(properties('Get_many_customers')).toMatchObject({ limit: { type: 'number', description: 'How many customers to return' } });
		expect(byName.Get_many_customers.inputSchema.required).toEqual(['limit']);
		expect(properties('Get_a_customer')).toMatchObject({ customerId: { type: 'string', description: 'The customer ID, cst_…' } });
		expect(Object.keys(properties('Create_a_payment_link')).sort()).toEqual(['amount', 'description']);
	});

	it('Get many customers returns the first customers the portal lists, as many as asked', async () => {
		mock.log.clear();
		const result = (await client.callTool({ name: 'Get_many_customers', arguments: { limit: 3 } })) as ToolResult;
		expect(result.isError).toBeFalsy();
		const expected = mock.store.collection<{ id: string; companyName: string }>('customers').all().slice(0, 3);
		const body = text(result);
		for (const customer of expected) expect(body).toContain(customer.id);
		expect(body).not.toContain(mock.store.collection<{ id: string }>('customers').all()[3].id);
		// Simplify is on: the agent gets the main fields, not integration IDs.
		expect(body).toContain(expected[0].companyName);
		expect(body).not.toContain('integrationId');
		expect(apiCalls().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['GET /v1/customers 200']);
	});

	it('Get a customer returns the record for the ID the agent gives', async () => {
		const customer = mock.store.collection<{ id: string; companyName: string; primaryEmail: string }>('customers').all()[4];
		mock.log.clear();
		const result = (await client.callTool({ name: 'Get_a_customer', arguments: { customerId: customer.id } })) as ToolResult;
		expect(result.isError).toBeFalsy();
		expect(text(result)).toContain(customer.id);
		expect(text(result)).toContain(customer.primaryEmail);
		expect(apiCalls().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([`GET /v1/customers/${customer.id} 200`]);
	});

	it('Create a payment link creates it in the portal and returns it', async () => {
		const before = mock.store.collection('paymentLinks').all().length;
		const result = (await client.callTool({ name: 'Create_a_payment_link', arguments: { description: 'Workshop via MCP', amount: '12.95' } })) as ToolResult;
		expect(result.isError).toBeFalsy();
		const links = mock.store.collection<{ id: string; description: string; amount: string; status: string }>('paymentLinks').all();
		expect(links).toHaveLength(before + 1);
		const created = links[links.length - 1];
		expect(created).toMatchObject({ description: 'Workshop via MCP', amount: '12.95', status: 'open' });
		expect(text(result)).toContain(created.id);
	});

	it('a bad ID comes back as an error naming the field, without a request', async () => {
		mock.log.clear();
		const result = (await client.callTool({ name: 'Get_a_customer', arguments: { customerId: 'inv_notacustomer' } })) as ToolResult;
		keep('bad-id.json', result);
		expect(result.isError).toBe(true);
		const message = text(result);
		// The stable part of the node's validation message: the field's label, its API name and the ID given.
		expect(message).toContain('Customer (customerId)');
		expect(message).toContain('inv_notacustomer');
		expect(message).toContain('cst_');
		expect(message).toMatch(/item 0/);
		expect(apiCalls()).toEqual([]);
	});
});
