import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cleanNpmEnv } = require('../e2e/lib/npm-env.js');

const repo = path.resolve(__dirname, '../..');

type Pass = { name: string; verdict: { passed: boolean; message?: string }; files: number; findings: string[] };

/** scripts/scan.mjs: n8n's scanner, its ESLint analysis over the source and the packed tarball. */
function scan(...args: string[]): { status: number | null; report: { clean: boolean; passes: Pass[] } } {
	// Without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base has a test mode with other file-name rules.
	const { NODE_ENV: _jest, ...env } = cleanNpmEnv();
	const result = spawnSync('node', [path.join(repo, 'scripts/scan.mjs'), ...args], { cwd: repo, env, encoding: 'utf8' });
	if (!result.stdout.trim()) throw new Error(`scripts/scan.mjs printed nothing (exit ${result.status})\n${result.stderr}`);
	return { status: result.status, report: JSON.parse(result.stdout.trim().split('\n').pop()!) };
}

/** Files the scanner's source pass lints: package.json and {nodes,credentials}/**\/*.{js,ts,json}. */
function sourceFileCount(): number {
	const listed = ['nodes', 'credentials'].flatMap((dir) => fs.readdirSync(path.join(repo, dir), { recursive: true }) as string[]);
	return 1 + listed.filter((file) => /\.(js|ts|json)$/.test(file)).length;
}

describe("n8n's community-package scanner (@n8n/scan-community-package)", () => {
	it('finds nothing in the source or in the packed tarball: no errors and no warnings', () => {
		if (!fs.existsSync(path.join(repo, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
		const { status, report } = scan();
		expect(report.passes.map((p) => [p.name, p.verdict, p.findings])).toEqual([
			['source', { passed: true }, []],
			['tarball', { passed: true }, []],
		]);
		expect(report.passes[0].files).toBe(sourceFileCount());
		// The tarball pass lints the compiled .js files and package.json.
		expect(report.passes[1].files).toBeGreaterThan(2);
		expect(report.clean).toBe(true);
		expect(status).toBe(0);
	});

	it('reports a planted violation in either pass, and fails', () => {
		const fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'mkp-scan-fixture-'));
		fs.copyFileSync(path.join(repo, 'package.json'), path.join(fixture, 'package.json'));
		fs.mkdirSync(path.join(fixture, 'nodes', 'Planted'), { recursive: true });
		fs.writeFileSync(path.join(fixture, 'nodes', 'Planted', 'Planted.node.ts'), 'export const planted = () => console.log("hello");\n');
		fs.mkdirSync(path.join(fixture, 'dist'));
		fs.writeFileSync(path.join(fixture, 'dist', 'planted.js'), '"use strict";\nconsole.log("hello");\n');
		const { status, report } = scan('--source', fixture, '--package', fixture);
		fs.rmSync(fixture, { recursive: true, force: true });
		expect(status).toBe(1);
		expect(report.clean).toBe(false);
		const [source, tarball] = report.passes;
		expect(source.verdict).toMatchObject({ passed: false, message: 'ESLint violations found' });
		expect(source.findings).toContain("nodes/Planted/Planted.node.ts:1:30 error Unexpected console statement. (no-console)");
		expect(tarball.verdict).toMatchObject({ passed: false, message: 'ESLint violations found' });
		expect(tarball.findings).toContain('dist/planted.js:2:1 error Unexpected console statement. (no-console)');
	});
});
