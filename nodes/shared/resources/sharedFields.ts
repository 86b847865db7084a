import type { FieldSpec, FieldOption, LocatorName } from '../spec';

/** VAT rates the API accepts, as integers. */
export const vatRateOptions: FieldOption[] = [
	{ name: '21%', value: 21 },
	{ name: '9%', value: 9 },
	{ name: '0%', value: 0 },
];

/** Billing intervals of subscriptions and subscription packages. */
export const intervalOptions: FieldOption[] = [
	{ name: '14 Days', value: '14 days' },
	{ name: '1 Month', value: '1 month' },
	{ name: '2 Months', value: '2 months' },
	{ name: '6 Months', value: '6 months' },
	{ name: '1 Year', value: '1 year' },
];

/** A required record ID with its documented prefix; with a `locator`, picked from that resource's list. */
export const pathIdField = (
	name: string,
	label: string,
	idPrefix: string,
	description: string,
	locator?: LocatorName,
): FieldSpec => ({
	name,
	label,
	type: 'id',
	idPrefix,
	...(locator ? { locator } : {}),
	required: true,
	description,
});

export const customerIdField = (description: string, required = true): FieldSpec => ({
	...pathIdField('customerId', 'Customer', 'cst_', description, 'customer'),
	required,
});

/** Invoice and offer lines: the docs show `{description, amountExclVat, vatRate}` and no more. */
export const lineFields: FieldSpec[] = [
	{
		name: 'description',
		label: 'Description',
		type: 'string',
		required: true,
		description: 'Text of the line',
	},
	{
		name: 'amountExclVat',
		label: 'Amount Excl. VAT',
		type: 'money',
		required: true,
		description: 'Amount in EUR excluding VAT, e.g. 12.95',
	},
	{
		name: 'vatRate',
		label: 'VAT Rate',
		type: 'options',
		options: vatRateOptions,
		default: 21,
		required: true,
		description: 'VAT percentage of the line',
	},
];

export const sendNotificationField: FieldSpec = {
	name: 'sendNotification',
	label: 'Send Notification',
	type: 'boolean',
	default: false,
	description: 'Whether to notify the customer by email',
};

/** Company and address fields of customers, also asked when signing up a non-customer to a package. */
export const companyAddressFields: FieldSpec[] = [
	{
		name: 'companyName',
		label: 'Company Name',
		type: 'string',
		description: 'Name of the company',
	},
	{
		name: 'address',
		label: 'Address',
		type: 'string',
		description: 'Street and house number',
	},
	{ name: 'zipCode', label: 'Zip Code', type: 'string', description: 'Postal code' },
	{ name: 'city', label: 'City', type: 'string', description: 'City' },
];

/** `lines` of manual invoices and offers, from which MKP builds the document. */
export const linesField: FieldSpec = {
	name: 'lines',
	label: 'Lines',
	type: 'objectList',
	required: true,
	fields: lineFields,
	description:
		'Lines MKP builds the document from. The docs show only description, amount excl. VAT and VAT rate per line (no quantity).',
};

/** An EUR amount sent as a decimal string (invoices, offers, subscriptions, packages, payment links). */
export const amountField = (description: string, required = true): FieldSpec => ({
	name: 'amount',
	label: 'Amount',
	type: 'money',
	required,
	placeholder: '12.95',
	description,
});

export const vatRateField = (description: string, required = true): FieldSpec => ({
	name: 'vatRate',
	label: 'VAT Rate',
	type: 'options',
	options: vatRateOptions,
	default: 21,
	required,
	description,
});

export const intervalField = (description: string, required = true): FieldSpec => ({
	name: 'interval',
	label: 'Interval',
	type: 'options',
	options: intervalOptions,
	default: '1 month',
	required,
	description,
});

/** `issuedAt` of customer invoices and offers: a date. */
export const issuedAtField = (description: string): FieldSpec => ({
	name: 'issuedAt',
	label: 'Issued At',
	type: 'date',
	required: true,
	description,
});

/** First day of a subscription: direct subscriptions and package sign-ups. */
export const startDateField: FieldSpec = {
	name: 'startDate',
	label: 'Start Date',
	type: 'date',
	required: true,
	description: 'Date the subscription starts',
};

/** Invoice every charge of a subscription: direct subscriptions and package sign-ups. */
export const createInvoiceField: FieldSpec = {
	name: 'createInvoice',
	label: 'Create Invoice',
	type: 'boolean',
	default: false,
	description:
		'Whether to create an invoice for every charge; needs a connected bookkeeping integration',
};

/** A Mollie mandate ID (`mdt_`) for automatic charges; the body key differs per endpoint. */
export const mandateIdField = (name: string, description: string): FieldSpec => ({
	name,
	label: 'Mandate ID',
	type: 'id',
	idPrefix: 'mdt_',
	placeholder: 'mdt_...',
	description,
});

/** A directory ID (`fsd_`); no list endpoint exists, so no locator. The key differs per endpoint. */
export const directoryIdField = (
	name: string,
	description: string,
	inQuery = false,
): FieldSpec => ({
	name,
	label: 'Directory ID',
	type: 'id',
	idPrefix: 'fsd_',
	placeholder: 'fsd_...',
	...(inQuery ? { in: 'query' as const } : {}),
	description,
});

/** The `pdf` file of uploaded customer invoices and offers (multipart). */
export const pdfField = (description: string, required = true): FieldSpec => ({
	name: 'pdf',
	label: 'PDF',
	type: 'binary',
	default: 'data',
	required,
	description,
});
