import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector, outputProperties } from '../../../shared/descriptions';
import { readRouting } from '../../../shared/retry';
import { shapeConversations } from '../../helpers/transcript';
import { dateFilters, dateOptions, keepDateRange, LIST_DATES } from '../../helpers/dates';
import { listItems } from '../../helpers/output';

const show = { resource: ['fbmConversation'], operation: ['getAll'] };

export const fbmConversationDescription: INodeProperties[] = [
	operationSelector('fbmConversation', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many Facebook Messenger conversations',
			description: 'Get the Facebook Messenger conversations of a date range with their messages',
			routing: readRouting({ method: 'GET', url: '/conversations/fbm' }, { postReceive: [listItems, keepDateRange, shapeConversations('facebook')] }),
		},
	]),
	...returnAllAndLimit(show),
	dateFilters(show, 'conversations'),
	dateOptions(show, 'filters', LIST_DATES),
	...outputProperties(show, 'Alive5', 'conversation', { transcript: true, simplified: 'Main fields and a message count, without the messages' }),
];
