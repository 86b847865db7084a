import { spawn, ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const RUN = path.join(__dirname, '..', 'run.js');

function launch(args: string[]): Promise<{ child: ChildProcess; info: Record<string, string> }> {
	const child = spawn(process.execPath, [RUN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	return new Promise((resolve, reject) => {
		let stderr = '';
		child.stderr!.on('data', (d) => (stderr += d));
		child.once('exit', (code) => reject(new Error(`mock exited early with ${code}: ${stderr}`)));
		readline.createInterface({ input: child.stdout! }).once('line', (line) => {
			child.removeAllListeners('exit');
			resolve({ child, info: JSON.parse(line) });
		});
	});
}

const exitCode = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('CLI (run.js)', () => {
	test('prints one JSON line, serves the API with the printed key, exits 0 on SIGTERM', async () => {
		const { child, info } = await launch(['--port', '0', '--records', '3', '--seed', '7']);
		try {
			expect(Object.keys(info).sort()).toEqual(['adminUrl', 'apiBaseUrl', 'apiKey', 'clientId', 'clientSecret', 'oauthBaseUrl', 'storageBaseUrl'].sort());
			expect(info.apiBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
			expect(info.oauthBaseUrl).toBe(info.apiBaseUrl.replace(/\/v1$/, ''));
			expect(info.adminUrl).toBe(`${info.oauthBaseUrl}/__admin`);
			expect(info.storageBaseUrl).toMatch(/^http:\/\/localhost:\d+$/);
			const res = await fetch(`${info.apiBaseUrl}/customers`, { headers: { Authorization: `Bearer ${info.apiKey}` } });
			expect(res.status).toBe(200);
			expect(res.headers.get('x-ratelimit-limit')).toBe('60');
			expect((await res.json()).data).toHaveLength(3);
		} finally {
			const exited = exitCode(child);
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		}
	});

	test('same seed → same credentials; other seed → different; options are applied', async () => {
		const [a, b, c] = await Promise.all([
			launch(['--port', '0', '--records', '0', '--seed', '5']),
			launch(['--port', '0', '--records', '0', '--seed', '5', '--rate-limit', 'off', '--order', 'newest-first', '--expires-in', '90', '--rotate-refresh-tokens', '--no-webhook-delete', '--redirect-uri', 'http://x.test/cb']),
			launch(['--port', '0', '--records', '0', '--seed', '6']),
		]);
		try {
			const creds = (x: { info: Record<string, string> }) => [x.info.apiKey, x.info.clientId, x.info.clientSecret];
			expect(creds(a)).toEqual(creds(b));
			expect(creds(c)[0]).not.toBe(creds(a)[0]);
			const config = await (await fetch(`${b.info.adminUrl}/config`)).json();
			expect(config).toMatchObject({ order: 'newest-first', rateLimit: null, expiresIn: 90, rotateRefreshTokens: true, webhookDelete: false });
			const consent = await fetch(`${b.info.oauthBaseUrl}/oauth/authorize?client_id=${b.info.clientId}&redirect_uri=${encodeURIComponent('http://x.test/cb')}&response_type=code&scope=customers.read&state=s`);
			expect(consent.status).toBe(200);
		} finally {
			for (const { child } of [a, b, c]) {
				const exited = exitCode(child);
				child.kill('SIGINT');
				expect(await exited).toBe(0);
			}
		}
	});

	test('bad options exit non-zero with usage', async () => {
		const child = spawn(process.execPath, [RUN, '--rate-limit', 'lots'], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		expect(await exitCode(child)).toBe(2);
		expect(stderr).toContain('Usage');
	});
});
