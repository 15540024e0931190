import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { vendorRequest } from '../../shared/transport';
import { pageRecords } from '../helpers/output';
import { fiveChatApi } from '../transport';
import { searchPaging } from '../../shared/pagination';

/** The newest conversations, a page at a time. */
export async function searchConversations(
	this: ILoadOptionsFunctions,
	_filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = searchPaging.pageOf(paginationToken);
	const body = await vendorRequest.call(this, fiveChatApi, {
		method: 'GET',
		url: '/conversations',
		qs: { page, limit: 100 },
	});
	const results = pageRecords(body).map((conversation: IDataObject) => ({
		name: `${String(conversation.token)} (${String(conversation.status ?? '')}, ${String(conversation.createdAt ?? '')})`,
		value: String(conversation.token),
	}));
	return searchPaging.results(this.getNode(), paginationToken, results, (body as IDataObject).hasNextPage === true);
}

/** Tickets, searched by 5chat's own `search` filter. */
export async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = searchPaging.pageOf(paginationToken);
	const qs: IDataObject = { page, limit: 100 };
	if (filter) qs.search = filter;
	const body = await vendorRequest.call(this, fiveChatApi, { method: 'GET', url: '/tickets', qs });
	const results = pageRecords(body).map((ticket: IDataObject) => ({
		name: `#${String(ticket.id)} ${String(ticket.title ?? '')}`,
		value: String(ticket.id),
	}));
	return searchPaging.results(this.getNode(), paginationToken, results, (body as IDataObject).hasNextPage === true);
}
