import type {
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { FailureReader } from './errors';
import { describeHttpFailure, isNotJson, retryAfterOf, requestFailure, vendorApiError } from './errors';

export type VendorContext =
	| IExecuteFunctions
	| IHookFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IWebhookFunctions;

/** What the programmatic parts (triggers, dropdowns) need to know to call one vendor. */
export interface VendorApi {
	name: string;
	credentialType: string;
	baseUrl: (credentials: Record<string, unknown>) => string;
	readFailure: FailureReader;
}

const RETRYABLE = [429, 503];
const MAX_RETRIES = 3;

/**
 * One authenticated call for code that is not declarative. Failures become NodeApiError with the
 * vendor's message; GETs are retried on 429/503 honouring Retry-After, nothing else is.
 */
export async function vendorRequest<T = unknown>(
	this: VendorContext,
	api: VendorApi,
	options: IHttpRequestOptions,
): Promise<T> {
	const credentials = (await this.getCredentials(api.credentialType)) as Record<string, unknown>;
	const request: IHttpRequestOptions = {
		json: true,
		...options,
		baseURL: api.baseUrl(credentials),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const safeToRepeat = (request.method ?? 'GET') === 'GET';
	for (let attempt = 0; ; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				api.credentialType,
				request,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			throw requestFailure.call(this, api.name, error);
		}
		const failure =
			(isNotJson(response.body) ? undefined : api.readFailure(response)) ??
			describeHttpFailure(api.name, response);
		if (!failure) return response.body as T;
		const error = vendorApiError.call(this, failure, response);
		if (!safeToRepeat || !RETRYABLE.includes(failure.httpCode) || attempt >= MAX_RETRIES) throw error;
		await sleep(retryAfterOf(error) ?? 500 * 2 ** attempt);
	}
}

/** Removes trailing slashes so that paths can always start with one. */
export function trimBaseUrl(url: unknown): string {
	return String(url ?? '').replace(/\/+$/, '');
}
