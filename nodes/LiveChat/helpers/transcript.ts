import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import type { Transcript, TranscriptMessage } from '../../shared/transcript';
import { isoTime, person } from '../../shared/transcript';

function eventText(event: IDataObject): string {
	switch (event.type) {
		case 'file':
			return String(event.name ?? event.url ?? '');
		case 'rich_message': {
			const elements = (event.elements ?? []) as IDataObject[];
			return elements.map((element) => [element.title, element.subtitle].filter(Boolean).join(' – ')).join('\n');
		}
		case 'filled_form': {
			const fields = (event.fields ?? []) as IDataObject[];
			return fields.map((field) => `${String(field.label ?? '')}: ${String(field.answer ?? '')}`).join('\n');
		}
		default:
			return String(event.text ?? '');
	}
}

/** One LiveChat chat with one thread (get_chat, list_archives) in the shared transcript shape. */
export function toTranscript(chat: IDataObject): Transcript {
	const thread = (chat.thread ?? {}) as IDataObject;
	const users = (chat.users ?? []) as IDataObject[];
	const byId = new Map(users.map((user) => [String(user.id), user]));
	const customer = users.find((user) => user.type === 'customer');
	const agents = users.filter((user) => user.type === 'agent');
	const events = ((thread.events ?? []) as IDataObject[]).filter((event) =>
		['message', 'system_message', 'file', 'rich_message', 'filled_form'].includes(String(event.type)),
	);
	const messages: TranscriptMessage[] = events.map((event) => {
		const author = byId.get(String(event.author_id ?? ''));
		const role: TranscriptMessage['authorRole'] =
			event.type === 'system_message'
				? 'system'
				: author?.type === 'customer'
					? 'visitor'
					: (author as IDataObject | undefined)?.bot === true
						? 'bot'
						: 'agent';
		return {
			at: isoTime(event.created_at),
			authorRole: role,
			authorName: role === 'system' ? null : String(author?.name ?? event.author_id ?? '') || null,
			text: eventText(event),
		};
	});
	const active = thread.active === true;
	return {
		vendor: 'liveChat',
		conversationId: String(chat.id ?? ''),
		channel: 'web',
		startedAt: isoTime(thread.created_at),
		endedAt: active ? null : (messages[messages.length - 1]?.at ?? null),
		status: active ? 'open' : 'closed',
		visitor: person({ id: customer?.id, name: customer?.name, email: customer?.email }),
		agents: agents.map((agent) => person({ id: agent.id, name: agent.name, email: agent.email })),
		tags: ((thread.tags ?? []) as unknown[]).map(String),
		messages,
	};
}

/** The newest message of a chat: the last of its thread's events, or a summary's last message event. */
function lastMessageOf(chat: IDataObject, thread: IDataObject): IDataObject | undefined {
	const events = ((thread.events ?? []) as IDataObject[]).filter((event) => event.type === 'message');
	if (events.length) return events[events.length - 1];
	const perType = (chat.last_event_per_type ?? {}) as IDataObject;
	return ((perType.message ?? {}) as IDataObject).event as IDataObject | undefined;
}

/**
 * Simplified: a chat's main fields, from a whole chat (get_chat, list_archives: `thread`) or a chat
 * summary (list_chats: `last_thread_summary`, `last_event_per_type`).
 */
export function simplifyChat(chat: IDataObject): IDataObject {
	const thread = (chat.thread ?? chat.last_thread_summary ?? {}) as IDataObject;
	const users = (chat.users ?? []) as IDataObject[];
	const customer = users.find((user) => user.type === 'customer');
	const lastMessage = lastMessageOf(chat, thread);
	return {
		id: chat.id ?? null,
		threadId: thread.id ?? null,
		active: typeof thread.active === 'boolean' ? thread.active : null,
		createdAt: thread.created_at ?? null,
		customerName: customer?.name ?? null,
		customerEmail: customer?.email ?? null,
		agents: users.filter((user) => user.type === 'agent').map((agent) => String(agent.name ?? agent.id ?? '')),
		groupIds: ((chat.access ?? thread.access ?? {}) as IDataObject).group_ids ?? [],
		tags: thread.tags ?? [],
		lastMessage: lastMessage ? eventText(lastMessage) : null,
		lastMessageAt: lastMessage?.created_at ?? null,
	};
}

/** postReceive: the chats in the chosen Output (Raw as LiveChat answers). */
export async function shapeTranscripts(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output = this.getNodeParameter('output', 'raw');
	if (output === 'transcript') return items.map((item) => ({ ...item, json: toTranscript(item.json) }));
	if (output === 'simplified') return items.map((item) => ({ ...item, json: simplifyChat(item.json) }));
	return items;
}
