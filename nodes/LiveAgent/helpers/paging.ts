import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PagingScheme } from '../../shared/pagination';
import { offsetScheme, paginate, repeatsOnly } from '../../shared/pagination';
import { readWithRetry } from '../../shared/retry';
import { redactedError } from './redact';
import { unwrap } from './errors';
import { listOf } from './output';

type Pagination = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

async function apiKeyOf(context: IExecutePaginationFunctions): Promise<string | undefined> {
	try {
		const credentials = await context.getCredentials('liveAgentApi');
		return typeof credentials.apiKey === 'string' ? credentials.apiKey.trim() || undefined : undefined;
	} catch {
		return undefined;
	}
}

/** Runs a routed request and lets no error out that could carry the API key. */
function keyless(send: Pagination): Pagination {
	return async function (this: IExecutePaginationFunctions, requestData) {
		try {
			return await send.call(this, requestData);
		} catch (error) {
			throw redactedError(this.getNode(), error, await apiKeyOf(this));
		}
	};
}

/** A single read: retried on 429/503 (honouring Retry-After), errors without the key. */
export const safeRead = keyless(async function (this: IExecutePaginationFunctions, requestData) {
	return await readWithRetry(this, requestData);
});

/** A paged read; every page is a safe read. */
export function pagedRead(scheme: PagingScheme): Pagination {
	return keyless(paginate(scheme));
}

/**
 * A request that creates, sends or changes something: sent exactly once, never repeated (it may
 * have reached LiveAgent), with errors that cannot carry the key.
 */
export const sendOnce = keyless(async function (this: IExecutePaginationFunctions, requestData) {
	return await this.makeRoutingRequest(requestData);
});

/** Customers are paged with `limitfrom` (first row) and `limitcount` (at most 1000). */
export const customerPaging = offsetScheme({ offset: 'limitfrom', limit: 'limitcount', maxPageSize: 1000 });
export const customerPages = pagedRead(customerPaging);

/**
 * Conversations are paged with `limit` and `offset`, 1000 a page (keboola/component-liveagent); Get
 * Many adds a check for pages without progress (resources/conversation), the trigger its own.
 */
export const conversationPaging = offsetScheme({ offset: 'offset', limit: 'limit', maxPageSize: 1000 });

/** A page that holds only records already received: LiveAgent did not move to the next page. */
export class NoProgressError extends Error {}

/**
 * Offset paging that stops with an error instead of looping when a page brings nothing new (a
 * LiveAgent that ignores the paging parameters answers the same page again). `listKeys` say where
 * the page's records are (the first key the answer holds), `identity` what tells two records apart.
 */
export function offsetPagesWithProgress(options: {
	offset: string;
	limit: string;
	maxPageSize: number;
	listKeys: string[];
	identity: (record: IDataObject) => string;
}): PagingScheme {
	const plain = offsetScheme(options);
	// per request: each item's list is paged with its own request object, possibly at the same time
	const seen = new WeakMap<IHttpRequestOptions, Set<string>>();
	return {
		maxPageSize: options.maxPageSize,
		sizePage(request, size, first) {
			if (first) seen.set(request, new Set());
			plain.sizePage(request, size, first);
		},
		nextPage(answer, request, received, size) {
			const inner = unwrap(answer.body);
			const key = options.listKeys.find((name) => inner[name] !== undefined);
			const keys = (key === undefined ? [] : listOf(inner[key])).map(options.identity);
			const known = seen.get(request) ?? new Set<string>();
			if (repeatsOnly(known, keys)) {
				throw new NoProgressError(
					`LiveAgent answered the page from row ${String(request.qs?.[options.offset])} with records it had already sent, so the list cannot be read to its end`,
				);
			}
			seen.set(request, known);
			// what LiveAgent sent decides whether this was the last page, not what the node kept of it
			return plain.nextPage(answer, request, Math.max(keys.length, received), size);
		},
	};
}

/**
 * A paged read that turns a page without progress into a NodeOperationError that says what to do.
 * `keep`, given the request's query, drops what a LiveAgent that ignored a filter sent anyway; it runs
 * once every page is in, so that a page it empties does not end the paging.
 */
export function pagedReadWithProgress(
	scheme: PagingScheme,
	keep?: (record: IDataObject, query: IDataObject) => boolean,
): Pagination {
	const read = paginate(scheme);
	return keyless(async function (this: IExecutePaginationFunctions, requestData) {
		let items: INodeExecutionData[];
		try {
			items = await read.call(this, requestData);
		} catch (error) {
			// keyless (around this) makes any other error one that cannot carry the key
			throw error instanceof NoProgressError
				? new NodeOperationError(this.getNode(), error.message, {
						description:
							'This LiveAgent seems to ignore the paging parameters. Narrow the list with filters (dates, status, department), or turn off Return All and set a Limit.',
					})
				: redactedError(this.getNode(), error, await apiKeyOf(this));
		}
		const query = ((requestData.options as IHttpRequestOptions).qs ?? {}) as IDataObject;
		return keep ? items.filter((item) => keep(item.json, query)) : items;
	});
}
