/**
 * The README's recipe for adding a vendor, proved: a copy of the package gets the files of
 * test/recipe/vendor/ (a minimal sixth vendor, Acme Chat: one vendor folder, its credential, one
 * simulator and its example workflow) and nothing else, and then passes what the package passes:
 * the build (which lists the new node and credential in package.json), typecheck and lint, the
 * engine's shared suites and package checks, the fault suite's shared rows for the new vendor, and
 * n8n's community-package scan.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const VENDOR = path.join(__dirname, 'vendor');

interface JestReport {
	numFailedTests: number;
	testResults: Array<{ assertionResults: Array<{ fullName: string; status: string }> }>;
}

let copy: string;

/** Runs a command in the copy; fails the test with its output when it exits non-zero. */
function run(command: string, args: string[]): string {
	// without jest's NODE_ENV=test, under which n8n's lint rules take every file for a test fixture
	const { NODE_ENV: _jestsOwn, ...env } = process.env;
	const result = spawnSync(command, args, { cwd: copy, encoding: 'utf8', env: { ...env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 });
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${String(result.status)}:\n${output.slice(-6000)}`);
	return output;
}

/** Runs jest in the copy with a JSON report; returns the names of the tests that passed. */
function jest(args: string[]): string[] {
	const report = path.join(copy, `.jest-${Date.now()}.json`);
	run('npx', ['jest', '--json', `--outputFile=${report}`, ...args]);
	const results = JSON.parse(readFileSync(report, 'utf8')) as JestReport;
	expect(results.numFailedTests).toBe(0);
	return results.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status === 'passed').map((test) => test.fullName));
}

beforeAll(() => {
	copy = mkdtempSync(path.join(tmpdir(), 'n8n-live-chat-recipe-'));
	const tracked = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
	for (const file of tracked.stdout.split('\0').filter(Boolean)) {
		if (file.startsWith('test/recipe/')) continue;
		try {
			cpSync(path.join(ROOT, file), path.join(copy, file));
		} catch {
			// a file deleted in the working tree but still tracked
		}
	}
	symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
	// the recipe: one vendor folder, its credential, one simulator, its example workflow
	cpSync(VENDOR, copy, { recursive: true });
});

afterAll(() => {
	if (copy) rmSync(copy, { recursive: true, force: true });
});

it('builds, and package.json lists the new node and credential', () => {
	run('npm', ['run', 'build']);
	const manifest = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	expect(manifest.n8n.nodes).toContain('dist/nodes/Acme/Acme.node.js');
	expect(manifest.n8n.credentials).toContain('dist/credentials/AcmeApi.credentials.js');
});

it('typechecks and passes the community lint rules', () => {
	run('npm', ['run', 'typecheck']);
	run('npm', ['run', 'lint']);
});

it('joins the engine’s shared suites and package checks', () => {
	const passed = jest(['test/nodes/shared', 'test/package.test.ts', 'test/sandboxExamples.test.ts']);
	const acme = passed.filter((name) => /acme/i.test(name));
	// the credential test, the refusal before any request, the picker aliases, the example's note
	expect(acme.length).toBeGreaterThanOrEqual(5);
});

it('joins the fault suite’s shared rows', () => {
	const passed = jest([
		'-c',
		'jest.faults.config.js',
		'test/faults/vendors.1.faults.ts',
		'test/faults/vendors.2.faults.ts',
		'test/faults/vendors.3.faults.ts',
		'test/faults/requiredParameters.faults.ts',
		'-t',
		'acme',
	]);
	expect(passed.filter((name) => name.startsWith('acme fault suite')).length).toBeGreaterThanOrEqual(10);
	expect(passed.filter((name) => /acme/i.test(name) && !name.startsWith('acme fault suite')).length).toBeGreaterThan(0);
});

it('passes n8n’s community-package scan', () => {
	run('npm', ['run', 'scan']);
});
