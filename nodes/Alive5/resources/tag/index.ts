import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { listItems } from '../../helpers/envelope';

const showOnlyForTags = { resource: ['tag'] };

export const tagDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForTags },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tags',
				description: 'Get every tag of the organization (ID and label)',
				routing: {
					request: { method: 'GET', url: '/objects/tags/list' },
					send: { paginate: true },
					operations: { pagination: singleRead },
					output: { postReceive: [listItems] },
				},
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit({ resource: ['tag'], operation: ['getAll'] }),
];
