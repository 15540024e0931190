/**
 * For each REQUEST example of the Agent Chat Web API v3.6 (the copy, and the current page in
 * livechat-2026-06/ where they differ), the node is configured with the example's values and the
 * simulator must receive exactly the example's JSON body.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { allNodes } from '../../engine/registry';
import { LiveChatSimulator } from '../../simulators/liveChat';

const simulator = new LiveChatSimulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await simulator.start();
	credentials = {
		liveChatPersonalAccessTokenApi: { accountId: simulator.accountId, accessToken: simulator.token, baseUrl },
	};
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const CUSTOMER = 'b7eff798-f8df-4364-8059-649c35c9ed0c';

/** The "Available methods" table of the Agent Chat Web API v3.6 (snapshot livechat-2026-06): 35 actions. */
const V36_ACTIONS = [
	'list_chats', 'list_threads', 'get_chat', 'list_archives', 'start_chat', 'resume_chat', 'deactivate_chat', 'follow_chat', 'unfollow_chat',
	'transfer_chat',
	'add_user_to_chat', 'remove_user_from_chat',
	'send_event_preview', 'send_event', 'upload_file', 'send_rich_message_postback',
	'update_chat_properties', 'delete_chat_properties', 'update_thread_properties', 'delete_thread_properties', 'update_event_properties', 'delete_event_properties',
	'tag_thread', 'untag_thread',
	'get_customer', 'update_customer', 'ban_customer',
	'set_routing_status', 'list_routing_statuses',
	'mark_events_as_seen', 'send_thinking_indicator', 'send_typing_indicator', 'multicast', 'list_agents_for_transfer', 'request_thread_summary',
];
const NS = '0805e283233042b37f460ed8fbf22160';

/** [action, node parameters, the copy's request body] */
const examples: Array<[string, IDataObject, IDataObject]> = [
	['list_chats', { resource: 'chat', operation: 'listChats', returnAll: false, limit: 10 }, { limit: 10 }],
	['list_threads', { resource: 'thread', operation: 'list', chatId: 'PWJ8Y4THAV', returnAll: false, limit: 3 }, { chat_id: 'PWJ8Y4THAV', limit: 3 }],
	['get_chat', { resource: 'chat', operation: 'get', chatId: 'PWJ8Y4THAV', threadId: 'K600PKZON8' }, { chat_id: 'PWJ8Y4THAV', thread_id: 'K600PKZON8' }],
	[
		'list_archives',
		{
			resource: 'chat',
			operation: 'listArchives',
			returnAll: false,
			limit: 10,
			archiveFilters: { eventTypes: { filter: { match: 'values', types: ['message', 'filled_form'] } } },
		},
		{ filters: { event_types: { values: ['message', 'filled_form'] } }, limit: 10 },
	],
	['start_chat', { resource: 'chat', operation: 'start' }, {}],
	['resume_chat', { resource: 'chat', operation: 'resume', chatId: 'PWJ8Y4THAV' }, { chat: { id: 'PWJ8Y4THAV' } }],
	['deactivate_chat', { resource: 'chat', operation: 'deactivate', chatId: 'PJ0MRSHTDG' }, { id: 'PJ0MRSHTDG' }],
	['follow_chat', { resource: 'chat', operation: 'follow', chatId: 'PW94SJTGW6' }, { id: 'PW94SJTGW6' }],
	['unfollow_chat', { resource: 'chat', operation: 'unfollow', chatId: 'PJ0MRSHTDG' }, { id: 'PJ0MRSHTDG' }],
	[
		'transfer_chat',
		{ resource: 'chat', operation: 'transfer', chatId: 'PJ0MRSHTDG', targetType: 'group', targetGroupIds: [19] },
		{ id: 'PJ0MRSHTDG', target: { type: 'group', ids: [19] } },
	],
	[
		'add_user_to_chat',
		{ resource: 'chatUser', operation: 'add', chatId: 'PW94SJTGW6', userId: 'smith@example.com', userType: 'agent', visibility: 'all', ignoreRequesterPresence: true },
		{ chat_id: 'PW94SJTGW6', user_id: 'smith@example.com', user_type: 'agent', visibility: 'all', ignore_requester_presence: true },
	],
	[
		'remove_user_from_chat',
		{ resource: 'chatUser', operation: 'remove', chatId: 'PW94SJTGW6', userId: 'smith@example.com' },
		{ chat_id: 'PW94SJTGW6', user_id: 'smith@example.com', user_type: 'agent' },
	],
	[
		'send_event',
		{ resource: 'event', operation: 'send', chatId: 'PW94SJTGW6', eventType: 'message', text: 'hello world', visibility: 'all' },
		{ chat_id: 'PW94SJTGW6', event: { type: 'message', text: 'hello world', visibility: 'all' } },
	],
	[
		'send_rich_message_postback',
		{
			resource: 'event',
			operation: 'postback',
			chatId: 'PJ0MRSHTDG',
			threadId: 'K600PKZON8',
			eventId: 'a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f7',
			postbackId: 'Method URL_yes',
			toggled: true,
			postbackOptions: { buttonType: 'url', buttonValue: 'https://www.example.com', productId: '12345', optionId: 'red-xl', quantity: 1 },
		},
		{
			chat_id: 'PJ0MRSHTDG',
			thread_id: 'K600PKZON8',
			event_id: 'a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f7',
			postback: {
				id: 'Method URL_yes',
				toggled: true,
				button_type: 'url',
				button_value: 'https://www.example.com',
				ecommerce: { product_id: '12345', option_id: 'red-xl', quantity: 1 },
			},
		},
	],
	[
		'update_chat_properties',
		{ resource: 'property', operation: 'updateChat', chatId: 'Q1VZR7AJCE', properties: JSON.stringify({ [NS]: { string_property: 'Chat property value updated by Agent' } }) },
		{ id: 'Q1VZR7AJCE', properties: { [NS]: { string_property: 'Chat property value updated by Agent' } } },
	],
	[
		'delete_chat_properties',
		{ resource: 'property', operation: 'deleteChat', chatId: 'Q1VZR7AJCE', properties: JSON.stringify({ [NS]: ['string_property'] }) },
		{ id: 'Q1VZR7AJCE', properties: { [NS]: ['string_property'] } },
	],
	[
		'update_thread_properties',
		{ resource: 'property', operation: 'updateThread', chatId: 'Q1WZ073OA7', threadId: 'Q1WZ073OB7', properties: { [NS]: { string_property: 'Chat thread property value updated by Agent' } } },
		{ chat_id: 'Q1WZ073OA7', thread_id: 'Q1WZ073OB7', properties: { [NS]: { string_property: 'Chat thread property value updated by Agent' } } },
	],
	[
		'delete_thread_properties',
		{ resource: 'property', operation: 'deleteThread', chatId: 'Q1WZ073OA7', threadId: 'Q1WZ073OB7', properties: JSON.stringify({ [NS]: ['string_property'] }) },
		{ chat_id: 'Q1WZ073OA7', thread_id: 'Q1WZ073OB7', properties: { [NS]: ['string_property'] } },
	],
	[
		'update_event_properties',
		{ resource: 'property', operation: 'updateEvent', chatId: 'Q1GZ3FNAT9', threadId: 'Q1GZ3FNAU9', eventId: 'Q1GZ3FNAU9_1', properties: JSON.stringify({ [NS]: { string_property: 'Event property value updated by Agent' } }) },
		{ chat_id: 'Q1GZ3FNAT9', thread_id: 'Q1GZ3FNAU9', event_id: 'Q1GZ3FNAU9_1', properties: { [NS]: { string_property: 'Event property value updated by Agent' } } },
	],
	[
		'delete_event_properties',
		{ resource: 'property', operation: 'deleteEvent', chatId: 'Q16ZSBGX3J', threadId: 'Q16ZSBGX4J', eventId: 'Q16ZSBGX4J_1', properties: JSON.stringify({ [NS]: ['string_property'] }) },
		{ chat_id: 'Q16ZSBGX3J', thread_id: 'Q16ZSBGX4J', event_id: 'Q16ZSBGX4J_1', properties: { [NS]: ['string_property'] } },
	],
	['tag_thread', { resource: 'threadTag', operation: 'tag', chatId: 'PW94SJTGW6', threadId: 'PWS6GIKAKH', tag: 'support' }, { chat_id: 'PW94SJTGW6', thread_id: 'PWS6GIKAKH', tag: 'support' }],
	['untag_thread', { resource: 'threadTag', operation: 'untag', chatId: 'PW94SJTGW6', threadId: 'PWS6GIKAKH', tag: 'support' }, { chat_id: 'PW94SJTGW6', thread_id: 'PWS6GIKAKH', tag: 'support' }],
	['get_customer', { resource: 'customer', operation: 'get', customerId: CUSTOMER }, { id: CUSTOMER }],
	[
		'update_customer',
		{
			resource: 'customer',
			operation: 'update',
			customerId: CUSTOMER,
			customerFields: {
				name: 'Thomas Anderson',
				email: 't.anderson@example.com',
				avatar: 'https://example.com/avatars/1.png',
				sessionFields: { field: [{ key: 'custom_key', value: 'custom_value' }, { key: 'another_custom_key', value: 'another_custom_value' }] },
			},
		},
		{
			id: CUSTOMER,
			name: 'Thomas Anderson',
			email: 't.anderson@example.com',
			avatar: 'https://example.com/avatars/1.png',
			session_fields: [{ custom_key: 'custom_value' }, { another_custom_key: 'another_custom_value' }],
		},
	],
	['ban_customer', { resource: 'customer', operation: 'ban', customerId: CUSTOMER, days: 3 }, { id: CUSTOMER, ban: { days: 3 } }],
	[
		'set_routing_status',
		{ resource: 'agent', operation: 'setRoutingStatus', status: 'accepting_chats', agentId: 'smith@example.com' },
		{ status: 'accepting_chats', agent_id: 'smith@example.com' },
	],
	['list_routing_statuses', { resource: 'agent', operation: 'listRoutingStatuses', groupIds: [0] }, { filters: { group_ids: [0] } }],
	[
		'mark_events_as_seen',
		{ resource: 'event', operation: 'markSeen', chatId: 'PJ0MRSHTDG', seenUpTo: '2017-10-12T15:19:21.010200Z' },
		{ chat_id: 'PJ0MRSHTDG', seen_up_to: '2017-10-12T15:19:21.010200Z' },
	],
	['send_typing_indicator', { resource: 'event', operation: 'typing', chatId: 'PJ0MRSHTDG', isTyping: true }, { chat_id: 'PJ0MRSHTDG', is_typing: true }],
	[
		'multicast',
		{
			resource: 'multicast',
			operation: 'send',
			recipients: { allAgents: true, agentIds: ['smith@example.com', 'agent@example.com'], groupIds: [1, 2] },
			content: JSON.stringify({ example: { nested: 'json' } }),
		},
		{
			recipients: {
				agents: { all: true, ids: ['smith@example.com', 'agent@example.com'], groups: [1, 2] },
			},
			content: { example: { nested: 'json' } },
		},
	],
	[
		'send_event_preview',
		{ resource: 'event', operation: 'preview', chatId: 'PW94SJTGW6', text: 'Preview of a longer response...', previewOptions: { customId: '31-0C-1C-07-DB-16' } },
		{ chat_id: 'PW94SJTGW6', event: { type: 'message', text: 'Preview of a longer response...', visibility: 'all', custom_id: '31-0C-1C-07-DB-16' } },
	],
	[
		'send_thinking_indicator',
		{
			resource: 'event',
			operation: 'thinking',
			chatId: 'PJ0MRSHTDG',
			thinkingOptions: { title: 'Thinking...', description: 'Fetching data from the Billing API...', visibility: 'all', customId: '31-0C-1C-07-DB-16' },
		},
		{ chat_id: 'PJ0MRSHTDG', title: 'Thinking...', description: 'Fetching data from the Billing API...', visibility: 'all', custom_id: '31-0C-1C-07-DB-16' },
	],
	['request_thread_summary', { resource: 'thread', operation: 'requestSummary', chatId: 'PJ0MRSHTDG', threadId: 'K600PKZON8' }, { chat_id: 'PJ0MRSHTDG', thread_id: 'K600PKZON8' }],
	['list_agents_for_transfer', { resource: 'agent', operation: 'listForTransfer', chatId: 'PJ0MRSHTDG' }, { chat_id: 'PJ0MRSHTDG' }],
];

describe('LiveChat: the copy’s request examples', () => {
	it.each(examples)('%s sends exactly the documented body', async (action, parameters, body) => {
		const { error } = await runNode({ type: 'liveChat', parameters, credentials });
		expect(error).toBeUndefined();
		expect(simulator.requests).toHaveLength(1);
		const [sent] = simulator.requests;
		expect(sent.method).toBe('POST');
		expect(sent.path).toBe(`/v3.6/agent/action/${action}`);
		expect(sent.headers['content-type']).toContain('application/json');
		// Exactly the documented JSON, `{}` included (start_chat's example): the simulator parses the raw
		// body it received and refuses a request without one.
		expect(sent.body).toEqual(body);
	});

	it('covers every JSON action of v3.6 here (upload_file is multipart and tested on its own), and the node offers each', () => {
		expect([...new Set(examples.map(([action]) => action))].sort()).toEqual(V36_ACTIONS.filter((action) => action !== 'upload_file').sort());
		const offered = allNodes()
			.get('liveChat')!
			.description.properties.filter((property) => property.name === 'operation')
			.flatMap((property) => (property.options ?? []) as INodePropertyOptions[])
			.map((option) => String(option.routing?.request?.url).split('/').pop());
		expect(offered.sort()).toEqual([...V36_ACTIONS].sort());
	});

	it.each([
		['start_chat', { resource: 'chat', operation: 'start' }],
		['list_routing_statuses', { resource: 'agent', operation: 'listRoutingStatuses' }],
		['start_chat', { resource: 'chat', operation: 'start', chatOptions: { properties: '{}', threadProperties: '{}', groupIds: [] } }],
	])('%s with nothing set sends the raw body {} with the JSON content type', async (action, parameters) => {
		const { error } = await runNode({ type: 'liveChat', parameters, credentials });
		expect(error).toBeUndefined();
		const [sent] = simulator.requests;
		expect(sent.path).toBe(`/v3.6/agent/action/${action}`);
		expect(sent.headers['content-type']).toBe('application/json');
		expect(sent.headers['content-length']).toBe('2');
		expect(sent.body).toEqual({});
	});
});
