import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { collection, fail, groupList, json, rfc3339, textList } from './params';
import { toSwitch } from '../../shared/validate';
import type { Show } from '../../shared/descriptions';

const EVENT_TYPES = ['custom', 'file', 'filled_form', 'message', 'rich_message', 'system_message'];

/** `filled_form` shown as "Filled Form". */
const eventTypeName = (type: string) => type.split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');

/** list_archives `filters.agent_types` values (Agent Chat Web API v3.6). */
const AGENT_TYPES = [
	{ name: 'AI Agent', value: 'ai_agent' },
	{ name: 'Chatbot', value: 'chatbot' },
	{ name: 'Human', value: 'human' },
];

/** A `<filter_type>` filter (exists / values / exclude_values, require_every_value) as one option. */
function setFilter(displayName: string, name: string, what: string, valuesHint = 'Comma-separated values'): INodeProperties {
	const values: INodeProperties[] = [
		{
			displayName: 'Match',
			name: 'match',
			type: 'options',
			default: 'values',
			options: [
				{ name: `Any ${what}`, value: 'exists', description: `Only chats with at least one ${what}` },
				{ name: `No ${what}`, value: 'notExists', description: `Only chats without ${what}` },
				{ name: 'One Of', value: 'values', description: 'Only chats with one of the values' },
				{ name: 'None Of', value: 'exclude_values', description: 'Only chats with none of the values' },
			],
		},
		{
			displayName: 'Values',
			name: 'values',
			type: 'string',
			default: '',
			placeholder: 'a, b',
			description: valuesHint,
			displayOptions: { show: { match: ['values', 'exclude_values'] } },
		},
		{
			displayName: 'Require Every Value',
			name: 'requireEveryValue',
			type: 'boolean',
			default: false,
			description: 'Whether a chat must have all the values (or, with None Of, lack all of them)',
			displayOptions: { show: { match: ['values', 'exclude_values'] } },
		},
	];
	return {
		displayName,
		name,
		type: 'fixedCollection',
		default: {},
		options: [{ displayName, name: 'filter', values }],
	};
}

export function archiveFilterOptions(show: Show, sortOrder: INodeProperties): INodeProperties[] {
	return [
		{
			displayName: 'Filters',
			name: 'archiveFilters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: { show },
			options: [
				setFilter('Agents', 'agents', 'agent'),
				{
					displayName: 'Agent Response',
					name: 'agentResponse',
					type: 'json',
					default: '{}',
					description:
						'Agent response filter: {"exists": true, "first": true, "agents": {"values": ["a@b.c"]}, "groups": {"values": [0]}}',
				},
				{
					displayName: 'Agent Types',
					name: 'agentTypes',
					type: 'fixedCollection',
					default: {},
					description: 'Only chats by the kinds of agent they had; each type may appear in one list only',
					options: [
						{
							displayName: 'Agent Types',
							name: 'filter',
							values: [
								{ displayName: 'All Of', name: 'allValues', type: 'multiOptions', default: [], options: AGENT_TYPES, description: 'Chats with every one of these' },
								{ displayName: 'Any Of', name: 'anyValues', type: 'multiOptions', default: [], options: AGENT_TYPES, description: 'Chats with at least one of these' },
								{ displayName: 'None Of', name: 'excludeValues', type: 'multiOptions', default: [], options: AGENT_TYPES, description: 'Chats with none of these' },
							],
						},
					],
				},
				{
					displayName: 'Chat IDs',
					name: 'chatIds',
					type: 'string',
					default: '',
					placeholder: 'PJ0MRSHTDG, PWJ8Y4THAV',
					description: 'Comma-separated chat IDs (up to 1,000)',
				},
				setFilter('Customer Countries', 'customerCountries', 'country', 'Comma-separated country codes (ISO 3166-1 alpha-2), e.g. PL, DE'),
				{ displayName: 'Customer Email', name: 'customerEmail', type: 'string', default: '', placeholder: 'name@email.com', description: 'Only chats of the customer with this email' },
				{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '', description: 'Only chats of this customer' },
				{
					displayName: 'Event Types',
					name: 'eventTypes',
					type: 'fixedCollection',
					default: {},
					options: [
						{
							displayName: 'Event Types',
							name: 'filter',
							values: [
								{
									displayName: 'Match',
									name: 'match',
									type: 'options',
									default: 'values',
									options: [
										{ name: 'One Of', value: 'values' },
										{ name: 'None Of', value: 'exclude_values' },
									],
								},
								{
									displayName: 'Types',
									name: 'types',
									type: 'multiOptions',
									default: [],
									options: EVENT_TYPES.map((type) => ({ name: eventTypeName(type), value: type })),
								},
								{
									displayName: 'Require Every Value',
									name: 'requireEveryValue',
									type: 'boolean',
									default: false,
									description: 'Whether a chat must have every chosen type',
								},
							],
						},
					],
				},
				{
					displayName: 'Forms',
					name: 'forms',
					type: 'json',
					default: '[]',
					description:
						'Pre-chat and post-chat form filters: [{"type": "post_chat", "exists": true}] (each: type, exists, values / exclude_values of answer IDs, from / to, groups)',
				},
				{
					displayName: 'From',
					name: 'from',
					type: 'dateTime',
					default: '',
					description: 'Only threads from this time on',
				},
				setFilter('Goals', 'goals', 'goal', 'Comma-separated goal IDs (whole numbers), or true / false'),
				{
					displayName: 'Greetings',
					name: 'greetings',
					type: 'json',
					default: '{}',
					description: 'Greetings filter: {"exists": true} or {"values": [1, 2]}, optionally with from / to / groups',
				},
				{
					displayName: 'Group Names or IDs',
					name: 'groupIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getGroups' },
					default: [],
					description:
						'Only chats of these groups. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Properties',
					name: 'properties',
					type: 'json',
					default: '{}',
					description: 'Property filters: {"namespace": {"name": {"values": ["a"]}}}',
				},
				{
					displayName: 'Query',
					name: 'query',
					type: 'string',
					default: '',
					description: 'Text to search the chats for',
				},
				setFilter('Sales', 'sales', 'sale', 'Comma-separated sale (goal) IDs (whole numbers), or true / false'),
				{
					// Never offered: kept (and shown) only where a workflow saved before LiveChat renamed surveys
					// to forms still holds it; it is sent like Forms.
					displayName: 'Surveys (Now Forms)',
					name: 'surveys',
					type: 'json',
					default: '[]',
					description: 'LiveChat renamed this filter Forms; it is sent as Forms',
					displayOptions: { show: { surveys: [{ _cnd: { exists: true } }] } },
				},
				setFilter('Tags', 'tags', 'tag'),
				{
					displayName: 'Thread IDs',
					name: 'threadIds',
					type: 'string',
					default: '',
					description: 'Comma-separated thread IDs (up to 20); cannot be combined with other filters',
				},
				{
					displayName: 'To',
					name: 'to',
					type: 'dateTime',
					default: '',
					description: 'Only threads up to this time',
				},
			],
		},
		{
			displayName: 'Options',
			name: 'archiveOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Forms Filter Name',
					name: 'formsKey',
					type: 'options',
					default: 'forms',
					description:
						'The name the Forms filter is sent under. LiveChat’s docs call it forms since January 2026; its SDK still says surveys.',
					options: [
						{ name: 'Forms (Current Docs)', value: 'forms' },
						{ name: 'Surveys (Earlier Docs, SDK)', value: 'surveys' },
					],
				},
				{
					displayName: 'Highlight Matches',
					name: 'highlights',
					type: 'boolean',
					default: false,
					description: 'Whether matches of Query are highlighted',
				},
				{
					displayName: 'Highlight Start Tag',
					name: 'preTag',
					type: 'string',
					default: '',
					placeholder: '<em>',
				},
				{
					displayName: 'Highlight End Tag',
					name: 'postTag',
					type: 'string',
					default: '',
					placeholder: '</em>',
				},
				sortOrder,
			],
		},
	];
}

/** Goal and sale filter values are ints or booleans (FACTS.md); "12" and "true" are sent as such. */
function idOrBool(context: IExecuteSingleFunctions, label: string, what: string) {
	return (value: string): number | boolean => {
		if (value === 'true' || value === 'false') return value === 'true';
		if (/^\d+$/.test(value)) return Number(value);
		return fail(context, `Filters → ${label}: "${value}" is not a ${what} ID (a whole number) or true / false`);
	};
}

function setFilterValue(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label: string,
	convert: (value: string) => string | number | boolean = (value) => value,
): IDataObject | undefined {
	const filter = (raw as IDataObject | undefined)?.filter as IDataObject | undefined;
	if (!filter) return undefined;
	const match = String(filter.match ?? 'values');
	if (match === 'exists') return { exists: true };
	if (match === 'notExists') return { exists: false };
	const values = textList(filter.values).map(convert);
	if (!values.length) fail(context, `Filters → ${label}: give at least one value`);
	const result: IDataObject = { [match]: values };
	if (toSwitch(context, filter.requireEveryValue, 'Require Every Value')) result.require_every_value = true;
	return result;
}

/** `filters.agent_types`: all_values / any_values / exclude_values, each type in one list only. */
function agentTypesFilter(context: IExecuteSingleFunctions, raw: unknown): IDataObject | undefined {
	const filter = (raw as IDataObject | undefined)?.filter as IDataObject | undefined;
	if (!filter) return undefined;
	const result: IDataObject = {};
	const seen = new Set<string>();
	for (const [name, key] of [
		['allValues', 'all_values'],
		['anyValues', 'any_values'],
		['excludeValues', 'exclude_values'],
	]) {
		const types = textList(filter[name]);
		for (const type of types) {
			if (seen.has(type)) fail(context, `Filters → Agent Types: "${type}" is in more than one list`, 'LiveChat takes each agent type once across All Of, Any Of and None Of.');
			seen.add(type);
		}
		if (types.length) result[key] = types;
	}
	if (!Object.keys(result).length) fail(context, 'Filters → Agent Types: choose at least one type');
	return result;
}

/** The list_archives body: filters, sort order and highlights from the node's collections. */
export function archiveFilters(context: IExecuteSingleFunctions): IDataObject {
	const chosen = collection(context, 'archiveFilters');
	const filters: IDataObject = {};
	const query = String(chosen.query ?? '').trim();
	if (query) filters.query = query;
	const from = rfc3339(context, 'archiveFilters.from', 'Filters → From');
	const to = rfc3339(context, 'archiveFilters.to', 'Filters → To');
	if (from && to && from > to) fail(context, 'Filters → From is after Filters → To');
	if (from) filters.from = from;
	if (to) filters.to = to;
	const threads = textList(chosen.threadIds);
	if (threads.length > 20) fail(context, 'Filters → Thread IDs: at most 20');
	if (threads.length) filters.thread_ids = threads;
	const groups = groupList(context, chosen.groupIds, 'Filters → Groups');
	if (groups.length) filters.group_ids = groups;
	const chats = textList(chosen.chatIds);
	if (chats.length > 1000) fail(context, 'Filters → Chat IDs: at most 1,000');
	if (chats.length) filters.chat_ids = chats;
	const customerId = String(chosen.customerId ?? '').trim();
	if (customerId) filters.customer_id = customerId;
	const customerEmail = String(chosen.customerEmail ?? '').trim();
	if (customerEmail) filters.customer_email = customerEmail;
	for (const [name, key, label] of [
		['agents', 'agents', 'Agents'],
		['tags', 'tags', 'Tags'],
		['customerCountries', 'customer_countries', 'Customer Countries'],
	]) {
		const value = setFilterValue(context, chosen[name], label);
		if (value) filters[key] = value;
	}
	for (const [name, label, what] of [
		['sales', 'Sales', 'sale'],
		['goals', 'Goals', 'goal'],
	]) {
		const value = setFilterValue(context, chosen[name], label, idOrBool(context, label, what));
		if (value) filters[name] = value;
	}
	const agentTypes = agentTypesFilter(context, chosen.agentTypes);
	if (agentTypes) filters.agent_types = agentTypes;
	const eventTypes = (chosen.eventTypes as IDataObject | undefined)?.filter as IDataObject | undefined;
	if (eventTypes) {
		const types = textList(eventTypes.types);
		if (!types.length) fail(context, 'Filters → Event Types: choose at least one type');
		const value: IDataObject = { [String(eventTypes.match ?? 'values')]: types };
		if (toSwitch(context, eventTypes.requireEveryValue, 'Event Types → Require Every Value')) value.require_every_value = true;
		filters.event_types = value;
	}
	const options = collection(context, 'archiveOptions');
	// Renamed from surveys; a workflow saved with Surveys sends it the same way.
	const formsKey = options.formsKey === 'surveys' ? 'surveys' : 'forms';
	const formsParameter = chosen.forms !== undefined ? 'forms' : 'surveys';
	const jsonFilters: Array<[string, string, string, 'object' | 'array']> = [
		[formsParameter, formsKey, formsParameter === 'forms' ? 'Forms' : 'Surveys (Now Forms)', 'array'],
		['greetings', 'greetings', 'Greetings', 'object'],
		['agentResponse', 'agent_response', 'Agent Response', 'object'],
		['properties', 'properties', 'Properties', 'object'],
	];
	for (const [name, key, label, kind] of jsonFilters) {
		if (chosen[name] === undefined) continue;
		const value = json(context, `archiveFilters.${name}`, `Filters → ${label}`, kind);
		const empty = Array.isArray(value) ? value.length === 0 : Object.keys((value ?? {}) as object).length === 0;
		if (!empty) filters[key] = value as IDataObject;
	}
	const body: IDataObject = {};
	if (Object.keys(filters).length) body.filters = filters;
	if (options.sortOrder) body.sort_order = options.sortOrder;
	if (toSwitch(context, options.highlights, 'Options → Highlights')) {
		const highlights: IDataObject = {};
		if (options.preTag) highlights.pre_tag = options.preTag;
		if (options.postTag) highlights.post_tag = options.postTag;
		body.highlights = highlights;
	}
	return body;
}
