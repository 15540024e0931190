/** Engine tests: our nodes run inside n8n-core against the vendor simulators, in this process. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFiles: ['<rootDir>/test/engine/env.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 30000,
	reporters: ['default', ['<rootDir>/test/summary-reporter.js', { label: 'engine' }]],
};
