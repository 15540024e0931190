import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { conversationOutput, shapeConversations } from '../../helpers/conversations';
import { dateFilters, dateOptions, keepDateRange, LIST_DATES } from '../../helpers/dateRange';
import { listItems } from '../../helpers/envelope';

const show = { resource: ['fbmConversation'], operation: ['getAll'] };

export const fbmConversationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fbmConversation'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				// eslint-disable-next-line n8n-nodes-base/node-param-operation-option-action-miscased -- a brand name keeps its capitals
				action: 'Get many Facebook Messenger conversations',
				description: 'Get the Facebook Messenger conversations of a date range with their messages',
				routing: {
					request: { method: 'GET', url: '/conversations/fbm' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: { postReceive: [listItems, keepDateRange, shapeConversations('facebook')] },
				},
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit(show),
	dateFilters(show, 'conversations'),
	dateOptions(show, 'filters', LIST_DATES),
	conversationOutput(show),
];
