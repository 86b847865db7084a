import type { INodeProperties } from 'n8n-workflow';
import type { FieldSpec, OperationSpec, ResourceSpec } from '../../shared';
import {
	fieldProperty,
	isList,
	listJsonProperty,
	listModeProperty,
	listNames,
} from './fieldProperties';

const show = (resource: string, operation: string, extra: Record<string, unknown[]> = {}) => ({
	displayOptions: { show: { resource: [resource], operation: [operation], ...extra } },
});

function operationProperty(resource: ResourceSpec): INodeProperties {
	const operations = [...resource.operations].sort((a, b) => a.name.localeCompare(b.name));
	const defaultOperation =
		operations.find((op) => op.value === 'getAll')?.value ?? operations[0].value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: operations.map((op) => ({
			name: op.name,
			value: op.value,
			description: op.description,
			action: op.action,
		})),
		default: defaultOperation,
	};
}

/** A required field at the top level; a list gets its rows, its JSON text and a switch. */
function requiredFieldProperties(
	resource: string,
	op: string,
	field: FieldSpec,
): INodeProperties[] {
	if (!isList(field)) return [{ ...fieldProperty(field), ...show(resource, op) }];
	const mode = listNames(field.name).mode;
	return [
		{ ...listModeProperty(field), ...show(resource, op) },
		{ ...fieldProperty(field), ...show(resource, op, { [mode]: ['fields'] }) },
		{ ...listJsonProperty(field), ...show(resource, op, { [mode]: ['json'] }) },
	];
}

/** Optional fields live in one collection; a list appears there as rows and as JSON. */
function optionalGroupProperty(
	resource: string,
	operation: OperationSpec,
	fields: FieldSpec[],
): INodeProperties {
	const name = operation.optionalGroup ?? 'additionalFields';
	const options: INodeProperties[] = [];
	for (const field of fields) {
		const property = fieldProperty({ ...field, required: false });
		options.push(property);
		if (isList(field)) options.push(listJsonProperty({ ...field, required: false }));
	}
	options.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		displayName: name === 'updateFields' ? 'Update Fields' : 'Additional Fields',
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...show(resource, operation.value),
		options,
	};
}

function listProperties(resource: string, op: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			...show(resource, op),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			...show(resource, op, { returnAll: [false] }),
		},
	];
}

function downloadProperties(resource: string, op: string): INodeProperties[] {
	return [
		{
			displayName: 'Download File',
			name: 'download',
			type: 'boolean',
			default: true,
			description:
				'Whether to download the file into binary output; otherwise only the 5-minute link is returned',
			...show(resource, op),
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
			...show(resource, op, { download: [true] }),
		},
	];
}

export function operationProperties(
	resource: ResourceSpec,
	operation: OperationSpec,
): INodeProperties[] {
	const r = resource.value;
	const op = operation.value;
	const properties: INodeProperties[] = [];
	for (const param of operation.pathParams ?? []) {
		properties.push({ ...fieldProperty({ ...param, required: true }), ...show(r, op) });
	}
	const fields = operation.fields ?? [];
	const optional = fields.filter((field) => !field.required);
	for (const field of fields.filter((f) => f.required))
		properties.push(...requiredFieldProperties(r, op, field));
	if (optional.length) properties.push(optionalGroupProperty(r, operation, optional));
	if (operation.response === 'pages') properties.push(...listProperties(r, op));
	if (operation.response === 'cloudFile') properties.push(...downloadProperties(r, op));
	return properties;
}

export function resourceProperties(resources: ResourceSpec[]): INodeProperties[] {
	const properties: INodeProperties[] = [];
	for (const resource of resources) {
		properties.push(operationProperty(resource));
		for (const operation of resource.operations)
			properties.push(...operationProperties(resource, operation));
	}
	return properties;
}
