/**
 * Every paging loop stops with a clear error when a page brings no progress (issue 24, kind 1): each
 * simulator's `repeatPages` switch answers as a pager that ignores its cursor or page parameter would.
 */
import type { IDataObject } from 'n8n-workflow';

import { nodeTypeByName, PACKAGE } from '../../engine/registry';

import { loadOptionsContext, runNode, runPoll } from '../../engine/harness';
import { Alive5Simulator } from '../../simulators/alive5';
import { FC_RW_TOKEN, FiveChatSimulator } from '../../simulators/fiveChat';
import { LiveAgentSimulator } from '../../simulators/liveAgent';
import { LC_CUSTOMER_ID, LiveChatSimulator } from '../../simulators/liveChat';

const liveChat = new LiveChatSimulator();
const liveAgent = new LiveAgentSimulator();
const fiveChat = new FiveChatSimulator();
const alive5 = new Alive5Simulator();
const simulators = [liveChat, liveAgent, fiveChat, alive5];
const urls: Record<string, string> = {};

beforeAll(async () => {
	urls.liveChat = await liveChat.start();
	urls.liveAgent = await liveAgent.start();
	urls.fiveChat = await fiveChat.start();
	urls.alive5 = await alive5.start();
});
afterAll(async () => {
	for (const simulator of simulators) await simulator.stop();
});
beforeEach(() => {
	for (const simulator of simulators) simulator.reset();
});

const node = (type: string, parameters: IDataObject) => {
	const credentials: Record<string, Record<string, Record<string, string>>> = {
		liveChat: { liveChatPersonalAccessTokenApi: { accountId: liveChat.accountId, accessToken: liveChat.token, baseUrl: urls.liveChat } },
		liveAgent: { liveAgentApi: { url: urls.liveAgent, apiKey: liveAgent.apiKey, timeZone: 'UTC' } },
		fiveChat: { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: urls.fiveChat } },
		alive5: { alive5Api: { apiKey: alive5.apiKey, baseUrl: urls.alive5 } },
	};
	const vendor = type.replace(/Trigger$|PollingTrigger$/, '').replace(/Polling$/, '');
	return { type, parameters, credentials: credentials[vendor] };
};

describe('paging loops stop when a page brings no progress', () => {
	it('LiveChat List Chats (Return All): the same next_page_id again is an error, after three requests at most', async () => {
		for (let i = 0; i < 250; i++) {
			const chat = liveChat.makeChat(`MANY${String(i).padStart(6, '0')}`, `MT${String(i).padStart(8, '0')}`, false, LC_CUSTOMER_ID);
			liveChat.chats.set(chat.id, chat);
		}
		liveChat.repeatPages = true;
		const { error } = await runNode(node('liveChat', { resource: 'chat', operation: 'listChats', returnAll: true }));
		expect(error?.message).toMatch(/^Paging stopped: the API pointed the list back to a page already read/);
		expect(liveChat.requests.length).toBeLessThanOrEqual(3);
	});

	it('LiveAgent Customer Get Many (Return All): a LiveAgent that ignores limitfrom is stopped at the second page', async () => {
		liveAgent.repeatPages = true;
		const { error } = await runNode(node('liveAgent', { resource: 'customer', operation: 'getAll', returnAll: true }));
		expect(error?.message).toMatch(/^Paging stopped: page 2 of the list brought only records already received/);
		expect(liveAgent.requests).toHaveLength(2);
	});

	it('LiveAgent Trigger, New Customer: a LiveAgent that ignores limitfrom fails the poll instead of emitting copies', async () => {
		const params = { event: 'newCustomer', department: '', options: { lateArrivalMinutes: 5 } };
		const { staticData } = await runPoll(node('liveAgentTrigger', params));
		for (let i = 0; i < 1001; i++) liveAgent.makeCustomer({ created: Date.now() });
		liveAgent.repeatPages = true;
		await expect(runPoll(node('liveAgentTrigger', params), staticData)).rejects.toThrow(/Paging stopped: page 2 of LiveAgent customers brought only records already received/);
	});

	it('5chat Conversation Get Many (Return All, pages asked for at once): pages that repeat the first are an error', async () => {
		fiveChat.repeatPages = true;
		const { error } = await runNode(node('fiveChat', { resource: 'conversation', operation: 'getAll', returnAll: true }));
		expect(error?.message).toMatch(/^Paging stopped: page 2 of the list brought only records already received/);
	});

	it('5chat Trigger: a burst read over pages that repeat the first fails the poll', async () => {
		const params = { event: 'newConversation', options: { lateArrivalMinutes: 5 }, watch: 100, output: 'raw' };
		const { staticData } = await runPoll(node('fiveChatTrigger', params));
		for (let i = 0; i < 150; i++) fiveChat.addConversation();
		fiveChat.repeatPages = true;
		await expect(runPoll(node('fiveChatTrigger', params), staticData)).rejects.toThrow(/Paging stopped: page 2 of 5chat/);
	});

	it('Alive5 Live Chat Get Many (Return All): a page number the API ignores is an error', async () => {
		alive5.repeatPages = true;
		const { error } = await runNode(node('alive5', { resource: 'liveChatConversation', operation: 'getAll', returnAll: true, options: { parallelPageRequests: 1 } }));
		expect(error?.message).toMatch(/^Paging stopped: page 2 of the list brought only records already received/);
	});

	it('Alive5 Polling Trigger, live chats: a page number the API ignores fails the poll', async () => {
		const now = Date.now();
		for (let i = 0; i < 120; i++) alive5.conversations.push(alive5.makeConversation('livechat', now - (i + 1) * 60_000));
		alive5.repeatPages = true;
		await expect(runPoll(node('alive5PollingTrigger', { event: 'liveChat', options: { lateArrivalDays: 1 }, output: 'raw' }))).rejects.toThrow(
			/Paging stopped: page 2 of Alive5 \/conversations\/livechat/,
		);
	});
});

/** The 5chat conversation dropdown as n8n's editor loads it. */
const searchContext = () => loadOptionsContext(node('fiveChat', { resource: 'conversation', operation: 'get' }), 'parameters.conversation');

describe('dropdowns the editor pages stop when a page brings no progress', () => {
	const search = () => nodeTypeByName(`${PACKAGE}.fiveChat`).methods!.listSearch!.searchConversations;

	it('5chat conversation list: pages follow one another while the API pages', async () => {
		const first = await search().call(searchContext());
		const second = await search().call(searchContext(), undefined, first.paginationToken);
		expect(first.results).toHaveLength(100);
		expect(second.results[0].value).not.toBe(first.results[0].value);
		expect(fiveChat.requests.map((request) => request.query.page)).toEqual(['1', '2']);
	});

	it('5chat conversation list: a page number the API ignores is an error on the second page', async () => {
		fiveChat.repeatPages = true;
		const first = await search().call(searchContext());
		await expect(search().call(searchContext(), undefined, first.paginationToken)).rejects.toThrow(
			'Paging stopped: page 2 of the list repeated page 1',
		);
	});
});
