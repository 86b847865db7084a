// The response objects the package describes (nodes/shared/resources/records.ts), which the output
// schemas are generated from, against the docs: endpoints.json's `responseFields` of every
// operation, including the nested objects its descriptions spell out as `{name type, …}`.
import { resources, returnedRecord } from '../../nodes/shared';
import type { RecordShape, ShapeField } from '../../nodes/shared';
import { normalisePath, restEndpoints } from '../harness/mkp-endpoints.cjs';

interface DocField {
	name: string;
	type: string;
	description: string;
}

/** The parts of `a, b{…}, c[…]` at the top level. */
function splitTop(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const char of text) {
		if ('{[('.includes(char)) depth++;
		if ('}])'.includes(char)) depth--;
		if (char === ',' && depth === 0) {
			parts.push(current.trim());
			current = '';
		} else current += char;
	}
	if (current.trim()) parts.push(current.trim());
	return parts;
}

type Nested = { name: string; type: string; fields?: Nested[] };

/** `{id ags_, shouldIdentify bool, signedAt ATOM, attachments[{…}], customer:{href,type}}` → fields. */
function parseObject(text: string): Nested[] {
	const body = text.trim().replace(/^\{/, '').replace(/\}$/, '');
	return splitTop(body).map((part) => {
		const name = /^(\w+)/.exec(part)![1];
		const rest = part.slice(name.length).replace(/^\?/, '');
		if (rest.startsWith(':{')) return { name, type: 'object', fields: parseObject(rest.slice(1)) };
		if (rest.startsWith('[{')) return { name, type: 'array', fields: parseObject(rest.slice(1, rest.lastIndexOf(']'))) };
		const word = rest.trim().split(/\s/)[0];
		const type = { bool: 'boolean', int: 'integer', number: 'number' }[word] ?? 'string';
		return { name, type };
	});
}

/** endpoints.json type → [JSON type, nullable, item type]. */
function docType(type: string): { type: string; nullable: boolean; items?: string } {
	const nullable = type.endsWith('|null');
	const base = type.replace(/\|null$/, '');
	if (base.endsWith('[]')) return { type: 'array', nullable, items: base.slice(0, -2) };
	return { type: base, nullable };
}

/** Our nested fields, for comparing with the docs' spelled-out ones. */
function nestedOf(field: ShapeField): RecordShape | undefined {
	if (field.type === 'object') return field.fields;
	if (field.type === 'array' && field.items?.type === 'object') return field.items.fields;
	return undefined;
}

function compareNested(where: string, ours: RecordShape, documented: Nested[]) {
	expect({ where, fields: Object.keys(ours) }).toEqual({ where, fields: documented.map((field) => field.name) });
	for (const doc of documented) {
		const field = ours[doc.name];
		expect({ where: `${where}.${doc.name}`, type: field.type }).toEqual({ where: `${where}.${doc.name}`, type: doc.type });
		if (doc.fields) compareNested(`${where}.${doc.name}`, nestedOf(field)!, doc.fields);
	}
}

const endpoints = restEndpoints();
const operations = resources.flatMap((resource) => resource.operations.map((op) => ({ resource, op })));

describe('response objects against endpoints.json', () => {
	it.each(operations.map(({ resource, op }) => [`${resource.value}.${op.value}`, resource, op] as const))('%s returns the documented fields', (key, resource, op) => {
		const endpoint = endpoints.find((e) => e.method === op.method && normalisePath(e.path) === op.path) as unknown as { responseFields: DocField[] };
		expect(endpoint).toBeDefined();
		const record = returnedRecord(resource, op);
		// Every documented field, in the documented order, and no other.
		expect({ key, fields: Object.keys(record) }).toEqual({ key, fields: endpoint.responseFields.map((field) => field.name) });
		for (const documented of endpoint.responseFields) {
			const field = record[documented.name];
			const doc = docType(documented.type);
			const where = `${key}.${documented.name}`;
			expect({ where, type: field.type }).toEqual({ where, type: doc.type });
			// Documented null is allowed; where the docs are silent the record may allow it too.
			if (doc.nullable) expect({ where, nullable: field.nullable }).toEqual({ where, nullable: true });
			if (doc.items) expect({ where, items: field.items?.type }).toEqual({ where, items: doc.items === 'object' ? 'object' : doc.items });
			if (documented.description.startsWith('{') && (doc.type === 'object' || doc.items === 'object')) {
				compareNested(where, nestedOf(field)!, parseObject(documented.description));
			}
		}
	});

	it('spells out every documented value list (a|b|c) as an enum', () => {
		let lists = 0;
		for (const { resource, op } of operations) {
			const endpoint = endpoints.find((e) => e.method === op.method && normalisePath(e.path) === op.path) as unknown as { responseFields: DocField[] };
			const record = returnedRecord(resource, op);
			for (const documented of endpoint.responseFields) {
				if (!/^[a-z_ 0-9]+(\|[a-z_ 0-9]+)+$/.test(documented.description) || documented.type !== 'string') continue;
				lists++;
				expect({ field: `${resource.value}.${op.value}.${documented.name}`, values: record[documented.name].enum }).toEqual({
					field: `${resource.value}.${op.value}.${documented.name}`,
					values: documented.description.split('|'),
				});
			}
		}
		// status of agreements, appointments, subscriptions, links, cards, tickets; intervals; sources; file type.
		expect(lists).toBeGreaterThan(30);
	});
});
