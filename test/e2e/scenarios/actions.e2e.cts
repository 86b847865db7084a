import * as crypto from 'node:crypto';
import { startMockServer } from '../../mock-server';
import type { MockServer } from '../../mock-server';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { majors, freshN8n, nodeItems, binaryBytes } = require('../lib/suite.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fixtures = require('../lib/fixtures.js');

type Item = { json: Record<string, unknown>; binary?: Record<string, { data: string; id?: string; mimeType: string; fileName: string }>; pairedItem?: unknown };

describe.each(majors() as string[])('action workflows in real n8n %s.x (n8n execute)', (major: string) => {
	let mock: MockServer;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let n8n: any;
	const workflows = fixtures.actionWorkflows();

	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 11, records: 0, rateLimit: null, expiresIn: 3600 });
		mock.store.seedAll(5);
		mock.store.seed('customers', 35);
		n8n = freshN8n(major, 'actions');
		await n8n.importCredentials([fixtures.apiKeyCredential(mock), fixtures.oauthCredential(mock, mock.issueTokens({ scopes: ['customers.read'] }))]);
		await n8n.importWorkflows(Object.values(workflows));
	});
	afterAll(async () => {
		await n8n?.stop();
		await mock?.close();
	});

	const apiCalls = () => mock.log.entries().filter((e) => e.listener === 'api');

	it('lists all customers across pages', async () => {
		mock.log.clear();
		const { run } = await n8n.execute(workflows.listAll.id);
		const items: Item[] = nodeItems(run, 'Customers');
		expect(items).toHaveLength(40);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(40);
		expect(apiCalls().map((e) => `${e.method} ${e.path} ${e.query.page ?? ''}`.trim())).toEqual([
			'GET /v1/customers',
			'GET /v1/customers 2',
			'GET /v1/customers 3',
		]);
		expect(apiCalls().every((e) => e.credential.startsWith('apiKey:') && e.authHeader === 'authorization')).toBe(true);
	});

	it('keeps whole records in a node saved with version 1, before Simplify, and simplifies in 1.1', async () => {
		const { run } = await n8n.execute(workflows.versions.id);
		const whole = nodeItems(run, 'Version 1')[0].json;
		const simplified = nodeItems(run, 'Version 1.1')[0].json;
		expect(Object.keys(whole)).toEqual(expect.arrayContaining(['countryCode', 'integration', 'customerGroups']));
		expect(Object.keys(simplified).sort()).toEqual(['address', 'city', 'companyName', 'createdAt', 'id', 'phone', 'primaryEmail', 'zipCode']);
	});

	it('creates, gets and updates a customer', async () => {
		const { run } = await n8n.execute(workflows.crud.id);
		const created = nodeItems(run, 'Create')[0].json;
		const fetched = nodeItems(run, 'Get')[0].json;
		const updated = nodeItems(run, 'Update')[0].json;
		expect(created).toMatchObject({ companyName: 'E2E Bakkerij B.V.', city: 'Utrecht' });
		expect(String(created.id)).toMatch(/^cst_/);
		expect(fetched.id).toBe(created.id);
		expect(updated).toMatchObject({ id: created.id, city: 'Amersfoort' });
		expect(mock.store.collection('customers').get(String(created.id))).toMatchObject({ city: 'Amersfoort' });
	});

	it('uploads a file and downloads it back into binary, byte-identical, without sending the key to storage', async () => {
		mock.log.clear();
		const { run } = await n8n.execute(workflows.files.id);
		const uploaded = nodeItems(run, 'Upload')[0].json;
		expect(uploaded).toMatchObject({ type: 'file', name: 'hallo.txt' });
		const downloaded: Item = nodeItems(run, 'Download')[0];
		const bytes: Buffer = binaryBytes(n8n, downloaded.binary!.data);
		expect(bytes.toString('utf8')).toBe('Hallo vanuit n8n!\nRegel twee.\n');
		expect(downloaded.binary!.data.fileName).toBe('hallo.txt');
		const stored = mock.store.blobs.get(String(uploaded.id));
		expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(crypto.createHash('sha256').update(stored!.data).digest('hex'));
		const storage = mock.log.entries().filter((e) => e.listener === 'storage');
		expect(storage).toHaveLength(1);
		expect(storage[0].authHeader).toBeNull();
	});

	it('sends an API Request with pagination', async () => {
		const { run } = await n8n.execute(workflows.apiRequest.id);
		const items: Item[] = nodeItems(run, 'API Request');
		expect(items.map((i) => i.json.id).sort()).toEqual(mock.store.collection('customerGroups').all().map((g) => g.id).sort());
	});

	it('turns an API error into an error item with continueOnFail', async () => {
		const { run } = await n8n.execute(workflows.continueOnFail.id);
		const [item]: Item[] = nodeItems(run, 'Get missing');
		expect(item.json.error).toBe('No Customer can be found for the given ID');
		expect(String(item.json.description)).toContain('cst_doesnotexist');
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(JSON.stringify(run)).not.toContain(mock.apiKey);
	});

	it('refreshes an expired OAuth2 token once, and n8n persists it for the next execution', async () => {
		mock.expireAllTokens();
		mock.resetCounters();
		const first = await n8n.execute(workflows.oauth.id);
		expect(nodeItems(first.run, 'Customers (OAuth2)')).toHaveLength(5);
		expect(mock.counters.tokenCalls.refresh_token).toBe(1);
		const second = await n8n.execute(workflows.oauth.id);
		expect(nodeItems(second.run, 'Customers (OAuth2)')).toHaveLength(5);
		expect(mock.counters.tokenCalls.refresh_token).toBe(1);
		expect(JSON.stringify([first.run, second.run])).not.toMatch(/access_token|refresh_token/);
	});
});
