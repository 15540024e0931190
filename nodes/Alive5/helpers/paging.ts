import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isNotFound } from '../../shared/errors';
import type { PagingScheme } from '../../shared/pagination';
import { eachPage, pagesOf } from '../../shared/pagination';
import type { VendorContext } from '../../shared/transport';
import { vendorRequest } from '../../shared/transport';
import { alive5Api } from '../transport';
import { isNoRecords } from './errors';
import { listOf } from './output';

export const LIVECHAT_MAX_PAGE = 100;

/**
 * Live chat pages by `page` and `limit`. The documented first page is 1; one unofficial source says
 * 0, so the first page number is an option that a preSend writes before the paginator starts.
 * A short, empty or "no records" page is the last one (the page counts in answers vary by source).
 * The first answer's `totalRecord` tells how many pages there are, so the rest can be asked for at once.
 */
export const liveChatPaging: PagingScheme = {
	maxPageSize: LIVECHAT_MAX_PAGE,
	sizePage(request, size, first) {
		request.qs = request.qs ?? {};
		// Page numbers only mean the same records while the page size stays the same: the size of
		// the first page is kept, and the Limit parameter trims what the last page brings too many.
		if (first || request.qs.limit === undefined) request.qs.limit = size;
		if (first && request.qs.page === undefined) request.qs.page = 1;
	},
	// The node applies the date range to what comes back as well: paging counts what Alive5 sent.
	recordsIn: (answer) => (isNoRecords(answer) ? 0 : listOf(answer.body).length),
	nextPage(answer, request, received, size) {
		if (isNoRecords(answer) || received < Math.min(size, Number(request.qs?.limit ?? size))) return false;
		if (isLastPage(answer.body)) return false;
		request.qs = request.qs ?? {};
		request.qs.page = Number(request.qs.page) + 1;
		return true;
	},
	total: {
		pageCount: (answer, size) => (isNoRecords(answer) ? undefined : pagesOf(envelopeOf(answer.body).totalRecord, size)),
		pointAt(request, index) {
			request.qs = { ...request.qs, page: Number(request.qs?.page) + index };
		},
	},
};

/** The paging fields of an answer, at the top or inside `data`. */
function envelopeOf(body: unknown): Record<string, unknown> {
	const envelope = (body ?? {}) as Record<string, unknown>;
	return typeof envelope.data === 'object' && envelope.data !== null && !Array.isArray(envelope.data)
		? { ...(envelope.data as Record<string, unknown>), ...envelope }
		: envelope;
}

/**
 * True when the answer says it is the last page (`page` equal to `totalPages` or `pages`), which
 * saves the empty request a full last page would otherwise need. Answers that number pages from 0, or
 * say nothing, fall back to the short-page rule.
 */
function isLastPage(body: unknown): boolean {
	const place = envelopeOf(body);
	const page = Number(place.page);
	const pages = Number(place.totalPages ?? place.pages);
	return Number.isInteger(page) && Number.isInteger(pages) && pages > 0 && page >= pages;
}

/** preSend: the first page number option, checked. */
export async function sendFirstPage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const first = this.getNodeParameter('options.firstPage', 1) as number;
	if (first !== 0 && first !== 1) {
		throw new NodeOperationError(this.getNode(), `Options → First Page Number must be 0 or 1, not ${first}`, {
			itemIndex: this.getItemIndex(),
		});
	}
	requestOptions.qs = { ...requestOptions.qs, page: first };
	return requestOptions;
}

/**
 * Every conversation of one Alive5 list (`path`, with `qs`), for code (the polling trigger, the Live
 * Chat node): a list that is not `paged` answers whole; the live chat list is read page by page as Get
 * Many pages it, from `firstPage` when given, at most `maxPages` pages. Alive5's "no records" (404) is an
 * empty list. Other failures throw NodeApiError.
 */
export async function listConversations(
	context: VendorContext,
	path: string,
	paged: boolean,
	qs: IDataObject,
	options: { firstPage?: number; maxPages?: number } = {},
): Promise<IDataObject[]> {
	const send = async (request: IHttpRequestOptions) => {
		try {
			return await vendorRequest.call(context, alive5Api, request);
		} catch (error) {
			if (isNotFound(error)) return [];
			throw new NodeApiError(context.getNode(), error as JsonObject);
		}
	};
	const request: IHttpRequestOptions = { method: 'GET', url: path, qs: { ...qs } };
	if (!paged) return listOf(await send(request));
	if (options.firstPage !== undefined) request.qs = { ...request.qs, page: options.firstPage };
	const all: IDataObject[] = [];
	const pages = eachPage(context, send, request, liveChatPaging, { what: `Alive5 ${path}`, recordsOf: listOf, maxPages: options.maxPages });
	for await (const page of pages) all.push(...page.records);
	return all;
}
