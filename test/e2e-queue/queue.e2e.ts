/**
 * The package in n8n's queue mode, as teams run n8n once one process is not enough: Redis and
 * Postgres, one main process, two workers and one webhook processor, each with the packed package
 * in its own user folder. Actions must run on workers, every trigger event must become exactly one
 * execution, and polling cursors must survive a restart of the main process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { simulatedVendors } from '../simulators/base';
import {
	fixtures,
	freePort,
	installN8n,
	itemsOf,
	N8nHost,
	PACKED_TARBALL,
	packPackage,
	ROOT,
	type RunData,
	type Workflow,
} from '../e2e/n8n';

const SERVICES = path.join(ROOT, 'scripts', 'queue-services.sh');
const startedAt = Date.now();
let setupSeconds = 0;

/** Every simulated vendor, its simulator, and its example workflows: the actions one and each trigger. */
const vendors = simulatedVendors().map((vendor) => {
	const examples = fixtures(vendor.key);
	const isActions = (workflow: Workflow) => workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger');
	return { vendor, simulator: vendor.create(), actions: examples.find(isActions)!, triggers: examples.filter((workflow) => !isActions(workflow)) };
});

/** Every example trigger workflow, by its trigger's node type (without the package prefix). */
const shortType = (workflow: Workflow) => String(workflow.nodes[0].type).split('.').pop()!;
const triggers: Record<string, Workflow> = Object.fromEntries(vendors.flatMap(({ triggers: own }) => own.map((workflow) => [shortType(workflow), workflow])));
type TriggerKey = string;
/** The polling triggers, with their poll counters; the others are webhook triggers. */
const pollers: TriggerKey[] = vendors.flatMap(({ vendor }) => Object.keys(vendor.queue.polls ?? {}));
const webhookTriggers: TriggerKey[] = Object.keys(triggers).filter((key) => !pollers.includes(key));

let servicesFolder: string | undefined;
let work: string | undefined;
let main: N8nHost;
let workers: N8nHost[] = [];
let webhookProcessor: N8nHost;
const hosts = () => [main, ...workers, webhookProcessor].filter(Boolean);

/** What each trigger workflow should have emitted: one record ID per event, in order. */
const expected: Record<TriggerKey, string[]> = Object.fromEntries(Object.keys(triggers).map((key) => [key, []])) as never;

beforeAll(async () => {
	const baseUrls = await Promise.all(vendors.map(async ({ simulator }) => await simulator.start()));
	expect(baseUrls).toHaveLength(vendors.length);

	const install = installN8n();
	const folder = mkdtempSync(path.join(tmpdir(), 'n8n-live-chat-queue-'));
	work = folder;
	const tarball = process.env[PACKED_TARBALL] ?? packPackage(folder);

	const [redisPort, postgresPort] = [await freePort(), await freePort()];
	servicesFolder = execFileSync('bash', [SERVICES, 'start', String(redisPort), String(postgresPort)], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();

	const host = async (name: string) =>
		new N8nHost(install, { userFolder: path.join(folder, name), port: await freePort(), brokerPort: await freePort() });
	main = await host('main');
	workers = [await host('worker-1'), await host('worker-2')];
	webhookProcessor = await host('webhook');

	const cluster: NodeJS.ProcessEnv = {
		EXECUTIONS_MODE: 'queue',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgresPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: 'n8n',
		// Webhooks are registered with the webhook processor's address, and only it serves them.
		WEBHOOK_URL: `${webhookProcessor.baseUrl}/`,
	};
	main.extraEnv = { ...cluster, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' };
	webhookProcessor.extraEnv = cluster;
	for (const worker of workers) {
		// A worker listens only on its health port (its host's port here).
		worker.extraEnv = {
			...cluster,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(worker.port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		};
	}
	// Each process finds the package in its own user folder, as on separate machines.
	for (const each of hosts()) each.installPackage(tarball);

	await main.importCredentials(vendors.flatMap(({ vendor, simulator }) => vendor.credentials(simulator)));
	await main.importWorkflows([...vendors.map(({ actions }) => actions), ...Object.values(triggers)]);

	await main.start();
	await Promise.all([...workers.map(async (worker) => await worker.start('worker')), webhookProcessor.start('webhook')]);
	await main.login();
	setupSeconds = Math.round((Date.now() - startedAt) / 1000);
});

afterAll(async () => {
	for (const each of hosts()) await each.stop();
	if (servicesFolder) execFileSync('bash', [SERVICES, 'stop', servicesFolder], { stdio: 'inherit' });
	for (const { simulator } of vendors) await simulator.stop();
	if (work) rmSync(work, { recursive: true, force: true });
	const secrets = vendors.flatMap(({ vendor, simulator }) => vendor.credentials(simulator).map((credential) => String(credential.data[vendor.secretField])));
	for (const each of hosts()) for (const secret of secrets) expect(each.log).not.toContain(secret);
});

/** The worker that ran an execution, from the line each worker logs when it takes one. */
function workerOf(executionId: string): number[] {
	return workers
		.map((worker, index) => (worker.log.includes(`Worker started execution ${executionId} (`) ? index : -1))
		.filter((index) => index >= 0);
}

async function runManually(workflow: Workflow): Promise<string> {
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!;
	const response = await main.rest<{ executionId?: string }>('POST', `/workflows/${workflow.id}/run`, {
		triggerToStartFrom: { name: trigger.name },
	});
	if (!response.data.executionId) throw new Error(`manual run refused: ${response.status} ${JSON.stringify(response.data)}`);
	return response.data.executionId;
}

async function finished(workflowId: string, count: number, timeoutMs = 130_000) {
	return await main.until(
		`${count} finished executions of ${workflowId}`,
		async () => {
			const found = await main.executions(workflowId);
			return found.filter((execution) => execution.status !== 'running' && execution.status !== 'new').length >= count
				? found
				: undefined;
		},
		timeoutMs,
	);
}

/** How often each poller has asked its vendor for records. */
const pollCounts = (): Record<string, number> =>
	Object.fromEntries(vendors.flatMap(({ vendor, simulator }) => Object.entries(vendor.queue.polls ?? {}).map(([key, count]) => [key, count(simulator)])));

async function nextPollOfEach(timeoutMs = 75_000): Promise<void> {
	const before = pollCounts();
	await main.until('a poll of every polling trigger', () => pollers.every((key) => pollCounts()[key] > before[key]) || undefined, timeoutMs);
}

/** One event per trigger workflow; the record IDs each should emit once. */
let round = 0;
async function emitEvents(): Promise<void> {
	round++;
	for (const { vendor, simulator } of vendors) {
		const { ids, delivered } = await vendor.queue.emit(simulator, round);
		// each webhook delivery the event made was taken
		if (delivered) expect({ vendor: vendor.key, delivered }).toEqual({ vendor: vendor.key, delivered: [200] });
		for (const [key, id] of Object.entries(ids)) expected[key].push(id);
	}
}

const triggerNode = (key: TriggerKey) => triggers[key].nodes[0].name as string;

/** Per trigger workflow: how many executions carried each expected record, and anything unexpected. */
async function tally() {
	const result: Record<string, { executions: number; perEvent: number[]; duplicates: number; onWorkers: boolean }> = {};
	for (const key of Object.keys(triggers) as TriggerKey[]) {
		const executions = await main.executions(triggers[key].id);
		const emitted = executions.map((execution) => JSON.stringify(itemsOf(execution.runData, triggerNode(key))));
		const perEvent = expected[key].map((id) => emitted.filter((items) => items.includes(id)).length);
		result[key] = {
			executions: executions.length,
			perEvent,
			duplicates: perEvent.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
			onWorkers: executions.every((execution) => workerOf(execution.id).length === 1),
		};
	}
	return result;
}

describe('n8n in queue mode: one main, two workers, one webhook processor', () => {
	it('runs every vendor’s actions on a worker, with the expected results', async () => {
		const ids = Object.fromEntries(
			await Promise.all(vendors.map(async ({ vendor, actions }) => [vendor.key, await runManually(actions)] as const)),
		);
		const runs: Record<string, RunData> = {};
		for (const { vendor: { key: vendor }, actions: workflow } of vendors) {
			const [execution] = (await finished(workflow.id, 1, 180_000)).filter((each) => each.id === ids[vendor]);
			expect({ vendor, status: execution.status }).toEqual({ vendor, status: 'success' });
			expect({ vendor, workers: workerOf(execution.id).length }).toEqual({ vendor, workers: 1 });
			runs[vendor] = execution.runData;
		}

		for (const { vendor, simulator } of vendors) vendor.queue.checkActions((node) => itemsOf(runs[vendor.key], node), simulator);
	});

	it('activates every trigger: webhooks point at the webhook processor, pollers take their first look', async () => {
		const pollsBefore = pollCounts();
		for (const workflow of Object.values(triggers)) {
			const activated = await main.activate(workflow.id);
			expect({ workflow: workflow.id, status: activated.status }).toEqual({ workflow: workflow.id, status: 200 });
		}
		// the registrations each webhook trigger makes with its fixture's parameters; counted from the
		// fixtures, since waiting for a fixed number can pass on a registration still under way
		const hooked = vendors.filter(({ vendor }) => vendor.webhookTrigger);
		const expectedRegistrations = hooked.reduce(
			(sum, { vendor }) => sum + vendor.queue.registrationsFor!(triggers[vendor.webhookTrigger!.type].nodes[0].parameters as IDataObject),
			0,
		);
		const targets = await main.until('every webhook registration', () => {
			const urls = hooked.flatMap(({ vendor, simulator }) => vendor.webhookTrigger!.registrations(simulator).map((registration) => registration.url));
			return urls.length === expectedRegistrations ? urls : undefined;
		}).catch((error: Error) => {
			const held = Object.fromEntries(hooked.map(({ vendor, simulator }) => [vendor.key, vendor.webhookTrigger!.registrations(simulator)]));
			throw new Error(`${error.message}; the vendors hold ${JSON.stringify(held)}`);
		});
		expect(targets.map((url) => new URL(url).origin)).toEqual(Array(expectedRegistrations).fill(webhookProcessor.baseUrl));
		// Activation polls once: that poll only remembers what exists.
		await main.until('a first poll of every polling trigger', () => pollers.every((key) => pollCounts()[key] > pollsBefore[key]) || undefined, 75_000);
	});

	it('turns every event into exactly one execution, run on a worker', async () => {
		await emitEvents();
		for (const key of webhookTriggers) await finished(triggers[key].id, 1, 30_000);
		for (const key of pollers) await finished(triggers[key].id, 1, 130_000);
		// One more poll of each: nothing may come again.
		await nextPollOfEach();
		await new Promise((resolve) => setTimeout(resolve, 2000));

		const counts = await tally();
		for (const key of Object.keys(triggers) as TriggerKey[]) {
			expect({ key, ...counts[key] }).toEqual({ key, executions: 1, perEvent: [1], duplicates: 0, onWorkers: true });
		}
	});

	it('keeps polling cursors across a restart of the main process: nothing again, nothing lost', async () => {
		await main.stop();
		// Events while main is down: webhooks still reach the webhook processor and the workers
		// (main's REST API is away, so the workers' logs tell when their three executions are done).
		const finishedOnWorkers = () =>
			workers.reduce((sum, worker) => sum + (worker.log.match(/Worker finished execution /g) ?? []).length, 0);
		const before = finishedOnWorkers();
		await emitEvents();
		await main.until('three webhook executions while main is down', () => finishedOnWorkers() >= before + webhookTriggers.length || undefined);

		await main.start();
		await main.login();
		for (const key of pollers) await finished(triggers[key].id, 2, 130_000);
		await nextPollOfEach();
		await new Promise((resolve) => setTimeout(resolve, 2000));

		const counts = await tally();
		for (const key of Object.keys(triggers) as TriggerKey[]) {
			expect({ key, ...counts[key] }).toEqual({ key, executions: 2, perEvent: [1, 1], duplicates: 0, onWorkers: true });
		}
		const events = Object.values(expected).reduce((sum, ids) => sum + ids.length, 0);
		const executions = Object.values(counts).reduce((sum, count) => sum + count.executions, 0);
		const duplicates = Object.values(counts).reduce((sum, count) => sum + count.duplicates, 0);
		const perWorker = workers.map((worker) => (worker.log.match(/Worker started execution /g) ?? []).length);
		console.log(
			`queue mode: ${events} trigger events -> ${executions} executions (${(executions / events).toFixed(2)} per event), ` +
				`duplicates ${duplicates}, executions per worker ${perWorker.join('/')}, ` +
				`run ${Math.round((Date.now() - startedAt) / 1000)} s (set-up ${setupSeconds} s)`,
		);
	});
});
