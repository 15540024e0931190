import type { INodeProperties } from 'n8n-workflow';

import { singleRead } from '../../../shared/retry';
import { accountItem } from '../../helpers/envelope';

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the account',
				description: 'Get the organization’s account information (the API key it repeats is left out)',
				routing: {
					request: { method: 'GET', url: '/account' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: { postReceive: [accountItem] },
				},
			},
		],
		default: 'get',
	},
];
