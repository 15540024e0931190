/** The recipe for adding a vendor, run on a copy of the package with a minimal sixth vendor. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/recipe'],
	testMatch: ['**/*.recipe.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	// each step builds or runs a suite in the copy
	testTimeout: 15 * 60_000,
	reporters: ['default', ['<rootDir>/test/summary-reporter.js', { label: 'recipe' }]],
};
