import type { IAuthenticateRuleResponseCode, IAuthenticateRuleResponseSuccessBody, ICredentialTestRequest } from 'n8n-workflow';

/**
 * Rules for a credential's `test`, read by n8n's credentials tester (n8n 2.0 and 2.41,
 * services/credentials-tester.service.ts): an answer outside 2xx gives the message of the
 * `responseCode` rule with its status (2.41; 2.0 says its own text); a 2xx answer gives the message of
 * the first `responseSuccessBody` rule for which `lodash.get(body, key) === value`, and passes when
 * none matches. So each rule describes a failure, checked in order: a page that is not JSON (wrong
 * address), the vendor refusing the key inside a 2xx answer (wrong key), then JSON without the field
 * the vendor's answer always has (wrong address again: another service). No message shows a value of
 * the credential.
 */
export type CredentialTestRules = NonNullable<ICredentialTestRequest['rules']>;

type Rule = IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody;

/**
 * A 2xx answer that is not JSON: n8n hands the tester the body as text, and text's
 * `constructor.name` is "String" (an object's is "Object", an array's "Array").
 * @param vendor the vendor's name, e.g. "Alive5"
 * @param addressField the credential field with the API address, as the user sees it
 */
export function answerIsNotJson(vendor: string, addressField: string): IAuthenticateRuleResponseSuccessBody {
	return {
		type: 'responseSuccessBody',
		properties: {
			key: 'constructor.name',
			value: 'String',
			message: `Wrong address: ${addressField} answered with a web page or text, not with ${vendor}'s API (JSON). Enter the API address, not the address of ${vendor}'s web app.`,
		},
	};
}

/**
 * A 2xx JSON answer without `field`, which the vendor's answer to the test request always has.
 * @param field a lodash path into the answer, e.g. "data" or "response"
 */
export function answerLacks(vendor: string, addressField: string, field: string): IAuthenticateRuleResponseSuccessBody {
	return {
		type: 'responseSuccessBody',
		properties: {
			key: field,
			value: undefined,
			message: `Wrong address: ${addressField} answered JSON, but not as ${vendor}'s API does (no "${field}" in the answer). Check ${addressField}.`,
		},
	};
}

/** n8n's type declares a list of one kind of rule; its tester reads each rule by its `type`. */
export function credentialTestRules(...rules: Rule[]): CredentialTestRules {
	return rules as unknown as CredentialTestRules;
}
