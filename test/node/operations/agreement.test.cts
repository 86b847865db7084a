// Agreement: one case per operation (what every case checks is in ./setup.cts).
import { PNG, binary, blobOf, col, expectDownload, filePart, get, listCase, multipart, pdf, pub, rl, sha256, stored, testOperations } from './setup.cjs';
import type { OperationCases, Rec } from './setup.cjs';

// Input files of the multipart cases.
const contract = pdf('Overeenkomst', 3000);
const annex = pdf('Bijlage A', 500);
const signers = [
	{ firstName: 'Eva', lastName: 'Bakker', email: 'eva@example.nl', shouldIdentify: true },
	{ firstName: 'Daan', lastName: 'Visser', email: 'daan@example.nl', shouldIdentify: false },
];

export const cases: OperationCases = {
	create: {
		endpoint: 'POST /agreements',
		parameters: () => ({
			name: 'Overeenkomst 2025',
			signerName: 'Jan Jansen',
			signerSignatureData: 'signature',
			signersInputMode: 'fields',
			// The second signer leaves Should Identify out: it is sent as false.
			signers: { items: [signers[0], { firstName: 'Daan', lastName: 'Visser', email: ' daan@example.nl ' }] },
			documents: 'contract, annex',
		}),
		items: () => [
			{
				json: {},
				binary: {
					signature: binary(PNG, 'handtekening.png', 'image/png'),
					contract: binary(contract, 'overeenkomst.pdf', 'application/pdf'),
					annex: binary(annex, 'bijlage-a.pdf', 'application/pdf'),
				},
			},
		],
		requests: () => [
			multipart(
				'/agreements',
				{
					name: 'Overeenkomst 2025',
					signerName: 'Jan Jansen',
					signerSignatureData: `data:image/png;base64,${PNG.toString('base64')}`,
					signers: JSON.stringify(signers),
				},
				[
					filePart('documents[]', contract, 'overeenkomst.pdf', 'application/pdf'),
					filePart('documents[]', annex, 'bijlage-a.pdf', 'application/pdf'),
				],
			),
		],
		check: (out) => {
			const json = out[0].json as Rec;
			expect(json.id).toMatch(/^agr_/);
			expect(json).toMatchObject({
				name: 'Overeenkomst 2025',
				status: 'sent',
				signerName: 'Jan Jansen',
				signerSignature: `data:image/png;base64,${PNG.toString('base64')}`,
			});
			expect(json.signers.map((s: Rec) => [s.firstName, s.lastName, s.email, s.shouldIdentify])).toEqual(signers.map((s) => [s.firstName, s.lastName, s.email, s.shouldIdentify]));
			expect(json.documents.map((d: Rec) => [d.documentName, d.fileSize, d.fileHash])).toEqual([
				['overeenkomst.pdf', contract.length, sha256(contract)],
				['bijlage-a.pdf', annex.length, sha256(annex)],
			]);
			expect(pub(stored('agreements', json.id))).toEqual(json);
		},
	},
	downloadDocument: {
		endpoint: 'GET /agreements/{agreementId}/documents/{documentId}/download',
		parameters: (fx) => ({ agreementId: rl(fx.agreement.id), documentId: fx.agreement.documents[0].id }),
		requests: (fx) => [get(`/agreements/${fx.agreement.id}/documents/${fx.agreement.documents[0].id}/download`)],
		check: async (out, fx, r) => expectDownload(out, r, blobOf(fx.agreement.documents[0].id)),
	},
	get: {
		endpoint: 'GET /agreements/{agreementId}',
		parameters: (fx) => ({ agreementId: rl(fx.agreement.id) }),
		requests: (fx) => [get(`/agreements/${fx.agreement.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(fx.agreement)),
	},
	getAll: listCase('/agreements', () => col('agreements')),
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('agreement', cases);
