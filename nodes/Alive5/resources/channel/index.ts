import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { readRouting } from '../../../shared/retry';
import { listItems } from '../../helpers/output';

export const channelDescription: INodeProperties[] = [
	operationSelector('channel', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many channels',
			description: 'Get every channel with the agents (users) in it',
			routing: readRouting({ method: 'GET', url: '/objects/channels-and-users/list' }, { postReceive: [listItems] }),
		},
	]),
	...returnAllAndLimit({ resource: ['channel'], operation: ['getAll'] }),
];
