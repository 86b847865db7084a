const path = require('path');

const repo = path.resolve(__dirname, '../..');

/** End-to-end suites: the packed package inside real n8n processes, one suite at a time. */
module.exports = {
	rootDir: __dirname,
	roots: ['<rootDir>'],
	testEnvironment: 'node',
	testMatch: ['**/*.e2e.cts'],
	transform: {
		'^.+\\.c?ts$': ['ts-jest', { tsconfig: path.join(repo, 'test/tsconfig.json'), diagnostics: false }],
	},
	resolver: path.join(repo, 'test/jest-resolver.js'),
	testTimeout: 600000,
	maxWorkers: 1,
};
