// Input the node must refuse before it sends anything: for every kind of field, the run fails with
// a message that names the field (its label and its API name) and the item, and the mock's
// request log shows that no request went out.
import type { IDataObject } from 'n8n-workflow';
import type { InputItem, MockServer } from './setup.cjs';
import { PNG, binary, pdf, rl, run, startMock } from './setup.cjs';
import { resources } from '../../nodes/shared/resources';
import { MijnKlantportaal } from '../../nodes/MijnKlantportaal/MijnKlantportaal.node';
import { webhook } from '../../nodes/shared/resources/webhook';

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
	/** The whole description: what to do, never the field's help text. */
	description?: string;
}

const DATE_HINT = 'Enter a date as YYYY-MM-DD, e.g. 2024-05-11 (an n8n date or an ISO 8601 timestamp also works)';
const DATE_TIME_HINT =
	'Enter a date and time as YYYY-MM-DD HH:mm:ss in portal time (Europe/Amsterdam), e.g. 2024-05-11 12:59:00, or an ISO 8601 timestamp with an offset, e.g. 2024-05-11T10:59:00Z';
const MONEY_HINT = 'Enter an amount in euros with at most two decimals, as a number or as text, e.g. 12.95 or 12,95';
const WHOLE_NUMBER_HINT = 'Enter a whole number of at least 1 in digits only, e.g. 10';
const MONEY_TOO_LARGE_HINT = 'Enter an amount in euros between -90071992547409.91 and 90071992547409.91, with at most two decimals, e.g. 12.95';
const EMAIL_HINT = 'Enter an email address, e.g. name@example.com';
const JSON_BODY_HINT = 'Enter a JSON object in { }, e.g. {"name": "value"}; a list in [ ], text or a number is not a request body';
const LIMIT_HINT = 'Enter a whole number of at least 1 in digits only, e.g. 10, or turn on Return All to get every record';
/** Every field's help text: an error's description must say what to do, not repeat one of these. */
const HELP_TEXTS = new Set(
	resources.flatMap((resource) => resource.operations.flatMap((op) => [...(op.pathParams ?? []), ...(op.fields ?? [])]).flatMap((field) => [field, ...(field.fields ?? [])]).map((field) => field.description)),
);
const EVENTS = webhook.operations.find((op) => op.value === 'create')!.fields!.find((f) => f.name === 'type')!.options!.map((o) => o.value).join(', ');

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
		description: 'Pick a customer from the list, or enter an ID like cst_…',
	},
	'ID with the wrong prefix (plain ID field)': {
		parameters: () => ({ resource: 'file', operation: 'download', fileId: 'fsd_abc123' }),
		field: 'File ID (fileId)',
		message: 'Invalid File ID (fileId): "fsd_abc123" is not a valid ID: it must start with "fsf_" [item 0]',
		description: 'Enter a file ID like fsf_…',
	},
	'ID with the wrong prefix (optional, in Additional Fields)': {
		parameters: () => ({ resource: 'appointment', operation: 'create', name: 'Intake', startsAt: '2025-03-05 14:30:00', endsAt: '2025-03-05 15:00:00', additionalFields: { customerId: rl('cus_123') } }),
		field: 'Customer (customerId)',
		message: 'Invalid Customer (customerId): "cus_123" is not a valid ID: it must start with "cst_" [item 0]',
		description: 'Pick a customer from the list, or enter an ID like cst_…',
	},
	'ID with the wrong prefix (in a list of IDs)': {
		parameters: () => ({ resource: 'customerGroup', operation: 'addCustomers', customerGroupId: rl('cug_abc123'), customersInputMode: 'fields', customers: { items: [{ value: customerId }, { value: 'grp_1' }] } }),
		field: 'Customers (customers)',
		message: 'Invalid Customers (customers): "grp_1" is not a valid ID: it must start with "cst_" [item 0]',
		description: 'Enter one ID like cst_… per row, or a JSON array of IDs, e.g. ["cst_…"]',
	},
	'ID with characters that would change the path': {
		parameters: () => ({ resource: 'customer', operation: 'get', customerId: rl('={{ $json.id }}') }),
		items: () => [{ json: { id: 'cst_abc/../../webhooks' } }],
		field: 'Customer (customerId)',
		message: 'Invalid Customer (customerId): "cst_abc/../../webhooks" is not a valid ID: it must start with "cst_" [item 0]',
		description: 'Pick a customer from the list, or enter an ID like cst_…',
	},

	// ---- required ----
	'missing required field': {
		parameters: () => ({ resource: 'customer', operation: 'create', ...validCustomer, city: '={{ $json.city }}' }),
		items: () => [{ json: { city: '' } }],
		field: 'City (city)',
		message: 'Invalid City (city): is required [item 0]',
		description: 'Fill in City; if it is an expression, it gave an empty value for this item',
	},
	'missing required path ID': {
		parameters: () => ({ resource: 'customer', operation: 'get', customerId: rl('={{ $json.id }}') }),
		items: () => [{ json: { id: '' } }],
		field: 'Customer (customerId)',
		message: 'Invalid Customer (customerId): is required [item 0]',
		description: 'Pick a customer from the list, or enter an ID like cst_…; if it is an expression, it gave an empty value for this item',
	},
	'missing required list': {
		parameters: () => ({ resource: 'customerGroup', operation: 'addCustomers', customerGroupId: rl('cug_abc123'), customersInputMode: 'fields', customers: {} }),
		field: 'Customers (customers)',
		message: 'Invalid Customers (customers): is required [item 0]',
		description: 'Enter one ID like cst_… per row, or a JSON array of IDs, e.g. ["cst_…"]; if it is an expression, it gave an empty value for this item',
	},
	'missing required field of a list entry': {
		parameters: () => ({ ...manualInvoice(), linesInputMode: 'json', linesJson: '[{"description":"Advies","amountExclVat":"12.95","vatRate":21},{"amountExclVat":"5","vatRate":21}]' }),
		field: 'Lines (lines)',
		message: 'Invalid Lines (lines): entry 2 has no Description (description) [item 0]',
		description: 'Give every entry of Lines a Description (description); it is required',
	},

	// ---- dates and times ----
	'invalid date': {
		parameters: () => ({ ...manualInvoice(), issuedAt: '2025-02-30' }),
		field: 'Issued At (issuedAt)',
		message: 'Invalid Issued At (issuedAt): "2025-02-30" is not a date (e.g. 2024-05-11) [item 0]',
		description: DATE_HINT,
	},
	'invalid date (text)': {
		parameters: () => ({ resource: 'paymentLink', operation: 'create', description: 'Workshop', amount: '45', additionalFields: { expiresAt: 'next week' } }),
		field: 'Expires At (expiresAt)',
		message: 'Invalid Expires At (expiresAt): "next week" is not a date (e.g. 2024-05-11) [item 0]',
		description: DATE_HINT,
	},
	'invalid datetime (hour 24)': {
		parameters: () => ({ resource: 'customerInvoice', operation: 'markPaid', invoiceId: rl('inv_abc123'), paidAt: '2025-04-12 24:00:00' }),
		field: 'Paid At (paidAt)',
		message: 'Invalid Paid At (paidAt): "2025-04-12 24:00:00" is not a date and time (e.g. 2024-05-11 12:59:00 or an ISO date) [item 0]',
		description: DATE_TIME_HINT,
	},
	'invalid datetime (text)': {
		parameters: () => ({ resource: 'appointment', operation: 'create', name: 'Intake', startsAt: 'tomorrow 10am', endsAt: '2025-03-05 15:00:00' }),
		field: 'Starts At (startsAt)',
		message: 'Invalid Starts At (startsAt): "tomorrow 10am" is not a date and time (e.g. 2024-05-11 12:59:00 or an ISO date) [item 0]',
		description: DATE_TIME_HINT,
	},
	'invalid datetime (query parameter)': {
		parameters: () => ({ resource: 'appointment', operation: 'getAll', additionalFields: { start_at: '2025-13-01 10:00' } }),
		field: 'Start At (start_at)',
		message: 'Invalid Start At (start_at): "2025-13-01 10:00" is not a date and time (e.g. 2024-05-11 12:59:00 or an ISO date) [item 0]',
		description: DATE_TIME_HINT,
	},

	// ---- money ----
	'money with three decimals': {
		parameters: () => ({ resource: 'paymentLink', operation: 'create', description: 'Workshop', amount: '12.345' }),
		field: 'Amount (amount)',
		message: 'Invalid Amount (amount): "12.345" is not an amount in euros with at most two decimals (e.g. 12.95) [item 0]',
		description: MONEY_HINT,
	},
	'money with three decimals (number)': {
		parameters: () => ({ resource: 'paymentLink', operation: 'create', description: 'Workshop', amount: 12.345 }),
		field: 'Amount (amount)',
		message: 'Invalid Amount (amount): "12.345" is not an amount in euros with at most two decimals (e.g. 12.95) [item 0]',
		description: MONEY_HINT,
	},
	'money that is not a number': {
		parameters: () => ({ resource: 'paymentLink', operation: 'create', description: 'Workshop', amount: 'abc' }),
		field: 'Amount (amount)',
		message: 'Invalid Amount (amount): "abc" is not an amount in euros with at most two decimals (e.g. 12.95) [item 0]',
		description: MONEY_HINT,
	},
	'money in a list entry': {
		parameters: () => ({ ...manualInvoice(), lines: { items: [{ description: 'Advies', amountExclVat: '12.95', vatRate: 21 }, { description: 'Reis', amountExclVat: 'abc', vatRate: 9 }] } }),
		field: 'Lines 2 › Amount Excl. VAT (lines[1].amountExclVat)',
		message: 'Invalid Lines 2 › Amount Excl. VAT (lines[1].amountExclVat): "abc" is not an amount in euros with at most two decimals (e.g. 12.95) [item 0]',
		description: MONEY_HINT,
	},

	// ---- integers ----
	'non-integer': {
		parameters: () => ({ resource: 'punchCard', operation: 'create', name: 'Lessenkaart', punches: 2.5, punchLabel: 'lessen' }),
		field: 'Punches (punches)',
		message: 'Invalid Punches (punches): "2.5" is not a whole number: use digits only [item 0]',
		description: WHOLE_NUMBER_HINT,
	},
	'non-integer (text)': {
		parameters: () => ({ resource: 'punchCard', operation: 'stamp', punchCardId: rl('pcd_abc123'), issuedPunchCardId: 'pcb_abc123', stamps: 'one' }),
		field: 'Stamps (stamps)',
		message: 'Invalid Stamps (stamps): "one" is not a whole number: use digits only [item 0]',
		description: WHOLE_NUMBER_HINT,
	},
	'integer below its minimum': {
		parameters: () => ({ resource: 'punchCard', operation: 'create', name: 'Lessenkaart', punches: 0, punchLabel: 'lessen' }),
		field: 'Punches (punches)',
		message: 'Invalid Punches (punches): must be at least 1, not 0 [item 0]',
		description: WHOLE_NUMBER_HINT,
	},

	'whole number in hexadecimal': {
		parameters: () => ({ resource: 'punchCard', operation: 'create', name: 'Lessenkaart', punches: '={{ "0x10" }}', punchLabel: 'lessen' }),
		field: 'Punches (punches)',
		message: 'Invalid Punches (punches): "0x10" is not a whole number: use digits only [item 0]',
		description: WHOLE_NUMBER_HINT,
	},
	'whole number in exponent notation (text)': {
		parameters: () => ({ resource: 'punchCard', operation: 'stamp', punchCardId: rl('pcd_abc123'), issuedPunchCardId: 'pcb_abc123', stamps: '={{ "1e3" }}' }),
		field: 'Stamps (stamps)',
		message: 'Invalid Stamps (stamps): "1e3" is not a whole number: use digits only [item 0]',
		description: WHOLE_NUMBER_HINT,
	},
	'whole number beyond the safe range (1e21)': {
		parameters: () => ({ resource: 'punchCard', operation: 'create', name: 'Lessenkaart', punches: '={{ 1e21 }}', punchLabel: 'lessen' }),
		field: 'Punches (punches)',
		message: 'Invalid Punches (punches): "1e+21" is too large: whole numbers can be at most 9007199254740991 [item 0]',
		description: WHOLE_NUMBER_HINT,
	},
	'whole number just beyond the safe range (text)': {
		parameters: () => ({ resource: 'appointment', operation: 'getAll', additionalFields: { days: '={{ "9007199254740992" }}' } }),
		field: 'Days (days)',
		message: 'Invalid Days (days): "9007199254740992" is too large: whole numbers can be at most 9007199254740991 [item 0]',
		description: WHOLE_NUMBER_HINT,
	},
	'money of 2^53 cents (text)': {
		parameters: () => ({ resource: 'paymentLink', operation: 'create', description: 'Workshop', amount: '90071992547409.92' }),
		field: 'Amount (amount)',
		message: 'Invalid Amount (amount): "90071992547409.92" is too large: amounts can be at most 90071992547409.91 euros [item 0]',
		description: MONEY_TOO_LARGE_HINT,
	},
	'money far beyond 2^53 cents (number)': {
		parameters: () => ({ resource: 'paymentLink', operation: 'create', description: 'Workshop', amount: '={{ 1e20 }}' }),
		field: 'Amount (amount)',
		message: 'Invalid Amount (amount): "100000000000000000000" is too large: amounts can be at most 90071992547409.91 euros [item 0]',
		description: MONEY_TOO_LARGE_HINT,
	},

	// ---- options and booleans ----
	'unknown option': {
		parameters: () => ({ resource: 'webhook', operation: 'create', url: 'https://example.com/hook', type: 'invoice-sent' }),
		field: 'Event (type)',
		message: /^Invalid Event \(type\): "invoice-sent" is not one of: appointment-canceled, appointment-created, .*, ticket-created \[item 0\]$/,
		description: `Pick one of the options, or give one of these values: ${EVENTS}`,
	},
	'unknown option (number)': {
		parameters: () => ({ resource: 'customerSubscriptionPackage', operation: 'create', name: 'Hosting', interval: '1 month', amount: '10', vatRate: 19 }),
		field: 'VAT Rate (vatRate)',
		message: 'Invalid VAT Rate (vatRate): "19" is not one of: 21, 9, 0 [item 0]',
		description: 'Pick one of the options, or give one of these values: 21, 9, 0',
	},
	'not a boolean': {
		parameters: () => ({ resource: 'punchCard', operation: 'update', punchCardId: rl('pcd_abc123'), forSale: 'maybe' }),
		field: 'For Sale (forSale)',
		message: 'Invalid For Sale (forSale): "maybe" is not true or false [item 0]',
		description: 'Use true or false (1 and 0 also work)',
	},

	// ---- text formats ----
	'invalid email': {
		parameters: () => ({ resource: 'customer', operation: 'create', ...validCustomer, primaryEmail: 'info@bakkerij' }),
		field: 'Primary Email (primaryEmail)',
		message: 'Invalid Primary Email (primaryEmail): "info@bakkerij" is not an email address [item 0]',
		description: EMAIL_HINT,
	},
	'invalid email in a list entry': {
		parameters: () => agreement({ signers: { items: [signer(1), { firstName: 'Eva', lastName: 'Bakker', email: 'eva(at)example.nl' }] } }),
		items: () => agreementItem({ doc1: pdf('1') }),
		field: 'Signers 2 › Email (signers[1].email)',
		message: 'Invalid Signers 2 › Email (signers[1].email): "eva(at)example.nl" is not an email address [item 0]',
		description: EMAIL_HINT,
	},
	'invalid URL': {
		parameters: () => ({ resource: 'webhook', operation: 'create', url: 'ftp://example.com/hook', type: 'invoice-paid' }),
		field: 'URL (url)',
		message: 'Invalid URL (url): "ftp://example.com/hook" is not an http(s) URL [item 0]',
		description: 'Enter a full URL that starts with https:// (or http://), e.g. https://example.com/hook',
	},
	'invalid IP address': {
		parameters: () => ({ resource: 'customerOffer', operation: 'markAcceptedOrRejected', offerId: rl('off_abc123'), updateFields: { acceptedAt: '2025-04-03 09:15:00', acceptedViaIp: 'localhost' } }),
		field: 'Accepted Via IP (acceptedViaIp)',
		message: 'Invalid Accepted Via IP (acceptedViaIp): "localhost" is not an IP address [item 0]',
		description: 'Enter an IPv4 address such as 203.0.113.7, or an IPv6 address such as 2001:db8::1',
	},

	// ---- lists ----
	'list with too many entries (JSON)': {
		parameters: () => agreement({ signersInputMode: 'json', signersJson: JSON.stringify([1, 2, 3, 4, 5, 6].map(signer)) }),
		items: () => agreementItem({ doc1: pdf('1') }),
		field: 'Signers (signers)',
		message: 'Invalid Signers (signers): has 6 entries; at most 5 are allowed [item 0]',
		description: 'Remove 1 of the entries: Signers takes at most 5',
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
		description: 'Remove 1 of the entries: Requested Files takes at most 10',
	},
	'malformed list JSON': {
		parameters: () => ({ resource: 'fileRequest', operation: 'create', name: 'Documenten', requestedFilesInputMode: 'json', requestedFilesJson: '[{"name": "Loonstrook"' }),
		field: 'Requested Files (requestedFiles)',
		message: 'Invalid Requested Files (requestedFiles): must be a JSON array [item 0]',
		description: 'Enter a JSON array in [ ], e.g. [{"name":"","description":"","required":false,"maxFileSize":1}]',
	},
	'list JSON that is not an array': {
		parameters: () => ({ resource: 'customerGroup', operation: 'create', name: 'Nieuwsbrief', additionalFields: { customersJson: '{"id": "cst_abc123"}' } }),
		field: 'Customers (customers)',
		message: 'Invalid Customers (customers): must be a JSON array [item 0]',
		description: 'Enter a JSON array in [ ], e.g. ["cst_…"]',
	},
	'list entry that is not an object': {
		parameters: () => ({ ...manualInvoice(), linesInputMode: 'json', linesJson: '["Advies 12.95"]' }),
		field: 'Lines (lines)',
		message: 'Invalid Lines (lines): entry 1 must be an object [item 0]',
		description: 'Make every entry of the JSON array an object with the fields of a row, e.g. [{"description":"","amountExclVat":"12.95","vatRate":21}]',
	},
	'list given as rows and as JSON at once': {
		parameters: () => ({ resource: 'customerGroup', operation: 'create', name: 'Nieuwsbrief', additionalFields: { customers: { items: [{ value: customerId }] }, customersJson: `["${customerId}"]` } }),
		field: 'Customers (customers)',
		message: 'Invalid Customers (customers): set either the rows or the JSON, not both [item 0]',
		description: 'Use either the Customers rows or Customers (JSON), not both: remove one of them',
	},

	// ---- binary ----
	'missing binary property': {
		parameters: () => ({ resource: 'file', operation: 'upload', file: 'attachment' }),
		items: () => [{ json: {}, binary: { data: binary(pdf('x'), 'x.pdf', 'application/pdf') } }],
		field: 'File (file)',
		message: 'Invalid File (file): the input item has no binary field "attachment" [item 0]',
		description: "Enter the name of one of the input item's binary fields: data",
	},
	'missing binary property (one of a list)': {
		parameters: () => agreement({ documents: 'doc1, doc2' }),
		items: () => agreementItem({ doc1: pdf('1') }),
		field: 'Documents (documents)',
		message: 'Invalid Documents (documents): the input item has no binary field "doc2" [item 0]',
		description: "Enter the name of one of the input item's binary fields: signature, doc1",
	},
	'missing binary property (item without any binary)': {
		parameters: () => ({ resource: 'customerInvoice', operation: 'create', customerId: rl(customerId), invoiceNumber: '1', issuedAt: '2025-04-01', amount: '10', pdf: 'data' }),
		field: 'PDF (pdf)',
		message: 'Invalid PDF (pdf): the input item has no binary field "data" [item 0]',
		description: 'The input item has no binary data at all: put the file in it first (e.g. with a Read/Write Files from Disk or an HTTP Request node), then enter the name of its binary field, e.g. data',
	},
	'agreement with 6 documents': {
		parameters: () => agreement({ documents: 'd1, d2, d3, d4, d5, d6' }),
		items: () => agreementItem({ d1: pdf('1'), d2: pdf('2'), d3: pdf('3'), d4: pdf('4'), d5: pdf('5'), d6: pdf('6') }),
		field: 'Documents (documents)',
		message: /^Invalid Documents \(documents\): .*\b6\b.*\b5\b.* \[item 0\]$/,
		description: 'Name at most 5 binary fields, separated by commas',
	},
	'agreement documents over 5 MB in total': {
		parameters: () => agreement({ documents: 'd1, d2' }),
		items: () => agreementItem({ d1: pdf('1', 2_700_000), d2: pdf('2', 2_700_000) }),
		field: 'Documents (documents)',
		message: /^Invalid Documents \(documents\): .*5 MB.* \[item 0\]$/,
		description: 'Send files of at most 5 MB together: leave some out, or make them smaller (e.g. compress the PDFs)',
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
		description: JSON_BODY_HINT,
	},
	'API Request with a JSON array as body': {
		parameters: () => ({ resource: 'apiRequest', operation: 'send', method: 'POST', path: '/customers', jsonBody: '[]' }),
		field: 'JSON Body (jsonBody)',
		message: 'Invalid JSON Body (jsonBody): not a JSON object [item 0]',
		description: JSON_BODY_HINT,
	},
	'API Request with a JSON array as body (from an expression)': {
		parameters: () => ({ resource: 'apiRequest', operation: 'send', method: 'PATCH', path: '/customers/cst_abc123', jsonBody: '={{ [{ "city": "Utrecht" }] }}' }),
		field: 'JSON Body (jsonBody)',
		message: 'Invalid JSON Body (jsonBody): not a JSON object [item 0]',
		description: JSON_BODY_HINT,
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
			if (testCase.description !== undefined) expect(r.error!.description).toBe(testCase.description);
			expect(HELP_TEXTS.has(String(r.error!.description))).toBe(false);
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

// Limit comes from an expression as often as not (an AI agent's `$fromAI` included): it must be a
// whole number of at least 1, for the Get Many of every resource and for API Request's Follow
// Pages, or nothing is sent.
describe('Limit', () => {
	const lists = resources.flatMap((resource) =>
		resource.operations.filter((op) => op.response === 'pages').map((op) => ({ resource, op })),
	);
	const listParameters = ({ resource, op }: (typeof lists)[number], limit: string): IDataObject => ({
		resource: resource.value,
		operation: op.value,
		...Object.fromEntries((op.pathParams ?? []).map((param) => [param.name, param.locator ? rl(`${param.idPrefix}abc123`) : `${param.idPrefix}abc123`])),
		returnAll: false,
		limit,
	});

	it('covers every operation that shows a Limit', () => {
		const shown = new MijnKlantportaal().description.properties
			.filter((property) => property.name === 'limit')
			.flatMap((property) => {
				const show = property.displayOptions?.show ?? {};
				// Custom API Call's Limit shows on its operation under every resource; counted once, as apiRequest.send.
				return ((show.resource as string[] | undefined) ?? ['apiRequest']).flatMap((resource) => ((show.operation as string[] | undefined) ?? ['send']).map((op) => `${resource}.${op}`));
			});
		expect(lists.map(({ resource, op }) => `${resource.value}.${op.value}`).concat('apiRequest.send').sort()).toEqual([...new Set(shown)].sort());
	});

	const bad: Array<[string, unknown, string]> = [
		['"abc"', 'abc', 'Invalid Limit (limit): "abc" is not a whole number: use digits only [item 0]'],
		['0', 0, 'Invalid Limit (limit): must be at least 1, not 0 [item 0]'],
		['-5', -5, 'Invalid Limit (limit): must be at least 1, not -5 [item 0]'],
	];
	for (const list of lists) {
		for (const [shown, value, message] of bad) {
			it(`${list.resource.value} ${list.op.name}: ${shown} from an expression`, async () => {
				const r = await run(mock, listParameters(list, '={{ $json.limit }}'), { items: [{ json: { limit: value as string } }] });
				expect(r.error?.message).toBe(message);
				expect(r.error?.description).toBe(LIMIT_HINT);
				expect(r.items).toEqual([]);
				expect(r.log).toEqual([]);
			});
		}
	}

	it('other forms that are not whole numbers: 2.5, "0x10", "1e3", an empty text', async () => {
		const customers = lists.find(({ resource }) => resource.value === 'customer')!;
		for (const [value, message] of [
			[2.5, 'Invalid Limit (limit): "2.5" is not a whole number: use digits only [item 0]'],
			['0x10', 'Invalid Limit (limit): "0x10" is not a whole number: use digits only [item 0]'],
			['1e3', 'Invalid Limit (limit): "1e3" is not a whole number: use digits only [item 0]'],
			['', 'Invalid Limit (limit): "" is not a whole number: use digits only [item 0]'],
		] as const) {
			const r = await run(mock, listParameters(customers, '={{ $json.limit }}'), { items: [{ json: { limit: value } }] });
			expect(r.error?.message).toBe(message);
			expect(r.log).toEqual([]);
		}
	});

	it('names the item whose Limit is bad; the items before it were sent', async () => {
		const customers = lists.find(({ resource }) => resource.value === 'customer')!;
		const r = await run(mock, listParameters(customers, '={{ $json.limit }}'), { items: [{ json: { limit: 1 } }, { json: { limit: 0 } }] });
		expect(r.error?.message).toBe('Invalid Limit (limit): must be at least 1, not 0 [item 1]');
		expect(r.api.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /v1/customers']);
	});

	it('a whole number as text works, and Return All "false" from an expression is not taken as true', async () => {
		const customers = lists.find(({ resource }) => resource.value === 'customer')!;
		const r = await run(mock, { ...listParameters(customers, '={{ $json.limit }}'), returnAll: '={{ $json.all }}' }, { items: [{ json: { limit: ' 1 ', all: 'false' } }] });
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(1);
		expect(r.api).toHaveLength(1);
	});

	it("API Request's Follow Pages: the same check, before any request", async () => {
		for (const [, value, message] of bad) {
			const r = await run(
				mock,
				{ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/customers', paginate: true, returnAll: false, limit: '={{ $json.limit }}' },
				{ items: [{ json: { limit: value as string } }] },
			);
			expect(r.error?.message).toBe(message);
			expect(r.error?.description).toBe(LIMIT_HINT);
			expect(r.log).toEqual([]);
		}
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

	// The resource locator's own validation (the editor shows the same text under the field).
	it('a By ID or By URL value without the prefix: the locator says what to enter', async () => {
		const since = mock.log.lastSeq;
		await expect(run(mock, { resource: 'customer', operation: 'get', customerId: rl('inv_123abc') })).rejects.toThrow(
			'\n- Not a customer ID: enter one that starts with "cst_", or pick a customer from the list',
		);
		await expect(run(mock, { resource: 'ticket', operation: 'get', ticketId: rl('https://portal.example/tickets/123', 'url') })).rejects.toThrow(
			'\n- Not a URL that contains a ticket ID: paste a link that contains "tic_…", or enter the ID itself under By ID',
		);
		await expect(run(mock, { resource: 'punchCard', operation: 'get', punchCardId: rl('card-1') })).rejects.toThrow(
			'\n- Not a punch card ID: enter one that starts with "pcd_", or pick a punch card from the list',
		);
		expect(mock.log.entries({ since })).toEqual([]);
	});
});
