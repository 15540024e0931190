import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { itemsFromEnvelope, shapeChats } from '../../helpers/chats';
import { chatFilters, chatOutput } from '../../helpers/descriptions';
import { chatFields, keepFiltered } from '../../helpers/filters';

const showOnlyForMissedChats = { resource: ['missedChat'] };
const showOnlyForMissedChatGetMany = { resource: ['missedChat'], operation: ['getAll'] };

export const missedChatDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForMissedChats },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many missed chats',
				description: 'Get chats that no agent answered',
				routing: {
					request: { method: 'GET', url: '/missedchats' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: {
						postReceive: [itemsFromEnvelope('chats', 'missedChats'), keepFiltered(chatFields), shapeChats('missed')],
					},
				},
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit(showOnlyForMissedChatGetMany),
	chatFilters(showOnlyForMissedChatGetMany),
	chatOutput(showOnlyForMissedChatGetMany),
];
