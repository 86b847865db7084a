// Contract test: walks endpoints.json (the docs, machine-readable), calls every one of its REST
// operations over real HTTP with valid input, and checks the status and every documented response
// field (presence, JSON type, id prefix). An operation without a case here fails the suite.
import { restEndpoints } from '../../harness/mkp-endpoints.cjs';
import type { Endpoint } from '../../harness/mkp-endpoints.cjs';
import { startMock, client, form, Mock, Reply } from './resources-helpers.cjs';

const endpoints: Endpoint[] = restEndpoints();
const WRAPPER = ['current_page', 'data', 'first_page_url', 'from', 'next_page_url', 'path', 'per_page', 'prev_page_url', 'to'];
const pdf = (name: string) => ({ data: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`), filename: `${name}.pdf`, type: 'application/pdf' });

type Request = { path: string; json?: unknown; form?: FormData };
type Fixtures = Record<string, any>;

/** One valid request per documented operation, keyed `METHOD path` exactly as in endpoints.json. */
const CASES: Record<string, (fx: Fixtures) => Request> = {
	'GET /agreements': () => ({ path: '/agreements' }),
	'POST /agreements': () => ({
		path: '/agreements',
		form: form({
			name: 'Overeenkomst 2025', signerName: 'Jan Jansen', signerSignatureData: fxSignature,
			signers: JSON.stringify([{ firstName: 'Eva', lastName: 'Bakker', email: 'eva@example.nl', shouldIdentify: false }]),
			'documents[]': pdf('overeenkomst'),
		}),
	}),
	'GET /agreements/{agreementId}': (fx) => ({ path: `/agreements/${fx.agreement.id}` }),
	'GET /agreements/{agreementId}/documents/{documentId}/download': (fx) => ({ path: `/agreements/${fx.agreement.id}/documents/${fx.agreement.documents[0].id}/download` }),

	'GET /appointments': (fx) => ({ path: `/appointments?start_at=${encodeURIComponent(fx.appointmentStart)}&days=1` }),
	'POST /appointments': () => ({ path: '/appointments', json: { name: 'Intake', startsAt: '2025-03-05 14:30:00', endsAt: '2025-03-05 15:30', attendeeName: 'Eva Bakker', attendeeEmail: 'eva@example.nl' } }),
	'GET /appointments/{appointmentId}': (fx) => ({ path: `/appointments/${fx.appointment.id}` }),
	'PATCH /appointments/{appointmentId}': (fx) => ({ path: `/appointments/${fx.appointment.id}`, json: { status: 'canceled' } }),

	'GET /customers': () => ({ path: '/customers' }),
	'POST /customers': () => ({ path: '/customers', json: { companyName: 'Bakkerij Visser', address: 'Kerkstraat 1', zipCode: '1234 AB', city: 'Utrecht', primaryEmail: 'info@bakkerijvisser.nl' } }),
	'GET /customers/{customerId}': (fx) => ({ path: `/customers/${fx.customer.id}` }),
	'PATCH /customers/{customerId}': (fx) => ({ path: `/customers/${fx.customer.id}`, json: { city: 'Zwolle' } }),

	'GET /customer-groups': () => ({ path: '/customer-groups' }),
	'POST /customer-groups': (fx) => ({ path: '/customer-groups', json: { name: 'Nieuwsbrief', customers: [fx.customer.id] } }),
	'GET /customer-groups/{customerGroupId}': (fx) => ({ path: `/customer-groups/${fx.group.id}` }),
	'PATCH /customer-groups/{customerGroupId}': (fx) => ({ path: `/customer-groups/${fx.group.id}`, json: { name: 'VIP' } }),
	'POST /customer-groups/{customerGroupId}/customers': (fx) => ({ path: `/customer-groups/${fx.group.id}/customers`, json: { customers: [fx.customer.id] } }),

	'GET /customer-invoices': () => ({ path: '/customer-invoices' }),
	'POST /customer-invoices': (fx) => ({
		path: '/customer-invoices',
		form: form({ customerId: fx.customer.id, invoiceNumber: '2025-0001', issuedAt: '2025-04-01', amount: '121.00', sendNotification: 'false', pdf: pdf('factuur') }),
	}),
	'POST /customer-invoices/manual': (fx) => ({
		path: '/customer-invoices/manual',
		json: { customerId: fx.customer.id, invoiceNumber: '2025-0002', issuedAt: '2025-04-01', lines: [{ description: 'Advies', amountExclVat: '12.95', vatRate: 21 }] },
	}),
	'GET /customer-invoices/{invoiceId}': (fx) => ({ path: `/customer-invoices/${fx.invoice.id}` }),
	'PATCH /customer-invoices/{invoiceId}': (fx) => ({ path: `/customer-invoices/${fx.invoice.id}`, json: { paidAt: '2025-04-12 10:00:00' } }),
	'GET /customer-invoices/{invoiceId}/pdf': (fx) => ({ path: `/customer-invoices/${fx.invoice.id}/pdf` }),

	'GET /customer-offers': () => ({ path: '/customer-offers' }),
	'POST /customer-offers': (fx) => ({
		path: '/customer-offers',
		form: form({ customerId: fx.customer.id, offerNumber: 'OFF-1', issuedAt: '2025-04-01', expiresAt: '2025-05-01', amount: '1500.00', pdf: pdf('offerte') }),
	}),
	'POST /customer-offers/manual': (fx) => ({
		path: '/customer-offers/manual',
		json: { customerId: fx.customer.id, offerNumber: 'OFF-2', issuedAt: '2025-04-01', expiresAt: '2025-05-01', lines: [{ description: 'Tuinontwerp', amountExclVat: '750.00', vatRate: 21 }] },
	}),
	'GET /customer-offers/{offerId}': (fx) => ({ path: `/customer-offers/${fx.offer.id}` }),
	'PATCH /customer-offers/{offerId}': (fx) => ({ path: `/customer-offers/${fx.offer.id}`, json: { acceptedAt: '2025-04-03 09:15:00', acceptedViaIp: '85.144.1.2', acceptedViaUserAgent: 'Mozilla/5.0' } }),

	'GET /customer-subscriptions': () => ({ path: '/customer-subscriptions' }),
	'POST /customer-subscriptions': (fx) => ({
		path: '/customer-subscriptions',
		json: { customerId: fx.customer.id, description: 'Onderhoud', startDate: '2025-01-01', interval: '1 month', amount: '29.95', vatRate: 21 },
	}),
	'GET /customer-subscriptions/{subscriptionId}': (fx) => ({ path: `/customer-subscriptions/${fx.subscription.id}` }),
	'PATCH /customer-subscriptions/{subscriptionId}': (fx) => ({ path: `/customer-subscriptions/${fx.subscription.id}`, json: { amount: '39.95' } }),

	'GET /customer-subscription-packages': () => ({ path: '/customer-subscription-packages' }),
	'POST /customer-subscription-packages': () => ({
		path: '/customer-subscription-packages',
		json: { name: 'Hosting', interval: '1 year', amount: '120.00', vatRate: 21, description: 'Webhosting', availableForSale: true },
	}),
	'GET /customer-subscription-packages/{packageId}': (fx) => ({ path: `/customer-subscription-packages/${fx.package.id}` }),
	'POST /customer-subscription-packages/{packageId}/sign-up': (fx) => ({
		path: `/customer-subscription-packages/${fx.package.id}/sign-up`, json: { customerId: fx.customer.id, startDate: '2025-02-01' },
	}),
	'POST /customer-subscription-packages/{packageId}/sign-up/': (fx) => ({
		path: `/customer-subscription-packages/${fx.package.id}/sign-up/`,
		json: { companyName: 'Nieuw B.V.', address: 'Dorpsstraat 2', zipCode: '4321 BA', city: 'Breda', email: 'info@nieuw.nl' },
	}),

	'POST /files': () => ({ path: '/files', form: form({ file: { data: Buffer.from('notities'), filename: 'notities.txt', type: 'text/plain' } }) }),
	'GET /files/{fileOrDirId}': (fx) => ({ path: `/files/${fx.file.id}` }),
	'GET /files/{fileId}/download': (fx) => ({ path: `/files/${fx.file.id}/download` }),

	'GET /file-requests': () => ({ path: '/file-requests' }),
	'POST /file-requests': (fx) => ({
		path: '/file-requests',
		json: { name: 'Hypotheek', customerId: fx.customer.id, requestedFiles: [{ name: 'Loonstrook', description: 'Laatste maand', required: true, maxFileSize: 10240 }] },
	}),
	'GET /file-requests/{requestId}': (fx) => ({ path: `/file-requests/${fx.fileRequest.id}` }),

	'GET /file-shares': () => ({ path: '/file-shares' }),
	'POST /file-shares': (fx) => ({ path: '/file-shares', json: { content: [fx.file.id] } }),

	'GET /invoices': () => ({ path: '/invoices' }),
	'GET /invoices/{invoiceId}': (fx) => ({ path: `/invoices/${fx.mkpInvoice.id}` }),

	'GET /payment-links': () => ({ path: '/payment-links' }),
	'POST /payment-links': () => ({ path: '/payment-links', json: { description: 'Aanbetaling', amount: '50.00', reusable: false } }),
	'GET /payment-links/{linkId}': (fx) => ({ path: `/payment-links/${fx.paymentLinkWithPayments}` }),
	'DELETE /payment-links/{linkId}': (fx) => ({ path: `/payment-links/${fx.openLink.id}` }),
	'GET /payment-links/{linkId}/payments': (fx) => ({ path: `/payment-links/${fx.paymentLinkWithPayments}/payments` }),

	'GET /punch-cards': () => ({ path: '/punch-cards' }),
	'POST /punch-cards': () => ({ path: '/punch-cards', json: { name: '10 lessen', punches: 10, punchLabel: 'lessen', forSale: true, price: '150.00', vatRate: 21, expiryValue: 3, expirePeriod: 'months' } }),
	'GET /punch-cards/{punchCardId}': (fx) => ({ path: `/punch-cards/${fx.issued.punchCardId}` }),
	'PATCH /punch-cards/{punchCardId}': (fx) => ({ path: `/punch-cards/${fx.issued.punchCardId}`, json: { forSale: false } }),
	'GET /punch-cards/{punchCardId}/issued': (fx) => ({ path: `/punch-cards/${fx.issued.punchCardId}/issued` }),
	'POST /punch-cards/{punchCardId}/issued': (fx) => ({ path: `/punch-cards/${fx.issued.punchCardId}/issued`, json: { customerId: fx.customer.id } }),
	'GET /punch-cards/{punchCardId}/issued/{issuedPunchCardId}': (fx) => ({ path: `/punch-cards/${fx.issued.punchCardId}/issued/${fx.issued.id}` }),
	'POST /punch-cards/{punchCardId}/issued/{issuedPunchCardId}/stamp': (fx) => ({ path: `/punch-cards/${fx.stampable.punchCardId}/issued/${fx.stampable.id}/stamp`, json: { stamps: 1 } }),

	'GET /tickets': () => ({ path: '/tickets' }),
	'GET /tickets/{ticketId}': (fx) => ({ path: `/tickets/${fx.ticket.id}` }),
	'POST /tickets/{ticketId}': (fx) => ({ path: `/tickets/${fx.ticket.id}`, json: { message: '<p>Dank u, we kijken ernaar.</p>' } }),
	'PATCH /tickets/{ticketId}': (fx) => ({ path: `/tickets/${fx.ticket.id}` }),

	'GET /webhooks': () => ({ path: '/webhooks' }),
	'POST /webhooks': () => ({ path: '/webhooks', json: { url: 'https://example.invalid/hook', type: 'customer-created' } }),
	'GET /webhooks/{webhookId}': (fx) => ({ path: `/webhooks/${fx.webhook.id}` }),
};
const fxSignature = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** "not shown" in the docs → the mock's documented choice, 200; otherwise the documented code. */
function expectedStatus(e: Endpoint): number {
	const match = /^(\d{3})/.exec(e.responseStatus ?? '');
	return match ? Number(match[1]) : 200;
}

/** JSON type of a documented field; null is tolerated because the docs rarely state nullability. */
function hasType(value: unknown, type: string): boolean {
	if (value === null) return true;
	const base = type.replace('|null', '');
	if (base.endsWith('[]') || base === 'array') return Array.isArray(value);
	if (base === 'integer') return Number.isInteger(value);
	if (base === 'number') return typeof value === 'number';
	if (base === 'object') return typeof value === 'object' && !Array.isArray(value);
	return typeof value === base;
}

function checkFields(e: Endpoint, record: Record<string, unknown>): string[] {
	const problems: string[] = [];
	for (const field of e.responseFields) {
		if (!(field.name in record)) problems.push(`missing ${field.name}`);
		else if (!hasType(record[field.name], field.type)) problems.push(`${field.name} should be ${field.type}, got ${JSON.stringify(record[field.name])}`);
	}
	const prefix = e.responseFields.find((f) => f.name === 'id')?.description.match(/\b([a-z]{2,3}_)/)?.[1];
	if (prefix && typeof record.id === 'string' && !record.id.startsWith(prefix) && !(prefix === 'fsf_' && record.id.startsWith('fsd_'))) {
		problems.push(`id ${record.id} lacks prefix ${prefix}`);
	}
	return problems;
}

/** The object(s) the documented fields describe: the record, or the first item of a list. */
function subject(e: Endpoint, reply: Reply): Record<string, unknown> {
	if (e.paginated) {
		for (const key of WRAPPER) expect(reply.body).toHaveProperty(key);
		expect(reply.body).not.toHaveProperty('total');
		return reply.body.data[0];
	}
	if (e.method === 'GET' && e.path === '/appointments') return reply.body.data[0];
	if (e.path.endsWith('/customers') && e.resource === 'customerGroup') return reply.body.data[0];
	return reply.body;
}

let mock: Mock;
let call: ReturnType<typeof client>;
const fx: Fixtures = {};
let covered = 0;

beforeAll(async () => {
	mock = await startMock({ records: 3 });
	call = client(mock);
	const { store } = mock;
	const first = (name: string) => store.collection(name).all()[0];
	fx.customer = first('customers');
	fx.group = first('customerGroups');
	fx.agreement = first('agreements');
	fx.appointment = first('appointments');
	const start: string = fx.appointment.startsAt;
	fx.appointmentStart = `${start.slice(0, 10)} ${start.slice(11, 16)}`;
	fx.invoice = first('customerInvoices');
	fx.offer = first('customerOffers');
	fx.subscription = first('customerSubscriptions');
	fx.package = first('customerSubscriptionPackages');
	fx.file = store.create('files', { type: 'file' });
	fx.fileRequest = first('fileRequests');
	fx.mkpInvoice = first('mkpInvoices');
	fx.paymentLinkWithPayments = first('paymentLinkPayments').paymentLinkId;
	fx.openLink = store.create('paymentLinks', { status: 'open', expiresAt: null });
	fx.issued = first('issuedPunchCards');
	fx.stampable = store.create('issuedPunchCards', { punchCardId: fx.issued.punchCardId, punchesLeft: 3, status: 'active', expiresAt: null, _expiresAtMs: null });
	fx.ticket = store.create('tickets', { source: 'portal' });
	fx.webhook = first('webhooks');
});

afterAll(async () => {
	await mock?.close();
	// eslint-disable-next-line no-console
	console.log(`contract: ${covered} of ${endpoints.length} documented REST operations covered`);
});

test('every REST operation of endpoints.json has a case here, and every case an operation', () => {
	expect(endpoints.length).toBeGreaterThan(0);
	const missing = endpoints.map((e) => `${e.method} ${e.path}`).filter((key) => !CASES[key]);
	expect(missing).toEqual([]);
	const stale = Object.keys(CASES).filter((key) => !endpoints.some((e) => `${e.method} ${e.path}` === key));
	expect(stale).toEqual([]);
});

describe.each(endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', (key, e) => {
	test('answers the documented status and response fields', async () => {
		const request = CASES[key](fx);
		const reply = await call(e.method, request.path, { json: request.json, form: request.form });
		if (reply.status !== expectedStatus(e)) throw new Error(`${key}: ${reply.status} ${JSON.stringify(reply.body)}`);
		const record = subject(e, reply);
		expect(record).toBeDefined();
		expect(checkFields(e, record)).toEqual([]);
		covered++;
	});
});
