import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { PagingScheme } from '../../shared/pagination';
import { offsetScheme, paginate } from '../../shared/pagination';
import { readWithRetry } from '../../shared/retry';
import { redactedError } from './redact';
import { unwrap } from './errors';

type Pagination = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

async function apiKeyOf(context: IExecutePaginationFunctions): Promise<string | undefined> {
	try {
		const credentials = await context.getCredentials('liveAgentApi');
		return typeof credentials.apiKey === 'string' ? credentials.apiKey : undefined;
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
export const customerPages = pagedRead(
	offsetScheme({ offset: 'limitfrom', limit: 'limitcount', maxPageSize: 1000 }),
);

/** A list inside the envelope: `[...]`, `{item: [...]}` or one object (XML-style answers). */
export function listOf(value: unknown): IDataObject[] {
	if (Array.isArray(value)) return value as IDataObject[];
	if (value && typeof value === 'object') {
		const entries = Object.values(value as IDataObject);
		if (entries.length === 1 && Array.isArray(entries[0])) return entries[0] as IDataObject[];
		if (entries.length === 1 && entries[0] && typeof entries[0] === 'object') return [entries[0] as IDataObject];
		return [value as IDataObject];
	}
	return [];
}

/**
 * postReceive: the envelope's object as one item, or its list as items. `key` names where the list
 * is; where sources disagree on the name, several are given and the first one the answer holds wins.
 */
export function fromEnvelope(key?: string | string[]) {
	const keys = key === undefined ? [] : Array.isArray(key) ? key : [key];
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const inner = unwrap(response.body);
		if (!keys.length) return [{ json: inner }];
		const found = keys.find((name) => inner[name] !== undefined);
		return found === undefined ? [] : listOf(inner[found]).map((json) => ({ json }));
	};
}
