import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { itemLinksProperty } from '../shared/descriptions';
import { continueOnFailure, refusalsWithoutErrorCode } from '../shared/errors';
import { dropEmptyQuery } from '../shared/validate';
import { handleLiveAgentError } from './helpers/errors';
import { getCustomerGroupNames, getDepartments } from './methods/loadOptions';
import { agentDescription } from './resources/agent';
import { applicationDescription } from './resources/application';
import { companyDescription } from './resources/company';
import { conversationDescription } from './resources/conversation';
import { customerDescription } from './resources/customer';
import { customerGroupDescription } from './resources/customerGroup';
import { departmentDescription } from './resources/department';
import { fileDescription } from './resources/file';
import { knowledgebaseDescription } from './resources/knowledgebase';
import { onlineStatusDescription } from './resources/onlineStatus';
import { overviewDescription } from './resources/overview';
import { reportDescription } from './resources/report';
import { suggestionCategoryDescription } from './resources/suggestionCategory';
import { tagDescription } from './resources/tag';

export class LiveAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LiveAgent',
		name: 'liveAgent',
		icon: { light: 'file:liveAgent.svg', dark: 'file:liveAgent.dark.svg' },
		group: ['transform'],
		// 1.1: conversation reads default to the Simplified output (version 1 keeps Raw, what it returned before)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with LiveAgent conversations, customers, departments, tags, reports and more (API v1)',
		defaults: { name: 'LiveAgent' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'liveAgentApi', required: true }],
		requestDefaults: {
			baseURL: '={{String($credentials.url ?? "").trim().replace(/\\/+$/, "")}}/api',
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
					{ name: 'Company', value: 'company' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Customer Group', value: 'customerGroup' },
					{ name: 'Department', value: 'department' },
					{ name: 'File', value: 'file' },
					{ name: 'Knowledgebase', value: 'knowledgebase' },
					{ name: 'Online Status', value: 'onlineStatus' },
					{ name: 'Overview', value: 'overview' },
					{ name: 'Report', value: 'report' },
					{ name: 'Suggestion Category', value: 'suggestionCategory' },
					{ name: 'Tag', value: 'tag' },
				],
				default: 'conversation',
				routing: { send: { preSend: [dropEmptyQuery] }, output: { postReceive: [continueOnFailure(handleLiveAgentError)] } },
			},
			...agentDescription,
			...applicationDescription,
			...companyDescription,
			...conversationDescription,
			...customerDescription,
			...customerGroupDescription,
			...departmentDescription,
			...fileDescription,
			...knowledgebaseDescription,
			...onlineStatusDescription,
			...overviewDescription,
			...reportDescription,
			...suggestionCategoryDescription,
			...tagDescription,
			itemLinksProperty,
		],
	};

	// refusals of our own show no "Error code none" (see refusalsWithoutErrorCode)
	constructor() {
		this.description = refusalsWithoutErrorCode(this.description);
	}

	methods = { loadOptions: { getCustomerGroupNames, getDepartments } };
}
