import type {
	Icon,
	ICredentialTestRequest,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { answerIsNotJson, answerLacks, credentialTestRules } from '../nodes/shared/credentialTest';

export class SocialIntentsApi implements ICredentialType {
	name = 'socialIntentsApi';

	displayName = 'Social Intents API';

	icon: Icon = {
		light: 'file:../nodes/SocialIntents/socialIntents.svg',
		dark: 'file:../nodes/SocialIntents/socialIntents.dark.svg',
	};

	documentationUrl = 'https://www.socialintents.com/integrations.do';

	properties: INodeProperties[] = [
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			description: 'Shown on the REST API page under Integrations in Social Intents',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The REST API Token shown beside the Account ID',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			// The current REST page gives www.; older pages and Pipedream use api. (a credential saved
			// with it is used as it is).
			default: 'https://www.socialintents.com/v1/api',
			description:
				'Change only if Social Intents gives you another address. Older pages and integrations use https://api.socialintents.com/v1/api.',
		},
	];

	// Social Intents takes the Account ID and token as HTTP Basic auth. A function, not the generic
	// form: n8n evaluates a generic form's expressions on every request.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		requestOptions.auth = { username: String(credentials.accountId ?? '').trim(), password: String(credentials.apiToken ?? '').trim() };
		return requestOptions;
	}

	// GET /ping is the health check of the current REST page; it needs the ID and token.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/ping',
		},
		// GET /ping answers {"statusCode":"200","status":"PingSuccessful"} (FACTS.md)
		rules: credentialTestRules(
			answerIsNotJson('Social Intents', 'Base URL'),
			{ type: 'responseCode', properties: { value: 401, message: 'Wrong key: Social Intents refused the Account ID or API token (401)' } },
			answerLacks('Social Intents', 'Base URL', 'status'),
		),
	};
}
