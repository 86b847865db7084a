import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';

const repo = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = { 'runs-on'?: string; steps?: Step[]; permissions?: Record<string, string>; strategy?: { matrix?: Record<string, unknown[]> } };
type Workflow = { name?: string; on?: Record<string, unknown>; jobs?: Record<string, Job>; permissions?: Record<string, string> };

/**
 * A GitHub Actions workflow file, parsed strictly (Debian has no actionlint package, so this
 * test checks what actionlint would reject outright: bad YAML, duplicate keys, and the shape
 * GitHub requires of every job and step).
 */
function workflow(name: string): Workflow {
	const document = parseDocument(fs.readFileSync(path.join(repo, '.github/workflows', name), 'utf8'), { uniqueKeys: true, prettyErrors: true });
	expect([...document.errors, ...document.warnings].map(String)).toEqual([]);
	return document.toJS() as Workflow;
}

const steps = (wf: Workflow) => Object.values(wf.jobs ?? {}).flatMap((job) => job.steps ?? []);
const runs = (wf: Workflow) => steps(wf).flatMap((step) => (step.run ?? '').split('\n').map((line) => line.trim()).filter(Boolean));

describe.each(['ci.yml', 'publish.yml'])('.github/workflows/%s', (file) => {
	it('is valid YAML with a name, triggers and jobs whose steps each run or use one thing', () => {
		const wf = workflow(file);
		expect(typeof wf.name).toBe('string');
		expect(Object.keys(wf.on ?? {}).length).toBeGreaterThan(0);
		const jobs = Object.entries(wf.jobs ?? {});
		expect(jobs.length).toBeGreaterThan(0);
		for (const [id, job] of jobs) {
			expect([id, typeof job['runs-on']]).toEqual([id, 'string']);
			expect(job.steps?.length).toBeGreaterThan(0);
			for (const step of job.steps ?? []) {
				expect([id, step.name ?? step.uses, Number('uses' in step) + Number('run' in step)]).toEqual([id, step.name ?? step.uses, 1]);
				// Actions pinned to a major version at least, never a branch.
				if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
			}
		}
		// Every expression is closed: an unclosed `${{` is a syntax error on GitHub.
		const text = fs.readFileSync(path.join(repo, '.github/workflows', file), 'utf8');
		expect((text.match(/\$\{\{/g) ?? []).length).toBe((text.match(/\}\}/g) ?? []).length);
	});
});

describe('ci.yml', () => {
	const wf = workflow('ci.yml');

	it('runs on pull requests and on pushes to main', () => {
		expect(wf.on).toEqual({ pull_request: null, push: { branches: ['main'] } });
	});

	it('type-checks, lints, builds and runs the tests on Node 20 and 24', () => {
		const test = wf.jobs!.test;
		expect(test.strategy?.matrix?.['node-version']).toEqual([20, 24]);
		expect(test.steps!.find((s) => s.uses === 'actions/setup-node@v4')?.with?.['node-version']).toBe('${{ matrix.node-version }}');
		expect(runs({ jobs: { test } })).toEqual(['npm ci', 'npm run typecheck', 'npm run lint', 'npm run build', 'npm run test:unit']);
	});

	it('runs the demo check from an empty n8n cache, as a new user would', () => {
		const demo = wf.jobs!.demo;
		const check = demo.steps!.find((s) => s.run === 'npm run demo -- --check');
		expect(check?.env).toEqual({ MKP_E2E_CACHE: '${{ runner.temp }}/n8n-cache' });
	});
});

describe('publish.yml', () => {
	const wf = workflow('publish.yml');
	const publish = wf.jobs!.publish;

	it('runs on version tags only', () => {
		expect(wf.on).toEqual({ push: { tags: ['*.*.*'] } });
	});

	it('may mint an OIDC token for provenance and only read the repository', () => {
		expect(publish.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	});

	it('publishes through `npm run release` (n8n-node release) against the npm registry, after the tests', () => {
		const setup = publish.steps!.find((s) => s.uses === 'actions/setup-node@v4');
		expect(setup?.with).toMatchObject({ 'node-version': 24, 'registry-url': 'https://registry.npmjs.org/' });
		expect(runs(wf)).toEqual(['npm ci', 'npm test', '[ -n "$NPM_TOKEN" ] && npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN"', 'npm run release']);
		const release = publish.steps!.find((s) => (s.run ?? '').includes('npm run release'));
		expect(release?.env).toEqual({ NPM_TOKEN: '${{ secrets.NPM_TOKEN }}', NPM_CONFIG_IGNORE_SCRIPTS: 'false' });
	});

	it("matches package.json's release scripts, as in the n8n-nodes-starter", () => {
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
	});

	it('publishes from the repository package.json names (npm checks provenance against it)', () => {
		expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/mijnklantportaal/n8n-nodes-mijnklantportaal.git' });
		expect(pkg.author.name).toBe('MijnKlantportaal');
		expect(JSON.stringify(pkg)).not.toContain('example.com');
	});
});
