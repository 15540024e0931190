import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import type { VendorFailure } from '../../shared/errors';
import { envelopeFailure, throwOnVendorFailure } from '../../shared/errors';

/** What v3's statuses mean, said to the user. */
const MEANINGS: Record<number, string> = {
	400: 'LiveAgent refused the request: a field, filter or sort it does not know, or a value it does not take.',
	401: 'LiveAgent refused the API key. Check the LiveAgent v3 credential.',
	404: 'Not found: the ticket, tag, department or other record does not exist.',
	500: 'LiveAgent could not process the request.',
	503: 'LiveAgent is unavailable (being updated). Try again later.',
};

/** LiveAgent's answer to a key it does not know for this version (FACTS.md). */
const KEY_OF_OTHER_VERSION = /api ?key not found/i;

/** The user's way out of a 403 "ApiKey not found" on v3. */
export const WRONG_KEY_VERSION =
	'LiveAgent did not find this key among its API v3 keys. A key made for API v1 answers this way: v1 and v3 keys are separate. Create a v3 key in LiveAgent → Configuration → System → API (API v3), or use the LiveAgent node (v1) with this key.';

/** An ErrorResponse (client models/error_response.py): an object whose one field is `message`. */
function errorResponseOf(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const keys = Object.keys(body);
	const message = (body as IDataObject).message;
	return keys.length === 1 && typeof message === 'string' ? message : undefined;
}

/**
 * LiveAgent v3 answers a failure with its HTTP status and the ErrorResponse model `{message}`
 * (QualityUnit/LiveAgent-api-python, liveagent_api/models/error_response.py). An ErrorResponse inside
 * a 200 is read as a failure too: no v3 model that answers a call is an object of `message` alone.
 */
export function readLiveAgentV3Failure(response: IN8nHttpFullResponse): VendorFailure | undefined {
	const said = errorResponseOf(response.body);
	if (response.statusCode < 400 && said === undefined) return undefined;
	const failure = envelopeFailure('LiveAgent', response, { said, description: (httpCode) => MEANINGS[httpCode] });
	const otherVersion = failure.httpCode === 403 && said !== undefined && KEY_OF_OTHER_VERSION.test(said);
	return {
		...failure,
		message: otherVersion ? `${failure.message} (the key is not an API v3 key)` : failure.message,
		description: otherVersion ? WRONG_KEY_VERSION : failure.description,
	};
}

export const handleLiveAgentV3Error = throwOnVendorFailure('LiveAgent', readLiveAgentV3Failure);
