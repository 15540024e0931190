import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { isNoRecords, isObject } from './errors';

/** The list in an answer, wherever the endpoint puts it: a bare array, `data`, `data.Items`, `items`... */
export function listOf(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (!isObject(body)) return [];
	const data = body.data;
	const candidates: unknown[] = [
		data,
		isObject(data) ? data.Items : undefined,
		isObject(data) ? data.items : undefined,
		isObject(data) ? data.data : undefined,
		body.Items,
		body.items,
	];
	const found = candidates.find(Array.isArray) as IDataObject[] | undefined;
	return (found ?? []).filter(isObject);
}

/** The object an endpoint answers (`data`, or `data.data` for Send SMS). */
export function objectOf(body: unknown): IDataObject {
	if (!isObject(body)) return {};
	return isObject(body.data) ? body.data : body;
}

/** postReceive: one item per listed record. */
export async function listItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (isNoRecords(response)) return [];
	return listOf(response.body).map((json) => ({ json }));
}

/** postReceive: the envelope's data as one item. */
export async function dataItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: objectOf(response.body) }];
}

/** postReceive for the account: the answer repeats the API key, which must never reach an item. */
export async function accountItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const account: IDataObject = {};
	for (const [key, value] of Object.entries(objectOf(response.body))) {
		if (!/^api_?key$/i.test(key)) account[key] = value;
	}
	return [{ json: account }];
}

/** postReceive for Send SMS: the result sits in `data.data`; a thread it opened comes along. */
export async function sentSmsItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = objectOf(response.body);
	const result = isObject(data.data) ? { ...data.data } : { ...data };
	if (isObject(data.newThread) && result.newThread === undefined) result.newThread = data.newThread;
	if (isObject(response.body) && isObject(response.body.newThread) && result.newThread === undefined) {
		result.newThread = response.body.newThread;
	}
	return [{ json: result }];
}
