/**
 * The Live Chat Trigger in real n8n: one node type that is a webhook trigger for the platforms that
 * push (its webhook's method is an expression that is "" for the others, and n8n registers no webhook
 * whose method is empty) and a polling trigger for the others (its poll() answers null at once for a
 * pushing platform). Run with N8N_VERSION=2.0.3 N8N_NODE_VERSION=20 for n8n 2.0.
 */
import { sandbox as alive5Sandbox } from '../simulators/alive5';
import { sandbox as fiveChatSandbox } from '../simulators/fiveChat';
import { sandbox as liveAgentSandbox } from '../simulators/liveAgent';
import { LC_CUSTOMER_ID, sandbox as liveChatSandbox } from '../simulators/liveChat';
import { SI_APPS, sandbox as socialIntentsSandbox } from '../simulators/socialIntents';
import { fixtures, itemsOf, N8nHost } from './n8n';

const liveChat = liveChatSandbox.create();
const socialIntents = socialIntentsSandbox.create();
const fiveChat = fiveChatSandbox.create();
const liveAgent = liveAgentSandbox.create();
const alive5 = alive5Sandbox.create();
const simulators = [liveChat, socialIntents, fiveChat, liveAgent, alive5];
let host: N8nHost;

const workflows = fixtures('anyLiveChatTrigger');
const workflowOf = (platform: string) => {
	const found = workflows.find((workflow) => (workflow.nodes[0].parameters as { platform: string }).platform === platform);
	if (!found) throw new Error(`no fixture for ${platform}`);
	return found;
};
const TRIGGER = 'Live Chat Trigger';

beforeAll(async () => {
	for (const simulator of simulators) await simulator.start();
	host = await N8nHost.withPackage();
	await host.importCredentials([
		...liveChatSandbox.credentials(liveChat),
		...socialIntentsSandbox.credentials(socialIntents),
		...fiveChatSandbox.credentials(fiveChat),
		...liveAgentSandbox.credentials(liveAgent),
		...alive5Sandbox.credentials(alive5),
	]);
	await host.importWorkflows(workflows);
	await host.start();
	await host.login();
});

afterAll(async () => {
	await host?.stop();
	for (const simulator of simulators) await simulator.stop();
	expect(host.log).not.toContain(liveChat.token);
	expect(host.log).not.toContain(socialIntents.apiToken);
});

async function startLiveChat(text: string): Promise<string> {
	const response = await fetch(`${liveChat.baseUrl}/v3.6/agent/action/start_chat`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${liveChat.accountId}:${liveChat.token}`).toString('base64')}` },
		body: JSON.stringify({ chat: { users: [{ id: LC_CUSTOMER_ID, type: 'customer' }], thread: { events: [{ type: 'message', text, visibility: 'all' }] } } }),
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { chat_id: string }).chat_id;
}

/**
 * "Execute workflow" in the editor: POST /rest/workflows/<id>/run from the trigger, with the workflow
 * as the editor sends it (n8n 2.0 requires it in the body; 2.41 reads it from the database without).
 */
async function runManually(workflowId: string) {
	const { data: workflowData } = await host.rest<Record<string, unknown>>('GET', `/workflows/${workflowId}`);
	return await host.rest<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/workflows/${workflowId}/run`, { workflowData, triggerToStartFrom: { name: TRIGGER } });
}

/** The executions of a workflow once `count` have finished, after a pause that would show one more. */
async function settledExecutions(workflowId: string, count: number) {
	await host.until(`${count} finished execution(s)`, async () => {
		// an execution still running has no run data to read yet
		const found = await host.executions(workflowId).catch(() => undefined);
		return found && found.filter((execution) => execution.status === 'success').length >= count ? found : undefined;
	}, 150_000);
	await new Promise((resolve) => setTimeout(resolve, 1500));
	return await host.executions(workflowId);
}

describe(`Live Chat Trigger in real n8n`, () => {
	it('is listed as one node type, a polling trigger with a webhook', async () => {
		// n8n serves the loaded node descriptions as a static file
		const listed = (await (await host.get('/types/nodes.json')).json()) as Array<{ name: string; polling?: boolean; webhooks?: unknown[] }>;
		const trigger = listed.find((type) => type.name === 'n8n-nodes-live-chat.anyLiveChatTrigger');
		expect(trigger).toMatchObject({ polling: true, webhooks: [expect.objectContaining({ name: 'default' })] });
	});

	it('LiveChat (webhook): activation registers one webhook; a delivery starts exactly one execution, a forged one none; deactivation removes it', async () => {
		const workflow = workflowOf('liveChat');
		const requestsBefore = liveChat.requests.length;
		expect((await host.activate(workflow.id)).status).toBe(200);
		const [registration] = await host.until('one registration', () => (liveChat.webhooks.length === 1 ? liveChat.webhooks : undefined));
		expect(registration.action).toBe('incoming_chat');
		// still that one a moment later: activation registers once
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(liveChat.webhooks.map((webhook) => webhook.id)).toEqual([registration.id]);
		expect(new URL(registration.url).pathname).toBe(`/webhook/${workflow.nodes[0].webhookId as string}/webhook`);
		// the poller of a pushing platform asks nothing: only the registration's requests reached LiveChat
		expect(liveChat.requests.slice(requestsBefore).every((request) => request.path.startsWith('/v3.6/configuration/'))).toBe(true);
		await host.until('the secret saved by n8n', async () => {
			const probe = await fetch(registration.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret_key: registration.secret_key }) });
			return probe.status === 401 ? undefined : probe.status;
		});

		const chatId = await startLiveChat('Hello from the e2e test');
		const executions = await settledExecutions(workflow.id, 1);
		expect(executions).toHaveLength(1);
		expect(itemsOf(executions[0].runData, TRIGGER)).toEqual([
			expect.objectContaining({ vendor: 'liveChat', event: 'newConversation', conversationId: chatId, messages: [expect.objectContaining({ text: 'Hello from the e2e test' })] }),
		]);

		const forged = await fetch(registration.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ webhook_id: registration.id, secret_key: 'x'.repeat(48), action: 'incoming_chat', payload: { chat: { id: 'FORGED' } } }),
		});
		expect(forged.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await host.executions(workflow.id)).toHaveLength(1);

		expect((await host.rest('POST', `/workflows/${workflow.id}/deactivate`, {})).status).toBe(200);
		await host.until('the registration removed', () => liveChat.webhooks.length === 0 || undefined);
	});

	it('Social Intents (webhook): Conversation Ended registers Chat completed, a completed chat starts one execution, deactivation removes it', async () => {
		const workflow = workflowOf('socialIntents');
		expect((await host.activate(workflow.id)).status).toBe(200);
		const [registration] = await host.until('one registration', () => (socialIntents.webhooks.length === 1 ? socialIntents.webhooks : undefined));
		expect(registration.event).toBe('');
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(socialIntents.webhooks.map((webhook) => webhook.id)).toEqual([registration.id]);
		await host.untilSecretSaved(registration.target_url);
		const response = await fetch(`${socialIntents.baseUrl}/__sim/chat`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ appId: SI_APPS[0].id }),
		});
		const { webhookChat } = (await response.json()) as { webhookChat: { id: string } };
		const executions = await settledExecutions(workflow.id, 1);
		expect(executions).toHaveLength(1);
		expect(itemsOf(executions[0].runData, TRIGGER)).toEqual([expect.objectContaining({ vendor: 'socialIntents', event: 'conversationEnded', conversationId: webhookChat.id })]);
		expect((await host.rest('POST', `/workflows/${workflow.id}/deactivate`, {})).status).toBe(200);
		await host.until('the registration removed', () => socialIntents.webhooks.length === 0 || undefined);
	});

	it('5chat (polling): activation registers no webhook and polls; a new conversation is emitted once; deactivation stops the polls', async () => {
		const workflow = workflowOf('fiveChat');
		const polls = () => fiveChat.requests.filter((request) => request.path === '/conversations').length;
		const before = polls();
		expect((await host.activate(workflow.id)).status).toBe(200);
		await host.until('the first poll', () => polls() > before || undefined, 70_000);
		// no webhook of this workflow is known to n8n
		expect(host.log).not.toMatch(/anyLcTrigFiveCht[^\n]*webhook/i);
		const created = fiveChat.addConversation();
		const executions = await settledExecutions(workflow.id, 1);
		const after = polls();
		await host.until('another poll', () => polls() > after || undefined, 70_000);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await host.executions(workflow.id)).toHaveLength(1);
		expect(itemsOf(executions[0].runData, TRIGGER)).toEqual([
			expect.objectContaining({ vendor: 'fiveChat', event: 'newConversation', conversationId: created.token, messages: expect.any(Array) }),
		]);
		expect((await host.rest('POST', `/workflows/${workflow.id}/deactivate`, {})).status).toBe(200);
	});

	it('manual run, polled platform: the newest conversation at once', async () => {
		const polled = workflowOf('liveAgent');
		const run = await runManually(polled.id);
		expect(run.status).toBe(200);
		expect(run.data.executionId).toEqual(expect.any(String));
		const executions = await settledExecutions(polled.id, 1);
		expect(executions.map((execution) => [execution.mode, Object.keys(execution.runData)])).toEqual([['manual', [TRIGGER]]]);
		expect(itemsOf(executions[0].runData, TRIGGER)).toEqual([expect.objectContaining({ vendor: 'liveAgent', event: 'newConversation' })]);
	});

	it('manual run, pushing platform: n8n registers the test URL and waits; the delivery runs the workflow once; the test registration goes', async () => {
		const pushing = workflowOf('liveChat');
		const before = (await host.executions(pushing.id)).length;
		const listen = await runManually(pushing.id);
		expect(listen.status).toBe(200);
		expect(listen.data.waitingForWebhook).toBe(true);
		const [test] = await host.until('a test registration', () => (liveChat.webhooks.length === 1 ? liveChat.webhooks : undefined));
		expect(new URL(test.url).pathname).toBe(`/webhook-test/${pushing.nodes[0].webhookId as string}/webhook`);
		const chatId = await startLiveChat('Testing the trigger');
		const executions = await settledExecutions(pushing.id, before + 1);
		expect(executions).toHaveLength(before + 1);
		const manual = executions.filter((execution) => execution.mode === 'manual');
		expect(manual.map((execution) => Object.keys(execution.runData))).toEqual([[TRIGGER]]);
		expect(itemsOf(manual[0].runData, TRIGGER)).toEqual([expect.objectContaining({ vendor: 'liveChat', event: 'newConversation', conversationId: chatId })]);
		// n8n removes a test registration after its delivery
		await host.until('the test registration removed', () => liveChat.webhooks.length === 0 || undefined);
	});

	it('Alive5 (polling): a new conversation is emitted once', async () => {
		const workflow = workflowOf('alive5');
		const polls = () => alive5.requests.filter((request) => request.path.startsWith('/conversations/')).length;
		const before = polls();
		expect((await host.activate(workflow.id)).status).toBe(200);
		await host.until('the first poll', () => polls() >= before + 3 || undefined, 70_000);
		const created = alive5.makeConversation('sms', Date.now());
		alive5.conversations.push(created);
		const executions = await settledExecutions(workflow.id, 1);
		expect(itemsOf(executions[0].runData, TRIGGER)).toEqual([expect.objectContaining({ vendor: 'alive5', event: 'newConversation', conversationId: created.alive5_sessionID })]);
		expect((await host.rest('POST', `/workflows/${workflow.id}/deactivate`, {})).status).toBe(200);
	});
});
