/**
 * Browser run: headless Chromium (Debian's, /usr/bin/chromium) drives the sandbox's real n8n as a
 * user would. Not part of `npm test` (it needs Chromium installed); `.ci/run` installs it and runs this.
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.browser.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 600000,
	globalSetup: '<rootDir>/test/packOnce.ts',
	reporters: ['default', ['<rootDir>/test/summary-reporter.js', { label: 'browser' }]],
	// one n8n and one browser: the steps of the file run in order on the same page
	maxWorkers: 1,
};
