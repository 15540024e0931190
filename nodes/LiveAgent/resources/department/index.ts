import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { sendPathId } from '../../../shared/validate';
import { departmentParameter, only, operation } from '../../helpers/descriptions';

const resource = 'department';

/** Departments (paths and answer keys: hostinger/ladesk-php, kmanley/goliveagent; FACTS.md). */
export const departmentDescription: INodeProperties[] = [
	operationSelector(resource, 'getAll', [
		operation({ name: 'Get', value: 'get', action: 'Get a department', description: 'Get a department’s name, description and online status', method: 'GET', url: '/departments/{id}' }),
		operation({ name: 'Get Agent Statuses', value: 'getAgentStatuses', action: 'Get the agent statuses of a department', description: 'Get every agent of a department with their online status', method: 'GET', url: '/departments/{id}/agents', listKey: 'agents' }),
		operation({ name: 'Get Many', value: 'getAll', action: 'Get many departments', description: 'Get every department of the account', method: 'GET', url: '/departments', listKey: 'departments' }),
	]),
	{
		...departmentParameter({ show: only(resource, 'get', 'getAgentStatuses') }, true, 'departmentId'),
		routing: { send: { preSend: [sendPathId('departmentId', 'Department')] } },
	},
	...returnAllAndLimit(only(resource, 'getAll', 'getAgentStatuses')),
];
