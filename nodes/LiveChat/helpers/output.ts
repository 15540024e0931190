import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

/**
 * Items from the answer: the list under `key`, an array answer, or one item (`{success: true}` when
 * empty). Each is paired with the input item it was asked for: n8n cannot infer that for a list from
 * one of several inputs, and a later `$('Node').item` needs it.
 */
export function itemsFrom(key?: string): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const pairedItem = { item: this.getItemIndex() };
		const body = response.body as unknown;
		const list = key ? ((body as IDataObject | undefined)?.[key] ?? []) : body;
		if (Array.isArray(list)) return (list as IDataObject[]).map((json) => ({ json, pairedItem }));
		if (typeof list === 'object' && list !== null && Object.keys(list).length > 0) {
			return [{ json: list as IDataObject, pairedItem }];
		}
		return [{ json: { success: true }, pairedItem }];
	};
}
