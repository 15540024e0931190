import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readSwitch, toNumber } from '../../shared/validate';

function fail(this: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(this.getNode(), message, { description, itemIndex: this.getItemIndex() });
}

/** preSend: the page size of one Limit must be a whole number the API accepts. */
export async function checkLimit(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	if (readSwitch(this, 'returnAll', 'Return All', false)) return requestOptions;
	const limit = toNumber(this, this.getNodeParameter('limit', 50), 'Limit');
	if (limit === undefined || !Number.isInteger(limit) || limit < 1) fail.call(this, `Limit must be a whole number of at least 1, not ${String(limit)}`);
	return requestOptions;
}

/** Reads a JSON object parameter (text or an object from an expression); empty is undefined. */
export function readJsonObject(this: IExecuteSingleFunctions, parameter: string, label: string): IDataObject | undefined {
	const raw = this.getNodeParameter(parameter, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) return undefined;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			fail.call(this, `${label} is not valid JSON`, 'Write a JSON object such as {"plan": "gold"}.');
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail.call(this, `${label} must be a JSON object`);
	return value as IDataObject;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(this: IExecuteSingleFunctions, value: unknown, label: string): void {
	if (value === undefined || value === '') return;
	if (typeof value !== 'string' || !EMAIL.test(value.trim())) fail.call(this, `${label} is not a valid email address: "${String(value)}"`);
}

/** Drops empty texts so that an unset option is not sent. */
export function compact(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (typeof value === 'string' && value.trim() === '') continue;
		body[key] = typeof value === 'string' ? value.trim() : value;
	}
	return body;
}

export function setBody(requestOptions: IHttpRequestOptions, body: IDataObject): IHttpRequestOptions {
	requestOptions.body = { ...((requestOptions.body as IDataObject | undefined) ?? {}), ...body };
	return requestOptions;
}

export { fail };
