import type { ResourceSpec } from '../spec';
import {
	amountField,
	companyAddressFields,
	createInvoiceField,
	customerIdField,
	intervalField,
	mandateIdField,
	pathIdField,
	startDateField,
	vatRateField,
} from './sharedFields';
import {
	customerSubscriptionPackageRecord,
	customerSubscriptionRecord,
	pendingSignUpRecord,
} from './records';

const packageId = pathIdField(
	'packageId',
	'Customer Subscription Package',
	'spg_',
	'The subscription package to use',
	'customerSubscriptionPackage',
);

// The scopes here are inferred: the docs tie no scope to packages, and `subscription.*` is the closest.
export const customerSubscriptionPackage: ResourceSpec = {
	value: 'customerSubscriptionPackage',
	name: 'Customer Subscription Package',
	noun: 'customer subscription package',
	record: customerSubscriptionPackageRecord,
	simplified: ['id', 'name', 'interval', 'amount', 'vatRate', 'availableForSale'],
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a customer subscription package',
			description:
				'Create a predefined subscription (name, interval, price) that customers can be signed up to',
			method: 'POST',
			path: '/customer-subscription-packages',
			scope: 'subscription.write',
			bodyType: 'json',
			response: 'record',
			// The docs do not show which fields are required; name, interval, amount and VAT rate appear to be.
			fields: [
				{
					name: 'name',
					label: 'Name',
					type: 'string',
					required: true,
					description: 'Name of the package',
				},
				intervalField('How often the package is charged'),
				amountField(
					'Amount per interval in EUR, e.g. 12.95 (the docs do not say whether it includes VAT)',
				),
				vatRateField('VAT percentage of the amount'),
				{
					name: 'description',
					label: 'Description',
					type: 'string',
					description: 'Description of the package, such as its terms and conditions',
				},
				{
					name: 'availableForSale',
					label: 'Available for Sale',
					type: 'boolean',
					default: false,
					description: 'Whether the package is offered for sale',
				},
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer subscription package',
			description: 'Get one subscription package by ID',
			method: 'GET',
			path: '/customer-subscription-packages/{packageId}',
			scope: 'subscription.read',
			pathParams: [packageId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many customer subscription packages',
			description: 'List subscription packages',
			method: 'GET',
			path: '/customer-subscription-packages',
			scope: 'subscription.read',
			response: 'pages',
		},
		{
			value: 'signUpCustomer',
			name: 'Sign Up Customer',
			action: 'Sign up a customer for a subscription package',
			description:
				'Subscribe an existing customer to a package; returns the new customer subscription. For someone who is not a customer yet, use Sign Up Non-Customer.',
			method: 'POST',
			path: '/customer-subscription-packages/{packageId}/sign-up',
			scope: 'subscription.write',
			pathParams: [packageId],
			bodyType: 'json',
			response: 'record',
			returns: { noun: 'customer subscription', record: customerSubscriptionRecord },
			fields: [
				customerIdField('The customer to sign up'),
				startDateField,
				mandateIdField(
					'mandateId',
					'Mollie mandate to charge automatically; leave out for a new customer or when charges should not be automatic',
				),
				createInvoiceField,
				{
					name: 'invoiceText',
					label: 'Invoice Text',
					type: 'string',
					description: 'Text on the invoices; the portal uses the package name when it is left out',
				},
			],
		},
		{
			value: 'signUpNonCustomer',
			name: 'Sign Up Non-Customer',
			action: 'Sign up a non-customer for a subscription package',
			description:
				'Start a sign-up for someone who is not a customer yet; returns a payment link for the first term, and the sign-up is pending (and expires) until it is paid',
			method: 'POST',
			// The trailing slash is as documented; it is what tells this route from Sign Up Customer.
			path: '/customer-subscription-packages/{packageId}/sign-up/',
			scope: 'subscription.write',
			pathParams: [packageId],
			bodyType: 'json',
			response: 'record',
			returns: { noun: 'pending sign-up', record: pendingSignUpRecord },
			// The docs do not show which fields are required; all five are treated as required.
			fields: [
				...companyAddressFields.map((field) => ({ ...field, required: true })),
				{
					name: 'email',
					label: 'Email',
					type: 'email',
					required: true,
					placeholder: 'name@email.com',
					description: 'Email address that receives the notifications',
				},
			],
		},
	],
};
