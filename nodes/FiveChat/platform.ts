import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { eachPage } from '../shared/pagination';
import { vendorPoll } from '../shared/polling';
import { FiveChatTrigger } from './FiveChatTrigger.node';
import type { ChatPlatform, ConversationQuery } from '../shared/platform';
import { meetsQuery, pageSize, toContact } from '../shared/platform';
import type { Transcript } from '../shared/transcript';
import { vendorRequest } from '../shared/transport';
import { pageRecords } from './helpers/output';
import { fiveChatPaging } from './helpers/paging';
import { toTranscript } from './helpers/transcript';
import { fiveChatApi } from './transport';

async function conversationOf(context: IExecuteFunctions, token: string): Promise<Transcript> {
	const full = await vendorRequest.call(context, fiveChatApi, { method: 'GET', url: `/conversations/${encodeURIComponent(token)}` });
	return toTranscript(full as IDataObject);
}

/**
 * GET /conversations page by page (newest first, as Get Many pages it); a row's list entry has no
 * messages, so each one in the range and statuses asked for is read whole (GET /conversations/{token}).
 */
async function* conversations(context: IExecuteFunctions, query: ConversationQuery): AsyncIterable<Transcript> {
	const request: IHttpRequestOptions = { method: 'GET', url: '/conversations' };
	const pages = eachPage(context, fiveChatApi, request, fiveChatPaging, { what: '5chat conversations', recordsOf: pageRecords, size: pageSize(query, fiveChatPaging.maxPageSize) });
	for await (const { records } of pages) {
		for (const row of records) {
			// the row as a transcript tells its status and start; only the messages are missing
			const summary = toTranscript(row);
			if (!meetsQuery(summary, query)) continue;
			yield await conversationOf(context, summary.conversationId);
		}
	}
}

/** 5chat for the Live Chat node: the token's website's conversations and visitors. */
export const fiveChatPlatform: ChatPlatform = {
	key: 'fiveChat',
	name: '5chat',
	credentials: [{ name: 'fiveChatApi', required: true }],
	statuses: ['open', 'closed'],
	conversations,
	conversation: conversationOf,
	sendTarget: '5chat’s API replies only into tickets: on 5chat, Conversation ID is the ticket’s ID.',
	/**
	 * A message added to a 5chat ticket (POST /tickets/{id}/messages, body `content`; 5chat's OpenAPI
	 * index, "Add message to ticket"): its API has no call that writes into a chat conversation.
	 * 201 with the new message, bare or in `data`.
	 */
	async sendMessage(context, ticketId, text) {
		const url = `/tickets/${encodeURIComponent(ticketId)}/messages`;
		const answer = (await vendorRequest.call(context, fiveChatApi, { method: 'POST', url, body: { content: text } })) as IDataObject;
		const message = (answer?.data as IDataObject | undefined) ?? answer ?? {};
		return { vendor: 'fiveChat', conversationId: ticketId, messageId: message.id === undefined ? null : String(message.id), text };
	},
	async contact(context, id) {
		const visitor = (await vendorRequest.call(context, fiveChatApi, { method: 'GET', url: `/visitors/${encodeURIComponent(id)}` })) as IDataObject;
		const record = (visitor.data as IDataObject | undefined) ?? visitor;
		return toContact('fiveChat', id, { id: record.token ?? record.id, name: record.name, email: record.email, phone: record.phone });
	},
	/**
	 * 5chat has no webhooks: the 5chat Trigger's own polls (New Conversation; Conversation Closed over
	 * the 100 newest conversations), each with its cursor, as normalized transcripts.
	 */
	trigger: {
		events: {
			newConversation: 'a visitor starts a conversation',
			conversationEnded: 'one of the 100 newest conversations is closed (status CLOSED or a close time)',
		},
		async poll(context, event) {
			const fixed =
				event === 'newConversation'
					? { event: 'newConversation', output: 'transcript' }
					: { event: 'conversationClosed', output: 'transcript', watch: 100 };
			const { items, save } = await vendorPoll(context, `fiveChat.${event}`, fixed, FiveChatTrigger.prototype.poll);
			return { transcripts: items as Transcript[], save };
		},
	},
};
