/**
 * The fault suite for one vendor: its simulator, in n8n's engine, through transport faults, writes
 * that must be sent once, continueOnFail, many items, bad input, a secrets canary and (where there is
 * one) its polling trigger over 1,000 polls (polling.ts). Every case is counted in the ledger (ledger.ts).
 */
import { inspect } from 'node:util';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../engine/harness';
import type { NodeRun } from '../engine/harness';
import type { Fault, Simulator } from '../simulators/base';
import { faultCase, record } from './ledger';
import { exactlyOnce, PHASES, POLLS_PER_PHASE, recordExactlyOnce } from './polling';
import { PATH_IDS, platformSpecs, vendors } from './vendors';
import type { Credentials, VendorSpec } from './vendors';

interface TransportCase {
	name: string;
	fault: Omit<Fault, 'method' | 'path'>;
	extra?: IDataObject;
	/** success: the retries absorb it; otherwise the NodeApiError's HTTP status ('' when there is none). */
	outcome: 'success' | { httpCode?: string };
	requests: number;
}

const TRANSPORT: TransportCase[] = [
	{ name: '429 Retry-After 0, used up', fault: { kind: 'rateLimit', retryAfterSeconds: 0, times: 2 }, outcome: 'success', requests: 3 },
	{ name: '429 without Retry-After, used up', fault: { kind: 'rateLimit', times: 1 }, outcome: 'success', requests: 2 },
	{ name: '503, used up', fault: { kind: 'status', status: 503, times: 2 }, outcome: 'success', requests: 3 },
	{ name: '429 persisting', fault: { kind: 'rateLimit', retryAfterSeconds: 0, times: 20 }, outcome: { httpCode: '429' }, requests: 4 },
	{ name: '503 persisting', fault: { kind: 'status', status: 503, times: 20 }, outcome: { httpCode: '503' }, requests: 4 },
	{ name: '500', fault: { kind: 'status', status: 500 }, outcome: { httpCode: '500' }, requests: 1 },
	{ name: 'malformed JSON', fault: { kind: 'malformed' }, outcome: {}, requests: 1 },
	{ name: 'HTML error page', fault: { kind: 'html', status: 502 }, outcome: { httpCode: '502' }, requests: 1 },
	{ name: 'empty body', fault: { kind: 'empty' }, outcome: {}, requests: 1 },
	{ name: '200 with error envelope', fault: { kind: 'envelopeError', message: 'Injected envelope failure' }, outcome: {}, requests: 1 },
	{ name: 'connection reset', fault: { kind: 'reset' }, outcome: {}, requests: 1 },
	{ name: 'hang (timeout 300 ms)', fault: { kind: 'hang' }, extra: { requestOptions: { timeout: 300 } }, outcome: {}, requests: 1 },
];

const WRITE_FAULTS: Array<{ name: string; fault: Omit<Fault, 'method' | 'path'>; httpCode?: string }> = [
	{ name: '503', fault: { kind: 'status', status: 503, times: 5 }, httpCode: '503' },
	{ name: '500', fault: { kind: 'status', status: 500, times: 5 }, httpCode: '500' },
	{ name: 'connection reset', fault: { kind: 'reset', times: 5 } },
];

const MANY_ITEMS_LATENCY_MS = 20;

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * The fault suites of every `of`-th declared vendor, starting at the `shard`-th (1-based): jest runs
 * files, not describe blocks, in parallel, so the vendors are spread over a few files (vendors.<n>.faults.ts)
 * that each take a share of them, whatever their number.
 */
export function faultSuites(shard: number, of: number): void {
	for (const [index, vendor] of [...vendors, ...platformSpecs].entries()) {
		// each vendor's hooks in its own block: its simulator, its console spies, its canary
		if (index % of === shard - 1) describe(`${vendor.key} fault suite`, () => faultSuite(vendor));
	}
}

function faultSuite(vendor: VendorSpec): void {
	let simulator: Simulator;
	let credentials: Credentials;
	let consoleText: string[] = [];
	let currentClass = 'setup';

	beforeAll(async () => {
		({ simulator, credentials } = await vendor.start());
	});
	afterAll(async () => await simulator.stop());
	beforeEach(() => {
		simulator.reset();
		consoleText = [];
		for (const method of CONSOLE_METHODS) {
			jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
				consoleText.push(args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' '));
			});
		}
	});
	afterEach(() => {
		jest.restoreAllMocks();
		const leaks = canaryIn(consoleText.join('\n'));
		if (leaks) record(vendor.key, currentClass, { leaked: 1, note: 'canary in console output' });
		expect(leaks).toBe(0);
	});

	/** Occurrences of the vendor's secret (in any of its forms) in a text. */
	function canaryIn(text: string): number {
		const forms = [vendor.canary, ...vendor.canaryForms(simulator)];
		return forms.reduce((sum, form) => sum + (text.split(form).length - 1), 0);
	}

	/**
	 * Scans what a run handed on (output items, error items, the node's error as JSON and as a logger
	 * prints it) and records one leak per run that shows the canary; returns how many runs leaked (0/1).
	 */
	function scan(cls: string, label: string, items: INodeExecutionData[] | null | undefined, error?: unknown, extra: unknown = ''): number {
		const texts = [safeJson(items ?? [])];
		for (const item of items ?? []) if (item.error) texts.push(errorText(item.error));
		if (error) texts.push(errorText(error));
		texts.push(safeJson(extra));
		const text = texts.join('\n');
		if (!canaryIn(text)) return 0;
		const where = [
			safeJson(items ?? []).includes(vendor.canary) ? 'output items' : '',
			error && safeJson(error).includes(vendor.canary) ? 'error JSON' : '',
			error && `${(error as Error).message} ${(error as { description?: string }).description ?? ''}`.includes(vendor.canary) ? 'error message' : '',
			error && !safeJson(error).includes(vendor.canary) ? 'error as printed by a logger (util.inspect: the cause chain)' : '',
		].filter(Boolean);
		record(vendor.key, cls, { leaked: 1, note: `canary leaked (${label}) in ${where.join(', ') || 'static data'}` });
		return 1;
	}

	async function run(cls: string, parameters: IDataObject, input: IDataObject[] = [{}], continueOnFail = false, items?: INodeExecutionData[]): Promise<NodeRun> {
		currentClass = cls;
		const node = { type: vendor.nodeType, parameters: { ...vendor.baseParameters, ...parameters }, credentials, continueOnFail };
		const result = items ? await runNode(node, items, {}, true) : await runNode(node, input);
		expect(scan(cls, `${String(parameters.resource)} ${String(parameters.operation)}`, result.items, result.error)).toBe(0);
		return result;
	}

	const targeted = (fault: Omit<Fault, 'method' | 'path'>, target: { method: string; path: string }): Fault =>
		({ ...fault, method: target.method, pathPattern: `^${target.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` }) as Fault;

	describe(`${vendor.key}: transport faults on a safe read`, () => {
		it.each(TRANSPORT.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
			await faultCase(vendor.key, 'transport', async () => {
				simulator.inject(targeted(c.fault, vendor.read.target));
				const { items, error } = await run('transport', { ...vendor.read.parameters, ...(c.extra ?? {}) });
				if (c.outcome === 'success') {
					expect(error).toBeUndefined();
					expect(items.length).toBeGreaterThan(0);
					expect(items.some((item) => item.error)).toBe(false);
				} else {
					expect(error).toBeDefined();
					expect(error?.name).toBe('NodeApiError');
					expect(String(error?.message ?? '').trim()).not.toBe('');
					if (c.outcome.httpCode) expect(error?.httpCode).toBe(c.outcome.httpCode);
				}
				// the target's own path, as the fault aims at it (the Live Chat node reads below it too: /conversations/{id})
				const { method, path } = vendor.read.target;
				expect(simulator.requests.filter((request) => request.method === method && request.path === path).length).toBe(c.requests);
			});
		});
	});

	for (const write of [vendor.write ?? []].flat()) {
		describe(`${vendor.key}: ${write.name} is sent once`, () => {
			it.each(WRITE_FAULTS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
				await faultCase(vendor.key, 'send once', async () => {
					simulator.inject(targeted(c.fault, write.target));
					const { error } = await run('send once', write.parameters, undefined, false, write.items);
					const sent = simulator.count(write.target.method, write.target.path);
					if (sent > 1) record(vendor.key, 'send once', { sentTwice: sent - 1, note: `${write.name} after ${c.name}: ${sent} requests` });
					expect(sent).toBe(1);
					expect(error).toBeDefined();
					expect(String(error?.message ?? '').trim()).not.toBe('');
					if (c.httpCode) expect(error?.httpCode).toBe(c.httpCode);
				});
			});
		});
	}

	describe(`${vendor.key}: continueOnFail`, () => {
		it('turns the failing middle item into an error item and keeps the others', async () => {
			await faultCase(vendor.key, 'continueOnFail', async () => {
				const { items, error } = await run('continueOnFail', vendor.continueOnFail.parameters, vendor.continueOnFail.inputs, true);
				expect(error).toBeUndefined();
				expect(items).toHaveLength(3);
				// an error item: n8n's own `{json: {}, error}` for a refusal before the request, or ours for a
				// vendor failure, `{json: {error, details}}` linked to its input item (as n8n's nodes make them)
				const failure = (item: INodeExecutionData) => item.error?.message ?? item.json.error;
				expect(failure(items[0])).toBeUndefined();
				expect(String(failure(items[1]) ?? '').trim()).not.toBe('');
				if (items[1].error === undefined) expect(items[1].pairedItem).toEqual({ item: 1 });
				expect(failure(items[2])).toBeUndefined();
			});
		});
	});

	describe(`${vendor.key}: many items`, () => {
		const count = vendor.manyItems ?? 500;
		it(`reads ${count} items against a concurrency limit of 10 with default settings`, async () => {
			const single = await run('many items', vendor.read.parameters);
			expect(single.error).toBeUndefined();
			const perItem = single.items.length;
			const requestsPerItem = simulator.requests.length;
			simulator.reset();
			simulator.concurrencyLimit = 10;
			// a little latency, as on a real network: without it the simulator answers each request before
			// the next arrives and the limit never bites
			simulator.latencyMs = MANY_ITEMS_LATENCY_MS;
			const input = Array.from({ length: count }, (_, index) => ({ index }));
			const { items, error } = await run('many items', vendor.read.parameters, input);
			const requests = simulator.requests.length;
			const ok = error === undefined && items.length === count * perItem && !items.some((item) => item.error);
			record(vendor.key, 'many items', {
				injected: 1,
				handled: ok ? 1 : 0,
				requests,
				note: ok
					? `${count} items, ${requests} requests (${requests - count * requestsPerItem} retried after 429), latency ${MANY_ITEMS_LATENCY_MS} ms`
					: `${count} items, latency ${MANY_ITEMS_LATENCY_MS} ms, ${requests} requests: ${error ? `failed: ${error.message} (HTTP ${error.httpCode})` : `${items.length} items`}`,
			});
			expect(error?.message).toBeUndefined();
			expect(items).toHaveLength(count * perItem);
		});
	});

	describe(`${vendor.key}: bad input`, () => {
		it.each(vendor.badInput.map((c) => [c.name, c] as const))('%s: refused before any request', async (_name, c) => {
			await faultCase(vendor.key, 'bad input', async () => {
				const { error } = await run('bad input', c.parameters);
				const requests = simulator.requests.length;
				record(vendor.key, 'bad input', { badInputRequests: requests });
				expect(error?.message).toContain(c.message);
				expect(requests).toBe(0);
			});
		});

		const pathCases = vendor.pathIds.flatMap((c) => PATH_IDS.map((id) => [`${c.name} with ID ${JSON.stringify(id)}`, c, id] as const));
		// Alive5's Live Chat node puts no ID in a path: no rows there
		if (pathCases.length) it.each(pathCases)('%s: refused or kept inside its place', async (_name, c, id) => {
			await faultCase(vendor.key, 'bad input', async () => {
				await run('bad input', c.parameters(id));
				// no request at all is a refusal; every request made must keep the operation's path and query
				for (const request of simulator.requests) c.check(request, id);
			});
		});
	});

	const trigger = vendor.trigger;
	if (trigger) {
		describe(`${vendor.key}: ${trigger.type} exactly once`, () => {
			it(`emits every item exactly once over ${PHASES.length * POLLS_PER_PHASE} polls: shared timestamps, late items, failing pages, restarts, clock skew`, async () => {
				currentClass = 'trigger';
				const started = Date.now();
				const zone = (simulator as { zone?: string }).zone;
				const counts = await exactlyOnce(trigger, simulator, credentials, 7 + vendor.key.length, (label, items, error, staticData) =>
					scan('trigger', label, items, error, staticData),
				);
				if (zone !== undefined) (simulator as { zone?: string }).zone = zone;
				recordExactlyOnce(vendor.key, trigger, counts, (Date.now() - started) / 1000);
				expect(counts.polls).toBeGreaterThanOrEqual(1000);
				// the clock decides how many pages a window holds: a page fault can meet a shorter poll, but some must hit page 2
				if (trigger.pageSize) expect(counts.pageTwoFailures).toBeGreaterThan(0);
				expect({ lost: counts.lost, duplicated: counts.duplicated, strangers: counts.strangers, leaks: counts.leaks }).toEqual({
					lost: 0,
					duplicated: 0,
					strangers: 0,
					leaks: 0,
				});
			}, 300_000);
		});
	}
}

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value) ?? '';
	} catch {
		return String(value);
	}
}

function errorText(error: unknown): string {
	const e = error as { message?: unknown; description?: unknown; stack?: unknown; cause?: unknown; context?: unknown };
	// inspect() is how a logger prints an error: it shows the `cause` chain that JSON leaves out
	return [safeJson(error), String(e?.message ?? ''), String(e?.description ?? ''), String(e?.stack ?? ''), safeJson(e?.context), inspect(error, { depth: 8 })].join('\n');
}

