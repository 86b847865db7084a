// File Share: one case per operation (what every case checks is in ./setup.cts).
import { apiLink, col, json, listCase, rl, stored, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

export const cases: OperationCases = {
	create: {
		endpoint: 'POST /file-shares',
		parameters: (fx) => ({
			contentInputMode: 'fields',
			content: { items: [{ value: fx.file.id }, { value: fx.directory.id }] },
			additionalFields: { customerId: rl(fx.customer2.id) },
		}),
		requests: (fx) => [json('POST', '/file-shares', { content: [fx.file.id, fx.directory.id], customerId: fx.customer2.id })],
		check: (out, fx) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^fss_/);
			expect(json.sharedWithCustomerId).toBe(fx.customer2.id);
			expect(json.sharedContent.map((c: Rec) => c.id)).toEqual([fx.file.id, fx.directory.id]);
			expect(json.links).toEqual({ customer: apiLink(`/customers/${fx.customer2.id}`), publicShare: null });
		},
	},
	getAll: {
		...listCase('/file-shares', () => col('fileShares')),
		check: (out) => {
			const expected = col('fileShares');
			expect(out.map((item) => item.json.id)).toEqual(expected.map((r) => r.id));
			expect(out.map((item) => item.json.sharedWithCustomerId)).toEqual(expected.map((r) => r.sharedWithCustomerId));
			expect(out.map((item) => (item.json.sharedContent as Rec[]).map((c) => c.id))).toEqual(expected.map((r) => r._content.filter((id: string) => stored('files', id))));
		},
	},
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('fileShare', cases);
