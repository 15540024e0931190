import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialDescription,
	INodeProperties,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { Transcript, TranscriptStatus } from './transcript';
import { person } from './transcript';

/**
 * What the Live Chat node asks of one chat platform. A vendor implements it in
 * `nodes/<Vendor>/platform.ts` on its own transport, paging and transcript helpers, and is listed
 * once in `nodes/shared/platforms.ts`; the node then offers it. An operation the platform leaves out
 * (no function) is one its API cannot do: the node says so in the editor and refuses it at run time.
 */
export interface ChatPlatform {
	/** The Platform parameter's value, also the `vendor` of its transcripts. */
	key: Transcript['vendor'];
	/** The platform's name as users write it, e.g. `Social Intents`. */
	name: string;
	/**
	 * Its credential types; the node shows them only while this platform is chosen. A credential's
	 * own displayOptions may narrow it further (LiveChat's Authentication).
	 */
	credentials: INodeCredentialDescription[];
	/** Parameters only this platform needs (LiveChat's Authentication), shown only while it is chosen. */
	properties?: INodeProperties[];
	/** Which transcript statuses its conversations can have: the Status filter's description lists them. */
	statuses: TranscriptStatus[];
	/**
	 * Conversation → Get Many: the platform's conversations as full transcripts, in the order its API
	 * lists them (a platform that reads its lists whole sorts them newest first). `query` carries what
	 * the platform may pass on to its API to read less; the node applies the range and statuses to the
	 * transcripts again, and stops reading (leaves the iterator) once it has `limit`.
	 */
	conversations?(context: IExecuteFunctions, query: ConversationQuery): AsyncIterable<Transcript>;
	/** Conversation → Get: one conversation's full transcript; a NodeApiError (404) when there is none. */
	conversation?(context: IExecuteFunctions, id: string): Promise<Transcript>;
	/**
	 * Where this platform's Send writes, when that is not simply the conversation of Conversation → Get
	 * (5chat: a ticket); shown in the editor while Send is chosen, and in the tool's description.
	 */
	sendTarget?: string;
	/** Message → Send: a message from the agent side into a conversation; sent exactly once, never retried. */
	sendMessage?(context: IExecuteFunctions, conversationId: string, text: string): Promise<SentMessage>;
	/** Contact → Get: the visitor or customer with this ID. */
	contact?(context: IExecuteFunctions, id: string): Promise<Contact>;
	/**
	 * What the Live Chat Trigger needs: the events the platform can tell and how they arrive (its
	 * webhook where it can push them, polling where it cannot). Left out: the trigger offers no event.
	 */
	trigger?: PlatformTrigger;
}

/** The events of the Live Chat Trigger. */
export type ChatEvent = 'newConversation' | 'conversationEnded';

/** The Live Chat Trigger's part of a platform: either `webhook` or `poll`. */
export interface PlatformTrigger {
	/**
	 * The events the platform can tell, each with what it means there (the editor shows it), e.g.
	 * "a chat is archived". An event left out is one it cannot tell: the editor says so and activation
	 * refuses it.
	 */
	events: Partial<Record<ChatEvent, string>>;
	/** Parameters only the trigger needs on this platform (Social Intents' App), shown while it is chosen. */
	properties?: INodeProperties[];
	/** The vendor pushes the events: one registration by URL, verified deliveries. */
	webhook?: PlatformWebhook;
	/**
	 * The vendor cannot push them: one poll for `event`. Returns the events since the last poll as
	 * transcripts, oldest first (none on the first poll after activation, which only remembers what
	 * exists; a manual run gives the newest one), and `save`, which writes the moved cursor into the
	 * node's static data: the trigger calls it only once its items are ready, so a failed poll repeats.
	 */
	poll?(context: IPollFunctions, event: ChatEvent): Promise<{ transcripts: Transcript[]; save: () => void }>;
}

/**
 * A platform's webhook for the Live Chat Trigger, as n8n's webhook methods: the registration's
 * lifecycle (checkExists/create/delete, as `webhookLifecycle` gives them) for the chosen event, and
 * `receive`, which verifies a delivery and reads it.
 */
export interface PlatformWebhook {
	checkExists(context: IHookFunctions, event: ChatEvent): Promise<boolean>;
	create(context: IHookFunctions, event: ChatEvent): Promise<boolean>;
	delete(context: IHookFunctions): Promise<boolean>;
	/**
	 * The transcripts of an accepted delivery of `event`, or the answer already given to one that is
	 * refused (failed verification: no execution), ignored or a repeat.
	 */
	receive(context: IWebhookFunctions, event: ChatEvent): Promise<{ transcripts: Transcript[] } | { answer: IWebhookResponseData }>;
}

/** What Get Many was asked for. Times are ISO 8601; a bound left out is open. */
export interface ConversationQuery {
	/** Conversations that started at or after this time. */
	from?: string;
	/** Conversations that started before this time. */
	to?: string;
	/** Only these statuses; empty: all. */
	statuses: TranscriptStatus[];
	/** The most conversations the node will take (Infinity with Return All). */
	limit: number;
}

/** A visitor or customer, the same shape on every platform; what a platform does not tell is null. */
export interface Contact extends IDataObject {
	vendor: Transcript['vendor'];
	contactId: string;
	name: string | null;
	email: string | null;
	phone: string | null;
}

/** What Message → Send returns. */
export interface SentMessage extends IDataObject {
	vendor: Transcript['vendor'];
	conversationId: string;
	/** The platform's ID of the new message, where its answer gives one. */
	messageId: string | null;
	text: string;
}

/** The operations of the Live Chat node, as `resource.operation`, and the platform function of each. */
export const PLATFORM_OPERATIONS = {
	'conversation.getAll': 'conversations',
	'conversation.get': 'conversation',
	'message.send': 'sendMessage',
	'contact.get': 'contact',
} as const satisfies Record<string, keyof ChatPlatform>;

export type PlatformOperation = keyof typeof PLATFORM_OPERATIONS;

/** Whether `platform` can do `operation`. */
export function supports(platform: ChatPlatform, operation: PlatformOperation): boolean {
	return typeof platform[PLATFORM_OPERATIONS[operation]] === 'function';
}

/** Whether a transcript meets the query's range (by its start; an unknown start is kept) and statuses. */
export function meetsQuery(transcript: Transcript, query: ConversationQuery): boolean {
	if (query.statuses.length && !query.statuses.includes(transcript.status)) return false;
	const started = transcript.startedAt;
	if (started === null) return true;
	if (query.from && Date.parse(started) < Date.parse(query.from)) return false;
	if (query.to && Date.parse(started) >= Date.parse(query.to)) return false;
	return true;
}

/** A Contact from whatever fields the platform gives (see `person`); `id` when its answer names none. */
export function toContact(vendor: Transcript['vendor'], id: string, fields: Partial<Record<'id' | 'name' | 'email' | 'phone', unknown>>): Contact {
	const known = person(fields);
	return { vendor, contactId: known.id ?? id, name: known.name, email: known.email, phone: known.phone };
}

/**
 * The page size for reading `query`: the scheme's largest with Return All, else what Limit asks for
 * (at least 20, since the range and statuses may drop some of a page), at most the largest.
 */
export function pageSize(query: ConversationQuery, largest: number): number {
	return Number.isFinite(query.limit) ? Math.min(largest, Math.max(20, query.limit)) : largest;
}
