import { resources } from '../../nodes/shared/resources';
import type { OperationSpec } from '../../nodes/shared/spec';
import { normalisePath, restEndpoints } from '../harness/mkp-endpoints.cjs';

const operations: Array<OperationSpec & { resource: string }> = resources.flatMap((resource) =>
	resource.operations.map((op) => ({ ...op, resource: resource.value })),
);
const key = (method: string, path: string) => `${method} ${normalisePath(path)}`;

describe('operation descriptions against endpoints.json', () => {
	const endpoints = restEndpoints();

	it('describes every documented REST operation (coverage printed)', () => {
		const described = new Set(operations.map((op) => key(op.method, op.path)));
		const missing = endpoints.filter((endpoint) => !described.has(key(endpoint.method, endpoint.path)));
		// eslint-disable-next-line no-console
		console.log(`coverage ${endpoints.length - missing.length}/${endpoints.length} documented REST operations`);
		expect(missing.map((endpoint) => key(endpoint.method, endpoint.path))).toEqual([]);
		expect(endpoints.length).toBeGreaterThan(0);
	});

	it('describes nothing the docs do not have', () => {
		const documented = new Set(endpoints.map((endpoint) => key(endpoint.method, endpoint.path)));
		expect(operations.filter((op) => !documented.has(key(op.method, op.path))).map((op) => key(op.method, op.path))).toEqual([]);
	});

	it.each(endpoints.map((endpoint) => [key(endpoint.method, endpoint.path), endpoint] as const))('%s matches the docs', (_name, endpoint) => {
		const matches = operations.filter((op) => key(op.method, op.path) === key(endpoint.method, endpoint.path));
		for (const op of matches) {
			// Lists: paginated per the docs, or the two documented unpaginated `{data}` responses.
			if (endpoint.paginated) expect(op.response).toBe('pages');
			else expect(op.response).not.toBe('pages');
			// Scopes: the documented one, or none where the docs have none.
			const documentedScope = /^[a-z]+\.(read|write)$/.test(endpoint.scope.replace(/ \(inferred\)$/, '')) ? endpoint.scope.replace(/ \(inferred\)$/, '') : null;
			expect(op.scope).toBe(documentedScope);
			// Path parameters: one per placeholder.
			const placeholders = [...normalisePath(endpoint.path).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			expect((op.pathParams ?? []).map((p) => p.name)).toEqual(placeholders);
			// Multipart where the docs say so.
			if (endpoint.requestContentType === 'multipart/form-data') expect(op.bodyType).toBe('multipart');
			// Every documented field with a real name is described; required ones are required.
			const fields = new Map((op.fields ?? []).map((field) => [field.name, field]));
			for (const documented of [...endpoint.bodyFields, ...endpoint.queryParams]) {
				if (documented.name === 'page' || documented.name.startsWith('<')) continue;
				if (endpoint.path === '/files' && (documented.name === 'file') !== (op.value === 'upload')) continue;
				expect({ op: op.value, field: documented.name, described: fields.has(documented.name) }).toEqual({ op: op.value, field: documented.name, described: true });
				if (documented.required) expect({ field: documented.name, required: fields.get(documented.name)?.required }).toEqual({ field: documented.name, required: true });
			}
		}
		expect(matches.length).toBeGreaterThan(0);
	});

	it('gives every operation an action sentence and a description for AI agents', () => {
		for (const op of operations) {
			expect(op.action.length).toBeGreaterThan(8);
			expect(op.description.length).toBeGreaterThan(15);
		}
	});
});
