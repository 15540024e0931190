import type { INodeProperties } from 'n8n-workflow';

import { readRouting } from '../../../shared/retry';
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
			routing: readRouting({ method: 'GET', url: '/conversations/summary' }, { postReceive: [dataItem] }),
		},
	]),
	...requiredDates(showOnlyForSummaryGet, 'summary'),
	dateOptions(showOnlyForSummaryGet, 'required', SUMMARY_DATES),
];
