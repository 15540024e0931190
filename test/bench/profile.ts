/**
 * Where the engine's time goes on one list (not part of `npm run bench`):
 *   node .build/test/bench/profile.js run "<list name>" [n] [out.cpuprofile]
 *   node .build/test/bench/profile.js summarize <file>.cpuprofile
 * The run does one Return All through n8n's engine to warm up, then profiles a second one (no
 * latency, the simulator in the same process: its time shows as "simulators (test)"); the summary
 * adds self time up by package and by function.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

function owner(url: string): string {
	if (!url) return '(native / idle / gc)';
	if (url.startsWith('node:')) return 'node core';
	const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
	if (modules) return modules[modules.length - 1].replace('node_modules/', '');
	if (url.includes('/test/simulators/')) return 'simulators (test)';
	if (url.includes('/test/engine/')) return 'engine harness (test)';
	if (url.includes('/nodes/shared/')) return 'nodes/shared';
	if (url.includes('/nodes/')) return 'nodes/<vendor>';
	return url.replace(/^file:\/\//, '');
}

function summarize(file: string): void {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<number, number>();
	profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
	const total = [...self.values()].reduce((sum, us) => sum + us, 0);
	const byOwner = new Map<string, number>();
	const byFunction = new Map<string, number>();
	for (const [id, us] of self) {
		const frame = byId.get(id)!.callFrame;
		const who = owner(frame.url);
		byOwner.set(who, (byOwner.get(who) ?? 0) + us);
		const name = `${frame.functionName || '(anonymous)'} [${who}${frame.url ? `:${frame.lineNumber + 1}` : ''}]`;
		byFunction.set(name, (byFunction.get(name) ?? 0) + us);
	}
	const top = (map: Map<string, number>, count: number) =>
		[...map]
			.sort((a, b) => b[1] - a[1])
			.slice(0, count)
			.map(([name, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`)
			.join('\n');
	process.stdout.write(`Total sampled: ${(total / 1000).toFixed(0)} ms\nSelf time by package:\n${top(byOwner, 12)}\nSelf time by function:\n${top(byFunction, 20)}\n`);
}

async function profileList(name: string, n: number, out: string): Promise<void> {
	await import('../engine/env');
	const { runNode } = await import('../engine/harness');
	const { listCases } = await import('./lists');
	const list = listCases.find((candidate) => candidate.name === name);
	if (!list) throw new Error(`no list named ${name}; one of: ${listCases.map((candidate) => candidate.name).join(', ')}`);
	const { simulator, node } = await list.setup(n);
	try {
		await runNode(node);
		simulator.requests.length = 0;
		const session = new Session();
		session.connect();
		const post = (method: string) =>
			new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
		await post('Profiler.enable');
		await post('Profiler.start');
		const result = await runNode(node);
		const { profile } = (await post('Profiler.stop')) as { profile: Profile };
		session.disconnect();
		if (result.error) throw result.error;
		writeFileSync(out, JSON.stringify(profile));
		process.stdout.write(`${name}: ${result.items.length} items in ${simulator.requests.length} requests; profile in ${out}\n`);
		summarize(out);
	} finally {
		await simulator.stop();
	}
}

const [, , command, ...rest] = process.argv;
(command === 'summarize' ? Promise.resolve(summarize(rest[0])) : profileList(rest[0], Number(rest[1] ?? 10_000), rest[2] ?? 'bench.cpuprofile')).then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	},
);
