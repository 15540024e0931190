import type { INodeProperties } from 'n8n-workflow';

import { singleRead } from '../../shared/retry';
import { unwrapRecord } from '../helpers/shape';

export const statisticsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['statistics'] } },
		options: [
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
		],
		default: 'getCurrent',
	},
];

export const healthDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['health'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				action: 'Check the health of the API',
				description: 'Whether the 5chat API is up, with its current time',
				routing: {
					request: { method: 'GET', url: '/health' },
					send: { paginate: true },
					operations: { pagination: singleRead },
				},
			},
		],
		default: 'check',
	},
];
