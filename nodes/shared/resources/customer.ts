import type { FieldSpec, ResourceSpec } from '../spec';
import { companyAddressFields, customerIdField } from './sharedFields';
import { customerRecord } from './records';

const customerId = customerIdField('The customer to use');

const addressFields: FieldSpec[] = [
	...companyAddressFields,
	{
		name: 'primaryEmail',
		label: 'Primary Email',
		type: 'email',
		placeholder: 'name@email.com',
		description: 'Email address that receives the portal notifications',
	},
];

export const customer: ResourceSpec = {
	value: 'customer',
	name: 'Customer',
	noun: 'customer',
	record: customerRecord,
	simplified: [
		'id',
		'companyName',
		'primaryEmail',
		'phone',
		'address',
		'zipCode',
		'city',
		'createdAt',
	],
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a customer',
			description: 'Create a customer (a company) in the portal',
			method: 'POST',
			path: '/customers',
			scope: 'customers.write',
			bodyType: 'json',
			response: 'record',
			fields: [
				...addressFields.map((field) => ({ ...field, required: true })),
				{
					name: 'countryCode',
					label: 'Country Code',
					type: 'string',
					placeholder: 'NL',
					description: 'Two-letter ISO 3166 country code; the portal uses NL when it is left out',
				},
			],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer',
			description: 'Get one customer by ID',
			method: 'GET',
			path: '/customers/{customerId}',
			scope: 'customers.read',
			pathParams: [customerId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many customers',
			description: 'List customers in the order the portal returns them',
			method: 'GET',
			path: '/customers',
			scope: 'customers.read',
			response: 'pages',
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a customer',
			description: "Change a customer's name, address or primary email",
			method: 'PATCH',
			path: '/customers/{customerId}',
			scope: 'customers.write',
			pathParams: [customerId],
			bodyType: 'json',
			response: 'record',
			fields: addressFields,
			optionalGroup: 'updateFields',
			requireOneField: true,
			// Setting the same fields twice leaves the same record.
			idempotent: true,
		},
	],
};
