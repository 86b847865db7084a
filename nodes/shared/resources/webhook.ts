import type { FieldOption, ResourceSpec } from '../spec';
import { pathIdField } from './sharedFields';
import { webhookRecord } from './records';

const webhookId = pathIdField('webhookId', 'Webhook', 'wbh_', 'The webhook to use', 'webhook');

/**
 * The 23 documented event types, in alphabetical order of `name`; one webhook listens to one of
 * them, and the webhook trigger offers the same list.
 */
export const eventTypeOptions: FieldOption[] = [
	{
		name: 'Appointment Canceled',
		value: 'appointment-canceled',
		description: 'An appointment was canceled',
	},
	{
		name: 'Appointment Created',
		value: 'appointment-created',
		description: 'An appointment was created',
	},
	{ name: 'Customer Created', value: 'customer-created', description: 'A customer was created' },
	{ name: 'Customer Deleted', value: 'customer-deleted', description: 'A customer was deleted' },
	{
		name: 'Customer Reply to Ticket',
		value: 'ticket-reply-customer',
		description: 'A customer replied to a support ticket',
	},
	{
		name: 'Employee Reply to Ticket',
		value: 'ticket-reply-employee',
		description: 'An employee replied to a support ticket',
	},
	{
		name: 'Invoice Charged Back',
		value: 'invoice-chargeback',
		description: 'A payment of a customer invoice was charged back',
	},
	{
		name: 'Invoice Created',
		value: 'invoice-created',
		description: 'A customer invoice was created',
	},
	{
		name: 'Invoice Deleted',
		value: 'invoice-deleted',
		description: 'A customer invoice was deleted',
	},
	{ name: 'Invoice Paid', value: 'invoice-paid', description: 'A customer invoice was paid' },
	{ name: 'Offer Accepted', value: 'offer-accepted', description: 'A customer offer was accepted' },
	{ name: 'Offer Created', value: 'offer-created', description: 'A customer offer was created' },
	{ name: 'Offer Deleted', value: 'offer-deleted', description: 'A customer offer was deleted' },
	{ name: 'Offer Rejected', value: 'offer-rejected', description: 'A customer offer was rejected' },
	{
		name: 'Payment Link Created',
		value: 'payment-link-created',
		description: 'A payment link was created',
	},
	{
		name: 'Payment Link Expired',
		value: 'payment-link-expired',
		description: 'A payment link expired',
	},
	{ name: 'Payment Link Paid', value: 'payment-link-paid', description: 'A payment link was paid' },
	{
		name: 'Subscription Created',
		value: 'subscription-created',
		description: 'A customer subscription was created',
	},
	{
		name: 'Subscription Deleted',
		value: 'subscription-deleted',
		description: 'A customer subscription was deleted',
	},
	{
		name: 'Subscription Payment Created',
		value: 'subscription-payment-created',
		description: 'A payment for a customer subscription was created',
	},
	{
		name: 'Subscription Payment Updated',
		value: 'subscription-payment-updated',
		description: 'A payment for a customer subscription changed',
	},
	{
		name: 'Subscription Updated',
		value: 'subscription-updated',
		description: 'A customer subscription was changed',
	},
	{ name: 'Ticket Created', value: 'ticket-created', description: 'A support ticket was created' },
];

export const webhook: ResourceSpec = {
	value: 'webhook',
	name: 'Webhook',
	noun: 'webhook',
	record: webhookRecord,
	simplified: ['id', 'type', 'url', 'createdAt'],
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a webhook',
			description:
				'Have MKP call a URL when one type of event happens; create one webhook per event type. The response holds the secret MKP sends in the X-Webhook-Signature header.',
			method: 'POST',
			path: '/webhooks',
			scope: 'webhooks.write',
			bodyType: 'json',
			response: 'record',
			fields: [
				{
					name: 'url',
					label: 'URL',
					type: 'url',
					required: true,
					placeholder: 'https://example.com/webhook',
					description: 'URL MKP calls when the event happens',
				},
				{
					name: 'type',
					label: 'Event',
					type: 'options',
					required: true,
					options: eventTypeOptions,
					description: 'The event the webhook listens to',
				},
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a webhook',
			description: 'Get one webhook by ID, with its event type, URL and secret',
			method: 'GET',
			path: '/webhooks/{webhookId}',
			scope: 'webhooks.read',
			pathParams: [webhookId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many webhooks',
			description: 'List the active webhooks',
			method: 'GET',
			path: '/webhooks',
			scope: 'webhooks.read',
			response: 'pages',
		},
	],
};
