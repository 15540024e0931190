import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

/** A v3 answer as records: a list is its rows, an object one record, anything else none. */
export function recordsOf(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body.filter((row) => row && typeof row === 'object') as IDataObject[];
	return body && typeof body === 'object' ? [body as IDataObject] : [];
}

/**
 * postReceive: v3 answers bare JSON, a list (Get Many) or one model (Get, Create): one item per
 * record. OkResponse, a model without fields (client models/ok_response.py), becomes `{success: true}`.
 */
export async function v3Items(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body;
	if (body === undefined || body === null || body === '' || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) {
		return [{ json: { success: true } }];
	}
	return recordsOf(body).map((json) => ({ json }));
}
