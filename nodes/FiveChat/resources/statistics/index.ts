import type { INodeProperties } from 'n8n-workflow';

import { readRouting } from '../../../shared/retry';
import { unwrapRecord } from '../../helpers/output';
import { operationSelector } from '../../../shared/descriptions';

export const statisticsDescription: INodeProperties[] = [
	operationSelector('statistics', 'getCurrent', [
		{
			name: 'Get Current',
			value: 'getCurrent',
			action: 'Get current statistics',
			description: 'Conversations, messages, visitors online and average response time of the website',
			routing: readRouting({ method: 'GET', url: '/statistics/current' }, { postReceive: [unwrapRecord] }),
		},
	]),
];
