import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { answerIsNotJson, credentialTestRules } from '../nodes/shared/credentialTest';

/**
 * LiveAgent API v3: the key travels in the `apikey` header (LiveAgent's Python client
 * QualityUnit/LiveAgent-api-python, liveagent_api/configuration.py, auth setting `apikey`), under
 * `<account>/api/v3` (FACTS.md). v3 keys are not v1 keys: each version answers the other's with
 * 403 "ApiKey not found" (FACTS.md, LiveAgent FAQ 535002 and 916372).
 */
export class LiveAgentV3Api implements ICredentialType {
	name = 'liveAgentV3Api';

	displayName = 'LiveAgent V3 API';

	icon: Icon = {
		light: 'file:../nodes/LiveAgentV3/liveAgentV3.svg',
		dark: 'file:../nodes/LiveAgentV3/liveAgentV3.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-live-chat#liveagent-v1-or-v3';

	properties: INodeProperties[] = [
		{
			displayName: 'Account URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://youraccount.ladesk.com',
			description: 'The address of your LiveAgent account, without /api/v3. Self-hosted installations use their own host.',
		},
		{
			displayName: 'API Key (v3)',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An API v3 key from Configuration → System → API in LiveAgent (choose API v3; v1 keys do not work here)',
		},
		{
			// The same choice and values as the v1 credential, so that one reading of it (accountZone) serves both
			displayName: 'Account Time Zone',
			name: 'timeZone',
			type: 'options',
			default: 'UTC',
			options: [
				{ name: 'UTC (Accounts Created Since About Mid-2019)', value: 'UTC' },
				{ name: 'America/Phoenix (Older Accounts)', value: 'America/Phoenix' },
				{ name: 'Another Time Zone', value: 'other' },
			],
			description:
				'The time zone of the dates LiveAgent writes (they carry no offset). Accounts created since about mid-2019 use UTC, older ones America/Phoenix.',
		},
		{
			displayName: 'Other Time Zone',
			name: 'otherTimeZone',
			type: 'string',
			default: '',
			placeholder: 'Europe/Bratislava',
			displayOptions: { show: { timeZone: ['other'] } },
			description: 'An IANA time zone name, for an installation set to another zone (self-hosted LiveAgent)',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = { ...requestOptions.headers, apikey: String(credentials.apiKey ?? '').trim() };
		return requestOptions;
	}

	// PingApi.ping → GET /ping (client liveagent_api/api/ping_api.py), the cheapest call that needs the key
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url.trim().replace(/\\/+$/, "")}}/api/v3',
			url: '/ping',
		},
		rules: credentialTestRules(
			answerIsNotJson('LiveAgent', 'Account URL'),
			{ type: 'responseCode', properties: { value: 401, message: 'Wrong key: LiveAgent refused the API key (401)' } },
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'LiveAgent did not find this key among its API v3 keys (403 "ApiKey not found"). It may be an API v1 key: v1 and v3 keys are separate. Create a v3 key in LiveAgent → Configuration → System → API (API v3), or use the LiveAgent node (v1) with this key.',
				},
			} satisfies IAuthenticateRuleResponseCode,
		),
	};
}
