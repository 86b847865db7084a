// Input the node must refuse before it sends anything: for every kind of field, the run fails with
// a message that names the field (its label and its API name) and the item, and the mock's
// request log shows that no request went out.
import type { IDataObject } from 'n8n-workflow';
import type { InputItem, MockServer } from './setup.cjs';
import { PNG, binary, pdf, rl, run, startMock } from './setup.cjs';

let mock: MockServer;
let customerId: string;

beforeAll(async () => {
	mock = await startMock({ records: 2 });
	customerId = String(mock.store.collection('customers').all()[0].id);
});

afterAll(async () => mock.close());

interface BadCase {
	parameters: () => IDataObject;
	items?: () => InputItem[];
	/** `Label (apiName)` as it must appear in the message. */
	field: string;
	/** The whole message. */
	message: string | RegExp;
}

const validCustomer = { companyName: 'Bakkerij Visser', address: 'Kerkstraat 1', zipCode: '1234 AB', city: 'Utrecht', primaryEmail: 'info@bakkerijvisser.nl' };
const validLines = { linesInputMode: 'fields', lines: { items: [{ description: 'Advies', amountExclVat: '12.95', vatRate: 21 }] } };
const manualInvoice = () => ({ resource: 'customerInvoice', operation: 'createManual', customerId: rl(customerId), invoiceNumber: '2025-1', issuedAt: '2025-04-01', ...validLines });
const signer = (n: number) => ({ firstName: `Naam${n}`, lastName: 'Jansen', email: `naam${n}@example.nl`, shouldIdentify: false });
const agreement = (extra: IDataObject) => ({
	resource: 'agreement',
	operation: 'create',
	name: 'Overeenkomst',
	signerName: 'Jan Jansen',
	signerSignatureData: 'signature',
	signersInputMode: 'fields',
	signers: { items: [signer(1)] },
	documents: 'doc1',
	...extra,
});
const agreementItem = (documents: Record<string, Buffer>): InputItem[] => [
	{
		json: {},
		binary: {
			signature: binary(PNG, 'signature.png', 'image/png'),
			...Object.fromEntries(Object.entries(documents).map(([key, data]) => [key, binary(data, `${key}.pdf`, 'application/pdf')])),
		},
	},
];
const requestedFile = (n: number) => ({ name: `Bestand ${n}`, required: true });

const CASES: Record<string, BadCase> = {
	// ---- IDs ----
	'ID with the wrong prefix (resource locator)': {
		parameters: () => ({ resource: 'customer', operation: 'get', customerId: rl('={{ $json.id }}') }),
		items: () => [{ json: { id: 'inv_123abc' } }],
		field: 'Customer (customerId)',
		message: 'Invalid Customer (customerId): "inv_123abc" is not a valid ID: it must start with "cst_" [item 0]',
	},
	'ID with the wrong prefix (plain ID field)': {
		parameters: () => ({ resource: 'file', operation: 'download', fileId: 'fsd_abc123' }),
		field: 'File ID (fileId)',
		message: 'Invalid File ID (fileId): "fsd_abc123" is not a valid ID: it must start with "fsf_" [item 0]',
	},
	'ID with the wrong prefix (optional, in Additional Fields)': {
		parameters: () => ({ resource: 'appointment', operation: 'create', name: 'Intake', startsAt: '2025-03-05 14:30:00', endsAt: '2025-03-05 15:00:00', additionalFields: { customerId: rl('cus_123') } }),
		field: 'Customer (customerId)',
		message: 'Invalid Customer (customerId): "cus_123" is not a valid ID: it must start with "cst_" [item 0]',
	},
	'ID with the wrong prefix (in a list of IDs)': {
		parameters: () => ({ resource: 'customerGroup', operation: 'addCustomers', customerGroupId: rl('cug_abc123'), customersInputMode: 'fields', customers: { items: [{ value: customerId }, { value: 'grp_1' }] } }),
		field: 'Customers (customers)',
		message: 'Invalid Customers (customers): "grp_1" is not a valid ID: it must start with "cst_" [item 0]',
	},
	'ID with characters that would change the path': {
		parameters: () => ({ resource: 'customer', operation: 'get', customerId: rl('={{ $json.id }}') }),
		items: () => [{ json: { id: 'cst_abc/../../webhooks' } }],
		field: 'Customer (customerId)',
		message: 'Invalid Customer (customerId): "cst_abc/../../webhooks" is not a valid ID: it must start with "cst_" [item 0]',
	},

	// ---- required ----
	'missing required field': {
		parameters: () => ({ resource: 'customer', operation: 'create', ...validCustomer, city: '={{ $json.city }}' }),
		items: () => [{ json: { city: '' } }],
		field: 'City (city)',
		message: 'Invalid City (city): is required [item 0]',
	},
	'missing required path ID': {
		parameters: () => ({ resource: 'customer', operation: 'get', customerId: rl('={{ $json.id }}') }),
		items: () => [{ json: { id: '' } }],
		field: 'Customer (customerId)',
		message: 'Invalid Customer (customerId): is required [item 0]',
	},
	'missing required list': {
		parameters: () => ({ resource: 'customerGroup', operation: 'addCustomers', customerGroupId: rl('cug_abc123'), customersInputMode: 'fields', customers: {} }),
		field: 'Customers (customers)',
		message: 'Invalid Customers (customers): is required [item 0]',
	},
	'missing required field of a list entry': {
		parameters: () => ({ ...manualInvoice(), linesInputMode: 'json', linesJson: '[{"description":"Advies","amountExclVat":"12.95","vatRate":21},{"amountExclVat":"5","vatRate":21}]' }),
		field: 'Lines (lines)',
		message: 'Invalid Lines (lines): entry 2 has no Description (description) [item 0]',
	},

	// ---- dates and times ----
	'invalid date': {
		parameters: () => ({ ...manualInvoice(), issuedAt: '2025-02-30' }),
		field: 'Issued At (issuedAt)',
		message: 'Invalid Issued At (issuedAt): "2025-02-30" is not a date (e.g. 2024-05-11) [item 0]',
	},
	'invalid date (text)': {
		parameters: () => ({ resource: 'paymentLink', operation: 'create', description: 'Workshop', amount: '45', additionalFields: { expiresAt: 'next week' } }),
		field: 'Expires At (expiresAt)',
		message: 'Invalid Expires At (expiresAt): "next week" is not a date (e.g. 2024-05-11) [item 0]',
	},
	'invalid datetime (hour 24)': {
		parameters: () => ({ resource: 'customerInvoice', operation: 'markPaid', invoiceId: rl('inv_abc123'), paidAt: '2025-04-12 24:00:00' }),
		field: 'Paid At (paidAt)',
		message: 'Invalid Paid At (paidAt): "2025-04-12 24:00:00" is not a date and time (e.g. 2024-05-11 12:59:00 or an ISO date) [item 0]',
	},
	'invalid datetime (text)': {
		parameters: () => ({ resource: 'appointment', operation: 'create', name: 'Intake', startsAt: 'tomorrow 10am', endsAt: '2025-03-05 15:00:00' }),
		field: 'Starts At (startsAt)',
		message: 'Invalid Starts At (startsAt): "tomorrow 10am" is not a date and time (e.g. 2024-05-11 12:59:00 or an ISO date) [item 0]',
	},
	'invalid datetime (query parameter)': {
		parameters: () => ({ resource: 'appointment', operation: 'getAll', additionalFields: { start_at: '2025-13-01 10:00' } }),
		field: 'Start At (start_at)',
		message: 'Invalid Start At (start_at): "2025-13-01 10:00" is not a date and time (e.g. 2024-05-11 12:59:00 or an ISO date) [item 0]',
	},

	// ---- money ----
	'money with three decimals': {
		parameters: () => ({ resource: 'paymentLink', operation: 'create', description: 'Workshop', amount: '12.345' }),
		field: 'Amount (amount)',
		message: 'Invalid Amount (amount): "12.345" is not an amount in euros with at most two decimals (e.g. 12.95) [item 0]',
	},
	'money with three decimals (number)': {
		parameters: () => ({ resource: 'paymentLink', operation: 'create', description: 'Workshop', amount: 12.345 }),
		field: 'Amount (amount)',
		message: 'Invalid Amount (amount): "12.345" is not an amount in euros with at most two decimals (e.g. 12.95) [item 0]',
	},
	'money that is not a number': {
		parameters: () => ({ resource: 'paymentLink', operation: 'create', description: 'Workshop', amount: 'abc' }),
		field: 'Amount (amount)',
		message: 'Invalid Amount (amount): "abc" is not an amount in euros with at most two decimals (e.g. 12.95) [item 0]',
	},
	'money in a list entry': {
		parameters: () => ({ ...manualInvoice(), lines: { items: [{ description: 'Advies', amountExclVat: '12.95', vatRate: 21 }, { description: 'Reis', amountExclVat: 'abc', vatRate: 9 }] } }),
		field: 'Lines 2 › Amount Excl. VAT (lines[1].amountExclVat)',
		message: 'Invalid Lines 2 › Amount Excl. VAT (lines[1].amountExclVat): "abc" is not an amount in euros with at most two decimals (e.g. 12.95) [item 0]',
	},

	// ---- integers ----
	'non-integer': {
		parameters: () => ({ resource: 'punchCard', operation: 'create', name: 'Lessenkaart', punches: 2.5, punchLabel: 'lessen' }),
		field: 'Punches (punches)',
		message: 'Invalid Punches (punches): "2.5" is not a whole number [item 0]',
	},
	'non-integer (text)': {
		parameters: () => ({ resource: 'punchCard', operation: 'stamp', punchCardId: rl('pcd_abc123'), issuedPunchCardId: 'pcb_abc123', stamps: 'one' }),
		field: 'Stamps (stamps)',
		message: 'Invalid Stamps (stamps): "one" is not a whole number [item 0]',
	},
	'integer below its minimum': {
		parameters: () => ({ resource: 'punchCard', operation: 'create', name: 'Lessenkaart', punches: 0, punchLabel: 'lessen' }),
		field: 'Punches (punches)',
		message: 'Invalid Punches (punches): must be at least 1 [item 0]',
	},

	// ---- options and booleans ----
	'unknown option': {
		parameters: () => ({ resource: 'webhook', operation: 'create', url: 'https://example.com/hook', type: 'invoice-sent' }),
		field: 'Event (type)',
		message: /^Invalid Event \(type\): "invoice-sent" is not one of: appointment-canceled, appointment-created, .*, ticket-created \[item 0\]$/,
	},
	'unknown option (number)': {
		parameters: () => ({ resource: 'customerSubscriptionPackage', operation: 'create', name: 'Hosting', interval: '1 month', amount: '10', vatRate: 19 }),
		field: 'VAT Rate (vatRate)',
		message: 'Invalid VAT Rate (vatRate): "19" is not one of: 21, 9, 0 [item 0]',
	},
	'not a boolean': {
		parameters: () => ({ resource: 'punchCard', operation: 'update', punchCardId: rl('pcd_abc123'), forSale: 'maybe' }),
		field: 'For Sale (forSale)',
		message: 'Invalid For Sale (forSale): "maybe" is not true or false [item 0]',
	},

	// ---- text formats ----
	'invalid email': {
		parameters: () => ({ resource: 'customer', operation: 'create', ...validCustomer, primaryEmail: 'info@bakkerij' }),
		field: 'Primary Email (primaryEmail)',
		message: 'Invalid Primary Email (primaryEmail): "info@bakkerij" is not an email address [item 0]',
	},
	'invalid email in a list entry': {
		parameters: () => agreement({ signers: { items: [signer(1), { firstName: 'Eva', lastName: 'Bakker', email: 'eva(at)example.nl' }] } }),
		items: () => agreementItem({ doc1: pdf('1') }),
		field: 'Signers 2 › Email (signers[1].email)',
		message: 'Invalid Signers 2 › Email (signers[1].email): "eva(at)example.nl" is not an email address [item 0]',
	},
	'invalid URL': {
		parameters: () => ({ resource: 'webhook', operation: 'create', url: 'ftp://example.com/hook', type: 'invoice-paid' }),
		field: 'URL (url)',
		message: 'Invalid URL (url): "ftp://example.com/hook" is not an http(s) URL [item 0]',
	},
	'invalid IP address': {
		parameters: () => ({ resource: 'customerOffer', operation: 'markAcceptedOrRejected', offerId: rl('off_abc123'), updateFields: { acceptedAt: '2025-04-03 09:15:00', acceptedViaIp: 'localhost' } }),
		field: 'Accepted Via IP (acceptedViaIp)',
		message: 'Invalid Accepted Via IP (acceptedViaIp): "localhost" is not an IP address [item 0]',
	},

	// ---- lists ----
	'list with too many entries (JSON)': {
		parameters: () => agreement({ signersInputMode: 'json', signersJson: JSON.stringify([1, 2, 3, 4, 5, 6].map(signer)) }),
		items: () => agreementItem({ doc1: pdf('1') }),
		field: 'Signers (signers)',
		message: 'Invalid Signers (signers): has 6 entries; at most 5 are allowed [item 0]',
	},
	'list with too many entries (JSON, 11 requested files)': {
		parameters: () => ({
			resource: 'fileRequest',
			operation: 'create',
			name: 'Documenten',
			requestedFilesInputMode: 'json',
			requestedFilesJson: JSON.stringify(Array.from({ length: 11 }, (_, i) => requestedFile(i + 1))),
		}),
		field: 'Requested Files (requestedFiles)',
		message: 'Invalid Requested Files (requestedFiles): has 11 entries; at most 10 are allowed [item 0]',
	},
	'malformed list JSON': {
		parameters: () => ({ resource: 'fileRequest', operation: 'create', name: 'Documenten', requestedFilesInputMode: 'json', requestedFilesJson: '[{"name": "Loonstrook"' }),
		field: 'Requested Files (requestedFiles)',
		message: 'Invalid Requested Files (requestedFiles): must be a JSON array [item 0]',
	},
	'list JSON that is not an array': {
		parameters: () => ({ resource: 'customerGroup', operation: 'create', name: 'Nieuwsbrief', additionalFields: { customersJson: '{"id": "cst_abc123"}' } }),
		field: 'Customers (customers)',
		message: 'Invalid Customers (customers): must be a JSON array [item 0]',
	},
	'list entry that is not an object': {
		parameters: () => ({ ...manualInvoice(), linesInputMode: 'json', linesJson: '["Advies 12.95"]' }),
		field: 'Lines (lines)',
		message: 'Invalid Lines (lines): entry 1 must be an object [item 0]',
	},
	'list given as rows and as JSON at once': {
		parameters: () => ({ resource: 'customerGroup', operation: 'create', name: 'Nieuwsbrief', additionalFields: { customers: { items: [{ value: customerId }] }, customersJson: `["${customerId}"]` } }),
		field: 'Customers (customers)',
		message: 'Invalid Customers (customers): set either the rows or the JSON, not both [item 0]',
	},

	// ---- binary ----
	'missing binary property': {
		parameters: () => ({ resource: 'file', operation: 'upload', file: 'attachment' }),
		items: () => [{ json: {}, binary: { data: binary(pdf('x'), 'x.pdf', 'application/pdf') } }],
		field: 'File (file)',
		message: 'Invalid File (file): the input item has no binary field "attachment" [item 0]',
	},
	'missing binary property (one of a list)': {
		parameters: () => agreement({ documents: 'doc1, doc2' }),
		items: () => agreementItem({ doc1: pdf('1') }),
		field: 'Documents (documents)',
		message: 'Invalid Documents (documents): the input item has no binary field "doc2" [item 0]',
	},
	'missing binary property (item without any binary)': {
		parameters: () => ({ resource: 'customerInvoice', operation: 'create', customerId: rl(customerId), invoiceNumber: '1', issuedAt: '2025-04-01', amount: '10', pdf: 'data' }),
		field: 'PDF (pdf)',
		message: 'Invalid PDF (pdf): the input item has no binary field "data" [item 0]',
	},
	'agreement with 6 documents': {
		parameters: () => agreement({ documents: 'd1, d2, d3, d4, d5, d6' }),
		items: () => agreementItem({ d1: pdf('1'), d2: pdf('2'), d3: pdf('3'), d4: pdf('4'), d5: pdf('5'), d6: pdf('6') }),
		field: 'Documents (documents)',
		message: /^Invalid Documents \(documents\): .*\b6\b.*\b5\b.* \[item 0\]$/,
	},
	'agreement documents over 5 MB in total': {
		parameters: () => agreement({ documents: 'd1, d2' }),
		items: () => agreementItem({ d1: pdf('1', 2_700_000), d2: pdf('2', 2_700_000) }),
		field: 'Documents (documents)',
		message: /^Invalid Documents \(documents\): .*5 MB.* \[item 0\]$/,
	},

	// ---- API Request ----
	'API Request with an absolute URL as path': {
		parameters: () => ({ resource: 'apiRequest', operation: 'send', method: 'GET', path: 'https://evil.example.com/v1/customers' }),
		field: 'Path (path)',
		message: 'Invalid Path (path): "https://evil.example.com/v1/customers" must be a path under the API base, starting with / [item 0]',
	},
	'API Request with a protocol-relative URL as path': {
		parameters: () => ({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '//evil.example.com/v1/customers' }),
		field: 'Path (path)',
		message: 'Invalid Path (path): "//evil.example.com/v1/customers" must be a path under the API base, starting with / [item 0]',
	},
	'API Request with a body that is not a JSON object': {
		parameters: () => ({ resource: 'apiRequest', operation: 'send', method: 'POST', path: '/customers', jsonBody: '{"companyName": ' }),
		field: 'JSON Body (jsonBody)',
		message: 'Invalid JSON Body (jsonBody): not a JSON object [item 0]',
	},
};

describe('refused before any request', () => {
	for (const [name, testCase] of Object.entries(CASES)) {
		it(name, async () => {
			const r = await run(mock, testCase.parameters(), { items: testCase.items?.() });
			expect(r.error).toBeDefined();
			const message = r.error!.message;
			expect(message).toContain(testCase.field);
			expect(message).toContain('[item 0]');
			if (typeof testCase.message === 'string') expect(message).toBe(testCase.message);
			else expect(message).toMatch(testCase.message);
			expect(r.error!.name).toBe('NodeOperationError');
			expect(r.items).toEqual([]);
			// Nothing reached the mock: no API call, no storage call.
			expect(r.log).toEqual([]);
		});
	}

	it('update with no fields set', async () => {
		const r = await run(mock, { resource: 'customer', operation: 'update', customerId: rl(customerId), updateFields: {} });
		expect(r.error?.message).toBe(
			'Set at least one field under "Update Fields" (updateFields): Company Name (companyName), Address (address), Zip Code (zipCode), City (city), Primary Email (primaryEmail) [item 0]',
		);
		expect(r.error?.name).toBe('NodeOperationError');
		expect(r.log).toEqual([]);
	});

	it('update whose only field is empty', async () => {
		const r = await run(mock, { resource: 'customerSubscription', operation: 'update', subscriptionId: rl('sub_abc123'), updateFields: { description: '' } });
		expect(r.error?.message).toBe(
			'Set at least one field under "Update Fields" (updateFields): Description (description), Interval (interval), Amount (amount), VAT Rate (vatRate), Terminated At (terminatedAt) [item 0]',
		);
		expect(r.log).toEqual([]);
	});

	it('names the item that is bad, after the good ones went out', async () => {
		const ids = mock.store.collection('customers').all().map((c) => String(c.id));
		const r = await run(mock, { resource: 'customer', operation: 'get', customerId: rl('={{ $json.id }}') }, { items: [{ json: { id: ids[0] } }, { json: { id: ids[1] } }, { json: { id: 'cst_bad id' } }] });
		expect(r.error?.message).toBe('Invalid Customer (customerId): "cst_bad id" is not a valid ID: it must start with "cst_" [item 2]');
		expect(r.api.map((entry) => entry.path)).toEqual([`/v1/customers/${ids[0]}`, `/v1/customers/${ids[1]}`]);
	});
});

// Fixed (non-expression) values that break a parameter's own rules never reach the node: n8n's
// engine refuses the workflow first (so the node's checks above matter for expressions and JSON,
// and n8n drops an expression given for a whole fixed collection). Still, nothing may be sent.
describe('static values n8n itself refuses', () => {
	const cases: Record<string, IDataObject> = {
		'a By ID value with the wrong prefix': { resource: 'customer', operation: 'get', customerId: rl('inv_123abc') },
		'an empty required field': { resource: 'customer', operation: 'create', ...validCustomer, city: '' },
		'more rows than allowed': agreement({ signers: { items: [1, 2, 3, 4, 5, 6].map(signer) } }),
	};
	for (const [name, parameters] of Object.entries(cases)) {
		it(name, async () => {
			const since = mock.log.lastSeq;
			await expect(run(mock, parameters)).rejects.toThrow(/^The 'MKP' node has issues/);
			expect(mock.log.entries({ since })).toEqual([]);
		});
	}
});
