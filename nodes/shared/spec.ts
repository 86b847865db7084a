import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/**
 * How a value is read from the node's parameters, checked and sent.
 * - `string`, `email`, `url`, `ip`: text (trimmed; `email`, `url` and `ip` are also checked).
 * - `id`: a record ID with a documented prefix (`idPrefix`); shown as a resource locator when `locator` is set.
 * - `date`: sent as `YYYY-mm-dd`. `dateTime`: sent as `YYYY-mm-dd HH:mm:ss` in the portal's time zone.
 * - `money`: a number or a decimal string, sent as a two-decimal string.
 * - `integer`, `boolean`, `options` (one of `options`), `multiOptions` (list of `options`).
 * - `stringList`: a list of strings (IDs with `idPrefix` when set), entered one per row.
 * - `objectList`: a list of objects (`fields`), entered as rows of a fixed collection or as JSON.
 * - `binary`: the name of an input binary property. `binaryList`: one or more of them.
 */
export type FieldType =
	| 'string'
	| 'email'
	| 'url'
	| 'ip'
	| 'id'
	| 'date'
	| 'dateTime'
	| 'money'
	| 'integer'
	| 'boolean'
	| 'options'
	| 'multiOptions'
	| 'stringList'
	| 'objectList'
	| 'binary'
	| 'binaryList';

export interface FieldOption {
	name: string;
	value: string | number;
	description?: string;
}

export interface FieldSpec {
	/** The API's own field name: the body, query or form key. */
	name: string;
	/** The label users see (not called displayName: this is data, not an n8n parameter). */
	label: string;
	type: FieldType;
	description: string;
	required?: boolean;
	/** Where the value goes. Body fields are the default; path parameters are listed separately. */
	in?: 'body' | 'query';
	default?: string | number | boolean | string[];
	placeholder?: string;
	options?: FieldOption[];
	/** Documented ID prefix, e.g. `cst_`; an ID without it is refused before any request. */
	idPrefix?: string;
	/** The resource whose list backs the "From List" mode of a resource locator. */
	locator?: LocatorName;
	/** Item fields of an `objectList`. */
	fields?: FieldSpec[];
	maxItems?: number;
	minValue?: number;
	/** Multipart file fields: the form key for each file (e.g. `documents[]`). */
	formKey?: string;
	/** Multipart only: a list or object sent as a JSON string in one form field. */
	asJsonString?: boolean;
	/** For `money` where the API takes a JSON number instead of a string. */
	asNumber?: boolean;
	/** For `binary`: the file is sent as a `data:<mime>;base64,…` string, not as a file part. */
	asDataUrl?: boolean;
}

/**
 * The `value` of the resource whose list backs a resource locator's "From List" mode. It is not
 * a list of names: the node has a search for every resource with a list operation (derived from
 * resources/ in listSearch/), and test/node/list-search.test.cts runs the search of every
 * locator a field names, so a name without a list fails there.
 */
export type LocatorName = ResourceSpec['value'];

export type ResponseShape =
	/** One record. */
	| 'record'
	/** Laravel simple-paginated list: `{data, next_page_url, ...}`. */
	| 'pages'
	/** An unpaginated `{data: [...]}`. */
	| 'dataList'
	/** `{link, expiresAt}`: a short-lived download link. */
	| 'cloudFile';

/**
 * One field of an object the API returns, as the docs describe it (API.md §6, endpoints.json's
 * `responseFields`). The output schemas n8n shows before a node has run are generated from these.
 */
export interface ShapeField {
	type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
	/** The value may be null. */
	nullable?: true;
	/** The field may be absent (documented in one revision only, or as optional). */
	optional?: true;
	/** `date`: YYYY-mm-dd; `date-time`: ATOM, or ISO 8601 UTC for MijnKlantportaal's own invoices. */
	format?: 'date' | 'date-time' | 'uri';
	/** The documented values. */
	enum?: readonly string[];
	description?: string;
	/** The fields of an object. */
	fields?: RecordShape;
	/** Each entry of an array. */
	items?: ShapeField;
}

/** An object the API returns, field by field, in the order the docs list them. */
export type RecordShape = Readonly<Record<string, ShapeField>>;

export interface OperationSpec {
	/** n8n's operation value, e.g. `getAll`. */
	value: string;
	/** n8n's action wording, e.g. `Get Many`. */
	name: string;
	/** The sentence n8n shows in the actions list and gives AI agents, e.g. `Get many customers`. */
	action: string;
	/** What it does and when to use it: the AI agent's main cue. */
	description: string;
	method: IHttpRequestMethods;
	/** Path under the API base, with `{param}` placeholders, exactly as documented. */
	path: string;
	/** The scope the docs tie to this operation, or null where they are silent. */
	scope: string | null;
	/** `{param}` values: each an `id` field named like the placeholder. */
	pathParams?: FieldSpec[];
	/** Query and body fields. */
	fields?: FieldSpec[];
	/** How the body is sent. */
	bodyType?: 'json' | 'multipart';
	response: ResponseShape;
	/** The object it returns (each item of a list), when it is not the resource's `record`. */
	returns?: { noun: string; record: RecordShape };
	/** PATCH operations whose every field is optional but at least one must be set. */
	requireOneField?: boolean;
	/** Optional fields are grouped under this collection name (default `additionalFields`). */
	optionalGroup?: 'additionalFields' | 'updateFields';
	/**
	 * Whether sending the request twice has the same effect as once, so the transport may retry it
	 * after a 5xx or a dropped connection. GETs always are; other methods must say why here.
	 */
	idempotent?: boolean;
	/** Extra constraints checked before sending, e.g. the agreement's 5 files / 5 MB. */
	limits?: { maxFiles?: number; maxTotalBytes?: number };
	/** Fixed body values merged into the request (e.g. nothing to send but the method). */
	fixedBody?: IDataObject;
}

export interface ResourceSpec {
	/** n8n's resource value, from the API's own vocabulary, e.g. `customerInvoice`. */
	value: string;
	name: string;
	/** Singular noun for messages, e.g. `customer invoice`. */
	noun: string;
	/** The object the resource's operations return, unless an operation says otherwise. */
	record: RecordShape;
	/**
	 * The fields Get and Get Many keep with Simplify on: what an AI agent or a mapping most needs,
	 * without links, integration IDs and secrets.
	 */
	simplified: readonly string[];
	operations: OperationSpec[];
}
