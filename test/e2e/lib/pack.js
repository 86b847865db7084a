'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { REPO } = require('./paths');

/** Builds and packs the package exactly as it would be published; returns the tarball's path. */
function packPackage(outDir) {
	fs.mkdirSync(outDir, { recursive: true });
	execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], { cwd: REPO, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	return path.join(outDir, name);
}

module.exports = { packPackage };
