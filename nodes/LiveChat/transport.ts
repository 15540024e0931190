import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import type { VendorFailure } from '../shared/errors';
import type { VendorApi, VendorContext } from '../shared/transport';
import { trimBaseUrl, vendorRequest } from '../shared/transport';

export const VENDOR = 'LiveChat';
export const API_VERSION = 'v3.6';
export const TOKEN_TYPE = 'liveChatPersonalAccessTokenApi';
export const APP_LOGIN_TYPE = 'liveChatOAuth2Api';

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

interface LiveChatError {
	type?: string;
	message?: string;
	data?: IDataObject;
}

export function errorOf(body: unknown): LiveChatError | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const error = (body as IDataObject).error;
	if (typeof error !== 'object' || error === null || Array.isArray(error)) return undefined;
	return error as LiveChatError;
}

/** The region LiveChat says a refused request belongs to. */
export function misdirectedRegion(response: IN8nHttpFullResponse): string | undefined {
	const error = errorOf(response.body);
	if (error?.type !== 'misdirected_request') return undefined;
	const region = error.data?.region;
	return region === 'dal' || region === 'fra' ? region : undefined;
}

const STATUS_BY_TYPE: Record<string, number> = {
	authentication: 401,
	authorization: 403,
	missing_access: 403,
	not_found: 404,
	validation: 400,
	too_many_requests: 429,
	service_unavailable: 503,
	misdirected_request: 421,
	request_timeout: 408,
	entity_too_large: 413,
	internal: 500,
};

/** `{error: {type, message, data}}`, whatever the HTTP status, is a failure in LiveChat's words. */
export function readLiveChatFailure(response: IN8nHttpFullResponse): VendorFailure | undefined {
	const error = errorOf(response.body);
	if (!error) return undefined;
	const type = String(error.type ?? 'unknown');
	const message = String(error.message ?? 'Request failed');
	const httpCode = response.statusCode >= 400 ? response.statusCode : (STATUS_BY_TYPE[type] ?? 500);
	let description: string | undefined;
	const region = error.data?.region;
	if (type === 'misdirected_request') {
		description = region
			? `Your LiveChat account lives in the "${String(region)}" data center: set Region to ${String(region)} in the LiveChat credential.`
			: 'Your LiveChat account lives in the other data center: change Region in the LiveChat credential.';
	} else if (type === 'authentication') {
		description = 'The token is invalid or has expired. Check the LiveChat credential.';
	} else if (type === 'authorization' || type === 'missing_access') {
		description = 'The token lacks the scope this action needs, or the agent has no access to the chat.';
	}
	return { httpCode, message: `${VENDOR}: ${message} (${type})`, description };
}

/**
 * LiveChat for the shared transport: the programmatic parts (dropdowns, trigger) call it through
 * vendorRequest, the routed operations repair their answers with it (helpers/routing.ts).
 */
export const liveChatVendor: VendorApi = {
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
 * One authenticated call to an action: region header, one repeat in the region LiveChat names on
 * `misdirected_request` (it refused the request, so nothing happened), and, for reads, retries on
 * 429/503.
 */
export async function liveChatRequest<T = unknown>(
	this: VendorContext,
	api: LiveChatApi,
	action: string,
	body: IDataObject | IDataObject[] = {},
	options: { read?: boolean } = {},
): Promise<T> {
	const answer = await vendorRequest.call(
		this,
		liveChatVendor,
		{ method: 'POST', url: actionPath(api, action), body: Array.isArray(body) ? body : documentedBody(body) },
		{ read: options.read ?? false },
	);
	return answer as T;
}
