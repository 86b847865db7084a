import { outputRecord } from './outputs';
import type { FieldSpec, OperationSpec, ResourceSpec } from './spec';

/** Most fields named in a description; an agent gets the rest in the answer anyway. */
const MAX_FIELDS = 8;

const sentence = (text: string) => text.replace(/\.$/, '');

/** "a, b and c". */
function list(parts: string[]): string {
	return parts.length < 2
		? parts.join('')
		: `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** How an agent must give a value, where the label alone does not say. */
function inputName(field: FieldSpec): string {
	switch (field.type) {
		case 'id': {
			const name = /\bID$/.test(field.label) ? field.label : `${field.label} ID`;
			return field.idPrefix ? `${name} (${field.idPrefix}…)` : name;
		}
		case 'date':
			return `${field.label} (YYYY-MM-DD)`;
		case 'dateTime':
			return `${field.label} (YYYY-MM-DD HH:mm:ss)`;
		case 'money':
			return `${field.label} (EUR, e.g. 12.95)`;
		case 'options':
			return field.options && field.options.length <= 5
				? `${field.label} (${list(field.options.map((option) => String(option.value)))})`
				: field.label;
		case 'binary':
		case 'binaryList':
			return `${field.label} (binary data of the input item)`;
		default:
			return field.label;
	}
}

function needs(operation: OperationSpec): string {
	const required = [
		...(operation.pathParams ?? []),
		...(operation.fields ?? []).filter((field) => field.required),
	];
	return required.length ? `Needs ${list(required.map(inputName))}` : 'Needs no input';
}

function fieldList(resource: ResourceSpec, operation: OperationSpec): string {
	const names = Object.keys(outputRecord(resource, operation));
	return names.length > MAX_FIELDS
		? `${names.slice(0, MAX_FIELDS).join(', ')} and more`
		: names.join(', ');
}

function returns(resource: ResourceSpec, operation: OperationSpec): string {
	const noun = operation.returns?.noun ?? resource.noun;
	const fields = fieldList(resource, operation);
	switch (operation.response) {
		case 'cloudFile':
			return 'returns the file as binary data, with a download link valid for 5 minutes';
		case 'pages':
			return `returns one item per ${noun} (${fields}), at most Limit (50 unless set) unless Return All is on`;
		case 'dataList':
			return `returns one item per ${noun} (${fields})`;
		default:
			return `returns the ${noun}: ${fields}`;
	}
}

/**
 * What an AI agent reads about the operation as a tool, in two sentences built from its data:
 * what it does, which inputs it needs, and what it returns.
 */
export function toolDescription(resource: ResourceSpec, operation: OperationSpec): string {
	return `${sentence(operation.description)}. ${needs(operation)}; ${returns(resource, operation)}.`;
}
