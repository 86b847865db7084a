/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.cts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		// Type-checking is `npm run typecheck`'s job; jest only transpiles, which keeps the suite fast.
		'^.+\\.c?ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
	},
	resolver: '<rootDir>/test/jest-resolver.js',
	testTimeout: 30000,
};
