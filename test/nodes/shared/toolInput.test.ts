/**
 * What n8n users and AI agents hand a node (issue 24, kinds 3–6). Tool cases run the node as n8n runs
 * a tool: its parameters are `$fromAI(...)` expressions, resolved by n8n's own WorkflowDataProxy from
 * the tool call's arguments (the input item), and the node continues on error, as the AI Agent before
 * v3 and the MCP Server Trigger run it. What the model reads is the items' `json`, as n8n's tool
 * wrapper maps them (`result[0].flatMap((item) => item.json)`).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { Alive5Simulator } from '../../simulators/alive5';
import { FC_CLIENT_TOKEN, FC_RW_TOKEN, FiveChatSimulator } from '../../simulators/fiveChat';
import { DOCUMENTED_CONVERSATION_ID, LiveAgentSimulator } from '../../simulators/liveAgent';
import { LiveChatSimulator } from '../../simulators/liveChat';
import { SocialIntentsSimulator } from '../../simulators/socialIntents';

const liveChat = new LiveChatSimulator();
const liveAgent = new LiveAgentSimulator();
const fiveChat = new FiveChatSimulator();
const alive5 = new Alive5Simulator();
const socialIntents = new SocialIntentsSimulator();
const simulators = [liveChat, liveAgent, fiveChat, alive5, socialIntents];
const url: Record<string, string> = {};

beforeAll(async () => {
	url.liveChat = await liveChat.start();
	url.liveAgent = await liveAgent.start();
	url.fiveChat = await fiveChat.start();
	url.alive5 = await alive5.start();
	url.socialIntents = await socialIntents.start();
});
afterAll(async () => {
	for (const simulator of simulators) await simulator.stop();
});
beforeEach(() => {
	for (const simulator of simulators) simulator.reset();
});

const credentialsOf = (type: string): Record<string, Record<string, string>> =>
	({
		liveChat: { liveChatPersonalAccessTokenApi: { accountId: liveChat.accountId, accessToken: liveChat.token, baseUrl: url.liveChat } },
		liveAgent: { liveAgentApi: { url: url.liveAgent, apiKey: liveAgent.apiKey, timeZone: 'UTC' } },
		fiveChat: { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: url.fiveChat } },
		alive5: { alive5Api: { apiKey: alive5.apiKey, baseUrl: url.alive5 } },
		socialIntents: { socialIntentsApi: { accountId: socialIntents.accountId, apiToken: socialIntents.apiToken, baseUrl: url.socialIntents } },
	})[type]!;

const node = (type: string, parameters: IDataObject, continueOnFail = false) => ({ type, parameters, credentials: credentialsOf(type), continueOnFail });
const fromAI = (key: string, type = 'string') => `={{ $fromAI('${key}', '', '${type}') }}`;
/** What a model reads back from a tool call. */
const toolAnswer = (items: INodeExecutionData[]) => JSON.stringify(items.flatMap((item) => item.json));
const lastQuery = (simulator: { requests: Array<{ query: IDataObject }> }) => simulator.requests.at(-1)!.query;

describe('kind 4: an empty optional value from $fromAI is not sent as a filter', () => {
	it('Social Intents Chat Get Many: email and tag left "" by the model send no email= and tag=', async () => {
		const { error } = await runNode(
			node('socialIntents', { resource: 'chat', operation: 'getAll', returnAll: false, limit: fromAI('limit', 'number'), filters: { email: fromAI('email'), tag: fromAI('tag') } }),
			[{ limit: 5, email: '', tag: '' }],
		);
		expect(error).toBeUndefined();
		expect(lastQuery(socialIntents)).not.toHaveProperty('email');
		expect(lastQuery(socialIntents)).not.toHaveProperty('tag');
	});

	it('LiveAgent Customer Get Many: a last name left "" sends no lastname=', async () => {
		const { error, items } = await runNode(
			node('liveAgent', { resource: 'customer', operation: 'getAll', returnAll: false, limit: 3, filters: { lastName: fromAI('lastName'), email: fromAI('email') } }),
			[{ lastName: '', email: '  ' }],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(lastQuery(liveAgent)).not.toHaveProperty('lastname');
		expect(lastQuery(liveAgent)).not.toHaveProperty('email');
	});
});

describe('kind 3: text switches and numbers from expressions are read as n8n reads them', () => {
	const createMessage = () =>
		node('liveAgent', {
			resource: 'conversation',
			operation: 'createMessage',
			conversationId: DOCUMENTED_CONVERSATION_ID,
			message: 'On it',
			messageType: 'M',
			writeOptions: { messageAuthor: 'uid1234', doNotSendMail: '={{ $json.silent }}' },
		});

	it.each([
		['FALSE', 'N'],
		['false', 'N'],
		['0', 'N'],
		['TRUE', 'Y'],
		[1, 'Y'],
	])('LiveAgent Create Message: Do Not Send Mail = %j sends %s', async (silent, sent) => {
		const { error } = await runNode(createMessage(), [{ silent }]);
		expect(error).toBeUndefined();
		expect((liveAgent.requests.at(-1)!.body as IDataObject).do_not_send_mail).toBe(sent);
	});

	it('LiveAgent Create Message: Do Not Send Mail = "yes" is refused, naming the parameter, before any request', async () => {
		const { error } = await runNode(createMessage(), [{ silent: 'yes' }]);
		expect(error?.message).toBe('Do Not Send Mail must be true or false, not "yes"');
		expect(liveAgent.requests).toHaveLength(0);
	});

	it('LiveChat Start Chat: Active = "false" starts an inactive chat', async () => {
		const { error } = await runNode(
			node('liveChat', { resource: 'chat', operation: 'start', chatOptions: { active: '={{ $json.active }}' } }),
			[{ active: 'false' }],
		);
		expect(error).toBeUndefined();
		expect((liveChat.requests.at(-1)!.body as IDataObject).active).toBe(false);
	});

	it('LiveChat Send Typing Indicator: Is Typing = "no" is refused, naming the parameter', async () => {
		const { error } = await runNode(
			node('liveChat', { resource: 'event', operation: 'typing', chatId: 'PJ0MRSHTDG', isTyping: '={{ $json.typing }}' }),
			[{ typing: 'no' }],
		);
		expect(error?.message).toBe('Is Typing must be true or false, not "no"');
	});

	it('5chat Widget Update: Remove Branding = "false" sends the boolean false, a position "25" the number 25', async () => {
		const { error } = await runNode(
			node('fiveChat', {
				resource: 'widget',
				operation: 'update',
				widget: FC_CLIENT_TOKEN,
				updateFields: { removeBranding: '={{ $json.branding }}', buttonXPos: '={{ $json.x }}' },
			}),
			[{ branding: 'false', x: '25' }],
		);
		expect(error).toBeUndefined();
		expect(fiveChat.requests.at(-1)!.body).toMatchObject({ removeBranding: false, buttonXPos: 25 });
	});

	it('Return All = "false" from an expression keeps to Limit', async () => {
		const { items, error } = await runNode(node('fiveChat', { resource: 'conversation', operation: 'getAll', returnAll: '={{ "false" }}', limit: '={{ "7" }}' }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(7);
	});
});

describe('kind 5: every output item is linked to its input item, also in the error output', () => {
	const emails = ['john@owner.com', 'nobody@example.com', 'ana@example.com'];

	it('LiveAgent Customer Get Many by email, three inputs: each match is linked to the input that asked for it', async () => {
		const { items, error } = await runNode(
			node('liveAgent', { resource: 'customer', operation: 'getAll', returnAll: true, filters: { email: '={{ $json.email }}' } }),
			emails.map((email) => ({ email })),
		);
		expect(error).toBeUndefined();
		const byInput = items.map((item) => [(item.pairedItem as { item: number }).item, item.json.email]);
		expect(byInput).toEqual([
			[0, 'john@owner.com'],
			[2, 'ana@example.com'],
		]);
	});

	it.each([
		['socialIntents', { resource: 'chat', operation: 'getAll', returnAll: false, limit: 2 }],
		['alive5', { resource: 'tag', operation: 'getAll', returnAll: true }],
		['fiveChat', { resource: 'conversation', operation: 'getAll', returnAll: false, limit: 2 }],
		['liveChat', { resource: 'chat', operation: 'listChats', returnAll: false, limit: 2 }],
	])('%s: a list asked for by each of two inputs is linked to the input', async (type, parameters) => {
		const { items, error } = await runNode(node(type, parameters), [{ n: 1 }, { n: 2 }]);
		expect(error).toBeUndefined();
		const links = items.map((item) => (item.pairedItem as { item: number }).item);
		expect(links.length).toBeGreaterThanOrEqual(2);
		expect(links.slice(0, links.length / 2).every((link) => link === 0)).toBe(true);
		expect(links.slice(links.length / 2).every((link) => link === 1)).toBe(true);
	});

	it('LiveAgent: a failed lookup under "Continue (using error output)" goes there linked to its input item', async () => {
		const { items, errorItems } = await runNode(
			{ ...node('liveAgent', { resource: 'agent', operation: 'get', agentId: '={{ $json.agent }}' }), errorOutput: true },
			[{ agent: 'example@agent.com' }, { agent: 'nobody@agent.com' }],
		);
		expect(items.map((item) => [item.json.email, item.pairedItem])).toEqual([['example@agent.com', { item: 0 }]]);
		expect(errorItems).toHaveLength(1);
		expect(errorItems[0].json.error).toBe('LiveAgent: Agent with identifier nobody@agent.com not found');
		expect(errorItems[0].pairedItem).toEqual({ item: 1 });
	});
});

describe('kind 6: a failed call as a tool tells the model the vendor’s message and what to change', () => {
	it('LiveAgent Agent Get with an unknown e-mail: the model reads LiveAgent’s message, not [{}]', async () => {
		const { items } = await runNode(node('liveAgent', { resource: 'agent', operation: 'get', agentId: fromAI('agent') }, true), [{ agent: 'nobody@agent.com' }]);
		const answer = toolAnswer(items);
		expect(answer).not.toBe('[{}]');
		expect(items[0].json.error).toBe('LiveAgent: Agent with identifier nobody@agent.com not found');
		expect(items[0].json.details).toMatch(/does not exist/);
		expect(answer).not.toContain(liveAgent.apiKey);
	});

	it.each([
		['socialIntents', { resource: 'chat', operation: 'get', chatId: fromAI('id') }],
		['liveChat', { resource: 'customer', operation: 'get', customerId: fromAI('id') }],
		['fiveChat', { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: fromAI('id') } }],
	])('%s: a lookup of an unknown ID returns the vendor’s message to the model', async (type, parameters) => {
		const { items } = await runNode(node(type, parameters, true), [{ id: '999999999' }]);
		expect(items).toHaveLength(1);
		expect(typeof items[0].json.error).toBe('string');
		expect(String(items[0].json.error).length).toBeGreaterThan(5);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});

