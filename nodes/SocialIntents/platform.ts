import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { vendorApiError } from '../shared/errors';
import { withParameters } from '../shared/parameterView';
import type { ChatPlatform, ConversationQuery, PlatformWebhook } from '../shared/platform';
import { meetsQuery } from '../shared/platform';
import type { Transcript, TranscriptStatus } from '../shared/transcript';
import { vendorRequest } from '../shared/transport';
import type { RecordKind } from './helpers/events';
import { recordKinds } from './helpers/events';
import { listFromEnvelope } from './helpers/output';
import { toTranscript } from './helpers/transcript';
import { socialIntentsApi } from './transport';
import { appLocator } from './helpers/descriptions';
import { SocialIntentsTrigger } from './SocialIntentsTrigger.node';

/** The chat lists, each holding the chats of one status (answered, missed, offline messages). */
const CHAT_KINDS: RecordKind[] = [recordKinds.chat, recordKinds.missedChat, recordKinds.offlineMessage];

const DAY = 'yyyy-MM-dd';

/** One list's chats on the days asked for (days in UTC, as the request says), as transcripts. */
async function chatsOf(context: IExecuteFunctions, kind: RecordKind, qs: IDataObject): Promise<Transcript[]> {
	const body = await vendorRequest.call(context, socialIntentsApi, { method: 'GET', url: kind.path, qs: { timezone: 'UTC', ...qs } });
	return listFromEnvelope(body, kind.envelopeKeys).map((chat) => toTranscript(chat, 'UTC', kind.transcriptStatus as TranscriptStatus));
}

/**
 * The lists of the statuses asked for (each list is one status), on the days of the range, newest
 * first. Social Intents answers a list whole: nothing to page.
 */
async function* conversations(context: IExecuteFunctions, query: ConversationQuery): AsyncIterable<Transcript> {
	const qs: IDataObject = {};
	if (query.from) qs.date_from = DateTime.fromISO(query.from, { zone: 'UTC' }).toFormat(DAY);
	// date_to is a whole day, the range's end is not in it
	if (query.to) qs.date_to = DateTime.fromISO(query.to, { zone: 'UTC' }).minus({ milliseconds: 1 }).toFormat(DAY);
	const kinds = CHAT_KINDS.filter((kind) => !query.statuses.length || query.statuses.includes(kind.transcriptStatus!));
	const all: Transcript[] = [];
	for (const kind of kinds) all.push(...(await chatsOf(context, kind, qs)));
	yield* all
		.filter((transcript) => meetsQuery(transcript, query))
		.sort((a, b) => String(b.startedAt ?? '').localeCompare(String(a.startedAt ?? '')));
}

/** The Social Intents Trigger's registration, verification and replay check, for Chat Completed only. */
const vendorTrigger = new SocialIntentsTrigger();
const asVendorTrigger = <T extends object>(context: T) => withParameters(context, { events: ['chatCompleted'], output: 'transcript' });

/**
 * Social Intents pushes a chat when it is completed (answered or missed: its "Chat completed"
 * webhook), never when it starts: the Social Intents Trigger's webhook, its chats as transcripts.
 */
const webhook: PlatformWebhook = {
	checkExists: async (context) => await vendorTrigger.webhookMethods.default.checkExists.call(asVendorTrigger(context)),
	create: async (context) => await vendorTrigger.webhookMethods.default.create.call(asVendorTrigger(context)),
	delete: async (context) => await vendorTrigger.webhookMethods.default.delete.call(asVendorTrigger(context)),
	async receive(context) {
		const answer = await vendorTrigger.webhook.call(asVendorTrigger(context));
		if (!answer.workflowData) return { answer };
		return { transcripts: answer.workflowData[0].map(({ json }) => json as Transcript) };
	},
};

/** Social Intents for the Live Chat node: its chats, missed chats and offline messages (read only). */
export const socialIntentsPlatform: ChatPlatform = {
	key: 'socialIntents',
	name: 'Social Intents',
	credentials: [{ name: 'socialIntentsApi', required: true }],
	statuses: ['closed', 'missed', 'offline'],
	conversations,
	/** The API has no single-chat path: each list filtered by `id` (as the node's Chat → Get), until one holds it. */
	async conversation(context, id) {
		for (const kind of CHAT_KINDS) {
			const found = (await chatsOf(context, kind, { id })).find((transcript) => transcript.conversationId === id);
			if (found) return found;
		}
		throw vendorApiError.call(context, {
			httpCode: 404,
			message: `Social Intents has no chat, missed chat or offline message with the ID "${id}"`,
			description: 'Check the Conversation ID.',
		});
	},
	trigger: {
		// No New Conversation: Social Intents tells of a chat only once it is completed (its webhook and its lists).
		events: { conversationEnded: 'a chat is completed, answered or missed (webhook "Chat completed")' },
		properties: [appLocator({ required: true })],
		webhook,
	},
};
