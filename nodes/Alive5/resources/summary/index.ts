import type { INodeProperties } from 'n8n-workflow';

import { singleRead } from '../../../shared/retry';
import { dateOptions, requiredDates, SUMMARY_DATES } from '../../helpers/dates';
import { dataItem } from '../../helpers/output';
import { operationSelector } from '../../../shared/descriptions';

const showOnlyForSummaryGet = { resource: ['summary'], operation: ['get'] };

export const summaryDescription: INodeProperties[] = [
	operationSelector('summary', 'get', [
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
	]),
	...requiredDates(showOnlyForSummaryGet, 'summary'),
	dateOptions(showOnlyForSummaryGet, 'required', SUMMARY_DATES),
];
