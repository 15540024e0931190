import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { itemsFromEnvelope } from '../../helpers/chats';

const showOnlyForApps = { resource: ['app'] };

export const appDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForApps },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many apps',
				description: 'Get the apps (chat widgets) of the account',
				routing: {
					request: { method: 'GET', url: '/apps' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: { postReceive: [itemsFromEnvelope('apps', 'widgets')] },
				},
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit({ resource: ['app'], operation: ['getAll'] }),
];
