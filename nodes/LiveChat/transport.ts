import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { VendorApi, VendorContext } from '../shared/transport';
import { trimBaseUrl } from '../shared/transport';
import { API_VERSION, APP_LOGIN_TYPE, TOKEN_TYPE, VENDOR } from './helpers/constants';
import { misdirectedRegion, readLiveChatFailure } from './helpers/errors';

export type LiveChatApi = 'agent' | 'configuration';

export function actionPath(api: LiveChatApi, action: string): string {
	return `/${API_VERSION}/${api}/action/${action}`;
}

/**
 * A body as LiveChat documents it: an action without parameters takes `{}` (the docs' examples send
 * `-d '{}'`). n8n's HTTP layer sends no body at all for an empty object, but sends a string as it is,
 * so `{}` goes as the text `{}` (the Content-Type stays application/json).
 */
export function documentedBody(body: IDataObject): IDataObject | string {
	return Object.keys(body).length ? body : '{}';
}

type ParameterReader = Pick<IExecuteSingleFunctions, 'getNodeParameter'> | VendorContext;

/** The credential type the node or trigger is set to use. */
export function credentialTypeOf(context: ParameterReader): string {
	const read = context.getNodeParameter as (name: string, fallback: unknown) => unknown;
	let authentication: unknown;
	try {
		authentication = read.call(context, 'authentication', 'personalAccessToken');
	} catch {
		authentication = 'personalAccessToken';
	}
	return authentication === 'oAuth2' ? APP_LOGIN_TYPE : TOKEN_TYPE;
}

/**
 * The data center a credential belongs to, when it says: OAuth tokens carry `dal:`/`fra:`, a personal
 * token carries nothing and uses the Region field (Auto sends no header: LiveChat's default is dal).
 */
export function regionOf(credentials: IDataObject): string | undefined {
	const tokenData = credentials.oauthTokenData as IDataObject | undefined;
	if (tokenData) {
		const match = /^(dal|fra):/.exec(String(tokenData.access_token ?? ''));
		return match ? match[1] : undefined;
	}
	const region = String(credentials.region ?? 'auto');
	return region === 'dal' || region === 'fra' ? region : undefined;
}

export function baseUrlOf(credentials: IDataObject): string {
	return trimBaseUrl(String(credentials.baseUrl ?? '').trim() || 'https://api.livechatinc.com');
}

/**
 * LiveChat for the shared transport: the programmatic parts (dropdowns, trigger) call it through
 * vendorRequest, the routed operations repair their answers with it (helpers/repair.ts).
 */
export const liveChatApi: VendorApi = {
	name: VENDOR,
	credentialType: credentialTypeOf,
	baseUrl: (credentials) => baseUrlOf(credentials as IDataObject),
	readFailure: readLiveChatFailure,
	headers: (credentials) => {
		const region = regionOf(credentials as IDataObject);
		// Explicit: LiveChat requires the header on every JSON action, also for the text `{}`.
		return { 'Content-Type': 'application/json', ...(region ? { 'X-Region': region } : {}) };
	},
	redirect: (response, request) => {
		const elsewhere = misdirectedRegion(response);
		// a refusal in the region it names is final: a repeat would be refused the same way
		if (!elsewhere || request.headers?.['X-Region'] === elsewhere) return false;
		request.headers = { ...request.headers, 'X-Region': elsewhere };
		return true;
	},
	refreshesToken: (credentialType) => credentialType === APP_LOGIN_TYPE,
};

/**
 * The request of one action, for vendorRequest with liveChatApi: POST /v3.6/<api>/action/<action>
 * with the body as LiveChat documents it. vendorRequest retries it on 429/503 only when told it
 * reads (`{ read: true }`): LiveChat's reads are POSTs too.
 */
export function actionRequest(api: LiveChatApi, name: string, body: IDataObject | IDataObject[] = {}): IHttpRequestOptions {
	return { method: 'POST', url: actionPath(api, name), body: Array.isArray(body) ? body : documentedBody(body) };
}
