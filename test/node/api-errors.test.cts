// Errors the API answers, as the node reports them: 422 with the refused fields, 404 with the
// resource and ID, 403 with the missing scope, 401 for a bad key. In every case neither the error
// nor the run data (serialised in full, errors included) contains the API key.
import type { MockServer, NodeRun } from './setup.cjs';
import { deepSerialise, rl, run, startMock } from './setup.cjs';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { answer, localApi } from '../harness/local-api.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';

let mock: MockServer;

beforeAll(async () => {
	mock = await startMock({ records: 3 });
});

afterAll(async () => mock.close());

/** The run failed with a NodeApiError, and nothing in it holds any of the keys. */
function expectNoSecrets(r: NodeRun, keys: string[]) {
	expect(r.error).toBeDefined();
	const texts = [deepSerialise(r.error), deepSerialise(r.run), JSON.stringify(r.run), JSON.stringify(r.error)];
	for (const key of [...keys, mock.apiKey]) {
		expect(key.length).toBeGreaterThan(10);
		for (const text of texts) expect(text.includes(key)).toBe(false);
	}
	// Nor any bearer header at all.
	for (const text of texts) expect(text).not.toMatch(/Bearer\s+\S/);
}

describe('422 validation error', () => {
	it('lists the refused fields in the description', async () => {
		const r = await run(mock, {
			resource: 'fileRequest',
			operation: 'create',
			name: 'Documenten',
			requestedFilesInputMode: 'json',
			requestedFilesJson: '[{"name":"Loonstrook"}]',
			// Well-formed IDs the portal does not know.
			additionalFields: { customerId: rl('={{ "cst_unknown0001" }}'), directoryId: 'fsd_unknown0001' },
		});
		expect(r.api.map((entry) => [entry.method, entry.path, entry.status])).toEqual([['POST', '/v1/file-requests', 422]]);
		expect(r.error!.name).toBe('NodeApiError');
		expect(r.error!.httpCode).toBe('422');
		expect(r.error!.message).toBe('The selected customer id is invalid. (and 1 more error)');
		expect(r.error!.description).toBe(
			'The API refused these fields: customerId: The selected customer id is invalid.; directoryId: The selected directory id is invalid.',
		);
		expect((r.error!.context as { itemIndex?: number }).itemIndex).toBe(0);
		expectNoSecrets(r, []);
	});

	it('lists every message of a field', async () => {
		const customer = mock.store.collection('customers').all()[0];
		const r = await run(mock, {
			resource: 'customer',
			operation: 'update',
			customerId: rl(String(customer.id)),
			updateFields: { companyName: 'x'.repeat(256), zipCode: '1'.repeat(21) },
		});
		expect(r.error!.httpCode).toBe('422');
		expect(r.error!.description).toBe(
			'The API refused these fields: companyName: The company name field must not be greater than 255 characters.; zipCode: The zip code field must not be greater than 20 characters.',
		);
		expectNoSecrets(r, []);
	});
});

describe('422 without per-field errors', () => {
	const refusedAction = (noun: string) =>
		`The API refused the action in the current state of the ${noun}. Check it in the portal before you try again.`;

	it('says the API refused the action, not that fields were wrong: closing a closed payment link', async () => {
		const link = mock.store.collection('paymentLinks').all().find((record) => record.status === 'open')!;
		const first = await run(mock, { resource: 'paymentLink', operation: 'close', linkId: rl(String(link.id)) });
		expect(first.error).toBeUndefined();
		const r = await run(mock, { resource: 'paymentLink', operation: 'close', linkId: rl(String(link.id)) });
		expect(r.api.map((entry) => [entry.method, entry.path, entry.status])).toEqual([['DELETE', `/v1/payment-links/${link.id}`, 422]]);
		expect(r.error!.httpCode).toBe('422');
		expect(r.error!.message).toBe('Payment Link is already closed');
		expect(r.error!.description).toBe(refusedAction('payment link'));
		expectNoSecrets(r, []);
	});

	it('replying to a live-chat ticket (a local server answers as the API documents; the mock has no live chats)', async () => {
		const api = await localApi((_req, res) => answer(res, 422, { code: 422, message: 'It is not possible to reply to a live chat ticket' }));
		try {
			const helper = new MemoryCredentialsHelper();
			helper.set('k', 'mijnKlantportaalApi', { apiKey: mock.apiKey, environment: 'custom', apiBaseUrl: api.apiBaseUrl });
			const r = await runNode({ helper, credentials: { mijnKlantportaalApi: 'k' }, parameters: { resource: 'ticket', operation: 'addMessage', ticketId: rl('tic_livechat01'), message: 'Hallo' } });
			expect(api.seen.map((s) => [s.method, s.url])).toEqual([['POST', '/v1/tickets/tic_livechat01']]);
			expect(r.error!.message).toBe('It is not possible to reply to a live chat ticket');
			expect(r.error!.description).toBe(refusedAction('ticket'));
		} finally {
			await api.stop();
		}
	});
});

describe('404 not found', () => {
	it('names the resource and the ID', async () => {
		const r = await run(mock, { resource: 'paymentLink', operation: 'get', linkId: rl('={{ "plk_doesnotexist" }}') });
		expect(r.api.map((entry) => [entry.path, entry.status])).toEqual([['/v1/payment-links/plk_doesnotexist', 404]]);
		expect(r.error!.name).toBe('NodeApiError');
		expect(r.error!.httpCode).toBe('404');
		expect(r.error!.message).toBe('No Payment Link can be found for the given ID');
		expect(r.error!.description).toBe('No payment link with ID "plk_doesnotexist" exists, or it is not visible to this account.');
		expectNoSecrets(r, []);
	});

	it('names the ID of a nested resource', async () => {
		const card = mock.store.collection('punchCards').all()[0];
		const r = await run(mock, { resource: 'punchCard', operation: 'getIssued', punchCardId: rl(String(card.id)), issuedPunchCardId: 'pcb_doesnotexist' });
		expect(r.error!.httpCode).toBe('404');
		expect(r.error!.message).toBe('No issued Punch Card can be found for the given IDs');
		expect(r.error!.description).toContain('"pcb_doesnotexist"');
		expect(r.error!.description).toMatch(/^No punch card with ID "pcb_doesnotexist"|^No issued punch card with ID "pcb_doesnotexist"/);
		expectNoSecrets(r, []);
	});
});

describe('403 missing scope', () => {
	it('names the scope the key lacks', async () => {
		const readOnly = mock.createApiKey(['customers.read']);
		const r = await run(
			mock,
			{ resource: 'customer', operation: 'create', companyName: 'Bakkerij Visser', address: 'Kerkstraat 1', zipCode: '1234 AB', city: 'Utrecht', primaryEmail: 'info@visser.nl' },
			{ apiKey: readOnly },
		);
		expect(r.api.map((entry) => [entry.method, entry.path, entry.status])).toEqual([['POST', '/v1/customers', 403]]);
		// The limited key was the one used (it has its own key id).
		expect(r.api[0].credential).toMatch(/^apiKey:/);
		expect(r.api[0].credential).not.toBe('apiKey:key_1');
		expect(r.error!.name).toBe('NodeApiError');
		expect(r.error!.httpCode).toBe('403');
		expect(r.error!.message).toBe('This action requires the "customers.write" scope.');
		expect(r.error!.description).toBe(
			'The credential lacks the "customers.write" scope. Add it to the API key in the manage portal, or to the OAuth2 credential\'s scopes and reconnect.',
		);
		// Reads still work with that key.
		const read = await run(mock, { resource: 'customer', operation: 'getAll', limit: 1 }, { apiKey: readOnly });
		expect(read.error).toBeUndefined();
		expect(read.items).toHaveLength(1);
		expectNoSecrets(r, [readOnly]);
	});
});

describe('401 bad key', () => {
	it('says the key was refused, and does not retry beyond n8n\'s own single resend', async () => {
		const wrong = 'mkp_thisKeyDoesNotExist0123456789';
		const r = await run(mock, { resource: 'customer', operation: 'getAll', returnAll: true }, { apiKey: wrong });
		// n8n-core's httpRequestWithAuthentication resends once after a 401 (to refresh expirable
		// credentials); the node adds no retries of its own.
		const refused = ['GET', '/v1/customers', 401, 'invalid:unknown'];
		expect(r.api.map((entry) => [entry.method, entry.path, entry.status, entry.credential])).toEqual([refused, refused]);
		expect(r.error!.name).toBe('NodeApiError');
		expect(r.error!.httpCode).toBe('401');
		expect(r.error!.description).toBe('The API key or access token was refused. Check the API key, or reconnect the OAuth2 credential.');
		expect(r.items).toEqual([]);
		expectNoSecrets(r, [wrong]);
	});

	it('keeps the key out of continue-on-fail error items too', async () => {
		const wrong = 'mkp_anotherWrongKey9876543210abcd';
		const r = await run(mock, { resource: 'customer', operation: 'get', customerId: rl(String(mock.store.collection('customers').all()[0].id)) }, { apiKey: wrong, continueOnFail: true });
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(1);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(r.items[0].json.description).toBe('The API key or access token was refused. Check the API key, or reconnect the OAuth2 credential.');
		const text = deepSerialise(r.run);
		expect(text.includes(wrong)).toBe(false);
		expect(text.includes(mock.apiKey)).toBe(false);
	});
});
