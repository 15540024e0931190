import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ChatPlatform, ConversationQuery, SentMessage } from '../shared/platform';
import type { PollState } from '../shared/polling';
import { takeUnseen, vendorPoll } from '../shared/polling';
import { Alive5PollingTrigger } from './Alive5PollingTrigger.node';
import { meetsQuery } from '../shared/platform';
import type { Transcript } from '../shared/transcript';
import { vendorRequest } from '../shared/transport';
import { DATE_FORMAT, LIST_DATES } from './helpers/dates';
import { listConversations } from './helpers/paging';
import type { ConversationChannel } from './helpers/transcript';
import { conversationId, toTranscript } from './helpers/transcript';
import { alive5Api } from './transport';

/** Alive5's conversation lists, one per channel (`event` of the Alive5 Polling Trigger); only live chats page. */
const LISTS: Array<{ path: string; channel: ConversationChannel; paged: boolean; event: string }> = [
	{ path: '/conversations/sms', channel: 'sms', paged: false, event: 'sms' },
	{ path: '/conversations/livechat', channel: 'web', paged: true, event: 'liveChat' },
	{ path: '/conversations/fbm', channel: 'facebook', paged: false, event: 'fbm' },
];

/**
 * SMS, live chat and Messenger conversations on the days of the range (`date_start` / `date_end`,
 * MM-dd-yyyy in UTC), newest first; the range and statuses are applied to the transcripts as well.
 */
async function* conversations(context: IExecuteFunctions, query: ConversationQuery): AsyncIterable<Transcript> {
	const qs: IDataObject = {};
	if (query.from) qs[LIST_DATES.start] = DateTime.fromISO(query.from, { zone: 'UTC' }).toFormat(DATE_FORMAT);
	if (query.to) qs[LIST_DATES.end] = DateTime.fromISO(query.to, { zone: 'UTC' }).minus({ milliseconds: 1 }).toFormat(DATE_FORMAT);
	const all: Transcript[] = [];
	for (const list of LISTS) {
		all.push(...(await listConversations(context, list.path, list.paged, qs)).map((conversation) => toTranscript(conversation, list.channel)));
	}
	yield* all
		.filter((transcript) => meetsQuery(transcript, query))
		.sort((a, b) => String(b.startedAt ?? '').localeCompare(String(a.startedAt ?? '')));
}

/** A field of the send's answer `{code, data: {code, data: {message_id, thread_id, …}}}` (or one level less). */
function sentField(answer: unknown, name: string): string | null {
	let level = answer as IDataObject | undefined;
	for (let depth = 0; depth < 3 && level && typeof level === 'object'; depth++) {
		if (level[name] !== undefined && level[name] !== null) return String(level[name]);
		level = level.data as IDataObject | undefined;
	}
	return null;
}

/**
 * A reply into an SMS conversation: one SMS from the conversation's Alive5 number to its customer,
 * in the name of its agent (POST /conversations/sms/send, JSON as Alive5's own n8n node sends it).
 * Alive5 has no read by ID, so the conversation is found in the list of recent SMS conversations
 * first (a read); the send itself is never repeated. An SMS to a closed conversation's customer opens
 * a new thread (the answer's `newThread`): the result's conversationId is the thread the SMS went into.
 */
async function sendMessage(context: IExecuteFunctions, id: string, text: string): Promise<SentMessage> {
	const recent = await listConversations(context, '/conversations/sms', false, {});
	const conversation = recent.find((candidate) => conversationId(candidate) === id);
	if (!conversation) {
		throw new NodeOperationError(context.getNode(), `Alive5 has no SMS conversation ${id} among its recent SMS conversations`, {
			description: 'Alive5 can reply only by SMS, into an SMS conversation: use the conversationId of a transcript whose channel is sms (Conversation → Get Many).',
		});
	}
	const fields = {
		channel_id: conversation.channel_id,
		user_id: conversation.agent_id,
		phone_number_from: conversation.alive_sms_phone_number,
		phone_number_to: conversation.contacts_phone,
	};
	const missing = Object.entries(fields).filter(([, value]) => typeof value !== 'string' || value === '');
	if (missing.length) {
		throw new NodeOperationError(context.getNode(), `Alive5 SMS conversation ${id} does not tell ${missing.map(([name]) => name).join(', ')}, which a reply needs`, {
			description: 'Send the SMS with the Alive5 node (SMS → Send) instead, choosing the channel, agent and numbers.',
		});
	}
	const answer = await vendorRequest.call(context, alive5Api, {
		method: 'POST',
		url: '/conversations/sms/send',
		body: { ...fields, message: text },
		headers: { 'Content-Type': 'application/json' },
	});
	return { vendor: 'alive5', conversationId: sentField(answer, 'thread_id') ?? id, messageId: sentField(answer, 'message_id'), text };
}

/** How many days back the ended conversations are looked for, by their start (Alive5 lists by start day). */
const ENDED_WINDOW_DAYS = 7;

/**
 * Alive5 for the Live Chat node: its conversations of every channel. Its API reads conversations
 * only as lists by day (no read by ID), replies only by SMS, and has no contact read.
 */
export const alive5Platform: ChatPlatform = {
	key: 'alive5',
	name: 'Alive5',
	credentials: [{ name: 'alive5Api', required: true }],
	statuses: ['open', 'closed'],
	conversations,
	sendTarget: 'Alive5 replies only by SMS: on Alive5, Conversation ID is an SMS conversation’s, and the reply goes from its Alive5 number in its agent’s name.',
	sendMessage,
	/**
	 * Polled: Alive5's only push is an inbound SMS (its interceptor), which tells neither a new
	 * conversation nor an ended one; its lists tell both, on every channel.
	 */
	trigger: {
		events: {
			newConversation: 'an SMS, live chat or Messenger conversation starts',
			conversationEnded: `a conversation that started in the last ${ENDED_WINDOW_DAYS} days gets an end time`,
		},
		async poll(context, event) {
			return event === 'newConversation' ? await newConversations(context) : await endedConversations(context);
		},
	},
};

/**
 * New conversations: the Alive5 Polling Trigger's poll of each channel's list, each with its own
 * cursor, as transcripts, oldest first; all three cursors are saved together.
 */
async function newConversations(context: IPollFunctions): Promise<{ transcripts: Transcript[]; save: () => void }> {
	const polls: Array<Awaited<ReturnType<typeof vendorPoll>>> = [];
	for (const list of LISTS) {
		polls.push(await vendorPoll(context, `alive5.newConversation.${list.event}`, { event: list.event, output: 'transcript' }, Alive5PollingTrigger.prototype.poll));
	}
	let transcripts = polls.flatMap((poll) => poll.items as Transcript[]).sort(byStart);
	// a manual run shows the newest one, as each channel's manual poll does
	if (context.getMode() === 'manual') transcripts = transcripts.slice(-1);
	return { transcripts, save: () => polls.forEach((poll) => poll.save()) };
}

const byStart = (a: Transcript, b: Transcript) => String(a.startedAt ?? '').localeCompare(String(b.startedAt ?? ''));

/**
 * Ended conversations: those of the last `ENDED_WINDOW_DAYS` days (by start) that have an end time
 * (Alive5's `end_time`, which makes a transcript closed), each reported once per end time: the shared
 * cursor remembers the last answer's `id@end`, and the first poll only remembers.
 */
async function endedConversations(context: IPollFunctions): Promise<{ transcripts: Transcript[]; save: () => void }> {
	const qs: IDataObject = { [LIST_DATES.start]: DateTime.utc().minus({ days: ENDED_WINDOW_DAYS }).toFormat(DATE_FORMAT) };
	const ended: Transcript[] = [];
	for (const list of LISTS) {
		const conversations = await listConversations(context, list.path, list.paged, qs);
		ended.push(...conversations.map((conversation) => toTranscript(conversation, list.channel)).filter((transcript) => transcript.endedAt !== null));
	}
	ended.sort((a, b) => String(a.endedAt).localeCompare(String(b.endedAt)));
	if (context.getMode() === 'manual') return { transcripts: ended.slice(-1), save: () => {} };
	const saved = context.getWorkflowStaticData('node');
	const slot = 'alive5.conversationEnded';
	const state = JSON.parse(JSON.stringify(saved[slot] ?? {})) as PollState;
	const transcripts = takeUnseen(state, 'conversationEnded', '', ended, (transcript) => `${transcript.conversationId}@${String(transcript.endedAt)}`, undefined);
	return { transcripts, save: () => void (saved[slot] = state as IDataObject) };
}
