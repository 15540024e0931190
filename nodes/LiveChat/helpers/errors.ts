import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import type { VendorFailure } from '../../shared/errors';
import { VENDOR } from './constants';

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
