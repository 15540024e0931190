import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import type { VendorFailure } from '../../shared/errors';
import { envelopeFailure, throwOnVendorFailure } from '../../shared/errors';

/** What LiveAgent's documented statuses mean, said to the user. */
const MEANINGS: Record<number, string> = {
	400: 'Bad request: LiveAgent could not use the API key (a problem with the key in the application).',
	401: 'Forbidden: the API key is wrong. Check the LiveAgent credential.',
	404: 'Not found: the agent, conversation, customer or other record does not exist.',
	403: 'LiveAgent refused the API key for this call. Check that the credential holds an API v1 key.',
	500: 'LiveAgent could not process the request (a missing parameter or a record it could not load).',
	503: 'LiveAgent is unavailable (being updated or installed). Try again later.',
};

/** `{response: {...}}` → the inner object; anything else as it is. */
export function unwrap(body: unknown): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const inner = (body as IDataObject).response;
		if (inner && typeof inner === 'object' && !Array.isArray(inner)) return inner as IDataObject;
		return body as IDataObject;
	}
	return {};
}

/**
 * What LiveAgent says to a key it does not know for API v1, a key made for API v3 included: v1 and
 * v3 keys are managed separately (LiveAgent FAQ 535002 and 916372, FACTS.md).
 */
const KEY_OF_OTHER_VERSION = /api ?key not found/i;

/** The user's way out of a 403 "ApiKey not found". */
export const WRONG_KEY_VERSION =
	'LiveAgent did not find this key among its API v1 keys. A key made for API v3 answers this way: v1 and v3 keys are separate. Create a v1 key in LiveAgent → Configuration → System → API (API v1) and put it in the credential.';

/**
 * LiveAgent answers `{response: {status: "ERROR", statuscode, errormessage, debugmessage}}`; the
 * HTTP status usually matches, but an ERROR envelope is a failure whatever HTTP says. A bare
 * `{message}` (the v3 error shape) is read too.
 */
export function readLiveAgentFailure(response: IN8nHttpFullResponse): VendorFailure | undefined {
	const inner = unwrap(response.body);
	const failed = String(inner.status ?? '').toUpperCase() === 'ERROR';
	if (!failed && response.statusCode < 400) return undefined;
	const said = [inner.errormessage, inner.message].find((text) => typeof text === 'string' && text !== '') as string | undefined;
	const failure = envelopeFailure('LiveAgent', response, { said, code: inner.statuscode, description: (httpCode) => MEANINGS[httpCode] });
	const otherVersion = failure.httpCode === 403 && said !== undefined && KEY_OF_OTHER_VERSION.test(said);
	return {
		...failure,
		message: otherVersion ? `${failure.message} (the key is not an API v1 key)` : failure.message,
		description: otherVersion ? WRONG_KEY_VERSION : failure.description,
	};
}

export const handleLiveAgentError = throwOnVendorFailure('LiveAgent', readLiveAgentFailure);
