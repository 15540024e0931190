import { pageNumberScheme, pagesOf, paginate } from '../../shared/pagination';

/**
 * `routing.operations.pagination` for 5chat lists: `page` from 1 and `limit` up to 100. Return All
 * asks for pages of 100 until the envelope says `hasNextPage: false`, so it never asks for a page
 * past the end; Limit asks only for as many as it needs. Each page is a read retried on 429/503.
 * The first answer's `total` tells how many pages there are, so the rest can be asked for at once.
 */
export const fiveChatPaging = pageNumberScheme({
	page: 'page',
	limit: 'limit',
	maxPageSize: 100,
	hasNext: (body, received, size) =>
		typeof body.hasNextPage === 'boolean' ? body.hasNextPage : received === size,
	pageCount: (body, size) => pagesOf(body.total, size),
});

export const fiveChatPages = paginate(fiveChatPaging);
