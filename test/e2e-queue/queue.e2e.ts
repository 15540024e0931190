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

import { A5_PHONE_NUMBERS, sandbox as alive5 } from '../simulators/alive5';
import { sandbox as fiveChat } from '../simulators/fiveChat';
import { sandbox as liveAgent } from '../simulators/liveAgent';
import { sandbox as liveChat } from '../simulators/liveChat';
import { SI_APPS, sandbox as socialIntents } from '../simulators/socialIntents';
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

const simulators = {
	socialIntents: socialIntents.create(),
	liveChat: liveChat.create(),
	liveAgent: liveAgent.create(),
	fiveChat: fiveChat.create(),
	alive5: alive5.create(),
};

const all = fixtures('');
const byId = (id: string) => all.find((workflow) => workflow.id === id) as Workflow;
const actions = {
	socialIntents: byId('siActionsExample1'),
	liveChat: byId('lcActionsExample'),
	liveAgent: byId('laActionsExample'),
	fiveChat: byId('fiveChatActions1'),
	alive5: byId('alive5ActionsExa'),
};
/** Every trigger fixture: the polling ones of four vendors and the webhook ones of three. */
const triggers = {
	socialIntentsPolling: byId('siPollingExample'),
	liveAgentPolling: byId('laPollingExample'),
	fiveChatPolling: byId('fiveChatPolling1'),
	alive5Polling: byId('alive5PollingExa'),
	socialIntentsWebhook: byId('siWebhookExample'),
	liveChatWebhook: byId('lcWebhookExample'),
	alive5Webhook: byId('alive5WebhookExa'),
};
type TriggerKey = keyof typeof triggers;
const pollers: TriggerKey[] = ['socialIntentsPolling', 'liveAgentPolling', 'fiveChatPolling', 'alive5Polling'];
const webhookTriggers: TriggerKey[] = ['socialIntentsWebhook', 'liveChatWebhook', 'alive5Webhook'];

let servicesFolder: string | undefined;
let work: string | undefined;
let main: N8nHost;
let workers: N8nHost[] = [];
let webhookProcessor: N8nHost;
const hosts = () => [main, ...workers, webhookProcessor].filter(Boolean);

/** What each trigger workflow should have emitted: one record ID per event, in order. */
const expected: Record<TriggerKey, string[]> = Object.fromEntries(Object.keys(triggers).map((key) => [key, []])) as never;

beforeAll(async () => {
	const baseUrls = await Promise.all(Object.values(simulators).map(async (simulator) => await simulator.start()));
	expect(baseUrls).toHaveLength(5);

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

	await main.importCredentials([
		...socialIntents.credentials(simulators.socialIntents),
		...liveChat.credentials(simulators.liveChat),
		...liveAgent.credentials(simulators.liveAgent),
		...fiveChat.credentials(simulators.fiveChat),
		...alive5.credentials(simulators.alive5),
	]);
	await main.importWorkflows([...Object.values(actions), ...Object.values(triggers)]);

	await main.start();
	await Promise.all([...workers.map(async (worker) => await worker.start('worker')), webhookProcessor.start('webhook')]);
	await main.login();
	setupSeconds = Math.round((Date.now() - startedAt) / 1000);
});

afterAll(async () => {
	for (const each of hosts()) await each.stop();
	if (servicesFolder) execFileSync('bash', [SERVICES, 'stop', servicesFolder], { stdio: 'inherit' });
	for (const simulator of Object.values(simulators)) await simulator.stop();
	if (work) rmSync(work, { recursive: true, force: true });
	const secrets = [
		simulators.socialIntents.apiToken,
		simulators.liveChat.token,
		simulators.liveAgent.apiKey,
		simulators.alive5.apiKey,
	];
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

async function control<T>(simulator: { baseUrl: string }, name: string, body: unknown): Promise<T> {
	const response = await fetch(`${simulator.baseUrl}/__sim/${name}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return (await response.json()) as T;
}

/** How often each poller has asked its vendor for records. */
const pollCounts = (): Record<string, number> => ({
	socialIntentsPolling: simulators.socialIntents.count('GET', '/chats'),
	liveAgentPolling: simulators.liveAgent.count('GET', '/api/conversations'),
	fiveChatPolling: simulators.fiveChat.requests.filter((request) => request.path === '/conversations').length,
	alive5Polling: simulators.alive5.count('GET', '/conversations/sms'),
});

async function nextPollOfEach(timeoutMs = 75_000): Promise<void> {
	const before = pollCounts();
	await main.until('a poll of every polling trigger', () => pollers.every((key) => pollCounts()[key] > before[key]) || undefined, timeoutMs);
}

/** One event per trigger workflow; the record IDs each should emit once. */
let round = 0;
async function emitEvents(): Promise<void> {
	round++;
	// A chat in Social Intents reaches its webhook and its polling trigger.
	const si = await control<{ chat: { id: string }; delivered: number[] }>(simulators.socialIntents, 'chat', { appId: SI_APPS[0].id });
	expect(si.delivered).toEqual([200]);
	expected.socialIntentsPolling.push(si.chat.id);
	expected.socialIntentsWebhook.push(si.chat.id);
	// An inbound SMS from a new number opens a thread: webhook and polling trigger.
	const sms = await control<{ payload: { thread_id: string }; delivered: number[] }>(simulators.alive5, 'inbound-sms', {
		to: A5_PHONE_NUMBERS[0],
		from: `+1555000700${round}`,
		message: `Round ${round}: do you deliver?`,
	});
	expect(sms.delivered).toEqual([200]);
	expected.alive5Polling.push(sms.payload.thread_id);
	expected.alive5Webhook.push(sms.payload.thread_id);
	expected.liveAgentPolling.push(simulators.liveAgent.makeConversation({ created: Date.now(), departmentid: 'a5j9t4d8' }).conversationid);
	expected.fiveChatPolling.push(simulators.fiveChat.addConversation().token);
}

async function emitLiveChatMessage(): Promise<void> {
	const message = await control<{ event: { id: string }; deliveries: Array<{ status: number }> }>(simulators.liveChat, 'customerMessage', {
		chat_id: 'PJ0MRSHTDG',
		text: `Round ${round}: is my order shipped?`,
	});
	expect(message.deliveries.at(-1)?.status).toBe(200);
	expected.liveChatWebhook.push(message.event.id);
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
			await Promise.all(Object.entries(actions).map(async ([vendor, workflow]) => [vendor, await runManually(workflow)] as const)),
		);
		const runs: Record<string, RunData> = {};
		for (const [vendor, workflow] of Object.entries(actions)) {
			const [execution] = (await finished(workflow.id, 1, 180_000)).filter((each) => each.id === ids[vendor]);
			expect({ vendor, status: execution.status }).toEqual({ vendor, status: 'success' });
			expect({ vendor, workers: workerOf(execution.id).length }).toEqual({ vendor, workers: 1 });
			runs[vendor] = execution.runData;
		}

		expect(itemsOf(runs.socialIntents, 'Get Many Apps')).toEqual(SI_APPS);
		expect(itemsOf(runs.socialIntents, 'Get Many Chats (limit 5)')).toHaveLength(5);
		expect(itemsOf(runs.socialIntents, 'Get Chat as Transcript')).toEqual([
			expect.objectContaining({ vendor: 'socialIntents', conversationId: '2c9fa7465ccfd687015cda9fed35085a', status: 'closed' }),
		]);

		const [started] = itemsOf(runs.liveChat, 'Start Chat') as Array<{ chat_id: string }>;
		expect(simulators.liveChat.chats.get(started.chat_id)?.threads[0]).toMatchObject({ active: false, tags: ['sales'] });
		expect(simulators.liveChat.uploads).toEqual([{ name: 'invoice.txt', size: 16, contentType: 'text/plain' }]);
		expect(itemsOf(runs.liveChat, 'List Chats (limit 12)')).toHaveLength(12);

		const [created] = itemsOf(runs.liveAgent, 'Create Conversation');
		expect(itemsOf(runs.liveAgent, 'Get Transcript')).toEqual([
			expect.objectContaining({ vendor: 'liveAgent', conversationId: created.conversationid, status: 'closed', tags: ['billing'] }),
		]);
		expect(itemsOf(runs.liveAgent, 'Get Many Customers')).toHaveLength(1203);

		expect(itemsOf(runs.fiveChat, 'Get Many Conversations (all)')).toHaveLength(230);
		expect(itemsOf(runs.fiveChat, 'Delete Ticket')).toEqual([{ id: expect.any(String), deleted: true }]);
		expect(simulators.fiveChat.count('POST', '/tickets')).toBe(2);

		expect(simulators.alive5.sent).toHaveLength(1);
		expect(itemsOf(runs.alive5, 'Get Many Live Chats (all pages)')).toHaveLength(130);
		expect(itemsOf(runs.alive5, 'Get Account')).toEqual([{ email: 'owner@sandbox.test', org_name: 'sandbox-org', iat: 1700000000 }]);
	});

	it('activates every trigger: webhooks point at the webhook processor, pollers take their first look', async () => {
		const pollsBefore = pollCounts();
		for (const workflow of Object.values(triggers)) {
			const activated = await main.activate(workflow.id);
			expect({ workflow: workflow.id, status: activated.status }).toEqual({ workflow: workflow.id, status: 200 });
		}
		// one registration per event chosen in Social Intents' and LiveChat's triggers, one interceptor for
		// Alive5's; counted from the fixtures, since waiting for a fixed number can pass on a registration
		// still under way
		const eventsOf = (key: TriggerKey) => (triggers[key].nodes[0].parameters as { events: string[] }).events.length;
		const expectedRegistrations = eventsOf('socialIntentsWebhook') + eventsOf('liveChatWebhook') + 1;
		const targets = await main.until('every webhook registration', () => {
			const urls = [
				...simulators.socialIntents.webhooks.map((registration) => registration.target_url),
				...simulators.liveChat.webhooks.map((registration) => registration.url),
				...simulators.alive5.interceptors.map((interceptor) => interceptor.url),
			];
			return urls.length === expectedRegistrations ? urls : undefined;
		}).catch((error: Error) => {
			const held = { socialIntents: simulators.socialIntents.webhooks, liveChat: simulators.liveChat.webhooks, alive5: simulators.alive5.interceptors };
			throw new Error(`${error.message}; the vendors hold ${JSON.stringify(held)}`);
		});
		expect(targets.map((url) => new URL(url).origin)).toEqual(Array(expectedRegistrations).fill(webhookProcessor.baseUrl));
		// Activation polls once: that poll only remembers what exists.
		await main.until('a first poll of every polling trigger', () => pollers.every((key) => pollCounts()[key] > pollsBefore[key]) || undefined, 75_000);
	});

	it('turns every event into exactly one execution, run on a worker', async () => {
		await emitEvents();
		await emitLiveChatMessage();
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
		await emitLiveChatMessage();
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
