import type {
	DeclarativeRestApiSettings,
	JsonObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { retryAfterOf } from './errors';

/** Statuses after which a read can safely be sent again. */
const RETRYABLE_STATUSES = ['429', '503'];
const MAX_RETRIES = 3;
const FIRST_BACKOFF_MS = 500;

/**
 * Sends one routed read and, on 429 or 503, sends it again up to three times, waiting as long as
 * `Retry-After` says or else 0.5 s, 1 s, 2 s. Only reads go through here: a request that creates or
 * sends something is never repeated once it may have reached the vendor.
 */
export async function readWithRetry(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await context.makeRoutingRequest(requestData);
		} catch (error) {
			const retryable =
				error instanceof NodeApiError && RETRYABLE_STATUSES.includes(String(error.httpCode));
			if (!retryable || attempt >= MAX_RETRIES) throw new NodeApiError(context.getNode(), error as JsonObject);
			await sleep(retryAfterOf(error) ?? FIRST_BACKOFF_MS * 2 ** attempt);
		}
	}
}

/**
 * `routing.operations.pagination` for reads that are not paged: one request, retried as above.
 * Pair it with `send: { paginate: true }` on the operation.
 */
export async function singleRead(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await readWithRetry(this, requestData);
}
