import type {
	Icon,
	ICredentialTestRequest,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { answerIsNotJson, answerLacks, credentialTestRules } from '../nodes/shared/credentialTest';

export class Alive5Api implements ICredentialType {
	name = 'alive5Api';

	displayName = 'Alive5 API';

	icon: Icon = {
		light: 'file:../nodes/Alive5/alive5.svg',
		dark: 'file:../nodes/Alive5/alive5.dark.svg',
	};

	documentationUrl = 'https://documenter.getpostman.com/view/12135254/UVsQr3zh';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key of your Alive5 organization (Settings → Integrations → API in the Alive5 app)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.alive5.com/public/1.0',
			description:
				'Change only if Alive5 gives you another address: its sources disagree (some use /public/1.1 or api-v2.alive5.com)',
		},
	];

	// Alive5 reads the key from its own header, without any prefix.
	// A function, not the generic form: n8n evaluates a generic form's expressions on every request.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		requestOptions.headers = { ...requestOptions.headers, 'X-A5-APIKEY': String(credentials.apiKey ?? '').trim() };
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/account',
		},
		// Alive5 refuses a key with HTTP 401/400, or inside an HTTP 200 as {code: 400, error: "Invalid token"} (FACTS.md)
		rules: credentialTestRules(
			answerIsNotJson('Alive5', 'Base URL'),
			{ type: 'responseCode', properties: { value: 401, message: 'Wrong key: Alive5 found no API key in the request (401 "Authorization token not found")' } },
			{ type: 'responseCode', properties: { value: 400, message: 'Wrong key: Alive5 refused the API key (400 "Invalid token")' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 400, message: 'Wrong key: Alive5 refused the API key (400 "Invalid token")' } },
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 401, message: 'Wrong key: Alive5 found no API key in the request (401 "Authorization token not found")' } },
			answerLacks('Alive5', 'Base URL', 'data'),
		),
	};
}
