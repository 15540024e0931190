import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodePropertyRouting,
	INodeTypeDescription,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { nodeSecrets, redactText } from './redact';

/** What went wrong at the vendor, in the vendor's own words. */
export interface VendorFailure {
	message: string;
	httpCode: number;
	description?: string;
}

/**
 * Reads a vendor answer and says whether it is a failure. Each vendor knows its own envelope
 * (an HTTP 200 can still carry an error); answers it does not recognise fall back to
 * `describeHttpFailure`.
 */
export type FailureReader = (response: IN8nHttpFullResponse) => VendorFailure | undefined;

const RETRY_AFTER_CAP_MS = 60_000;

/** How long the vendor asked us to wait (Retry-After) before the request that failed this way. */
const retryAfterByError = new WeakMap<NodeApiError, number | undefined>();

export function retryAfterOf(error: unknown): number | undefined {
	return error instanceof NodeApiError ? retryAfterByError.get(error) : undefined;
}

function headerValue(headers: IN8nHttpFullResponse['headers'], name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

/** `Retry-After` as milliseconds (delta seconds or an HTTP date), capped; undefined when absent. */
export function retryAfterMs(headers: IN8nHttpFullResponse['headers']): number | undefined {
	const raw = headerValue(headers, 'retry-after');
	if (raw === undefined || raw.trim() === '') return undefined;
	const seconds = Number(raw);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(raw) - Date.now();
	if (!Number.isFinite(ms)) return undefined;
	return Math.min(Math.max(ms, 0), RETRY_AFTER_CAP_MS);
}

/**
 * Whether a vendor call failed with 404: what was asked for, or asked to be removed, is not there.
 * Callers decide what that means (already gone, nothing registered, no records).
 */
export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/** A body that should have been JSON but is HTML, text or empty. */
export function isNotJson(body: unknown): boolean {
	return body === undefined || body === null || typeof body === 'string' || Buffer.isBuffer(body);
}

function shortText(body: unknown): string {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '');
	const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}

/** Failures every vendor shares: HTTP errors and answers that are not JSON. */
export function describeHttpFailure(
	vendor: string,
	response: IN8nHttpFullResponse,
): VendorFailure | undefined {
	const { statusCode, body } = response;
	if (statusCode >= 400) {
		const text = isNotJson(body) ? shortText(body) : undefined;
		return {
			httpCode: statusCode,
			message: text
				? `${vendor} answered ${statusCode}: ${text}`
				: `${vendor} answered with HTTP status ${statusCode}`,
		};
	}
	if (isNotJson(body) && statusCode !== 204) {
		const text = shortText(body);
		return {
			httpCode: statusCode,
			message: `${vendor} answered with a body that is not JSON`,
			description: text ? `The answer began: ${text}` : 'The answer was empty.',
		};
	}
	return undefined;
}

/**
 * The end of every vendor's failure reader, once it has read its envelope and found a failure.
 * `code`: the status the envelope gave; `said`: the vendor's own words. httpCode is the HTTP status
 * when that is 400 or more, else `code` when that is, else 500. The message is `<vendor>: <said>`, or
 * without words `<vendor> answered with HTTP status <httpCode>` (`with code <httpCode>` when only
 * the envelope said failure).
 */
export function envelopeFailure(
	vendor: string,
	response: IN8nHttpFullResponse,
	found: { said?: string; code?: unknown; description?: (httpCode: number) => string | undefined },
): VendorFailure {
	const code = Number(found.code);
	const httpStatusFailed = response.statusCode >= 400;
	const httpCode = httpStatusFailed ? response.statusCode : code >= 400 ? code : 500;
	const message = found.said
		? `${vendor}: ${found.said}`
		: `${vendor} answered with ${httpStatusFailed ? 'HTTP status' : 'code'} ${httpCode}`;
	return { httpCode, message, description: found.description?.(httpCode) };
}

/**
 * The NodeApiError of a vendor's failure. Message and description are redacted (`redactText`): both
 * can quote the vendor's answer, and a vendor may echo the key it was sent; `secrets` are the values
 * of the credential in use (`secretsOf`, `nodeSecrets`).
 */
export function vendorApiError(
	this: Pick<IExecuteSingleFunctions, 'getNode'>,
	failure: VendorFailure,
	response?: IN8nHttpFullResponse,
	secrets: string[] = [],
): NodeApiError {
	const message = redactText(failure.message, secrets);
	const description = failure.description === undefined ? undefined : redactText(failure.description, secrets);
	const error = new NodeApiError(
		this.getNode(),
		{ message, httpCode: String(failure.httpCode) } as JsonObject,
		{ message, description, httpCode: String(failure.httpCode) },
	);
	if (response) retryAfterByError.set(error, retryAfterMs(response.headers));
	return error;
}

/**
 * A postReceive step, placed first on every operation (requests are sent with
 * `ignoreHttpStatusErrors`), that turns any failure into a NodeApiError carrying the vendor's
 * message and HTTP status.
 */
export function throwOnVendorFailure(vendor: string, readFailure: FailureReader): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const vendorFailure = isNotJson(response.body) ? undefined : readFailure(response);
		const failure = vendorFailure ?? describeHttpFailure(vendor, response);
		if (failure) throw vendorApiError.call(this, failure, response, await nodeSecrets(this));
		return items;
	};
}

/**
 * A request that n8n's request helper threw for: no answer (reset, refused, timed out), or an HTTP
 * status the call did not ignore. n8n's request errors keep the whole request, credentials included,
 * in their `cause`: the error we throw keeps only what happened, without `secrets` (a credential's
 * values, see secretsOf) or any `apikey=…`.
 */
export function requestFailure(
	this: Pick<IExecuteSingleFunctions, 'getNode'>,
	vendor: string,
	error: unknown,
	secrets: string[] = [],
): NodeApiError {
	const fields = (error ?? {}) as Record<string, unknown>;
	const { code, httpCode } = fields;
	// n8n's and axios' texts can quote the request (a URL with `apikey=…`): redacted like any answer
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? redactText(value, secrets) : undefined);
	const message = text(fields.message);
	const description = text(fields.description);
	if (text(httpCode) && httpCode !== 'none') {
		const said = text(message) ?? `${vendor} answered with HTTP status ${String(httpCode)}`;
		return new NodeApiError(this.getNode(), { message: said } as JsonObject, {
			message: said,
			description: text(description),
			httpCode: String(httpCode),
		});
	}
	const reason = [text(code), text(message)].filter(Boolean).join(': ');
	const said = `${vendor} could not be reached${reason ? ` (${reason})` : ''}`;
	return new NodeApiError(this.getNode(), { message: said } as JsonObject, {
		message: said,
		description: 'The request got no answer. Check the Base URL and the network, then try again.',
	});
}

/** The failure of an item's request under "continue on error", kept until its items are made. */
const failures = new WeakMap<object, Error>();

/**
 * Wraps a node's first postReceive step (the one that turns a vendor's failure into an error). When
 * the node continues on error, the failure is kept instead of thrown, so that `pairWithInput` (the
 * last step) hands it on as an item: n8n's declarative engine would emit `{}` for it, which is what a
 * model calling the node as a tool would read.
 */
export function continueOnFailure(step: PostReceiveAction): PostReceiveAction {
	if (typeof step !== 'function') return step;
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		if (!this.continueOnFail()) return await step.call(this, items, response);
		try {
			return await step.call(this, items, response);
		} catch (error) {
			failures.set(this, error as Error);
			return [];
		}
	};
}

/** The error behind each failure item, for the retry of reads (retry.ts) and paging. */
const failureItems = new WeakMap<IDataObject, Error>();

/**
 * The item of a failed request under "continue on error", linked to the input item it was asked
 * for: `{error, details}` — the vendor's message and what to change. n8n sends an item of only these
 * keys to the error output; it is what n8n's tool wrapper hands the model (n8n's own `{}` for a failed
 * declarative request would reach it as `[{}]`). No `error` property: n8n would replace the json
 * with the bare message.
 */
export function failureItem(context: IExecuteSingleFunctions, error: Error): INodeExecutionData {
	const description = (error as { description?: unknown }).description;
	const json: IDataObject = { error: error.message };
	if (typeof description === 'string' && description !== '') json.details = description;
	failureItems.set(json, error);
	return { json, pairedItem: { item: context.getItemIndex() } };
}

/** The failure among a request's items (under "continue on error"), if there is one. */
export function failureIn(items: INodeExecutionData[]): { item: INodeExecutionData; error: Error } | undefined {
	for (const item of items) {
		const error = failureItems.get(item.json);
		if (error) return { item, error };
	}
	return undefined;
}

/**
 * The last postReceive step of every node (on the hidden Item Links property, the last of each node's
 * properties): every output item is linked to the input item its request was made for — n8n's
 * declarative engine sets no link, and cannot infer one for lists from several inputs — and a
 * failure kept by `continueOnFailure` becomes the request's one item.
 */
export async function pairWithInput(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const failure = failures.get(this);
	if (failure) {
		failures.delete(this);
		return [failureItem(this, failure)];
	}
	const pairedItem = { item: this.getItemIndex() };
	return items.map((item) => ({ ...item, pairedItem }));
}

/**
 * A refusal of our own (bad input, paging that makes no progress) as the editor should show it.
 * n8n's declarative engine hands a NodeApiError on as it is, but wraps any other error of a routed
 * step (preSend, pagination, postReceive) in a NodeApiError with the HTTP code "none", which the
 * editor prints as "Error code none" (RoutingNode.runNode in n8n-core). A NodeApiError without a code
 * shows only the message and what to do. Under "continue on error" n8n does not wrap it, so the
 * error stays as it was thrown.
 */
function withoutErrorCode(context: IExecuteSingleFunctions, error: unknown): unknown {
	if (!(error instanceof NodeOperationError) || context.continueOnFail()) return error;
	const refusal = new NodeApiError(context.getNode(), { message: error.message } as JsonObject, {
		message: error.message,
		description: error.description ?? undefined,
		itemIndex: context.getItemIndex(),
	});
	return refusal;
}

type RoutedStep = (this: IExecuteSingleFunctions, ...args: never[]) => Promise<unknown>;

function refusing<T>(step: T): T {
	if (typeof step !== 'function') return step;
	const routed = step as unknown as RoutedStep;
	return async function (this: IExecuteSingleFunctions, ...args: never[]) {
		try {
			return await routed.apply(this, args);
		} catch (error) {
			throw withoutErrorCode(this, error);
		}
	} as unknown as T;
}

function refusingRouting(routing: INodePropertyRouting | undefined): INodePropertyRouting | undefined {
	if (!routing) return routing;
	const copy: INodePropertyRouting = { ...routing };
	if (routing.send?.preSend) copy.send = { ...routing.send, preSend: routing.send.preSend.map(refusing) };
	if (routing.output?.postReceive) copy.output = { ...routing.output, postReceive: routing.output.postReceive.map(refusing) };
	if (routing.operations?.pagination) copy.operations = { ...routing.operations, pagination: refusing(routing.operations.pagination) };
	return copy;
}

type PropertyOrOption = INodeProperties | INodePropertyOptions | INodePropertyCollection;

function refusingEntry<T extends PropertyOrOption>(entry: T): T {
	const copy = { ...entry } as T & { routing?: INodePropertyRouting; options?: PropertyOrOption[]; values?: INodeProperties[] };
	if (copy.routing) copy.routing = refusingRouting(copy.routing);
	if (Array.isArray(copy.options)) copy.options = copy.options.map(refusingEntry);
	if (Array.isArray(copy.values)) copy.values = copy.values.map(refusingEntry);
	return copy;
}

/**
 * A declarative node's description with every routed step's refusals shown without an error code
 * (see `withoutErrorCode`); the steps themselves are unchanged.
 */
export function refusalsWithoutErrorCode(description: INodeTypeDescription): INodeTypeDescription {
	return { ...description, properties: description.properties.map(refusingEntry) };
}
