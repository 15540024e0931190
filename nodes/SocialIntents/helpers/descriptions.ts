import type { INodeProperties } from 'n8n-workflow';

import { sendDateRange, validateTimeZone } from '../../shared/validate';
import type { Show } from '../../shared/descriptions';

/** An app (chat widget) picked from a dropdown, or given by ID. */
export function appLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'App',
		name: 'appId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The Social Intents app (chat widget)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchApps', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '402881ca479973440147997a99b00000',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: 'Not a valid app ID' },
					},
				],
			},
		],
		...overrides,
	};
}

/** The documented filters of /chats, which /missedchats and /offlinemessages share. */
export function chatFilters(show: Show, extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		routing: {
			send: {
				preSend: [
					sendDateRange({
						from: { parameter: 'filters.dateFrom', label: 'Filters → Date From', query: 'date_from' },
						to: { parameter: 'filters.dateTo', label: 'Filters → Date To', query: 'date_to' },
						format: 'yyyy-MM-dd',
					}),
					validateTimeZone('filters.timezone', 'Filters → Time Zone'),
				],
			},
		},
		options: [
			appLocator({ description: 'Only chats of this app (chat widget)', routing: { send: { type: 'query', property: 'app_id' } } }),
			{
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description: 'Only chats on or after this day (the API filters by whole days)',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Only chats on or before this day (the API filters by whole days)',
			},
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description: 'Only chats that carry this tag',
				routing: { send: { type: 'query', property: 'tag' } },
			},

			{
				displayName: 'Time Zone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'America/New_York',
				description:
					'Time zone in which the days are counted and the start dates are written. Empty means the account’s own.',
				routing: { send: { type: 'query', property: 'timezone' } },
			},
			{
				displayName: 'Visitor Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'name@email.com',
				description: 'Only chats of the visitor with this email address',
				routing: { send: { type: 'query', property: 'email' } },
			},
			{
				displayName: 'Visitor ID',
				name: 'visitorId',
				type: 'string',
				default: '',
				description: 'Only chats of this visitor (the unique visitor ID)',
				routing: { send: { type: 'query', property: 'visitor_id' } },
			},
			...extra,
		],
	};
}

