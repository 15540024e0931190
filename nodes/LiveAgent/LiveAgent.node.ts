import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/descriptions';
import { handleLiveAgentError } from './helpers/errors';
import { getCustomerGroupNames, getDepartments } from './methods/loadOptions';
import { conversationDescription } from './resources/conversation';
import {
	agentDescription,
	applicationDescription,
	customerDescription,
	customerGroupDescription,
	departmentDescription,
	knowledgebaseDescription,
} from './resources/others';

export class LiveAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LiveAgent',
		name: 'liveAgent',
		icon: { light: 'file:liveAgent.svg', dark: 'file:liveAgent.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with LiveAgent conversations, customers, customer groups, agents and departments (API v1)',
		defaults: { name: 'LiveAgent' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'liveAgentApi', required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.url.replace(/\\/+$/, "")}}/api',
			headers: { Accept: 'application/json' },
			json: true,
			// Every answer goes through handleLiveAgentError, which knows the {response: ...} envelope.
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
					{ name: 'Application', value: 'application' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Customer Group', value: 'customerGroup' },
					{ name: 'Department', value: 'department' },
					{ name: 'Knowledgebase', value: 'knowledgebase' },
				],
				default: 'conversation',
				routing: { output: { postReceive: [handleLiveAgentError] } },
			},
			...conversationDescription,
			...customerDescription,
			...customerGroupDescription,
			...agentDescription,
			...applicationDescription,
			...departmentDescription,
			...knowledgebaseDescription,
			requestOptionsProperty,
		],
	};

	methods = { loadOptions: { getCustomerGroupNames, getDepartments } };
}
