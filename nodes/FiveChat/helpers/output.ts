import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

/** The records of a `{data, total, page, totalPages, hasNextPage}` page (or a bare array). */
export function pageRecords(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (typeof body !== 'object' || body === null) return [];
	const data = (body as IDataObject).data;
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/** postReceive for paged lists: one item per record of the page, without the envelope. */
export async function unwrapPage(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return pageRecords(response.body).map((json) => ({ json }));
}

/** postReceive for single records that may come as `{data: {...}}`. */
export async function unwrapRecord(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject | undefined;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const keys = Object.keys(body);
		if (keys.length === 1 && keys[0] === 'data' && typeof body.data === 'object' && body.data !== null && !Array.isArray(body.data)) {
			return [{ json: body.data as IDataObject }];
		}
	}
	return items;
}

/** postReceive for a DELETE that answers with nothing (204). */
export async function deletedTicket(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const id = String(this.getNodeParameter('ticketId', '', { extractValue: true }));
	const body = response.body;
	const extra = body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
	return [{ json: { id, deleted: true, ...extra } }];
}

/** What Simplified keeps of a ticket (5chat's names); its messages are counted. */
const TICKET_FIELDS = ['id', 'title', 'status', 'priority', 'email', 'assigneeId', 'visitorId', 'conversationToken', 'createdAt', 'updatedAt'];

/** postReceive for ticket reads: Simplified, or Raw as 5chat answers. */
export async function shapeTickets(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('output', 'raw') !== 'simplified') return items;
	return items.map((item) => {
		const json: IDataObject = {};
		for (const field of TICKET_FIELDS) if (item.json[field] !== undefined) json[field] = item.json[field];
		if (Array.isArray(item.json.messages)) json.messageCount = item.json.messages.length;
		return { ...item, json };
	});
}
