import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type { ChatPlatform, ConversationQuery } from '../shared/platform';
import type { PollState } from '../shared/polling';
import { takeUnseen, vendorPoll } from '../shared/polling';
import { Alive5PollingTrigger } from './Alive5PollingTrigger.node';
import { meetsQuery } from '../shared/platform';
import type { Transcript } from '../shared/transcript';
import { DATE_FORMAT, LIST_DATES } from './helpers/dates';
import { listConversations } from './helpers/paging';
import type { ConversationChannel } from './helpers/transcript';
import { toTranscript } from './helpers/transcript';

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

/** How many days back the ended conversations are looked for, by their start (Alive5 lists by start day). */
const ENDED_WINDOW_DAYS = 7;

/**
 * Alive5 for the Live Chat node: its conversations of every channel. Its API reads conversations
 * only as lists by day (no read by ID), sends SMS to a phone number rather than into a conversation,
 * and has no contact read.
 */
export const alive5Platform: ChatPlatform = {
	key: 'alive5',
	name: 'Alive5',
	credentials: [{ name: 'alive5Api', required: true }],
	statuses: ['open', 'closed'],
	conversations,
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
