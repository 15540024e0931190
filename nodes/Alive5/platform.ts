import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ChatPlatform, ConversationQuery } from '../shared/platform';
import { meetsQuery } from '../shared/platform';
import type { Transcript } from '../shared/transcript';
import { DATE_FORMAT, LIST_DATES } from './helpers/dates';
import { listConversations } from './helpers/paging';
import type { ConversationChannel } from './helpers/transcript';
import { toTranscript } from './helpers/transcript';

/** Alive5's conversation lists, one per channel; only live chats page. */
const LISTS: Array<{ path: string; channel: ConversationChannel; paged: boolean }> = [
	{ path: '/conversations/sms', channel: 'sms', paged: false },
	{ path: '/conversations/livechat', channel: 'web', paged: true },
	{ path: '/conversations/fbm', channel: 'facebook', paged: false },
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
};
