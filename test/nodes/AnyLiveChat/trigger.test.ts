import type { IDataObject } from 'n8n-workflow';

import type { DeliveryCapture } from '../../engine/deliveries';
import { asN8nReceives, captureDeliveries } from '../../engine/deliveries';
import { runPoll, webhookNode } from '../../engine/harness';
import { nodeTypeByName } from '../../engine/registry';
import { Alive5Simulator } from '../../simulators/alive5';
import { FC_RW_TOKEN, FiveChatSimulator } from '../../simulators/fiveChat';
import { LiveAgentSimulator } from '../../simulators/liveAgent';
import { LC_ACCOUNT_ID, LC_CLIENT_ID, LC_CUSTOMER_ID, LC_TOKEN, LiveChatSimulator } from '../../simulators/liveChat';
import { SI_APPS, SocialIntentsSimulator } from '../../simulators/socialIntents';

const liveChat = new LiveChatSimulator();
const socialIntents = new SocialIntentsSimulator();
const fiveChat = new FiveChatSimulator();
const liveAgent = new LiveAgentSimulator();
const alive5 = new Alive5Simulator();
const simulators = [liveChat, socialIntents, fiveChat, liveAgent, alive5];
let capture: DeliveryCapture;
const credentials: Record<string, Record<string, Record<string, string>>> = {};

beforeAll(async () => {
	capture = await captureDeliveries();
	credentials.liveChat = { liveChatPersonalAccessTokenApi: { accountId: LC_ACCOUNT_ID, accessToken: LC_TOKEN, clientId: LC_CLIENT_ID, baseUrl: await liveChat.start() } };
	credentials.socialIntents = { socialIntentsApi: { accountId: socialIntents.accountId, apiToken: socialIntents.apiToken, baseUrl: await socialIntents.start() } };
	credentials.fiveChat = { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: await fiveChat.start() } };
	credentials.liveAgent = { liveAgentApi: { url: await liveAgent.start(), apiKey: liveAgent.apiKey, timeZone: 'America/Los_Angeles' } };
	credentials.alive5 = { alive5Api: { apiKey: alive5.apiKey, baseUrl: await alive5.start() } };
});
afterAll(async () => {
	for (const simulator of simulators) await simulator.stop();
	await capture.stop();
});
beforeEach(() => {
	for (const simulator of simulators) simulator.reset();
	liveAgent.zone = 'America/Los_Angeles';
	capture.received.length = 0;
});

const app = { __rl: true, mode: 'list', value: SI_APPS[0].id };
const spec = (platform: string, event: string) => ({
	type: 'anyLiveChatTrigger',
	parameters: { platform, event, ...(platform === 'socialIntents' ? { appId: app } : {}) } as IDataObject,
	credentials: credentials[platform],
});
const hook = (platform: string, event: string, staticData: IDataObject = {}) => webhookNode(spec(platform, event), staticData, capture.baseUrl);
const json = (items: Array<{ json: IDataObject }> | null | undefined) => (items ?? []).map((item) => item.json);
const idsOf = (items: Array<{ json: IDataObject }> | null | undefined) => json(items).map((item) => item.conversationId);

/** The normalized transcript keys, as the Live Chat node's Conversation → Get gives them, plus the event. */
const TRANSCRIPT_KEYS = ['agents', 'channel', 'conversationId', 'endedAt', 'event', 'messages', 'startedAt', 'status', 'tags', 'vendor', 'visitor'];
function expectTranscripts(items: IDataObject[], vendor: string, event: string): void {
	expect(items.length).toBeGreaterThan(0);
	for (const item of items) {
		expect(Object.keys(item).sort()).toEqual(TRANSCRIPT_KEYS);
		expect(item).toMatchObject({ vendor, event });
	}
}

async function liveChatAction(action: string, body: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${credentials.liveChat.liveChatPersonalAccessTokenApi.baseUrl}/v3.6/agent/action/${action}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${LC_ACCOUNT_ID}:${LC_TOKEN}`).toString('base64')}` },
		body: JSON.stringify(body),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as IDataObject;
}

/** Waits until the simulator's webhook calls have reached the capture server. */
async function delivered(count: number): Promise<void> {
	for (let i = 0; i < 100 && capture.received.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 20));
	expect(capture.received).toHaveLength(count);
}

describe('Live Chat Trigger: description', () => {
	it('is a polling node with one webhook whose method is POST only for the platforms that push', () => {
		const description = nodeTypeByName('n8n-nodes-live-chat.anyLiveChatTrigger').description;
		expect(description.polling).toBe(true);
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: '={{ ["liveChat","socialIntents"].includes($parameter["platform"]) ? "POST" : "" }}', responseMode: 'onReceived', path: 'webhook' },
		]);
		const notices = description.properties.filter((property) => property.type === 'notice').map((property) => property.displayName);
		expect(notices).toContain('Social Intents cannot tell New Conversation: its API reports no such event. Platforms that can: Alive5, 5chat, LiveAgent, LiveChat.');
		expect(notices.filter((notice) => notice.includes('cannot tell'))).toHaveLength(1);
	});
});

describe('Live Chat Trigger: LiveChat (webhook)', () => {
	it('New Conversation: registers incoming_chat once, emits the started chat as a transcript, refuses a forged delivery, and removes the registration', async () => {
		const node = hook('liveChat', 'newConversation');
		expect(await node.activate()).toEqual({ existed: false, created: true });
		expect(liveChat.webhooks.map((webhook) => [webhook.action, webhook.url])).toEqual([['incoming_chat', node.webhookUrl]]);
		expect((await runPoll(spec('liveChat', 'newConversation'))).items).toBeNull();
		const started = await liveChatAction('start_chat', { chat: { users: [{ id: LC_CUSTOMER_ID, type: 'customer' }], thread: { events: [{ type: 'message', text: 'Hello there', visibility: 'all' }] } } });
		await delivered(1);
		const delivery = asN8nReceives(capture.received[0]);
		const received = await node.receive(delivery);
		const items = json(received.workflowData?.[0]);
		expectTranscripts(items, 'liveChat', 'newConversation');
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ conversationId: started.chat_id, status: 'open', messages: [expect.objectContaining({ text: 'Hello there' })] });
		// the same delivery again starts nothing; one with a wrong secret is refused
		expect((await node.receive(delivery)).workflowData).toBeUndefined();
		const forged = await node.receive({ ...delivery, body: { ...(delivery.body as IDataObject), secret_key: 'x'.repeat(48) } });
		expect(forged).toMatchObject({ status: 401, noWebhookResponse: true });
		expect(forged.workflowData).toBeUndefined();
		expect(await node.deactivate()).toBe(true);
		expect(liveChat.webhooks).toEqual([]);
	});

	it('New Conversation: takes LiveChat\'s published incoming_chat sample (the sandbox example\'s test event) as a transcript', async () => {
		const node = hook('liveChat', 'newConversation');
		await node.activate();
		await fetch(`${credentials.liveChat.liveChatPersonalAccessTokenApi.baseUrl}/__sim/sample`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ section: 'incoming_chat' }),
		});
		await delivered(1);
		const items = json((await node.receive(asN8nReceives(capture.received[0]))).workflowData?.[0]);
		expectTranscripts(items, 'liveChat', 'newConversation');
		expect(items[0].conversationId).toEqual(expect.any(String));
		expect(items[0].messages).not.toEqual([]);
		await node.deactivate();
	});

	it('Conversation Ended: registers chat_deactivated and emits the deactivated chat, read whole', async () => {
		const node = hook('liveChat', 'conversationEnded');
		await node.activate();
		expect(liveChat.webhooks.map((webhook) => webhook.action)).toEqual(['chat_deactivated']);
		const started = await liveChatAction('start_chat', { chat: { users: [{ id: LC_CUSTOMER_ID, type: 'customer' }], thread: { events: [{ type: 'message', text: 'Bye soon', visibility: 'all' }] } } });
		await liveChatAction('deactivate_chat', { id: started.chat_id });
		await delivered(1);
		const items = json((await node.receive(asN8nReceives(capture.received[0]))).workflowData?.[0]);
		expectTranscripts(items, 'liveChat', 'conversationEnded');
		expect(items[0]).toMatchObject({ conversationId: started.chat_id, messages: [expect.objectContaining({ text: 'Bye soon' })] });
		// switching the event replaces the registration, never adds one
		const changed = hook('liveChat', 'newConversation', node.workflow.staticData);
		expect(await changed.activate()).toEqual({ existed: false, created: true });
		expect(liveChat.webhooks.map((webhook) => webhook.action)).toEqual(['incoming_chat']);
		await changed.deactivate();
		expect(liveChat.webhooks).toEqual([]);
	});
});

describe('Live Chat Trigger: Social Intents (webhook)', () => {
	it('Conversation Ended: registers Chat completed only, emits the chat as a transcript, refuses a forged delivery', async () => {
		const node = hook('socialIntents', 'conversationEnded');
		await node.activate();
		expect(socialIntents.webhooks.map((webhook) => webhook.event)).toEqual(['']);
		const target = new URL(socialIntents.webhooks[0].target_url);
		expect(target.toString().split('?')[0]).toBe(node.webhookUrl);
		const response = await fetch(`${credentials.socialIntents.socialIntentsApi.baseUrl}/__sim/chat`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ appId: SI_APPS[0].id }),
		});
		const { webhookChat } = (await response.json()) as { webhookChat: IDataObject };
		await delivered(1);
		const items = json((await node.receive(asN8nReceives(capture.received[0]))).workflowData?.[0]);
		expectTranscripts(items, 'socialIntents', 'conversationEnded');
		expect(items[0]).toMatchObject({ conversationId: webhookChat.id, status: 'closed' });
		const forged = await node.receive({ body: [webhookChat], query: { n8n_token: 'wrong' } });
		expect(forged).toMatchObject({ status: 401, noWebhookResponse: true });
		expect(await node.deactivate()).toBe(true);
		expect(socialIntents.webhooks).toEqual([]);
	});

	it('New Conversation: refused at activation naming the platform and the event, nothing registered', async () => {
		const node = hook('socialIntents', 'newConversation');
		await expect(node.activate()).rejects.toThrow('Social Intents cannot tell New Conversation');
		expect(socialIntents.webhooks).toEqual([]);
		expect(socialIntents.requests).toEqual([]);
		expect(await node.deactivate()).toBe(true);
	});
});

describe('Live Chat Trigger: 5chat (polling)', () => {
	it('New Conversation: remembers, then emits each new conversation once as a transcript', async () => {
		const first = await runPoll(spec('fiveChat', 'newConversation'));
		expect(first.items).toBeNull();
		const created = fiveChat.addConversation();
		const next = await runPoll(spec('fiveChat', 'newConversation'), first.staticData);
		expectTranscripts(json(next.items), 'fiveChat', 'newConversation');
		expect(idsOf(next.items)).toEqual([created.token]);
		expect((await runPoll(spec('fiveChat', 'newConversation'), next.staticData)).items).toBeNull();
	});

	it('Conversation Ended: emits a conversation when 5chat closes it, once', async () => {
		const first = await runPoll(spec('fiveChat', 'conversationEnded'));
		expect(first.items).toBeNull();
		const open = fiveChat.conversations.find((conversation) => conversation.status === 'OPEN')!;
		fiveChat.closeConversation(open.token);
		const next = await runPoll(spec('fiveChat', 'conversationEnded'), first.staticData);
		expectTranscripts(json(next.items), 'fiveChat', 'conversationEnded');
		expect(idsOf(next.items)).toEqual([open.token]);
		expect(json(next.items)[0].status).toBe('closed');
		expect((await runPoll(spec('fiveChat', 'conversationEnded'), next.staticData)).items).toBeNull();
	});

	it('keeps its cursor when the transcript read fails, so the next poll emits', async () => {
		const { staticData } = await runPoll(spec('fiveChat', 'newConversation'));
		const created = fiveChat.addConversation();
		fiveChat.inject({ kind: 'status', status: 500, path: `/conversations/${created.token}` });
		await expect(runPoll(spec('fiveChat', 'newConversation'), staticData)).rejects.toThrow();
		expect(idsOf((await runPoll(spec('fiveChat', 'newConversation'), staticData)).items)).toEqual([created.token]);
	});
});

describe('Live Chat Trigger: LiveAgent (polling)', () => {
	it('New Conversation: emits a new conversation once as a full transcript', async () => {
		const first = await runPoll(spec('liveAgent', 'newConversation'));
		expect(first.items).toBeNull();
		const created = liveAgent.makeConversation({ created: Date.now() });
		liveAgent.addMessage(created, 'cus002', 'M', 'I need help', Date.now());
		const next = await runPoll(spec('liveAgent', 'newConversation'), first.staticData);
		expectTranscripts(json(next.items), 'liveAgent', 'newConversation');
		expect(idsOf(next.items)).toEqual([created.conversationid]);
		expect(json(next.items)[0].messages).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'I need help' })]));
		expect((await runPoll(spec('liveAgent', 'newConversation'), next.staticData)).items).toBeNull();
	});

	it('Conversation Ended: emits a conversation once when it is resolved, not for later changes, again when reopened and resolved', async () => {
		const first = await runPoll(spec('liveAgent', 'conversationEnded'));
		const conversation = liveAgent.conversations.find((candidate) => !['R', 'X', 'B'].includes(candidate.status))!;
		liveAgent.addMessage(conversation, 'cus002', 'M', 'hello?', Date.now() - 3000);
		const open = await runPoll(spec('liveAgent', 'conversationEnded'), first.staticData);
		expect(open.items).toBeNull();
		conversation.status = 'R';
		liveAgent.addMessage(conversation, 'uid1234', 'S', 'Resolved', Date.now() - 2000);
		const resolved = await runPoll(spec('liveAgent', 'conversationEnded'), open.staticData);
		expectTranscripts(json(resolved.items), 'liveAgent', 'conversationEnded');
		expect(idsOf(resolved.items)).toEqual([conversation.conversationid]);
		expect(json(resolved.items)[0].status).toBe('closed');
		liveAgent.addMessage(conversation, 'uid1234', 'N', 'a note after the end', Date.now() - 1000);
		const noted = await runPoll(spec('liveAgent', 'conversationEnded'), resolved.staticData);
		expect(noted.items).toBeNull();
		conversation.status = 'C';
		liveAgent.addMessage(conversation, 'cus002', 'M', 'one more thing', Date.now());
		const reopened = await runPoll(spec('liveAgent', 'conversationEnded'), noted.staticData);
		expect(reopened.items).toBeNull();
		conversation.status = 'R';
		liveAgent.addMessage(conversation, 'uid1234', 'S', 'Resolved again', Date.now() + 1000);
		const again = await runPoll(spec('liveAgent', 'conversationEnded'), reopened.staticData);
		expect(idsOf(again.items)).toEqual([conversation.conversationid]);
	});
});

describe('Live Chat Trigger: Alive5 (polling)', () => {
	it('New Conversation: emits new conversations of every channel once, oldest first', async () => {
		const first = await runPoll(spec('alive5', 'newConversation'));
		expect(first.items).toBeNull();
		const now = Date.now();
		const sms = alive5.makeConversation('sms', now - 2000);
		const chat = alive5.makeConversation('livechat', now - 1000);
		const fbm = alive5.makeConversation('fbm', now);
		alive5.conversations.push(sms, chat, fbm);
		const next = await runPoll(spec('alive5', 'newConversation'), first.staticData);
		expectTranscripts(json(next.items), 'alive5', 'newConversation');
		expect(idsOf(next.items)).toEqual([sms.alive5_sessionID, chat.alive5_sessionID, fbm.alive5_sessionID]);
		expect(json(next.items).map((item) => item.channel)).toEqual(['sms', 'web', 'facebook']);
		expect((await runPoll(spec('alive5', 'newConversation'), next.staticData)).items).toBeNull();
	});

	it('Conversation Ended: emits a conversation once when it gets an end time', async () => {
		const open = alive5.makeConversation('sms', Date.now() - 60_000, { endMs: null });
		alive5.conversations.push(open);
		const first = await runPoll(spec('alive5', 'conversationEnded'));
		expect(first.items).toBeNull();
		expect((await runPoll(spec('alive5', 'conversationEnded'), first.staticData)).items).toBeNull();
		open.endMs = Date.now();
		const next = await runPoll(spec('alive5', 'conversationEnded'), first.staticData);
		expectTranscripts(json(next.items), 'alive5', 'conversationEnded');
		expect(idsOf(next.items)).toEqual([open.alive5_sessionID]);
		expect(json(next.items)[0].status).toBe('closed');
		expect((await runPoll(spec('alive5', 'conversationEnded'), next.staticData)).items).toBeNull();
	});
});

describe('Live Chat Trigger: sources', () => {
	it('a test delivery reaches the manual execution: n8n runs poll() for it, which hands on what webhook() received', async () => {
		const listening = webhookNode(spec('liveChat', 'newConversation'), {}, capture.baseUrl, 'manual');
		await listening.activate();
		await fetch(`${credentials.liveChat.liveChatPersonalAccessTokenApi.baseUrl}/__sim/sample`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ section: 'incoming_chat' }),
		});
		await delivered(1);
		const received = await listening.receive(asN8nReceives(capture.received[0]));
		const manual = await runPoll(spec('liveChat', 'newConversation'), {}, 'manual');
		expect(json(manual.items)).toEqual(json(received.workflowData?.[0]));
		expectTranscripts(json(manual.items), 'liveChat', 'newConversation');
		// handed on once; a production poll never takes it
		expect((await runPoll(spec('liveChat', 'newConversation'), {}, 'manual')).items).toBeNull();
		await listening.deactivate();
		expect(liveChat.webhooks).toEqual([]);
	});

	it('a pushing platform’s poller asks nothing', async () => {
		for (const event of ['newConversation', 'conversationEnded']) {
			expect((await runPoll(spec('liveChat', event))).items).toBeNull();
			expect((await runPoll(spec('socialIntents', event))).items).toBeNull();
		}
		expect(liveChat.requests).toEqual([]);
		expect(socialIntents.requests).toEqual([]);
	});

	it.each(['fiveChat', 'liveAgent', 'alive5'])('a manual run on %s shows the newest new conversation and keeps no state', async (platform) => {
		const run = await runPoll(spec(platform, 'newConversation'), {}, 'manual');
		expectTranscripts(json(run.items), platform, 'newConversation');
		expect(run.items).toHaveLength(1);
		expect(run.staticData).toEqual({ 'node:Node': {} });
	});
});
