// What the n8n editor and AI agents read from the node descriptions, evaluated with n8n-workflow
// itself where n8n computes it: canvas subtitles, trigger action names, the picker's description,
// the one Custom API Call, Simplify, and the tool description an agent gets.
import type { INode, INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { resources, toolDescription } from '../../nodes/shared';
import { MijnKlantportaal } from '../../nodes/MijnKlantportaal/MijnKlantportaal.node';
import { MijnKlantportaalTrigger } from '../../nodes/MijnKlantportaalTrigger/MijnKlantportaalTrigger.node';
import { MijnKlantportaalWebhookTrigger } from '../../nodes/MijnKlantportaalWebhookTrigger/MijnKlantportaalWebhookTrigger.node';
import { nodeTypes, registerNodeType } from '../harness/mkp-n8n.cjs';

const action = new MijnKlantportaal().description;
const polling = new MijnKlantportaalTrigger().description;
const webhook = new MijnKlantportaalWebhookTrigger().description;
registerNodeType('n8n-nodes-mijnklantportaal.mijnKlantportaalTrigger', new MijnKlantportaalTrigger());
registerNodeType('n8n-nodes-mijnklantportaal.mijnKlantportaalWebhookTrigger', new MijnKlantportaalWebhookTrigger());

/** The subtitle as n8n's canvas computes it: the expression over the node's parameters. */
function subtitle(type: string, description: INodeTypeDescription, parameters: INode['parameters']): unknown {
	const node: INode = { id: 'n', name: 'Node', type, typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle as string, 'internal', {});
}

const options = (description: INodeTypeDescription, name: string) =>
	(description.properties.find((p) => p.name === name)?.options ?? []) as INodePropertyOptions[];

describe('canvas subtitles', () => {
	const type = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';

	it('name the operation and resource by their display names, for every operation', () => {
		expect(subtitle(type, action, { resource: 'customer', operation: 'getAll' })).toBe('Get Many: Customer');
		expect(subtitle(type, action, { resource: 'paymentLink', operation: 'create' })).toBe('Create: Payment Link');
		for (const resource of resources) {
			for (const op of resource.operations) {
				expect(subtitle(type, action, { resource: resource.value, operation: op.value })).toBe(`${op.name}: ${resource.name}`);
			}
		}
	});

	it('show the method and path of a custom API call', () => {
		expect(subtitle(type, action, { resource: 'apiRequest', operation: 'send', method: 'GET', path: '/customers' })).toBe('Custom API Call: GET /customers');
		expect(subtitle(type, action, { resource: 'ticket', operation: 'send', method: 'PATCH', path: '/tickets/tic_1' })).toBe('Custom API Call: PATCH /tickets/tic_1');
	});

	it("show the polling trigger's event by its name", () => {
		expect(subtitle('n8n-nodes-mijnklantportaal.mijnKlantportaalTrigger', polling, { event: 'customerInvoicePaid' })).toBe('Customer Invoice Paid');
		expect(subtitle('n8n-nodes-mijnklantportaal.mijnKlantportaalTrigger', polling, { event: 'mkpInvoicePaid' })).toBe('MijnKlantportaal Invoice Paid');
	});

	it("show the webhook trigger's events by their names", () => {
		expect(subtitle('n8n-nodes-mijnklantportaal.mijnKlantportaalWebhookTrigger', webhook, { events: ['invoice-paid', 'ticket-reply-customer'] })).toBe(
			'Invoice Paid, Customer Reply to Ticket',
		);
	});
});

describe('trigger actions in the node picker', () => {
	it('read naturally: "On" and the event name in lower case, the portal name kept', () => {
		const pollingActions = Object.fromEntries(options(polling, 'event').map((o) => [o.value, o.action]));
		expect(pollingActions).toMatchObject({
			customerInvoicePaid: 'On customer invoice paid',
			mkpInvoicePaid: 'On MijnKlantportaal invoice paid',
			paymentLinkPaymentCreated: 'On payment link payment created',
		});
		const webhookActions = Object.fromEntries(options(webhook, 'events').map((o) => [o.value, o.action]));
		expect(webhookActions).toMatchObject({
			'invoice-paid': 'On invoice paid',
			'ticket-reply-customer': 'On customer reply to ticket',
			'ticket-reply-employee': 'On employee reply to ticket',
			'invoice-chargeback': 'On invoice charged back',
		});
		expect([...options(polling, 'event'), ...options(webhook, 'events')].every((o) => /^On [a-zM]/.test(String(o.action)))).toBe(true);
	});

	it('show the action node description for the entry n8n merges the polling trigger into', () => {
		// n8n's picker shows the trigger's description for the merged `mijnKlantportaal` entry.
		expect(polling.name).toBe(`${action.name}Trigger`);
		expect(polling.description).toBe(action.description);
		expect(action.description).toMatch(/^Work with MijnKlantportaal customers/);
	});

	it('name the portal in the webhook trigger panel, as n8n builds the hint from the display name', () => {
		// n8n: "Go to <display name without ' Trigger'> and create an event".
		expect(webhook.displayName.replace(/ trigger/i, '')).toBe('MijnKlantportaal (Webhook)');
		expect(webhook.triggerPanel).toMatchObject({ header: 'Pull in events from MijnKlantportaal' });
		expect(JSON.stringify(webhook.triggerPanel)).not.toContain('MijnKlantportaal Webhook');
	});
});

describe('one custom request path', () => {
	const lists = action.properties.filter((p) => p.name === 'resource' || p.name === 'operation');

	it("ends every Resource and Operation list with our Custom API Call, so n8n adds none of its own", () => {
		// n8n appends its "Custom API Call" to each such list unless the last option already has that name.
		expect(lists).toHaveLength(resources.length + 2);
		for (const list of lists) {
			const last = (list.options as INodePropertyOptions[]).at(-1)!;
			expect({ list: list.displayOptions ?? 'resource', last: last.name }).toEqual({ list: list.displayOptions ?? 'resource', last: 'Custom API Call' });
			expect(last.value).toBe(list.name === 'resource' ? 'apiRequest' : 'send');
		}
		expect(JSON.stringify(action)).not.toContain('__CUSTOM_API_CALL__');
	});

	it('shows the request fields on the Custom API Call of any resource', () => {
		const path = action.properties.find((p) => p.name === 'path')!;
		expect(path.displayOptions).toEqual({ show: { operation: ['send'] } });
		const params = NodeHelpers.getNodeParameters(action.properties, { resource: 'customer', operation: 'send' }, true, false, null, action);
		expect(params).toMatchObject({ resource: 'customer', operation: 'send', method: 'GET', path: '' });
	});
});

describe('Simplify', () => {
	it('is on Get and Get Many, on by default, with n8n\'s wording', () => {
		const simplify = action.properties.filter((p) => p.name === 'simplify');
		const shown = simplify.map((p) => `${p.displayOptions?.show?.resource?.[0]}.${p.displayOptions?.show?.operation?.[0]}`);
		const expected = resources.flatMap((r) => r.operations.filter((o) => ['get', 'getAll'].includes(o.value)).map((o) => `${r.value}.${o.value}`));
		expect(shown).toEqual(expected);
		for (const p of simplify) {
			expect(p).toMatchObject({ type: 'boolean', default: true, description: 'Whether to return a simplified version of the response instead of the raw data' });
		}
	});
});

describe('tool descriptions for AI agents', () => {
	/** The node as n8n's tool variant (`…Tool`) sees it, with defaults filled in as n8n runs it. */
	const asTool: INodeTypeDescription = { ...action, name: `${action.name}Tool` };
	const agentText = (parameters: INode['parameters']) => {
		const node: INode = { id: 't', name: 'Tool', type: `n8n-nodes-mijnklantportaal.${asTool.name}`, typeVersion: 1, position: [0, 0], parameters };
		node.parameters = NodeHelpers.getNodeParameters(asTool.properties, parameters, true, false, node, asTool)!;
		return NodeHelpers.getToolDescriptionForNode(node, { description: asTool } as never);
	};

	it('say what the operation does, what it needs and what it returns', () => {
		expect(agentText({ resource: 'customer', operation: 'getAll' })).toBe(
			'List customers in the order the portal returns them. Needs no input; returns one item per customer (id, companyName, primaryEmail, phone, address, zipCode, city, createdAt), at most Limit (50 unless set) unless Return All is on.',
		);
		expect(agentText({ resource: 'customer', operation: 'get' })).toBe(
			'Get one customer by ID. Needs Customer ID (cst_…); returns the customer: id, companyName, primaryEmail, phone, address, zipCode, city, createdAt.',
		);
		expect(agentText({ resource: 'paymentLink', operation: 'create' })).toBe(
			'Create a link anyone can use to pay a fixed amount online. Needs Description and Amount (EUR, e.g. 12.95); returns the payment link: id, description, currency, amount, reusable, expiresAt, status, checkoutUrl and more.',
		);
		expect(agentText({ resource: 'customerInvoice', operation: 'getPdf' })).toMatch(/Needs Customer Invoice ID \(inv_…\); returns the file as binary data/);
	});

	it('exist for every operation, generated from its data, and only when the node is a tool', () => {
		const properties = action.properties.filter((p) => p.name === 'toolDescription');
		expect(properties).toHaveLength(resources.reduce((n, r) => n + r.operations.length, 0) + 1);
		for (const resource of resources) {
			for (const op of resource.operations) {
				const text = agentText({ resource: resource.value, operation: op.value });
				expect(text).toBe(toolDescription(resource, op));
				for (const field of [...(op.pathParams ?? []), ...(op.fields ?? []).filter((f) => f.required)]) expect(text).toContain(field.label);
				expect(text.split('. ').length).toBeLessThanOrEqual(3);
			}
		}
		for (const p of properties as INodeProperties[]) expect(p.displayOptions?.show?.['@tool']).toEqual([true]);
		// The plain node never shows or stores them.
		const plain = NodeHelpers.getNodeParameters(action.properties, { resource: 'customer', operation: 'get' }, true, false, null, action);
		expect(plain).not.toHaveProperty('toolDescription');
	});

	it("keep a description the user wrote", () => {
		expect(agentText({ resource: 'customer', operation: 'get', toolDescription: 'Look up one customer' })).toBe('Look up one customer');
	});
});
