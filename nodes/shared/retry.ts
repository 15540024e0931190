import type {
	DeclarativeRestApiSettings,
	JsonObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { failureIn, retryAfterOf } from './errors';

/** Statuses after which a read can safely be sent again. */
const RETRYABLE_STATUSES = [429, 503];
const MAX_RETRIES = 3;
const FIRST_BACKOFF_MS = 500;

/**
 * The one retry policy of the package, for routed reads (below) and programmatic ones
 * (`vendorRequest`): given the failure of attempt `attempt` (0 = the first send), the milliseconds to
 * wait before sending again — `Retry-After` if the vendor said, else 0.5 s, 1 s, 2 s, each spread a
 * little — or undefined when the failure is not a 429/503 or three retries were made already.
 */
export function retryDelay(attempt: number, failure: unknown): number | undefined {
	const httpCode = failure instanceof NodeApiError ? Number(failure.httpCode) : undefined;
	if (httpCode === undefined || !RETRYABLE_STATUSES.includes(httpCode) || attempt >= MAX_RETRIES) return undefined;
	return spread(retryAfterOf(failure) ?? FIRST_BACKOFF_MS * 2 ** attempt);
}

/**
 * n8n's declarative engine starts every input item's request at once. Reads of one node in one
 * execution go through a gate of this many at a time, so that 500 items do not arrive as 500
 * simultaneous requests (which vendors answer with 429s).
 */
const READS_IN_FLIGHT = 8;

interface Gate {
	active: number;
	waiting: Array<() => void>;
}

const gates = new Map<string, Gate>();

async function throughGate<T>(key: string, send: () => Promise<T>): Promise<T> {
	let gate = gates.get(key);
	if (!gate) {
		gate = { active: 0, waiting: [] };
		gates.set(key, gate);
	}
	if (gate.active < READS_IN_FLIGHT) gate.active++;
	// a finishing request hands its place straight to the next one waiting
	else await new Promise<void>((resolve) => gate.waiting.push(resolve));
	try {
		return await send();
	} finally {
		const next = gate.waiting.shift();
		if (next) next();
		else if (--gate.active === 0) gates.delete(key);
	}
}

/** A wait of at least `ms` and up to half as long again, so that retries of many items do not collide. */
function spread(ms: number): number {
	return Math.round(ms * (1 + Math.random() / 2));
}

/**
 * Sends one routed read and, on 429 or 503, sends it again as `retryDelay` says. Only reads go through here: a
 * request that creates or sends something is never repeated once it may have reached the vendor.
 */
export async function readWithRetry(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const gateKey = `${context.getExecutionId()}:${context.getNode().id}`;
	for (let attempt = 0; ; attempt++) {
		let wait: number | undefined;
		try {
			const items = await throughGate(gateKey, async () => await context.makeRoutingRequest(requestData));
			// under "continue on error" a failure arrives as an item (continueOnFailure): retried alike
			wait = retryDelay(attempt, failureIn(items)?.error);
			if (wait === undefined) return items;
		} catch (error) {
			wait = retryDelay(attempt, error);
			if (wait === undefined) throw new NodeApiError(context.getNode(), error as JsonObject);
		}
		await sleep(wait);
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

/**
 * The routing of a safe read that is not paged, so that n8n runs it through `singleRead` and a 429 or
 * 503 is retried: `request`, then `preSend` (e.g. `sendPathId`), then `postReceive` on the answer.
 */
export function readRouting(
	request: NonNullable<INodePropertyRouting['request']>,
	{ preSend, postReceive }: { preSend?: PreSendAction[]; postReceive?: PostReceiveAction[] } = {},
): INodePropertyRouting {
	return {
		request,
		send: preSend ? { paginate: true, preSend } : { paginate: true },
		operations: { pagination: singleRead },
		...(postReceive ? { output: { postReceive } } : {}),
	};
}
