import type { FieldSpec, ResourceSpec } from '../spec';
import {
	amountField,
	createInvoiceField,
	customerIdField,
	intervalField,
	mandateIdField,
	startDateField,
	vatRateField,
} from './sharedFields';
import { customerSubscriptionRecord } from './records';

const subscriptionId: FieldSpec = {
	// The docs give the prefix `sub_`; their examples show `sub__…`, which also starts with it.
	name: 'subscriptionId',
	label: 'Customer Subscription',
	type: 'id',
	idPrefix: 'sub_',
	locator: 'customerSubscription',
	required: true,
	description: 'The customer subscription to use',
};

const description: FieldSpec = {
	name: 'description',
	label: 'Description',
	type: 'string',
	description: 'What the customer is subscribed to',
};

const interval = intervalField('How often the subscription is charged');
const amount = amountField(
	'Amount per interval in EUR, e.g. 12.95 (the docs do not say whether it includes VAT)',
);
const vatRate = vatRateField('VAT percentage of the amount');

export const customerSubscription: ResourceSpec = {
	value: 'customerSubscription',
	name: 'Customer Subscription',
	noun: 'customer subscription',
	record: customerSubscriptionRecord,
	simplified: [
		'id',
		'customerId',
		'description',
		'status',
		'interval',
		'amount',
		'vatRate',
		'renewsAt',
		'createdAt',
	],
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a customer subscription',
			description:
				'Start a recurring charge for a customer with your own terms; to use a predefined package, sign the customer up to it instead',
			method: 'POST',
			path: '/customer-subscriptions',
			scope: 'subscription.write',
			bodyType: 'json',
			response: 'record',
			fields: [
				customerIdField('The customer to subscribe'),
				{ ...description, required: true },
				startDateField,
				interval,
				amount,
				vatRate,
				createInvoiceField,
				{
					name: 'invoiceDescription',
					label: 'Invoice Description',
					type: 'string',
					description: 'Text on the invoices; ignored unless Create Invoice is on',
				},
				{
					name: 'createPayment',
					label: 'Create Payment',
					type: 'boolean',
					default: false,
					description:
						'Whether to collect every charge automatically; needs a payment integration (only Mollie)',
				},
				mandateIdField(
					'paymentIntegrationMandateId',
					'Mollie mandate to charge; ignored unless Create Payment is on. MKP does not check it.',
				),
				{
					name: 'followUpFailedPayment',
					label: 'Follow Up Failed Payment',
					type: 'boolean',
					default: false,
					description: 'Whether to follow up failed payments; ignored unless Create Payment is on',
				},
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer subscription',
			description:
				'Get one customer subscription by ID, with its status, amount and next renewal date',
			method: 'GET',
			path: '/customer-subscriptions/{subscriptionId}',
			scope: 'subscription.read',
			pathParams: [subscriptionId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many customer subscriptions',
			description: 'List customer subscriptions',
			method: 'GET',
			path: '/customer-subscriptions',
			scope: 'subscription.read',
			response: 'pages',
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a customer subscription',
			description:
				'Change the description, interval, amount or VAT rate of a customer subscription, or terminate it by setting Terminated At',
			method: 'PATCH',
			path: '/customer-subscriptions/{subscriptionId}',
			scope: 'subscription.write',
			pathParams: [subscriptionId],
			bodyType: 'json',
			response: 'record',
			fields: [
				description,
				{ ...interval, required: false },
				{ ...amount, required: false },
				{ ...vatRate, required: false },
				{
					name: 'terminatedAt',
					label: 'Terminated At',
					type: 'dateTime',
					description: 'When the subscription ends; set it to terminate the subscription',
				},
			],
			optionalGroup: 'updateFields',
			// An empty PATCH would change nothing.
			requireOneField: true,
			// Setting the same fields twice leaves the same subscription.
			idempotent: true,
		},
	],
};
