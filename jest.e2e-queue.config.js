/** n8n in queue mode (Redis, Postgres, one main, two workers, one webhook processor) with the packed package. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e-queue'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 600000,
	// installs n8n (the first time on a machine: longer than a hook's timeout) and packs the package
	globalSetup: '<rootDir>/test/packOnce.ts',
	reporters: ['default', ['<rootDir>/test/summary-reporter.js', { label: 'e2e-queue' }]],
	// one run: every process of the cluster belongs to it
	maxWorkers: 1,
};
