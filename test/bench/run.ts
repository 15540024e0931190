/**
 * `npm run bench`: requests, engine overhead, trigger cost and package weight, measured as counts
 * and ratios in one run against the vendor simulators (never as timed assertions). Prints a table
 * and writes the same figures to test/bench/results.json.
 *
 * Settings (environment): BENCH_N (items per list, 10000), BENCH_LATENCY_MS (5), BENCH_REPS (3),
 * BENCH_K (new items per trigger poll, 150), BENCH_MEMORY_N (items of the memory run, 100000).
 */
import '../engine/env';

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

import type { IDataObject } from 'n8n-workflow';

import { runNode, runPoll } from '../engine/harness';
import type { Simulator } from '../simulators/base';
import { cacheAnswers, listCases, liveAgentCustomers } from './lists';
import { packPackage } from '../e2e/n8n';
import { againstHttpRequestNode } from './n8n';
import { triggerCases } from './triggers';

const run = promisify(execFile);

const N = Number(process.env.BENCH_N ?? 10_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 5);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const K = Number(process.env.BENCH_K ?? 150);
const MEMORY_N = Number(process.env.BENCH_MEMORY_N ?? 100_000);

/** "Parallel Page Requests" of the parallel runs: the node's default (4) and its most (8). */
const PARALLEL = (process.env.BENCH_PARALLEL ?? '4,8').split(',').map(Number);
/** Sections to run (comma-separated: lists, parallel, n8n, triggers, weight); all by default. */
const ONLY = process.env.BENCH_ONLY?.split(',');

const GOAL_RATIO = 1.1;
const GOAL_PARALLEL_RATIO = 0.4;
const GOAL_REQUIRE_MS = 30;
const GOAL_MEMORY_RATIO = 2;

/** The repository: this file runs from .build/test/bench/. */
const REPO = path.resolve(__dirname, '..', '..', '..');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function table(headers: string[], rows: Array<Array<string | number>>): string {
	const cells = [headers, ...rows.map((row) => row.map(String))];
	const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
	const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

const yes = (met: boolean) => (met ? 'yes' : 'NO');

type Timed = Record<'dispatch' | 'send', (...args: unknown[]) => unknown>;

/**
 * Adds up the simulator's own CPU time (routing + handler, and writing the answer) so that it can be
 * taken out of both sides: the simulator runs in this process and recomputes the whole list on
 * every page, which is far more work than a real API does for the client to wait on.
 */
function timeServer(simulator: object): { ms: number } {
	const clock = { ms: 0 };
	const target = simulator as unknown as Timed;
	const dispatch = target.dispatch.bind(simulator);
	const send = target.send.bind(simulator);
	target.dispatch = async (...args: unknown[]) => {
		const started = performance.now();
		try {
			return await dispatch(...args);
		} finally {
			clock.ms += performance.now() - started;
		}
	};
	target.send = (...args: unknown[]) => {
		const started = performance.now();
		try {
			return send(...args);
		} finally {
			clock.ms += performance.now() - started;
		}
	};
	return clock;
}

interface Timing {
	wallMs: number;
	/** The simulator's own CPU time during the run (it shares this process). */
	serverMs: number;
	requests: number;
}

/**
 * REPS timed runs of each side at the injected latency, alternating which goes first; `engine` gets
 * the rep's number. `server` is the simulator's clock from timeServer.
 */
async function alternate(
	simulator: Simulator,
	server: { ms: number },
	engine: (rep: number) => Promise<unknown>,
	bare: () => Promise<unknown>,
): Promise<{ engine: Timing[]; bare: Timing[] }> {
	const timings = { engine: [] as Timing[], bare: [] as Timing[] };
	simulator.latencyMs = LATENCY_MS;
	try {
		for (let rep = 0; rep < REPS; rep++) {
			for (const side of rep % 2 === 0 ? (['engine', 'bare'] as const) : (['bare', 'engine'] as const)) {
				simulator.requests.length = 0;
				server.ms = 0;
				const started = performance.now();
				await (side === 'engine' ? engine(rep) : bare());
				timings[side].push({ wallMs: performance.now() - started, serverMs: server.ms, requests: simulator.requests.length });
			}
		}
	} finally {
		simulator.latencyMs = 0;
	}
	return timings;
}

async function lists() {
	const results = [];
	for (const list of listCases) {
		const { simulator, node, bare, path: prefix } = await list.setup(N);
		try {
			const floor = Math.ceil(N / list.maxPage);
			// 1. requests of one Return All (no latency), and a check that it returned every item
			simulator.requests.length = 0;
			const first = await runNode(node);
			if (first.error) throw new Error(`${list.name}: ${first.error.message}`);
			const requests = simulator.count(undefined, prefix);
			const bareItems = (await bare()).length;
			// 2. wall time, engine against bare, at the injected latency; alternating, median of REPS
			const timings = await alternate(simulator, timeServer(simulator), async (rep) => {
				const again = await runNode(node);
				if (again.error || again.items.length !== first.items.length) throw new Error(`${list.name}: engine run ${rep} differed`);
			}, bare);
			const engineMs = timings.engine.map((run) => run.wallMs);
			const bareMs = timings.bare.map((run) => run.wallMs);
			// client side: wall time less the simulator's CPU time and the injected latency
			const clientMs = (runs: Timing[]) => runs.map((run) => run.wallMs - run.serverMs - run.requests * LATENCY_MS);
			const engineClientMs = clientMs(timings.engine);
			const bareClientMs = clientMs(timings.bare);
			const ratio = median(engineMs) / median(bareMs);
			results.push({
				name: list.name,
				n: N,
				maxPage: list.maxPage,
				items: first.items.length,
				bareItems,
				requests,
				floor,
				requestsAtFloor: requests === floor,
				latencyMs: LATENCY_MS,
				idealMs: floor * LATENCY_MS,
				engineMs: engineMs.map((ms) => round(ms, 1)),
				bareMs: bareMs.map((ms) => round(ms, 1)),
				engineMedianMs: round(median(engineMs), 1),
				bareMedianMs: round(median(bareMs), 1),
				ratio: round(ratio, 3),
				engineClientMedianMs: round(median(engineClientMs), 1),
				bareClientMedianMs: round(median(bareClientMs), 1),
				clientRatio: round(median(engineClientMs) / median(bareClientMs), 2),
				/** Engine time beyond the bare client's, per request of the floor. */
				overheadPerPageMs: round((median(engineMs) - median(bareMs)) / floor, 2),
				ratioGoalMet: ratio <= GOAL_RATIO,
			});
			process.stderr.write(`  list done: ${list.name}\n`);
		} finally {
			await simulator.stop();
		}
	}
	return results;
}

/**
 * Lists whose first page tells the total, with "Parallel Page Requests" on, against the bare client
 * making the floor's requests one after another (same simulator, same latency). Also checks that
 * the items come in the same order as a sequential run and that no page was asked for twice.
 */
async function parallelLists() {
	const results = [];
	for (const list of listCases.filter((candidate) => candidate.parallelPages)) {
		const { simulator, node, bare, path: prefix } = await list.setup(N);
		try {
			const floor = Math.ceil(N / list.maxPage);
			const withParallel = (parallelPageRequests: number) => ({ ...node, parameters: { ...node.parameters, parallelPageRequests } });
			cacheAnswers(simulator);
			const server = timeServer(simulator);
			const sequential = await runNode(withParallel(1));
			if (sequential.error) throw new Error(`${list.name}: ${sequential.error.message}`);
			const bareItems = (await bare()).length;
			for (const inFlight of PARALLEL) {
				simulator.requests.length = 0;
				const parallel = await runNode(withParallel(inFlight));
				if (parallel.error) throw new Error(`${list.name}: ${parallel.error.message}`);
				const pages = simulator.requests.filter((request) => request.path.startsWith(prefix)).map((request) => JSON.stringify(request.query));
				const sameOrder =
					parallel.items.length === sequential.items.length &&
					parallel.items.every((item, index) => JSON.stringify(item.json) === JSON.stringify(sequential.items[index].json));
				const timings = await alternate(simulator, server, async (rep) => {
					const again = await runNode(withParallel(inFlight));
					if (again.error || again.items.length !== parallel.items.length) throw new Error(`${list.name}: parallel run ${rep} differed`);
				}, bare);
				const parallelMs = timings.engine.map((run) => run.wallMs);
				const bareMs = timings.bare.map((run) => run.wallMs);
				const serverMs = timings.engine.map((run) => run.serverMs);
				const ratio = median(parallelMs) / median(bareMs);
				results.push({
					name: list.name,
					n: N,
					parallelPageRequests: inFlight,
					items: parallel.items.length,
					bareItems,
					requests: pages.length,
					floor,
					noPageTwice: new Set(pages).size === pages.length,
					sameOrderAsSequential: sameOrder,
					latencyMs: LATENCY_MS,
					parallelMs: parallelMs.map((ms) => round(ms, 1)),
					bareMs: bareMs.map((ms) => round(ms, 1)),
					parallelMedianMs: round(median(parallelMs), 1),
					bareMedianMs: round(median(bareMs), 1),
					/** The simulator's own CPU time during the parallel runs (it shares this process). */
					simulatorCpuMedianMs: round(median(serverMs), 1),
					ratio: round(ratio, 3),
					ratioGoalMet: ratio <= GOAL_PARALLEL_RATIO,
				});
			}
			process.stderr.write(`  parallel done: ${list.name}\n`);
		} finally {
			await simulator.stop();
		}
	}
	return results;
}

async function triggers() {
	const results = [];
	for (const trigger of triggerCases) {
		const { simulator, node, add } = await trigger.setup();
		try {
			const first = await runPoll(node);
			simulator.requests.length = 0;
			const idle = await runPoll(node, first.staticData);
			const idleRequests = simulator.requests.length;
			await add(K);
			simulator.requests.length = 0;
			const busy = await runPoll(node, idle.staticData);
			const busyRequests = simulator.requests.length;
			const emitted = busy.items?.length ?? 0;
			simulator.requests.length = 0;
			const after = await runPoll(node, busy.staticData);
			const floor = Number.isFinite(trigger.pageSize) ? Math.ceil(K / trigger.pageSize) : 1;
			results.push({
				name: trigger.name,
				pageSize: Number.isFinite(trigger.pageSize) ? trigger.pageSize : 'unpaged',
				idleRequests,
				idleGoalMet: idleRequests === 1,
				k: K,
				emitted,
				emittedAgain: after.items?.length ?? 0,
				requestsWithK: busyRequests,
				floor,
				kGoalMet: busyRequests <= floor + 1,
			});
		} finally {
			await simulator.stop();
		}
	}
	return results;
}

async function weight() {
	// The package exactly as it ships: packed like the e2e tests pack it, then unpacked.
	const out = mkdtempSync(path.join(os.tmpdir(), 'n8n-live-chat-bench-'));
	try {
		const tarballPath = packPackage(out);
		await run('tar', ['xzf', tarballPath, '-C', out]);
		const packageDir = path.join(out, 'package');
		const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		const files = [...manifest.n8n.credentials, ...manifest.n8n.nodes].map((file) => path.join(packageDir, file));
		const env = { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') };
		type Load = { workflowMs: number; packageMs: number; packageCpuMs: number; packageModules: number; foreignModules: string[]; each: Array<{ file: string; ms: number }> };
		const loads: Load[] = [];
		for (let i = 0; i < 5; i++) {
			const { stdout } = await run(process.execPath, [path.join(__dirname, 'child.js'), 'require', ...files], { env });
			loads.push(JSON.parse(stdout) as Load);
		}
		const requireMs = median(loads.map((load) => load.packageMs));
		// Per file (median over the runs): the first file of a vendor also pays for its shared helpers.
		const perFile = files
			.map((file, index) => ({ file: path.relative(packageDir, file), ms: round(median(loads.map((load) => load.each[index].ms)), 1) }))
			.sort((a, b) => b.ms - a.ms);

		// What n8n itself spends on the package when it starts: its loader, lazy (dist/known and
		// dist/types, as n8n loads a package in ~/.n8n/nodes) and, for comparison, requiring every
		// file; the loader's own fixed cost is measured on a package that declares nothing.
		const emptyDir = path.join(out, 'empty');
		mkdirSync(path.join(emptyDir, 'dist', 'known'), { recursive: true });
		mkdirSync(path.join(emptyDir, 'dist', 'types'), { recursive: true });
		writeFileSync(path.join(emptyDir, 'package.json'), JSON.stringify({ name: 'n8n-nodes-empty', version: '1.0.0', n8n: { nodes: [], credentials: [] } }));
		for (const kind of ['nodes', 'credentials']) {
			writeFileSync(path.join(emptyDir, 'dist', 'known', `${kind}.json`), '{}');
			writeFileSync(path.join(emptyDir, 'dist', 'types', `${kind}.json`), '[]');
		}
		type LoaderRun = { ms: number; lazy: boolean; nodes: number; packageModules: number };
		const loaderRuns: Record<string, LoaderRun[]> = { lazy: [], full: [], empty: [] };
		for (let i = 0; i < 5; i++) {
			for (const [name, mode, directory] of [['lazy', 'lazy', packageDir], ['full', 'full', packageDir], ['empty', 'lazy', emptyDir]]) {
				const { stdout } = await run(process.execPath, [path.join(__dirname, 'child.js'), 'loader', mode, directory], { env: { ...env, N8N_LOG_LEVEL: 'silent' } });
				loaderRuns[name].push(JSON.parse(stdout) as LoaderRun);
			}
		}
		const loaderOf = (name: string) => ({
			ms: round(median(loaderRuns[name].map((entry) => entry.ms)), 1),
			runsMs: loaderRuns[name].map((entry) => round(entry.ms, 1)),
			lazy: loaderRuns[name].every((entry) => entry.lazy),
			nodes: loaderRuns[name][0].nodes,
			packageModules: loaderRuns[name][0].packageModules,
		});

		const { stdout: packed } = await run('npm', ['pack', '--dry-run', '--json'], { cwd: packageDir, maxBuffer: 64 * 2 ** 20 });
		const [tarball] = JSON.parse(packed) as Array<{ size: number; unpackedSize: number; entryCount: number }>;

		const simulator = await liveAgentCustomers(MEMORY_N);
		try {
			const memory: Record<string, IDataObject> = {};
			for (const mode of ['bare', 'engine']) {
				const { stdout } = await run(
					process.execPath,
					['--expose-gc', path.join(__dirname, 'child.js'), 'memory', mode, simulator.baseUrl, simulator.apiKey, String(MEMORY_N)],
					{ env: { ...process.env, N8N_LOG_LEVEL: 'silent' }, maxBuffer: 2 ** 20 },
				);
				memory[mode] = JSON.parse(stdout) as IDataObject;
				if (memory[mode].items !== MEMORY_N) throw new Error(`memory run ${mode} read ${String(memory[mode].items)} items`);
			}
			const heapRatio = Number(memory.engine.peakHeapDeltaMB) / Number(memory.bare.peakHeapDeltaMB);
			const rssRatio = Number(memory.engine.peakRssDeltaMB) / Number(memory.bare.peakRssDeltaMB);
			return {
				requireMs: round(requireMs, 1),
				requireRunsMs: loads.map((load) => round(load.packageMs, 1)),
				workflowAloneMs: round(median(loads.map((load) => load.workflowMs)), 1),
				requireFiles: files.length,
				requireCpuMs: round(median(loads.map((load) => load.packageCpuMs)), 1),
				requireModules: loads[0].packageModules,
				/** Modules from outside the package that requiring it loaded (n8n-workflow already holds luxon). */
				requireForeignModules: loads[0].foreignModules.map((file) => path.relative(REPO, file)),
				requireGoalMet: requireMs < GOAL_REQUIRE_MS,
				requirePerFileMs: perFile,
				startupLoader: { lazy: loaderOf('lazy'), full: loaderOf('full'), emptyPackage: loaderOf('empty') },
				tarball: { size: tarball.size, unpackedSize: tarball.unpackedSize, files: tarball.entryCount, from: 'npm pack of a private build of the current sources, as the e2e tests pack it' },
				memory: {
					list: 'LiveAgent customer: get many',
					n: MEMORY_N,
					requestsBothRuns: simulator.count('GET', '/api/customers'),
					engine: memory.engine,
					bare: memory.bare,
					heapRatio: round(heapRatio, 2),
					rssRatio: round(rssRatio, 2),
					goalMet: heapRatio <= GOAL_MEMORY_RATIO,
				},
			};
		} finally {
			await simulator.stop();
		}
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
}

async function main() {
	const started = performance.now();
	const machine = {
		nproc: os.cpus().length,
		cpu: os.cpus()[0]?.model ?? 'unknown',
		memoryGB: round(os.totalmem() / 2 ** 30, 1),
		freeMemoryGB: round(os.freemem() / 2 ** 30, 1),
		loadAverage: os.loadavg().map((load) => round(load, 2)),
		node: process.version,
		platform: `${os.platform()} ${os.release()}`,
		date: new Date().toISOString(),
	};
	const runs = (section: string) => !ONLY || ONLY.includes(section);
	process.stderr.write(`bench: N=${N}, latency ${LATENCY_MS} ms, ${REPS} reps, k=${K}, memory N=${MEMORY_N}${ONLY ? `, only ${ONLY.join(', ')}` : ''}\n`);
	const listResults = runs('lists') ? await lists() : [];
	const parallelResults = runs('parallel') ? await parallelLists() : [];
	const n8nResults = runs('n8n') ? await againstHttpRequestNode({ n: N, latencyMs: LATENCY_MS }) : undefined;
	const triggerResults = runs('triggers') ? await triggers() : [];
	if (runs('triggers')) process.stderr.write('  triggers done\n');
	const weightResults = runs('weight') ? await weight() : undefined;
	const results = {
		machine,
		settings: { n: N, latencyMs: LATENCY_MS, reps: REPS, k: K, memoryN: MEMORY_N, parallelPageRequests: PARALLEL, only: ONLY ?? 'all' },
		goals: {
			ratio: GOAL_RATIO,
			parallelRatio: GOAL_PARALLEL_RATIO,
			againstHttpRequestNode: 'ratio < 1 on every list',
			requireMs: GOAL_REQUIRE_MS,
			memoryRatio: GOAL_MEMORY_RATIO,
			idleRequests: 1,
			requestsWithK: 'floor + 1',
		},
		lists: listResults,
		parallel: parallelResults,
		againstHttpRequestNode: n8nResults,
		triggers: triggerResults,
		weight: weightResults,
		runtimeSeconds: round((performance.now() - started) / 1000, 1),
	};
	// A run of some sections only never overwrites the full figures.
	const resultsFile = ONLY ? path.join(os.tmpdir(), 'n8n-live-chat-bench-partial.json') : path.join(REPO, 'test', 'bench', 'results.json');
	writeFileSync(resultsFile, `${JSON.stringify(results, null, '\t')}\n`);

	const lines = [`Machine: ${machine.nproc} × ${machine.cpu}, ${machine.memoryGB} GB, node ${machine.node}, load ${machine.loadAverage.join(' ')}`];
	if (listResults.length) {
		lines.push(
			'',
			`Return All over N = ${N} (requests; wall time at ${LATENCY_MS} ms injected latency, median of ${REPS})`,
			table(
				['List', 'Items', 'Requests', 'Floor', 'At floor', 'Engine ms', 'Bare ms', 'Engine/bare', `≤ ${GOAL_RATIO}×`, 'Extra ms/page', 'Client ms engine/bare'],
				listResults.map((r) => [r.name, r.items, r.requests, r.floor, yes(r.requestsAtFloor), r.engineMedianMs, r.bareMedianMs, `${r.ratio.toFixed(2)}×`, yes(r.ratioGoalMet), r.overheadPerPageMs, `${r.engineClientMedianMs} / ${r.bareClientMedianMs}`]),
			),
		);
	}
	if (parallelResults.length) {
		lines.push(
			'',
			`Parallel Page Requests = ${PARALLEL.join(' and ')}, engine against the sequential bare client (N = ${N}, ${LATENCY_MS} ms latency, median of ${REPS})`,
			table(
				['List', 'In flight', 'Items', 'Requests', 'Floor', 'No page twice', 'Same order', 'Parallel ms', 'Bare ms', 'Parallel/bare', `≤ ${GOAL_PARALLEL_RATIO}×`, 'Simulator CPU ms'],
				parallelResults.map((r) => [r.name, r.parallelPageRequests, r.items, r.requests, r.floor, yes(r.noPageTwice), yes(r.sameOrderAsSequential), r.parallelMedianMs, r.bareMedianMs, `${r.ratio.toFixed(2)}×`, yes(r.ratioGoalMet), r.simulatorCpuMedianMs]),
			),
		);
	}
	if (n8nResults) {
		lines.push(
			'',
			`In real n8n ${n8nResults.n8nVersion}: our node's Return All against the HTTP Request node with its pagination (N = ${n8nResults.n}, ${n8nResults.latencyMs} ms latency; executionTime of each node, median of ${n8nResults.reps})`,
			table(
				['List', 'Items ours / HTTP', 'Requests ours / HTTP', 'Ours ms', 'HTTP Request ms', '+ Split Out ms', 'Ours/HTTP', 'Ours/(HTTP+Split)', 'Ours faster'],
				n8nResults.lists.map((r) => [r.name, `${r.oursItems} / ${r.httpItems}`, `${r.oursRequests} / ${r.httpRequests}`, r.oursMedianMs, r.httpMedianMs, r.splitOutMedianMs, `${r.ratio.toFixed(2)}×`, `${r.ratioWithSplitOut.toFixed(2)}×`, yes(r.oursFaster)]),
			),
		);
	}
	if (triggerResults.length) {
		lines.push(
			'',
			`Polling triggers (requests per poll; k = ${K} new items)`,
			table(
				['Trigger (event)', 'Idle poll', 'Goal 1', 'With k', 'Emitted', 'Floor', 'Goal ≤ floor+1'],
				triggerResults.map((r) => [r.name, r.idleRequests, yes(r.idleGoalMet), r.requestsWithK, r.emitted, r.floor, yes(r.kGoalMet)]),
			),
		);
	}
	if (weightResults) {
		lines.push(
			'',
			'Weight',
			table(
				['Measure', 'Value', 'Goal', 'Met'],
				[
					[`Require ${weightResults.requireFiles} node/credential files (beyond n8n-workflow ${weightResults.workflowAloneMs} ms)`, `${weightResults.requireMs} ms (CPU ${weightResults.requireCpuMs} ms; ${weightResults.requireModules} modules, ${weightResults.requireForeignModules.length} from elsewhere)`, `< ${GOAL_REQUIRE_MS} ms`, yes(weightResults.requireGoalMet)],
					[
						"n8n's loader at start-up: lazy (dist/known) / an empty package / requiring every file",
						`${weightResults.startupLoader.lazy.ms} ms (${weightResults.startupLoader.lazy.packageModules} modules${weightResults.startupLoader.lazy.lazy ? '' : ', NOT lazy'}) / ${weightResults.startupLoader.emptyPackage.ms} ms / ${weightResults.startupLoader.full.ms} ms (${weightResults.startupLoader.full.packageModules} modules)`,
						'—',
						'—',
					],
					['Packed tarball', `${round(weightResults.tarball.size / 1024, 1)} kB (${weightResults.tarball.files} files, ${round(weightResults.tarball.unpackedSize / 1024, 1)} kB unpacked)`, '—', '—'],
					[`Peak heap, Return All of ${MEMORY_N} (engine / bare)`, `${round(Number(weightResults.memory.engine.peakHeapDeltaMB), 1)} / ${round(Number(weightResults.memory.bare.peakHeapDeltaMB), 1)} MB = ${weightResults.memory.heapRatio}×`, `≤ ${GOAL_MEMORY_RATIO}×`, yes(weightResults.memory.goalMet)],
					[`Peak RSS, Return All of ${MEMORY_N} (engine / bare)`, `${round(Number(weightResults.memory.engine.peakRssDeltaMB), 1)} / ${round(Number(weightResults.memory.bare.peakRssDeltaMB), 1)} MB = ${weightResults.memory.rssRatio}×`, '—', '—'],
				],
			),
			`Slowest to require (ms, median): ${weightResults.requirePerFileMs.slice(0, 5).map((entry) => `${entry.file} ${entry.ms}`).join(', ')}`,
		);
	}
	lines.push('', `Bench runtime: ${results.runtimeSeconds} s; figures in ${path.relative(REPO, resultsFile)}`);
	process.stdout.write(`${lines.join('\n')}\n`);
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	},
);
