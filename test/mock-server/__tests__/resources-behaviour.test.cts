// Resource behaviour beyond shapes: state changes, quirks, unpaginated lists, statuses.
import { startMock, client, Mock, ATOM, DATE } from './resources-helpers.cjs';

let mock: Mock;
let call: ReturnType<typeof client>;
let customerId: string;
const coll = (name: string) => mock.store.collection(name);

beforeAll(async () => {
	// A fixed clock start makes dates in assertions predictable (summer time, Amsterdam +02:00).
	mock = await startMock({ records: 3, now: '2025-06-02T08:00:00Z' });
	call = client(mock);
	customerId = coll('customers').all()[0].id;
});
afterAll(() => mock?.close());

describe('payment links', () => {
	test('DELETE closes (200, status closed, checkoutUrl null); closing again is 422', async () => {
		const created = await call('POST', '/payment-links', { json: { description: 'Borg', amount: '25' } });
		expect(created.body).toMatchObject({ status: 'open', amount: '25.00', currency: 'EUR', reusable: false, expiresAt: null });
		expect(created.body.checkoutUrl).toBe(`https://demo.mijnklantportaal.nl/payment-link/${created.body.id}`);
		const closed = await call('DELETE', `/payment-links/${created.body.id}`);
		expect(closed.status).toBe(200);
		expect(closed.body).toMatchObject({ id: created.body.id, status: 'closed', checkoutUrl: null });
		const again = await call('DELETE', `/payment-links/${created.body.id}`);
		expect(again.status).toBe(422);
		expect(again.body).toMatchObject({ code: 422, message: 'Payment Link is already closed' });
		expect((await call('GET', `/payment-links/${created.body.id}`)).body.status).toBe('closed');
		expect(coll('paymentLinks').get(created.body.id)).toBeDefined();
	});

	test('a date-only expiresAt lasts through that day, then the link reads as expired', async () => {
		const created = await call('POST', '/payment-links', { json: { description: 'Cursus', amount: '99.95', expiresAt: '2025-06-03' } });
		expect(created.body.expiresAt).toBe('2025-06-03T23:59:59+02:00');
		mock.clock.advance(2 * 86400);
		const later = await call('GET', `/payment-links/${created.body.id}`);
		expect(later.body).toMatchObject({ status: 'expired', checkoutUrl: null });
		mock.clock.advance(-2 * 86400);
		expect((await call('POST', '/payment-links', { json: { description: 'X', amount: '1', expiresAt: '2025-06-01' } })).status).toBe(422);
	});

	test('payments are listed per link, paginated, newest records of that link only', async () => {
		const link = mock.store.create('paymentLinks', { reusable: true, status: 'open' });
		for (let i = 0; i < 17; i++) mock.store.create('paymentLinkPayments', { paymentLinkId: link.id });
		const page1 = await call('GET', `/payment-links/${link.id}/payments`);
		expect(page1.body.data).toHaveLength(15);
		expect(page1.body.next_page_url).toBe(`${mock.apiBaseUrl}/payment-links/${link.id}/payments?page=2`);
		for (const p of page1.body.data) expect(p).toMatchObject({ paymentLinkId: link.id, currency: 'EUR', integration: 'mollie' });
		const page2 = await call('GET', `/payment-links/${link.id}/payments?page=2`);
		expect(page2.body).toMatchObject({ from: 16, to: 17, next_page_url: null });
	});
});

describe('invoices and offers', () => {
	test('mark a customer invoice paid', async () => {
		const invoice = mock.store.create('customerInvoices', { customerId, paidAt: null });
		const reply = await call('PATCH', `/customer-invoices/${invoice.id}`, { json: { paidAt: '2025-04-12 10:30:00' } });
		expect(reply.status).toBe(200);
		expect(reply.body.paidAt).toBe('2025-04-12T10:30:00+02:00');
		expect(reply.body.links.customer).toEqual({ href: `${mock.apiBaseUrl}/customers/${customerId}`, type: 'application/json' });
	});

	test('manual invoices total their lines incl. VAT (per-line rounding, optional quantity)', async () => {
		const reply = await call('POST', '/customer-invoices/manual', {
			json: { customerId, invoiceNumber: 'M-1', issuedAt: '2025-04-01', lines: [{ description: 'A', amountExclVat: '12.95', vatRate: 21 }, { description: 'B', amountExclVat: 10, vatRate: 9, quantity: 3 }] },
		});
		// 12.95 + 2.72 + 30.00 + 2.70
		expect(reply.body).toMatchObject({ amount: '48.37', currency: 'EUR', issuedAt: '2025-04-01', paidAt: null });
	});

	test('offers: accept, then reject (clears the acceptance); both at once is 422', async () => {
		const offer = mock.store.create('customerOffers', { customerId, acceptedAt: null, rejectedAt: null });
		const accepted = await call('PATCH', `/customer-offers/${offer.id}`, { json: { acceptedAt: '2025-04-03 09:15:00', acceptedViaIp: '85.1.2.3', acceptedViaUserAgent: 'UA' } });
		expect(accepted.body).toMatchObject({ acceptedAt: '2025-04-03T09:15:00+02:00', acceptedViaIp: '85.1.2.3', acceptedViaUserAgent: 'UA', rejectedAt: null });
		const rejected = await call('PATCH', `/customer-offers/${offer.id}`, { json: { rejectedAt: '2025-04-04 10:00:00' } });
		expect(rejected.body).toMatchObject({ acceptedAt: null, acceptedViaIp: null, rejectedAt: '2025-04-04T10:00:00+02:00' });
		const both = await call('PATCH', `/customer-offers/${offer.id}`, { json: { acceptedAt: '2025-04-03 09:15:00', rejectedAt: '2025-04-04 10:00:00' } });
		expect(both.status).toBe(422);
		expect(Object.keys(both.body.errors)).toEqual(['rejectedAt']);
	});

	test('offer IP and user agent are ignored without acceptedAt', async () => {
		const offer = mock.store.create('customerOffers', { customerId, acceptedAt: null, acceptedViaIp: null, rejectedAt: null });
		const reply = await call('PATCH', `/customer-offers/${offer.id}`, { json: { rejectedAt: '2025-04-04 10:00:00', acceptedViaIp: '1.2.3.4' } });
		expect(reply.body.acceptedViaIp).toBeNull();
	});

	test('MKP invoices use JSON numbers and Z timestamps', async () => {
		const reply = await call('GET', '/invoices');
		const invoice = reply.body.data[0];
		expect(typeof invoice.totalAmount).toBe('number');
		expect(typeof invoice.lines[0].amountInclVat).toBe('number');
		expect(invoice.lines[0].id).toMatch(/^fcl_/);
		expect(invoice.issuedAt).toMatch(/T00:00:00\.000Z$/);
		expect(invoice.invoiceNumber).toMatch(/^MKP-\d{4}\.\d{4}$/);
	});
});

describe('subscriptions and packages', () => {
	test('create computes status and renewal; PATCH terminatedAt terminates', async () => {
		const created = await call('POST', '/customer-subscriptions', {
			json: { customerId, description: 'Hosting', startDate: '2025-01-15', interval: '1 month', amount: '10', vatRate: 21, createInvoice: true, invoiceDescription: 'Hosting juni', createPayment: false, paymentIntegrationMandateId: 'mdt_x' },
		});
		expect(created.body).toMatchObject({ status: 'in_progress', startsAt: '2025-01-15', renewsAt: '2025-06-15', amount: '10.00', terminatedAt: null });
		expect(created.body.id).toMatch(/^sub_/);
		expect(created.body.options).toEqual({ createInvoice: true, createPayment: false, invoiceDescription: 'Hosting juni', paymentIntegration: null, paymentIntegrationMandateId: null, followUpFailedPayment: false });
		const planned = await call('POST', '/customer-subscriptions', { json: { customerId, description: 'Later', startDate: '2025-09-01', interval: '1 year', amount: '10', vatRate: 0 } });
		expect(planned.body).toMatchObject({ status: 'planned', renewsAt: '2026-09-01' });
		const changed = await call('PATCH', `/customer-subscriptions/${created.body.id}`, { json: { interval: '6 months', amount: '55.5' } });
		expect(changed.body).toMatchObject({ interval: '6 months', renewsAt: '2025-07-15', amount: '55.50', status: 'in_progress' });
		const ended = await call('PATCH', `/customer-subscriptions/${created.body.id}`, { json: { terminatedAt: '2025-07-01 00:00:00' } });
		expect(ended.body).toMatchObject({ status: 'terminated', terminatedAt: '2025-07-01T00:00:00+02:00' });
	});

	test('sign-up (no slash) makes a subscription for an existing customer from the package', async () => {
		const pkg = (await call('POST', '/customer-subscription-packages', { json: { name: 'Premium', interval: '2 months', amount: '45', vatRate: 9 } })).body;
		expect(pkg).toMatchObject({ currency: 'EUR', amount: '45.00', availableForSale: false, description: null });
		const reply = await call('POST', `/customer-subscription-packages/${pkg.id}/sign-up`, { json: { customerId, startDate: '2025-06-01', mandateId: 'mdt_abc', createInvoice: true } });
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ customerId, description: 'Premium', interval: '2 months', amount: '45.00', vatRate: 9, startsAt: '2025-06-01', status: 'in_progress' });
		expect(reply.body.options).toMatchObject({ createInvoice: true, invoiceDescription: 'Premium', createPayment: true, paymentIntegration: 'mollie', paymentIntegrationMandateId: 'mdt_abc' });
		expect(coll('customerSubscriptions').get(reply.body.id)).toBeDefined();
		const wrongShape = await call('POST', `/customer-subscription-packages/${pkg.id}/sign-up`, { json: { companyName: 'X', address: 'Y', zipCode: '1', city: 'Z', email: 'a@b.nl' } });
		expect(Object.keys(wrongShape.body.errors).sort()).toEqual(['customerId', 'startDate']);
	});

	test('sign-up/ (trailing slash) makes a pending record for a non-customer', async () => {
		const pkg = coll('customerSubscriptionPackages').all()[0];
		const before = coll('customerSubscriptions').size;
		// The mock clock runs on with real time: put it back at 10:00 so the expiry is exact however slow the machine.
		mock.clock.set('2025-06-02T08:00:00Z');
		const reply = await call('POST', `/customer-subscription-packages/${pkg.id}/sign-up/`, { json: { companyName: 'Nieuw', address: 'Laan 1', zipCode: '1000 AA', city: 'Amsterdam', email: 'nieuw@example.nl' } });
		expect(reply.status).toBe(200);
		expect(Object.keys(reply.body).sort()).toEqual(['expiresAt', 'id', 'paymentLink']);
		expect(reply.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(reply.body.paymentLink).toMatch(/^https:\/\/www\.mollie\.com\/checkout\//);
		expect(reply.body.expiresAt).toBe('2025-06-03T10:00:00+02:00');
		expect(coll('customerSubscriptions').size).toBe(before);
		const wrongShape = await call('POST', `/customer-subscription-packages/${pkg.id}/sign-up/`, { json: { customerId, startDate: '2025-06-01' } });
		expect(Object.keys(wrongShape.body.errors).sort()).toEqual(['address', 'city', 'companyName', 'email', 'zipCode']);
	});
});

describe('tickets', () => {
	test('a reply appends a message and reopens a closed ticket; PATCH closes it', async () => {
		const ticket = mock.store.create('tickets', { source: 'email', status: 'closed' });
		const count = ticket.messages.length;
		const reply = await call('POST', `/tickets/${ticket.id}`, { json: { message: '<p>Opgelost?</p>' } });
		expect(reply.status).toBe(200);
		expect(reply.body.status).toBe('open');
		expect(reply.body.messages).toHaveLength(count + 1);
		const last = reply.body.messages[count];
		expect(last).toMatchObject({ message: '<p>Opgelost?</p>', isPostedByCustomer: false, attachments: [] });
		expect(last.id).toMatch(/^tim_/);
		expect(last.postedAt).toMatch(ATOM);
		const closed = await call('PATCH', `/tickets/${ticket.id}`);
		expect(closed.body).toMatchObject({ status: 'closed' });
		expect(closed.body.messages).toHaveLength(count + 1);
	});

	test('replying to a live-chat ticket is 422', async () => {
		const ticket = mock.store.create('tickets', { source: 'chat', status: 'open' });
		const reply = await call('POST', `/tickets/${ticket.id}`, { json: { message: 'Hallo' } });
		expect(reply.status).toBe(422);
		expect(Object.keys(reply.body.errors)).toEqual(['message']);
		expect(coll('tickets').get(ticket.id).messages).toHaveLength(ticket.messages.length);
	});

	test('the list shows summaries without messages', async () => {
		const list = await call('GET', '/tickets');
		expect(Object.keys(list.body.data[0]).sort()).toEqual(['createdAt', 'customerId', 'id', 'source', 'status', 'title']);
	});
});

describe('punch cards', () => {
	test('request field expirePeriod comes back as expiryPeriode; expiryPeriode in a request is not understood', async () => {
		const created = await call('POST', '/punch-cards', { json: { name: 'Yoga', punches: 10, punchLabel: 'lessen', expiryValue: '3', expirePeriod: 'months' } });
		expect(created.body).toMatchObject({ expiryValue: 3, expiryPeriode: 'months' });
		expect(created.body).not.toHaveProperty('expirePeriod');
		const wrongName = await call('POST', '/punch-cards', { json: { name: 'Yoga', punches: 10, punchLabel: 'lessen', expiryValue: 3, expiryPeriode: 'months' } });
		expect(wrongName.status).toBe(422);
		expect(Object.keys(wrongName.body.errors)).toEqual(['expirePeriod']);
	});

	test('issue, stamp down to fully_used; stamping more than is left is 422', async () => {
		const card = (await call('POST', '/punch-cards', { json: { name: 'Rit', punches: 3, punchLabel: 'ritten', expiryValue: 1, expirePeriod: 'months' } })).body;
		const issued = await call('POST', `/punch-cards/${card.id}/issued`, { json: { customerId } });
		expect(issued.body).toMatchObject({ punchCardId: card.id, customerId, punchesLeft: 3, status: 'active', expiresAt: '2025-07-02T23:59:59+02:00' });
		expect(issued.body.id).toMatch(/^pcb_/);
		expect(issued.body.issuedAt).toMatch(ATOM);
		const stampPath = `/punch-cards/${card.id}/issued/${issued.body.id}/stamp`;
		expect((await call('POST', stampPath, { json: { stamps: 2 } })).body).toMatchObject({ punchesLeft: 1, status: 'active' });
		const tooMany = await call('POST', stampPath, { json: { stamps: 2 } });
		expect(tooMany.status).toBe(422);
		expect(tooMany.body.errors.stamps).toEqual(['The stamps field must not be greater than 1.']);
		expect((await call('POST', stampPath, { json: { stamps: 1 } })).body).toMatchObject({ punchesLeft: 0, status: 'fully_used' });
		expect((await call('POST', stampPath, { json: { stamps: 1 } })).status).toBe(422);
		expect((await call('POST', stampPath, { json: { stamps: 0 } })).status).toBe(422);
		const listed = await call('GET', `/punch-cards/${card.id}/issued`);
		expect(listed.body.data.map((c: any) => c.id)).toEqual([issued.body.id]);
	});

	test('an issued card expires by the mock clock and then cannot be stamped', async () => {
		const card = (await call('POST', '/punch-cards', { json: { name: 'Dag', punches: 5, punchLabel: 'bezoeken', expiryValue: 1, expirePeriod: 'days' } })).body;
		const issued = (await call('POST', `/punch-cards/${card.id}/issued`, { json: { customerId } })).body;
		mock.clock.advance(3 * 86400);
		const path = `/punch-cards/${card.id}/issued/${issued.id}`;
		expect((await call('GET', path)).body.status).toBe('expired');
		const stamp = await call('POST', `${path}/stamp`, { json: { stamps: 1 } });
		expect(stamp.status).toBe(422);
		mock.clock.advance(-3 * 86400);
	});

	test('PATCH edits only sale settings', async () => {
		const card = (await call('POST', '/punch-cards', { json: { name: 'Bad', punches: 10, punchLabel: 'zwembeurten' } })).body;
		const onSale = await call('PATCH', `/punch-cards/${card.id}`, { json: { forSale: 'true', price: '45', vatRate: 9, name: 'Ignored', punches: 99 } });
		expect(onSale.body).toMatchObject({ forSale: true, price: '45.00', vatRate: 9, name: 'Bad', punches: 10 });
		const offSale = await call('PATCH', `/punch-cards/${card.id}`, { json: { forSale: false } });
		expect(offSale.body).toMatchObject({ forSale: false, price: null, vatRate: null });
	});
});

describe('unpaginated responses', () => {
	test('GET /appointments is {data} filtered by start_at/days over startsAt, sorted', async () => {
		const at = (when: string) => mock.store.create('appointments', { startsAt: when, _startsAtMs: Date.parse(when) });
		const a = at('2030-01-10T09:00:00+01:00');
		const b = at('2030-01-08T09:00:00+01:00');
		at('2030-01-20T09:00:00+01:00');
		const reply = await call('GET', `/appointments?start_at=${encodeURIComponent('2030-01-08 09:00')}&days=3`);
		expect(Object.keys(reply.body)).toEqual(['data']);
		expect(reply.body.data.map((x: any) => x.id)).toEqual([b.id, a.id]);
		const narrower = await call('GET', `/appointments?start_at=${encodeURIComponent('2030-01-08 09:01')}&days=2`);
		expect(narrower.body.data.map((x: any) => x.id)).toEqual([a.id]);
		expect((await call('GET', '/appointments?start_at=2030-01-08&days=3')).status).toBe(422);
		expect((await call('GET', '/appointments?days=0')).status).toBe(422);
	});

	test('GET /appointments defaults to now + 7 days', async () => {
		const soon = mock.store.create('appointments', { startsAt: '2025-06-05T10:00:00+02:00', _startsAtMs: Date.parse('2025-06-05T10:00:00+02:00') });
		const late = mock.store.create('appointments', { startsAt: '2025-06-12T10:00:00+02:00', _startsAtMs: Date.parse('2025-06-12T10:00:00+02:00') });
		const ids = (await call('GET', '/appointments')).body.data.map((x: any) => x.id);
		expect(ids).toContain(soon.id);
		expect(ids).not.toContain(late.id);
	});

	test('POST /customer-groups/{id}/customers returns {data: [Customer]} and updates customerGroups', async () => {
		const group = (await call('POST', '/customer-groups', { json: { name: 'Zakelijk' } })).body;
		const [c1, c2] = coll('customers').all();
		const reply = await call('POST', `/customer-groups/${group.id}/customers`, { json: { customers: [c2.id, 'cst_unknown', c1.id, c2.id] } });
		expect(reply.status).toBe(200);
		expect(Object.keys(reply.body)).toEqual(['data']);
		expect(reply.body.data.map((c: any) => c.id)).toEqual([c2.id, c1.id]);
		for (const c of reply.body.data) expect(c.customerGroups.filter((g: string) => g === group.id)).toHaveLength(1);
		expect((await call('GET', `/customers/${c1.id}`)).body.customerGroups).toContain(group.id);
		expect((await call('POST', `/customer-groups/${group.id}/customers`, { json: {} })).status).toBe(422);
	});
});

describe('statuses and lists', () => {
	test('POST /customer-groups answers 201 and adds the given customers; other creates answer 200', async () => {
		const reply = await call('POST', '/customer-groups', { json: { name: 'VIP', customers: [customerId, 'cst_unknown'] } });
		expect(reply.status).toBe(201);
		expect(Object.keys(reply.body).sort()).toEqual(['createdAt', 'id', 'name']);
		expect(coll('customers').get(customerId).customerGroups).toContain(reply.body.id);
		const renamed = await call('PATCH', `/customer-groups/${reply.body.id}`, { json: { name: 'VIP 2025' } });
		expect(renamed.body).toMatchObject({ id: reply.body.id, name: 'VIP 2025' });
		expect((await call('POST', '/customers', { json: { companyName: 'A', address: 'B 1', zipCode: '1234 AB', city: 'C', primaryEmail: 'a@b.nl' } })).status).toBe(200);
	});

	test('records created through the API append at the end of their list', async () => {
		const before = mock.clock.now();
		const created = (await call('POST', '/customers', { json: { companyName: 'Laatste B.V.', address: 'B 1', zipCode: '1234 AB', city: 'C', primaryEmail: 'l@b.nl' } })).body;
		const after = mock.clock.now();
		const all = coll('customers').all();
		expect(all[all.length - 1].id).toBe(created.id);
		const lastPage = Math.ceil(all.length / 15);
		const page = await call('GET', `/customers?page=${lastPage}`);
		expect(page.body.data[page.body.data.length - 1]).toEqual(created);
		// The mock clock started at 10:00 Amsterdam time and runs on with real time, however slow the machine.
		expect(created.createdAt).toMatch(/^2025-06-02T10:\d\d:\d\d\+02:00$/);
		expect(Date.parse(created.createdAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(Date.parse(created.createdAt)).toBeLessThanOrEqual(after);
	});

	test('file shares show current file objects and mark the files shared', async () => {
		const file = mock.store.create('files', { type: 'file' });
		const share = await call('POST', '/file-shares', { json: { content: [file.id, file.id] } });
		expect(share.body.sharedContent).toHaveLength(1);
		expect(share.body.sharedContent[0]).toMatchObject({ id: file.id, type: 'file', fileShareId: share.body.id });
		expect(share.body.links).toEqual({ customer: null, publicShare: { href: `https://demo.mijnklantportaal.nl/share/${share.body.id}`, type: 'text/html' } });
		const withCustomer = await call('POST', '/file-shares', { json: { content: [file.id], customerId } });
		expect(withCustomer.body.sharedWithCustomerId).toBe(customerId);
		expect(withCustomer.body.links.customer.href).toBe(`${mock.apiBaseUrl}/customers/${customerId}`);
		expect((await call('GET', `/files/${file.id}`)).body.fileShareId).toBe(withCustomer.body.id);
	});

	test('file requests: defaults, links and ids', async () => {
		const reply = await call('POST', '/file-requests', { json: { name: 'Aangifte', requestedFiles: [{ name: 'Jaaropgave' }] } });
		expect(reply.body).toMatchObject({ description: null, customerId: null, directoryId: null, completedAt: null });
		expect(reply.body.requestedFiles[0]).toMatchObject({ name: 'Jaaropgave', description: null, required: false, maxFileSize: null, uploadedFileId: null });
		expect(reply.body.requestedFiles[0].id).toMatch(/^fqf_/);
		expect(reply.body.links.publicRequest.href).toBe(`https://demo.mijnklantportaal.nl/file-request/${reply.body.id}`);
	});

	test('seeded lists use the documented formats', async () => {
		const invoices = (await call('GET', '/customer-invoices')).body.data;
		expect(invoices[0].issuedAt).toMatch(DATE);
		expect(invoices[0].createdAt).toMatch(ATOM);
		expect(invoices[0].amount).toMatch(/^\d+\.\d{2}$/);
		expect(invoices[0].links.customer.href).toBe(`${mock.apiBaseUrl}/customers/${invoices[0].customerId}`);
		const customers = (await call('GET', '/customers')).body.data;
		expect(customers[0].id).toMatch(/^cst_[A-Za-z0-9]{10}$/);
	});
});

describe('webhook DELETE', () => {
	test('removes the webhook when config.webhookDelete is on', async () => {
		const hook = (await call('POST', '/webhooks', { json: { url: 'https://example.invalid/x', type: 'ticket-created' } })).body;
		const reply = await call('DELETE', `/webhooks/${hook.id}`);
		expect(reply.status).toBe(200);
		expect(reply.body.id).toBe(hook.id);
		expect((await call('GET', `/webhooks/${hook.id}`)).status).toBe(404);
		expect((await call('DELETE', `/webhooks/${hook.id}`)).status).toBe(404);
	});

	test('answers 405 and keeps the webhook when it is off', async () => {
		const hook = (await call('POST', '/webhooks', { json: { url: 'https://example.invalid/y', type: 'ticket-created' } })).body;
		mock.updateConfig({ webhookDelete: false });
		try {
			const reply = await call('DELETE', `/webhooks/${hook.id}`);
			expect(reply.status).toBe(405);
			expect(reply.body).toEqual({ code: 405, message: 'Method not allowed.' });
			expect((await call('GET', `/webhooks/${hook.id}`)).status).toBe(200);
		} finally {
			mock.updateConfig({ webhookDelete: true });
		}
	});
});
