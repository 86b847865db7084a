import type { ResourceSpec } from '../spec';
import { pathIdField } from './sharedFields';
import { mkpInvoiceRecord } from './records';

const invoiceId = pathIdField(
	'invoiceId',
	'MijnKlantportaal Invoice',
	'fac_',
	'The MijnKlantportaal invoice to use',
	'mkpInvoice',
);

export const mkpInvoice: ResourceSpec = {
	value: 'mkpInvoice',
	name: 'MijnKlantportaal Invoice',
	noun: 'MijnKlantportaal invoice',
	record: mkpInvoiceRecord,
	simplified: ['id', 'invoiceNumber', 'totalAmount', 'issuedAt', 'isPaid'],
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get a MijnKlantportaal invoice',
			description:
				'Get one invoice that MijnKlantportaal sent you for your licence, with its lines and whether it is paid',
			method: 'GET',
			path: '/invoices/{invoiceId}',
			scope: 'businessoperations.read',
			pathParams: [invoiceId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many MijnKlantportaal invoices',
			description:
				'List the licence invoices MijnKlantportaal sent you (not the invoices you send your customers)',
			method: 'GET',
			path: '/invoices',
			scope: 'businessoperations.read',
			response: 'pages',
		},
	],
};
