import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { FieldSpec } from '../../shared';
import { listExample, locatorIdMessage, locatorUrlMessage } from './inputHints';

/** Parameter names derived from a list field: its row collection, JSON text and mode switch. */
export const listNames = (name: string) => ({ json: `${name}Json`, mode: `${name}InputMode` });

export const isList = (field: FieldSpec) =>
	field.type === 'objectList' || field.type === 'stringList';

function options(field: FieldSpec): INodePropertyOptions[] {
	return (field.options ?? []).map((option) => ({
		name: option.name,
		value: option.value,
		...(option.description ? { description: option.description } : {}),
	}));
}

function idPlaceholder(field: FieldSpec): string {
	return field.idPrefix ? `${field.idPrefix}…` : '';
}

/** A resource locator: pick from the API's list, paste an ID, or paste a URL that contains one. */
function locatorProperty(field: FieldSpec): INodeProperties {
	const prefix = field.idPrefix ?? '';
	const idPattern = `^${prefix}[A-Za-z0-9_-]+$`;
	return {
		displayName: field.label,
		name: field.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: field.required,
		description: field.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: `search_${field.locator}`, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: idPlaceholder(field),
				validation: [
					{
						type: 'regex',
						properties: {
							regex: idPattern,
							errorMessage: locatorIdMessage(field),
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `https://…/${prefix}…`,
				extractValue: { type: 'regex', regex: `(${prefix}[A-Za-z0-9_-]+)` },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `.*${prefix}[A-Za-z0-9_-]+.*`,
							errorMessage: locatorUrlMessage(field),
						},
					},
				],
			},
		],
	};
}

/** The n8n parameter for one field, without display options. */
export function fieldProperty(field: FieldSpec): INodeProperties {
	const base = {
		displayName: field.label,
		name: field.name,
		description: field.description,
		required: field.required,
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
	};
	switch (field.type) {
		case 'id':
			if (field.locator) return locatorProperty(field);
			return {
				...base,
				type: 'string',
				default: '',
				placeholder: field.placeholder ?? idPlaceholder(field),
			};
		case 'date':
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'integer':
			return {
				...base,
				type: 'number',
				default: typeof field.default === 'number' ? field.default : 0,
				typeOptions: {
					numberPrecision: 0,
					...(field.minValue !== undefined ? { minValue: field.minValue } : {}),
				},
			};
		case 'boolean':
			return { ...base, type: 'boolean', default: field.default === true };
		case 'options':
			return {
				...base,
				type: 'options',
				options: options(field),
				default: field.default ?? field.options?.[0]?.value ?? '',
			};
		case 'multiOptions':
			return {
				...base,
				type: 'multiOptions',
				options: options(field),
				default: (field.default as string[]) ?? [],
			};
		case 'binary':
			return {
				...base,
				displayName: `${field.label} (Input Binary Field)`,
				type: 'string',
				default: typeof field.default === 'string' ? field.default : 'data',
				hint: 'The name of the input field that holds the binary file',
			};
		case 'binaryList':
			return {
				...base,
				displayName: `${field.label} (Input Binary Fields)`,
				type: 'string',
				default: typeof field.default === 'string' ? field.default : 'data',
				hint: 'Names of the input fields that hold the files, separated by commas',
			};
		case 'stringList':
		case 'objectList': {
			const rowFields: FieldSpec[] =
				field.type === 'objectList'
					? (field.fields ?? [])
					: [
							{
								name: 'value',
								label: field.label,
								type: 'string',
								required: true,
								description: field.description,
								placeholder: idPlaceholder(field),
							},
						];
			return {
				...base,
				type: 'fixedCollection',
				default: {},
				placeholder: `Add ${field.label}`,
				typeOptions: {
					multipleValues: true,
					...(field.maxItems ? { maxAllowedFields: field.maxItems } : {}),
				},
				options: [
					{ displayName: field.label, name: 'items', values: rowFields.map(fieldProperty) },
				],
			};
		}
		default:
			return {
				...base,
				type: 'string',
				default: typeof field.default === 'string' ? field.default : '',
				...(field.type === 'email' && !field.placeholder ? { placeholder: 'name@email.com' } : {}),
			};
	}
}

/** The JSON alternative to a list's rows, for advanced users and expressions. */
export function listJsonProperty(field: FieldSpec): INodeProperties {
	return {
		displayName: `${field.label} (JSON)`,
		name: listNames(field.name).json,
		type: 'json',
		default: '[]',
		required: field.required,
		description: `${field.description}. A JSON array, e.g. ${listExample(field)}.`,
	};
}

export function listModeProperty(field: FieldSpec): INodeProperties {
	return {
		displayName: `${field.label} Input`,
		name: listNames(field.name).mode,
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'fields',
		description: `How to enter ${field.label.toLowerCase()}`,
	};
}
