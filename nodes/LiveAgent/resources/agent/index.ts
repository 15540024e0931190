import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { idParameter, only, operation } from '../../helpers/descriptions';

export const agentDescription: INodeProperties[] = [
	operationSelector('agent', 'get', [
		operation({ name: 'Get', value: 'get', action: 'Get an agent', description: 'Get an agent’s details and auth token', method: 'GET', url: '/agents/{id}' }),
	]),
	idParameter(only('agent', 'get'), 'agentId', 'Agent', 'The agent’s email or userid', 'agent@example.com'),
];
