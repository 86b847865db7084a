import type { RecordShape, ShapeField } from '../spec';

/*
 * The objects the API returns, field by field, as API.md §6 and endpoints.json's `responseFields`
 * describe them (a test holds each one to both, and to what the mock returns). The output schemas
 * n8n shows before a node has run are generated from these. Where the docs give no type for a
 * nested field it is a string; where they are silent about null, a careful client allows it.
 */

const string = (description?: string): ShapeField => ({
	type: 'string',
	...(description ? { description } : {}),
});
const id = (prefix: string): ShapeField => string(`ID (${prefix}…)`);
const integer: ShapeField = { type: 'integer' };
const number: ShapeField = { type: 'number' };
const boolean: ShapeField = { type: 'boolean' };
const date: ShapeField = { type: 'string', format: 'date' };
const dateTime: ShapeField = { type: 'string', format: 'date-time' };
const url: ShapeField = { type: 'string', format: 'uri' };
const money = (description = 'Amount in EUR, a decimal string such as "12.95"'): ShapeField =>
	string(description);
const oneOf = (...values: string[]): ShapeField => ({ type: 'string', enum: values });
const orNull = (field: ShapeField): ShapeField => ({ ...field, nullable: true });
const object = (fields: RecordShape): ShapeField => ({ type: 'object', fields });
const listOf = (items: ShapeField): ShapeField => ({ type: 'array', items });
/** `{href, type}`: a related resource in the API, or a page in the portal. */
const link = object({ href: url, type: string('Media type, e.g. application/json') });

const interval = oneOf('14 days', '1 month', '2 months', '6 months', '1 year');
const vatRate: ShapeField = { type: 'integer', description: 'VAT percentage: 0, 9 or 21' };

export const agreementRecord: RecordShape = {
	id: id('agr_'),
	name: string(),
	status: oneOf('sent', 'signed'),
	signerName: string('Who signed for your company'),
	signerSignature: string('PNG data URL'),
	signerSignatureHash: string('Hash of the signature and the signing time'),
	signers: listOf(
		object({
			id: id('ags_'),
			firstName: string(),
			lastName: string(),
			email: string(),
			shouldIdentify: boolean,
			signature: orNull(string('PNG data URL, once signed')),
			signatureHash: orNull(string()),
			signedAt: orNull(dateTime),
		}),
	),
	documents: listOf(
		object({ id: id('agd_'), documentName: string(), fileSize: integer, fileHash: string() }),
	),
	createdAt: dateTime,
};

export const appointmentRecord: RecordShape = {
	id: id('apt_'),
	customerId: orNull(id('cst_')),
	attendeeName: string(),
	attendeeEmail: string(),
	startsAt: dateTime,
	endsAt: dateTime,
	status: oneOf('scheduled', 'canceled', 'pending'),
	onlineMeetingLink: orNull(string('Meeting link of a connected calendar integration')),
	createdAt: dateTime,
};

export const customerRecord: RecordShape = {
	id: id('cst_'),
	companyName: string(),
	address: string('Street and house number'),
	zipCode: string(),
	city: string(),
	countryCode: { ...string('ISO 3166-1 alpha-2 country code'), optional: true },
	primaryEmail: string('Receives the portal notifications'),
	phone: orNull(string()),
	integration: orNull(string('Bookkeeping integration, e.g. acumulus')),
	integrationId: orNull(string('The customer ID in that integration')),
	customerGroups: listOf(id('cug_')),
	createdAt: dateTime,
};

export const customerGroupRecord: RecordShape = {
	id: id('cug_'),
	name: string(),
	createdAt: dateTime,
};

export const customerInvoiceRecord: RecordShape = {
	id: id('inv_'),
	customerId: id('cst_'),
	invoiceNumber: string(),
	issuedAt: date,
	currency: string('EUR'),
	amount: money(),
	paidAt: orNull(dateTime),
	createdAt: dateTime,
	links: object({ customer: link, onlinePaymentLink: { ...link, optional: true } }),
};

export const customerOfferRecord: RecordShape = {
	id: id('off_'),
	customerId: id('cst_'),
	offerNumber: string(),
	issuedAt: date,
	expiresAt: date,
	currency: string('EUR'),
	amount: money(),
	acceptedAt: orNull(dateTime),
	acceptedViaIp: orNull(string()),
	acceptedViaUserAgent: orNull(string()),
	acceptanceSignature: orNull(string('PNG data URL')),
	rejectedAt: orNull(dateTime),
	createdAt: dateTime,
	links: object({ customer: link }),
};

export const customerSubscriptionRecord: RecordShape = {
	id: id('sub_'),
	customerId: id('cst_'),
	description: string(),
	startsAt: date,
	interval,
	renewsAt: orNull(date),
	currency: string('EUR'),
	amount: money(),
	vatRate,
	status: oneOf('planned', 'in_progress', 'terminated', 'ended'),
	options: object({
		createInvoice: boolean,
		createPayment: boolean,
		invoiceDescription: orNull(string()),
		paymentIntegration: orNull(oneOf('mollie')),
		paymentIntegrationMandateId: orNull(id('mdt_')),
		followUpFailedPayment: boolean,
	}),
	terminatedAt: orNull(dateTime),
	createdAt: dateTime,
};

export const customerSubscriptionPackageRecord: RecordShape = {
	id: id('spg_'),
	name: string(),
	description: string('Terms and conditions'),
	interval,
	currency: string('EUR'),
	amount: money(),
	vatRate,
	availableForSale: boolean,
};

/** A sign-up of someone who is not a customer yet: pending until the first term is paid. */
export const pendingSignUpRecord: RecordShape = {
	id: string('UUID of the pending sign-up'),
	paymentLink: { ...url, description: 'Where to pay the first term' },
	expiresAt: dateTime,
};

export const fileRecord: RecordShape = {
	id: string('ID (fsf_… for a file, fsd_… for a directory)'),
	type: oneOf('file', 'directory'),
	name: string(),
	size: orNull({ type: 'integer', description: 'Bytes; null for a directory' }),
	mime: orNull(string('Null for a directory')),
	fileShareId: orNull(id('fss_')),
	createdAt: dateTime,
};

export const fileRequestRecord: RecordShape = {
	id: id('frq_'),
	name: string(),
	description: orNull(string()),
	directoryId: orNull(id('fsd_')),
	customerId: orNull(id('cst_')),
	requestedFiles: listOf(
		object({
			id: id('fqf_'),
			name: string(),
			description: orNull(string()),
			required: boolean,
			maxFileSize: orNull({ ...integer, description: 'Unit not documented; the example is 10240' }),
			uploadedFileId: orNull(id('fsf_')),
		}),
	),
	completedAt: orNull(dateTime),
	createdAt: dateTime,
	links: object({ customer: orNull(link), publicRequest: orNull(link) }),
};

export const fileShareRecord: RecordShape = {
	id: id('fss_'),
	sharedWithCustomerId: orNull(id('cst_')),
	sharedContent: listOf(object(fileRecord)),
	createdAt: dateTime,
	links: object({ customer: orNull(link), publicShare: orNull(link) }),
};

export const mkpInvoiceRecord: RecordShape = {
	id: id('fac_'),
	invoiceNumber: string('e.g. MKP-2025.0010'),
	lines: listOf(
		object({
			id: id('fcl_'),
			description: string(),
			quantity: integer,
			currency: string(),
			amountExclVat: number,
			vatRate: integer,
			vatAmount: number,
			amountInclVat: number,
		}),
	),
	currency: string('EUR'),
	subtotalAmount: { ...number, description: 'Excluding VAT' },
	vatAmount: number,
	totalAmount: { ...number, description: 'Including VAT' },
	issuedAt: dateTime,
	isPaid: boolean,
};

export const paymentLinkRecord: RecordShape = {
	id: id('plk_'),
	description: string(),
	currency: string('EUR'),
	amount: money(),
	reusable: boolean,
	expiresAt: orNull(dateTime),
	status: oneOf('open', 'paid', 'expired', 'closed'),
	checkoutUrl: orNull({ ...url, description: 'Null once the link can no longer be paid' }),
	createdAt: dateTime,
};

export const paymentLinkPaymentRecord: RecordShape = {
	id: id('plp_'),
	paymentLinkId: id('plk_'),
	currency: string('EUR'),
	amount: money(),
	status: string('e.g. paid; the docs do not list every status'),
	payersName: string(),
	integration: string('e.g. mollie'),
	integrationId: string('Payment ID in that integration, e.g. tr_…'),
	createdAt: dateTime,
};

export const punchCardRecord: RecordShape = {
	id: id('pcd_'),
	name: string(),
	description: orNull(string()),
	punches: integer,
	punchLabel: string('Unit of a punch, e.g. lessons'),
	forSale: boolean,
	price: orNull(money('Price in EUR including VAT; null when not for sale')),
	vatRate: orNull(vatRate),
	expiryValue: orNull(integer),
	expiryPeriode: orNull(oneOf('days', 'months', 'years')),
	createdAt: dateTime,
};

export const issuedPunchCardRecord: RecordShape = {
	id: id('pcb_'),
	punchCardId: id('pcd_'),
	customerId: id('cst_'),
	punchesLeft: integer,
	status: oneOf('active', 'expired', 'fully_used'),
	expiresAt: orNull({ ...dateTime, description: 'Null when the card never expires' }),
	issuedAt: dateTime,
};

/** A ticket as `GET /tickets` lists it: without its messages. */
export const ticketSummaryRecord: RecordShape = {
	id: id('tic_'),
	customerId: orNull(id('cst_')),
	title: string(),
	source: oneOf('portal', 'email', 'chat'),
	status: oneOf('open', 'closed'),
	createdAt: dateTime,
};

const { createdAt: ticketCreatedAt, ...ticketHead } = ticketSummaryRecord;

/** A ticket with its messages, as Get, Add Message and Close return it. */
export const ticketRecord: RecordShape = {
	...ticketHead,
	messages: listOf(
		object({
			id: id('tim_'),
			postedBy: string(),
			isPostedByCustomer: boolean,
			message: string('HTML'),
			postedAt: dateTime,
			attachments: listOf(
				object({ id: id('tma_'), name: string(), size: integer, mime: string() }),
			),
		}),
	),
	createdAt: ticketCreatedAt,
};

export const webhookRecord: RecordShape = {
	id: id('wbh_'),
	type: string('The event type'),
	url,
	secret: string('Sent in the X-Webhook-Signature header of every delivery'),
	createdAt: dateTime,
};

/** `{link, expiresAt}`: a short-lived download link (PDFs, files, agreement documents). */
export const cloudFileRecord: RecordShape = {
	link: { ...url, description: 'Download link, valid for 5 minutes' },
	expiresAt: dateTime,
};
