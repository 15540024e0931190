import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { only, operation } from '../../helpers/descriptions';

const resource = 'onlineStatus';

/** Who is online now (paths and answer keys: hostinger/ladesk-php, kmanley/goliveagent; FACTS.md). */
export const onlineStatusDescription: INodeProperties[] = [
	operationSelector(resource, 'getAgents', [
		operation({ name: 'Get Agents', value: 'getAgents', action: 'Get the online status of agents', description: 'Get the online status of every agent', method: 'GET', url: '/onlinestatus/agents', listKey: 'agentsOnlineStates' }),
		operation({ name: 'Get Departments', value: 'getDepartments', action: 'Get the online status of departments', description: 'Get every department’s online status and its conversation counts', method: 'GET', url: '/onlinestatus/departments', listKey: 'departmentsOnlineStates' }),
	]),
	...returnAllAndLimit(only(resource, 'getAgents', 'getDepartments')),
];
