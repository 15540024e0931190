import type { IDataObject } from 'n8n-workflow';

/**
 * One conversation, the same shape whichever of the five vendors it came from, so that a workflow
 * can archive, summarise or search chats without knowing the vendor. Times are ISO 8601 in UTC;
 * anything a vendor does not tell is null (or an empty list), never guessed.
 */
export interface Transcript extends IDataObject {
	vendor: 'liveChat' | 'liveAgent' | 'fiveChat' | 'socialIntents' | 'alive5';
	conversationId: string;
	/** Where the visitor wrote from: web, sms, email, facebook, ... as the vendor names it, lower case. */
	channel: string;
	startedAt: string | null;
	endedAt: string | null;
	/** `open`, `closed`, `missed` or `offline` (a message left while nobody was online). */
	status: TranscriptStatus;
	visitor: TranscriptPerson;
	agents: TranscriptPerson[];
	tags: string[];
	messages: TranscriptMessage[];
}

export type TranscriptStatus = 'open' | 'closed' | 'missed' | 'offline';

export interface TranscriptPerson extends IDataObject {
	id: string | null;
	name: string | null;
	email: string | null;
	phone: string | null;
}

export interface TranscriptMessage extends IDataObject {
	at: string | null;
	authorRole: 'visitor' | 'agent' | 'bot' | 'system';
	authorName: string | null;
	text: string;
}

/** A person with every field present; empty strings become null. */
export function person(fields: Partial<Record<keyof TranscriptPerson, unknown>>): TranscriptPerson {
	const text = (value: unknown) =>
		value === undefined || value === null || value === '' ? null : String(value);
	return {
		id: text(fields.id),
		name: text(fields.name),
		email: text(fields.email),
		phone: text(fields.phone),
	};
}

/** Epoch milliseconds or a parseable date string → ISO 8601 UTC, or null. */
export function isoTime(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const time = typeof value === 'number' ? value : Date.parse(String(value));
	return Number.isFinite(time) ? new Date(time).toISOString() : null;
}
