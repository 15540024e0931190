// Prints the fault suite's table of counts (one row per vendor × fault class) and, as its very last
// line, the totals. Reads the JSON-lines ledger the tests append to (see ledger.ts).
const fs = require('node:fs');

const COLUMNS = [
	['injected', 'injected'],
	['handled', 'handled'],
	['lost', 'lost'],
	['duplicated', 'dup'],
	['sentTwice', 'sent2x'],
	['leaked', 'leaked'],
	['badInputRequests', 'badReq'],
	['forgedRuns', 'forgedRun'],
	['requests', 'requests'],
];

class FaultsReporter {
	onRunComplete() {
		const file = process.env.FAULTS_LEDGER;
		const entries = file && fs.existsSync(file)
			? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
			: [];
		const rows = new Map();
		const totals = Object.fromEntries(COLUMNS.map(([key]) => [key, 0]));
		for (const entry of entries) {
			const key = `${entry.vendor}\u0000${entry.cls}`;
			const row = rows.get(key) ?? { vendor: entry.vendor, cls: entry.cls, notes: [], ...Object.fromEntries(COLUMNS.map(([k]) => [k, 0])) };
			for (const [column] of COLUMNS) {
				row[column] += entry[column] ?? 0;
				totals[column] += entry[column] ?? 0;
			}
			if (entry.note) row.notes.push(entry.note);
			rows.set(key, row);
		}
		const sorted = [...rows.values()].sort((a, b) => a.vendor.localeCompare(b.vendor) || a.cls.localeCompare(b.cls));
		const header = ['vendor', 'fault class', ...COLUMNS.map(([, label]) => label)];
		const body = sorted.map((row) => [row.vendor, row.cls, ...COLUMNS.map(([column]) => String(row[column]))]);
		const widths = header.map((cell, index) => Math.max(cell.length, ...body.map((line) => line[index].length)));
		const format = (cells) => cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');
		const out = [];
		out.push('', 'Fault suite counts', format(header), widths.map((w) => '-'.repeat(w)).join('  '));
		for (const line of body) out.push(format(line));
		const notes = sorted.flatMap((row) => {
			const counted = new Map();
			for (const note of row.notes) counted.set(note, (counted.get(note) ?? 0) + 1);
			return [...counted].map(([note, n]) => `  ${row.vendor} / ${row.cls}: ${note}${n > 1 ? ` (×${n})` : ''}`);
		});
		if (notes.length) out.push('', 'Notes:', ...notes);
		out.push(
			'',
			`faults: ${totals.injected} injected, ${totals.handled} handled as expected, ${totals.lost} lost, ${totals.duplicated} duplicated, ${totals.sentTwice} sent twice, ${totals.leaked} leaked, ${totals.badInputRequests} requests on bad input`,
		);
		if (file) fs.rmSync(file, { force: true });
		// jest prints its own summary ("Test Suites: …") after every configured reporter: print at exit so
		// that the totals line is the run's last line (stdout to a pipe, file or terminal is synchronous on Linux)
		process.once('exit', () => process.stdout.write(`${out.join('\n')}\n`));
	}
}
module.exports = FaultsReporter;
