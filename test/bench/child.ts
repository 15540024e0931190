/**
 * What the bench runs in a fresh node process, so that load times and memory peaks do not mix:
 *   child.js require <file>...          time to require n8n-workflow, then the given files
 *   child.js loader lazy|full <dir>     time n8n's loader takes over the package at start-up: lazy as
 *                                       n8n loads a package in ~/.n8n/nodes, full as without dist/known
 *   child.js memory engine|bare <url> <apiKey> <n>   peak memory of a LiveAgent customers Return All
 * Prints one JSON line.
 */
import { performance } from 'node:perf_hooks';

async function requireTimes(files: string[]): Promise<void> {
	const t0 = performance.now();
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	require('n8n-workflow');
	const t1 = performance.now();
	const loadedBefore = new Set(Object.keys(require.cache));
	const cpuBefore = process.cpuUsage();
	const each: Array<{ file: string; ms: number }> = [];
	for (const file of files) {
		const before = performance.now();
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		require(file);
		each.push({ file, ms: performance.now() - before });
	}
	const t2 = performance.now();
	const cpu = process.cpuUsage(cpuBefore);
	// What the package added: its own modules, and any module from elsewhere (luxon, n8n-workflow subpaths…)
	const added = Object.keys(require.cache).filter((file) => !loadedBefore.has(file));
	const packageRoot = files[0].slice(0, files[0].indexOf('/dist/') + '/dist/'.length);
	const foreign = added.filter((file) => !file.startsWith(packageRoot));
	process.stdout.write(
		`${JSON.stringify({
			workflowMs: t1 - t0,
			packageMs: t2 - t1,
			packageCpuMs: (cpu.user + cpu.system) / 1000,
			packageModules: added.length - foreign.length,
			foreignModules: foreign,
			each,
		})}\n`,
	);
}

async function loaderTime(mode: string, directory: string): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const core = require('n8n-core') as typeof import('n8n-core');
	const loadedBefore = new Set(Object.keys(require.cache));
	const Loader = mode === 'lazy' ? core.LazyPackageDirectoryLoader : core.PackageDirectoryLoader;
	const started = performance.now();
	const loader = new Loader(directory);
	await loader.loadAll();
	const ms = performance.now() - started;
	const packageModules = Object.keys(require.cache).filter((file) => !loadedBefore.has(file) && file.startsWith(directory) && !file.includes('/node_modules/')).length;
	process.stdout.write(`${JSON.stringify({ mode, ms, lazy: loader.isLazyLoaded, nodes: loader.types.nodes.length, packageModules })}\n`);
}

function collect(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc) {
		gc();
		gc();
	}
}

/** What the run returned stays referenced until the end, as a workflow holds its items. */
const kept: unknown[] = [];

async function memory(mode: string, url: string, apiKey: string, n: number): Promise<void> {
	let run: () => Promise<number>;
	if (mode === 'engine') {
		await import('../engine/env');
		const { runNode } = await import('../engine/harness');
		const { liveAgentCustomerNode } = await import('./lists');
		const node = liveAgentCustomerNode({ apiKey } as never, url);
		run = async () => {
			const result = await runNode(node);
			if (result.error) throw result.error;
			kept.push(result);
			return result.items.length;
		};
	} else {
		const { liveAgentCustomerBare } = await import('./lists');
		const read = liveAgentCustomerBare({ apiKey, baseUrl: url }, n);
		run = async () => {
			const items = await read();
			kept.push(items);
			return items.length;
		};
	}
	collect();
	const base = process.memoryUsage();
	let peakHeap = base.heapUsed;
	let peakRss = base.rss;
	const sample = () => {
		const now = process.memoryUsage();
		peakHeap = Math.max(peakHeap, now.heapUsed);
		peakRss = Math.max(peakRss, now.rss);
	};
	const timer = setInterval(sample, 2);
	const started = performance.now();
	const items = await run();
	const ms = performance.now() - started;
	sample();
	clearInterval(timer);
	collect();
	const retained = process.memoryUsage();
	process.stdout.write(
		`${JSON.stringify({
			mode,
			items,
			kept: kept.length,
			ms,
			peakHeapDeltaMB: (peakHeap - base.heapUsed) / 2 ** 20,
			peakRssDeltaMB: (peakRss - base.rss) / 2 ** 20,
			retainedHeapDeltaMB: (retained.heapUsed - base.heapUsed) / 2 ** 20,
		})}\n`,
	);
}

const [, , command, ...rest] = process.argv;
(command === 'require'
	? requireTimes(rest)
	: command === 'loader'
		? loaderTime(rest[0], rest[1])
		: memory(rest[0], rest[1], rest[2], Number(rest[3]))
).catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
