import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { conversationOutput, shapeConversations } from '../../helpers/conversations';
import { dateFilters, dateOptions, keepDateRange, LIST_DATES } from '../../helpers/dateRange';
import { listItems } from '../../helpers/envelope';

const show = { resource: ['smsConversation'], operation: ['getAll'] };

export const smsConversationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['smsConversation'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many SMS conversations',
				description: 'Get the SMS conversations of a date range with their messages',
				routing: {
					request: { method: 'GET', url: '/conversations/sms' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: { postReceive: [listItems, keepDateRange, shapeConversations('sms')] },
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
