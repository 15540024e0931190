import type { IN8nHttpFullResponse } from 'n8n-workflow';

import type { VendorFailure } from '../../shared/errors';
import { envelopeFailure, throwOnVendorFailure } from '../../shared/errors';

/** Acme Chat answers a failure with `{"error": {"message": …}}` and its HTTP status. */
export function readAcmeFailure(response: IN8nHttpFullResponse): VendorFailure | undefined {
	const body = (response.body ?? {}) as { error?: { message?: unknown } };
	if (response.statusCode < 400 && body.error === undefined) return undefined;
	const said = typeof body.error?.message === 'string' ? body.error.message : undefined;
	return envelopeFailure('Acme Chat', response, { said });
}

export const handleAcmeError = throwOnVendorFailure('Acme Chat', readAcmeFailure);
