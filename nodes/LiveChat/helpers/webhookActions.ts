import type { IDataObject, IHookFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { textList } from './params';

/** The `filters` keys of register_webhook (Configuration API v3.6, Register Webhook). */
export type WebhookFilter = 'author_type' | 'only_my_chats' | 'chat_presence' | 'source_type' | 'agent_ids';

const CHAT: WebhookFilter[] = ['chat_presence', 'only_my_chats', 'source_type'];
const EVENT: WebhookFilter[] = [...CHAT, 'author_type'];
const CONFIGURATION: WebhookFilter[] = ['source_type'];

/**
 * Every webhook action of v3.6 as [label, action, the filters register_webhook accepts for it]: the
 * "Triggering actions" table of the Configuration API v3.6 page (snapshot livechat-2026-06). LiveChat
 * refuses a filter the action does not list, so each registration carries only its own.
 */
export const WEBHOOK_ACTIONS: Array<[string, string, WebhookFilter[]]> = [
	['Agent Approved', 'agent_approved', CONFIGURATION],
	['Agent Created', 'agent_created', CONFIGURATION],
	['Agent Deleted', 'agent_deleted', CONFIGURATION],
	['Agent Suspended', 'agent_suspended', CONFIGURATION],
	['Agent Unsuspended', 'agent_unsuspended', CONFIGURATION],
	['Agent Updated', 'agent_updated', CONFIGURATION],
	['Auto Accesses Updated', 'auto_accesses_updated', CONFIGURATION],
	['Bot Created', 'bot_created', CONFIGURATION],
	['Bot Deleted', 'bot_deleted', CONFIGURATION],
	['Bot Updated', 'bot_updated', CONFIGURATION],
	['Chat Access Updated', 'chat_access_updated', CHAT],
	['Chat Deactivated', 'chat_deactivated', CHAT],
	['Chat Properties Deleted', 'chat_properties_deleted', CHAT],
	['Chat Properties Updated', 'chat_properties_updated', CHAT],
	['Chat Transferred', 'chat_transferred', CHAT],
	['Customer Session Fields Updated', 'customer_session_fields_updated', ['chat_presence', 'source_type']],
	['Event Deleted', 'event_deleted', CHAT],
	['Event Properties Deleted', 'event_properties_deleted', CHAT],
	['Event Properties Updated', 'event_properties_updated', CHAT],
	['Event Updated', 'event_updated', EVENT],
	['Events Marked as Seen', 'events_marked_as_seen', CHAT],
	['Group Created', 'group_created', CONFIGURATION],
	['Group Deleted', 'group_deleted', CONFIGURATION],
	['Group Updated', 'group_updated', CONFIGURATION],
	['Incoming Chat', 'incoming_chat', CHAT],
	['Incoming Event', 'incoming_event', EVENT],
	['Incoming Rich Message Postback', 'incoming_rich_message_postback', CHAT],
	['Routing Status Set', 'routing_status_set', ['agent_ids', 'source_type']],
	['Tag Created', 'tag_created', CONFIGURATION],
	['Tag Deleted', 'tag_deleted', CONFIGURATION],
	['Tag Updated', 'tag_updated', CONFIGURATION],
	['Thread Properties Deleted', 'thread_properties_deleted', CHAT],
	['Thread Properties Updated', 'thread_properties_updated', CHAT],
	['Thread Summary Set', 'thread_summary_set', CHAT],
	['Thread Tagged', 'thread_tagged', CHAT],
	['Thread Untagged', 'thread_untagged', CHAT],
	['User Added to Chat', 'user_added_to_chat', CHAT],
	['User Removed From Chat', 'user_removed_from_chat', CHAT],
];

/**
 * Action names a delivery may carry other than the one registered. The webhooks page (snapshot
 * livechat-2026-06) registers `auto_accesses_updated`, but its three samples deliver it as
 * `auto_access_added`; the Agent Chat API changelog names the pushes `auto_access_added`,
 * `auto_access_updated` and `auto_access_deleted`. All of them belong to the one registration.
 */
const DELIVERED_AS: Record<string, string> = {
	auto_access_added: 'auto_accesses_updated',
	auto_access_updated: 'auto_accesses_updated',
	auto_access_deleted: 'auto_accesses_updated',
};

/** The registered action a delivered action name belongs to (itself for all but the auto access names). */
export function registeredAction(delivered: string): string {
	return DELIVERED_AS[delivered] ?? delivered;
}

const FILTERS_OF = new Map(WEBHOOK_ACTIONS.map(([, action, filters]) => [action, filters]));

/** register_webhook: additional_data is "for all actions except agent_status_changed, agent_deleted". */
const WITHOUT_ADDITIONAL_DATA = new Set(['agent_deleted']);

const FILTER_LABELS: Record<WebhookFilter, string> = {
	author_type: 'Author Type',
	only_my_chats: 'Only My Chats',
	chat_presence: 'Chat Presence (JSON)',
	source_type: 'Source Types',
	agent_ids: 'Agents (Routing Status Set)',
};

/** The trigger's Filters collection; each option says which events take it. */
export const webhookFilterOptions: INodeProperties[] = [
	{
		displayName: 'Agents (Routing Status Set)',
		name: 'agentIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: [],
		description:
			'Only status changes of these agents (Routing Status Set only). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Author Type',
		name: 'authorType',
		type: 'options',
		default: 'any',
		description: 'Only events written by this kind of user (Incoming Event and Event Updated only)',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Agent', value: 'agent' },
			{ name: 'Customer', value: 'customer' },
		],
	},
	{
		displayName: 'Chat Presence (JSON)',
		name: 'chatPresence',
		type: 'json',
		default: '{}',
		description:
			'Only chats where these users are (or are not) present, as LiveChat’s chat_presence filter: {"user_ids": {"values": ["a@b.c"]}} or {"user_ids": {"exclude_values": [...]}}, and/or {"my_bots": true}. Chat events only.',
	},
	{
		displayName: 'Only My Chats',
		name: 'onlyMyChats',
		type: 'boolean',
		default: false,
		description:
			'Whether only chats created by the owner app are delivered (chats whose source.client_id is the Owner Client ID). Chat events only.',
	},
	{
		displayName: 'Source Types',
		name: 'sourceTypes',
		type: 'multiOptions',
		default: [],
		description: 'Only changes made from these sources (every event takes this filter)',
		options: [
			{ name: 'My Client', value: 'my_client', description: 'The owner app (its Client ID)' },
			{ name: 'Other Clients', value: 'other_clients', description: 'Apps with other Client IDs' },
			{ name: 'System', value: 'system', description: 'LiveChat itself (no Client ID)' },
		],
	},
];

/** How the agent_ids filter is written: its shape is not documented (README, "unsure"). */
export const agentIdsShapeProperty: INodeProperties = {
	displayName: 'Agents Filter Shape',
	name: 'agentIdsShape',
	type: 'options',
	default: 'values',
	description:
		'How the Agents (Routing Status Set) filter is written; LiveChat names the filter but not its shape. Change only if LiveChat refuses the default.',
	options: [
		{ name: 'Values Object', value: 'values', description: '{"values": ["a@b.c"]}, like chat_presence.user_ids' },
		{ name: 'Plain List', value: 'list', description: '["a@b.c"], like source_type' },
	],
};

export const additionalDataProperty: INodeProperties = {
	displayName: 'Additional Data',
	name: 'additionalData',
	type: 'multiOptions',
	default: [],
	description: 'What LiveChat should add under additional_data (not sent with Agent Deleted, which takes none)',
	options: [
		{ name: 'Chat Presence User IDs', value: 'chat_presence_user_ids' },
		{ name: 'Chat Properties', value: 'chat_properties' },
	],
};

export interface Registration {
	action: string;
	filters?: IDataObject;
	additional_data?: string[];
}

function fail(context: IHookFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { description });
}

/** chat_presence as LiveChat documents it: user_ids with exactly one of values / exclude_values, my_bots. */
function chatPresence(context: IHookFunctions, raw: unknown): IDataObject | undefined {
	const label = 'Filters → Chat Presence (JSON)';
	let presence = raw;
	if (typeof presence === 'string') {
		if (presence.trim() === '') return undefined;
		try {
			presence = JSON.parse(presence);
		} catch {
			fail(context, `${label} is not valid JSON`);
		}
	}
	if (typeof presence !== 'object' || presence === null || Array.isArray(presence)) {
		fail(context, `${label} must be a JSON object`);
	}
	const value = presence as IDataObject;
	if (!Object.keys(value).length) return undefined;
	for (const key of Object.keys(value)) {
		if (key !== 'user_ids' && key !== 'my_bots') fail(context, `${label}: "${key}" is not a chat_presence field`, 'It takes user_ids and my_bots.');
	}
	if (value.my_bots !== undefined && typeof value.my_bots !== 'boolean') fail(context, `${label}: my_bots must be true or false`);
	if (value.user_ids !== undefined) {
		const ids = value.user_ids as IDataObject;
		const kinds = typeof ids === 'object' && ids !== null && !Array.isArray(ids) ? Object.keys(ids) : [];
		const list = kinds.length === 1 ? ids[kinds[0]] : undefined;
		if (
			kinds.length !== 1 ||
			!['values', 'exclude_values'].includes(kinds[0]) ||
			!Array.isArray(list) ||
			!list.every((id) => typeof id === 'string')
		) {
			fail(context, `${label}: user_ids takes exactly one of values or exclude_values, a list of user IDs`);
		}
	}
	return value;
}

/** Every filter the user chose, under its register_webhook name. */
function chosenFilters(context: IHookFunctions): Partial<Record<WebhookFilter, unknown>> {
	const chosen = context.getNodeParameter('filters', {}) as IDataObject;
	const filters: Partial<Record<WebhookFilter, unknown>> = {};
	if (chosen.authorType && chosen.authorType !== 'any') filters.author_type = chosen.authorType;
	if (chosen.onlyMyChats === true) filters.only_my_chats = true;
	if (chosen.chatPresence !== undefined) {
		const presence = chatPresence(context, chosen.chatPresence);
		if (presence) filters.chat_presence = presence;
	}
	const sources = textList(chosen.sourceTypes);
	if (sources.length) filters.source_type = sources;
	const agents = textList(chosen.agentIds);
	if (agents.length) {
		const shape = context.getNodeParameter('options.agentIdsShape', 'values') as string;
		filters.agent_ids = shape === 'list' ? agents : { values: agents };
	}
	return filters;
}

/**
 * What to register for each chosen action: the chosen filters that action accepts, and the additional
 * data unless the action takes none. A chosen filter that none of the chosen actions accepts is an
 * error naming it and the events that take it (LiveChat would drop it or refuse the registration).
 */
export function plannedRegistrations(context: IHookFunctions, actions: string[]): Registration[] {
	const filters = chosenFilters(context);
	const additionalData = textList(context.getNodeParameter('additionalData', []));
	for (const name of Object.keys(filters) as WebhookFilter[]) {
		if (actions.some((action) => FILTERS_OF.get(action)?.includes(name))) continue;
		const takers = WEBHOOK_ACTIONS.filter(([, , accepted]) => accepted.includes(name)).map(([label]) => label);
		fail(
			context,
			`Filters → ${FILTER_LABELS[name]}: none of the chosen events takes this filter`,
			`LiveChat accepts it only with ${takers.length > 6 ? `${takers.slice(0, 6).join(', ')} and other chat events` : takers.join(', ')}.`,
		);
	}
	if (additionalData.length && actions.every((action) => WITHOUT_ADDITIONAL_DATA.has(action))) {
		fail(context, 'Additional Data: LiveChat sends none with Agent Deleted');
	}
	return actions.map((action) => {
		const registration: Registration = { action };
		const accepted = FILTERS_OF.get(action) ?? [];
		const own: IDataObject = {};
		for (const name of accepted) if (filters[name] !== undefined) own[name] = filters[name] as IDataObject;
		if (Object.keys(own).length) registration.filters = own;
		if (additionalData.length && !WITHOUT_ADDITIONAL_DATA.has(action)) registration.additional_data = additionalData;
		return registration;
	});
}
