// Every operation of the node, run through n8n's engine against the mock: the request the mock saw
// (method, path with IDs, query, JSON body or multipart fields and files, content type) and the
// node's output (shape, key values, pairedItem). One case per `resource.operation`; a case for an
// operation that is missing fails the coverage test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { resources } from '../../nodes/shared/resources';
import type { InputItem, MockServer, NodeRun } from './setup.cjs';
import { PNG, binary, binaryBytes, filePart, pdf, rl, run, sha256, startMock, summary } from './setup.cjs';
import { operationValidator, schemaErrors } from '../harness/mkp-output-schemas.cjs';

type Rec = Record<string, any>;

interface Fixtures {
	customer: Rec;
	customer2: Rec;
	group: Rec;
	agreement: Rec;
	appointment: Rec;
	invoice: Rec;
	offer: Rec;
	subscription: Rec;
	pkg: Rec;
	file: Rec;
	directory: Rec;
	fileRequest: Rec;
	mkpInvoice: Rec;
	/** An open link (closed by the Close case). */
	openLink: Rec;
	/** A link with payments. */
	paidLink: Rec;
	punchCard: Rec;
	issued: Rec;
	ticket: Rec;
	webhook: Rec;
}

interface Expected {
	method: string;
	path: string;
	query: Record<string, string>;
	contentType: string;
	body: unknown;
}

interface Case {
	/** The documented endpoint, `METHOD /path` exactly as in endpoints.json. */
	endpoint: string;
	parameters: (f: Fixtures) => IDataObject;
	items?: (f: Fixtures) => InputItem[];
	/** The API requests, in order. */
	requests: (f: Fixtures) => Expected[];
	check: (out: INodeExecutionData[], f: Fixtures, r: NodeRun) => void | Promise<void>;
}

let mock: MockServer;
let f: Fixtures;

const ATOM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const col = (name: string): Rec[] => mock.store.collection(name).all() as Rec[];
const stored = (name: string, id: string): Rec => mock.store.collection(name).get(id) as Rec;
/** A record as the API presents it: without the store's `_` bookkeeping fields. */
const pub = (record: Rec) => Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('_')));
const apiLink = (p: string) => ({ href: `${mock.apiBaseUrl}${p}`, type: 'application/json' });

const get = (p: string, query: Record<string, string> = {}): Expected => ({ method: 'GET', path: `/v1${p}`, query, contentType: '', body: null });
const json = (method: string, p: string, body: unknown, query: Record<string, string> = {}): Expected => ({
	method,
	path: `/v1${p}`,
	query,
	contentType: 'application/json',
	body,
});
const bodiless = (method: string, p: string): Expected => ({ method, path: `/v1${p}`, query: {}, contentType: '', body: null });
const multipart = (p: string, fields: Record<string, string>, files: unknown[], query: Record<string, string> = {}): Expected => ({
	method: 'POST',
	path: `/v1${p}`,
	query,
	contentType: 'multipart/form-data',
	body: { fields, files },
});

/** The page requests of a complete list of `count` records (15 per page, following next_page_url). */
function pages(p: string, count: number): Expected[] {
	const n = Math.max(1, Math.ceil(count / 15));
	return Array.from({ length: n }, (_, i) => get(p, i === 0 ? {} : { page: String(i + 1) }));
}

/** Get Many with Return All: every record, in the store's (oldest-first) order, one output item each. */
function listCase(endpointPath: string, records: (f: Fixtures) => Rec[], present: (record: Rec) => Rec = pub): Case {
	return {
		endpoint: `GET ${endpointPath}`,
		parameters: () => ({ returnAll: true }),
		requests: (fx) => pages(endpointPath, records(fx).length),
		check: (out, fx) => {
			const expected = records(fx);
			expect(expected.length).toBeGreaterThan(0);
			expect(out.map((item) => item.json.id)).toEqual(expected.map((record) => record.id));
			expect(out[0].json).toEqual(present(expected[0]));
			expect(out[out.length - 1].json).toEqual(present(expected[expected.length - 1]));
		},
	};
}

/** Get Many of a sub-list, e.g. the payments of one link. */
function subListCase(endpoint: string, p: (f: Fixtures) => string, parameters: (f: Fixtures) => IDataObject, records: (f: Fixtures) => Rec[]): Case {
	return {
		endpoint,
		parameters: (fx) => ({ ...parameters(fx), returnAll: true }),
		requests: (fx) => pages(p(fx), records(fx).length),
		check: (out, fx) => {
			const expected = records(fx);
			expect(expected.length).toBeGreaterThan(0);
			expect(out.map((item) => item.json)).toEqual(expected.map(pub));
		},
	};
}

/** A cloud-file download: the 5-minute link, fetched without a credential, into binary. */
async function expectDownload(out: INodeExecutionData[], r: NodeRun, blob: { data: Buffer; filename: string; mime: string }, property = 'data') {
	expect(out).toHaveLength(1);
	const link = String(out[0].json.link);
	expect(link.startsWith(`${mock.storageBaseUrl}/objects/`)).toBe(true);
	expect(out[0].json).toEqual({
		link,
		expiresAt: expect.stringMatching(ATOM),
		fileName: blob.filename,
		mimeType: blob.mime,
		fileSize: expect.any(String),
	});
	// The storage download: one GET to the link's path, carrying no credential at all.
	expect(r.storage).toHaveLength(1);
	expect(r.storage[0]).toMatchObject({ method: 'GET', path: new URL(link).pathname, status: 200, credential: 'none', authHeader: null });
	const file = out[0].binary?.[property];
	expect(file).toBeDefined();
	expect(file!.mimeType).toBe(blob.mime);
	expect(file!.fileName).toBe(blob.filename);
	const bytes = await binaryBytes(file!);
	expect(bytes.length).toBe(blob.data.length);
	expect(sha256(bytes)).toBe(sha256(blob.data));
}

const blobOf = (id: string) => mock.store.blobs.get(id)!;

// Input files of the multipart cases.
const contract = pdf('Overeenkomst', 3000);
const annex = pdf('Bijlage A', 500);
const invoicePdf = pdf('Factuur 2025-0042', 4000);
const offerPdf = pdf('Offerte OFF-2025-7', 1000);
const reportPdf = pdf('Jaarverslag', 20000);

const signers = [
	{ firstName: 'Eva', lastName: 'Bakker', email: 'eva@example.nl', shouldIdentify: true },
	{ firstName: 'Daan', lastName: 'Visser', email: 'daan@example.nl', shouldIdentify: false },
];

const CASES: Record<string, Case> = {
	// ---- agreements ----
	'agreement.create': {
		endpoint: 'POST /agreements',
		parameters: () => ({
			name: 'Overeenkomst 2025',
			signerName: 'Jan Jansen',
			signerSignatureData: 'signature',
			signersInputMode: 'fields',
			// The second signer leaves Should Identify out: it is sent as false.
			signers: { items: [signers[0], { firstName: 'Daan', lastName: 'Visser', email: ' daan@example.nl ' }] },
			documents: 'contract, annex',
		}),
		items: () => [
			{
				json: {},
				binary: {
					signature: binary(PNG, 'handtekening.png', 'image/png'),
					contract: binary(contract, 'overeenkomst.pdf', 'application/pdf'),
					annex: binary(annex, 'bijlage-a.pdf', 'application/pdf'),
				},
			},
		],
		requests: () => [
			multipart(
				'/agreements',
				{
					name: 'Overeenkomst 2025',
					signerName: 'Jan Jansen',
					signerSignatureData: `data:image/png;base64,${PNG.toString('base64')}`,
					signers: JSON.stringify(signers),
				},
				[
					filePart('documents[]', contract, 'overeenkomst.pdf', 'application/pdf'),
					filePart('documents[]', annex, 'bijlage-a.pdf', 'application/pdf'),
				],
			),
		],
		check: (out) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^agr_/);
			expect(json).toMatchObject({
				name: 'Overeenkomst 2025',
				status: 'sent',
				signerName: 'Jan Jansen',
				signerSignature: `data:image/png;base64,${PNG.toString('base64')}`,
			});
			expect(json.signers.map((s: Rec) => [s.firstName, s.lastName, s.email, s.shouldIdentify])).toEqual(signers.map((s) => [s.firstName, s.lastName, s.email, s.shouldIdentify]));
			expect(json.documents.map((d: Rec) => [d.documentName, d.fileSize, d.fileHash])).toEqual([
				['overeenkomst.pdf', contract.length, sha256(contract)],
				['bijlage-a.pdf', annex.length, sha256(annex)],
			]);
			expect(pub(stored('agreements', json.id))).toEqual(json);
		},
	},
	'agreement.downloadDocument': {
		endpoint: 'GET /agreements/{agreementId}/documents/{documentId}/download',
		parameters: (fx) => ({ agreementId: rl(fx.agreement.id), documentId: fx.agreement.documents[0].id }),
		requests: (fx) => [get(`/agreements/${fx.agreement.id}/documents/${fx.agreement.documents[0].id}/download`)],
		check: async (out, fx, r) => expectDownload(out, r, blobOf(fx.agreement.documents[0].id)),
	},
	'agreement.get': {
		endpoint: 'GET /agreements/{agreementId}',
		parameters: (fx) => ({ agreementId: rl(fx.agreement.id) }),
		requests: (fx) => [get(`/agreements/${fx.agreement.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(fx.agreement)),
	},
	'agreement.getAll': listCase('/agreements', () => col('agreements')),

	// ---- appointments ----
	'appointment.changeStatus': {
		endpoint: 'PATCH /appointments/{appointmentId}',
		parameters: (fx) => ({ appointmentId: rl(fx.appointment.id), status: 'canceled' }),
		requests: (fx) => [json('PATCH', `/appointments/${fx.appointment.id}`, { status: 'canceled' })],
		check: (out, fx) => {
			expect(out[0].json).toMatchObject({ id: fx.appointment.id, status: 'canceled' });
			expect(stored('appointments', fx.appointment.id).status).toBe('canceled');
		},
	},
	'appointment.create': {
		endpoint: 'POST /appointments',
		parameters: (fx) => ({
			name: 'Intake',
			// An ISO local time as n8n's date picker gives it, and the API's own format without seconds.
			startsAt: '2025-03-05T14:30:00',
			endsAt: '2025-03-05 15:30',
			additionalFields: { customerId: rl(fx.customer.id), attendeeName: 'Eva Bakker', attendeeEmail: 'eva@example.nl' },
		}),
		requests: (fx) => [
			json('POST', '/appointments', {
				name: 'Intake',
				startsAt: '2025-03-05 14:30:00',
				endsAt: '2025-03-05 15:30:00',
				customerId: fx.customer.id,
				attendeeName: 'Eva Bakker',
				attendeeEmail: 'eva@example.nl',
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^apt_/);
			expect(json).toMatchObject({
				customerId: fx.customer.id,
				attendeeName: 'Eva Bakker',
				attendeeEmail: 'eva@example.nl',
				startsAt: '2025-03-05T14:30:00+01:00',
				endsAt: '2025-03-05T15:30:00+01:00',
				status: 'scheduled',
			});
			expect(stored('appointments', json.id)._name).toBe('Intake');
		},
	},
	'appointment.get': {
		endpoint: 'GET /appointments/{appointmentId}',
		parameters: (fx) => ({ appointmentId: rl(fx.appointment.id) }),
		requests: (fx) => [get(`/appointments/${fx.appointment.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('appointments', fx.appointment.id))),
	},
	'appointment.getAll': {
		endpoint: 'GET /appointments',
		// The window starts at the fixture's start (an ATOM instant with offset) and lasts one day.
		parameters: (fx) => ({ additionalFields: { start_at: fx.appointment.startsAt, days: 1 } }),
		requests: (fx) => [get('/appointments', { start_at: fx.appointment.startsAt.slice(0, 19).replace('T', ' '), days: '1' })],
		check: (out, fx) => {
			const start = Date.parse(fx.appointment.startsAt);
			const startOf = (a: Rec) => a._startsAtMs ?? Date.parse(a.startsAt);
			const expected = col('appointments')
				.filter((a) => startOf(a) >= start && startOf(a) < start + 86_400_000)
				.sort((a, b) => startOf(a) - startOf(b));
			expect(expected.map((a) => a.id)).toContain(fx.appointment.id);
			expect(out.map((item) => item.json)).toEqual(expected.map(pub));
		},
	},

	// ---- customers ----
	'customer.create': {
		endpoint: 'POST /customers',
		parameters: () => ({
			companyName: 'Bakkerij Visser',
			address: 'Kerkstraat 1',
			zipCode: '1234 AB',
			city: 'Utrecht',
			primaryEmail: ' info@bakkerijvisser.nl ',
			additionalFields: { countryCode: 'BE' },
		}),
		requests: () => [
			json('POST', '/customers', {
				companyName: 'Bakkerij Visser',
				address: 'Kerkstraat 1',
				zipCode: '1234 AB',
				city: 'Utrecht',
				primaryEmail: 'info@bakkerijvisser.nl',
				countryCode: 'BE',
			}),
		],
		check: (out) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^cst_/);
			expect(json).toMatchObject({ companyName: 'Bakkerij Visser', city: 'Utrecht', countryCode: 'BE', primaryEmail: 'info@bakkerijvisser.nl', customerGroups: [] });
			expect(pub(stored('customers', json.id))).toEqual(json);
		},
	},
	'customer.get': {
		endpoint: 'GET /customers/{customerId}',
		// "By URL" mode: the ID is taken out of a pasted portal URL.
		parameters: (fx) => ({ customerId: rl(`https://manage.mijnklantportaal.nl/customers/${fx.customer.id}/edit`, 'url') }),
		requests: (fx) => [get(`/customers/${fx.customer.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('customers', fx.customer.id))),
	},
	'customer.getAll': listCase('/customers', () => col('customers')),
	'customer.update': {
		endpoint: 'PATCH /customers/{customerId}',
		parameters: (fx) => ({ customerId: rl(fx.customer2.id), updateFields: { city: 'Zwolle', primaryEmail: 'nieuw@example.nl' } }),
		requests: (fx) => [json('PATCH', `/customers/${fx.customer2.id}`, { city: 'Zwolle', primaryEmail: 'nieuw@example.nl' })],
		check: (out, fx) => {
			expect(out[0].json).toMatchObject({ id: fx.customer2.id, city: 'Zwolle', primaryEmail: 'nieuw@example.nl', companyName: fx.customer2.companyName });
			expect(pub(stored('customers', fx.customer2.id))).toEqual(out[0].json);
		},
	},

	// ---- customer groups ----
	'customerGroup.addCustomers': {
		endpoint: 'POST /customer-groups/{customerGroupId}/customers',
		parameters: (fx) => ({
			customerGroupId: rl(fx.group.id),
			customersInputMode: 'fields',
			customers: { items: [{ value: fx.customer.id }, { value: fx.customer2.id }] },
		}),
		requests: (fx) => [json('POST', `/customer-groups/${fx.group.id}/customers`, { customers: [fx.customer.id, fx.customer2.id] })],
		check: (out, fx) => {
			expect(out.map((item) => item.json.id)).toEqual([fx.customer.id, fx.customer2.id]);
			for (const item of out) expect(item.json.customerGroups).toContain(fx.group.id);
		},
	},
	'customerGroup.create': {
		endpoint: 'POST /customer-groups',
		// Optional list given as JSON inside Additional Fields.
		parameters: (fx) => ({ name: 'Nieuwsbrief 2025', additionalFields: { customersJson: JSON.stringify([fx.customer2.id]) } }),
		requests: (fx) => [json('POST', '/customer-groups', { name: 'Nieuwsbrief 2025', customers: [fx.customer2.id] })],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json).toEqual({ id: expect.stringMatching(/^cug_/), name: 'Nieuwsbrief 2025', createdAt: expect.stringMatching(ATOM) });
			expect(stored('customers', fx.customer2.id).customerGroups).toContain(json.id);
		},
	},
	'customerGroup.get': {
		endpoint: 'GET /customer-groups/{customerGroupId}',
		parameters: (fx) => ({ customerGroupId: rl(fx.group.id) }),
		requests: (fx) => [get(`/customer-groups/${fx.group.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('customerGroups', fx.group.id))),
	},
	'customerGroup.getAll': listCase('/customer-groups', () => col('customerGroups')),
	'customerGroup.update': {
		endpoint: 'PATCH /customer-groups/{customerGroupId}',
		parameters: (fx) => ({ customerGroupId: rl(fx.group.id), name: 'VIP klanten 2025' }),
		requests: (fx) => [json('PATCH', `/customer-groups/${fx.group.id}`, { name: 'VIP klanten 2025' })],
		check: (out, fx) => expect(out[0].json).toEqual({ id: fx.group.id, name: 'VIP klanten 2025', createdAt: fx.group.createdAt }),
	},

	// ---- customer invoices ----
	'customerInvoice.create': {
		endpoint: 'POST /customer-invoices',
		parameters: (fx) => ({
			customerId: rl(fx.customer.id),
			invoiceNumber: '2025-0042',
			issuedAt: '2025-04-01',
			amount: 121,
			pdf: 'factuur',
			// An instant in UTC: sent as Amsterdam wall-clock time (summer time, +02:00).
			additionalFields: { paidAt: '2025-04-12T08:00:00Z', sendNotification: true },
		}),
		items: () => [{ json: {}, binary: { factuur: binary(invoicePdf, 'factuur-2025-0042.pdf', 'application/pdf') } }],
		requests: (fx) => [
			multipart(
				'/customer-invoices',
				{
					customerId: fx.customer.id,
					invoiceNumber: '2025-0042',
					issuedAt: '2025-04-01',
					amount: '121.00',
					paidAt: '2025-04-12 10:00:00',
					sendNotification: '1',
				},
				[filePart('pdf', invoicePdf, 'factuur-2025-0042.pdf', 'application/pdf')],
			),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^inv_/);
			expect(json).toMatchObject({
				customerId: fx.customer.id,
				invoiceNumber: '2025-0042',
				issuedAt: '2025-04-01',
				currency: 'EUR',
				amount: '121.00',
				paidAt: '2025-04-12T10:00:00+02:00',
			});
			expect(json.links.customer).toEqual(apiLink(`/customers/${fx.customer.id}`));
			expect(sha256(blobOf(json.id).data)).toBe(sha256(invoicePdf));
		},
	},
	'customerInvoice.createManual': {
		endpoint: 'POST /customer-invoices/manual',
		parameters: (fx) => ({
			customerId: rl(fx.customer.id),
			invoiceNumber: '2025-0043',
			issuedAt: '2025-04-02',
			linesInputMode: 'fields',
			// A comma decimal and a number: both sent as two-decimal strings.
			lines: {
				items: [
					{ description: 'Advies', amountExclVat: '12,95', vatRate: 21 },
					{ description: 'Reiskosten', amountExclVat: 10, vatRate: 9 },
				],
			},
			additionalFields: { sendNotification: false },
		}),
		requests: (fx) => [
			json('POST', '/customer-invoices/manual', {
				customerId: fx.customer.id,
				invoiceNumber: '2025-0043',
				issuedAt: '2025-04-02',
				lines: [
					{ description: 'Advies', amountExclVat: '12.95', vatRate: 21 },
					{ description: 'Reiskosten', amountExclVat: '10.00', vatRate: 9 },
				],
				sendNotification: false,
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^inv_/);
			// 12.95 + 2.72 VAT + 10.00 + 0.90 VAT
			expect(json).toMatchObject({ customerId: fx.customer.id, invoiceNumber: '2025-0043', issuedAt: '2025-04-02', amount: '26.57', paidAt: null });
		},
	},
	'customerInvoice.get': {
		endpoint: 'GET /customer-invoices/{invoiceId}',
		parameters: (fx) => ({ invoiceId: rl(fx.invoice.id) }),
		requests: (fx) => [get(`/customer-invoices/${fx.invoice.id}`)],
		check: (out, fx) => {
			const record = stored('customerInvoices', fx.invoice.id);
			expect(out[0].json).toEqual({
				...pub(record),
				links: {
					customer: apiLink(`/customers/${record.customerId}`),
					onlinePaymentLink: { href: `https://portal.mijnklantportaal.nl/invoices/${record.id}/pay`, type: 'text/html' },
				},
			});
		},
	},
	'customerInvoice.getAll': listCase('/customer-invoices', () => col('customerInvoices'), (r) => ({
		...pub(r),
		links: {
			customer: apiLink(`/customers/${r.customerId}`),
			onlinePaymentLink: { href: `https://portal.mijnklantportaal.nl/invoices/${r.id}/pay`, type: 'text/html' },
		},
	})),
	'customerInvoice.getPdf': {
		endpoint: 'GET /customer-invoices/{invoiceId}/pdf',
		parameters: (fx) => ({ invoiceId: rl(fx.invoice.id), binaryPropertyName: 'invoicePdf' }),
		requests: (fx) => [get(`/customer-invoices/${fx.invoice.id}/pdf`)],
		check: async (out, fx, r) => expectDownload(out, r, blobOf(fx.invoice.id), 'invoicePdf'),
	},
	'customerInvoice.markPaid': {
		endpoint: 'PATCH /customer-invoices/{invoiceId}',
		parameters: (fx) => ({ invoiceId: rl(fx.invoice.id), paidAt: '2025-04-12 10:00:00' }),
		requests: (fx) => [json('PATCH', `/customer-invoices/${fx.invoice.id}`, { paidAt: '2025-04-12 10:00:00' })],
		check: (out, fx) => expect(out[0].json).toMatchObject({ id: fx.invoice.id, paidAt: '2025-04-12T10:00:00+02:00', amount: fx.invoice.amount }),
	},

	// ---- customer offers ----
	'customerOffer.create': {
		endpoint: 'POST /customer-offers',
		parameters: (fx) => ({
			customerId: rl(fx.customer.id),
			offerNumber: 'OFF-2025-7',
			issuedAt: '2025-04-01',
			expiresAt: '2025-05-01',
			amount: '1500',
			additionalFields: {
				pdf: 'offerte',
				sendNotification: false,
				acceptedAt: '2025-04-03 09:15:00',
				acceptedViaIp: '85.144.1.2',
				acceptedViaUserAgent: 'Mozilla/5.0',
			},
		}),
		items: () => [{ json: {}, binary: { offerte: binary(offerPdf, 'offerte-OFF-2025-7.pdf', 'application/pdf') } }],
		requests: (fx) => [
			multipart(
				'/customer-offers',
				{
					customerId: fx.customer.id,
					offerNumber: 'OFF-2025-7',
					issuedAt: '2025-04-01',
					expiresAt: '2025-05-01',
					amount: '1500.00',
					sendNotification: '0',
					acceptedAt: '2025-04-03 09:15:00',
					acceptedViaIp: '85.144.1.2',
					acceptedViaUserAgent: 'Mozilla/5.0',
				},
				[filePart('pdf', offerPdf, 'offerte-OFF-2025-7.pdf', 'application/pdf')],
			),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^off_/);
			expect(json).toMatchObject({
				customerId: fx.customer.id,
				offerNumber: 'OFF-2025-7',
				amount: '1500.00',
				acceptedAt: '2025-04-03T09:15:00+02:00',
				acceptedViaIp: '85.144.1.2',
				acceptedViaUserAgent: 'Mozilla/5.0',
				rejectedAt: null,
			});
			expect(sha256(blobOf(json.id).data)).toBe(sha256(offerPdf));
		},
	},
	'customerOffer.createManual': {
		endpoint: 'POST /customer-offers/manual',
		parameters: (fx) => ({
			customerId: rl(fx.customer.id),
			offerNumber: 'OFF-2025-8',
			issuedAt: '2025-04-01',
			expiresAt: '2025-04-30',
			linesInputMode: 'json',
			linesJson: '[{"description":"Tuinontwerp","amountExclVat":"750","vatRate":21}]',
		}),
		requests: (fx) => [
			json('POST', '/customer-offers/manual', {
				customerId: fx.customer.id,
				offerNumber: 'OFF-2025-8',
				issuedAt: '2025-04-01',
				expiresAt: '2025-04-30',
				lines: [{ description: 'Tuinontwerp', amountExclVat: '750.00', vatRate: 21 }],
			}),
		],
		check: (out) => expect(out[0].json).toMatchObject({ id: expect.stringMatching(/^off_/), offerNumber: 'OFF-2025-8', amount: '907.50', acceptedAt: null }),
	},
	'customerOffer.get': {
		endpoint: 'GET /customer-offers/{offerId}',
		parameters: (fx) => ({ offerId: rl(fx.offer.id) }),
		requests: (fx) => [get(`/customer-offers/${fx.offer.id}`)],
		check: (out, fx) => {
			const record = stored('customerOffers', fx.offer.id);
			expect(out[0].json).toEqual({ ...pub(record), links: { customer: apiLink(`/customers/${record.customerId}`) } });
		},
	},
	'customerOffer.getAll': listCase('/customer-offers', () => col('customerOffers'), (r) => ({ ...pub(r), links: { customer: apiLink(`/customers/${r.customerId}`) } })),
	'customerOffer.markAcceptedOrRejected': {
		endpoint: 'PATCH /customer-offers/{offerId}',
		parameters: (fx) => ({ offerId: rl(fx.offer.id), updateFields: { rejectedAt: '2025-04-20T16:00:00' } }),
		requests: (fx) => [json('PATCH', `/customer-offers/${fx.offer.id}`, { rejectedAt: '2025-04-20 16:00:00' })],
		check: (out, fx) => expect(out[0].json).toMatchObject({ id: fx.offer.id, rejectedAt: '2025-04-20T16:00:00+02:00', acceptedAt: null }),
	},

	// ---- customer subscriptions ----
	'customerSubscription.create': {
		endpoint: 'POST /customer-subscriptions',
		parameters: (fx) => ({
			customerId: rl(fx.customer.id),
			description: 'Onderhoud',
			startDate: '2025-01-01',
			interval: '1 month',
			amount: '29.95',
			vatRate: 21,
			additionalFields: {
				createInvoice: true,
				invoiceDescription: 'Onderhoud per maand',
				createPayment: true,
				paymentIntegrationMandateId: 'mdt_abc123',
				followUpFailedPayment: true,
			},
		}),
		requests: (fx) => [
			json('POST', '/customer-subscriptions', {
				customerId: fx.customer.id,
				description: 'Onderhoud',
				startDate: '2025-01-01',
				interval: '1 month',
				amount: '29.95',
				vatRate: 21,
				createInvoice: true,
				invoiceDescription: 'Onderhoud per maand',
				createPayment: true,
				paymentIntegrationMandateId: 'mdt_abc123',
				followUpFailedPayment: true,
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^sub_/);
			expect(json).toMatchObject({ customerId: fx.customer.id, description: 'Onderhoud', startsAt: '2025-01-01', interval: '1 month', amount: '29.95', vatRate: 21 });
			expect(json.options).toEqual({
				createInvoice: true,
				createPayment: true,
				invoiceDescription: 'Onderhoud per maand',
				paymentIntegration: 'mollie',
				paymentIntegrationMandateId: 'mdt_abc123',
				followUpFailedPayment: true,
			});
		},
	},
	'customerSubscription.get': {
		endpoint: 'GET /customer-subscriptions/{subscriptionId}',
		parameters: (fx) => ({ subscriptionId: rl(fx.subscription.id) }),
		requests: (fx) => [get(`/customer-subscriptions/${fx.subscription.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('customerSubscriptions', fx.subscription.id))),
	},
	'customerSubscription.getAll': listCase('/customer-subscriptions', () => col('customerSubscriptions')),
	'customerSubscription.update': {
		endpoint: 'PATCH /customer-subscriptions/{subscriptionId}',
		parameters: (fx) => ({ subscriptionId: rl(fx.subscription.id), updateFields: { amount: 39.95, terminatedAt: '2025-12-31 23:59:59' } }),
		requests: (fx) => [json('PATCH', `/customer-subscriptions/${fx.subscription.id}`, { amount: '39.95', terminatedAt: '2025-12-31 23:59:59' })],
		check: (out, fx) => expect(out[0].json).toMatchObject({ id: fx.subscription.id, amount: '39.95', status: 'terminated', terminatedAt: '2025-12-31T23:59:59+01:00' }),
	},

	// ---- customer subscription packages ----
	'customerSubscriptionPackage.create': {
		endpoint: 'POST /customer-subscription-packages',
		parameters: () => ({
			name: 'Hosting Pro',
			interval: '1 year',
			amount: '240',
			vatRate: 21,
			additionalFields: { description: 'Webhosting met back-ups', availableForSale: true },
		}),
		requests: () => [
			json('POST', '/customer-subscription-packages', {
				name: 'Hosting Pro',
				interval: '1 year',
				amount: '240.00',
				vatRate: 21,
				description: 'Webhosting met back-ups',
				availableForSale: true,
			}),
		],
		check: (out) =>
			expect(out[0].json).toEqual({
				id: expect.stringMatching(/^spg_/),
				name: 'Hosting Pro',
				description: 'Webhosting met back-ups',
				interval: '1 year',
				currency: 'EUR',
				amount: '240.00',
				vatRate: 21,
				availableForSale: true,
			}),
	},
	'customerSubscriptionPackage.get': {
		endpoint: 'GET /customer-subscription-packages/{packageId}',
		parameters: (fx) => ({ packageId: rl(fx.pkg.id) }),
		requests: (fx) => [get(`/customer-subscription-packages/${fx.pkg.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(fx.pkg)),
	},
	'customerSubscriptionPackage.getAll': listCase('/customer-subscription-packages', () => col('customerSubscriptionPackages')),
	'customerSubscriptionPackage.signUpCustomer': {
		endpoint: 'POST /customer-subscription-packages/{packageId}/sign-up',
		parameters: (fx) => ({
			packageId: rl(fx.pkg.id),
			customerId: rl(fx.customer2.id),
			startDate: '2025-02-01',
			additionalFields: { mandateId: 'mdt_xyz789', createInvoice: true, invoiceText: 'Abonnement' },
		}),
		requests: (fx) => [
			json('POST', `/customer-subscription-packages/${fx.pkg.id}/sign-up`, {
				customerId: fx.customer2.id,
				startDate: '2025-02-01',
				mandateId: 'mdt_xyz789',
				createInvoice: true,
				invoiceText: 'Abonnement',
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^sub_/);
			expect(json).toMatchObject({ customerId: fx.customer2.id, description: fx.pkg.name, startsAt: '2025-02-01', interval: fx.pkg.interval, amount: fx.pkg.amount });
			expect(json.options).toMatchObject({ createInvoice: true, invoiceDescription: 'Abonnement', paymentIntegrationMandateId: 'mdt_xyz789' });
		},
	},
	'customerSubscriptionPackage.signUpNonCustomer': {
		endpoint: 'POST /customer-subscription-packages/{packageId}/sign-up/',
		parameters: (fx) => ({
			packageId: rl(fx.pkg.id),
			companyName: 'Fietsenmaker Smit',
			address: 'Molenweg 12',
			zipCode: '8011 AB',
			city: 'Zwolle',
			email: 'info@fietsenmakersmit.nl',
		}),
		// The trailing slash is what tells this route from Sign Up Customer.
		requests: (fx) => [
			json('POST', `/customer-subscription-packages/${fx.pkg.id}/sign-up/`, {
				companyName: 'Fietsenmaker Smit',
				address: 'Molenweg 12',
				zipCode: '8011 AB',
				city: 'Zwolle',
				email: 'info@fietsenmakersmit.nl',
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json).toEqual({
				id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
				paymentLink: expect.stringMatching(/^https:\/\/www\.mollie\.com\/checkout\//),
				expiresAt: expect.stringMatching(ATOM),
			});
			const pending = (mock.store as unknown as { pendingSignUps: Map<string, Rec> }).pendingSignUps.get(json.id);
			expect(pending).toMatchObject({ packageId: fx.pkg.id, companyName: 'Fietsenmaker Smit', email: 'info@fietsenmakersmit.nl' });
		},
	},

	// ---- files ----
	'file.createDirectory': {
		endpoint: 'POST /files',
		parameters: (fx) => ({ name: 'Contracten 2025', additionalFields: { directory: fx.directory.id } }),
		requests: (fx) => [json('POST', '/files', { name: 'Contracten 2025' }, { directory: fx.directory.id })],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json).toEqual({ id: expect.stringMatching(/^fsd_/), type: 'directory', name: 'Contracten 2025', size: null, mime: null, fileShareId: null, createdAt: expect.stringMatching(ATOM) });
			expect(stored('files', json.id)._parentId).toBe(fx.directory.id);
		},
	},
	'file.download': {
		endpoint: 'GET /files/{fileId}/download',
		parameters: (fx) => ({ fileId: fx.file.id }),
		requests: (fx) => [get(`/files/${fx.file.id}/download`)],
		check: async (out, fx, r) => expectDownload(out, r, blobOf(fx.file.id)),
	},
	'file.get': {
		endpoint: 'GET /files/{fileOrDirId}',
		parameters: (fx) => ({ fileOrDirId: fx.directory.id }),
		requests: (fx) => [get(`/files/${fx.directory.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('files', fx.directory.id))),
	},
	'file.upload': {
		endpoint: 'POST /files',
		parameters: (fx) => ({ file: 'report', additionalFields: { directory: fx.directory.id } }),
		items: () => [{ json: { name: 'jaarverslag' }, binary: { report: binary(reportPdf, 'jaarverslag 2024.pdf', 'application/pdf') } }],
		requests: (fx) => [multipart('/files', {}, [filePart('file', reportPdf, 'jaarverslag 2024.pdf', 'application/pdf')], { directory: fx.directory.id })],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json).toEqual({
				id: expect.stringMatching(/^fsf_/),
				type: 'file',
				name: 'jaarverslag 2024.pdf',
				size: reportPdf.length,
				mime: 'application/pdf',
				fileShareId: null,
				createdAt: expect.stringMatching(ATOM),
			});
			expect(stored('files', json.id)._parentId).toBe(fx.directory.id);
			expect(sha256(blobOf(json.id).data)).toBe(sha256(reportPdf));
		},
	},

	// ---- file requests ----
	'fileRequest.create': {
		endpoint: 'POST /file-requests',
		parameters: (fx) => ({
			name: 'Documenten hypotheek',
			requestedFilesInputMode: 'json',
			requestedFilesJson: JSON.stringify([
				{ name: 'Loonstrook', description: 'Meest recente maand', required: true, maxFileSize: 10240 },
				{ name: 'Kopie ID', required: false },
			]),
			additionalFields: { description: 'Graag uploaden', customerId: rl(fx.customer.id), directoryId: fx.directory.id },
		}),
		requests: (fx) => [
			json('POST', '/file-requests', {
				name: 'Documenten hypotheek',
				requestedFiles: [
					{ name: 'Loonstrook', description: 'Meest recente maand', required: true, maxFileSize: 10240 },
					{ name: 'Kopie ID', required: false },
				],
				description: 'Graag uploaden',
				customerId: fx.customer.id,
				directoryId: fx.directory.id,
			}),
		],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^frq_/);
			expect(json).toMatchObject({ name: 'Documenten hypotheek', description: 'Graag uploaden', customerId: fx.customer.id, directoryId: fx.directory.id, completedAt: null });
			expect(json.requestedFiles.map((r: Rec) => [r.name, r.required, r.maxFileSize])).toEqual([
				['Loonstrook', true, 10240],
				['Kopie ID', false, null],
			]);
			expect(json.links).toEqual({ customer: apiLink(`/customers/${fx.customer.id}`), publicRequest: null });
		},
	},
	'fileRequest.get': {
		endpoint: 'GET /file-requests/{requestId}',
		parameters: (fx) => ({ requestId: rl(fx.fileRequest.id) }),
		requests: (fx) => [get(`/file-requests/${fx.fileRequest.id}`)],
		check: (out, fx) => {
			expect(out[0].json).toMatchObject(pub(fx.fileRequest));
			expect(Object.keys(out[0].json).sort()).toEqual([...Object.keys(pub(fx.fileRequest)), 'links'].sort());
		},
	},
	'fileRequest.getAll': listCase('/file-requests', () => col('fileRequests'), (r) => ({
		...pub(r),
		links: {
			customer: r.customerId ? apiLink(`/customers/${r.customerId}`) : null,
			publicRequest: r.customerId ? null : { href: `https://demo.mijnklantportaal.nl/file-request/${r.id}`, type: 'text/html' },
		},
	})),

	// ---- file shares ----
	'fileShare.create': {
		endpoint: 'POST /file-shares',
		parameters: (fx) => ({
			contentInputMode: 'fields',
			content: { items: [{ value: fx.file.id }, { value: fx.directory.id }] },
			additionalFields: { customerId: rl(fx.customer2.id) },
		}),
		requests: (fx) => [json('POST', '/file-shares', { content: [fx.file.id, fx.directory.id], customerId: fx.customer2.id })],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^fss_/);
			expect(json.sharedWithCustomerId).toBe(fx.customer2.id);
			expect(json.sharedContent.map((c: Rec) => c.id)).toEqual([fx.file.id, fx.directory.id]);
			expect(json.links).toEqual({ customer: apiLink(`/customers/${fx.customer2.id}`), publicShare: null });
		},
	},
	'fileShare.getAll': {
		...listCase('/file-shares', () => col('fileShares')),
		check: (out) => {
			const expected = col('fileShares');
			expect(out.map((item) => item.json.id)).toEqual(expected.map((r) => r.id));
			expect(out.map((item) => item.json.sharedWithCustomerId)).toEqual(expected.map((r) => r.sharedWithCustomerId));
			expect(out.map((item) => (item.json.sharedContent as Rec[]).map((c) => c.id))).toEqual(expected.map((r) => r._content.filter((id: string) => stored('files', id))));
		},
	},

	// ---- MijnKlantportaal invoices ----
	'mkpInvoice.get': {
		endpoint: 'GET /invoices/{invoiceId}',
		parameters: (fx) => ({ invoiceId: rl(fx.mkpInvoice.id) }),
		requests: (fx) => [get(`/invoices/${fx.mkpInvoice.id}`)],
		check: (out, fx) => {
			expect(out[0].json).toEqual(pub(fx.mkpInvoice));
			// Numbers here, unlike every other resource.
			expect(typeof out[0].json.totalAmount).toBe('number');
		},
	},
	'mkpInvoice.getAll': listCase('/invoices', () => col('mkpInvoices')),

	// ---- payment links ----
	'paymentLink.close': {
		endpoint: 'DELETE /payment-links/{linkId}',
		parameters: (fx) => ({ linkId: rl(fx.openLink.id) }),
		requests: (fx) => [bodiless('DELETE', `/payment-links/${fx.openLink.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual({ ...pub(fx.openLink), status: 'closed', checkoutUrl: null }),
	},
	'paymentLink.create': {
		endpoint: 'POST /payment-links',
		parameters: () => ({ description: 'Workshop fotografie', amount: '45', additionalFields: { expiresAt: '2099-12-31', reusable: true } }),
		requests: () => [json('POST', '/payment-links', { description: 'Workshop fotografie', amount: '45.00', expiresAt: '2099-12-31', reusable: true })],
		check: (out) => {
			const json = out[0].json as Rec;
			expect(json).toEqual({
				id: expect.stringMatching(/^plk_/),
				description: 'Workshop fotografie',
				currency: 'EUR',
				amount: '45.00',
				reusable: true,
				expiresAt: '2099-12-31T23:59:59+01:00',
				status: 'open',
				checkoutUrl: `https://demo.mijnklantportaal.nl/payment-link/${json.id}`,
				createdAt: expect.stringMatching(ATOM),
			});
		},
	},
	'paymentLink.get': {
		endpoint: 'GET /payment-links/{linkId}',
		parameters: (fx) => ({ linkId: rl(fx.paidLink.id) }),
		requests: (fx) => [get(`/payment-links/${fx.paidLink.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('paymentLinks', fx.paidLink.id))),
	},
	'paymentLink.getAll': listCase('/payment-links', () => col('paymentLinks')),
	'paymentLink.getPayments': subListCase(
		'GET /payment-links/{linkId}/payments',
		(fx) => `/payment-links/${fx.paidLink.id}/payments`,
		(fx) => ({ linkId: rl(fx.paidLink.id) }),
		(fx) => col('paymentLinkPayments').filter((p) => p.paymentLinkId === fx.paidLink.id),
	),

	// ---- punch cards ----
	'punchCard.create': {
		endpoint: 'POST /punch-cards',
		parameters: () => ({
			name: 'Lessenkaart',
			punches: 10,
			punchLabel: 'lessen',
			additionalFields: { description: 'Tien lessen', forSale: true, price: '99.5', vatRate: 21, expiryValue: 6, expirePeriod: 'months' },
		}),
		requests: () => [
			json('POST', '/punch-cards', {
				name: 'Lessenkaart',
				punches: 10,
				punchLabel: 'lessen',
				description: 'Tien lessen',
				forSale: true,
				price: '99.50',
				vatRate: 21,
				expiryValue: 6,
				expirePeriod: 'months',
			}),
		],
		check: (out) =>
			expect(out[0].json).toEqual({
				id: expect.stringMatching(/^pcd_/),
				name: 'Lessenkaart',
				description: 'Tien lessen',
				punches: 10,
				punchLabel: 'lessen',
				forSale: true,
				price: '99.50',
				vatRate: 21,
				expiryValue: 6,
				expiryPeriode: 'months',
				createdAt: expect.stringMatching(ATOM),
			}),
	},
	'punchCard.get': {
		endpoint: 'GET /punch-cards/{punchCardId}',
		parameters: (fx) => ({ punchCardId: rl(fx.punchCard.id) }),
		requests: (fx) => [get(`/punch-cards/${fx.punchCard.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('punchCards', fx.punchCard.id))),
	},
	'punchCard.getAll': listCase('/punch-cards', () => col('punchCards')),
	'punchCard.getIssued': {
		endpoint: 'GET /punch-cards/{punchCardId}/issued/{issuedPunchCardId}',
		parameters: (fx) => ({ punchCardId: rl(fx.punchCard.id), issuedPunchCardId: fx.issued.id }),
		requests: (fx) => [get(`/punch-cards/${fx.punchCard.id}/issued/${fx.issued.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(stored('issuedPunchCards', fx.issued.id))),
	},
	'punchCard.getManyIssued': subListCase(
		'GET /punch-cards/{punchCardId}/issued',
		(fx) => `/punch-cards/${fx.punchCard.id}/issued`,
		(fx) => ({ punchCardId: rl(fx.punchCard.id) }),
		(fx) => col('issuedPunchCards').filter((i) => i.punchCardId === fx.punchCard.id),
	),
	'punchCard.issue': {
		endpoint: 'POST /punch-cards/{punchCardId}/issued',
		parameters: (fx) => ({ punchCardId: rl(fx.punchCard.id), customerId: rl(fx.customer.id) }),
		requests: (fx) => [json('POST', `/punch-cards/${fx.punchCard.id}/issued`, { customerId: fx.customer.id })],
		check: (out, fx) =>
			expect(out[0].json).toMatchObject({
				id: expect.stringMatching(/^pcb_/),
				punchCardId: fx.punchCard.id,
				customerId: fx.customer.id,
				punchesLeft: stored('punchCards', fx.punchCard.id).punches,
				status: 'active',
			}),
	},
	'punchCard.stamp': {
		endpoint: 'POST /punch-cards/{punchCardId}/issued/{issuedPunchCardId}/stamp',
		parameters: (fx) => ({ punchCardId: rl(fx.punchCard.id), issuedPunchCardId: fx.issued.id, stamps: 2 }),
		requests: (fx) => [json('POST', `/punch-cards/${fx.punchCard.id}/issued/${fx.issued.id}/stamp`, { stamps: 2 })],
		// The fixture card starts with 5 punches.
		check: (out, fx) => expect(out[0].json).toMatchObject({ id: fx.issued.id, punchesLeft: 3, status: 'active' }),
	},
	'punchCard.update': {
		endpoint: 'PATCH /punch-cards/{punchCardId}',
		parameters: (fx) => ({ punchCardId: rl(fx.punchCard.id), forSale: true, additionalFields: { price: 15, vatRate: 9 } }),
		requests: (fx) => [json('PATCH', `/punch-cards/${fx.punchCard.id}`, { forSale: true, price: '15.00', vatRate: 9 })],
		check: (out, fx) => expect(out[0].json).toMatchObject({ id: fx.punchCard.id, forSale: true, price: '15.00', vatRate: 9 }),
	},

	// ---- tickets ----
	'ticket.addMessage': {
		endpoint: 'POST /tickets/{ticketId}',
		parameters: (fx) => ({ ticketId: rl(fx.ticket.id), message: '<p>We kijken ernaar.</p>' }),
		requests: (fx) => [json('POST', `/tickets/${fx.ticket.id}`, { message: '<p>We kijken ernaar.</p>' })],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json).toMatchObject({ id: fx.ticket.id, status: 'open' });
			expect(json.messages[json.messages.length - 1]).toMatchObject({ message: '<p>We kijken ernaar.</p>', isPostedByCustomer: false });
		},
	},
	'ticket.close': {
		endpoint: 'PATCH /tickets/{ticketId}',
		parameters: (fx) => ({ ticketId: rl(fx.ticket.id) }),
		// No body: the API documents none.
		requests: (fx) => [bodiless('PATCH', `/tickets/${fx.ticket.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual({ ...pub(stored('tickets', fx.ticket.id)), status: 'closed' }),
	},
	'ticket.get': {
		endpoint: 'GET /tickets/{ticketId}',
		parameters: (fx) => ({ ticketId: rl(fx.ticket.id) }),
		requests: (fx) => [get(`/tickets/${fx.ticket.id}`)],
		check: (out, fx) => {
			expect(out[0].json).toEqual(pub(stored('tickets', fx.ticket.id)));
			expect(Array.isArray(out[0].json.messages)).toBe(true);
		},
	},
	'ticket.getAll': listCase('/tickets', () => col('tickets'), (t) => ({
		id: t.id,
		customerId: t.customerId,
		title: t.title,
		source: t.source,
		status: t.status,
		createdAt: t.createdAt,
	})),

	// ---- webhooks ----
	'webhook.create': {
		endpoint: 'POST /webhooks',
		parameters: () => ({ url: 'https://example.com/hooks/mkp', type: 'invoice-paid' }),
		requests: () => [json('POST', '/webhooks', { url: 'https://example.com/hooks/mkp', type: 'invoice-paid' })],
		check: (out) =>
			expect(out[0].json).toEqual({
				id: expect.stringMatching(/^wbh_/),
				type: 'invoice-paid',
				url: 'https://example.com/hooks/mkp',
				secret: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
				createdAt: expect.stringMatching(ATOM),
			}),
	},
	'webhook.get': {
		endpoint: 'GET /webhooks/{webhookId}',
		parameters: (fx) => ({ webhookId: rl(fx.webhook.id) }),
		requests: (fx) => [get(`/webhooks/${fx.webhook.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(fx.webhook)),
	},
	'webhook.getAll': listCase('/webhooks', () => col('webhooks')),
};

const operationKeys = resources.flatMap((resource) => resource.operations.map((operation) => `${resource.value}.${operation.value}`));

function fixtures(): Fixtures {
	const first = (name: string, predicate: (r: Rec) => boolean = () => true) => {
		const found = col(name).find(predicate);
		if (!found) throw new Error(`No ${name} record fits the fixture`);
		return found;
	};
	const punchCard = first('punchCards');
	return {
		customer: first('customers'),
		customer2: col('customers')[1],
		group: first('customerGroups'),
		agreement: first('agreements', (a) => a.documents.length > 0),
		appointment: first('appointments'),
		invoice: first('customerInvoices', (i) => mock.store.blobs.has(i.id)),
		offer: first('customerOffers', (o) => o.acceptedAt === null && o.rejectedAt === null),
		subscription: first('customerSubscriptions', (s) => s.status !== 'terminated'),
		pkg: first('customerSubscriptionPackages'),
		file: first('files', (x) => x.type === 'file' && mock.store.blobs.has(x.id)),
		directory: first('files', (x) => x.type === 'directory'),
		fileRequest: first('fileRequests'),
		mkpInvoice: first('mkpInvoices'),
		openLink: first('paymentLinks', (l) => l.status === 'open' && (l.expiresAt === null || Date.parse(l.expiresAt) > Date.now())),
		paidLink: first('paymentLinks', (l) => col('paymentLinkPayments').some((p) => p.paymentLinkId === l.id)),
		punchCard,
		// A card of our own, so its punches are known.
		issued: mock.store.create('issuedPunchCards', {
			punchCardId: punchCard.id,
			customerId: col('customers')[2].id,
			punchesLeft: 5,
			status: 'active',
			expiresAt: null,
			_expiresAtMs: null,
		}),
		ticket: first('tickets', (t) => t.source !== 'chat'),
		webhook: first('webhooks'),
	};
}

beforeAll(async () => {
	mock = await startMock({ records: 20 });
	f = fixtures();
});

afterAll(async () => mock.close());

describe('every operation against the mock', () => {
	for (const key of Object.keys(CASES)) {
		it(key, async () => {
			const testCase = CASES[key];
			const [resource, operation] = key.split('.');
			// Simplify off: the cases compare whole records (output-schemas.test.cts covers Simplify).
			const r = await run(mock, { resource, operation, simplify: false, ...testCase.parameters(f) }, { items: testCase.items?.(f) });
			expect(r.error?.message).toBeUndefined();
			expect(r.api.map(summary)).toEqual(testCase.requests(f));
			for (const entry of r.api) {
				expect(entry.credential).toBe('apiKey:key_1');
				expect(entry.authHeader).toBe('authorization');
			}
			// Only cloud-file operations touch the storage (their cases check that request).
			const description = resources.find((x) => x.value === resource)!.operations.find((x) => x.value === operation)!;
			if (description.response !== 'cloudFile') expect(r.storage).toEqual([]);
			expect(r.items.length).toBeGreaterThan(0);
			for (const item of r.items) expect(item.pairedItem).toEqual({ item: 0 });
			await testCase.check(r.items, f, r);
			// The output schema the build ships for this operation describes these items exactly.
			expect(schemaErrors(operationValidator(resource, operation, { strict: true, simplify: false }), r.items)).toEqual([]);
		});
	}
});

describe('API Request', () => {
	it('sends a custom PATCH with a JSON body and query parameters', async () => {
		const r = await run(mock, {
			resource: 'apiRequest',
			operation: 'send',
			method: 'PATCH',
			path: `/customers/${f.customer.id}`,
			query: { items: [{ name: 'include', value: 'groups' }] },
			jsonBody: '{"city":"Delft"}',
		});
		expect(r.error?.message).toBeUndefined();
		expect(r.api.map(summary)).toEqual([json('PATCH', `/customers/${f.customer.id}`, { city: 'Delft' }, { include: 'groups' })]);
		expect(r.items).toEqual([{ json: pub(stored('customers', f.customer.id)), pairedItem: { item: 0 } }]);
		expect(r.items[0].json.city).toBe('Delft');
	});

	it('follows the pages of a GET list up to the limit', async () => {
		const r = await run(mock, { resource: 'apiRequest', operation: 'send', method: 'GET', path: '/customers', paginate: true, limit: 17 });
		expect(r.error?.message).toBeUndefined();
		expect(r.api.map(summary)).toEqual([get('/customers'), get('/customers', { page: '2' })]);
		expect(r.items.map((item) => item.json.id)).toEqual(col('customers').slice(0, 17).map((c) => c.id));
		for (const item of r.items) expect(item.pairedItem).toEqual({ item: 0 });
	});
});

describe('coverage', () => {
	it('has a case for every operation of every resource, on the documented endpoint', () => {
		const covered = operationKeys.filter((key) => CASES[key]);
		const missing = operationKeys.filter((key) => !CASES[key]);
		// eslint-disable-next-line no-console
		console.log(`coverage ${covered.length}/${operationKeys.length}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`);
		expect(missing).toEqual([]);
		expect(Object.keys(CASES).filter((key) => !operationKeys.includes(key))).toEqual([]);
		expect(operationKeys).toHaveLength(68);

		// Each case's endpoint is the operation's own method and path...
		for (const resource of resources) {
			for (const operation of resource.operations) {
				expect(`${resource.value}.${operation.value} ${CASES[`${resource.value}.${operation.value}`].endpoint}`).toBe(
					`${resource.value}.${operation.value} ${operation.method} ${operation.path}`,
				);
			}
		}
		// ...and together they are exactly the 67 documented REST endpoints.
		const documented = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../shared/mkp-api/endpoints.json'), 'utf8')) as Rec[])
			.filter((endpoint) => endpoint.resource !== 'oauth')
			.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
		expect(documented).toHaveLength(67);
		expect([...new Set(Object.values(CASES).map((c) => c.endpoint))].sort()).toEqual([...documented].sort());
	});
});
