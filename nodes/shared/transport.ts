import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { FailureReader } from './errors';
import { describeHttpFailure, isNotJson, requestFailure, vendorApiError } from './errors';
import { secretsOf } from './redact';
import { retryDelay } from './retry';

export type VendorContext =
	| IExecuteFunctions
	| IHookFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IWebhookFunctions;

/** What the programmatic parts (triggers, dropdowns) need to know to call one vendor. */
export interface VendorApi {
	name: string;
	/** The credential type in use; a function where the node lets the user choose between several. */
	credentialType: string | ((context: VendorContext) => string);
	baseUrl: (credentials: Record<string, unknown>) => string;
	readFailure: FailureReader;
	/** Headers every call carries, read from the credentials (a region, say). */
	headers?: (credentials: Record<string, unknown>) => Record<string, string>;
	/**
	 * For a call the vendor refused and named another place for: moves the request there and says
	 * true. Followed once; the vendor did nothing with the refused call, so even a write may go again.
	 */
	redirect?: (response: IN8nHttpFullResponse, request: IHttpRequestOptions) => boolean;
	/** Whether the credential type is OAuth2: a 401 then goes once through n8n's token refresh. */
	refreshesToken?: (credentialType: string) => boolean;
	/** The data inside the vendor's envelope, which `vendorRequest` returns (LiveAgent's `{response: …}`). */
	unwrap?: (body: unknown) => unknown;
}

/**
 * One authenticated call for code that is not declarative. Failures become NodeApiError with the
 * vendor's message; reads (GETs unless said otherwise) are retried as `retryDelay` says (429/503,
 * honouring Retry-After), nothing else is. Returns the answer's body, unwrapped by `api.unwrap`.
 * No error carries a secret of the credential or an `apikey=` (see redactText).
 */
export async function vendorRequest<T = unknown>(
	this: VendorContext,
	api: VendorApi,
	options: IHttpRequestOptions,
	{ read = (options.method ?? 'GET') === 'GET' }: { read?: boolean } = {},
): Promise<T> {
	const credentialType =
		typeof api.credentialType === 'function' ? api.credentialType(this) : api.credentialType;
	const credentials = (await this.getCredentials(credentialType)) as Record<string, unknown>;
	const request: IHttpRequestOptions = {
		json: true,
		...options,
		headers: { ...api.headers?.(credentials), ...options.headers },
		baseURL: api.baseUrl(credentials),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	let redirect = true;
	for (let attempt = 0; ; attempt++) {
		const first: IN8nHttpFullResponse = await sendRaw.call(this, api.name, credentialType, request, secretsOf(credentials));
		const repaired: { answer: IN8nHttpFullResponse; redirected: boolean } = await repairAnswer.call(
			this,
			api,
			credentialType,
			request,
			first,
			redirect,
		);
		// A vendor's redirect is followed once, also across retries.
		redirect &&= !repaired.redirected;
		const response = repaired.answer;
		const failure =
			(isNotJson(response.body) ? undefined : api.readFailure(response)) ??
			describeHttpFailure(api.name, response);
		if (!failure) return (api.unwrap ? api.unwrap(response.body) : response.body) as T;
		const error = vendorApiError.call(this, failure, response, secretsOf(credentials));
		const wait = read ? retryDelay(attempt, error) : undefined;
		if (wait === undefined) throw error;
		await sleep(wait);
	}
}

/**
 * One call as it is, answered whatever its status (or, with `statusErrors`, throwing on a failed
 * one); a call that got no answer throws a NodeApiError without `secrets`.
 */
async function sendRaw(
	this: VendorContext | IExecuteSingleFunctions,
	vendor: string,
	credentialType: string,
	request: IHttpRequestOptions,
	secrets: string[] = [],
	statusErrors = false,
): Promise<IN8nHttpFullResponse> {
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
			...request,
			returnFullResponse: true,
			ignoreHttpStatusErrors: !statusErrors,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw requestFailure.call(this, vendor, error, secrets);
	}
}

/**
 * The vendor's repairs of one answer, the one place for programmatic and routed calls alike: with
 * OAuth2 a 401 goes once through n8n's token refresh; a call the vendor refused and named another
 * place for (`api.redirect`, when `redirect` allows) is moved there and sent once more. The move
 * changes `request` itself, so that the next pages of a list go there from the start. Returns the
 * final answer (`answer` is `first` when nothing needed repair) and whether the call was redirected;
 * throws a NodeApiError when the refresh or a repeat got no answer.
 */
export async function repairAnswer(
	this: VendorContext | IExecuteSingleFunctions,
	api: VendorApi,
	credentialType: string,
	request: IHttpRequestOptions,
	first: IN8nHttpFullResponse,
	redirect = true,
): Promise<{ answer: IN8nHttpFullResponse; redirected: boolean }> {
	const refreshed = async (response: IN8nHttpFullResponse) =>
		response.statusCode === 401 && api.refreshesToken?.(credentialType)
			? await refreshTokenAndRepeat.call(this, api.name, credentialType, request)
			: response;
	let answer = await refreshed(first);
	if (!redirect || !api.redirect?.(answer, request)) return { answer, redirected: false };
	answer = await refreshed(await sendRaw.call(this, api.name, credentialType, request));
	return { answer, redirected: true };
}

/**
 * `repairAnswer` for a routed (declarative) request, as a postReceive step calls it with the request
 * its preSend saw. n8n hands every later postReceive step, and the paginator, the same answer object,
 * so a repaired answer takes the first one's place in it. Returns the items of the repaired answer, or
 * `items` when nothing needed repair.
 */
export async function repairRoutedAnswer(
	this: IExecuteSingleFunctions,
	api: VendorApi,
	credentialType: string,
	request: IHttpRequestOptions,
	response: IN8nHttpFullResponse,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { answer } = await repairAnswer.call(this, api, credentialType, request, response);
	if (answer === response) return items;
	response.body = answer.body;
	response.statusCode = answer.statusCode;
	response.headers = answer.headers;
	return [{ json: answer.body as IDataObject }];
}

/**
 * Sends a request that got a 401 once more, with n8n's status errors on: n8n's OAuth2 signing refreshes
 * the token only when the request it sent throws a 401, and then repeats it with the new token. (The
 * `{ ignore: true, except: [401] }` form of ignoreHttpStatusErrors would save this round trip, but n8n
 * 2.0 reads it as plain `true`.) Returns a successful answer; throws if the refresh or the repeat failed.
 */
export async function refreshTokenAndRepeat(
	this: VendorContext | IExecuteSingleFunctions,
	vendor: string,
	credentialType: string,
	request: IHttpRequestOptions,
	secrets: string[] = [],
): Promise<IN8nHttpFullResponse> {
	return await sendRaw.call(this, vendor, credentialType, request, secrets, true);
}

/** Removes trailing slashes so that paths can always start with one. */
export function trimBaseUrl(url: unknown): string {
	return String(url ?? '').trim().replace(/\/+$/, '');
}
