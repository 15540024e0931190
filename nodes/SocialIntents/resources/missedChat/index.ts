import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector, outputProperties } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { itemsFromEnvelope } from '../../helpers/output';
import { shapeChats } from '../../helpers/transcript';
import { chatFilters } from '../../helpers/descriptions';
import { chatFields, keepFiltered } from '../../helpers/filters';

const showOnlyForMissedChatGetMany = { resource: ['missedChat'], operation: ['getAll'] };

export const missedChatDescription: INodeProperties[] = [
	operationSelector('missedChat', 'getAll', [
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
	]),
	...returnAllAndLimit(showOnlyForMissedChatGetMany),
	chatFilters(showOnlyForMissedChatGetMany),
	...outputProperties(showOnlyForMissedChatGetMany, 'Social Intents', 'chat', { transcript: true, simplified: 'Main fields and a message count, without the messages' }),
];
