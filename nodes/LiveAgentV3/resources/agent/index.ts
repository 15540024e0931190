import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { operationSelector, returnAllAndLimit } from '../../../shared/descriptions';
import { requireText } from '../../../shared/validate';
import type { BodyField } from '../../helpers/descriptions';
import { idParameter, list, read, sendBody, write } from '../../helpers/descriptions';
import { rawFiltersParameter, sendListQuery, sortOptions } from '../../helpers/filters';

const show = (...operation: string[]) => ({ resource: ['agent'], operation });

/** The fields of Agent (models/agent.py) a workflow may set, under their JSON names (attribute_map: roleId). */
const agentFields: Array<BodyField & { description?: string }> = [
	{ name: 'avatarUrl', property: 'avatar_url', label: 'Avatar URL' },
	{ name: 'email', property: 'email', label: 'Email' },
	{ name: 'gender', property: 'gender', label: 'Gender', description: 'M or F' },
	{ name: 'name', property: 'name', label: 'Name' },
	{ name: 'role', property: 'role', label: 'Role', description: 'Such as agent, admin or owner' },
	{ name: 'roleId', property: 'roleId', label: 'Role ID' },
];
const agentFieldOptions: INodeProperties[] = agentFields.map((field) => ({ displayName: field.label, name: field.name, type: 'string', default: '', description: field.description }));

/** preSend of Undelete: undelete_agent takes an Agent body and no path ID; the deleted agent's `id` goes in it. */
async function sendUndeleteId(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	requestOptions.body = { id: requireText.call(this, 'deletedAgentId', 'Deleted Agent ID') };
	return requestOptions;
}

/** preSend of Set Voice Status: update_call_settings's required `voiceStatus`, in the query. */
async function sendVoiceStatus(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	requestOptions.qs = { ...requestOptions.qs, voiceStatus: requireText.call(this, 'voiceStatus', 'Voice Status') };
	return requestOptions;
}

/**
 * AgentsApi (client liveagent_api/api/agents_api.py): every call it has. Agent (models/agent.py),
 * AgentStatus (agent_status.py), AgentActivity (agent_activity.py), LoginKey (login_key.py);
 * the changes answer Agent or OkResponse.
 */
export const agentDescription: INodeProperties[] = [
	operationSelector('agent', 'getAll', [
		{
			name: 'Convert Visitor',
			value: 'convert',
			action: 'Make a registered visitor an agent',
			description: 'Make an agent of a registered visitor, found by email (AgentsApi.convert_registered_visitor)',
			routing: write({ method: 'POST', url: '/agents/convert' }, [sendBody('convertFields', 'Additional Fields', agentFields.filter((field) => field.name !== 'email'), { required: [{ name: 'visitorEmail', property: 'email', label: 'Visitor Email' }] })]),
		},
		{ name: 'Delete', value: 'delete', action: 'Delete an agent', description: 'Delete an agent; Undelete brings them back (AgentsApi.delete_agent)', routing: write({ method: 'DELETE', url: '/agents/{id}' }) },
		{ name: 'Get', value: 'get', action: 'Get an agent', description: 'Get an agent by ID (AgentsApi.get_agent)', routing: read({ method: 'GET', url: '/agents/{id}' }) },
		{
			name: 'Get Activity',
			value: 'getActivity',
			action: 'Get the activity of agents',
			description: 'Each agent’s status and the tickets they are working on, page by page (AgentsApi.get_agents_activity)',
			routing: list('/agents/activity', [sendListQuery([])]),
		},
		{
			name: 'Get Login Key',
			value: 'getLoginKey',
			action: 'Get the login key of an agent',
			description: 'A key that logs the agent in (AgentsApi.login_key)',
			routing: read({ method: 'GET', url: '/agents/{id}/login_key' }),
		},
		{ name: 'Get Many', value: 'getAll', action: 'Get many agents', description: 'List agents, filtered and sorted, page by page (AgentsApi.get_agents)', routing: list('/agents', [sendListQuery([])]) },
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get the status of an agent',
			description: 'The agent’s online and preset status in each of their departments (AgentsApi.get_agent_statuses)',
			routing: read({ method: 'GET', url: '/agents/{id}/status' }),
		},
		{ name: 'Log Out', value: 'logout', action: 'Log out an agent', description: 'End the agent’s session (AgentsApi.logout_agent)', routing: write({ method: 'POST', url: '/agents/{id}/_logout' }) },
		{ name: 'Pause', value: 'pause', action: 'Pause an agent', description: 'Pause the agent (AgentsApi.pause_agent; the client has no call that unpauses)', routing: write({ method: 'POST', url: '/agents/{id}/_pause' }) },
		{
			name: 'Set Voice Status',
			value: 'setVoiceStatus',
			action: 'Set the voice status of an agent',
			description: 'The agent’s general voice status (AgentsApi.update_call_settings)',
			routing: write({ method: 'POST', url: '/agents/{id}/updateVoiceStatus' }, [sendVoiceStatus]),
		},
		{ name: 'Undelete', value: 'undelete', action: 'Undelete an agent', description: 'Bring back a deleted agent (AgentsApi.undelete_agent)', routing: write({ method: 'POST', url: '/agents/undelete' }, [sendUndeleteId]) },
		{ name: 'Update', value: 'update', action: 'Update an agent', description: 'Change fields of an agent (AgentsApi.update_agent)', routing: write({ method: 'PUT', url: '/agents/{id}' }, [sendBody('updateFields', 'Update Fields', agentFields, { atLeastOne: true })]) },
	]),
	{
		...idParameter(show('delete', 'get', 'getLoginKey', 'getStatus', 'logout', 'pause', 'setVoiceStatus', 'update'), 'agentId', 'Agent Name or ID', ''),
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	// a deleted agent is not in the dropdown's list
	{ displayName: 'Deleted Agent ID', name: 'deletedAgentId', type: 'string', required: true, default: '', displayOptions: { show: show('undelete') } },
	{ displayName: 'Visitor Email', name: 'visitorEmail', type: 'string', placeholder: 'name@email.com', required: true, default: '', displayOptions: { show: show('convert') }, description: 'The email of the registered visitor (a contact of type R)' },
	{ displayName: 'Additional Fields', name: 'convertFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show: show('convert') }, options: agentFieldOptions.filter((field) => field.name !== 'email') },
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show: show('update') }, options: agentFieldOptions },
	{
		displayName: 'Voice Status',
		name: 'voiceStatus',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: show('setVoiceStatus') },
		description: 'The value of Agent’s voice_status (the client types it as text and lists no values)',
	},
	...returnAllAndLimit(show('getAll', 'getActivity')),
	rawFiltersParameter(show('getAll', 'getActivity'), 'agents: id, name, email, role, online_status, status; activity: id, agent_status'),
	sortOptions(show('getAll', 'getActivity'), 'name or email (agents), id (activity)'),
];
