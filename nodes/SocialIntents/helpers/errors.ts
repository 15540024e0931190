import type { IN8nHttpFullResponse } from 'n8n-workflow';

import type { VendorFailure } from '../../shared/errors';
import { envelopeFailure, throwOnVendorFailure } from '../../shared/errors';

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Social Intents answers in two envelopes: `{apiStatus, apiStatusCode, apiStatusMessage, ...}` (the
 * REST example) and `{statusCode, status}` (`/ping` on the current REST page). A failure can show in
 * any of their fields, also under HTTP 200: an `apiStatus` other than "Success", a status code of
 * 400 or more in either field, a `status` that says error or failure, or a non-empty `error` /
 * `errors`. Returns undefined for an answer that shows none of them.
 */
export function readSocialIntentsFailure(response: IN8nHttpFullResponse): VendorFailure | undefined {
	const body = response.body as Record<string, unknown> | unknown[];
	const envelope = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
	const apiStatus = text(envelope.apiStatus);
	const codes = [envelope.apiStatusCode, envelope.statusCode].map(Number).filter((code) => code >= 400);
	const errors = envelope.errors;
	const envelopeFailed =
		(apiStatus !== undefined && apiStatus.toLowerCase() !== 'success') ||
		codes.length > 0 ||
		/error|fail|invalid|denied|unauthori/i.test(text(envelope.status) ?? '') ||
		text(envelope.error) !== undefined ||
		(Array.isArray(errors) ? errors.length > 0 : errors !== undefined && errors !== null && errors !== '');
	if (response.statusCode < 400 && !envelopeFailed) return undefined;
	const errorList = Array.isArray(errors) ? errors.map((entry) => text(entry) ?? text((entry as { message?: unknown })?.message)).filter(Boolean).join('; ') : text(errors);
	const said =
		[envelope.apiStatusMessage, envelope.message, envelope.error, errorList].map(text).find(Boolean) ??
		apiStatus ??
		text(envelope.status);
	return envelopeFailure('Social Intents', response, { said, code: codes[0] });
}

export const handleSocialIntentsError = throwOnVendorFailure('Social Intents', readSocialIntentsFailure);
