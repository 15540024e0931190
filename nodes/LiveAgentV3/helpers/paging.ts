import type { IN8nHttpFullResponse } from 'n8n-workflow';

import type { PagingScheme } from '../../shared/pagination';
import { pageNumberScheme, paginate } from '../../shared/pagination';

/**
 * The most rows a v3 page is asked for. The client documents no largest `_perPage`
 * (liveagent_api/api/*_api.py: `per_page`, "Results per page"): 100 is a size any API takes (README, unsure).
 */
export const V3_PAGE_SIZE = 100;

/**
 * v3 lists page by `_page` (from 1) and `_perPage` (client: TicketsApi.get_tickets_list and every other
 * `get_*_list`; FACTS.md) and answer a bare JSON array that tells no total: a short page is the last.
 */
export const v3Paging = pageNumberScheme({
	page: '_page',
	limit: '_perPage',
	maxPageSize: V3_PAGE_SIZE,
	hasNext: (_body, received, size) => received >= size,
});

export const v3Pages = paginate(v3Paging);

/** A header of an answer, whatever case the server wrote its name in. */
function headerOf(answer: IN8nHttpFullResponse, name: string): string | undefined {
	const found = Object.entries(answer.headers ?? {}).find(([key]) => key.toLowerCase() === name);
	const value = Array.isArray(found?.[1]) ? found?.[1][0] : found?.[1];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The lists v3 pages by cursor (`_cursor`, the client's TicketsApi.get_ticket_history and
 * CallsApi.get_calls_list): `_perPage` rows a page, the next page's cursor in the `next_page_cursor`
 * response header (FACTS.md), none on the last page.
 */
export const v3CursorPaging: PagingScheme = {
	maxPageSize: V3_PAGE_SIZE,
	sizePage(request, size, first) {
		request.qs = request.qs ?? {};
		request.qs._perPage = size;
		if (first) delete request.qs._cursor;
	},
	nextPage(answer, request) {
		const cursor = headerOf(answer, 'next_page_cursor');
		if (!cursor) return false;
		request.qs = request.qs ?? {};
		request.qs._cursor = cursor;
		return true;
	},
};

export const v3CursorPages = paginate(v3CursorPaging);
