/** Real-n8n tests: the packed package in a pinned n8n, run headlessly against the simulators. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 600000,
	// the package is packed once for all files
	globalSetup: '<rootDir>/test/packOnce.ts',
	reporters: ['default', ['<rootDir>/test/summary-reporter.js', { label: 'e2e' }]],
	// two files at a time: most of an e2e run is waiting (n8n start-up, poll intervals)
	maxWorkers: 2,
};
