import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import { collection, fail, requireText, rfc3339 } from '../helpers/params';
import { idField, operation, operationSelector } from './common';

const show = (...operations: string[]) => ({ resource: ['thread'], operation: operations });

export const threadDescription: INodeProperties[] = [
	operationSelector(
		'thread',
		[
			operation({
				name: 'List',
				value: 'list',
				action: 'list_threads',
				description: 'List the threads of a chat, with their events',
				read: { keep: ['chat_id'] },
				items: 'threads',
				body() {
					const body: IDataObject = { chat_id: requireText(this, 'chatId', 'Chat ID') };
					const options = collection(this, 'threadFilters');
					const from = rfc3339(this, 'threadFilters.from', 'Filters → From');
					const to = rfc3339(this, 'threadFilters.to', 'Filters → To');
					if (from && to && from > to) fail(this, 'Filters → From is after Filters → To');
					if (from || to) body.filters = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
					if (options.sortOrder) body.sort_order = options.sortOrder;
					return body;
				},
			}),
		],
		'list',
	),
	idField('Chat ID', 'chatId', show('list'), 'PWJ8Y4THAV'),
	...returnAllAndLimit(show('list')),
	{
		displayName: 'Filters',
		name: 'threadFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: show('list') },
		options: [
			{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: 'Only threads from this time on' },
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				default: 'desc',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
			},
			{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'Only threads up to this time' },
		],
	},
];
