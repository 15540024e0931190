import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { itemLinksProperty } from '../shared/descriptions';
import { continueOnFailure, refusalsWithoutErrorCode } from '../shared/errors';
import { dropEmptyQuery } from '../shared/validate';
import { handleAlive5Answer } from './helpers/errors';
import { getAgents, getChannels, getPhoneNumbers } from './methods/loadOptions';
import { accountDescription } from './resources/account';
import { channelDescription } from './resources/channel';
import { fbmConversationDescription } from './resources/fbmConversation';
import { liveChatConversationDescription } from './resources/liveChatConversation';
import { smsDescription } from './resources/sms';
import { smsConversationDescription } from './resources/smsConversation';
import { summaryDescription } from './resources/summary';
import { tagDescription } from './resources/tag';

export class Alive5 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alive5',
		name: 'alive5',
		icon: { light: 'file:alive5.svg', dark: 'file:alive5.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send SMS and read SMS, live chat and Messenger conversations, channels and tags from Alive5',
		defaults: { name: 'Alive5' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'alive5Api', required: true }],
		requestDefaults: {
			baseURL: '={{String($credentials.baseUrl ?? "").trim().replace(/\\/+$/, "")}}',
			headers: { Accept: 'application/json' },
			json: true,
			// Every answer goes through handleAlive5Answer, which knows the {code, data, error} envelope.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Channel', value: 'channel' },
					{ name: 'Facebook Messenger Conversation', value: 'fbmConversation' },
					{ name: 'Live Chat Conversation', value: 'liveChatConversation' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'SMS Conversation', value: 'smsConversation' },
					{ name: 'Summary', value: 'summary' },
					{ name: 'Tag', value: 'tag' },
				],
				default: 'sms',
				routing: { send: { preSend: [dropEmptyQuery] }, output: { postReceive: [continueOnFailure(handleAlive5Answer)] } },
			},
			...accountDescription,
			...channelDescription,
			...fbmConversationDescription,
			...liveChatConversationDescription,
			...smsDescription,
			...smsConversationDescription,
			...summaryDescription,
			...tagDescription,
			itemLinksProperty,
		],
	};

	// refusals of our own show no "Error code none" (see refusalsWithoutErrorCode)
	constructor() {
		this.description = refusalsWithoutErrorCode(this.description);
	}

	methods = { loadOptions: { getAgents, getChannels, getPhoneNumbers } };
}
