// Every operation of every resource has a case in its resource's file, on the operation's own
// documented endpoint; together the cases cover exactly the REST operations of endpoints.json; and
// the mock names each operation's route after it. The counts are computed, never written down.
import * as fs from 'node:fs';
import { resources } from '../../../nodes/shared/resources';
import { restEndpoints } from '../../harness/mkp-endpoints.cjs';
import type { OperationCases } from './setup.cjs';

const operationKeys = resources.flatMap((resource) => resource.operations.map((operation) => `${resource.value}.${operation.value}`));

/** A resource's cases, read without running them (its file runs them only as the main module). */
function casesOf(resource: string): OperationCases {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require(`./${resource}.test.cjs`) as { cases: OperationCases }).cases;
}

describe('coverage', () => {
	it('has one test file per resource, and no other', () => {
		const files = fs.readdirSync(__dirname).filter((file) => file.endsWith('.test.cts') && file !== 'coverage.test.cts');
		expect(files.sort()).toEqual(resources.map((resource) => `${resource.value}.test.cts`).sort());
	});

	it('has a case for every operation of every resource, on the documented endpoint', () => {
		const CASES = Object.fromEntries(
			resources.flatMap((resource) => Object.entries(casesOf(resource.value)).map(([operation, testCase]) => [`${resource.value}.${operation}`, testCase])),
		);
		const covered = operationKeys.filter((key) => CASES[key]);
		const missing = operationKeys.filter((key) => !CASES[key]);
		// eslint-disable-next-line no-console
		console.log(`coverage ${covered.length}/${operationKeys.length}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`);
		expect(missing).toEqual([]);
		expect(Object.keys(CASES).filter((key) => !operationKeys.includes(key))).toEqual([]);

		// Each case's endpoint is the operation's own method and path...
		for (const resource of resources) {
			for (const operation of resource.operations) {
				expect(`${resource.value}.${operation.value} ${CASES[`${resource.value}.${operation.value}`].endpoint}`).toBe(
					`${resource.value}.${operation.value} ${operation.method} ${operation.path}`,
				);
			}
		}
		// ...and together they are exactly the documented REST endpoints.
		const documented = restEndpoints().map((endpoint) => `${endpoint.method} ${endpoint.path}`);
		expect(documented.length).toBeGreaterThan(0);
		expect([...new Set(Object.values(CASES).map((c) => c.endpoint))].sort()).toEqual([...documented].sort());
	});

	it('the mock names the route of every operation after it', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const routes = require('../../mock-server/resources') as Array<{ method: string; path: string; op: string | string[] }>;
		const shape = (method: string, path: string) => `${method} ${path.replace(/\{\w+\}/g, '{}')}`;
		for (const resource of resources) {
			for (const operation of resource.operations) {
				const key = `${resource.value}.${operation.value}`;
				const route = routes.find((r) => shape(r.method, r.path) === shape(operation.method, operation.path));
				expect({ key, route: route && [route.op].flat() }).toEqual({ key, route: expect.arrayContaining([key]) });
			}
		}
		// The one route the node has no operation for: the webhook trigger's undocumented DELETE.
		expect(routes.flatMap((r) => [r.op].flat()).filter((op) => !operationKeys.includes(op))).toEqual(['webhook.delete']);
	});
});
