import type { IHttpRequestOptions } from 'n8n-workflow';

import type { VendorApi, VendorContext } from '../shared/transport';
import { trimBaseUrl, vendorRequest } from '../shared/transport';
import { readLiveAgentFailure, unwrap } from './helpers/errors';
import { redactedError } from './helpers/redact';

export const liveAgentApi: VendorApi = {
	name: 'LiveAgent',
	credentialType: 'liveAgentApi',
	baseUrl: (credentials) => `${trimBaseUrl(credentials.url)}/api`,
	readFailure: readLiveAgentFailure,
};

/** One call for the triggers and dropdowns: the unwrapped envelope, or an error without the key. */
export async function liveAgentRequest(this: VendorContext, options: IHttpRequestOptions) {
	try {
		return unwrap(await vendorRequest.call(this, liveAgentApi, options));
	} catch (error) {
		let apiKey: string | undefined;
		try {
			apiKey = String((await this.getCredentials('liveAgentApi')).apiKey ?? '').trim() || undefined;
		} catch {
			apiKey = undefined;
		}
		throw redactedError(this.getNode(), error, apiKey);
	}
}
