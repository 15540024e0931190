import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { answerIsNotJson, answerLacks, credentialTestRules } from '../nodes/shared/credentialTest';

/** The credential of the recipe's example vendor: an API key sent as a Bearer token. */
export class AcmeApi implements ICredentialType {
	name = 'acmeApi';

	displayName = 'Acme Chat API';

	icon: Icon = { light: 'file:../nodes/Acme/acme.svg', dark: 'file:../nodes/Acme/acme.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-live-chat#adding-a-vendor';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.acme.example/v1',
		},
	];

	// A function, as every credential here: a key pasted with spaces around it still works.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey ?? '').trim()}` };
		return requestOptions;
	}

	// GET /me answers {"data": {"account": …}} for a good key and 401 for a wrong one
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}', url: '/me' },
		rules: credentialTestRules(
			answerIsNotJson('Acme Chat', 'Base URL'),
			{ type: 'responseCode', properties: { value: 401, message: 'Wrong key: Acme Chat refused the API key (401)' } },
			answerLacks('Acme Chat', 'Base URL', 'data'),
		),
	};
}
