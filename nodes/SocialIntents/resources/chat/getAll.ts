import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, outputProperties } from '../../../shared/descriptions';
import { chatFilters } from '../../helpers/descriptions';

const showOnlyForChatGetMany = { resource: ['chat'], operation: ['getAll'] };

export const chatGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForChatGetMany),
	chatFilters(showOnlyForChatGetMany),
	...outputProperties(showOnlyForChatGetMany, 'Social Intents', 'chat', { transcript: true, simplified: 'Main fields and a message count, without the messages' }),
];
