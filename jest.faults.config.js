/** Fault suite: every vendor's simulator driven through faults in n8n's engine, with counts. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/faults/**/*.faults.ts'],
	setupFiles: ['<rootDir>/test/engine/env.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 60000,
	// two files at a time: the trigger runs and the real-n8n files are long, and much of the latter is waiting
	maxWorkers: 2,
	globalSetup: '<rootDir>/test/faults/globalSetup.ts',
	reporters: [
		'default',
		['<rootDir>/test/summary-reporter.js', { label: 'faults' }],
		// registered last: prints the table of counts and, as the run's last line, the totals
		'<rootDir>/test/faults/reporter.js',
	],
};
