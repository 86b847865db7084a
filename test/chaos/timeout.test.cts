// The Timeout option is a deadline for the whole answer, headers and body together: a server that
// sends a byte every 100 ms never lets the connection go quiet, so only a deadline ends the
// attempt. Local servers play that server (the mock's latency fault goes quiet instead). The
// servers dribble for as long as the client listens: without the deadline these runs would hang.
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';
import { attemptTimeoutMs } from '../../nodes/shared/transport/request';
import { MemoryCredentialsHelper } from '../harness/mkp-credentials.cjs';
import { localApi } from '../harness/local-api.cjs';
import type { LocalApi } from '../harness/local-api.cjs';
import { runNode } from '../harness/mkp-n8n.cjs';
import { customerFields, rl } from './helpers.cjs';

const KEY = 'mkp_live_timeout_key_0001';

function runAgainst(apiBaseUrl: string, parameters: IDataObject) {
	const helper = new MemoryCredentialsHelper();
	helper.set('k', 'mijnKlantportaalApi', { apiKey: KEY, environment: 'custom', apiBaseUrl });
	return runNode({ helper, credentials: { mijnKlantportaalApi: 'k' }, parameters, items: [{ json: { name: 'Traag B.V.', email: 'a@b.nl' } }] });
}

describe('a server that dribbles its body', () => {
	let api: LocalApi;
	beforeAll(async () => {
		api = await localApi((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"id":"cst_0001","note":"');
			const drip = setInterval(() => res.write('.'), 100);
			res.on('close', () => clearInterval(drip));
		});
	});
	afterAll(async () => api.stop());
	beforeEach(() => (api.seen.length = 0));

	it('a read is cut off at the Timeout and retried (Max Retries), then fails saying it got no answer in time', async () => {
		const result = await runAgainst(api.apiBaseUrl, { resource: 'customer', operation: 'get', customerId: rl('cst_0001'), requestOptions: { timeout: 1, maxRetries: 1 } });
		expect(result.error?.message).toBe('MijnKlantportaal could not be reached: Get a customer failed after 2 attempts, the last with no answer in time');
		expect(result.error?.description).toBe("Error code: ETIMEDOUT. The node tried 2 times. Try again later, or raise Max Retries in the node's options.");
		await api.idle();
		expect(api.seen.map((s) => [s.method, s.url, s.abandoned])).toEqual([
			['GET', '/v1/customers/cst_0001', true],
			['GET', '/v1/customers/cst_0001', true],
		]);
	});

	it('a create that timed out is not repeated: it may have been processed', async () => {
		const result = await runAgainst(api.apiBaseUrl, { resource: 'customer', operation: 'create', ...customerFields, requestOptions: { timeout: 1, maxRetries: 3 } });
		expect(result.error?.message).toBe(
			'MijnKlantportaal did not answer properly: Create a customer got no answer in time after 1 attempt and was not repeated, because it may already have been processed',
		);
		await api.idle();
		expect(api.seen.map((s) => [s.method, s.url, s.abandoned])).toEqual([['POST', '/v1/customers', true]]);
	});
});

describe('a server that dribbles its headers', () => {
	let server: net.Server;
	let port = 0;
	const requests: string[] = [];

	beforeAll(async () => {
		server = net.createServer((socket) => {
			socket.once('data', (chunk) => {
				requests.push(chunk.toString('latin1').split('\r\n')[0]);
				socket.write('HTTP/1.1 200 OK\r\n');
				const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 100);
				socket.on('close', () => clearInterval(drip));
				socket.on('error', () => clearInterval(drip));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as AddressInfo).port;
	});
	afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

	it('is cut off at the Timeout too', async () => {
		const result = await runAgainst(`http://127.0.0.1:${port}/v1`, { resource: 'customer', operation: 'get', customerId: rl('cst_0001'), requestOptions: { timeout: 1, maxRetries: 0 } });
		expect(result.error?.message).toBe('MijnKlantportaal could not be reached: Get a customer failed after 1 attempt, the last with no answer in time');
		expect(requests).toEqual(['GET /v1/customers/cst_0001 HTTP/1.1']);
	});
});

describe('the Timeout per attempt', () => {
	it('is 60 s by default and 300 s to move a file; the option sets both', () => {
		expect(attemptTimeoutMs({ maxRetries: 3, maxWaitSeconds: 120 }, false)).toBe(60_000);
		expect(attemptTimeoutMs({ maxRetries: 3, maxWaitSeconds: 120 }, true)).toBe(300_000);
		expect(attemptTimeoutMs({ maxRetries: 3, maxWaitSeconds: 120, timeoutSeconds: 20 }, false)).toBe(20_000);
		expect(attemptTimeoutMs({ maxRetries: 3, maxWaitSeconds: 120, timeoutSeconds: 20 }, true)).toBe(20_000);
	});
});
