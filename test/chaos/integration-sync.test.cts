// Operations that also update a connected integration (bookkeeping for Mark as Paid, the offer's
// integration for Mark as Accepted or Rejected). The docs do not say a repeat is ignored there, so
// a repeat after a lost answer could post twice: they are sent again only after a 429.
import type { IDataObject } from 'n8n-workflow';
import { startMockServer } from '../mock-server';
import type { MockServer } from '../mock-server';
import { resources } from '../../nodes/shared/resources';
import { rl, run } from './helpers.cjs';

describe('writes that sync an integration are not repeated after a lost answer', () => {
	let mock: MockServer;
	let credential = 0;
	const fresh = () => `sync-${++credential}`;

	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 7, records: 3, rateLimit: null });
	});
	afterAll(async () => mock.close());
	afterEach(() => mock.faults.clear());

	const cases = [
		{
			operation: 'customerInvoice.markPaid',
			action: 'Mark a customer invoice as paid',
			noun: 'customer invoice',
			collection: 'customerInvoices',
			path: '/v1/customer-invoices',
			parameters: (id: string) => ({ resource: 'customerInvoice', operation: 'markPaid', invoiceId: rl(id), paidAt: '2025-04-12 10:00:00' }),
			unprocessed: { paidAt: null },
			processed: (record: IDataObject) => record.paidAt !== null && record.paidAt !== undefined,
		},
		{
			operation: 'customerOffer.markAcceptedOrRejected',
			action: 'Mark a customer offer as accepted or rejected',
			noun: 'customer offer',
			collection: 'customerOffers',
			path: '/v1/customer-offers',
			parameters: (id: string) => ({ resource: 'customerOffer', operation: 'markAcceptedOrRejected', offerId: rl(id), updateFields: { rejectedAt: '2025-04-20 16:00:00' } }),
			unprocessed: { acceptedAt: null, rejectedAt: null },
			processed: (record: IDataObject) => record.rejectedAt !== null && record.rejectedAt !== undefined,
		},
	];

	it('both are marked as not idempotent in the operation data', () => {
		for (const { operation } of cases) {
			const [resource, value] = operation.split('.');
			const op = resources.find((r) => r.value === resource)!.operations.find((o) => o.value === value)!;
			expect([op.method, op.idempotent]).toEqual(['PATCH', false]);
			expect(op.description).toMatch(/also updates the connected (bookkeeping )?integration$/);
		}
	});

	for (const testCase of cases) {
		/** A new record of the collection, not yet paid or decided. */
		const unprocessedRecord = () => {
			const record = mock.store.create<IDataObject & { id: string }>(testCase.collection, testCase.unprocessed);
			expect(testCase.processed(record)).toBe(false);
			return record;
		};

		it(`${testCase.operation}: a 502 after the API processed it is not repeated; one request, and the error says to check the portal`, async () => {
			const record = unprocessedRecord();
			mock.faults.add({ type: '502', count: 1, method: 'PATCH', phase: 'after' });
			const result = await run(mock, testCase.parameters(record.id), { continueOnFail: true, credentialId: fresh() });
			expect(result.api.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([`PATCH ${testCase.path}/${record.id} 502`]);
			// The mock did process it: a second PATCH would have been a second sync.
			expect(testCase.processed(mock.store.collection<IDataObject>(testCase.collection).get(record.id)!)).toBe(true);
			expect(result.items[0].json.error).toBe(`MijnKlantportaal server error (502): ${testCase.action} failed after 1 attempt and was not repeated, because it may already have been processed`);
			expect(result.items[0].json.description).toMatch(new RegExp(`Check in the portal whether the ${testCase.noun} was changed or created before you run this item again\\.$`));
		});

		it(`${testCase.operation}: a dropped connection is not repeated either`, async () => {
			const record = unprocessedRecord();
			mock.faults.add({ type: 'drop', count: 1, method: 'PATCH', phase: 'after' });
			const result = await run(mock, testCase.parameters(record.id), { continueOnFail: true, credentialId: fresh() });
			expect(result.api).toHaveLength(1);
			expect(result.items[0].json.error).toBe(`MijnKlantportaal did not answer properly: ${testCase.action} got a dropped connection after 1 attempt and was not repeated, because it may already have been processed`);
		});

		it(`${testCase.operation}: a 429 (not processed) is sent again and succeeds`, async () => {
			const record = unprocessedRecord();
			mock.faults.add({ type: '429', count: 1, method: 'PATCH' });
			const result = await run(mock, testCase.parameters(record.id), { continueOnFail: true, credentialId: fresh() });
			expect(result.api.map((entry) => entry.status)).toEqual([429, 200]);
			expect(result.items[0].json).toMatchObject({ id: record.id });
			expect(result.items[0].json.error).toBeUndefined();
		});
	}
});
