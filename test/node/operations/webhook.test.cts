// Webhook: one case per operation (what every case checks is in ./setup.cts).
import { ATOM, col, get, json, listCase, pub, rl, testOperations } from './setup.cjs';
import type { OperationCases } from './setup.cjs';

export const cases: OperationCases = {
	create: {
		endpoint: 'POST /webhooks',
		parameters: () => ({ url: 'https://example.com/hooks/mkp', type: 'invoice-paid' }),
		requests: () => [json('POST', '/webhooks', { url: 'https://example.com/hooks/mkp', type: 'invoice-paid' })],
		check: (out) =>
			expect(out[0].json).toEqual({
				id: expect.stringMatching(/^wbh_/),
				type: 'invoice-paid',
				url: 'https://example.com/hooks/mkp',
				secret: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
				createdAt: expect.stringMatching(ATOM),
			}),
	},
	get: {
		endpoint: 'GET /webhooks/{webhookId}',
		parameters: (fx) => ({ webhookId: rl(fx.webhook.id) }),
		requests: (fx) => [get(`/webhooks/${fx.webhook.id}`)],
		check: (out, fx) => expect(out[0].json).toEqual(pub(fx.webhook)),
	},
	getAll: listCase('/webhooks', () => col('webhooks')),
};

// Run as a test file; coverage.test.cts only reads `cases`.
if (require.main === module) testOperations('webhook', cases);
