import type { IN8nHttpFullResponse } from 'n8n-workflow';

import type { VendorFailure } from '../../shared/errors';
import { envelopeFailure, throwOnVendorFailure } from '../../shared/errors';

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (Array.isArray(value)) {
		const parts = value.map((part) => text(part)).filter((part): part is string => part !== undefined);
		return parts.length ? parts.join('; ') : undefined;
	}
	return undefined;
}

/** Hints for statuses whose cause the user can act on. */
function hint(status: number, message: string): string | undefined {
	if (status === 401) return 'Check the API token in the 5chat credential.';
	if (status === 403 && /read/i.test(message) && /permission|write/i.test(message)) {
		return 'This API token may only read. Create a token with WRITE or READ_WRITE permission in 5chat to create, change or delete.';
	}
	if (status === 403 && /pro\b|plan/i.test(message)) {
		return 'Tickets are part of 5chat’s PRO plan: upgrade the website, or leave tickets out.';
	}
	if (status === 409 && /rat/i.test(message)) {
		return 'A conversation is rated once only: 5chat keeps the first rating and refuses any other.';
	}
	if (status === 400 && /visitor/i.test(message)) {
		return 'Check the Visitor ID: 5chat needs the ID of the visitor the conversation or ticket belongs to (the visitorId of the conversation), sent as the x-visitor-id header.';
	}
	return undefined;
}

/**
 * 5chat answers errors as `{statusCode, message, error}` (message may be a list of validation
 * messages). A failure can show anywhere in that envelope, also under HTTP 200: `success: false`, a
 * `statusCode` of 400 or more, or an `error` / `errors` beside no `data`.
 */
export function readFiveChatFailure(response: IN8nHttpFullResponse): VendorFailure | undefined {
	const raw = response.body as Record<string, unknown> | unknown[];
	const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
	const errors = body.errors ?? body.error;
	const envelopeFailed =
		body.success === false ||
		Number(body.statusCode) >= 400 ||
		(body.data === undefined && (text(errors) !== undefined || (typeof errors === 'object' && errors !== null && Object.keys(errors).length > 0)));
	if (response.statusCode < 400 && !envelopeFailed) return undefined;
	const said = text(body.message) ?? text(body.error) ?? text(body.errors) ?? text((body.error as { message?: unknown } | undefined)?.message);
	return envelopeFailure('5chat', response, { said, code: body.statusCode, description: (httpCode) => hint(httpCode, said ?? '') });
}

export const handleFiveChatError = throwOnVendorFailure('5chat', readFiveChatFailure);
