import type { INodeProperties } from 'n8n-workflow';

import { singleRead } from '../../../shared/retry';
import { itemsFromEnvelope, shapeChats } from '../../helpers/chats';
import { chatFields, keepFiltered } from '../../helpers/filters';
import { chatGetDescription, chatGetOneFromList } from './get';
import { chatGetAllDescription } from './getAll';

const showOnlyForChats = { resource: ['chat'] };

export const chatDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForChats },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a chat',
				description: 'Get one answered chat with its transcript',
				routing: {
					request: { method: 'GET', url: '/chats' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: {
						postReceive: [itemsFromEnvelope('chats'), chatGetOneFromList, shapeChats('closed')],
					},
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many chats',
				description: 'Get answered chats with their transcripts',
				routing: {
					request: { method: 'GET', url: '/chats' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: { postReceive: [itemsFromEnvelope('chats'), keepFiltered(chatFields), shapeChats('closed')] },
				},
			},
		],
		default: 'getAll',
	},
	...chatGetDescription,
	...chatGetAllDescription,
];
