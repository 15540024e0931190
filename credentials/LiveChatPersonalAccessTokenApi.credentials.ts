import type {
	Icon,
	ICredentialTestRequest,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { answerIsNotJson, answerLacks, credentialTestRules } from '../nodes/shared/credentialTest';

export class LiveChatPersonalAccessTokenApi implements ICredentialType {
	name = 'liveChatPersonalAccessTokenApi';

	displayName = 'LiveChat Personal Access Token API';

	icon: Icon = {
		light: 'file:../nodes/LiveChat/liveChat.svg',
		dark: 'file:../nodes/LiveChat/liveChat.dark.svg',
	};

	documentationUrl = 'https://platform.text.com/docs/authorization/agent-authorization#personal-access-tokens';

	properties: INodeProperties[] = [
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			description: 'Your account ID, shown beside the token in the Developer Console (Tools → Personal Access Tokens)',
		},
		{
			displayName: 'Personal Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The token created in the Developer Console, with the scopes your workflows need',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'auto',
			options: [
				{
					name: 'Auto',
					value: 'auto',
					description: 'Send no region; when LiveChat answers that the account lives elsewhere, ask again there',
				},
				{ name: 'Dal (USA)', value: 'dal' },
				{ name: 'Fra (Europe)', value: 'fra' },
			],
			description: 'The data center of your LiveChat account. A personal token does not say it.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description:
				'Client ID of a Developer Console app, used as the owner of the webhooks the LiveChat Trigger registers (a personal token has none of its own)',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.livechatinc.com',
			description: 'Change only to reach a test server that stands in for LiveChat',
		},
	];

	// LiveChat takes the account ID and the personal token as HTTP Basic auth.
	// A function, not the generic form: n8n evaluates a generic form's expressions on every request.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		requestOptions.auth = { username: String(credentials.accountId ?? '').trim(), password: String(credentials.accessToken ?? '').trim() };
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v3.6/agent/action/list_chats',
			method: 'POST',
			headers: { 'X-Region': '={{$credentials.region === "fra" ? "fra" : "dal"}}' },
			body: { limit: 1 },
			json: true,
		},
		rules: credentialTestRules(
			answerIsNotJson('LiveChat', 'API Base URL'),
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'LiveChat refused the token as invalid or expired (authentication). Check the Account ID and the token, or create a new token in the Developer Console.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The token is valid but lacks the scope chats--access:ro (authorization)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 421,
					message: 'Your LiveChat license is in the other data center (misdirected_request): change Region',
				},
			},
			// list_chats always answers chats_summary (Agent Chat API v3.6)
			answerLacks('LiveChat', 'API Base URL', 'chats_summary'),
		),
	};
}
