'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { REPO } = require('./paths');
const { cleanNpmEnv } = require('./npm-env');

/** Builds and packs the package exactly as it would be published; returns the tarball's path. */
function packPackage(outDir) {
	fs.mkdirSync(outDir, { recursive: true });
	const env = cleanNpmEnv();
	execFileSync('npm', ['run', 'build'], { cwd: REPO, env, stdio: ['ignore', 'ignore', 'inherit'] });
	const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: REPO, env, encoding: 'utf8' }));
	return path.join(outDir, filename);
}

module.exports = { packPackage };
