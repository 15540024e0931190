import { readSwitch, toSwitch } from '../../../shared/validate';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { outputProperties, returnAllAndLimit, operationSelector, idField } from '../../../shared/descriptions';
import { archiveFilterOptions, archiveFilters } from '../../helpers/archiveFilters';
import { collection, fail, groupList, json, requireText, textList } from '../../helpers/params';
import { shapeTranscripts } from '../../helpers/transcript';
import { agentsField, groupsField, ignoreRequesterPresence, operation, put } from '../../helpers/descriptions';

const show = (...operations: string[]) => ({ resource: ['chat'], operation: operations });

function chatId(this: IExecuteSingleFunctions): string {
	return requireText(this, 'chatId', 'Chat ID');
}

/** The `chat` object of start_chat / resume_chat, from the Chat Options collection. */
function chatObject(context: IExecuteSingleFunctions): IDataObject {
	const options = collection(context, 'chatOptions');
	const chat: IDataObject = {};
	const groups = groupList(context, options.groupIds, 'Chat Options → Groups');
	if (groups.length) chat.access = { group_ids: groups };
	const properties = options.properties === undefined ? undefined : json(context, 'chatOptions.properties', 'Chat Options → Chat Properties');
	put(chat, 'properties', properties);
	const users: IDataObject[] = [];
	for (const id of textList(options.agentIds)) users.push({ id, type: 'agent' });
	const customerId = String(options.customerId ?? '').trim();
	if (customerId) users.push({ id: customerId, type: 'customer' });
	put(chat, 'users', users);
	const thread: IDataObject = {};
	const events: IDataObject[] = [];
	const text = String(options.message ?? '').trim();
	if (text) events.push({ type: 'message', text, visibility: 'all' });
	if (options.events !== undefined) events.push(...initialEvents(context));
	if (events.length) thread.events = events;
	const threadProperties =
		options.threadProperties === undefined ? undefined : json(context, 'chatOptions.threadProperties', 'Chat Options → Thread Properties');
	put(thread, 'properties', threadProperties);
	if (Object.keys(thread).length) chat.thread = thread;
	return chat;
}

/**
 * chat.thread.events of start_chat / resume_chat: a list of events of any type and visibility
 * (FACTS.md: "start_chat / resume_chat take chat.thread.events as a list of events of any type").
 */
function initialEvents(context: IExecuteSingleFunctions): IDataObject[] {
	const label = 'Chat Options → Initial Events (JSON)';
	const events = (json(context, 'chatOptions.events', label, 'array') ?? []) as unknown[];
	events.forEach((event, index) => {
		if (typeof event !== 'object' || event === null || Array.isArray(event) || typeof (event as IDataObject).type !== 'string') {
			fail(context, `${label}: event ${index + 1} must be an object with a "type"`);
		}
		const visibility = (event as IDataObject).visibility;
		if (visibility !== undefined && visibility !== 'all' && visibility !== 'agents') {
			fail(context, `${label}: event ${index + 1} has visibility "${String(visibility)}"; LiveChat takes all or agents`);
		}
	});
	return events as IDataObject[];
}

function startOrResume(context: IExecuteSingleFunctions, id?: string): IDataObject {
	const chat = chatObject(context);
	const options = collection(context, 'chatOptions');
	const body: IDataObject = {};
	if (id !== undefined) body.chat = { id, ...chat };
	else if (Object.keys(chat).length) body.chat = chat;
	const active = toSwitch(context, options.active, 'Chat Options → Active');
	if (active !== undefined) body.active = active;
	const continuous = toSwitch(context, options.continuous, 'Chat Options → Continuous');
	if (continuous !== undefined) body.continuous = continuous;
	return body;
}

const chatOptions: INodeProperties = {
	displayName: 'Chat Options',
	name: 'chatOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: show('start', 'resume') },
	options: [
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description: 'Whether the new thread is active (false creates an inactive thread)',
		},
		agentsField('agentIds', 'Agents', 'Other agents to add to the chat (up to 4)'),
		{
			displayName: 'Chat Properties',
			name: 'properties',
			type: 'json',
			default: '{}',
			description: 'Properties of the chat, by namespace: {"namespace": {"name": "value"}}',
		},
		{
			displayName: 'Continuous',
			name: 'continuous',
			type: 'boolean',
			default: false,
			description: 'Whether the chat is continuous (no online group needed)',
		},
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			description: 'The customer to add to the chat',
		},
		groupsField('groupIds', 'Groups', 'The groups that get access to the chat'),
		{
			displayName: 'Initial Events (JSON)',
			name: 'events',
			type: 'json',
			default: '[\n  {\n    "type": "message",\n    "text": "A note for agents",\n    "visibility": "agents"\n  }\n]',
			description:
				'Events the new thread starts with, of any type (message, system_message, file, rich_message, custom…) and visibility (all or agents); sent after Initial Message. Authors other than you must be users of the chat.',
		},
		{
			displayName: 'Initial Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'A message the chat starts with, sent by you',
		},
		{
			displayName: 'Thread Properties',
			name: 'threadProperties',
			type: 'json',
			default: '{}',
			description: 'Properties of the new thread, by namespace',
		},
	],
};

const sortOrder: INodeProperties = {
	displayName: 'Sort Order',
	name: 'sortOrder',
	type: 'options',
	default: 'desc',
	options: [
		{ name: 'Newest First', value: 'desc' },
		{ name: 'Oldest First', value: 'asc' },
	],
};

export const chatDescription: INodeProperties[] = [
	operationSelector(
		'chat',
		'listChats',
		[
			operation({
				name: 'Deactivate',
				value: 'deactivate',
				action: 'deactivate_chat',
				title: 'Deactivate a chat',
				description: 'Close the open thread of a chat',
				body() {
					const body: IDataObject = { id: chatId.call(this) };
					if (readSwitch(this, 'ignoreRequesterPresence', 'Ignore Requester Presence', false)) body.ignore_requester_presence = true;
					return body;
				},
			}),
			operation({
				name: 'Follow',
				value: 'follow',
				action: 'follow_chat',
				title: 'Follow a chat',
				description: 'Follow a chat, to be told of its changes',
				body() {
					return { id: chatId.call(this) };
				},
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'get_chat',
				title: 'Get a chat',
				description: 'Get a chat with one of its threads (the latest unless you name one)',
				read: 'single',
				postReceive: [shapeTranscripts],
				body() {
					const body: IDataObject = { chat_id: chatId.call(this) };
					put(body, 'thread_id', String(this.getNodeParameter('threadId', '') ?? '').trim());
					return body;
				},
			}),
			operation({
				name: 'List Archives',
				value: 'listArchives',
				action: 'list_archives',
				title: 'Search archived chats',
				description: 'Search archived chats, one chat per thread, with their events',
				read: { keep: [] },
				items: 'chats',
				postReceive: [shapeTranscripts],
				body() {
					return archiveFilters(this);
				},
			}),
			operation({
				name: 'List Chats',
				value: 'listChats',
				action: 'list_chats',
				title: 'Get many chats',
				description: 'List summaries of the chats you have access to',
				read: { keep: [] },
				items: 'chats_summary',
				postReceive: [shapeTranscripts],
				body() {
					const filters = collection(this, 'filters');
					const body: IDataObject = {};
					const wanted: IDataObject = {};
					if (filters.active === 'active') wanted.active = true;
					if (filters.active === 'inactive') wanted.active = false;
					if (typeof filters.includeChatsWithoutThreads === 'boolean') {
						wanted.include_chats_without_threads = filters.includeChatsWithoutThreads;
					}
					const groups = groupList(this, filters.groupIds, 'Filters → Groups');
					if (groups.length) wanted.group_ids = groups;
					if (filters.properties !== undefined) {
						put(wanted, 'properties', json(this, 'filters.properties', 'Filters → Properties'));
					}
					if (Object.keys(wanted).length) body.filters = wanted;
					put(body, 'sort_order', filters.sortOrder);
					return body;
				},
			}),
			operation({
				name: 'Resume',
				value: 'resume',
				action: 'resume_chat',
				title: 'Resume a chat',
				description: 'Start a new thread in an archived chat',
				body() {
					return startOrResume(this, chatId.call(this));
				},
			}),
			operation({
				name: 'Start',
				value: 'start',
				action: 'start_chat',
				title: 'Start a chat',
				description: 'Start a new chat',
				body() {
					return startOrResume(this);
				},
			}),
			operation({
				name: 'Transfer',
				value: 'transfer',
				action: 'transfer_chat',
				title: 'Transfer a chat',
				description: 'Transfer a chat to agents or groups',
				body() {
					const body: IDataObject = { id: chatId.call(this) };
					const type = this.getNodeParameter('targetType', 'group') as string;
					if (type === 'group') {
						const ids = groupList(this, this.getNodeParameter('targetGroupIds', []), 'Target Groups');
						if (!ids.length) fail(this, 'Target Groups: choose at least one group');
						body.target = { type, ids };
					} else if (type === 'agent') {
						const ids = textList(this.getNodeParameter('targetAgentIds', []));
						if (!ids.length) fail(this, 'Target Agents: choose at least one agent');
						body.target = { type, ids };
					}
					const options = collection(this, 'transferOptions');
					if (options.ignoreAgentsAvailability) body.ignore_agents_availability = true;
					if (toSwitch(this, options.ignoreRequesterPresence, 'Ignore Requester Presence')) body.ignore_requester_presence = true;
					return body;
				},
			}),
			operation({
				name: 'Unfollow',
				value: 'unfollow',
				action: 'unfollow_chat',
				title: 'Unfollow a chat',
				description: 'Stop following a chat',
				body() {
					return { id: chatId.call(this) };
				},
			}),
		],
	),
	idField('Chat ID', 'chatId', show('deactivate', 'follow', 'get', 'resume', 'transfer', 'unfollow'), 'PJ0MRSHTDG'),
	{
		displayName: 'Thread ID',
		name: 'threadId',
		type: 'string',
		default: '',
		placeholder: 'K600PKZON8',
		description: 'The thread to return; empty for the latest',
		displayOptions: { show: show('get') },
	},
	{ ...ignoreRequesterPresence, displayOptions: { show: show('deactivate') } },
	chatOptions,
	{
		displayName: 'Target',
		name: 'targetType',
		type: 'options',
		default: 'group',
		displayOptions: { show: show('transfer') },
		options: [
			{ name: 'Groups', value: 'group' },
			{ name: 'Agents', value: 'agent' },
			{ name: 'Another Agent of the Current Group', value: 'current' },
		],
	},
	{
		...groupsField('targetGroupIds', 'Target Groups', 'Groups to transfer the chat to'),
		displayOptions: { show: { ...show('transfer'), targetType: ['group'] } },
	},
	{
		...agentsField('targetAgentIds', 'Target Agents', 'Agents to transfer the chat to'),
		displayOptions: { show: { ...show('transfer'), targetType: ['agent'] } },
	},
	{
		displayName: 'Options',
		name: 'transferOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('transfer') },
		options: [
			{
				displayName: 'Ignore Agents Availability',
				name: 'ignoreAgentsAvailability',
				type: 'boolean',
				default: false,
				description: 'Whether the chat may wait in the queue when no agent of the target can take it now',
			},
			ignoreRequesterPresence,
		],
	},
	...returnAllAndLimit(show('listChats')),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: show('listChats') },
		options: [
			{
				displayName: 'Active',
				name: 'active',
				type: 'options',
				default: 'any',
				options: [
					{ name: 'Active and Inactive', value: 'any' },
					{ name: 'Active Only', value: 'active' },
					{ name: 'Inactive Only', value: 'inactive' },
				],
			},
			groupsField('groupIds', 'Groups', 'Only chats of these groups'),
			{
				displayName: 'Include Chats Without Threads',
				name: 'includeChatsWithoutThreads',
				type: 'boolean',
				default: true,
				description: 'Whether chats that have no thread yet are listed',
			},
			{
				displayName: 'Properties',
				name: 'properties',
				type: 'json',
				default: '{}',
				description:
					'Property filters: {"namespace": {"name": {"values": ["a"]}}} (or exists / exclude_values)',
			},
			sortOrder,
		],
	},
	...returnAllAndLimit(show('listArchives')),
	...archiveFilterOptions(show('listArchives'), sortOrder),
	...outputProperties(show('get', 'listArchives'), 'LiveChat', 'chat', { transcript: true, rawAtVersion1: true }),
	...outputProperties(show('listChats'), 'LiveChat', 'chat', { rawAtVersion1: true }),
];

