import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { describeHttpFailure, isNotJson, vendorApiError } from '../../shared/errors';
import { nodeSecrets } from '../../shared/redact';
import { repairRoutedAnswer } from '../../shared/transport';
import { credentialTypeOf, liveChatApi, regionOf } from '../transport';
import { readLiveChatFailure } from './errors';
import { VENDOR } from './constants';

/** The request each item finally sent, kept so that a misdirected one can be repeated elsewhere. */
const sentRequests = new WeakMap<object, IHttpRequestOptions>();

/** preSend on the Resource: the credential's region as `X-Region`, and the request remembered. */
export async function sendRegion(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credentials = (await this.getCredentials(credentialTypeOf(this))) as IDataObject;
	const region = regionOf(credentials);
	if (region) requestOptions.headers = { ...requestOptions.headers, 'X-Region': region };
	sentRequests.set(this, requestOptions);
	return requestOptions;
}

/**
 * postReceive on the Resource, first of all: the shared transport's repairs (a `misdirected_request`
 * sent once more to the region LiveChat names, which refused it, so even a write is safe to repeat;
 * with OAuth2, a 401 once more through n8n's token refresh); then any failure, or a second refusal,
 * becomes a NodeApiError with LiveChat's type and message.
 */
export async function handleLiveChatResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const sent = sentRequests.get(this);
	if (sent) items = await repairRoutedAnswer.call(this, liveChatApi, credentialTypeOf(this), sent, response, items);
	const failure =
		(isNotJson(response.body) ? undefined : readLiveChatFailure(response)) ??
		describeHttpFailure(VENDOR, response);
	if (failure) throw vendorApiError.call(this, failure, response, await nodeSecrets(this));
	return items;
}

