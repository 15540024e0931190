import type {
	Icon,
	ICredentialTestRequest,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { answerIsNotJson, credentialTestRules } from '../nodes/shared/credentialTest';

export class FiveChatApi implements ICredentialType {
	name = 'fiveChatApi';

	displayName = '5chat API';

	icon: Icon = {
		light: 'file:../nodes/FiveChat/fiveChat.svg',
		dark: 'file:../nodes/FiveChat/fiveChat.dark.svg',
	};

	documentationUrl = 'https://5chat.io/en/docs/api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'An API access token of your 5chat website. Reading needs READ or READ_WRITE permission; creating and changing needs WRITE or READ_WRITE.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.5chat.io',
			description: 'Change only if 5chat gives you another API address',
		},
	];

	// A function, not the generic form: n8n evaluates a generic form's expressions on every request.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiToken ?? '').trim()}` };
		return requestOptions;
	}

	// /health is public; the statistics of the token's website need a valid token.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/statistics/current',
		},
		// 5chat's statistics fields are not documented: only "is it JSON" tells its API from a web page
		rules: credentialTestRules(
			answerIsNotJson('5chat', 'Base URL'),
			{ type: 'responseCode', properties: { value: 401, message: 'Wrong key: 5chat refused the API token (401)' } },
			{ type: 'responseCode', properties: { value: 403, message: 'The token was accepted but lacks READ permission (403)' } },
		),
	};
}
