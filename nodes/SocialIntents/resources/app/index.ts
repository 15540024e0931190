import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { readRouting } from '../../../shared/retry';
import { itemsFromEnvelope } from '../../helpers/output';

export const appDescription: INodeProperties[] = [
	operationSelector('app', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many apps',
			description: 'Get the apps (chat widgets) of the account',
			routing: readRouting({ method: 'GET', url: '/apps' }, { postReceive: [itemsFromEnvelope('apps', 'widgets')] }),
		},
	]),
	...returnAllAndLimit({ resource: ['app'], operation: ['getAll'] }),
];
