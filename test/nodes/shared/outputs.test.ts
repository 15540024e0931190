/**
 * Output of chat, conversation and ticket reads (issue 19): Simplified (about ten main fields), Raw
 * (as the vendor answers) and Normalized Transcript, named the same on every vendor. Reads that
 * returned the raw answer before keep Raw as the default at node version 1, so saved workflows
 * return what they did; version 1.1 defaults to Simplified.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { allNodes } from '../../engine/registry';
import { Alive5Simulator } from '../../simulators/alive5';
import type { Simulator } from '../../simulators/base';
import { FC_RW_TOKEN, FiveChatSimulator } from '../../simulators/fiveChat';
import { DOCUMENTED_CONVERSATION_ID, LiveAgentSimulator } from '../../simulators/liveAgent';
import { LiveChatSimulator } from '../../simulators/liveChat';

const fiveChat = new FiveChatSimulator();
const liveChat = new LiveChatSimulator();
const alive5 = new Alive5Simulator();
const liveAgent = new LiveAgentSimulator();
const simulators: Simulator[] = [fiveChat, liveChat, alive5, liveAgent];

beforeAll(async () => {
	for (const simulator of simulators) await simulator.start();
});
afterAll(async () => {
	for (const simulator of simulators) await simulator.stop();
});
beforeEach(() => simulators.forEach((simulator) => simulator.reset()));

const fiveChatNode = (parameters: IDataObject, typeVersion?: number) => ({
	type: 'fiveChat',
	parameters,
	typeVersion,
	credentials: { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: fiveChat.baseUrl } },
});
const liveChatNode = (parameters: IDataObject, typeVersion?: number) => ({
	type: 'liveChat',
	parameters,
	typeVersion,
	credentials: { liveChatPersonalAccessTokenApi: { accountId: liveChat.accountId, accessToken: liveChat.token, baseUrl: liveChat.baseUrl } },
});
const newestConversation = () => [...fiveChat.conversations].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
const locator = (token: string) => ({ __rl: true, mode: 'id', value: token });

/** About ten fields: what a person scans in a table without scrolling sideways. */
const ABOUT_TEN = 12;

describe('the Output option', () => {
	it('has the same name and values on every vendor', () => {
		const names: Record<string, string> = { simplified: 'Simplified', raw: 'Raw', transcript: 'Normalized Transcript' };
		let outputs = 0;
		for (const [, node] of allNodes()) {
			for (const property of node.description.properties.filter((candidate: INodeProperties) => candidate.name === 'output')) {
				const options = (property.options ?? []) as INodePropertyOptions[];
				if (!options.some((option) => option.value === 'simplified')) continue;
				outputs++;
				expect(property.displayName).toBe('Output');
				for (const option of options.filter((candidate) => String(candidate.value) in names)) expect(option.name).toBe(names[String(option.value)]);
				expect(options.map((option) => option.value)).toEqual(expect.arrayContaining(['simplified', 'raw']));
			}
		}
		// Social Intents and Alive5 (reads and polling triggers), and 5chat, LiveChat and LiveAgent at both versions
		expect(outputs).toBeGreaterThanOrEqual(15);
	});
});

describe('5chat', () => {
	it('Get Conversation, Simplified (the default from 1.1): no {conversation: …} wrapper, about ten fields', async () => {
		const target = newestConversation();
		const { items, error } = await runNode(fiveChatNode({ resource: 'conversation', operation: 'get', conversation: locator(target.token) }, 1.1));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const json = items[0].json;
		expect(json.conversation).toBeUndefined();
		expect(json).toMatchObject({ token: target.token, status: target.status, createdAt: target.createdAt, messageCount: expect.any(Number) });
		expect(Object.keys(json).length).toBeLessThanOrEqual(ABOUT_TEN);
	});

	it('Get Conversation, Raw: what 5chat says, wrapper and all; version 1 keeps Raw as its default', async () => {
		const target = newestConversation();
		const raw = await runNode(fiveChatNode({ resource: 'conversation', operation: 'get', conversation: locator(target.token), output: 'raw' }, 1.1));
		const old = await runNode(fiveChatNode({ resource: 'conversation', operation: 'get', conversation: locator(target.token) }, 1));
		expect((raw.items[0].json.conversation as IDataObject).token).toBe(target.token);
		expect(old.items.map((item) => item.json)).toEqual(raw.items.map((item) => item.json));
	});

	it('Get Many Conversations, Simplified', async () => {
		const { items } = await runNode(fiveChatNode({ resource: 'conversation', operation: 'getAll', returnAll: false, limit: 3 }, 1.1));
		expect(items).toHaveLength(3);
		for (const item of items) {
			expect(item.json).toMatchObject({ token: expect.any(String), status: expect.any(String) });
			expect(Object.keys(item.json).length).toBeLessThanOrEqual(ABOUT_TEN);
		}
	});
});

describe('5chat tickets', () => {
	it('Get Many Tickets, Simplified from 1.1: the main fields; version 1 keeps Raw', async () => {
		const simplified = await runNode(fiveChatNode({ resource: 'ticket', operation: 'getAll', returnAll: false, limit: 3 }, 1.1));
		expect(simplified.error).toBeUndefined();
		expect(simplified.items.length).toBeGreaterThan(0);
		for (const item of simplified.items) {
			expect(item.json).toMatchObject({ id: expect.anything(), title: expect.any(String), status: expect.any(String) });
			expect(item.json.websiteId).toBeUndefined();
			expect(Object.keys(item.json).length).toBeLessThanOrEqual(ABOUT_TEN);
		}
		const raw = await runNode(fiveChatNode({ resource: 'ticket', operation: 'getAll', returnAll: false, limit: 3 }, 1));
		expect(raw.items.map((item) => item.json.id)).toEqual(simplified.items.map((item) => item.json.id));
		expect(raw.items[0].json.websiteId).toBeDefined();
	});
});

describe('LiveAgent', () => {
	const liveAgentNode = (parameters: IDataObject, typeVersion?: number) => ({
		type: 'liveAgent',
		parameters,
		typeVersion,
		credentials: { liveAgentApi: { url: liveAgent.baseUrl, apiKey: liveAgent.apiKey } },
	});

	it('Get Many Conversations, Simplified from 1.1 (filters still apply); version 1 keeps Raw', async () => {
		const parameters = { resource: 'conversation', operation: 'getAll', department: 'a5j9t4d8', returnAll: true };
		const simplified = await runNode(liveAgentNode(parameters, 1.1));
		const raw = await runNode(liveAgentNode(parameters, 1));
		expect(simplified.error).toBeUndefined();
		expect(simplified.items.length).toBeGreaterThan(0);
		expect(simplified.items.map((item) => item.json.conversationid)).toEqual(raw.items.map((item) => item.json.conversationid));
		for (const item of simplified.items) expect(Object.keys(item.json).length).toBeLessThanOrEqual(ABOUT_TEN);
		expect(Object.keys(raw.items[0].json).length).toBeGreaterThan(Object.keys(simplified.items[0].json).length);
	});

	it('Get Conversation, Simplified', async () => {
		const { items, error } = await runNode(liveAgentNode({ resource: 'conversation', operation: 'get', conversationId: DOCUMENTED_CONVERSATION_ID }, 1.1));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ conversationid: expect.any(String), subject: expect.any(String) });
		expect(Object.keys(items[0].json).length).toBeLessThanOrEqual(ABOUT_TEN);
	});
});

describe('LiveChat', () => {
	it('List Chats gets Simplified (the default from 1.1); version 1 keeps the raw summaries', async () => {
		const simplified = await runNode(liveChatNode({ resource: 'chat', operation: 'listChats', returnAll: false, limit: 5 }, 1.1));
		expect(simplified.error).toBeUndefined();
		expect(simplified.items).toHaveLength(5);
		for (const item of simplified.items) {
			expect(item.json).toMatchObject({ id: expect.any(String), threadId: expect.anything(), active: expect.any(Boolean) });
			expect(item.json.last_thread_summary).toBeUndefined();
			expect(Object.keys(item.json).length).toBeLessThanOrEqual(ABOUT_TEN);
		}
		const raw = await runNode(liveChatNode({ resource: 'chat', operation: 'listChats', returnAll: false, limit: 5 }, 1));
		expect(raw.items.map((item) => item.json.id)).toEqual(simplified.items.map((item) => item.json.id));
		expect(raw.items[0].json.last_thread_summary).toBeDefined();
	});

	it('Get Chat, Simplified: the chat, its customer and its last message', async () => {
		const { items, error } = await runNode(liveChatNode({ resource: 'chat', operation: 'get', chatId: 'PWJ8Y4THAV' }, 1.1));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 'PWJ8Y4THAV', threadId: expect.any(String) });
		expect(items[0].json.thread).toBeUndefined();
		expect(Object.keys(items[0].json).length).toBeLessThanOrEqual(ABOUT_TEN);
	});
});

describe('Alive5', () => {
	it('Simplified keeps about ten fields (the main ones) and a message count', async () => {
		const { items } = await runNode({
			type: 'alive5',
			parameters: { resource: 'smsConversation', operation: 'getAll', returnAll: true },
			credentials: { alive5Api: { apiKey: alive5.apiKey, baseUrl: alive5.baseUrl } },
		});
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			expect(Object.keys(item.json).length).toBeLessThanOrEqual(ABOUT_TEN);
			expect(item.json).toMatchObject({ alive5_sessionID: expect.any(String), messageCount: expect.any(Number) });
			expect(item.json.org_name).toBeUndefined();
		}
	});
});
