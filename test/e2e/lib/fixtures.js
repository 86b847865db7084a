'use strict';
// Workflows and credentials the e2e suites import into real n8n (plain data, fixed IDs).
const { apiKeyData, oauthData } = require('../../harness/credential-data.js');

const NODE = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';
const API_KEY_CREDENTIAL = { id: 'e2eApiKey0000001', name: 'MKP e2e key' };
const OAUTH_CREDENTIAL = { id: 'e2eOAuth20000001', name: 'MKP e2e OAuth2' };

function apiKeyCredential(mock, apiKey = mock.apiKey) {
	return { ...API_KEY_CREDENTIAL, type: 'mijnKlantportaalApi', data: apiKeyData(mock, apiKey) };
}

function oauthCredential(mock, tokens) {
	return { ...OAUTH_CREDENTIAL, type: 'mijnKlantportaalOAuth2Api', data: oauthData(mock, tokens) };
}

const manual = { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

/** A workflow: Start → the given nodes in a chain. */
function chain(id, name, nodes) {
	const all = [manual, ...nodes.map((node, i) => ({ id: `n${i}`, typeVersion: 1, position: [220 * (i + 1), 0], ...node }))];
	const connections = {};
	for (let i = 0; i < all.length - 1; i++) connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes: all, connections };
}

function mkp(name, parameters, { oauth = false, continueOnFail = false } = {}) {
	return {
		name,
		type: NODE,
		parameters: oauth ? { authentication: 'oAuth2', ...parameters } : parameters,
		credentials: oauth ? { mijnKlantportaalOAuth2Api: OAUTH_CREDENTIAL } : { mijnKlantportaalApi: API_KEY_CREDENTIAL },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
}

/** A workflow node at `position`, its id made from its name, with the API-key credential. */
function node(name, type, parameters, position, extra = {}) {
	return { id: name.replace(/\W+/g, '-').toLowerCase(), name, type, typeVersion: 1, position, parameters, credentials: { mijnKlantportaalApi: API_KEY_CREDENTIAL }, ...extra };
}

const byId = (expression) => ({ __rl: true, mode: 'id', value: expression });

function actionWorkflows() {
	return {
		listAll: chain('e2eListAll000001', 'e2e list all', [mkp('Customers', { resource: 'customer', operation: 'getAll', returnAll: true })]),
		crud: chain('e2eCrud000000001', 'e2e create get update', [
			mkp('Create', {
				resource: 'customer',
				operation: 'create',
				companyName: 'E2E Bakkerij B.V.',
				address: 'Dorpsstraat 1',
				zipCode: '1234 AB',
				city: 'Utrecht',
				primaryEmail: 'info@e2e-bakkerij.nl',
				additionalFields: {},
			}),
			mkp('Get', { resource: 'customer', operation: 'get', customerId: byId('={{ $json.id }}') }),
			mkp('Update', { resource: 'customer', operation: 'update', customerId: byId('={{ $json.id }}'), updateFields: { city: 'Amersfoort' } }),
		]),
		files: chain('e2eFiles00000001', 'e2e upload and download', [
			{
				name: 'Content',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: { assignments: { assignments: [{ id: 'c', name: 'content', type: 'string', value: 'Hallo vanuit n8n!\nRegel twee.\n' }] }, options: {} },
			},
			{
				name: 'To File',
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				parameters: { operation: 'toText', sourceProperty: 'content', options: { fileName: 'hallo.txt' } },
			},
			mkp('Upload', { resource: 'file', operation: 'upload', file: 'data', additionalFields: {} }),
			mkp('Download', { resource: 'file', operation: 'download', fileId: '={{ $json.id }}', download: true, binaryPropertyName: 'data' }),
		]),
		apiRequest: chain('e2eApiRequest001', 'e2e api request', [
			mkp('API Request', { resource: 'apiRequest', operation: 'send', method: 'GET', path: '/customer-groups', paginate: true, returnAll: true }),
		]),
		continueOnFail: chain('e2eContinue00001', 'e2e continue on fail', [
			mkp('Get missing', { resource: 'customer', operation: 'get', customerId: byId('cst_doesnotexist') }, { continueOnFail: true }),
		]),
		oauth: chain('e2eOAuthList0001', 'e2e oauth list', [
			mkp('Customers (OAuth2)', { resource: 'customer', operation: 'getAll', returnAll: false, limit: 5 }, { oauth: true }),
		]),
	};
}

module.exports = { apiKeyCredential, oauthCredential, actionWorkflows, chain, mkp, node, byId, API_KEY_CREDENTIAL, OAUTH_CREDENTIAL };

const WEBHOOK_ID = 'e2e-webhook-0001';

function triggerWorkflows() {
	return {
		poll: {
			id: 'e2ePollTrigger01',
			name: 'e2e poll trigger',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 't',
					name: 'New customer',
					type: 'n8n-nodes-mijnklantportaal.mijnKlantportaalTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: { authentication: 'oAuth2', event: 'customerCreated', pollTimes: { item: [{ mode: 'everyMinute' }] }, options: {} },
					credentials: { mijnKlantportaalOAuth2Api: OAUTH_CREDENTIAL },
				},
			],
			connections: {},
		},
		webhook: {
			id: 'e2eWebhookTrig01',
			name: 'e2e webhook trigger',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'w',
					name: 'Portal event',
					type: 'n8n-nodes-mijnklantportaal.mijnKlantportaalWebhookTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId: WEBHOOK_ID,
					parameters: { events: ['customer-created', 'invoice-paid'] },
					credentials: { mijnKlantportaalApi: API_KEY_CREDENTIAL },
				},
			],
			connections: {},
		},
	};
}

module.exports.triggerWorkflows = triggerWorkflows;
module.exports.WEBHOOK_ID = WEBHOOK_ID;

/** A webhook-started action workflow: in queue mode its executions run on a worker. */
function queueActionWorkflow() {
	return {
		id: 'e2eQueueAction01',
		name: 'e2e queue action',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'h',
				name: 'Hook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'e2e-queue-action-hook',
				parameters: { httpMethod: 'GET', path: 'e2e-queue-action', responseMode: 'lastNode', options: {} },
			},
			{ id: 'c', ...mkp('Customers (OAuth2)', { resource: 'customer', operation: 'getAll', returnAll: false, limit: 2 }, { oauth: true }), typeVersion: 1, position: [220, 0] },
		],
		connections: { Hook: { main: [[{ node: 'Customers (OAuth2)', type: 'main', index: 0 }]] } },
	};
}

module.exports.queueActionWorkflow = queueActionWorkflow;
