import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector, outputProperties } from '../../../shared/descriptions';
import { readRouting } from '../../../shared/retry';
import { itemsFromEnvelope } from '../../helpers/output';
import { shapeChats } from '../../helpers/transcript';
import { chatFilters } from '../../helpers/descriptions';
import { chatFields, keepFiltered } from '../../helpers/filters';

const showOnlyForOfflineMessageGetMany = { resource: ['offlineMessage'], operation: ['getAll'] };

export const offlineMessageDescription: INodeProperties[] = [
	operationSelector('offlineMessage', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many offline messages',
			description: 'Get messages visitors left while no agent was online',
			routing: readRouting({ method: 'GET', url: '/offlinemessages' }, { postReceive: [itemsFromEnvelope('chats', 'offlineMessages', 'messages'), keepFiltered(chatFields), shapeChats('offline')] }),
		},
	]),
	...returnAllAndLimit(showOnlyForOfflineMessageGetMany),
	chatFilters(showOnlyForOfflineMessageGetMany),
	...outputProperties(showOnlyForOfflineMessageGetMany, 'Social Intents', 'chat', { transcript: true, simplified: 'Main fields and a message count, without the messages' }),
];
