import type { INodeProperties } from 'n8n-workflow';

import { readRouting } from '../../../shared/retry';
import { itemsFromEnvelope } from '../../helpers/output';
import { shapeChats } from '../../helpers/transcript';
import { chatFields, keepFiltered } from '../../helpers/filters';
import { chatGetDescription, chatGetOneFromList } from './get';
import { chatGetAllDescription } from './getAll';
import { operationSelector } from '../../../shared/descriptions';

export const chatDescription: INodeProperties[] = [
	operationSelector('chat', 'getAll', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a chat',
			description: 'Get one answered chat with its transcript',
			routing: readRouting({ method: 'GET', url: '/chats' }, { postReceive: [itemsFromEnvelope('chats'), chatGetOneFromList, shapeChats('closed')] }),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chats',
			description: 'Get answered chats with their transcripts',
			routing: readRouting({ method: 'GET', url: '/chats' }, { postReceive: [itemsFromEnvelope('chats'), keepFiltered(chatFields), shapeChats('closed')] }),
		},
	]),
	...chatGetDescription,
	...chatGetAllDescription,
];
