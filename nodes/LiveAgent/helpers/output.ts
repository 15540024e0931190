import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { unwrap } from './errors';

/** A list inside the envelope: `[...]`, `{item: [...]}` or one object (XML-style answers). */
export function listOf(value: unknown): IDataObject[] {
	if (Array.isArray(value)) return value as IDataObject[];
	if (value && typeof value === 'object') {
		const entries = Object.values(value as IDataObject);
		if (entries.length === 1 && Array.isArray(entries[0])) return entries[0] as IDataObject[];
		if (entries.length === 1 && entries[0] && typeof entries[0] === 'object') return [entries[0] as IDataObject];
		return [value as IDataObject];
	}
	return [];
}

/**
 * postReceive: the envelope's object as one item, or its list as items. `key` names where the list
 * is; where sources disagree on the name, several are given and the first one the answer holds wins.
 */
export function fromEnvelope(key?: string | string[]) {
	const keys = key === undefined ? [] : Array.isArray(key) ? key : [key];
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const inner = unwrap(response.body);
		if (!keys.length) return [{ json: inner }];
		const found = keys.find((name) => inner[name] !== undefined);
		return found === undefined ? [] : listOf(inner[found]).map((json) => ({ json }));
	};
}
