import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';
import { isList, listNames } from '../descriptions/fieldProperties';
import { listExample, requiredHint } from '../descriptions/inputHints';
import {
	InputError,
	toBoolean,
	toId,
	toInteger,
	toMoney,
	toOption,
	toPortalDate,
	toPortalDateTime,
	toText,
} from './convert';
import type { FieldSpec, OperationSpec } from '../../shared';

export interface FilePart {
	formKey: string;
	data: Buffer;
	fileName: string;
	mimeType: string;
}

export interface OperationInput {
	path: string;
	qs: Record<string, string | number | boolean>;
	body: IDataObject;
	files: FilePart[];
	/** The last ID in the path and what it names, for 404 messages (e.g. an issued punch card). */
	id?: string;
	idLabel?: string;
}

const isEmpty = (value: unknown) =>
	value === undefined ||
	value === null ||
	value === '' ||
	(Array.isArray(value) && value.length === 0) ||
	(typeof value === 'object' &&
		!Array.isArray(value) &&
		Object.keys(value as object).length === 0 &&
		!(value instanceof Date));

/** Converts one value of a field to what the API takes; binaries are handled by the caller. */
export function convert(field: FieldSpec, value: unknown): unknown {
	switch (field.type) {
		case 'id':
			return toId(field, value);
		case 'date':
			return toPortalDate(field, value);
		case 'dateTime':
			return toPortalDateTime(field, value);
		case 'money': {
			const amount = toMoney(field, value);
			return field.asNumber ? Number(amount) : amount;
		}
		case 'integer':
			return toInteger(field, value);
		case 'boolean':
			return toBoolean(field, value);
		case 'options':
			return toOption(field, value);
		case 'multiOptions':
			if (!Array.isArray(value)) throw new InputError(field, 'must be a list of values');
			return value.map((entry) => toOption(field, entry));
		case 'stringList':
		case 'objectList':
			return convertList(field, value);
		default:
			return toText(field, value);
	}
}

function rowsOf(field: FieldSpec, value: unknown): unknown[] {
	if (typeof value === 'string') {
		// jsonParse rethrows unless the fallback is defined: null makes bad JSON land in the check below.
		const parsed = jsonParse<unknown>(value.trim() || '[]', { fallbackValue: null });
		if (!Array.isArray(parsed)) {
			throw new InputError(
				field,
				'must be a JSON array',
				`Enter a JSON array in [ ], e.g. ${listExample(field)}`,
			);
		}
		return parsed;
	}
	if (Array.isArray(value)) return value;
	const items = (value as { items?: unknown[] } | undefined)?.items;
	if (Array.isArray(items)) {
		return field.type === 'stringList'
			? items.map((row) => (row as { value?: unknown }).value)
			: items;
	}
	if (isEmpty(value)) return [];
	throw new InputError(field, 'must be a list');
}

function convertList(field: FieldSpec, value: unknown): unknown[] {
	const rows = rowsOf(field, value);
	if (field.maxItems !== undefined && rows.length > field.maxItems) {
		throw new InputError(
			field,
			`has ${rows.length} entries; at most ${field.maxItems} are allowed`,
			`Remove ${rows.length - field.maxItems} of the entries: ${field.label} takes at most ${field.maxItems}`,
		);
	}
	if (field.type === 'stringList') {
		return rows.map((row) => (field.idPrefix ? toId(field, row) : toText(field, row)));
	}
	return rows.map((row, index) => {
		if (!row || typeof row !== 'object' || Array.isArray(row)) {
			throw new InputError(
				field,
				`entry ${index + 1} must be an object`,
				`Make every entry of the JSON array an object with the fields of a row, e.g. ${listExample(field)}`,
			);
		}
		const out: IDataObject = {};
		for (const sub of field.fields ?? []) {
			const raw = (row as IDataObject)[sub.name];
			if (isEmpty(raw) && sub.type !== 'boolean') {
				if (sub.required) {
					throw new InputError(
						field,
						`entry ${index + 1} has no ${sub.label} (${sub.name})`,
						`Give every entry of ${field.label} a ${sub.label} (${sub.name}); it is required`,
					);
				}
				continue;
			}
			// The row's field is named with its list and position, e.g. "Lines 2 › Amount (lines[1].amountExclVat)".
			const located = {
				...sub,
				label: `${field.label} ${index + 1} › ${sub.label}`,
				name: `${field.name}[${index}].${sub.name}`,
			};
			// A JSON row without a boolean gets the same default as a row made in the editor.
			out[sub.name] = convert(located, raw ?? sub.default ?? false) as IDataObject[string];
		}
		return out;
	});
}

async function readBinary(
	this: IExecuteFunctions,
	field: FieldSpec,
	propertyName: string,
	itemIndex: number,
) {
	const name = toText(field, propertyName);
	const item = this.getInputData()[itemIndex];
	if (!item?.binary?.[name]) {
		const present = Object.keys(item?.binary ?? {});
		throw new InputError(
			field,
			`the input item has no binary field "${name}"`,
			present.length
				? `Enter the name of one of the input item's binary fields: ${present.join(', ')}`
				: 'The input item has no binary data at all: put the file in it first (e.g. with a Read/Write Files from Disk or an HTTP Request node), then enter the name of its binary field, e.g. data',
		);
	}
	const binary = this.helpers.assertBinaryData(itemIndex, name);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, name);
	return {
		data,
		fileName: binary.fileName ?? name,
		mimeType: binary.mimeType ?? 'application/octet-stream',
	};
}

/** An InputError becomes the node's error for the item: `Invalid <Label> (<name>): … [item N]`. */
function failInput(this: IExecuteFunctions, error: unknown, itemIndex: number): never {
	if (error instanceof InputError) {
		throw new NodeOperationError(this.getNode(), `Invalid ${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.hint,
		});
	}
	throw error;
}

const RETURN_ALL: FieldSpec = {
	name: 'returnAll',
	label: 'Return All',
	type: 'boolean',
	description: 'Whether to return all results or only up to a given limit',
};
const LIMIT: FieldSpec = {
	name: 'limit',
	label: 'Limit',
	type: 'integer',
	minValue: 1,
	description: 'Max number of results to return',
};

/**
 * How many records a list returns: undefined for Return All, else Limit, a whole number of at
 * least 1. Both may come from expressions (an agent's `$fromAI` included), so they are checked
 * here like any field: "abc" would otherwise fetch every page, and 0 return nothing.
 */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	try {
		if (toBoolean(RETURN_ALL, this.getNodeParameter('returnAll', itemIndex, false)))
			return undefined;
		return toInteger(
			LIMIT,
			this.getNodeParameter('limit', itemIndex, 50),
			'Enter a whole number of at least 1 in digits only, e.g. 10, or turn on Return All to get every record',
		);
	} catch (error) {
		return failInput.call(this, error, itemIndex);
	}
}

/** Reads, checks and converts every parameter of an operation for one item. No request is sent. */
export async function readOperationInput(
	this: IExecuteFunctions,
	operation: OperationSpec,
	itemIndex: number,
): Promise<OperationInput> {
	const input: OperationInput = { path: operation.path, qs: {}, body: {}, files: [] };
	const fail = (error: unknown) => failInput.call(this, error, itemIndex);

	for (const param of operation.pathParams ?? []) {
		try {
			const raw = this.getNodeParameter(param.name, itemIndex, '', { extractValue: true });
			if (isEmpty(raw)) throw new InputError(param, 'is required', requiredHint(param));
			const id = toId(param, raw);
			input.id = id;
			input.idLabel = param.label;
			input.path = input.path.replace(`{${param.name}}`, encodeURIComponent(id));
		} catch (error) {
			fail(error);
		}
	}

	const group = operation.optionalGroup ?? 'additionalFields';
	const optionalValues = (operation.fields ?? []).some((f) => !f.required)
		? (this.getNodeParameter(group, itemIndex, {}) as IDataObject)
		: {};

	let provided = 0;
	for (const field of operation.fields ?? []) {
		try {
			let raw: unknown;
			if (field.required) {
				const mode = isList(field)
					? (this.getNodeParameter(listNames(field.name).mode, itemIndex, 'fields') as string)
					: 'fields';
				raw = this.getNodeParameter(
					mode === 'json' ? listNames(field.name).json : field.name,
					itemIndex,
					undefined,
					{
						extractValue: true,
					},
				);
			} else {
				raw = optionalValues[field.name];
				const json = isList(field) ? optionalValues[listNames(field.name).json] : undefined;
				if (!isEmpty(json) && json !== '[]') {
					if (!isEmpty(raw)) {
						throw new InputError(
							field,
							'set either the rows or the JSON, not both',
							`Use either the ${field.label} rows or ${field.label} (JSON), not both: remove one of them`,
						);
					}
					raw = json;
				}
				if (raw && typeof raw === 'object' && '__rl' in (raw as object))
					raw = (raw as { value?: unknown }).value;
			}
			if (isEmpty(raw) || (isList(field) && convertList(field, raw).length === 0)) {
				if (field.required) throw new InputError(field, 'is required', requiredHint(field));
				continue;
			}
			provided++;
			if (field.type === 'binary' || field.type === 'binaryList') {
				const names =
					field.type === 'binary'
						? [String(raw)]
						: String(raw)
								.split(',')
								.map((n) => n.trim())
								.filter(Boolean);
				for (const name of names) {
					const file = await readBinary.call(this, field, name, itemIndex);
					if (field.asDataUrl)
						input.body[field.name] = `data:${file.mimeType};base64,${file.data.toString('base64')}`;
					else input.files.push({ formKey: field.formKey ?? field.name, ...file });
				}
				continue;
			}
			const value = convert(field, raw);
			if (field.in === 'query') input.qs[field.name] = value as string | number | boolean;
			else input.body[field.name] = value as IDataObject[string];
		} catch (error) {
			fail(error);
		}
	}

	if (operation.requireOneField && provided === 0) {
		// Name the collection and every field it offers, each with its label and API name.
		const label = group === 'updateFields' ? 'Update Fields' : 'Additional Fields';
		const choices = (operation.fields ?? [])
			.filter((f) => !f.required)
			.map((f) => `${f.label} (${f.name})`);
		throw new NodeOperationError(
			this.getNode(),
			`Set at least one field under "${label}" (${group}): ${choices.join(', ')} [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Add one of these fields under ${label} and give it a value. An update with nothing to change is not sent.`,
			},
		);
	}
	checkLimits.call(this, operation, input, itemIndex);
	return input;
}

function checkLimits(
	this: IExecuteFunctions,
	operation: OperationSpec,
	input: OperationInput,
	itemIndex: number,
) {
	const limits = operation.limits;
	if (!limits) return;
	// The limits apply to the files sent as file parts; the message names their field.
	const field = (operation.fields ?? []).find(
		(f) => (f.type === 'binaryList' || f.type === 'binary') && !f.asDataUrl,
	);
	const subject = field ? `${field.label} (${field.name})` : 'Files';
	if (limits.maxFiles !== undefined && input.files.length > limits.maxFiles) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid ${subject}: ${input.files.length} files given, at most ${limits.maxFiles} allowed [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Name at most ${limits.maxFiles} binary fields, separated by commas`,
			},
		);
	}
	const total = input.files.reduce((sum, file) => sum + file.data.length, 0);
	if (limits.maxTotalBytes !== undefined && total > limits.maxTotalBytes) {
		const mb = Math.round(limits.maxTotalBytes / 1048576);
		throw new NodeOperationError(
			this.getNode(),
			`Invalid ${subject}: the files total ${total} bytes; at most ${limits.maxTotalBytes} bytes (${mb} MB) are allowed [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Send files of at most ${mb} MB together: leave some out, or make them smaller (e.g. compress the PDFs)`,
			},
		);
	}
}
