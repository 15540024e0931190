import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { Transcript, TranscriptMessage } from '../../shared/transcript';
import { isoTime, person } from '../../shared/transcript';

function role(message: IDataObject): TranscriptMessage['authorRole'] {
	const kind = String(message.senderType ?? message.sender ?? message.type ?? message.role ?? '').toLowerCase();
	if (kind.includes('visitor') || kind.includes('customer')) return 'visitor';
	if (kind.includes('bot') || kind.includes('ai')) return 'bot';
	if (kind.includes('user') || kind.includes('agent') || kind.includes('operator')) return 'agent';
	return 'system';
}

function tagNames(raw: unknown): string[] {
	if (!Array.isArray(raw)) return [];
	return raw
		.map((tag) => {
			if (typeof tag === 'string') return tag;
			if (tag && typeof tag === 'object') {
				const fields = tag as IDataObject;
				return String(fields.name ?? fields.label ?? fields.localizedName ?? fields.key ?? '');
			}
			return '';
		})
		.filter(Boolean);
}

/**
 * A conversation as GET /conversations/{token} or /messages answers it (`{conversation, messages,
 * visitor, users, tags}`), in the package's normalized transcript shape.
 */
export function toTranscript(body: IDataObject): Transcript {
	const conversation = (body.conversation as IDataObject | undefined) ?? body;
	const visitor = (body.visitor as IDataObject | undefined) ?? (conversation.visitor as IDataObject | undefined) ?? {};
	const users = (Array.isArray(body.users) ? body.users : []) as IDataObject[];
	const usersById = new Map(users.map((user) => [String(user.id), user]));
	const rawMessages = (Array.isArray(body.messages) ? body.messages : Array.isArray(conversation.messages) ? conversation.messages : []) as IDataObject[];
	const visitorName = typeof visitor.name === 'string' && visitor.name ? visitor.name : null;
	const messages = rawMessages
		.map((message): TranscriptMessage => {
			const authorRole = role(message);
			const user = message.userId !== undefined && message.userId !== null ? usersById.get(String(message.userId)) : undefined;
			const name = user?.name ?? message.senderName ?? (authorRole === 'visitor' ? visitorName : null);
			return {
				at: isoTime(message.createdAt),
				authorRole,
				authorName: typeof name === 'string' && name ? name : null,
				text: String(message.content ?? message.text ?? message.body ?? ''),
			};
		})
		.sort((a, b) => String(a.at ?? '').localeCompare(String(b.at ?? '')));
	const status = String(conversation.status ?? '').toUpperCase();
	return {
		vendor: 'fiveChat',
		conversationId: String(conversation.token ?? conversation.id ?? ''),
		channel: 'web',
		startedAt: isoTime(conversation.firstMessageAt) ?? isoTime(conversation.createdAt),
		endedAt: isoTime(conversation.closedAt),
		status: status === 'OPEN' || status === 'PENDING' || status === 'ACTIVE' ? 'open' : conversation.closedAt || status === 'CLOSED' ? 'closed' : 'open',
		visitor: person({ id: visitor.token ?? visitor.id ?? conversation.visitorId, name: visitor.name, email: visitor.email, phone: visitor.phone }),
		agents: users.map((user) => person({ id: user.id, name: user.name, email: user.email })),
		tags: tagNames(body.tags ?? conversation.tags),
		messages,
	};
}

/**
 * Simplified: a conversation's main fields (5chat's names), who took part, its tags and, where the
 * answer has them, a count of its messages; never the `{conversation: …}` wrapper of a single read.
 */
export function simplifyConversation(body: IDataObject): IDataObject {
	const conversation = (body.conversation as IDataObject | undefined) ?? body;
	const visitor = ((body.visitor ?? conversation.visitor) as IDataObject | undefined) ?? {};
	const users = (Array.isArray(body.users) ? body.users : []) as IDataObject[];
	const messages = Array.isArray(body.messages) ? body.messages : Array.isArray(conversation.messages) ? conversation.messages : undefined;
	const simplified: IDataObject = {
		token: conversation.token ?? null,
		status: conversation.status ?? null,
		createdAt: conversation.createdAt ?? null,
		closedAt: conversation.closedAt ?? null,
		rating: conversation.rating ?? null,
		summary: conversation.summary ?? null,
		visitorId: visitor.token ?? conversation.visitorId ?? null,
		visitorName: visitor.name ?? null,
		agents: users.map((user) => String(user.name ?? user.email ?? user.id ?? '')).filter(Boolean),
		tags: tagNames(body.tags ?? conversation.tags),
	};
	if (messages) simplified.messageCount = messages.length;
	return simplified;
}

/** postReceive for a conversation: simplified, raw, transcript, or (messages only) one item per message. */
export async function shapeConversation(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output = this.getNodeParameter('output', 'raw') as string;
	if (output === 'transcript') return items.map((item) => ({ json: toTranscript(item.json) }));
	if (output === 'simplified') return items.map((item) => ({ json: simplifyConversation(item.json) }));
	if (output === 'messages') {
		return items.flatMap((item) =>
			((Array.isArray(item.json.messages) ? item.json.messages : []) as IDataObject[]).map((json) => ({ json })),
		);
	}
	return items;
}
