import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, outputProperties, returnAllAndLimit } from '../../../shared/descriptions';
import { list } from '../../helpers/descriptions';
import { rawFiltersParameter, sendListQuery, sortOptions } from '../../helpers/filters';
import { shapeChats } from '../../helpers/transcript';

const show = (...operation: string[]) => ({ resource: ['chat'], operation });

/** ChatsApi (client liveagent_api/api/chats_api.py): its one call, the list of chats (ChatInformation). */
export const chatDescription: INodeProperties[] = [
	operationSelector('chat', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chats',
			description: 'List chats, filtered and sorted, page by page, or as normalized transcripts (ChatsApi.get_chats_list)',
			routing: list(
				'/chats',
				[
					sendListQuery([
						{ name: 'agent', label: 'Agent', column: 'agentId', operator: '=' },
						{ name: 'department', label: 'Department', column: 'departmentId', operator: '=' },
						{ name: 'startedSince', label: 'Started Since', column: 'date_created', operator: '>=', date: true },
						{ name: 'status', label: 'Status', column: 'status', operator: '=' },
					]),
				],
				[shapeChats],
			),
		},
	]),
	...returnAllAndLimit(show('getAll')),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: show('getAll') },
		options: [
			{ displayName: 'Agent Name or ID', name: 'agent', type: 'options', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>', typeOptions: { loadOptionsMethod: 'getAgents' }, default: '' },
			{ displayName: 'Department Name or ID', name: 'department', type: 'options', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>', typeOptions: { loadOptionsMethod: 'getDepartments' }, default: '' },
			{ displayName: 'Started Since', name: 'startedSince', type: 'dateTime', default: '', description: 'Chats started on or after this time' },
			{ displayName: 'Status', name: 'status', type: 'string', default: '', placeholder: 'T', description: 'The chat’s status letter, as on tickets (T chatting, R resolved, …)' },
		],
	},
	rawFiltersParameter(show('getAll'), 'id, subject, status, departmentId, agentId, date_created, tags'),
	sortOptions(show('getAll'), 'date_created or chat_order'),
	...outputProperties(show('getAll'), 'LiveAgent', 'chat', { transcript: true }),
];
