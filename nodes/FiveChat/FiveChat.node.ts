import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { itemLinksProperty } from '../shared/descriptions';
import { continueOnFailure, refusalsWithoutErrorCode } from '../shared/errors';
import { dropEmptyQuery } from '../shared/validate';
import { handleFiveChatError } from './helpers/errors';
import { searchConversations, searchTickets } from './methods/listSearch';
import { conversationDescription } from './resources/conversation';
import { healthDescription } from './resources/health';
import { statisticsDescription } from './resources/statistics';
import { ticketDescription } from './resources/ticket';
import { visitorDescription } from './resources/visitor';
import { widgetDescription } from './resources/widget';

export class FiveChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: '5chat',
		name: 'fiveChat',
		icon: { light: 'file:fiveChat.svg', dark: 'file:fiveChat.dark.svg' },
		group: ['input'],
		// 1.1: reads default to the Simplified output (version 1 keeps Raw, what it returned before)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read conversations and statistics, manage visitors, widgets and tickets in 5chat',
		defaults: { name: '5chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fiveChatApi', required: true }],
		requestDefaults: {
			baseURL: '={{String($credentials.baseUrl ?? "").trim().replace(/\\/+$/, "")}}',
			headers: { Accept: 'application/json' },
			json: true,
			// Every answer goes through handleFiveChatError, which knows 5chat's error shape.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Health', value: 'health' },
					{ name: 'Statistic', value: 'statistics' },
					{ name: 'Ticket', value: 'ticket' },
					{ name: 'Visitor', value: 'visitor' },
					{ name: 'Widget', value: 'widget' },
				],
				default: 'conversation',
				routing: { send: { preSend: [dropEmptyQuery] }, output: { postReceive: [continueOnFailure(handleFiveChatError)] } },
			},
			...conversationDescription,
			...visitorDescription,
			...widgetDescription,
			...statisticsDescription,
			...ticketDescription,
			...healthDescription,
			itemLinksProperty,
		],
	};

	// refusals of our own show no "Error code none" (see refusalsWithoutErrorCode)
	constructor() {
		this.description = refusalsWithoutErrorCode(this.description);
	}

	methods = { listSearch: { searchConversations, searchTickets } };
}
