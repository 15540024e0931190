import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Transcript, TranscriptMessage } from '../../shared/transcript';
import { isoTime, person } from '../../shared/transcript';
import { startMillis } from './dates';

export type ConversationChannel = 'sms' | 'web' | 'facebook';

export function conversationId(conversation: IDataObject): string {
	const id = conversation.alive5_sessionID ?? conversation.thread_id ?? conversation.id;
	return id === undefined || id === null ? JSON.stringify(conversation) : String(id);
}

function messagesOf(conversation: IDataObject): IDataObject[] {
	const raw = conversation.chat_conversation;
	return Array.isArray(raw) ? (raw as IDataObject[]) : [];
}

function tagsOf(conversation: IDataObject): string[] {
	const raw = conversation.tags;
	if (Array.isArray(raw)) {
		return raw
			.map((tag) => (typeof tag === 'object' && tag !== null ? (tag as IDataObject).tag_label ?? (tag as IDataObject).label : tag))
			.map(String)
			.filter(Boolean);
	}
	if (typeof raw === 'string') return raw.split(',').map((tag) => tag.trim()).filter(Boolean);
	return [];
}

const same = (a: unknown, b: unknown) =>
	a !== undefined && a !== null && a !== '' && String(a).toLowerCase() === String(b).toLowerCase();

/**
 * Alive5 names a message's author in `created_by` only. The agent is recognised by the
 * conversation's agent fields, the visitor by its contact fields; other words are read as they say.
 */
function roleOf(author: unknown, conversation: IDataObject): TranscriptMessage['authorRole'] {
	if (same(author, conversation.agent_id) || same(author, conversation.assigned_to)) return 'agent';
	if (
		same(author, conversation.contacts_phone) ||
		same(author, conversation.contacts_email) ||
		same(author, conversation.crm_id)
	) {
		return 'visitor';
	}
	const word = String(author ?? '').toLowerCase();
	if (/visitor|customer|contact|guest/.test(word)) return 'visitor';
	if (/bot/.test(word)) return 'bot';
	if (/agent|user/.test(word) || word.includes('@')) return 'agent';
	return 'system';
}

export function toTranscript(conversation: IDataObject, channel: ConversationChannel): Transcript {
	const messages = messagesOf(conversation).map(
		(message): TranscriptMessage => ({
			at: isoTime(message.created_at),
			authorRole: roleOf(message.created_by, conversation),
			authorName:
				typeof message.created_by === 'string' && message.created_by !== '' ? message.created_by : null,
			text: String(message.message_content ?? ''),
		}),
	);
	const name = [conversation.contacts_first_name, conversation.contacts_last_name]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(' ');
	const agent = person({ id: conversation.agent_id, name: conversation.assigned_to });
	const endedAt = isoTime(conversation.end_time);
	return {
		vendor: 'alive5',
		conversationId: conversationId(conversation),
		channel,
		startedAt: isoTime(startMillis(conversation)) ?? messages[0]?.at ?? null,
		endedAt,
		status: endedAt ? 'closed' : 'open',
		visitor: person({
			id: conversation.crm_id,
			name,
			email: conversation.contacts_email,
			phone: conversation.contacts_phone,
		}),
		agents: agent.id || agent.name ? [agent] : [],
		tags: tagsOf(conversation),
		messages,
	};
}

/**
 * What Simplified keeps of a conversation (Alive5's own names): who, when, where, by whom and its
 * tags. The messages are counted instead; Raw has everything else (org, CRM and widget fields).
 */
const SIMPLIFIED_FIELDS = [
	'alive5_sessionID',
	'start_time',
	'end_time',
	'channel_name',
	'assigned_to',
	'contacts_first_name',
	'contacts_last_name',
	'contacts_email',
	'contacts_phone',
	'tags',
];

/** The conversation's main fields and a message count. */
function simplifyConversation(conversation: IDataObject): IDataObject {
	const simplified: IDataObject = {};
	for (const field of SIMPLIFIED_FIELDS) {
		if (conversation[field] !== undefined) simplified[field] = conversation[field];
	}
	simplified.messageCount = messagesOf(conversation).length;
	return simplified;
}

/** One record of an answer in the chosen Output. */
export function shapeConversation(
	conversation: IDataObject,
	output: string,
	channel: ConversationChannel,
): IDataObject {
	if (output === 'raw') return conversation;
	if (output === 'transcript') return toTranscript(conversation, channel);
	return simplifyConversation(conversation);
}

/** postReceive for conversation lists: the "Output" parameter picks the shape. */
export function shapeConversations(channel: ConversationChannel) {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const output = this.getNodeParameter('output', 'simplified') as string;
		return items.map((item) => ({ json: shapeConversation(item.json, output, channel) }));
	};
}
