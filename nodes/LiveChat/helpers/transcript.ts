import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Transcript, TranscriptMessage } from '../../shared/transcript';
import { isoTime, person } from '../../shared/transcript';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

export function transcriptOutput(show: Show): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'raw',
		displayOptions: { show },
		options: [
			{ name: 'Raw', value: 'raw', description: 'Each chat as LiveChat returns it' },
			{
				name: 'Normalized Transcript',
				value: 'transcript',
				description: 'Each chat (with its thread) in the transcript shape shared by every vendor of this package',
			},
		],
	};
}

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

/** postReceive: the chats as transcripts when Output says so. */
export async function shapeTranscripts(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('output', 'raw') !== 'transcript') return items;
	return items.map((item) => ({ ...item, json: toTranscript(item.json) }));
}
