import { toSwitch } from '../../../shared/validate';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { collection, fail, groupList, json, textList } from '../../helpers/params';
import { REMOVED_CUSTOMER_RECIPIENTS, removedError } from '../../helpers/removed';
import { operationSelector } from '../../../shared/descriptions';
import { agentsField, groupsField, operation } from '../../helpers/descriptions';

const show = { resource: ['multicast'], operation: ['send'] };

export const multicastDescription: INodeProperties[] = [
	operationSelector(
		'multicast',
		'send',
		[
			operation({
				name: 'Send',
				value: 'send',
				action: 'multicast',
				title: 'Send a multicast notice',
				description: 'Send a JSON notice to agents, outside any chat (not saved)',
				body() {
					const chosen = collection(this, 'recipients');
					const agents: IDataObject = {};
					if (toSwitch(this, chosen.allAgents, 'Recipients → All Agents')) agents.all = true;
					const agentIds = textList(chosen.agentIds);
					if (agentIds.length) agents.ids = agentIds;
					const groups = groupList(this, chosen.groupIds, 'Recipients → Agent Groups');
					if (groups.length) agents.groups = groups;
					const recipients: IDataObject = {};
					if (Object.keys(agents).length) recipients.agents = agents;
					// A workflow saved before LiveChat removed the customer recipient may still hold one.
					if (textList(chosen.customerIds).length) throw removedError(this.getNode(), REMOVED_CUSTOMER_RECIPIENTS, this.getItemIndex());
					if (!Object.keys(recipients).length) fail(this, 'Recipients: choose at least one agent or group, or All Agents');
					const content = json(this, 'content', 'Content', 'any');
					if (content === undefined) fail(this, 'Content is required');
					const body: IDataObject = { recipients, content: content as IDataObject };
					const type = String(this.getNodeParameter('multicastType', '') ?? '').trim();
					if (type) body.type = type;
					return body;
				},
			}),
		],
	),
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'collection',
		placeholder: 'Add Recipients',
		default: {},
		displayOptions: { show },
		options: [
			{ ...agentsField('agentIds', 'Agents', 'These agents'), displayName: 'Agent Names or IDs' },
			{ ...groupsField('groupIds', 'Agent Groups', 'Agents of these groups'), displayName: 'Agent Group Names or IDs' },
			{ displayName: 'All Agents', name: 'allAgents', type: 'boolean', default: false, description: 'Whether every agent receives it' },
			{
				// Never offered: shown (and so kept by n8n) only where a workflow saved before LiveChat removed
				// the customer recipient still holds it, so that the run can say so instead of dropping it.
				displayName: 'Customer IDs (Removed by LiveChat)',
				name: 'customerIds',
				type: 'string',
				default: '',
				description: 'LiveChat no longer sends multicasts to customers: remove this option',
				displayOptions: { show: { customerIds: [{ _cnd: { exists: true } }] } },
			},
		],
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'json',
		required: true,
		default: '{\n  "example": "value"\n}',
		description: 'Any JSON to send',
		displayOptions: { show },
	},
	{
		displayName: 'Type',
		name: 'multicastType',
		type: 'string',
		default: '',
		description: 'A multicast type of your own, to tell notices apart',
		displayOptions: { show },
	},
];
