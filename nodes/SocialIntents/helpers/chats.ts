import { DateTime } from 'luxon';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { Transcript, TranscriptMessage, TranscriptStatus } from '../../shared/transcript';
import { isoTime, person } from '../../shared/transcript';

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

/**
 * Social Intents writes `startDate` as "2017-06-24 15:01:31 PM" (a 24-hour clock with a stray
 * AM/PM) in the time zone the request named, or the account's when it named none.
 */
export function chatStart(chat: IDataObject, zone: string): DateTime | undefined {
	if (typeof chat.startDate !== 'string') return undefined;
	const start = DateTime.fromFormat(chat.startDate.slice(0, 19), 'yyyy-MM-dd HH:mm:ss', {
		zone: zone || 'UTC',
	});
	return start.isValid ? start : undefined;
}

function messageRole(type: unknown): TranscriptMessage['authorRole'] {
	const kind = String(type ?? '').toLowerCase();
	if (kind.includes('toagent')) return 'visitor';
	if (kind.includes('tovisitor')) return 'agent';
	if (kind.includes('bot')) return 'bot';
	return 'system';
}

function chatStatus(chat: IDataObject, fallback: TranscriptStatus): TranscriptStatus {
	const type = String(chat.chatType ?? '').toLowerCase();
	if (type.startsWith('missed')) return 'missed';
	if (type.startsWith('offline')) return 'offline';
	if (type.startsWith('answered')) return 'closed';
	return fallback;
}

function chatTags(chat: IDataObject): string[] {
	const raw = chat.tags ?? chat.tag;
	if (Array.isArray(raw)) return raw.map(String).filter(Boolean);
	if (typeof raw === 'string') return raw.split(',').map((tag) => tag.trim()).filter(Boolean);
	return [];
}

export function toTranscript(chat: IDataObject, zone: string, fallback: TranscriptStatus): Transcript {
	const messages = (Array.isArray(chat.messages) ? (chat.messages as IDataObject[]) : []).map(
		(message): TranscriptMessage => ({
			at: isoTime(message.timestamp),
			authorRole: messageRole(message.type),
			authorName: typeof message.nickname === 'string' && message.nickname ? message.nickname : null,
			text: String(message.body ?? ''),
		}),
	);
	const start = chatStart(chat, zone);
	const startedAt = start ? start.toUTC().toISO() : (messages[0]?.at ?? null);
	const duration = Number(chat.duration);
	const endedAt =
		start && Number.isFinite(duration) && chat.duration !== ''
			? start.plus({ seconds: duration }).toUTC().toISO()
			: (messages[messages.length - 1]?.at ?? null);
	const agent = person({ id: chat.agentId, name: chat.agentName, email: chat.agentEmail });
	return {
		vendor: 'socialIntents',
		conversationId: String(chat.id),
		channel: 'web',
		startedAt,
		endedAt,
		status: chatStatus(chat, fallback),
		visitor: person({
			id: chat.visitorId,
			name: chat.visitorName,
			email: chat.visitorEmail,
			phone: chat.visitorPhone,
		}),
		agents: agent.id || agent.name ? [agent] : [],
		tags: chatTags(chat),
		messages,
	};
}

export function simplifyChat(chat: IDataObject): IDataObject {
	const keep = [
		'id',
		'chatType',
		'appId',
		'startDate',
		'duration',
		'visitorId',
		'visitorName',
		'visitorEmail',
		'visitorPhone',
		'agentId',
		'agentName',
		'page',
		'location',
	];
	const simple: IDataObject = {};
	for (const key of keep) if (chat[key] !== undefined) simple[key] = chat[key];
	simple.messageCount = Array.isArray(chat.messages) ? chat.messages.length : 0;
	return simple;
}

/** postReceive for chat lists: the "Output" option picks raw, simplified or normalized transcripts. */
export function shapeChats(fallback: TranscriptStatus) {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const output = this.getNodeParameter('output', 'simplified') as string;
		if (output === 'raw') return items;
		if (output === 'simplified') return items.map((item) => ({ json: simplifyChat(item.json) }));
		const zone = this.getNodeParameter('filters.timezone', '') as string;
		return items.map((item) => ({ json: toTranscript(item.json, zone, fallback) }));
	};
}
