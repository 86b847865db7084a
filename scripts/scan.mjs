// n8n's own scanner (@n8n/scan-community-package), run the way it scans a published package,
// minus the step that needs the registry. For `npx @n8n/scan-community-package <name>` it checks
// npm provenance, then runs its ESLint analysis (`analyzePackage`: its scan config, inline
// config off) twice: over the source checkout the provenance points at ({nodes,credentials}/**
// and package.json) and over the published tarball (its .js files and package.json). Here the
// source is this checkout and the tarball is `npm pack`'s. The provenance check can only run
// after publishing: `npx @n8n/scan-community-package n8n-nodes-mijnklantportaal`.
//
// Usage: node scripts/scan.mjs [--source DIR] [--package DIR]   (needs a built dist/ to pack)
// Prints one JSON line; exits 1 unless both passes are clean: no errors and no warnings.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import glob from 'fast-glob';
import { analyzePackage, buildScanConfig, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const require = createRequire(import.meta.url);
const { cleanNpmEnv } = require('../test/e2e/lib/npm-env.js');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The file patterns the scanner lints the tarball with (scanner.mjs, analyzePackageByName).
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function option(name) {
	const index = process.argv.indexOf(name);
	return index < 0 ? undefined : path.resolve(process.argv[index + 1]);
}

/** `npm pack` of this checkout, unpacked as the scanner unpacks a downloaded tarball. */
function packedPackage() {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mkp-scan-'));
	const env = cleanNpmEnv();
	const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: repo, env, encoding: 'utf8' }));
	const dir = path.join(out, 'package');
	fs.mkdirSync(dir);
	execFileSync('tar', ['-xzf', path.join(out, filename), '-C', dir, '--strip-components=1']);
	process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
	return dir;
}

/**
 * One pass: the scanner's verdict (`analyzePackage`), and the findings behind it from the same
 * ESLint setup, since the verdict alone hides warnings and how many files were linted.
 */
async function scan(name, dir, patterns) {
	const verdict = await analyzePackage(dir, patterns);
	const eslint = new ESLint({ cwd: dir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await buildScanConfig() });
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const results = files.length ? await eslint.lintFiles(files) : [];
	const findings = results.flatMap((result) =>
		result.messages.map((m) => `${path.relative(dir, result.filePath)}:${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} ${m.message} (${m.ruleId})`),
	);
	return { name, verdict, files: files.length, findings };
}

const sourceDir = option('--source') ?? repo;
const packageDir = option('--package') ?? packedPackage();
const passes = [await scan('source', sourceDir, SOURCE_FILE_PATTERNS), await scan('tarball', packageDir, TARBALL_FILE_PATTERNS)];
const clean = passes.every((p) => p.verdict.passed && !p.verdict.message && p.files > 0 && p.findings.length === 0);
console.log(JSON.stringify({ clean, passes }));
process.exit(clean ? 0 : 1);
