import { startMockServer } from '../mock-server';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';

describe('smoke', () => {
	let mock: Awaited<ReturnType<typeof startMockServer>>;
	beforeAll(async () => {
		mock = await startMockServer({ port: 0, seed: 1, records: 20, rateLimit: null });
	});
	afterAll(async () => mock.close());
	it('gets customers', async () => {
		const helper = new MemoryCredentialsHelper();
		helper.set('k', 'mijnKlantportaalApi', { apiKey: mock.apiKey, environment: 'custom', apiBaseUrl: mock.apiBaseUrl });
		const result = await runNode({ helper, credentials: { mijnKlantportaalApi: 'k' }, parameters: { resource: 'customer', operation: 'getAll', returnAll: true } });
		console.log(result.error, result.items.length, result.items[0]);
	});
});
