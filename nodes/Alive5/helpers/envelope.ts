import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { VendorFailure } from '../../shared/errors';
import { throwOnVendorFailure } from '../../shared/errors';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The envelope's `error` as text when it says something went wrong; empty, null and false say nothing. */
function errorText(error: unknown): string | undefined {
	if (typeof error === 'string') return error.trim() === '' ? undefined : error;
	if (error === true) return 'unknown error';
	if (isObject(error)) {
		if (Object.keys(error).length === 0) return undefined;
		const message = error.message ?? error.error ?? error.msg;
		return typeof message === 'string' && message !== '' ? message : JSON.stringify(error);
	}
	return undefined;
}

/**
 * Alive5 answers `{code, data, error}`. An HTTP 200 whose `code` is 400 or more, or whose `error`
 * is not empty, is a failure like any HTTP error.
 */
export function readAlive5Failure(response: IN8nHttpFullResponse): VendorFailure | undefined {
	const body = response.body;
	const envelope = isObject(body) ? body : {};
	const code = Number(envelope.code);
	const text = errorText(envelope.error);
	const envelopeFailed = (Number.isFinite(code) && code >= 400) || text !== undefined;
	if (response.statusCode < 400 && !envelopeFailed) return undefined;
	const message =
		text ??
		[envelope.message, isObject(envelope.data) ? envelope.data.message : undefined].find(
			(value): value is string => typeof value === 'string' && value !== '',
		);
	const httpCode = response.statusCode >= 400 ? response.statusCode : code >= 400 ? code : 500;
	return {
		httpCode,
		message: message ? `Alive5: ${message}` : `Alive5 answered with HTTP status ${httpCode}`,
	};
}

const failOnVendorError = throwOnVendorFailure('Alive5', readAlive5Failure) as (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

/**
 * Alive5 answers 404 in its envelope on a conversation list when the range holds no conversations.
 * A 404 that is not Alive5's envelope (an HTML page from a wrong base URL) stays a failure.
 */
export function isNoRecords(response: IN8nHttpFullResponse): boolean {
	const body = response.body;
	if (!isObject(body) || !('code' in body || 'error' in body)) return false;
	return response.statusCode === 404 || Number(body.code) === 404;
}

const CONVERSATION_LISTS = ['smsConversation', 'liveChatConversation', 'fbmConversation'];

/**
 * postReceive on the Resource parameter: every answer passes here first. "No records" on a
 * conversation list is an empty result; every other failure becomes a NodeApiError.
 */
export async function handleAlive5Answer(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const resource = this.getNodeParameter('resource', '') as string;
	if (CONVERSATION_LISTS.includes(resource) && isNoRecords(response)) return [];
	return await failOnVendorError.call(this, items, response);
}

/** The list in an answer, wherever the endpoint puts it: a bare array, `data`, `data.Items`, `items`... */
export function listOf(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (!isObject(body)) return [];
	const data = body.data;
	const candidates: unknown[] = [
		data,
		isObject(data) ? data.Items : undefined,
		isObject(data) ? data.items : undefined,
		isObject(data) ? data.data : undefined,
		body.Items,
		body.items,
	];
	const found = candidates.find(Array.isArray) as IDataObject[] | undefined;
	return (found ?? []).filter(isObject);
}

/** The object an endpoint answers (`data`, or `data.data` for Send SMS). */
export function objectOf(body: unknown): IDataObject {
	if (!isObject(body)) return {};
	return isObject(body.data) ? body.data : body;
}

/** postReceive: one item per listed record. */
export async function listItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (isNoRecords(response)) return [];
	return listOf(response.body).map((json) => ({ json }));
}

/** postReceive: the envelope's data as one item. */
export async function dataItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: objectOf(response.body) }];
}

/** postReceive for the account: the answer repeats the API key, which must never reach an item. */
export async function accountItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const account: IDataObject = {};
	for (const [key, value] of Object.entries(objectOf(response.body))) {
		if (!/^api_?key$/i.test(key)) account[key] = value;
	}
	return [{ json: account }];
}

/** postReceive for Send SMS: the result sits in `data.data`; a thread it opened comes along. */
export async function sentSmsItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = objectOf(response.body);
	const result = isObject(data.data) ? { ...data.data } : { ...data };
	if (isObject(data.newThread) && result.newThread === undefined) result.newThread = data.newThread;
	if (isObject(response.body) && isObject(response.body.newThread) && result.newThread === undefined) {
		result.newThread = response.body.newThread;
	}
	return [{ json: result }];
}
