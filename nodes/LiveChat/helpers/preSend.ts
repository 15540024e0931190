import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';

import { documentedBody } from '../transport';

/**
 * preSend: the JSON body of one action, built from the parameters (and checked) before sending. A
 * paged read keeps its body an object: the paginator adds `limit` (so it is never empty) and `page_id`.
 */
export function sendBody(
	build: (this: IExecuteSingleFunctions) => IDataObject | Promise<IDataObject>,
	paged = false,
): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = await build.call(this);
		requestOptions.body = paged ? body : documentedBody(body);
		return requestOptions;
	};
}
