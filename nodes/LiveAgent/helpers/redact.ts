import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

const KEY_IN_TEXT = /(apikey["']?\s*[=:]\s*["']?)[^&\s"',;]+/gi;

/** Removes the API key from a text: wherever the value itself appears, and any `apikey=…`. */
export function redactText(text: string, apiKey?: string): string {
	let safe = text;
	if (apiKey) safe = safe.split(apiKey).join('***');
	return safe.replace(KEY_IN_TEXT, '$1***');
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
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
	const httpCode = text(source.httpCode) ?? 'none';
	return new NodeApiError(node, { message, httpCode } as JsonObject, {
		message,
		description: description ? redactText(description, apiKey) : undefined,
		httpCode,
	});
}
