import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { listItems } from '../../helpers/output';

export const tagDescription: INodeProperties[] = [
	operationSelector('tag', 'getAll', [
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
	]),
	...returnAllAndLimit({ resource: ['tag'], operation: ['getAll'] }),
];
