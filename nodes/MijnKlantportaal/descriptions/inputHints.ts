import type { FieldSpec } from '../../shared';

/*
 * What to tell a user (or an AI agent) to do when a field's value cannot be sent. These become
 * the description of an input error and the editor's validation messages, so they say what to
 * enter, with an example, and never just repeat the field's help text.
 */

/** Words that keep their case in a sentence: acronyms and the product's name. */
const keepCase = (word: string) => /^[A-Z0-9]{2,}$/.test(word) || word === 'MijnKlantportaal';

/** The thing an ID field names, in sentence case: "Issued Punch Card ID" → "issued punch card". */
export function idNoun(field: FieldSpec): string {
	return field.label
		.replace(/\s+ID$/, '')
		.split(' ')
		.map((word) => (keepCase(word) ? word : word.toLowerCase()))
		.join(' ');
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

/** e.g. `cst_…`, or a description of the characters when the ID has no documented prefix. */
function idExample(field: FieldSpec): string {
	return field.idPrefix ? `an ID like ${field.idPrefix}…` : 'an ID (letters, digits, _ and - only)';
}

/** For a record ID: pick it from the list (resource locators) or enter it. */
export function idHint(field: FieldSpec): string {
	const noun = idNoun(field);
	if (field.locator) {
		return `Pick ${article(noun)} ${noun} from the list, or enter ${idExample(field)}`;
	}
	return field.idPrefix
		? `Enter ${article(noun)} ${noun} ID like ${field.idPrefix}…`
		: `Enter ${article(noun)} ${noun} ${idExample(field)}`;
}

/** A value of the right type for an example row. */
function sample(field: FieldSpec): unknown {
	if (field.type === 'boolean') return false;
	if (field.type === 'integer') return field.minValue ?? 1;
	if (field.type === 'money') return '12.95';
	if (field.type === 'options') return field.options?.[0]?.value ?? '';
	return '';
}

/** A JSON array example for a list field, as its JSON parameter shows it. */
export function listExample(field: FieldSpec): string {
	if (field.type === 'objectList') {
		return JSON.stringify([
			Object.fromEntries((field.fields ?? []).map((f) => [f.name, sample(f)])),
		]);
	}
	return field.idPrefix ? `["${field.idPrefix}…"]` : '["…"]';
}

const MAX_SAFE_TEXT = String(Number.MAX_SAFE_INTEGER);

/** The largest amount in euros whose cents are still a safe integer: 90071992547409.91. */
export const MAX_EUROS_TEXT = `${MAX_SAFE_TEXT.slice(0, -2)}.${MAX_SAFE_TEXT.slice(-2)}`;

/** What a valid value of the field looks like, by its type. */
export function valueHint(field: FieldSpec): string {
	switch (field.type) {
		case 'id':
			return idHint(field);
		case 'date':
			return 'Enter a date as YYYY-MM-DD, e.g. 2024-05-11 (an n8n date or an ISO 8601 timestamp also works)';
		case 'dateTime':
			return 'Enter a date and time as YYYY-MM-DD HH:mm:ss in portal time (Europe/Amsterdam), e.g. 2024-05-11 12:59:00, or an ISO 8601 timestamp with an offset, e.g. 2024-05-11T10:59:00Z';
		case 'money':
			return 'Enter an amount in euros with at most two decimals, as a number or as text, e.g. 12.95 or 12,95';
		case 'integer':
			return `Enter a whole number${
				field.minValue !== undefined ? ` of at least ${field.minValue}` : ''
			} in digits only, e.g. ${Math.max(field.minValue ?? 10, 10)}`;
		case 'boolean':
			return 'Use true or false (1 and 0 also work)';
		case 'options':
			return `Pick one of the options, or give one of these values: ${allowedValues(field)}`;
		case 'multiOptions':
			return `Pick options from the list, or give a list of these values, e.g. ["${String(
				field.options?.[0]?.value ?? '…',
			)}"]: ${allowedValues(field)}`;
		case 'email':
			return 'Enter an email address, e.g. name@example.com';
		case 'url':
			return 'Enter a full URL that starts with https:// (or http://), e.g. https://example.com/hook';
		case 'ip':
			return 'Enter an IPv4 address such as 203.0.113.7, or an IPv6 address such as 2001:db8::1';
		case 'stringList':
			return field.idPrefix
				? `Enter one ID like ${field.idPrefix}… per row, or a JSON array of IDs, e.g. ${listExample(field)}`
				: `Enter one value per row, or a JSON array of text values, e.g. ${listExample(field)}`;
		case 'objectList':
			return `Add a row for each entry, or switch ${field.label} Input to "Using JSON" and enter a JSON array of objects, e.g. ${listExample(field)}`;
		case 'binary':
		case 'binaryList':
			return 'Enter the name of the input binary field that holds the file, e.g. data';
		default:
			return `Enter ${field.label} as text`;
	}
}

export function allowedValues(field: FieldSpec): string {
	return (field.options ?? []).map((option) => String(option.value)).join(', ');
}

/** For a required field without a value. */
export function requiredHint(field: FieldSpec): string {
	const how =
		field.type === 'id' || field.type === 'stringList' || field.type === 'objectList'
			? valueHint(field)
			: `Fill in ${field.label}`;
	return `${how}; if it is an expression, it gave an empty value for this item`;
}

/** The editor's validation message for a resource locator's "By ID" mode. */
export function locatorIdMessage(field: FieldSpec): string {
	const noun = idNoun(field);
	return `Not ${article(noun)} ${noun} ID: enter one that starts with "${field.idPrefix ?? ''}", or pick ${article(noun)} ${noun} from the list`;
}

/** The editor's validation message for a resource locator's "By URL" mode. */
export function locatorUrlMessage(field: FieldSpec): string {
	const noun = idNoun(field);
	return `Not a URL that contains ${article(noun)} ${noun} ID: paste a link that contains "${field.idPrefix ?? ''}…", or enter the ID itself under By ID`;
}
