import type { INodeProperties } from 'n8n-workflow';

import { readRouting } from '../../../shared/retry';
import { operationSelector } from '../../../shared/descriptions';

export const healthDescription: INodeProperties[] = [
	operationSelector('health', 'check', [
		{
			name: 'Check',
			value: 'check',
			action: 'Check the health of the API',
			description: 'Whether the 5chat API is up, with its current time',
			routing: readRouting({ method: 'GET', url: '/health' }),
		},
	]),
];
