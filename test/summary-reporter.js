// Prints one plain closing line per jest run ("<suite>: N passed, N failed"), which CI reads.
class SummaryReporter {
	constructor(globalConfig, options) {
		this.label = (options && options.label) || 'tests';
	}

	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		process.stdout.write(
			`${this.label}: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
		);
	}
}
module.exports = SummaryReporter;
