import type { INodeProperties } from 'n8n-workflow';

import { singleRead } from '../../../shared/retry';
import { unwrapRecord } from '../../helpers/output';
import { operationSelector } from '../../../shared/descriptions';

export const statisticsDescription: INodeProperties[] = [
	operationSelector('statistics', 'getCurrent', [
		{
			name: 'Get Current',
			value: 'getCurrent',
			action: 'Get current statistics',
			description: 'Conversations, messages, visitors online and average response time of the website',
			routing: {
				request: { method: 'GET', url: '/statistics/current' },
				send: { paginate: true },
				operations: { pagination: singleRead },
				output: { postReceive: [unwrapRecord] },
			},
		},
	]),
];
