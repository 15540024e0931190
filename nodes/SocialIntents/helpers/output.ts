import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

/**
 * The envelope key each list comes under. Only `chats` is documented; the others are what the
 * vendor's naming suggests, so the first array in the envelope is taken when the named key is absent.
 */
export function listFromEnvelope(
	body: unknown,
	keys: string[],
): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (typeof body !== 'object' || body === null) return [];
	const envelope = body as IDataObject;
	for (const key of keys) {
		if (Array.isArray(envelope[key])) return envelope[key] as IDataObject[];
	}
	const firstList = Object.values(envelope).find(Array.isArray);
	return (firstList as IDataObject[] | undefined) ?? [];
}

/** postReceive: one item per element of the envelope's list. */
export function itemsFromEnvelope(...keys: string[]) {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		return listFromEnvelope(response.body, keys).map((json) => ({ json }));
	};
}
