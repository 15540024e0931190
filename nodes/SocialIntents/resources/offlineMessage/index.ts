import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { itemsFromEnvelope, shapeChats } from '../../helpers/chats';
import { chatFilters, chatOutput } from '../../helpers/descriptions';
import { chatFields, keepFiltered } from '../../helpers/filters';

const showOnlyForOfflineMessages = { resource: ['offlineMessage'] };
const showOnlyForOfflineMessageGetMany = { resource: ['offlineMessage'], operation: ['getAll'] };

export const offlineMessageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForOfflineMessages },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many offline messages',
				description: 'Get messages visitors left while no agent was online',
				routing: {
					request: { method: 'GET', url: '/offlinemessages' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: {
						postReceive: [
							itemsFromEnvelope('chats', 'offlineMessages', 'messages'),
							keepFiltered(chatFields),
							shapeChats('offline'),
						],
					},
				},
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit(showOnlyForOfflineMessageGetMany),
	chatFilters(showOnlyForOfflineMessageGetMany),
	chatOutput(showOnlyForOfflineMessageGetMany),
];
