'use strict';
// The output schemas n8n shows in the editor before a node has run, generated from the package's
// data at build time (`npm run build` runs this after tsc): no schema is written by hand, and a new
// operation gets one by being described.
//
// Where n8n looks (n8n-core's output-schema-resolver, served by n8n's
// `/schemas/:node/:version/:resource/:operation.json`):
//   <node folder>/__schema__/v<major.minor.patch>/<resource>/<operation>.json
// and, for a node without `resource`/`operation` parameters, <node folder>/__schema__/v…/output.json.
// The editor only previews action nodes ("Trigger nodes do not have schema previews"); n8n's AI
// builder reads the triggers' output.json. n8n passes only `resource` and `operation`, so a
// trigger has one schema for all its events: here one branch per event.
const fs = require('fs');
const path = require('path');

const SCHEMA_DIR = '__schema__';

/** n8n's version folder: `v1.1.0` for version 1.1 (a node's highest version, given several). */
function versionDir(version) {
	const latest = Array.isArray(version) ? Math.max(...version) : version;
	return `v${String(latest).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;
}

/** Every version a node has: the editor asks for the exact folder of the node's own version. */
const allVersions = (version) => (Array.isArray(version) ? version : [version]);

/**
 * JSON Schema of one field. `strict` (used by the tests against the mock) also requires every field
 * that is not optional and refuses fields the data does not describe.
 */
function fieldSchema(field, strict) {
	const schema = {};
	const type = field.nullable ? [field.type, 'null'] : field.type;
	schema.type = type;
	if (field.format) schema.format = field.format;
	if (field.enum) schema.enum = field.nullable ? [...field.enum, null] : [...field.enum];
	if (field.description) schema.description = field.description;
	if (field.type === 'object') Object.assign(schema, objectSchema(field.fields, strict));
	if (field.type === 'array') schema.items = fieldSchema(field.items, strict);
	return schema;
}

function objectSchema(shape, strict) {
	const properties = {};
	for (const [name, field] of Object.entries(shape)) properties[name] = fieldSchema(field, strict);
	if (!strict) return { properties };
	const required = Object.entries(shape)
		.filter(([, field]) => !field.optional)
		.map(([name]) => name);
	return { properties, required, additionalProperties: false };
}

/** The schema of one output item that has the given shape. */
function recordSchema(shape, { strict = false } = {}) {
	return { type: 'object', ...objectSchema(shape, strict) };
}

const dateTime = { type: 'string', format: 'date-time' };

/** The polling trigger: the record of the list each event watches, plus `event` and `detectedAt`. */
function pollingTriggerSchema(triggerEvents, resources, listRecord, { strict = false } = {}) {
	const branches = triggerEvents.map((event) => {
		const watched = event.rule.kind === 'newChild' ? event.rule.subList.path : event.list.path;
		const record = listRecord(resources, watched);
		if (!record) throw new Error(`No operation lists ${watched}, which event ${event.value} watches`);
		return recordSchema(
			{ ...record, event: { type: 'string', enum: [event.value] }, detectedAt: dateTime },
			{ strict },
		);
	});
	return {
		type: 'object',
		properties: {
			event: { type: 'string', enum: triggerEvents.map((event) => event.value), description: 'The event' },
			detectedAt: { ...dateTime, description: 'When the poll saw it' },
		},
		oneOf: branches,
	};
}

/**
 * The webhook trigger: the body MijnKlantportaal sends, which the docs do not describe, plus `event`
 * and `receivedAt`.
 */
function webhookTriggerSchema(eventOptions, { strict = false } = {}) {
	return {
		type: 'object',
		description: 'The JSON body MijnKlantportaal sent (not documented), plus event and receivedAt',
		properties: {
			event: { type: 'string', enum: eventOptions.map((option) => String(option.value)), description: 'The event type' },
			receivedAt: { ...dateTime, description: 'When n8n received the call' },
		},
		...(strict ? { required: ['event', 'receivedAt'] } : {}),
	};
}

/**
 * Every schema file the build emits, as `{file, schema}` with `file` relative to dist/.
 * @param {{resources: any[], outputRecord: Function, listRecord: Function, triggerEvents: any[],
 *   webhookEvents: any[], versions: {action: number | number[], polling: number, webhook: number},
 *   simplifySince: number}} data
 */
function schemaFiles({ resources, outputRecord, listRecord, triggerEvents, webhookEvents, versions, simplifySince }) {
	const files = [];
	for (const version of allVersions(versions.action)) {
		const action = path.posix.join('nodes/MijnKlantportaal', SCHEMA_DIR, versionDir(version));
		// Before Simplify, Get and Get Many returned the whole record, and a node of that version still does.
		const simplify = version >= simplifySince;
		for (const resource of resources) {
			for (const operation of resource.operations) {
				files.push({
					file: path.posix.join(action, resource.value, `${operation.value}.json`),
					schema: recordSchema(outputRecord(resource, operation, { simplify })),
				});
			}
		}
	}
	files.push({
		file: path.posix.join('nodes/MijnKlantportaalTrigger', SCHEMA_DIR, versionDir(versions.polling), 'output.json'),
		schema: pollingTriggerSchema(triggerEvents, resources, listRecord),
	});
	files.push({
		file: path.posix.join('nodes/MijnKlantportaalWebhookTrigger', SCHEMA_DIR, versionDir(versions.webhook), 'output.json'),
		schema: webhookTriggerSchema(webhookEvents),
	});
	return files;
}

if (require.main === module) {
	const dist = path.resolve(__dirname, '../dist');
	const shared = require(path.join(dist, 'nodes/shared'));
	const { triggerEvents } = require(path.join(dist, 'nodes/MijnKlantportaalTrigger/events'));
	const { EVENT_OPTIONS } = require(path.join(dist, 'nodes/MijnKlantportaalWebhookTrigger/events'));
	const version = (file, name) => new (require(path.join(dist, file))[name])().description.version;
	const files = schemaFiles({
		resources: shared.resources,
		outputRecord: shared.outputRecord,
		listRecord: shared.listRecord,
		triggerEvents,
		webhookEvents: EVENT_OPTIONS,
		simplifySince: shared.SIMPLIFY_SINCE_VERSION,
		versions: {
			action: version('nodes/MijnKlantportaal/MijnKlantportaal.node.js', 'MijnKlantportaal'),
			polling: version('nodes/MijnKlantportaalTrigger/MijnKlantportaalTrigger.node.js', 'MijnKlantportaalTrigger'),
			webhook: version('nodes/MijnKlantportaalWebhookTrigger/MijnKlantportaalWebhookTrigger.node.js', 'MijnKlantportaalWebhookTrigger'),
		},
	});
	// Only what this run generates: a schema of a removed operation must not linger.
	for (const node of ['MijnKlantportaal', 'MijnKlantportaalTrigger', 'MijnKlantportaalWebhookTrigger']) {
		fs.rmSync(path.join(dist, 'nodes', node, SCHEMA_DIR), { recursive: true, force: true });
	}
	for (const { file, schema } of files) {
		const target = path.join(dist, file);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.writeFileSync(target, `${JSON.stringify(schema, null, '\t')}\n`);
	}
	console.log(`output schemas: ${files.length} files under dist/nodes/*/${SCHEMA_DIR}`);
}

module.exports = { schemaFiles, recordSchema, pollingTriggerSchema, webhookTriggerSchema, versionDir, allVersions, SCHEMA_DIR };
