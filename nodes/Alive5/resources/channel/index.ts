import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { listItems } from '../../helpers/output';

export const channelDescription: INodeProperties[] = [
	operationSelector('channel', 'getAll', [
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
	]),
	...returnAllAndLimit({ resource: ['channel'], operation: ['getAll'] }),
];
