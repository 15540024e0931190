import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { itemLinksProperty } from '../shared/descriptions';
import { continueOnFailure, refusalsWithoutErrorCode } from '../shared/errors';
import { refuseRemovedOperation } from './helpers/removed';
import { handleLiveChatResponse, sendRegion } from './helpers/repair';
import { getAgents, getGroups, getTags } from './methods/loadOptions';
import { agentDescription } from './resources/agent';
import { chatDescription } from './resources/chat';
import { chatUserDescription } from './resources/chatUser';
import { customerDescription } from './resources/customer';
import { eventDescription } from './resources/event';
import { multicastDescription } from './resources/multicast';
import { propertyDescription } from './resources/property';
import { threadDescription } from './resources/thread';
import { threadTagDescription } from './resources/threadTag';
import { authenticationProperty, liveChatCredentials } from './helpers/descriptions';

export class LiveChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LiveChat',
		name: 'liveChat',
		icon: { light: 'file:liveChat.svg', dark: 'file:liveChat.dark.svg' },
		group: ['output'],
		// 1.1: chat reads default to the Simplified output (version 1 keeps Raw, what it returned before)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Run chats, events, customers and agents in LiveChat (text.com) through the Agent Chat API',
		defaults: { name: 'LiveChat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: liveChatCredentials,
		requestDefaults: {
			baseURL: '={{(String($credentials.baseUrl ?? "").trim() || "https://api.livechatinc.com").replace(/\\/+$/, "")}}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			// Every answer goes through handleLiveChatResponse, which knows LiveChat's error shape and
			// has n8n refresh an expired OAuth2 token.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'Chat User', value: 'chatUser' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Event', value: 'event' },
					{ name: 'Multicast', value: 'multicast' },
					{ name: 'Property', value: 'property' },
					{ name: 'Thread', value: 'thread' },
					{ name: 'Thread Tag', value: 'threadTag' },
				],
				default: 'chat',
				routing: {
					send: { preSend: [refuseRemovedOperation, sendRegion] },
					output: { postReceive: [continueOnFailure(handleLiveChatResponse)] },
				},
			},
			...chatDescription,
			...threadDescription,
			...chatUserDescription,
			...eventDescription,
			...propertyDescription,
			...threadTagDescription,
			...customerDescription,
			...agentDescription,
			...multicastDescription,
			itemLinksProperty,
		],
	};

	// refusals of our own show no "Error code none" (see refusalsWithoutErrorCode)
	constructor() {
		this.description = refusalsWithoutErrorCode(this.description);
	}

	methods = { loadOptions: { getAgents, getGroups, getTags } };
}
