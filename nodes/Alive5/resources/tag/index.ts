import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { readRouting } from '../../../shared/retry';
import { listItems } from '../../helpers/output';

export const tagDescription: INodeProperties[] = [
	operationSelector('tag', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tags',
			description: 'Get every tag of the organization (ID and label)',
			routing: readRouting({ method: 'GET', url: '/objects/tags/list' }, { postReceive: [listItems] }),
		},
	]),
	...returnAllAndLimit({ resource: ['tag'], operation: ['getAll'] }),
];
