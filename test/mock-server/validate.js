'use strict';
// Request validation with Laravel-shaped 422s (`errors: {field: [message]}`, nested fields dotted
// like `signers.0.email`), the 404 lookups of path IDs, and multipart field decoding.
const { ApiError, validationError } = require('./errors');
const { parseDate, parseDateTime, toCents, money } = require('./format');

/** The 23 event types of API.md §7: the enum of a webhook's `type`. */
const WEBHOOK_TYPES = Object.freeze([
	'appointment-created', 'appointment-canceled',
	'customer-created', 'customer-deleted',
	'offer-created', 'offer-deleted', 'offer-accepted', 'offer-rejected',
	'invoice-created', 'invoice-chargeback', 'invoice-paid', 'invoice-deleted',
	'payment-link-created', 'payment-link-expired', 'payment-link-paid',
	'ticket-created', 'ticket-reply-customer', 'ticket-reply-employee',
	'subscription-created', 'subscription-updated', 'subscription-deleted', 'subscription-payment-created', 'subscription-payment-updated',
]);
const INTERVALS = Object.freeze(['14 days', '1 month', '2 months', '6 months', '1 year']);
const VAT_RATES = Object.freeze([0, 9, 21]);

/** Laravel prints `companyName` as "company name"; nested paths stay dotted. */
function attribute(path) {
	return path.includes('.') ? path : path.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

const TRUE = new Set([true, 1, '1', 'true']);
const FALSE = new Set([false, 0, '0', 'false']);

/** Type coercions: [ok, value]. Multipart sends everything as strings, hence the string forms. */
const TYPES = {
	string: (v) => (typeof v === 'string' ? [true, v.trim()] : [false]),
	email: (v) => (typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? [true, v.trim()] : [false]),
	url: (v) => {
		if (typeof v !== 'string') return [false];
		try {
			const url = new URL(v.trim());
			return url.protocol === 'http:' || url.protocol === 'https:' ? [true, v.trim()] : [false];
		} catch {
			return [false];
		}
	},
	date: (v) => (parseDate(v) !== null ? [true, v] : [false]),
	datetime: (v) => {
		const ms = parseDateTime(v);
		return ms !== null ? [true, ms] : [false];
	},
	/** Appointments document `Y-m-d H:i` but show seconds in the example: both are taken. */
	datetimeLoose: (v) => {
		const ms = parseDateTime(v, { optionalSeconds: true });
		return ms !== null ? [true, ms] : [false];
	},
	money: (v) => {
		const cents = toCents(v);
		return cents !== null ? [true, money(cents)] : [false];
	},
	integer: (v) => {
		if (typeof v === 'number' && Number.isInteger(v)) return [true, v];
		if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return [true, Number(v)];
		return [false];
	},
	boolean: (v) => (TRUE.has(v) ? [true, true] : FALSE.has(v) ? [true, false] : [false]),
	array: (v) => (Array.isArray(v) ? [true, v] : [false]),
	object: (v) => (v && typeof v === 'object' && !Array.isArray(v) ? [true, v] : [false]),
};

const MESSAGES = {
	string: 'The :a field must be a string.',
	email: 'The :a field must be a valid email address.',
	url: 'The :a field must be a valid URL.',
	date: 'The :a field must match the format Y-m-d.',
	datetime: 'The :a field must match the format Y-m-d H:i:s.',
	datetimeLoose: 'The :a field must match the format Y-m-d H:i.',
	money: 'The :a field must be a decimal amount with at most 2 decimal places.',
	integer: 'The :a field must be an integer.',
	boolean: 'The :a field must be true or false.',
	array: 'The :a field must be an array.',
	object: 'The :a field must be an object.',
};

function addError(errors, field, message) {
	(errors[field] ||= []).push(message.replace(':a', attribute(field)));
}

/** A boolean-ish input that is true (multipart sends 'true'/'1'). */
const truthy = (v) => TRUE.has(v);

/** Laravel's ConvertEmptyStringsToNull: '' counts as absent; so does an empty array for `required`. */
const isBlank = (v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * @typedef {object} FieldSpec
 * @property {keyof TYPES} type
 * @property {boolean | ((input: object) => boolean)} [required]
 * @property {string} [requiredMessage] with `:a` for the attribute
 * @property {boolean} [nullable] an explicit null is kept as null
 * @property {readonly unknown[]} [enum]
 * @property {RegExp} [pattern] @property {string} [patternMessage]
 * @property {number} [min] integer value / money cents / string length
 * @property {number} [max]
 * @property {number} [size] exact string length
 * @property {number} [minItems] @property {number} [maxItems]
 * @property {FieldSpec} [items] spec of each array element
 * @property {Record<string, FieldSpec>} [fields] spec of an object (or of each array element object)
 * @property {string} [exists] collection name the value must be an id of
 * @property {(record: any) => boolean} [where] extra condition on the referenced record
 */

/**
 * @param {any} input
 * @param {Record<string, FieldSpec>} schema
 * @param {any} store for `exists`
 * @param {string} [prefix] dotted path of a nested object
 */
function validate(input, schema, store, prefix = '', errors = {}) {
	const values = {};
	const source = input && typeof input === 'object' ? input : {};
	for (const [name, spec] of Object.entries(schema)) {
		const path = prefix + name;
		const raw = source[name];
		if (isBlank(raw)) {
			const required = typeof spec.required === 'function' ? spec.required(source) : spec.required;
			if (required) addError(errors, path, spec.requiredMessage || 'The :a field is required.');
			else if (raw === null && spec.nullable) values[name] = null;
			continue;
		}
		const value = checkValue(raw, spec, path, store, errors);
		if (value !== undefined) values[name] = value;
	}
	return { values, errors };
}

function checkValue(raw, spec, path, store, errors) {
	const [ok, value] = TYPES[spec.type](raw);
	if (!ok) return void addError(errors, path, MESSAGES[spec.type]);
	if (spec.enum && !spec.enum.includes(value)) return void addError(errors, path, 'The selected :a is invalid.');
	if (spec.pattern && !spec.pattern.test(value)) return void addError(errors, path, spec.patternMessage || 'The :a field format is invalid.');
	const measure = spec.type === 'money' ? toCents(value) : typeof value === 'string' ? value.length : value;
	const unit = spec.type === 'string' ? ' characters' : '';
	if (spec.size !== undefined && measure !== spec.size) return void addError(errors, path, `The :a field must be ${spec.size}${unit}.`);
	if (spec.min !== undefined && typeof measure === 'number' && measure < spec.min) {
		return void addError(errors, path, `The :a field must be at least ${spec.type === 'money' ? money(spec.min) : spec.min}${unit}.`);
	}
	if (spec.max !== undefined && typeof measure === 'number' && measure > spec.max) {
		return void addError(errors, path, `The :a field must not be greater than ${spec.type === 'money' ? money(spec.max) : spec.max}${unit}.`);
	}
	if (spec.type === 'array') {
		if (spec.minItems !== undefined && value.length < spec.minItems) return void addError(errors, path, `The :a field must have at least ${spec.minItems} items.`);
		if (spec.maxItems !== undefined && value.length > spec.maxItems) return void addError(errors, path, `The :a field must not have more than ${spec.maxItems} items.`);
		const itemSpec = spec.items || (spec.fields && { type: 'object', fields: spec.fields });
		if (!itemSpec) return value;
		const out = [];
		value.forEach((item, i) => {
			if (isBlank(item)) return void addError(errors, `${path}.${i}`, 'The :a field is required.');
			out.push(checkValue(item, itemSpec, `${path}.${i}`, store, errors));
		});
		return out;
	}
	if (spec.type === 'object' && spec.fields) return validate(value, spec.fields, store, `${path}.`, errors).values;
	if (spec.exists) {
		const record = store.collection(spec.exists).get(value);
		if (!record || (spec.where && !spec.where(record))) return void addError(errors, path, 'The selected :a is invalid.');
	}
	return value;
}

/**
 * Validates and returns the coerced values, or throws the 422. `more(values, fail)` adds
 * cross-field checks (e.g. endsAt after startsAt) that only run when the fields themselves passed.
 */
function check(input, schema, store, more) {
	const { values, errors } = validate(input, schema, store);
	if (more) more(values, (field, message) => addError(errors, field, message), errors);
	if (Object.keys(errors).length) throw validationError(errors);
	return values;
}

/** Throws a one-field 422. */
function fail(field, message) {
	const errors = {};
	addError(errors, field, message);
	throw validationError(errors);
}

/** MKP's own invoices are just `Invoice` in its 404s; other records are named after their collection. */
const LABEL_EXCEPTIONS = { mkpInvoices: 'Invoice' };

/** `customerInvoices` → `Customer Invoice`, the record name the API's 404s use. */
function labelOf(collection) {
	return LABEL_EXCEPTIONS[collection] ?? collection.replace(/s$/, '').replace(/[A-Z]/g, ' $&').replace(/^./, (c) => c.toUpperCase());
}

/** 404 in the documented wording: `No Customer Offer can be found for the given ID`. */
function notFound(collection, message) {
	return new ApiError(404, message || `No ${labelOf(collection)} can be found for the given ID`);
}

/** The record of a path ID, or the 404. */
function findOr404(store, collection, id, message) {
	const record = store.collection(collection).get(id);
	if (!record) throw notFound(collection, message);
	return record;
}

/** `signers[0][firstName]` → ['signers', '0', 'firstName']; `documents[]` → ['documents', '']. */
function keyPath(key) {
	const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(key);
	if (!match) return [key];
	return [match[1], ...match[2].slice(1, -1).split('][')];
}

/** Objects whose keys are all indexes become arrays (PHP's form decoding does the same). */
function arraysFromIndexes(value) {
	if (!value || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map(arraysFromIndexes);
	const keys = Object.keys(value);
	const out = {};
	for (const k of keys) out[k] = arraysFromIndexes(value[k]);
	if (keys.length && keys.every((k) => /^\d+$/.test(k))) return keys.sort((a, b) => a - b).map((k) => out[k]);
	return out;
}

/** Multipart text fields with PHP-style bracket names expanded into nested objects/arrays. */
function formFields(fields) {
	const root = {};
	for (const [key, value] of Object.entries(fields || {})) {
		const parts = keyPath(key);
		if (parts.length === 1) {
			root[key] = value;
			continue;
		}
		for (const v of Array.isArray(value) ? value : [value]) {
			let node = root;
			for (let i = 0; i < parts.length; i++) {
				const last = i === parts.length - 1;
				let part = parts[i];
				if (part === '') part = String(Object.keys(node).length);
				if (last) node[part] = v;
				else {
					if (!node[part] || typeof node[part] !== 'object') node[part] = {};
					node = node[part];
				}
			}
		}
	}
	return arraysFromIndexes(root);
}

/** Input of an endpoint that takes multipart (or, leniently, JSON/form without files). */
function formInput(ctx) {
	return ctx.multipart ? formFields(ctx.multipart.fields) : ctx.body || {};
}

/** Uploaded files whose field is `name`, `name[]`, `name[n]` or `name.items` (OpenAPI's curl style). */
function filesOf(ctx, name) {
	if (!ctx.multipart) return [];
	const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\[\\d*\\]|\\.items)?$`);
	return ctx.multipart.files.filter((f) => pattern.test(f.field));
}

module.exports = {
	WEBHOOK_TYPES, INTERVALS, VAT_RATES, validate, check, fail, notFound, findOr404, formFields, formInput, filesOf, attribute, isBlank, truthy,
};
