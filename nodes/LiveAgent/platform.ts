import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eachPage } from '../shared/pagination';
import { vendorPoll } from '../shared/polling';
import { LiveAgentTrigger } from './LiveAgentTrigger.node';
import type { ChatPlatform, ConversationQuery } from '../shared/platform';
import { meetsQuery, pageSize, toContact } from '../shared/platform';
import type { Transcript } from '../shared/transcript';
import { vendorRequest } from '../shared/transport';
import { accountZone } from './helpers/dates';
import { listOf } from './helpers/output';
import { conversationPaging } from './helpers/paging';
import { readTranscript, toTranscript, transcriptStatus } from './helpers/transcript';
import { liveAgentApi } from './transport';

async function zoneOf(context: IExecuteFunctions | IPollFunctions): Promise<string> {
	try {
		return accountZone(await context.getCredentials('liveAgentApi'));
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message);
	}
}

const get = async (context: IExecuteFunctions, url: string) =>
	(await vendorRequest.call(context, liveAgentApi, { method: 'GET', url })) as IDataObject;

/**
 * GET /conversations page by page (as Get Many pages it); each row in the range and statuses asked
 * for (by its own creation date and status, so that no other is read) becomes a full transcript.
 */
async function* conversations(context: IExecuteFunctions, query: ConversationQuery): AsyncIterable<Transcript> {
	const zone = await zoneOf(context);
	const request: IHttpRequestOptions = { method: 'GET', url: '/conversations', qs: {} };
	const pages = eachPage(context, liveAgentApi, request, conversationPaging, {
		what: 'LiveAgent conversations',
		size: pageSize(query, conversationPaging.maxPageSize),
		recordsOf: (envelope) => listOf((envelope as IDataObject).conversations),
		keyOf: (row) => String(row.conversationid),
	});
	for await (const { records } of pages) {
		for (const row of records) {
			// the row as a transcript (no messages yet) tells its status and creation time
			if (!meetsQuery(toTranscript(row, [], zone), query)) continue;
			yield await readTranscript(context, String(row.conversationid), zone);
		}
	}
}

/** LiveAgent for the Live Chat node: conversations (tickets and chats) and customers. */
export const liveAgentPlatform: ChatPlatform = {
	key: 'liveAgent',
	name: 'LiveAgent',
	credentials: [{ name: 'liveAgentApi', required: true }],
	statuses: ['open', 'closed'],
	conversations,
	async conversation(context, id) {
		return await readTranscript(context, id, await zoneOf(context));
	},
	/**
	 * A message to the customer in the name of the conversation's assigned agent (LiveAgent writes a
	 * message without an author as an internal note, which the customer never sees).
	 */
	async sendMessage(context, conversationId, text) {
		const id = encodeURIComponent(conversationId);
		const info = await get(context, `/conversations/${id}`);
		if (!info.assignedto) {
			throw new NodeOperationError(context.getNode(), `LiveAgent conversation ${conversationId} has no agent assigned to reply in the name of`, {
				description: 'LiveAgent sends a reply to the customer only in an agent’s name: assign the conversation to an agent first (LiveAgent node: Conversation → Transfer).',
			});
		}
		const body = { message: text, type: 'M', useridentifier: String(info.assignedto) };
		await vendorRequest.call(context, liveAgentApi, { method: 'POST', url: `/conversations/${id}/messages`, body });
		return { vendor: 'liveAgent', conversationId, messageId: null, text };
	},
	async contact(context, id) {
		const customer = await get(context, `/customers/${encodeURIComponent(id)}`);
		const name = [customer.firstname, customer.lastname].filter((part) => typeof part === 'string' && part !== '').join(' ');
		return toContact('liveAgent', id, { id: customer.contactid, name: name || customer.systemname, email: customer.email, phone: customer.phone });
	},
	trigger: {
		events: {
			newConversation: 'a conversation is created (its creation date)',
			conversationEnded: 'a conversation changes into a resolved, deleted or spam status (R, X, B)',
		},
		poll: pollConversations,
	},
};

/** How many ended conversations the trigger remembers (so that a later change of one is not reported again). */
const ENDED_MEMORY = 5000;

/**
 * The LiveAgent Trigger's own polls, by the conversations' dates of creation or change, each with
 * its cursor. Ended: every change the trigger reports once (Conversation Changed, Any Change) that
 * leaves the conversation resolved, deleted or spam, once until it is reopened; the rows become
 * full transcripts (GET /conversations/{id} and its messages).
 */
async function pollConversations(context: IPollFunctions, event: 'newConversation' | 'conversationEnded') {
	const fixed = { event: event === 'newConversation' ? 'newConversation' : 'conversationChanged', changes: 'any', department: '', owner: '', conversationId: '' };
	const { items, own, save } = await vendorPoll(context, `liveAgent.${event}`, fixed, LiveAgentTrigger.prototype.poll);
	let rows = items;
	if (event === 'conversationEnded') {
		const ended = new Set((own.ended ?? []) as string[]);
		rows = [];
		for (const row of items) {
			const id = String(row.conversationid);
			const closed = transcriptStatus(row.status) === 'closed';
			if (closed && !ended.has(id)) rows.push(row);
			ended.delete(id);
			if (closed) ended.add(id);
		}
		own.ended = [...ended].slice(-ENDED_MEMORY);
	}
	const zone = await zoneOf(context);
	const transcripts: Transcript[] = [];
	for (const row of rows) transcripts.push(await readTranscript(context, String(row.conversationid), zone));
	return { transcripts, save };
}
