import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cleanNpmEnv } = require('../e2e/lib/npm-env.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SCHEMA_DIR, versionDir, allVersions } = require('../../scripts/output-schemas.js');
import { resources } from '../../nodes/shared/resources';
import { MijnKlantportaal } from '../../nodes/MijnKlantportaal/MijnKlantportaal.node';
import { MijnKlantportaalTrigger } from '../../nodes/MijnKlantportaalTrigger/MijnKlantportaalTrigger.node';
import { MijnKlantportaalWebhookTrigger } from '../../nodes/MijnKlantportaalWebhookTrigger/MijnKlantportaalWebhookTrigger.node';

const repo = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

/** Files under `dirs` (repository-relative, `/`-separated) whose names end with one of `endings`. */
function sourceFiles(dirs: string[], endings: string[]): string[] {
	return dirs.flatMap((dir) =>
		(fs.readdirSync(path.join(repo, dir), { recursive: true }) as string[])
			.map((file) => `${dir}/${file.split(path.sep).join('/')}`)
			.filter((file) => endings.some((ending) => file.endsWith(ending))),
	);
}

/** Where n8n looks for a node's output schemas: `__schema__/v<version>/` in the node's folder. */
const schemaDir = (node: string, version: number | number[]) => `dist/nodes/${node}/${SCHEMA_DIR}/${versionDir(version)}`;

/**
 * What the package ships, by kind, computed from the source tree (not from dist/). The tarball
 * holds exactly their union. A new kind of shipped file is one more line here.
 */
const shipped: Record<string, () => string[]> = {
	"package.json's n8n section": () => [...pkg.n8n.nodes, ...pkg.n8n.credentials],
	'compiled sources (one .js per .ts under nodes/ and credentials/)': () =>
		sourceFiles(['nodes', 'credentials'], ['.ts']).map((file) => `dist/${file.replace(/\.ts$/, '.js')}`),
	icons: () => sourceFiles(['icons', 'nodes', 'credentials'], ['.svg', '.png']).map((file) => `dist/${file}`),
	'codex files': () => sourceFiles(['nodes'], ['.node.json']).map((file) => `dist/${file}`),
	'output schemas (one per operation and action node version, one per trigger node)': () => [
		...(allVersions(new MijnKlantportaal().description.version) as number[]).flatMap((version) =>
			resources.flatMap((resource) =>
				resource.operations.map((op) => `${schemaDir('MijnKlantportaal', version)}/${resource.value}/${op.value}.json`),
			),
		),
		`${schemaDir('MijnKlantportaalTrigger', new MijnKlantportaalTrigger().description.version)}/output.json`,
		`${schemaDir('MijnKlantportaalWebhookTrigger', new MijnKlantportaalWebhookTrigger().description.version)}/output.json`,
	],
	'package files': () => ['package.json', 'README.md', 'LICENSE', 'index.js'],
};

describe('the published tarball (npm pack)', () => {
	let packed: string[];

	beforeAll(() => {
		if (!fs.existsSync(path.join(repo, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
		const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: repo, env: cleanNpmEnv(), encoding: 'utf8' }));
		packed = report.files.map((file: { path: string }) => file.path).sort();
	});

	it('holds exactly the expected files and nothing else', () => {
		const expected = [...new Set(Object.values(shipped).flatMap((kind) => kind()))].sort();
		expect(packed).toEqual(expected);
	});

	it.each(Object.keys(shipped))('ships every file of: %s', (kind) => {
		const files = shipped[kind]();
		expect(files.length).toBeGreaterThan(0);
		expect(files.filter((file) => !packed.includes(file))).toEqual([]);
	});

	it('ships no source maps, type declarations or TypeScript build info', () => {
		expect(packed.filter((file) => /\.map$|\.d\.ts$|tsbuildinfo/.test(file))).toEqual([]);
	});
});

describe('npm run build', () => {
	it('starts from an empty dist/: the output of a deleted source does not survive it', () => {
		// The gulp task the build script runs first, in a scratch folder (other suites read dist/).
		expect(pkg.scripts.build.split(' && ')[0]).toBe('gulp clean');
		const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mkp-clean-'));
		const stale = path.join(scratch, 'dist', 'nodes', 'Deleted', 'Deleted.node.js');
		fs.mkdirSync(path.dirname(stale), { recursive: true });
		fs.writeFileSync(stale, '');
		execFileSync('npx', ['gulp', '--gulpfile', path.join(repo, 'gulpfile.js'), '--cwd', scratch, 'clean'], { cwd: repo, env: cleanNpmEnv(), stdio: 'ignore' });
		expect(fs.existsSync(path.join(scratch, 'dist'))).toBe(false);
		fs.rmSync(scratch, { recursive: true, force: true });
		expect(fs.existsSync(path.join(repo, 'dist'))).toBe(true);
	});
});
