// 422s per field type (Laravel shape: `errors: {field: [message]}`) and 404s for unknown path IDs.
import { startMock, client, Mock } from './resources-helpers.cjs';

let mock: Mock;
let call: ReturnType<typeof client>;
let customerId: string;

beforeAll(async () => {
	mock = await startMock({ records: 2 });
	call = client(mock);
	customerId = mock.store.collection('customers').all()[0].id;
});
afterAll(() => mock?.close());

const customer = { companyName: 'Visser B.V.', address: 'Kerkstraat 1', zipCode: '1234 AB', city: 'Utrecht', primaryEmail: 'info@visser.nl' };
const subscription = () => ({ customerId, description: 'Onderhoud', startDate: '2025-01-01', interval: '1 month', amount: '29.95', vatRate: 21 });

/** Sends `json` and expects a 422 whose `errors` has exactly `fields` (in any order). */
async function rejects(method: string, path: string, json: unknown, fields: string[]) {
	const reply = await call(method, path, { json });
	expect(reply.status).toBe(422);
	expect(reply.body.code).toBe(422);
	expect(typeof reply.body.message).toBe('string');
	expect(Object.keys(reply.body.errors).sort()).toEqual([...fields].sort());
	for (const field of fields) {
		expect(Array.isArray(reply.body.errors[field])).toBe(true);
		expect(typeof reply.body.errors[field][0]).toBe('string');
	}
	return reply.body;
}

describe('required fields', () => {
	test('every missing required customer field is reported, with the Laravel wording', async () => {
		const body = await rejects('POST', '/customers', {}, ['companyName', 'address', 'zipCode', 'city', 'primaryEmail']);
		expect(body.errors.companyName).toEqual(['The company name field is required.']);
		expect(body.message).toBe('The company name field is required. (and 4 more errors)');
	});

	test('empty strings count as missing', async () => {
		await rejects('POST', '/customers', { ...customer, city: '' }, ['city']);
	});

	test('PATCH customer needs at least one field', async () => {
		const body = await rejects('PATCH', `/customers/${customerId}`, {}, ['companyName', 'address', 'zipCode', 'city', 'primaryEmail', 'countryCode']);
		expect(body.errors.city[0]).toMatch(/required when none of/);
		const ok = await call('PATCH', `/customers/${customerId}`, { json: { zipCode: '9999 ZZ' } });
		expect(ok.status).toBe(200);
		expect(ok.body.zipCode).toBe('9999 ZZ');
	});

	test('appointments need attendeeName and attendeeEmail only without customerId', async () => {
		const base = { name: 'Intake', startsAt: '2025-03-05 14:30', endsAt: '2025-03-05 15:00' };
		await rejects('POST', '/appointments', base, ['attendeeName', 'attendeeEmail']);
		const ok = await call('POST', '/appointments', { json: { ...base, customerId } });
		expect(ok.status).toBe(200);
		const owner = mock.store.collection('customers').get(customerId);
		expect(ok.body).toMatchObject({ customerId, attendeeName: owner.companyName, attendeeEmail: owner.primaryEmail, status: 'scheduled' });
		expect(ok.body).not.toHaveProperty('name');
	});

	test('punch-card price and vatRate are required only when forSale is true', async () => {
		const card = { name: 'Knipkaart', punches: 10, punchLabel: 'knipbeurten' };
		await rejects('POST', '/punch-cards', { ...card, forSale: true }, ['price', 'vatRate']);
		const ok = await call('POST', '/punch-cards', { json: { ...card, forSale: false } });
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ forSale: false, price: null, vatRate: null, expiryValue: null, expiryPeriode: null });
		await rejects('PATCH', `/punch-cards/${ok.body.id}`, { price: '10.00' }, ['forSale']);
		await rejects('PATCH', `/punch-cards/${ok.body.id}`, { forSale: true }, ['price', 'vatRate']);
	});
});

describe('formats and enums', () => {
	test('email', async () => {
		const body = await rejects('POST', '/customers', { ...customer, primaryEmail: 'not-an-email' }, ['primaryEmail']);
		expect(body.errors.primaryEmail).toEqual(['The primary email field must be a valid email address.']);
	});

	test('countryCode: ISO alpha-2, defaulting to NL', async () => {
		await rejects('POST', '/customers', { ...customer, countryCode: 'NLD' }, ['countryCode']);
		await rejects('POST', '/customers', { ...customer, countryCode: 'N1' }, ['countryCode']);
		expect((await call('POST', '/customers', { json: customer })).body.countryCode).toBe('NL');
		expect((await call('POST', '/customers', { json: { ...customer, countryCode: 'be' } })).body.countryCode).toBe('BE');
	});

	test('dates are YYYY-mm-dd (and real calendar days)', async () => {
		for (const startDate of ['01-01-2025', '2025-1-1', '2025-02-30', '2025-01-01 00:00:00']) {
			const body = await rejects('POST', '/customer-subscriptions', { ...subscription(), startDate }, ['startDate']);
			expect(body.errors.startDate).toEqual(['The start date field must match the format Y-m-d.']);
		}
	});

	test('datetimes are YYYY-mm-dd HH:mm:ss; appointments also take Y-m-d H:i', async () => {
		const invoice = mock.store.collection('customerInvoices').all()[0];
		for (const paidAt of ['2025-04-12', '2025-04-12T10:00:00+02:00', '2025-04-12 10:00', '2025-04-12 25:00:00']) {
			await rejects('PATCH', `/customer-invoices/${invoice.id}`, { paidAt }, ['paidAt']);
		}
		await rejects('PATCH', `/customer-invoices/${invoice.id}`, {}, ['paidAt']);
		const base = { name: 'Intake', customerId };
		await rejects('POST', '/appointments', { ...base, startsAt: '2025-03-05T14:30', endsAt: '2025-03-05 15:00' }, ['startsAt']);
		await rejects('POST', '/appointments', { ...base, startsAt: '2025-03-05 14:30', endsAt: '2025-03-05 14:30:00' }, ['endsAt']);
		const ok = await call('POST', '/appointments', { json: { ...base, startsAt: '2025-03-05 14:30', endsAt: '2025-03-05 15:00:00' } });
		expect(ok.body.startsAt).toBe('2025-03-05T14:30:00+01:00');
		expect(ok.body.endsAt).toBe('2025-03-05T15:00:00+01:00');
	});

	test('money: decimal strings with at most 2 decimals; JSON numbers are taken and stored as strings', async () => {
		for (const amount of ['12.951', '12,95', 'abc', '€12', 12.951, true]) {
			await rejects('POST', '/customer-subscriptions', { ...subscription(), amount }, ['amount']);
		}
		const asNumber = await call('POST', '/customer-subscriptions', { json: { ...subscription(), amount: 12.5 } });
		expect(asNumber.status).toBe(200);
		expect(asNumber.body.amount).toBe('12.50');
		const asString = await call('POST', '/customer-subscriptions', { json: { ...subscription(), amount: '7' } });
		expect(asString.body.amount).toBe('7.00');
		await rejects('POST', '/payment-links', { description: 'Nul', amount: '0.00' }, ['amount']);
	});

	test('interval enum', async () => {
		for (const interval of ['1 week', '3 months', 'monthly', '1 Month']) {
			const body = await rejects('POST', '/customer-subscriptions', { ...subscription(), interval }, ['interval']);
			expect(body.errors.interval).toEqual(['The selected interval is invalid.']);
		}
		for (const interval of ['14 days', '1 month', '2 months', '6 months', '1 year']) {
			expect((await call('POST', '/customer-subscriptions', { json: { ...subscription(), interval } })).body.interval).toBe(interval);
		}
	});

	test('vatRate is 0, 9 or 21', async () => {
		for (const vatRate of [6, 19, '22', 'high', 21.5]) {
			await rejects('POST', '/customer-subscriptions', { ...subscription(), vatRate }, ['vatRate']);
		}
		expect((await call('POST', '/customer-subscriptions', { json: { ...subscription(), vatRate: '9' } })).body.vatRate).toBe(9);
		await rejects('POST', '/customer-invoices/manual', {
			customerId, invoiceNumber: 'X-1', issuedAt: '2025-01-01', lines: [{ description: 'A', amountExclVat: '1.00', vatRate: 19 }, { amountExclVat: '1.001', vatRate: 21 }],
		}, ['lines.0.vatRate', 'lines.1.description', 'lines.1.amountExclVat']);
	});

	test('webhook type is one of the documented events, sent as `type` (not `event`)', async () => {
		await rejects('POST', '/webhooks', { url: 'https://example.invalid/h', event: 'customer-created' }, ['type']);
		await rejects('POST', '/webhooks', { url: 'https://example.invalid/h', type: 'customer-updated' }, ['type']);
		await rejects('POST', '/webhooks', { url: 'not a url', type: 'customer-created' }, ['url']);
		const ok = await call('POST', '/webhooks', { json: { url: 'https://example.invalid/h', type: 'subscription-payment-updated' } });
		expect(ok.status).toBe(200);
		expect(ok.body.secret).toMatch(/^[A-Za-z0-9]{20}$/);
	});

	test('appointment status PATCH takes scheduled or canceled only', async () => {
		const id = mock.store.collection('appointments').all()[0].id;
		for (const status of ['pending', 'cancelled', '']) await rejects('PATCH', `/appointments/${id}`, { status }, ['status']);
		expect((await call('PATCH', `/appointments/${id}`, { json: { status: 'scheduled' } })).body.status).toBe('scheduled');
	});

	test('punch-card expirePeriod is days, months or years and pairs with expiryValue', async () => {
		const card = { name: 'Lessen', punches: 5, punchLabel: 'lessen' };
		await rejects('POST', '/punch-cards', { ...card, expiryValue: 3, expirePeriod: 'weeks' }, ['expirePeriod']);
		await rejects('POST', '/punch-cards', { ...card, expiryValue: 3 }, ['expirePeriod']);
		await rejects('POST', '/punch-cards', { ...card, expirePeriod: 'days' }, ['expiryValue']);
		await rejects('POST', '/punch-cards', { ...card, punches: 0 }, ['punches']);
		await rejects('POST', '/punch-cards', { ...card, punches: 'ten' }, ['punches']);
	});

	test('array limits: file requests take 1 to 10 requested files', async () => {
		const file = { name: 'Loonstrook' };
		await rejects('POST', '/file-requests', { name: 'Leeg', requestedFiles: [] }, ['requestedFiles']);
		await rejects('POST', '/file-requests', { name: 'Veel', requestedFiles: Array(11).fill(file) }, ['requestedFiles']);
		await rejects('POST', '/file-requests', { name: 'Fout', requestedFiles: [{ description: 'x', required: 'maybe' }] }, ['requestedFiles.0.name', 'requestedFiles.0.required']);
		expect((await call('POST', '/file-requests', { json: { name: 'Tien', requestedFiles: Array(10).fill(file) } })).status).toBe(200);
	});

	test('booleans accept true/false/1/0 but not other strings', async () => {
		await rejects('POST', '/payment-links', { description: 'X', amount: '1.00', reusable: 'yes' }, ['reusable']);
		expect((await call('POST', '/payment-links', { json: { description: 'X', amount: '1.00', reusable: 1 } })).body.reusable).toBe(true);
	});
});

describe('unknown referenced IDs → 422 on that field', () => {
	test.each([
		['POST', '/customer-subscriptions', () => ({ ...subscription(), customerId: 'cst_doesnotexist' }), 'customerId'],
		['POST', '/appointments', () => ({ name: 'X', startsAt: '2025-01-01 10:00', endsAt: '2025-01-01 11:00', customerId: 'cst_nope' }), 'customerId'],
		['POST', '/file-shares', () => ({ content: ['fsf_nope'] }), 'content.0'],
		['POST', '/file-requests', () => ({ name: 'X', requestedFiles: [{ name: 'Y' }], directoryId: 'fsd_nope' }), 'directoryId'],
		['POST', '/customer-invoices/manual', () => ({ customerId: 'cst_nope', invoiceNumber: '1', issuedAt: '2025-01-01', lines: [{ description: 'A', amountExclVat: '1', vatRate: 0 }] }), 'customerId'],
	])('%s %s', async (method, path, body, field) => {
		const reply = await rejects(method, path, body(), [field]);
		expect(reply.errors[field][0]).toMatch(/^The selected .* is invalid\.$/);
	});

	test('a file id is not a directory', async () => {
		const file = mock.store.create('files', { type: 'file' });
		await rejects('POST', '/file-requests', { name: 'X', requestedFiles: [{ name: 'Y' }], directoryId: file.id }, ['directoryId']);
	});

	test('unknown customers in a customer-group request are silently ignored', async () => {
		const reply = await call('POST', '/customer-groups', { json: { name: 'G', customers: ['cst_nope', customerId] } });
		expect(reply.status).toBe(201);
	});
});

describe('unknown path IDs → 404', () => {
	test.each([
		['/customers/cst_nope', 'No Customer can be found for the given ID'],
		['/customer-groups/cug_nope', 'No Customer Group can be found for the given ID'],
		['/agreements/agr_nope', 'No Agreement can be found for the given ID'],
		['/appointments/apt_nope', 'No Appointment can be found for the given ID'],
		['/customer-invoices/inv_nope', 'No Customer Invoice can be found for the given ID'],
		['/customer-invoices/inv_nope/pdf', 'No Customer Invoice can be found for the given ID'],
		['/customer-offers/off_nope', 'No Customer Offer can be found for the given ID'],
		['/customer-subscriptions/sub_nope', 'No Customer Subscription can be found for the given ID'],
		['/customer-subscription-packages/spg_nope', 'No Customer Subscription Package can be found for the given ID'],
		['/files/fsf_nope', 'The file or directory could not be found'],
		['/files/fsf_nope/download', 'No File can be found for the given ID'],
		['/file-requests/frq_nope', 'No File Request can be found for the given ID'],
		['/invoices/fac_nope', 'No Invoice can be found for the given ID'],
		['/payment-links/plk_nope', 'No Payment Link can be found for the given ID'],
		['/payment-links/plk_nope/payments', 'No Payment Link can be found for the given ID'],
		['/punch-cards/pcd_nope', 'No Punch Card can be found for the given ID'],
		['/punch-cards/pcd_nope/issued', 'No Punch Card can be found for the given ID'],
		['/tickets/tic_nope', 'No Ticket can be found for the given ID'],
		['/webhooks/wbh_nope', 'No Webhook can be found for the given ID'],
	])('GET %s', async (path, message) => {
		const reply = await call('GET', path);
		expect(reply.status).toBe(404);
		expect(reply.body).toEqual({ code: 404, message });
	});

	test('writes to unknown IDs are 404 before validation', async () => {
		expect((await call('PATCH', '/customers/cst_nope', { json: {} })).status).toBe(404);
		expect((await call('DELETE', '/payment-links/plk_nope')).body.message).toBe('No Payment Link can be found for the given ID');
		expect((await call('POST', '/customer-subscription-packages/spg_nope/sign-up', { json: {} })).status).toBe(404);
	});

	test('an issued card under the wrong punch card is not found', async () => {
		const issued = mock.store.collection('issuedPunchCards').all()[0];
		const other = mock.store.create('punchCards');
		const wrong = await call('GET', `/punch-cards/${other.id}/issued/${issued.id}`);
		expect(wrong.status).toBe(404);
		expect(wrong.body.message).toBe('No issued Punch Card can be found for the given IDs');
		expect((await call('GET', `/punch-cards/${issued.punchCardId}/issued/${issued.id}`)).status).toBe(200);
	});

	test('an agreement document of another agreement is not found', async () => {
		const [a, b] = mock.store.collection('agreements').all();
		const reply = await call('GET', `/agreements/${a.id}/documents/${b.documents[0].id}/download`);
		expect(reply.status).toBe(404);
		expect(reply.body.message).toBe('No Agreement Document can be found for the given ID');
	});
});
