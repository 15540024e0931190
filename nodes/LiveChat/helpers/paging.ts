import type { IDataObject } from 'n8n-workflow';

import type { PagingScheme } from '../../shared/pagination';
import { cursorScheme, paginate } from '../../shared/pagination';

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
