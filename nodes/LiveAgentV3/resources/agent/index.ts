import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, returnAllAndLimit } from '../../../shared/descriptions';
import { idParameter, list, read } from '../../helpers/descriptions';
import { rawFiltersParameter, sendListQuery, sortOptions } from '../../helpers/filters';

const show = (...operation: string[]) => ({ resource: ['agent'], operation });

/** AgentsApi (client liveagent_api/api/agents_api.py): the reads; Agent (models/agent.py), AgentStatus (agent_status.py). */
export const agentDescription: INodeProperties[] = [
	operationSelector('agent', 'getAll', [
		{ name: 'Get', value: 'get', action: 'Get an agent', description: 'Get an agent by ID (AgentsApi.get_agent)', routing: read({ method: 'GET', url: '/agents/{id}' }) },
		{ name: 'Get Many', value: 'getAll', action: 'Get many agents', description: 'List agents, filtered and sorted, page by page (AgentsApi.get_agents)', routing: list('/agents', [sendListQuery([])]) },
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get the status of an agent',
			description: 'The agent’s online and preset status in each of their departments (AgentsApi.get_agent_statuses)',
			routing: read({ method: 'GET', url: '/agents/{id}/status' }),
		},
	]),
	{
		...idParameter(show('get', 'getStatus'), 'agentId', 'Agent Name or ID', ''),
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	...returnAllAndLimit(show('getAll')),
	rawFiltersParameter(show('getAll'), 'id, name, email, role, online_status, status'),
	sortOptions(show('getAll'), 'name or email'),
];
