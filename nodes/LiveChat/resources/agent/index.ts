import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { groupList, requireText } from '../../helpers/params';
import { operationSelector, idField } from '../../../shared/descriptions';
import { groupsField, operation } from '../../helpers/descriptions';

const show = (...operations: string[]) => ({ resource: ['agent'], operation: operations });

export const agentDescription: INodeProperties[] = [
	operationSelector(
		'agent',
		'setRoutingStatus',
		[
			operation({
				name: 'List Agents for Transfer',
				value: 'listForTransfer',
				action: 'list_agents_for_transfer',
				title: 'Get many agents for a transfer',
				description: 'List the agents a chat can be transferred to, least busy first',
				read: 'single',
				body() {
					return { chat_id: requireText(this, 'chatId', 'Chat ID') };
				},
			}),
			operation({
				name: 'List Routing Statuses',
				value: 'listRoutingStatuses',
				action: 'list_routing_statuses',
				title: 'Get many agent routing statuses',
				description: 'List whether each agent accepts chats',
				read: 'single',
				body() {
					const groups = groupList(this, this.getNodeParameter('groupIds', []), 'Groups');
					return groups.length ? { filters: { group_ids: groups } } : {};
				},
			}),
			operation({
				name: 'Set Routing Status',
				value: 'setRoutingStatus',
				action: 'set_routing_status',
				title: 'Set the routing status of an agent',
				description: 'Set whether an agent (or you) accepts chats',
				body() {
					const body: IDataObject = { status: this.getNodeParameter('status', 'accepting_chats') as string };
					const agent = String(this.getNodeParameter('agentId', '') ?? '').trim();
					if (agent) body.agent_id = agent;
					return body;
				},
			}),
		],
	),
	idField('Chat ID', 'chatId', show('listForTransfer'), 'PJ0MRSHTDG'),
	{ ...groupsField('groupIds', 'Groups', 'Only agents of these groups; none for all'), displayOptions: { show: show('listRoutingStatuses') } },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'accepting_chats',
		displayOptions: { show: show('setRoutingStatus') },
		options: [
			{ name: 'Accepting Chats', value: 'accepting_chats' },
			{ name: 'Not Accepting Chats', value: 'not_accepting_chats' },
			{ name: 'Offline (Bots Only)', value: 'offline' },
		],
	},
	{
		displayName: 'Agent Name or ID',
		name: 'agentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: '',
		description:
			'The agent whose status to set; empty for yourself. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: show('setRoutingStatus') },
	},
];
