import type { INodeProperties } from 'n8n-workflow';

import { singleRead } from '../../../shared/retry';
import { dateOptions, requiredDates, SUMMARY_DATES } from '../../helpers/dateRange';
import { dataItem } from '../../helpers/envelope';

const showOnlyForSummaryGet = { resource: ['summary'], operation: ['get'] };

export const summaryDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['summary'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a conversation summary',
				description: 'Get visitor and contact counts per channel (web, Facebook Messenger, SMS) for a date range',
				routing: {
					request: { method: 'GET', url: '/conversations/summary' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: { postReceive: [dataItem] },
				},
			},
		],
		default: 'get',
	},
	...requiredDates(showOnlyForSummaryGet, 'summary'),
	dateOptions(showOnlyForSummaryGet, 'required', SUMMARY_DATES),
];
