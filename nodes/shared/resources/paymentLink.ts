import type { ResourceSpec } from '../spec';
import { amountField, pathIdField } from './sharedFields';
import { paymentLinkPaymentRecord, paymentLinkRecord } from './records';

const linkId = pathIdField(
	'linkId',
	'Payment Link',
	'plk_',
	'The payment link to use',
	'paymentLink',
);

export const paymentLink: ResourceSpec = {
	value: 'paymentLink',
	name: 'Payment Link',
	noun: 'payment link',
	record: paymentLinkRecord,
	simplified: ['id', 'description', 'amount', 'status', 'checkoutUrl', 'expiresAt', 'createdAt'],
	operations: [
		{
			value: 'close',
			name: 'Close',
			action: 'Close a payment link',
			description:
				'Close a payment link so it can no longer be paid; the link is kept (not deleted) and returned with status closed. Fails if it is already closed.',
			method: 'DELETE',
			path: '/payment-links/{linkId}',
			scope: 'paymentlinks.write',
			pathParams: [linkId],
			response: 'record',
			// Not idempotent: closing a closed link is refused with a 422.
			idempotent: false,
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a payment link',
			description: 'Create a link anyone can use to pay a fixed amount online',
			method: 'POST',
			path: '/payment-links',
			scope: 'paymentlinks.write',
			bodyType: 'json',
			response: 'record',
			fields: [
				{
					name: 'description',
					label: 'Description',
					type: 'string',
					required: true,
					description: "What the payment is for; also shown on the payer's bank statement",
				},
				amountField('Amount to pay in EUR, e.g. 12.95'),
				{
					name: 'expiresAt',
					label: 'Expires At',
					type: 'date',
					description: 'Date the link expires; leave out for a link that does not expire',
				},
				{
					name: 'reusable',
					label: 'Reusable',
					type: 'boolean',
					default: false,
					description:
						'Whether the link can be paid more than once; by default it can be paid once',
				},
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a payment link',
			description:
				'Get one payment link by ID, with its status (open, paid, expired or closed) and checkout URL',
			method: 'GET',
			path: '/payment-links/{linkId}',
			scope: 'paymentlinks.read',
			pathParams: [linkId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many payment links',
			description: 'List payment links',
			method: 'GET',
			path: '/payment-links',
			scope: 'paymentlinks.read',
			response: 'pages',
		},
		{
			// Named by the rule for lists under a record (CONTRIBUTING.md); the value predates the rule
			// and stays, because saved workflows store it.
			value: 'getPayments',
			name: 'Get Many Payments',
			action: 'Get the payments of a payment link',
			description: 'List the payments made through a payment link, with payer name and status',
			method: 'GET',
			path: '/payment-links/{linkId}/payments',
			scope: 'paymentlinks.read',
			pathParams: [linkId],
			response: 'pages',
			returns: { noun: 'payment', record: paymentLinkPaymentRecord },
		},
	],
};
