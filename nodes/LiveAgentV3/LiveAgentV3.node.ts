/* eslint-disable n8n-nodes-base/node-filename-against-convention */
// The rule reads a filename ending in V<digits> as a versioned node (LiveAgentV2.node.ts is LiveAgent at
// version 2); here V3 is part of the node's name (liveAgentV3, issue 22), the API version, not a node version.
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { itemLinksProperty } from '../shared/descriptions';
import { continueOnFailure, refusalsWithoutErrorCode } from '../shared/errors';
import { dropEmptyQuery } from '../shared/validate';
import { handleLiveAgentV3Error } from './helpers/errors';
import { getAgents, getDepartments, getTags } from './methods/loadOptions';
import { agentDescription } from './resources/agent';
import { callDescription } from './resources/call';
import { cannedMessageDescription } from './resources/cannedMessage';
import { chatDescription } from './resources/chat';
import { companyDescription } from './resources/company';
import { contactDescription } from './resources/contact';
import { departmentDescription } from './resources/department';
import { groupDescription } from './resources/group';
import { tagDescription } from './resources/tag';
import { ticketDescription } from './resources/ticket';

/**
 * LiveAgent API v3 (issue 22), beside the LiveAgent node (v1), which stays as it is: v3 has its own
 * keys and its own calls (LiveAgent's Python client QualityUnit/LiveAgent-api-python, generated from
 * the v3 OpenAPI description, names every path this node sends; each operation names its API method).
 */
export class LiveAgentV3 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LiveAgent v3',
		name: 'liveAgentV3',
		icon: { light: 'file:liveAgentV3.svg', dark: 'file:liveAgentV3.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with LiveAgent tickets, chats, calls, contacts, companies, agents, departments, tags, groups and canned messages through API v3',
		defaults: { name: 'LiveAgent v3' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'liveAgentV3Api', required: true }],
		requestDefaults: {
			baseURL: '={{String($credentials.url ?? "").trim().replace(/\\/+$/, "")}}/api/v3',
			headers: { Accept: 'application/json' },
			json: true,
			// Every answer goes through handleLiveAgentV3Error, which reads v3's ErrorResponse.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Call', value: 'call' },
					{ name: 'Canned Message', value: 'cannedMessage' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'Company', value: 'company' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Department', value: 'department' },
					{ name: 'Group', value: 'group' },
					{ name: 'Tag', value: 'tag' },
					{ name: 'Ticket', value: 'ticket' },
				],
				default: 'ticket',
				routing: { send: { preSend: [dropEmptyQuery] }, output: { postReceive: [continueOnFailure(handleLiveAgentV3Error)] } },
			},
			...agentDescription,
			...callDescription,
			...cannedMessageDescription,
			...chatDescription,
			...companyDescription,
			...contactDescription,
			...departmentDescription,
			...groupDescription,
			...tagDescription,
			...ticketDescription,
			itemLinksProperty,
		],
	};

	// refusals of our own show no "Error code none" (see refusalsWithoutErrorCode)
	constructor() {
		this.description = refusalsWithoutErrorCode(this.description);
	}

	methods = { loadOptions: { getAgents, getDepartments, getTags } };
}
