import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector, idField } from '../../../shared/descriptions';
import { collection, fail, requireText, rfc3339 } from '../../helpers/params';
import { operation } from '../../helpers/descriptions';

const show = (...operations: string[]) => ({ resource: ['thread'], operation: operations });

export const threadDescription: INodeProperties[] = [
	operationSelector(
		'thread',
		'list',
		[
			operation({
				name: 'List',
				value: 'list',
				action: 'list_threads',
				title: 'Get many threads of a chat',
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
					if (options.minEventsCount !== undefined) {
						const count = Number(options.minEventsCount);
						if (!Number.isInteger(count) || count < 1 || count > 100) {
							fail(this, 'Filters → Min Events Count must be a whole number from 1 to 100');
						}
						// list_threads refuses min_events_count beside filters (and beside limit: see liveChatCursor).
						if (from || to) fail(this, 'Filters → Min Events Count cannot be combined with From or To', 'LiveChat refuses min_events_count beside filters.');
						body.min_events_count = count;
					}
					return body;
				},
			}),
			operation({
				name: 'Request Summary',
				value: 'requestSummary',
				action: 'request_thread_summary',
				title: 'Request a thread summary',
				description: 'Ask LiveChat for an AI summary of a thread (a closed thread can be summarized once)',
				body() {
					return {
						chat_id: requireText(this, 'chatId', 'Chat ID'),
						thread_id: requireText(this, 'threadId', 'Thread ID'),
					};
				},
			}),
		],
	),
	idField('Chat ID', 'chatId', show('list', 'requestSummary'), 'PWJ8Y4THAV'),
	idField('Thread ID', 'threadId', show('requestSummary'), 'K600PKZON8'),
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
				displayName: 'Min Events Count',
				name: 'minEventsCount',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 10,
				description:
					'Return as many of the latest threads as hold at least this many events in total (1–100). LiveChat then takes no page size and no From / To.',
			},
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
