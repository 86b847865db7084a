import type { FieldSpec, ResourceSpec } from '../spec';
import {
	amountField,
	customerIdField,
	issuedAtField,
	linesField,
	pathIdField,
	pdfField,
	sendNotificationField,
} from './sharedFields';
import { customerInvoiceRecord } from './records';

const invoiceId = pathIdField(
	'invoiceId',
	'Customer Invoice',
	'inv_',
	'The customer invoice to use',
	'customerInvoice',
);

const customerId = customerIdField('The customer the invoice is for');

const invoiceNumber: FieldSpec = {
	name: 'invoiceNumber',
	label: 'Invoice Number',
	type: 'string',
	required: true,
	description: 'Your number of the invoice',
};

const issuedAt = issuedAtField('Invoice date');

export const customerInvoice: ResourceSpec = {
	value: 'customerInvoice',
	name: 'Customer Invoice',
	noun: 'customer invoice',
	record: customerInvoiceRecord,
	simplified: ['id', 'customerId', 'invoiceNumber', 'issuedAt', 'amount', 'paidAt', 'createdAt'],
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a customer invoice',
			description:
				'Add an invoice you made elsewhere to the portal by uploading its PDF; use Create From Lines to have MKP build the invoice',
			method: 'POST',
			path: '/customer-invoices',
			// The docs' scope table has no invoices.write and name no scope for this operation.
			scope: null,
			bodyType: 'multipart',
			response: 'record',
			fields: [
				customerId,
				invoiceNumber,
				issuedAt,
				amountField('Total amount of the invoice in EUR, e.g. 12.95'),
				pdfField('Input binary property with the invoice PDF'),
				{
					name: 'paidAt',
					label: 'Paid At',
					type: 'dateTime',
					description: 'When the invoice was paid; leave out while it is unpaid',
				},
				sendNotificationField,
			],
		},
		{
			value: 'createManual',
			name: 'Create From Lines',
			action: 'Create a customer invoice from lines',
			description:
				'Have MKP build an invoice from lines (description, amount, VAT); use Create to upload a PDF you made yourself',
			method: 'POST',
			path: '/customer-invoices/manual',
			// The docs' scope table has no invoices.write and name no scope for this operation.
			scope: null,
			bodyType: 'json',
			response: 'record',
			fields: [customerId, invoiceNumber, issuedAt, linesField, sendNotificationField],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer invoice',
			description: 'Get one invoice sent to a customer by ID, with its amount and payment date',
			method: 'GET',
			path: '/customer-invoices/{invoiceId}',
			scope: 'invoices.read',
			pathParams: [invoiceId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many customer invoices',
			description:
				'List the invoices sent to customers (not the MijnKlantportaal invoices for your own account)',
			method: 'GET',
			path: '/customer-invoices',
			scope: 'invoices.read',
			response: 'pages',
		},
		{
			value: 'getPdf',
			name: 'Get PDF',
			action: 'Get the PDF of a customer invoice',
			description: 'Get the PDF of a customer invoice; the API gives a short-lived download link',
			method: 'GET',
			path: '/customer-invoices/{invoiceId}/pdf',
			scope: 'invoices.read',
			pathParams: [invoiceId],
			response: 'cloudFile',
		},
		{
			value: 'markPaid',
			name: 'Mark as Paid',
			action: 'Mark a customer invoice as paid',
			description:
				'Record that a customer invoice was paid outside the portal; also updates the connected bookkeeping integration',
			method: 'PATCH',
			path: '/customer-invoices/{invoiceId}',
			// The docs' scope table has no invoices.write and name no scope for this operation.
			scope: null,
			pathParams: [invoiceId],
			bodyType: 'json',
			response: 'record',
			fields: [
				{
					name: 'paidAt',
					label: 'Paid At',
					type: 'dateTime',
					required: true,
					description: 'When the invoice was paid',
				},
			],
			// Not idempotent: the docs say this also syncs the bookkeeping integration, and they do not
			// say a repeat is ignored. A repeat after a lost answer could book the payment twice
			// there, so it is sent again only after a 429 (not processed).
			idempotent: false,
		},
	],
};
