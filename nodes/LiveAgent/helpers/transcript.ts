import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isNotFound } from '../../shared/errors';
import type { Transcript, TranscriptMessage, TranscriptStatus } from '../../shared/transcript';
import { person } from '../../shared/transcript';
import type { VendorContext } from '../../shared/transport';
import { vendorRequest } from '../../shared/transport';
import { liveAgentApi } from '../transport';
import { parseLiveAgentDate } from './dates';
import { listOf } from './output';

/** Message types that carry what someone wrote to the other side. */
const CONVERSATION_TYPES = new Set(['M', 'X', 'Q', 'F', 'V', 'D', 'C']);
/** Notes and internal messages: written by agents, not shown to the customer. */
const AGENT_NOTE_TYPES = new Set(['N', 'L', 'I']);
/** Events LiveAgent writes itself: status, system text, transfer, tag, end. */
const SYSTEM_TYPES = new Set(['S', 'J', 'R', 'G', 'E']);

const CHANNELS: Record<string, string> = {
	C: 'web',
	M: 'web',
	P: 'phone',
	V: 'phone',
	'1': 'phone',
	F: 'facebook',
	W: 'twitter',
	Y: 'twitter',
};

function iso(value: unknown, zone: string): string | null {
	return parseLiveAgentDate(value, zone)?.toUTC().toISO() ?? null;
}

export function transcriptStatus(status: unknown): TranscriptStatus {
	return ['R', 'X', 'B'].includes(String(status)) ? 'closed' : 'open';
}

/** The message groups of `/conversations/{id}/messages`, each with its list of messages. */
export function messageGroups(envelope: IDataObject): IDataObject[] {
	return listOf(envelope.groups).map((group) => ({ ...group, messages: listOf(group.messages) }));
}

/** One message per item, with its group's type and status beside it. */
export function flatMessages(groups: IDataObject[]): IDataObject[] {
	return groups.flatMap((group) =>
		(group.messages as IDataObject[]).map((message) => ({
			...message,
			messagegroupid: group.messagegroupid,
			grouptype: group.rtype,
			groupstatus: group.rstatus,
		})),
	);
}

/**
 * A conversation (info answer) and its message groups in the package's transcript shape. The
 * customer is the conversation's owner: when their userid is known, every other author of a
 * message is an agent; when it is not, an author is an agent when LiveAgent names them as the
 * assignee or when they wrote notes, otherwise the customer.
 */
export function toTranscript(
	info: IDataObject,
	groups: IDataObject[],
	zone: string,
	tags: IDataObject[] = [],
	customerUserId?: string,
): Transcript {
	const agentIds = new Set<string>();
	if (info.assignedto) agentIds.add(String(info.assignedto));
	for (const group of groups) {
		for (const message of group.messages as IDataObject[]) {
			if (AGENT_NOTE_TYPES.has(String(message.rtype)) && message.userid) agentIds.add(String(message.userid));
		}
	}
	const messages: TranscriptMessage[] = [];
	for (const group of groups) {
		for (const message of group.messages as IDataObject[]) {
			const type = String(message.rtype ?? '');
			let authorRole: TranscriptMessage['authorRole'];
			if (SYSTEM_TYPES.has(type)) authorRole = 'system';
			else if (AGENT_NOTE_TYPES.has(type)) authorRole = 'agent';
			else if (CONVERSATION_TYPES.has(type)) {
				const author = String(message.userid);
				if (customerUserId) authorRole = author === customerUserId ? 'visitor' : 'agent';
				else authorRole = agentIds.has(author) ? 'agent' : 'visitor';
			}
			else continue; // headers, footers, titles, user agents: layout, not conversation
			messages.push({
				at: iso(message.datecreated ?? group.datecreated, zone),
				authorRole,
				authorName: authorRole === 'visitor' && info.ownername ? String(info.ownername) : null,
				text: String(message.message ?? ''),
			});
		}
	}
	const lastGroup = groups[groups.length - 1];
	const closed = transcriptStatus(info.status) === 'closed';
	return {
		vendor: 'liveAgent',
		conversationId: String(info.conversationid ?? ''),
		channel: CHANNELS[String(groups[0]?.rtype ?? '')] ?? 'email',
		startedAt: iso(info.datecreated, zone) ?? messages[0]?.at ?? null,
		endedAt: closed ? iso(lastGroup?.datefinished, zone) ?? iso(info.datechanged, zone) : null,
		status: transcriptStatus(info.status),
		visitor: person({ name: info.ownername, email: info.owneremail }),
		agents: info.assignedto ? [person({ id: info.assignedto })] : [],
		tags: tags.map((tag) => String(tag.name ?? '')).filter(Boolean),
		messages,
	};
}

/**
 * One conversation as a transcript, read from LiveAgent: its record, its message groups (unless
 * `groups` already holds them), its tags, and the owner as a customer, whose userid tells the
 * customer's messages from the agents' (an owner LiveAgent does not know as a customer, 404, leaves
 * that to the assignee and notes). `zone` is the account's time zone. A failed read throws NodeApiError.
 */
export async function readTranscript(
	context: VendorContext,
	conversationId: string,
	zone: string,
	groups?: IDataObject[],
): Promise<Transcript> {
	const get = async (url: string) => (await vendorRequest.call(context, liveAgentApi, { method: 'GET', url })) as IDataObject;
	const id = encodeURIComponent(conversationId);
	const info = await get(`/conversations/${id}`);
	const messages = groups ?? messageGroups(await get(`/conversations/${id}/messages`));
	const tags = listOf((await get(`/conversations/${id}/tags`)).tags);
	let customerUserId: string | undefined;
	if (typeof info.owneremail === 'string' && info.owneremail !== '') {
		try {
			const owner = await get(`/customers/${encodeURIComponent(info.owneremail)}`);
			customerUserId = owner.userid ? String(owner.userid) : undefined;
		} catch (error) {
			if (!isNotFound(error)) throw new NodeApiError(context.getNode(), error as JsonObject);
		}
	}
	return toTranscript(info, messages, zone, tags, customerUserId);
}
