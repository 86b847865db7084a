import type { FieldSpec, ResourceSpec } from '../spec';
import { pathIdField } from './sharedFields';
import { customerGroupRecord, customerRecord } from './records';

const customerGroupId = pathIdField(
	'customerGroupId',
	'Customer Group',
	'cug_',
	'The customer group to use',
	'customerGroup',
);

const name: FieldSpec = {
	name: 'name',
	label: 'Name',
	type: 'string',
	required: true,
	description: 'Name of the customer group',
};

const customers: FieldSpec = {
	name: 'customers',
	label: 'Customers',
	type: 'stringList',
	idPrefix: 'cst_',
	description: 'IDs of the customers to add; the portal silently ignores unknown IDs',
};

export const customerGroup: ResourceSpec = {
	value: 'customerGroup',
	name: 'Customer Group',
	noun: 'customer group',
	record: customerGroupRecord,
	simplified: ['id', 'name'],
	operations: [
		{
			value: 'addCustomers',
			name: 'Add Customers',
			action: 'Add customers to a customer group',
			description:
				'Add existing customers to a group; customers cannot be removed from a group through the API',
			method: 'POST',
			path: '/customer-groups/{customerGroupId}/customers',
			scope: 'customers.write',
			pathParams: [customerGroupId],
			bodyType: 'json',
			// Not paginated: the API returns the customers in `{data}`.
			response: 'dataList',
			returns: { noun: 'customer', record: customerRecord },
			fields: [{ ...customers, required: true }],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a customer group',
			description: 'Create a group of customers, optionally with its first members',
			method: 'POST',
			path: '/customer-groups',
			scope: 'customers.write',
			bodyType: 'json',
			response: 'record',
			fields: [name, customers],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a customer group',
			description: 'Get one customer group by ID (its name; the API does not list its members)',
			method: 'GET',
			path: '/customer-groups/{customerGroupId}',
			scope: 'customers.read',
			pathParams: [customerGroupId],
			response: 'record',
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many customer groups',
			description: 'List customer groups',
			method: 'GET',
			path: '/customer-groups',
			scope: 'customers.read',
			response: 'pages',
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a customer group',
			description: 'Rename a customer group',
			method: 'PATCH',
			path: '/customer-groups/{customerGroupId}',
			scope: 'customers.write',
			pathParams: [customerGroupId],
			bodyType: 'json',
			response: 'record',
			fields: [name],
			// Setting the same name twice leaves the same group.
			idempotent: true,
		},
	],
};
