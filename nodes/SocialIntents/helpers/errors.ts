import type { IN8nHttpFullResponse } from 'n8n-workflow';

import type { VendorFailure } from '../../shared/errors';
import { throwOnVendorFailure } from '../../shared/errors';

/**
 * Social Intents wraps every answer in `{apiStatus, apiStatusCode, apiStatusMessage, ...}`; an
 * answer whose apiStatus is not "Success" is a failure even when HTTP says 200.
 */
export function readSocialIntentsFailure(response: IN8nHttpFullResponse): VendorFailure | undefined {
	const body = response.body as Record<string, unknown> | unknown[];
	if (Array.isArray(body)) return undefined;
	const status = typeof body.apiStatus === 'string' ? body.apiStatus : undefined;
	const envelopeFailed = status !== undefined && status.toLowerCase() !== 'success';
	if (response.statusCode < 400 && !envelopeFailed) return undefined;
	const envelopeCode = Number(body.apiStatusCode);
	const message =
		[body.apiStatusMessage, body.message, body.error].find(
			(value): value is string => typeof value === 'string' && value !== '',
		) ?? status;
	return {
		httpCode: response.statusCode >= 400 ? response.statusCode : envelopeCode >= 400 ? envelopeCode : 500,
		message: message ? `Social Intents: ${message}` : `Social Intents answered with HTTP status ${response.statusCode}`,
	};
}

export const handleSocialIntentsError = throwOnVendorFailure('Social Intents', readSocialIntentsFailure);
