import type { DateTime } from 'luxon';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { Transcript, TranscriptMessage, TranscriptStatus } from '../../shared/transcript';
import { isoTime, person } from '../../shared/transcript';
import { readVendorDate } from './dates';

/** A chat's start (`startDate`, in either of the vendor's forms; see readVendorDate). */
export function chatStart(chat: IDataObject, zone: string): DateTime | undefined {
	return readVendorDate(chat.startDate, zone);
}

/**
 * The visitor's name, whichever field carries it: `visitorFullName` (the current REST page and the
 * webhook samples), `visitorFirstName` + `visitorLastName` (webhook samples), or `visitorName` (the
 * 2017 REST example). Empty when none does.
 */
export function visitorNameOf(chat: IDataObject): string {
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	return (
		text(chat.visitorFullName) ||
		[text(chat.visitorFirstName), text(chat.visitorLastName)].filter(Boolean).join(' ') ||
		text(chat.visitorName)
	);
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

/**
 * The messages of a chat that carries only `textBody` (webhook deliveries: "Visitor: Hi there\nAgent:
 * Hello!"). A line "<label>: <text>" starts a message; other lines continue the one before. The
 * label "Visitor" or the visitor's name marks the visitor (named as the chat names the visitor), a
 * label with "bot" a bot, any other label an agent. The text has no times.
 */
function textBodyMessages(chat: IDataObject, visitorName: string): TranscriptMessage[] {
	if (typeof chat.textBody !== 'string' || chat.textBody.trim() === '') return [];
	const visitorLabels = new Set(
		['visitor', visitorName, chat.visitorFirstName].filter((label) => typeof label === 'string' && label).map((label) => String(label).toLowerCase()),
	);
	const messages: TranscriptMessage[] = [];
	for (const line of chat.textBody.split(/\r?\n/)) {
		const labelled = /^([^:]{1,80}):\s?(.*)$/.exec(line);
		if (!labelled && messages.length) {
			messages[messages.length - 1].text += `\n${line}`;
			continue;
		}
		const label = labelled ? labelled[1].trim() : '';
		const lower = label.toLowerCase();
		const authorRole: TranscriptMessage['authorRole'] = !labelled
			? 'system'
			: visitorLabels.has(lower)
				? 'visitor'
				: lower.includes('bot')
					? 'bot'
					: 'agent';
		const named = labelled && !['visitor', 'agent'].includes(lower);
		// "Visitor" is the chat's one visitor, whose name the chat gives; "Agent" may be any of several.
		const authorName = named ? label : lower === 'visitor' && visitorName ? visitorName : null;
		messages.push({ at: null, authorRole, authorName, text: labelled ? labelled[2] : line });
	}
	return messages;
}

export function toTranscript(chat: IDataObject, zone: string, fallback: TranscriptStatus): Transcript {
	const visitorName = visitorNameOf(chat);
	const messages = Array.isArray(chat.messages)
		? (chat.messages as IDataObject[]).map(
				(message): TranscriptMessage => ({
					at: isoTime(message.timestamp),
					authorRole: messageRole(message.type),
					authorName: typeof message.nickname === 'string' && message.nickname ? message.nickname : null,
					text: String(message.body ?? ''),
				}),
			)
		: textBodyMessages(chat, visitorName);
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
			name: visitorName,
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
		'visitorEmail',
		'visitorPhone',
		'agentId',
		'agentName',
		'agentEmail',
		'page',
		'location',
	];
	const simple: IDataObject = {};
	for (const key of keep) if (chat[key] !== undefined) simple[key] = chat[key];
	// one name field, whichever the answer carries (visitorFullName, first + last, visitorName)
	simple.visitorName = visitorNameOf(chat);
	simple.messageCount = Array.isArray(chat.messages) ? chat.messages.length : textBodyMessages(chat, '').length;
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
