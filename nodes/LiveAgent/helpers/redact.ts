import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactText } from '../../shared/redact';

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The vendor's HTTP status of an error, as text: n8n's request errors may carry it as a number, or
 * only as `statusCode` / `status` / `response.status`. None for an error that got no answer (no
 * "none": the editor would print it as the error code).
 */
function statusOf(source: IDataObject & { httpCode?: unknown }): string | undefined {
	const response = (source.response ?? {}) as IDataObject;
	for (const value of [source.httpCode, source.statusCode, source.status, response.status]) {
		const code = typeof value === 'number' ? String(value) : text(value);
		if (code && /^\d{3}$/.test(code)) return code;
	}
	return undefined;
}

/**
 * An error that says what went wrong without anything that could carry the key: n8n's own errors
 * keep the failed request (its URL with `?apikey=…`, its form body) in `cause`, `context` and
 * `messages`, so a new NodeApiError is built from the message, description and status only.
 */
export function redactedError(node: INode, error: unknown, apiKey?: string): Error {
	if (error instanceof NodeOperationError) {
		error.message = redactText(error.message, apiKey);
		if (error.description) error.description = redactText(error.description, apiKey);
		return error;
	}
	const source = (error ?? {}) as IDataObject & { httpCode?: string | null };
	const message = redactText(text(source.message) ?? 'LiveAgent could not be reached', apiKey);
	const description = text(source.description);
	const httpCode = statusOf(source);
	return new NodeApiError(node, { message, ...(httpCode ? { httpCode } : {}) } as JsonObject, {
		message,
		description: description ? redactText(description, apiKey) : undefined,
		httpCode,
	});
}
