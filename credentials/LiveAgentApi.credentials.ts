import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { answerIsNotJson, answerLacks, credentialTestRules } from '../nodes/shared/credentialTest';

/** Turns a routed body into form fields; objects and lists travel as JSON text, as the API asks. */
function formOf(body: unknown, apiKey: string): string {
	const form = new URLSearchParams();
	if (typeof body === 'string' && body !== '') {
		for (const [name, value] of new URLSearchParams(body)) if (name !== 'apikey') form.append(name, value);
	} else if (body && typeof body === 'object') {
		for (const [name, value] of Object.entries(body as IDataObject)) {
			if (value === undefined || value === null || name === 'apikey') continue;
			form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
		}
	}
	form.append('apikey', apiKey);
	return form.toString();
}

export class LiveAgentApi implements ICredentialType {
	name = 'liveAgentApi';

	displayName = 'LiveAgent API';

	icon: Icon = {
		light: 'file:../nodes/LiveAgent/liveAgent.svg',
		dark: 'file:../nodes/LiveAgent/liveAgent.dark.svg',
	};

	documentationUrl = 'https://support.liveagent.com/840770-Complete-API-reference';

	properties: INodeProperties[] = [
		{
			displayName: 'Account URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://youraccount.ladesk.com',
			description:
				'The address of your LiveAgent account, without /api. Self-hosted installations use their own host.',
		},
		{
			displayName: 'API Key (v1)',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An API v1 key from Configuration → System → API in LiveAgent (v3 keys are separate)',
		},
		{
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
				'The time zone LiveAgent reads and writes API dates in (they carry no offset). Accounts created since about mid-2019 use UTC, older ones America/Phoenix. To check: a conversation\'s date from the API should match the agent panel once shifted by your own offset.',
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

	/** The v1 API takes the key as the `apikey` parameter: in the query for GET and DELETE, as a form field for POST and PUT. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const apiKey = String(credentials.apiKey ?? '').trim();
		const method = String(requestOptions.method ?? 'GET').toUpperCase();
		if (method === 'POST' || method === 'PUT') {
			requestOptions.body = formOf(requestOptions.body, apiKey);
			requestOptions.headers = {
				...requestOptions.headers,
				'Content-Type': 'application/x-www-form-urlencoded',
			};
		} else {
			requestOptions.qs = { ...requestOptions.qs, apikey: apiKey };
		}
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url.replace(/\\/+$/, "")}}/api',
			url: '/application/status',
		},
		rules: credentialTestRules(
			answerIsNotJson('LiveAgent', 'Account URL'),
			{ type: 'responseCode', properties: { value: 401, message: 'Wrong key: LiveAgent refused the API key (401)' } },
			{
				// LiveAgent's answer to a key it does not know for v1, a v3 key included (FACTS.md)
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'LiveAgent did not find this key among its API v1 keys (403 "ApiKey not found"). A key made for API v3 answers this way: create a v1 key in Configuration → System → API (API v1).',
				},
			} satisfies IAuthenticateRuleResponseCode,
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'response.status',
					value: 'ERROR',
					message: 'LiveAgent refused the API key',
				},
			} satisfies IAuthenticateRuleResponseSuccessBody,
			// every API v1 answer is wrapped in {response: …}
			answerLacks('LiveAgent', 'Account URL', 'response'),
		),
	};
}
