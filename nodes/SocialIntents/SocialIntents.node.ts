import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { itemLinksProperty } from '../shared/descriptions';
import { continueOnFailure, refusalsWithoutErrorCode } from '../shared/errors';
import { dropEmptyQuery } from '../shared/validate';
import { handleSocialIntentsError } from './helpers/errors';
import { searchApps } from './methods/listSearch';
import { appDescription } from './resources/app';
import { chatDescription } from './resources/chat';
import { leadDescription } from './resources/lead';
import { missedChatDescription } from './resources/missedChat';
import { offlineMessageDescription } from './resources/offlineMessage';

export class SocialIntents implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Social Intents',
		name: 'socialIntents',
		icon: { light: 'file:socialIntents.svg', dark: 'file:socialIntents.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read chats, missed chats, offline messages, leads and apps from Social Intents',
		defaults: { name: 'Social Intents' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'socialIntentsApi', required: true }],
		requestDefaults: {
			baseURL: '={{String($credentials.baseUrl ?? "").trim().replace(/\\/+$/, "")}}',
			headers: { Accept: 'application/json' },
			json: true,
			// Every answer goes through handleSocialIntentsError, which knows the vendor's envelope.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'App', value: 'app' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'Lead', value: 'lead' },
					{ name: 'Missed Chat', value: 'missedChat' },
					{ name: 'Offline Message', value: 'offlineMessage' },
				],
				default: 'chat',
				routing: { send: { preSend: [dropEmptyQuery] }, output: { postReceive: [continueOnFailure(handleSocialIntentsError)] } },
			},
			...chatDescription,
			...missedChatDescription,
			...offlineMessageDescription,
			...leadDescription,
			...appDescription,
			itemLinksProperty,
		],
	};

	// refusals of our own show no "Error code none" (see refusalsWithoutErrorCode)
	constructor() {
		this.description = refusalsWithoutErrorCode(this.description);
	}

	methods = { listSearch: { searchApps } };
}
