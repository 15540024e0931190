import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import type { VendorFailure } from '../../shared/errors';
import { throwOnVendorFailure } from '../../shared/errors';
import { redactText } from './redact';

/** What LiveAgent's documented statuses mean, said to the user. */
const MEANINGS: Record<number, string> = {
	400: 'Bad request: LiveAgent could not use the API key (a problem with the key in the application).',
	401: 'Forbidden: the API key is wrong. Check the LiveAgent credential.',
	404: 'Not found: the agent, conversation, customer or other record does not exist.',
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
 * LiveAgent answers `{response: {status: "ERROR", statuscode, errormessage, debugmessage}}`; the
 * HTTP status usually matches, but an ERROR envelope is a failure whatever HTTP says.
 */
export function readLiveAgentFailure(response: IN8nHttpFullResponse): VendorFailure | undefined {
	const inner = unwrap(response.body);
	const failed = String(inner.status ?? '').toUpperCase() === 'ERROR';
	if (!failed && response.statusCode < 400) return undefined;
	const envelopeCode = Number(inner.statuscode);
	const httpCode =
		response.statusCode >= 400 ? response.statusCode : envelopeCode >= 400 ? envelopeCode : 500;
	const vendorMessage = typeof inner.errormessage === 'string' ? inner.errormessage : '';
	return {
		httpCode,
		message: redactText(
			vendorMessage ? `LiveAgent: ${vendorMessage}` : `LiveAgent answered with HTTP status ${httpCode}`,
		),
		description: MEANINGS[httpCode],
	};
}

export const handleLiveAgentError = throwOnVendorFailure('LiveAgent', readLiveAgentFailure);
