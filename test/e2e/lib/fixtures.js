'use strict';
// Workflows and credentials the e2e suites import into real n8n (plain data, fixed IDs).
const { apiKeyData, oauthData } = require('../../harness/credential-data.js');

const NODE = 'n8n-nodes-mijnklantportaal.mijnKlantportaal';
// The action node's newest version, which the editor adds today (1.1 brought Simplify).
const ACTION_VERSION = 1.1;
/** The version a node of `type` gets here: the newest for the action node and its tool variant. */
const versionOf = (type) => (type === NODE || type === `${NODE}Tool` ? ACTION_VERSION : 1);
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
		typeVersion: ACTION_VERSION,
		parameters: oauth ? { authentication: 'oAuth2', ...parameters } : parameters,
		credentials: oauth ? { mijnKlantportaalOAuth2Api: OAUTH_CREDENTIAL } : { mijnKlantportaalApi: API_KEY_CREDENTIAL },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
}

/** A workflow node at `position`, its id made from its name, with the API-key credential. */
function node(name, type, parameters, position, extra = {}) {
	return { id: name.replace(/\W+/g, '-').toLowerCase(), name, type, typeVersion: versionOf(type), position, parameters, credentials: { mijnKlantportaalApi: API_KEY_CREDENTIAL }, ...extra };
}

const byId = (expression) => ({ __rl: true, mode: 'id', value: expression });

function actionWorkflows() {
	return {
		listAll: chain('e2eListAll000001', 'e2e list all', [mkp('Customers', { resource: 'customer', operation: 'getAll', returnAll: true })]),
		// A node saved with version 1, before Simplify, beside one the editor adds today.
		versions: chain('e2eVersions00001', 'e2e node versions', [
			{ ...mkp('Version 1', { resource: 'customer', operation: 'getAll', returnAll: false, limit: 1 }), typeVersion: 1 },
			mkp('Version 1.1', { resource: 'customer', operation: 'getAll', returnAll: false, limit: 1 }),
		]),
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

module.exports = { apiKeyCredential, oauthCredential, actionWorkflows, chain, mkp, node, byId, API_KEY_CREDENTIAL, OAUTH_CREDENTIAL, ACTION_VERSION };

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


const workflow = (id, name, nodes, connections = {}) => ({ id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections });

/** A workflow started by a production webhook (GET /webhook/<path>): Hook → the given node. */
function webhookStarted(id, name, path, node, responseMode = 'lastNode') {
	return workflow(
		id,
		name,
		[
			{ id: 'h', name: 'Hook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `${path}-hook`, parameters: { httpMethod: 'GET', path, responseMode, options: {} } },
			{ id: 'c', typeVersion: 1, position: [220, 0], ...node },
		],
		{ Hook: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	);
}

/**
 * A polling trigger on `credential` (API key) that polls four times a minute. n8n 2.41 refuses a
 * poll time that fires more than once a minute (`0,15,30,45 * * * * *` included: isSubMinuteCron in
 * n8n-workflow accepts only a single number in the seconds field), but takes several poll times.
 */
function quarterMinutePoll(id, name, credential) {
	return workflow(id, name, [
		{
			id: 't',
			name: 'New customer',
			type: 'n8n-nodes-mijnklantportaal.mijnKlantportaalTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				authentication: 'apiKey',
				event: 'customerCreated',
				pollTimes: { item: [0, 15, 30, 45].map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) },
				options: {},
			},
			credentials: { mijnKlantportaalApi: credential },
		},
	]);
}

/**
 * The queue-mode suite's credentials and workflows, one mock per scenario (`mocks`: bulk, oauth,
 * oldest, newest, hooks), so each scenario's counters and request log are its own.
 */
function queueFixtures(mocks) {
	const keys = {
		bulk: { id: 'e2eQueueBulkKey1', name: 'MKP bulk key' },
		oldest: { id: 'e2eQueuePollOld1', name: 'MKP poll key (oldest first)' },
		newest: { id: 'e2eQueuePollNew1', name: 'MKP poll key (newest first)' },
		hooks: { id: 'e2eQueueHookKey1', name: 'MKP webhook key' },
	};
	const apiKey = (name) => ({ ...keys[name], type: 'mijnKlantportaalApi', data: apiKeyData(mocks[name]) });
	const onKey = (node, name) => ({ ...node, type: NODE, typeVersion: ACTION_VERSION, credentials: { mijnKlantportaalApi: keys[name] } });
	const webhook = triggerWorkflows().webhook;
	webhook.nodes[0].credentials = { mijnKlantportaalApi: keys.hooks };
	return {
		credentials: [apiKey('bulk'), apiKey('oldest'), apiKey('newest'), apiKey('hooks'), oauthCredential(mocks.oauth, mocks.oauth.issueTokens({ scopes: ['customers.read'] }))],
		workflows: {
			bulk: webhookStarted('e2eQueueBulk0001', 'e2e queue bulk', 'e2e-queue-bulk', onKey({ name: 'All customers', parameters: { resource: 'customer', operation: 'getAll', returnAll: true } }, 'bulk'), 'onReceived'),
			oauth: webhookStarted('e2eQueueOAuth001', 'e2e queue oauth', 'e2e-queue-oauth', mkp('Customers (OAuth2)', { resource: 'customer', operation: 'getAll', returnAll: false, limit: 1 }, { oauth: true })),
			oldest: quarterMinutePoll('e2eQueuePollOld1', 'e2e queue poll oldest first', keys.oldest),
			newest: quarterMinutePoll('e2eQueuePollNew1', 'e2e queue poll newest first', keys.newest),
			webhook,
		},
	};
}

module.exports.queueFixtures = queueFixtures;
