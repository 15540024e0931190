import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

/** postReceive: the record or records under `data`, one item each. */
export async function dataItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = (response.body as IDataObject | undefined)?.data;
	const records = Array.isArray(data) ? (data as IDataObject[]) : data && typeof data === 'object' ? [data as IDataObject] : [];
	return records.map((json) => ({ json }));
}
