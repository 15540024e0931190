import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { VendorFailure } from '../../shared/errors';
import { envelopeFailure, throwOnVendorFailure } from '../../shared/errors';

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The envelope's `error` as text when it says something went wrong; empty, null and false say nothing. */
function errorText(error: unknown): string | undefined {
	if (typeof error === 'string') return error.trim() === '' ? undefined : error;
	if (error === true) return 'unknown error';
	if (isObject(error)) {
		if (Object.keys(error).length === 0) return undefined;
		const message = error.message ?? error.error ?? error.msg;
		return typeof message === 'string' && message !== '' ? message : JSON.stringify(error);
	}
	return undefined;
}

/** `errors` as text when it lists something: strings, or objects with a message. */
function errorsText(errors: unknown): string | undefined {
	if (Array.isArray(errors)) {
		const texts = errors.map(errorText).filter((text): text is string => text !== undefined);
		return texts.length ? texts.join('; ') : undefined;
	}
	return errorText(errors);
}

/**
 * Alive5 answers `{code, data, error}`, and an error can sit at either level: an HTTP status of 400
 * or more, a `code` of 400 or more, a non-empty `error`, or the same one level down in `data`
 * (`data.code`, `data.error`, `data.errors`; Pipedream's `alive5.app.mjs` checks all of them, and
 * the Postman-based docs show Send SMS answering `{code: 200, data: {code, data, error}}`).
 * The HTTP status is reported when it says failure, else the envelope's code, else 500.
 */
export function readAlive5Failure(response: IN8nHttpFullResponse): VendorFailure | undefined {
	const body = response.body;
	const envelope = isObject(body) ? body : {};
	const inner = isObject(envelope.data) ? envelope.data : {};
	const failing = (code: unknown) => (Number.isFinite(Number(code)) && Number(code) >= 400 ? Number(code) : undefined);
	const code = failing(envelope.code) ?? failing(inner.code);
	const text = errorText(envelope.error) ?? errorText(inner.error) ?? errorsText(inner.errors);
	if (response.statusCode < 400 && code === undefined && text === undefined) return undefined;
	const said =
		text ??
		[envelope.message, inner.message].find((value): value is string => typeof value === 'string' && value !== '');
	return envelopeFailure('Alive5', response, { said, code });
}

const failOnVendorError = throwOnVendorFailure('Alive5', readAlive5Failure) as (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

/**
 * Alive5 answers 404 in its envelope (at the top or in `data`) on a conversation list when the range
 * holds no conversations. A 404 that is not Alive5's envelope (an HTML page from a wrong base URL)
 * stays a failure.
 */
export function isNoRecords(response: IN8nHttpFullResponse): boolean {
	const body = response.body;
	if (!isObject(body) || !('code' in body || 'error' in body)) return false;
	return readAlive5Failure(response)?.httpCode === 404;
}

const CONVERSATION_LISTS = ['smsConversation', 'liveChatConversation', 'fbmConversation'];

/**
 * postReceive on the Resource parameter: every answer passes here first. "No records" on a
 * conversation list is an empty result; every other failure becomes a NodeApiError.
 */
export async function handleAlive5Answer(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const resource = this.getNodeParameter('resource', '') as string;
	if (CONVERSATION_LISTS.includes(resource) && isNoRecords(response)) return [];
	return await failOnVendorError.call(this, items, response);
}
