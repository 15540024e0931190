import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { listItems } from '../../helpers/envelope';

const showOnlyForChannels = { resource: ['channel'] };

export const channelDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForChannels },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many channels',
				description: 'Get every channel with the agents (users) in it',
				routing: {
					request: { method: 'GET', url: '/objects/channels-and-users/list' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: { postReceive: [listItems] },
				},
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit({ resource: ['channel'], operation: ['getAll'] }),
];
