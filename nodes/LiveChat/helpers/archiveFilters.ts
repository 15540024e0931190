import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { collection, fail, groupList, json, rfc3339, textList } from './params';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

const EVENT_TYPES = ['custom', 'file', 'filled_form', 'message', 'rich_message', 'system_message'];

/** A `<filter_type>` filter (exists / values / exclude_values, require_every_value) as one option. */
function setFilter(displayName: string, name: string, what: string, withRequireEvery = true): INodeProperties {
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
			description: 'Comma-separated values',
			displayOptions: { show: { match: ['values', 'exclude_values'] } },
		},
	];
	if (withRequireEvery) {
		values.push({
			displayName: 'Require Every Value',
			name: 'requireEveryValue',
			type: 'boolean',
			default: false,
			description: 'Whether a chat must have all the values (or, with None Of, lack all of them)',
			displayOptions: { show: { match: ['values', 'exclude_values'] } },
		});
	}
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
				setFilter('Customer Countries', 'customerCountries', 'country'),
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
									options: EVENT_TYPES.map((type) => ({ name: type, value: type })),
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
					displayName: 'From',
					name: 'from',
					type: 'dateTime',
					default: '',
					description: 'Only threads from this time on',
				},
				setFilter('Goals', 'goals', 'goal'),
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
				setFilter('Sales', 'sales', 'sale'),
				{
					displayName: 'Surveys',
					name: 'surveys',
					type: 'json',
					default: '[]',
					description: 'Survey filters: [{"type": "post_chat", "exists": true}]',
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

function setFilterValue(context: IExecuteSingleFunctions, raw: unknown, label: string): IDataObject | undefined {
	const filter = (raw as IDataObject | undefined)?.filter as IDataObject | undefined;
	if (!filter) return undefined;
	const match = String(filter.match ?? 'values');
	if (match === 'exists') return { exists: true };
	if (match === 'notExists') return { exists: false };
	const values = textList(filter.values);
	if (!values.length) fail(context, `Filters → ${label}: give at least one value`);
	const result: IDataObject = { [match]: values };
	if (filter.requireEveryValue) result.require_every_value = true;
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
	for (const [name, key, label] of [
		['agents', 'agents', 'Agents'],
		['tags', 'tags', 'Tags'],
		['sales', 'sales', 'Sales'],
		['goals', 'goals', 'Goals'],
		['customerCountries', 'customer_countries', 'Customer Countries'],
	]) {
		const value = setFilterValue(context, chosen[name], label);
		if (value) filters[key] = value;
	}
	const eventTypes = (chosen.eventTypes as IDataObject | undefined)?.filter as IDataObject | undefined;
	if (eventTypes) {
		const types = textList(eventTypes.types);
		if (!types.length) fail(context, 'Filters → Event Types: choose at least one type');
		const value: IDataObject = { [String(eventTypes.match ?? 'values')]: types };
		if (eventTypes.requireEveryValue) value.require_every_value = true;
		filters.event_types = value;
	}
	const jsonFilters: Array<[string, string, string, 'object' | 'array']> = [
		['surveys', 'surveys', 'Surveys', 'array'],
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
	const options = collection(context, 'archiveOptions');
	const body: IDataObject = {};
	if (Object.keys(filters).length) body.filters = filters;
	if (options.sortOrder) body.sort_order = options.sortOrder;
	if (options.highlights) {
		const highlights: IDataObject = {};
		if (options.preTag) highlights.pre_tag = options.preTag;
		if (options.postTag) highlights.post_tag = options.postTag;
		body.highlights = highlights;
	}
	return body;
}
