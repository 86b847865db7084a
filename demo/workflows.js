'use strict';
// The demo's credential and workflows, as n8n's import commands take them (plain data, fixed IDs).
const { apiKeyData } = require('../test/harness/credential-data.js');

const NODE = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';
const TRIGGER = 'n8n-nodes-mijnklantportaal.mijnKlantportaalTrigger';

function credential(mock) {
	return {
		id: 'mkpDemoApiKey001',
		name: 'MijnKlantportaal demo (mock API)',
		type: 'mijnKlantportaalApi',
		data: apiKeyData(mock),
	};
}

const credentials = { mijnKlantportaalApi: { id: 'mkpDemoApiKey001', name: 'MijnKlantportaal demo (mock API)' } };
const manual = { id: 'start', name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
const connect = (from, to) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });

function workflows() {
	return [
		{
			id: 'mkpDemoCustomers',
			name: 'MijnKlantportaal demo: Get many customers',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				manual,
				{
					id: 'customers',
					name: 'Get many customers',
					type: NODE,
					typeVersion: 1.1,
					position: [260, 0],
					parameters: { resource: 'customer', operation: 'getAll', returnAll: true },
					credentials,
				},
			],
			connections: connect(manual.name, 'Get many customers'),
		},
		{
			id: 'mkpDemoPayLink01',
			name: 'MijnKlantportaal demo: Create a payment link and email it',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				manual,
				{
					id: 'link',
					name: 'Create a payment link',
					type: NODE,
					typeVersion: 1.1,
					position: [260, 0],
					parameters: { resource: 'paymentLink', operation: 'create', description: 'Order #1001: annual support', amount: '249.95', additionalFields: {} },
					credentials,
				},
				{
					id: 'email',
					name: 'Compose the email',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					position: [520, 0],
					parameters: {
						assignments: {
							assignments: [
								{ id: 'to', name: 'to', type: 'string', value: 'customer@example.com' },
								{ id: 'subject', name: 'subject', type: 'string', value: '=Payment request: {{ $json.description }}' },
								{
									id: 'text',
									name: 'text',
									type: 'string',
									value: '=Hello,\n\nPlease pay € {{ $json.amount }} for {{ $json.description }} here: {{ $json.checkoutUrl }}\n\nThank you!',
								},
							],
						},
						options: {},
					},
				},
				{
					id: 'note',
					name: 'Sticky Note',
					type: 'n8n-nodes-base.stickyNote',
					typeVersion: 1,
					position: [480, -200],
					parameters: { content: 'Connect a **Send Email** or **Gmail** node after “Compose the email” to send it for real.', width: 340, height: 120 },
				},
			],
			connections: { ...connect(manual.name, 'Create a payment link'), ...connect('Create a payment link', 'Compose the email') },
		},
		{
			id: 'mkpDemoInvPaid01',
			name: 'MijnKlantportaal demo: When an invoice is paid',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'trigger',
					name: 'When an invoice is paid',
					type: TRIGGER,
					typeVersion: 1,
					position: [0, 0],
					parameters: { event: 'customerInvoicePaid', pollTimes: { item: [{ mode: 'everyMinute' }] } },
					credentials,
				},
				{
					id: 'thanks',
					name: 'Say thank you',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					position: [260, 0],
					parameters: {
						assignments: {
							assignments: [
								{ id: 'msg', name: 'message', type: 'string', value: '=Invoice {{ $json.invoiceNumber }} (€ {{ $json.amount }}) was paid on {{ $json.paidAt }}' },
							],
						},
						options: {},
					},
				},
			],
			connections: connect('When an invoice is paid', 'Say thank you'),
		},
	];
}

module.exports = { credential, workflows, CUSTOMERS_WORKFLOW: 'mkpDemoCustomers', PAYMENT_LINK_WORKFLOW: 'mkpDemoPayLink01', INVOICE_PAID_WORKFLOW: 'mkpDemoInvPaid01' };
