import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { eachPage } from '../shared/pagination';
import { withParameters } from '../shared/parameterView';
import type { ChatEvent, ChatPlatform, ConversationQuery, PlatformWebhook } from '../shared/platform';
import { pageSize, toContact } from '../shared/platform';
import type { Transcript } from '../shared/transcript';
import { vendorRequest } from '../shared/transport';
import { liveChatCursor } from './helpers/paging';
import { toTranscript } from './helpers/transcript';
import { actionRequest, liveChatApi } from './transport';
import { authenticationProperty, liveChatCredentials } from './helpers/descriptions';
import { LiveChatTrigger } from './LiveChatTrigger.node';

/** An ISO time as list_archives takes it (RFC 3339 with microseconds). */
const rfc3339 = (iso: string) => `${new Date(iso).toISOString().slice(0, -1)}000Z`;

/**
 * Conversations are list_archives' chats, newest thread first. A chat that had several threads is
 * listed once per thread; the transcript is the chat's newest thread, as Get (get_chat) gives it.
 */
async function* conversations(context: IExecuteFunctions, query: ConversationQuery): AsyncIterable<Transcript> {
	const filters: IDataObject = {};
	if (query.from) filters.from = rfc3339(query.from);
	if (query.to) filters.to = rfc3339(query.to);
	const request = actionRequest('agent', 'list_archives', Object.keys(filters).length ? { filters, sort_order: 'desc' } : { sort_order: 'desc' });
	const seen = new Set<string>();
	const scheme = liveChatCursor();
	const pages = eachPage(context, (sent) => vendorRequest.call(context, liveChatApi, sent, { read: true }), request, scheme, {
		what: 'LiveChat archives',
		size: pageSize(query, scheme.maxPageSize),
		recordsOf: (body) => ((body as IDataObject).chats ?? []) as IDataObject[],
		keyOf: (chat) => `${String(chat.id)}/${String((chat.thread as IDataObject | undefined)?.id)}`,
	});
	for await (const page of pages) {
		for (const chat of page.records) {
			if (seen.has(String(chat.id))) continue;
			seen.add(String(chat.id));
			yield toTranscript(chat);
		}
	}
}

/** The LiveChat webhook action of each event of the Live Chat Trigger. */
const ACTIONS: Record<ChatEvent, string> = { newConversation: 'incoming_chat', conversationEnded: 'chat_deactivated' };

/** The LiveChat Trigger's registration, verification and replay check, with one action and no filters. */
const vendorTrigger = new LiveChatTrigger();
const asVendorTrigger = <T extends object>(context: T, event: ChatEvent) =>
	withParameters(context, { events: [ACTIONS[event]], filters: {}, additionalData: [], output: 'withAction' });

/**
 * LiveChat pushes both events: the LiveChat Trigger's license webhook for `incoming_chat` or
 * `chat_deactivated`; the chat it names is read whole with get_chat.
 */
const webhook: PlatformWebhook = {
	checkExists: async (context, event) => await vendorTrigger.webhookMethods.default.checkExists.call(asVendorTrigger(context, event)),
	create: async (context, event) => await vendorTrigger.webhookMethods.default.create.call(asVendorTrigger(context, event)),
	// delete() removes what the slot holds whatever the event; the event only names the owner's list
	delete: async (context) => await vendorTrigger.webhookMethods.default.delete.call(asVendorTrigger(context, 'newConversation')),
	async receive(context, event) {
		const answer = await vendorTrigger.webhook.call(asVendorTrigger(context, event));
		if (!answer.workflowData) return { answer };
		const transcripts: Transcript[] = [];
		for (const { json } of answer.workflowData[0]) {
			// Read whole, as Conversation → Get gives it: chat_deactivated names only the chat, and
			// incoming_chat's chat may come without its users or events (LiveChat's published sample).
			const payload = (json.payload ?? {}) as IDataObject;
			const chatId = String(payload.chat_id ?? (payload.chat as IDataObject | undefined)?.id ?? '');
			transcripts.push(await liveChatPlatform.conversation!(context as unknown as IExecuteFunctions, chatId));
		}
		return { transcripts };
	},
};

/** LiveChat (text.com) for the Live Chat node: chats, replies into them, customers. */
export const liveChatPlatform: ChatPlatform = {
	key: 'liveChat',
	name: 'LiveChat',
	credentials: liveChatCredentials,
	properties: [authenticationProperty],
	statuses: ['open', 'closed'],
	conversations,
	async conversation(context, id) {
		const chat = await vendorRequest.call(context, liveChatApi, actionRequest('agent', 'get_chat', { chat_id: id }), { read: true });
		return toTranscript(chat as IDataObject);
	},
	async sendMessage(context, conversationId, text) {
		const body = { chat_id: conversationId, event: { type: 'message', text, visibility: 'all' } };
		const answer = (await vendorRequest.call(context, liveChatApi, actionRequest('agent', 'send_event', body))) as IDataObject;
		return { vendor: 'liveChat', conversationId, messageId: answer.event_id ? String(answer.event_id) : null, text };
	},
	async contact(context, id) {
		const customer = (await vendorRequest.call(context, liveChatApi, actionRequest('agent', 'get_customer', { id }), { read: true })) as IDataObject;
		return toContact('liveChat', id, customer);
	},
	trigger: {
		events: {
			newConversation: 'a chat starts (webhook incoming_chat; the chat is then read whole)',
			conversationEnded: 'a chat is deactivated: its thread closed and archived (webhook chat_deactivated)',
		},
		webhook,
	},
};
