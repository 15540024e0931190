import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { readWithRetry } from './retry';

/**
 * How one vendor pages a list. `sizePage` writes the page size (and, before the first request, the
 * first position) into the request; `nextPage` reads the raw answer of the page just received and
 * moves the request to the next page, or says there is none.
 */
export interface PagingScheme {
	maxPageSize: number;
	sizePage(request: IHttpRequestOptions, size: number, first: boolean): void;
	nextPage(answer: IN8nHttpFullResponse, request: IHttpRequestOptions, received: number, size: number): boolean;
}

/** Where a paging parameter travels: the query string or the JSON body. */
export type ParameterPlace = 'qs' | 'body';

function place(request: IHttpRequestOptions, where: ParameterPlace): IDataObject {
	if (where === 'body') {
		request.body = (request.body as IDataObject | undefined) ?? {};
		return request.body as IDataObject;
	}
	request.qs = request.qs ?? {};
	return request.qs;
}

/** Page numbers (`page=1,2,…`); `hasNext` reads the vendor's own "more pages" signal. */
export function pageNumberScheme(options: {
	page: string;
	limit: string;
	maxPageSize: number;
	firstPage?: number;
	where?: ParameterPlace;
	hasNext: (body: IDataObject, received: number, size: number) => boolean;
}): PagingScheme {
	const where = options.where ?? 'qs';
	return {
		maxPageSize: options.maxPageSize,
		sizePage(request, size, first) {
			const params = place(request, where);
			params[options.limit] = size;
			if (first) params[options.page] = options.firstPage ?? 1;
		},
		nextPage(answer, request, received, size) {
			if (!options.hasNext((answer.body ?? {}) as IDataObject, received, size)) return false;
			const params = place(request, where);
			params[options.page] = Number(params[options.page]) + 1;
			return true;
		},
	};
}

/** Offsets (`offset=0,100,…`): a short page is the last one. */
export function offsetScheme(options: {
	offset: string;
	limit: string;
	maxPageSize: number;
	where?: ParameterPlace;
}): PagingScheme {
	const where = options.where ?? 'qs';
	return {
		maxPageSize: options.maxPageSize,
		sizePage(request, size, first) {
			const params = place(request, where);
			params[options.limit] = size;
			if (first) params[options.offset] = 0;
		},
		nextPage(_answer, request, received, size) {
			if (received < size) return false;
			const params = place(request, where);
			params[options.offset] = Number(params[options.offset]) + size;
			return true;
		},
	};
}

/** A cursor the answer hands out (`next_page_id`); `useCursor` puts it into the next request. */
export function cursorScheme(options: {
	limit: string;
	maxPageSize: number;
	where?: ParameterPlace;
	cursorOf: (body: IDataObject) => string | undefined;
	useCursor: (request: IHttpRequestOptions, cursor: string) => void;
}): PagingScheme {
	const where = options.where ?? 'qs';
	return {
		maxPageSize: options.maxPageSize,
		sizePage(request, size) {
			place(request, where)[options.limit] = size;
		},
		nextPage(answer, request) {
			const cursor = options.cursorOf((answer.body ?? {}) as IDataObject);
			if (!cursor) return false;
			options.useCursor(request, cursor);
			return true;
		},
	};
}

/**
 * `routing.operations.pagination` for a list with Return All and Limit (pair it with
 * `send: { paginate: true }` on the operation). Return All asks for the largest page the API allows
 * until it says there is no more; Limit asks only for as many as needed. Every page is a safe read,
 * retried on 429/503 like any other.
 */
export function paginate(scheme: PagingScheme) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', true) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		let answer: IN8nHttpFullResponse | undefined;
		// The postReceive chain turns the answer into items; the raw answer, which says where the
		// next page is, is caught on the way in. It must go on requestData itself: n8n's
		// makeRoutingRequest runs the postReceive steps of the request data it was created with.
		requestData.postReceive.unshift({
			data: { parameterValue: undefined },
			actions: [
				async (items: INodeExecutionData[], response: IN8nHttpFullResponse) => {
					answer = response;
					return items;
				},
			],
		});
		const request = requestData.options as IHttpRequestOptions;
		// One page size for every page: page-number APIs count pages in units of it.
		const size = Math.min(scheme.maxPageSize, limit);
		const results: INodeExecutionData[] = [];
		for (let first = true; ; first = false) {
			scheme.sizePage(request, size, first);
			const page = await readWithRetry(this, requestData);
			results.push(...page);
			if (results.length >= limit || page.length === 0) break;
			if (!scheme.nextPage(answer!, request, page.length, size)) break;
		}
		return results.slice(0, limit);
	};
}
