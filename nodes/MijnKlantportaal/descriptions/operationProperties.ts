import type { INodeProperties } from 'n8n-workflow';
import { SIMPLIFY_SINCE_VERSION, simplifiedFields, toolDescription } from '../../shared';
import type { FieldSpec, OperationSpec, ResourceSpec } from '../../shared';
import { CUSTOM_API_CALL, CUSTOM_API_CALL_RESOURCE } from './customApiCall';
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
		options: [
			...operations.map((op) => ({
				name: op.name,
				value: op.value,
				description: op.description,
				action: op.action,
			})),
			CUSTOM_API_CALL,
		],
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

/** Simplify on Get and Get Many, on by default as in n8n's own nodes, from the version that brought it. */
function simplifyProperty(resource: string, op: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		...show(resource, op, { '@version': [{ _cnd: { gte: SIMPLIFY_SINCE_VERSION } }] }),
	};
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
	if (simplifiedFields(resource, operation)) properties.push(simplifyProperty(r, op));
	return properties;
}

/** The Resource choice, then each resource's operations and their fields. */
export function resourceProperties(resources: ResourceSpec[]): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				...resources.map((resource) => ({ name: resource.name, value: resource.value })),
				CUSTOM_API_CALL_RESOURCE,
			],
			default: 'customer',
		},
	];
	for (const resource of resources) {
		properties.push(operationProperty(resource));
		for (const operation of resource.operations)
			properties.push(...operationProperties(resource, operation));
	}
	return properties;
}

/** The Tool Description of the node as an AI tool: one per operation, prefilled from its data. */
function toolDescriptionProperty(text: string, show: Record<string, unknown[]>): INodeProperties {
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 3 },
		default: text,
		displayOptions: { show: { '@tool': [true], ...show } },
		description:
			'What the AI agent reads to decide when and how to use this tool. Prefilled from the operation; edit it to add context.',
	};
}

/**
 * n8n gives a node used as a tool a "Tool Description" whose automatic text is only the action
 * ("Get many customers in MijnKlantportaal"): n8n builds it like the node's default name, from the
 * same `action`. A node that has its own `toolDescription` property gets none from n8n, and n8n
 * hands that property's value to the agent. Ours says what the operation does, what it needs and
 * what it returns.
 */
export function toolDescriptionProperties(resources: ResourceSpec[]): INodeProperties[] {
	const properties: INodeProperties[] = [];
	for (const resource of resources) {
		for (const operation of resource.operations) {
			properties.push(
				toolDescriptionProperty(toolDescription(resource, operation), {
					resource: [resource.value],
					operation: [operation.value],
				}),
			);
		}
	}
	properties.push(
		toolDescriptionProperty(
			'Send a request to any path under the MijnKlantportaal API base URL. Needs Method and Path (e.g. /customers), optionally Query Parameters and a JSON Body; returns the response body, one item per record when Follow Pages is on.',
			{ operation: [String(CUSTOM_API_CALL.value)] },
		),
	);
	return properties;
}
