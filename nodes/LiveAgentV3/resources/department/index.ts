import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { operationSelector, returnAllAndLimit } from '../../../shared/descriptions';
import { pathSegment } from '../../../shared/validate';
import { idParameter, list, read } from '../../helpers/descriptions';
import { rawFiltersParameter, sendListQuery, sortOptions } from '../../helpers/filters';

const show = (...operation: string[]) => ({ resource: ['department'], operation });

/** preSend of Check Agent: the agent's ID as the last path step, escaped. */
async function sendAgentStep(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	requestOptions.url = String(requestOptions.url).replace('{agent}', pathSegment.call(this, 'agentId', 'Agent Name or ID'));
	return requestOptions;
}

/** DepartmentsApi (client liveagent_api/api/departments_api.py); Department (models/department.py). */
export const departmentDescription: INodeProperties[] = [
	operationSelector('department', 'getAll', [
		{
			name: 'Check Agent',
			value: 'checkAgent',
			action: 'Check whether an agent is in a department',
			description: 'Succeeds when the agent is in the department; LiveAgent answers 404 when not (DepartmentsApi.if_agent_is_in_department)',
			routing: read({ method: 'GET', url: '/departments/{id}/{agent}' }, { send: { paginate: true, preSend: [sendAgentStep] } }),
		},
		{ name: 'Get', value: 'get', action: 'Get a department', description: 'Get a department with its agents (DepartmentsApi.get_specific_department)', routing: read({ method: 'GET', url: '/departments/{id}' }) },
		{ name: 'Get Many', value: 'getAll', action: 'Get many departments', description: 'List departments, page by page (DepartmentsApi.get_department_list)', routing: list('/departments', [sendListQuery([])]) },
	]),
	{
		...idParameter(show('checkAgent', 'get'), 'departmentId', 'Department Name or ID', ''),
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDepartments' },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Agent Name or ID',
		name: 'agentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		required: true,
		default: '',
		displayOptions: { show: show('checkAgent') },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	...returnAllAndLimit(show('getAll')),
	rawFiltersParameter(show('getAll'), 'department_id, name, online_status'),
	sortOptions(show('getAll'), 'name'),
];
