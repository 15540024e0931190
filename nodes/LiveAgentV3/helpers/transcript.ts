import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eachPage } from '../../shared/pagination';
import type { Transcript } from '../../shared/transcript';
import type { VendorContext } from '../../shared/transport';
import { vendorRequest } from '../../shared/transport';
import { accountZone } from '../../LiveAgent/helpers/dates';
import { toTranscript } from '../../LiveAgent/helpers/transcript';
import { liveAgentV3Api } from '../transport';
import { recordsOf } from './output';
import { v3Paging } from './paging';

/** v3 writes datetimes as the account's wall clock; a `T` between date and time is read like a space. */
function wallClock(value: IDataObject[string]): IDataObject[string] {
	return typeof value === 'string' ? value.replace(/^(\d{4}-\d{2}-\d{2})T/, '$1 ') : value;
}

/**
 * A v3 ticket (client models/ticket.py) and its message groups (models/message_group.py, messages
 * models/message.py) in the names v1's transcript mapping reads: the data is the same, the names
 * differ (`id` for `conversationid`, `type` for `rtype`, `agentid` for `assignedto`, …). Tag IDs
 * become tags by their names in `tagNames`.
 */
export function ticketTranscript(ticket: IDataObject, groups: IDataObject[], zone: string, tagNames: Map<string, string>): Transcript {
	const info: IDataObject = {
		conversationid: ticket.id,
		status: ticket.status,
		ownername: ticket.owner_name,
		owneremail: ticket.owner_email,
		assignedto: ticket.agentid || undefined,
		datecreated: wallClock(ticket.date_created),
		datechanged: wallClock(ticket.date_changed),
	};
	const v1Groups = groups.map((group): IDataObject => ({
		rtype: group.type,
		datecreated: wallClock(group.datecreated),
		datefinished: wallClock(group.datefinished),
		messages: recordsOf(group.messages).map((message) => ({
			rtype: message.type,
			userid: message.userid,
			datecreated: wallClock(message.datecreated),
			message: message.message,
		})),
	}));
	const tags = (Array.isArray(ticket.tags) ? ticket.tags : []).map((id) => ({ name: tagNames.get(String(id)) ?? String(id) }));
	return toTranscript(info, v1Groups, zone, tags);
}

/** Every message group of a ticket, page by page (TicketsApi.get_ticket_message_groups → GET /tickets/{ticketId}/messages). */
export async function ticketMessageGroups(context: VendorContext, ticketId: string): Promise<IDataObject[]> {
	const groups: IDataObject[] = [];
	const request = { method: 'GET' as const, url: `/tickets/${encodeURIComponent(ticketId)}/messages` };
	for await (const page of eachPage(context, liveAgentV3Api, request, v3Paging, {
		what: `the messages of ticket ${ticketId}`,
		recordsOf,
		keyOf: (group) => String(group.id),
	})) {
		groups.push(...page.records);
	}
	return groups;
}

/** The account's tags, ID → name (TagsApi.get_tags_list → GET /tags, not paged). */
export async function tagNames(context: VendorContext): Promise<Map<string, string>> {
	const tags = recordsOf(await vendorRequest.call(context, liveAgentV3Api, { method: 'GET', url: '/tags' }));
	return new Map(tags.map((tag) => [String(tag.id), String(tag.name ?? tag.id)]));
}

/** What Simplified keeps of a ticket (v3's own names); Raw has the rest. */
const SIMPLIFIED_FIELDS = ['id', 'code', 'subject', 'status', 'departmentid', 'agentid', 'owner_name', 'owner_email', 'tags', 'date_created', 'date_changed'];

/**
 * postReceive of the ticket reads, by Output: Raw as v3 answers; Simplified keeps the main fields;
 * Normalized Transcript reads the ticket's message groups and the tag names and maps them as v1's
 * conversations are (LiveAgent/helpers/transcript.ts).
 */
export async function shapeTickets(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output = this.getNodeParameter('output', 'simplified') as string;
	if (output === 'raw') return items;
	if (output === 'transcript') {
		let zone: string;
		try {
			zone = accountZone(await this.getCredentials('liveAgentV3Api'));
		} catch (error) {
			throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex: this.getItemIndex() });
		}
		const names = await tagNames(this as unknown as VendorContext);
		const shaped: INodeExecutionData[] = [];
		for (const item of items) {
			const groups = await ticketMessageGroups(this as unknown as VendorContext, String(item.json.id));
			shaped.push({ ...item, json: ticketTranscript(item.json, groups, zone, names) });
		}
		return shaped;
	}
	return items.map((item) => ({
		...item,
		json: Object.fromEntries(SIMPLIFIED_FIELDS.filter((field) => item.json[field] !== undefined).map((field) => [field, item.json[field]])),
	}));
}

/** What Simplified keeps of a chat (ChatInformation, client models/chat_information.py); Raw has the rest. */
const CHAT_FIELDS = ['id', 'subject', 'status', 'departmentId', 'agentId', 'firstname', 'lastname', 'emails', 'tags', 'date_created'];

/**
 * postReceive of Chat → Get Many, by Output. Normalized Transcript reads each chat as the ticket of the
 * same ID (TicketsApi.get_ticket and get_ticket_message_groups: a chat is a conversation, as in v1;
 * README, unsure) and maps it as Get does.
 */
export async function shapeChats(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const output = this.getNodeParameter('output', 'simplified') as string;
	if (output === 'raw') return items;
	if (output !== 'transcript') {
		return items.map((item) => ({
			...item,
			json: Object.fromEntries(CHAT_FIELDS.filter((field) => item.json[field] !== undefined).map((field) => [field, item.json[field]])),
		}));
	}
	let zone: string;
	try {
		zone = accountZone(await this.getCredentials('liveAgentV3Api'));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex: this.getItemIndex() });
	}
	const context = this as unknown as VendorContext;
	const names = await tagNames(context);
	const shaped: INodeExecutionData[] = [];
	for (const item of items) {
		const id = String(item.json.id);
		const ticket = recordsOf(await vendorRequest.call(context, liveAgentV3Api, { method: 'GET', url: `/tickets/${encodeURIComponent(id)}` }))[0] ?? {};
		shaped.push({ ...item, json: ticketTranscript(ticket, await ticketMessageGroups(context, id), zone, names) });
	}
	return shaped;
}
