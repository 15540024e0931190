import type { INodeProperties } from 'n8n-workflow';

import { readRouting } from '../../../shared/retry';
import { accountItem } from '../../helpers/output';
import { operationSelector } from '../../../shared/descriptions';

export const accountDescription: INodeProperties[] = [
	operationSelector('account', 'get', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the account',
			description: 'Get the organization’s account information (the API key it repeats is left out)',
			routing: readRouting({ method: 'GET', url: '/account' }, { postReceive: [accountItem] }),
		},
	]),
];
