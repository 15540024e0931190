import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failureIn } from './errors';
import { readWithRetry } from './retry';
import type { VendorApi, VendorContext } from './transport';
import { vendorRequest } from './transport';
import { advancedSetting, movedToOptions } from './descriptions';
import { readSwitch, toNumber } from './validate';

/**
 * How one vendor pages a list. `sizePage` writes the page size (and, before the first request, the
 * first position) into the request; `nextPage` reads the raw answer of the page just received and
 * moves the request to the next page, or says there is none.
 */
export interface PagingScheme {
	maxPageSize: number;
	sizePage(request: IHttpRequestOptions, size: number, first: boolean): void;
	nextPage(answer: IN8nHttpFullResponse, request: IHttpRequestOptions, received: number, size: number): boolean;
	/**
	 * How many records the raw answer held, for a node that drops some of them itself (a filter the
	 * vendor may ignore): paging then goes by what the vendor sent, not by what was kept. Without it,
	 * the items kept are counted.
	 */
	recordsIn?(answer: IN8nHttpFullResponse): number;
	/**
	 * For lists whose answers tell how big the list is: the number of pages at `size`, read from the
	 * first answer (undefined when it does not say), and how to point a copy of the first request at
	 * the page `index` pages after it. With both, the remaining pages can be asked for at once.
	 */
	total?: {
		pageCount(answer: IN8nHttpFullResponse, size: number): number | undefined;
		pointAt(request: IHttpRequestOptions, index: number): void;
	};
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
	/** The number of pages at `size`, when the answer tells the total. */
	pageCount?: (body: IDataObject, size: number) => number | undefined;
}): PagingScheme {
	const where = options.where ?? 'qs';
	const pageCount = options.pageCount;
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
		total: pageCount && {
			pageCount: (answer, size) => pageCount((answer.body ?? {}) as IDataObject, size),
			pointAt(request, index) {
				const params = place(request, where);
				params[options.page] = Number(params[options.page]) + index;
			},
		},
	};
}

/** A whole number of pages, or undefined for anything else an answer may hold. */
export function pagesOf(records: unknown, size: number): number | undefined {
	const count = typeof records === 'number' || (typeof records === 'string' && records.trim() !== '') ? Number(records) : NaN;
	return Number.isInteger(count) && count >= 0 ? Math.ceil(count / size) : undefined;
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
	/** Whether a request carries the page size (by default every one): an API may refuse it beside a cursor. */
	sendsLimit?: (request: IHttpRequestOptions, first: boolean) => boolean;
}): PagingScheme {
	const where = options.where ?? 'qs';
	return {
		maxPageSize: options.maxPageSize,
		sizePage(request, size, first) {
			if (options.sendsLimit?.(request, first) ?? true) place(request, where)[options.limit] = size;
		},
		nextPage(answer, request) {
			const cursor = options.cursorOf((answer.body ?? {}) as IDataObject);
			if (!cursor) return false;
			options.useCursor(request, cursor);
			return true;
		},
	};
}

/** The most pages one list is read to: past it an API that keeps handing out pages is stopped. */
export const MAX_PAGES = 10_000;

/**
 * Whether a page's records (by `keys`) were all received before: a list that does not move on. A page
 * that brings anything new is remembered in `received`. The one check of progress for every paged read.
 */
export function repeatsOnly(received: Set<string>, keys: string[]): boolean {
	if (keys.length > 0 && keys.every((key) => received.has(key))) return true;
	for (const key of keys) received.add(key);
	return false;
}

/**
 * Watches a paging loop for progress. `page` fails with a NodeOperationError when a page brings
 * nothing new (every record of a non-empty page was received before: the API ignored the paging
 * parameter), when a request is about to ask for a page it already asked for (the same cursor or
 * page number again), or when the list runs past MAX_PAGES pages. `what` names the list in the error.
 */
export class PageProgress {
	private readonly records = new Set<string>();
	private readonly requests = new Set<string>();
	private pages = 0;

	constructor(
		private readonly node: INode,
		private readonly what: string,
		/** A record's identity; by default its whole JSON. */
		private readonly keyOf: (record: IDataObject) => string = (record) => JSON.stringify(record),
		private readonly maxPages = MAX_PAGES,
	) {}

	/** Call with each page's records as it arrives (or with the number of pages a list says it has). */
	page(records: IDataObject[], pages = this.pages + 1): void {
		this.pages = pages;
		if (repeatsOnly(this.records, records.map((record) => this.keyOf(record)))) {
			throw this.stop(`page ${this.pages} of ${this.what} brought only records already received`,
				'The API seems to ignore the paging parameter and answers the same page again.');
		}
		if (this.pages > this.maxPages) {
			throw this.stop(`${this.what} ran past ${this.maxPages} pages`, 'Use Limit, or filters, to read fewer records at a time.');
		}
	}

	/** Call with the request (or its paging parameters) about to be sent for the next page. */
	request(request: unknown): void {
		const key = JSON.stringify(request);
		if (this.requests.has(key)) {
			throw this.stop(`the API pointed ${this.what} back to a page already read (the same cursor or page again)`,
				'The API answered with a next-page pointer it had handed out before; reading on would never end.');
		}
		this.requests.add(key);
	}

	private stop(message: string, description: string): NodeOperationError {
		return new NodeOperationError(this.node, `Paging stopped: ${message}`, { description });
	}
}

/**
 * Paging of a dropdown the editor asks for page by page (listSearch). The token says which page comes
 * next and which value the page before began with: a page that begins the same again (the API ignored
 * the page number) fails with a clear error, and an empty page or MAX_PAGES ends the list.
 */
export const searchPaging = {
	pageOf(token: string | undefined): number {
		return Number(String(token ?? '1').split(':')[0]) || 1;
	},
	results<T extends { value: string | number }>(
		node: INode,
		token: string | undefined,
		results: T[],
		apiSaysMore: boolean,
	): { results: T[]; paginationToken?: string } {
		const page = searchPaging.pageOf(token);
		const first = results.length ? String(results[0].value) : '';
		const before = token?.includes(':') ? token.slice(token.indexOf(':') + 1) : undefined;
		if (before !== undefined && first !== '' && first === before) {
			throw new NodeOperationError(node, `Paging stopped: page ${page} of the list repeated page ${page - 1}`, {
				description: 'The API seems to ignore the page number; type a search to narrow the list.',
			});
		}
		const more = apiSaysMore && results.length > 0 && page < MAX_PAGES;
		return { results, paginationToken: more ? `${page + 1}:${first}` : undefined };
	},
};

/** The most pages of one list in flight at once; reads of a node also share a gate of 8 (retry.ts). */
export const MAX_PARALLEL_PAGES = 8;

/**
 * The "Parallel Page Requests" option of a list whose answers tell how big it is. Once the first page
 * has told how many pages there are, up to this many of the rest are asked for at once. It sits in the
 * list's Options collection and shows only with Return All, where it matters; an AI agent is not
 * offered it (n8n's tool wrapper hands the model only parameters set to $fromAI).
 */
const parallelPages = movedToOptions(
	{
		displayName: 'Parallel Page Requests',
		name: 'parallelPageRequests',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_PAGES },
		default: 4,
		description:
			'How many pages to ask for at once after the first page has told how many there are. 1 asks for one page after another; lower it if the API answers with rate limits (429) often.',
	},
	{ '/returnAll': [true] },
);
export const parallelPagesOption = parallelPages.option;
/** Where workflows saved before the move keep the setting. */
export const parallelPagesLegacyProperty = parallelPages.legacy;

/** The node's Parallel Page Requests, checked: a whole number of at least 1, at most MAX_PARALLEL_PAGES. */
function parallelPageRequests(context: IExecutePaginationFunctions): number {
	const value = advancedSetting(context, 'parallelPageRequests', parallelPagesOption.default);
	const number = toNumber(context, value, 'Parallel Page Requests');
	if (number === undefined || !Number.isInteger(number) || number < 1) {
		throw new NodeOperationError(context.getNode(), 'Parallel Page Requests must be a whole number of at least 1', {
			description: `It is ${JSON.stringify(value)}. Set it under Options, or use 1 to read one page after another.`,
		});
	}
	return Math.min(MAX_PARALLEL_PAGES, number);
}

/** A copy of a routed request that can be pointed at another page without touching the original. */
function copyOf(requestData: DeclarativeRestApiSettings.ResultOptions): DeclarativeRestApiSettings.ResultOptions {
	const options = requestData.options as IHttpRequestOptions;
	const body = options.body;
	return {
		...requestData,
		options: {
			...options,
			qs: { ...options.qs },
			headers: { ...options.headers },
			body: body && Object.getPrototypeOf(body) === Object.prototype ? { ...(body as IDataObject) } : body,
		},
	};
}

/**
 * The pages 1 … count-1 after the first, at most `parallel` in flight, each a read retried on
 * 429/503 like any other. Answers come back in page order; after a failure no further page is asked for.
 */
async function otherPages(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	pointAt: (request: IHttpRequestOptions, index: number) => void,
	count: number,
	parallel: number,
): Promise<INodeExecutionData[][]> {
	const pages: INodeExecutionData[][] = new Array(count - 1);
	let next = 1;
	let failed = false;
	const worker = async () => {
		while (!failed && next < count) {
			const index = next++;
			const copy = copyOf(requestData);
			pointAt(copy.options as IHttpRequestOptions, index);
			try {
				pages[index - 1] = await readWithRetry(context, copy);
			} finally {
				// a page that did not arrive failed the whole read: the other workers stop asking
				failed ||= pages[index - 1] === undefined;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, count - 1) }, worker));
	return pages;
}

/**
 * `routing.operations.pagination` for a list with Return All and Limit (pair it with
 * `send: { paginate: true }` on the operation). Return All asks for the largest page the API allows
 * until it says there is no more; Limit asks only for as many as needed. Every page is a safe read,
 * retried on 429/503 like any other. Where the first answer tells how many pages there are, the
 * rest are asked for at once, up to the node's "Parallel Page Requests" (never past what Limit needs).
 */
export function paginate(scheme: PagingScheme) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = readSwitch(this, 'returnAll', 'Return All', true);
		const limit = returnAll ? Infinity : (toNumber(this, this.getNodeParameter('limit', 50), 'Limit') ?? 50);
		const parallel = scheme.total
			? parallelPageRequests(this)
			: 1;
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
		const progress = new PageProgress(this.getNode(), 'the list');
		for (let first = true; ; first = false) {
			scheme.sizePage(request, size, first);
			progress.request({ url: request.url, qs: request.qs, body: request.body });
			const page = await readWithRetry(this, requestData);
			// a failed page under "continue on error" is the list's one item: the error, not a partial list
			const failed = failureIn(page);
			if (failed) return [failed.item];
			results.push(...page);
			const received = scheme.recordsIn?.(answer!) ?? page.length;
			if (results.length >= limit || received === 0) break;
			const pageCount = first && parallel > 1 ? scheme.total!.pageCount(answer!, size) : undefined;
			if (pageCount !== undefined) {
				// When the node dropped records of the first page, Limit cannot tell how many pages it needs.
				const needed = received > page.length ? pageCount : Math.min(pageCount, Math.ceil(limit / size));
				if (needed > 1) {
					if (needed > MAX_PAGES) progress.page([], needed);
					for (const other of await otherPages(this, requestData, scheme.total!.pointAt, needed, parallel)) {
						const otherFailed = failureIn(other);
						if (otherFailed) return [otherFailed.item];
						progress.page(other.map((item) => item.json));
						results.push(...other);
					}
				}
				break;
			}
			const more = scheme.nextPage(answer!, request, received, size);
			// after the vendor's own checks (in nextPage), which can say more precisely what went wrong;
			// a last page that only repeats an earlier one is caught as well
			progress.page(page.map((item) => item.json));
			if (!more) break;
		}
		return results.slice(0, limit);
	};
}

/**
 * The pages of one list for programmatic code (triggers, dropdowns), walked with a PagingScheme as
 * `paginate` walks a routed list: `sizePage` sizes the request (`size`, by default the scheme's
 * largest page), `send` asks for each page (a VendorApi goes through vendorRequest: retries on
 * 429/503, the vendor's failures as NodeApiError; a function sends it its own way), `nextPage` moves
 * on or ends the list, an empty page ends it too. Yields each page's records (`recordsOf` reads them
 * from the answer's body) and the body, in order; the caller may stop early. Once the caller has
 * looked at a page, PageProgress (`what` names the list, `keyOf` tells records apart) fails a list that
 * makes no progress or runs past MAX_PAGES with a NodeOperationError.
 */
export async function* eachPage(
	context: VendorContext,
	send: VendorApi | ((request: IHttpRequestOptions) => Promise<unknown>),
	request: IHttpRequestOptions,
	scheme: PagingScheme,
	options: {
		what: string;
		recordsOf: (body: unknown) => IDataObject[];
		keyOf?: (record: IDataObject) => string;
		size?: number;
		/** The most pages read; the list then ends quietly (a poll leaves the rest to the next one). */
		maxPages?: number;
	},
): AsyncGenerator<{ records: IDataObject[]; body: unknown }> {
	const size = options.size ?? scheme.maxPageSize;
	const progress = new PageProgress(context.getNode(), options.what, options.keyOf);
	for (let first = true, pages = 1; pages <= (options.maxPages ?? Infinity); first = false, pages++) {
		scheme.sizePage(request, size, first);
		progress.request({ url: request.url, qs: request.qs, body: request.body });
		const sent: IHttpRequestOptions = { ...request, qs: { ...request.qs } };
		const body = typeof send === 'function' ? await send(sent) : await vendorRequest.call(context, send, sent);
		const records = options.recordsOf(body);
		const answer = { body, headers: {}, statusCode: 200 } as IN8nHttpFullResponse;
		const received = scheme.recordsIn?.(answer) ?? records.length;
		yield { records, body };
		progress.page(records);
		if (received === 0 || !scheme.nextPage(answer, request, received, size)) return;
	}
}
