'use strict';
// `n8n-node lint` exits 0 when ESLint finds only warnings; the bar here is zero of both.
const { spawnSync } = require('child_process');

const result = spawnSync('npx', ['n8n-node', 'lint'], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
const output = `${result.stdout}${result.stderr}`;
process.stdout.write(output);
if (result.status !== 0 || /\d+ problems?|warning|Strict mode violation/i.test(output)) {
	console.error('n8n-node lint is not clean: zero errors and zero warnings are required.');
	process.exit(1);
}
console.log('n8n-node lint: 0 errors, 0 warnings');
