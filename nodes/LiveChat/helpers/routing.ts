import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { describeHttpFailure, isNotJson, vendorApiError } from '../../shared/errors';
import { nodeSecrets } from '../../shared/redact';
import type { PagingScheme } from '../../shared/pagination';
import { cursorScheme, paginate } from '../../shared/pagination';
import { repairRoutedAnswer } from '../../shared/transport';
import { credentialTypeOf, documentedBody, liveChatVendor, readLiveChatFailure, regionOf, VENDOR } from '../transport';

/** The request each item finally sent, kept so that a misdirected one can be repeated elsewhere. */
const sentRequests = new WeakMap<object, IHttpRequestOptions>();

/** preSend on the Resource: the credential's region as `X-Region`, and the request remembered. */
export async function sendRegion(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credentials = (await this.getCredentials(credentialTypeOf(this))) as IDataObject;
	const region = regionOf(credentials);
	if (region) requestOptions.headers = { ...requestOptions.headers, 'X-Region': region };
	sentRequests.set(this, requestOptions);
	return requestOptions;
}

/**
 * postReceive on the Resource, first of all: the shared transport's repairs (a `misdirected_request`
 * sent once more to the region LiveChat names, which refused it, so even a write is safe to repeat;
 * with OAuth2, a 401 once more through n8n's token refresh); then any failure, or a second refusal,
 * becomes a NodeApiError with LiveChat's type and message.
 */
export async function handleLiveChatResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const sent = sentRequests.get(this);
	if (sent) items = await repairRoutedAnswer.call(this, liveChatVendor, credentialTypeOf(this), sent, response, items);
	const failure =
		(isNotJson(response.body) ? undefined : readLiveChatFailure(response)) ??
		describeHttpFailure(VENDOR, response);
	if (failure) throw vendorApiError.call(this, failure, response, await nodeSecrets(this));
	return items;
}

/**
 * Items from the answer: the list under `key`, an array answer, or one item (`{success: true}` when
 * empty). Each is paired with the input item it was asked for: n8n cannot infer that for a list from
 * one of several inputs, and a later `$('Node').item` needs it.
 */
export function itemsFrom(key?: string): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const pairedItem = { item: this.getItemIndex() };
		const body = response.body as unknown;
		const list = key ? ((body as IDataObject | undefined)?.[key] ?? []) : body;
		if (Array.isArray(list)) return (list as IDataObject[]).map((json) => ({ json, pairedItem }));
		if (typeof list === 'object' && list !== null && Object.keys(list).length > 0) {
			return [{ json: list as IDataObject, pairedItem }];
		}
		return [{ json: { success: true }, pairedItem }];
	};
}

/**
 * preSend: the JSON body of one action, built from the parameters (and checked) before sending. A
 * paged read keeps its body an object: the paginator adds `limit` (so it is never empty) and `page_id`.
 */
export function sendBody(
	build: (this: IExecuteSingleFunctions) => IDataObject | Promise<IDataObject>,
	paged = false,
): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = await build.call(this);
		requestOptions.body = paged ? body : documentedBody(body);
		return requestOptions;
	};
}

/**
 * LiveChat's cursor: the first request carries filters, sort order and limit; the next ones only
 * `page_id` (the API refuses filters, limit or sort order beside it) plus the fields named in `keep`.
 */
export function liveChatCursor(keep: string[] = []): PagingScheme {
	return cursorScheme({
		limit: 'limit',
		maxPageSize: 100,
		where: 'body',
		// list_threads refuses `limit` beside min_events_count: that request sizes itself.
		sendsLimit: (request, first) => first && (request.body as IDataObject | undefined)?.min_events_count === undefined,
		cursorOf: (body) =>
			typeof body.next_page_id === 'string' && body.next_page_id !== '' ? body.next_page_id : undefined,
		useCursor: (request, cursor) => {
			const previous = (request.body ?? {}) as IDataObject;
			const next: IDataObject = {};
			for (const name of keep) if (previous[name] !== undefined) next[name] = previous[name];
			next.page_id = cursor;
			request.body = next;
		},
	});
}

/** Return All / Limit over LiveChat's pages. */
export function paginateLiveChat(keep: string[] = []) {
	return paginate(liveChatCursor(keep));
}
