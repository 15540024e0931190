import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector, outputProperties } from '../../../shared/descriptions';
import { readRouting } from '../../../shared/retry';
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
			routing: readRouting({ method: 'GET', url: '/missedchats' }, { postReceive: [itemsFromEnvelope('chats', 'missedChats'), keepFiltered(chatFields), shapeChats('missed')] }),
		},
	]),
	...returnAllAndLimit(showOnlyForMissedChatGetMany),
	chatFilters(showOnlyForMissedChatGetMany),
	...outputProperties(showOnlyForMissedChatGetMany, 'Social Intents', 'chat', { transcript: true, simplified: 'Main fields and a message count, without the messages' }),
];
