import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { answerIsNotJson, answerLacks, credentialTestRules } from '../nodes/shared/credentialTest';

export class LiveChatOAuth2Api implements ICredentialType {
	name = 'liveChatOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'LiveChat OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/LiveChat/liveChat.svg',
		dark: 'file:../nodes/LiveChat/liveChat.dark.svg',
	};

	documentationUrl = 'https://platform.text.com/docs/authorization/agent-authorization';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://accounts.livechat.com/',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			typeOptions: { password: true },
			default: 'https://accounts.livechat.com/v2/token',
		},
		// Scopes are chosen on the app in the Developer Console, not asked for in the URL.
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.livechatinc.com',
			description: 'Change only to reach a test server that stands in for LiveChat',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v3.6/agent/action/list_chats',
			method: 'POST',
			headers: {
				'X-Region':
					'={{String($credentials.oauthTokenData?.access_token ?? "").startsWith("fra:") ? "fra" : "dal"}}',
			},
			body: { limit: 1 },
			json: true,
		},
		rules: credentialTestRules(
			answerIsNotJson('LiveChat', 'API Base URL'),
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'LiveChat refused the token as invalid or expired (authentication). Reconnect the credential to get a new token.',
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
					message: 'Your LiveChat license is in the other data center (misdirected_request)',
				},
			},
			// list_chats always answers chats_summary (Agent Chat API v3.6)
			answerLacks('LiveChat', 'API Base URL', 'chats_summary'),
		),
	};
}
