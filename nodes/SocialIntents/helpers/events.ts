import type { IDataObject } from 'n8n-workflow';

import type { TranscriptStatus } from '../../shared/transcript';
import type { RecordFields } from './filters';
import { chatFields, leadFields } from './filters';

/** What each kind of Social Intents record is listed under, and how it is identified and dated. */
export interface RecordKind {
	label: string;
	path: string;
	envelopeKeys: string[];
	/** Where the record keeps its date and e-mail address. */
	fields: RecordFields;
	/** Set for chat-like records, which can be shaped into transcripts. */
	transcriptStatus?: TranscriptStatus;
}

export type RecordKindName = 'chat' | 'missedChat' | 'offlineMessage' | 'lead';

export const recordKinds: Record<RecordKindName, RecordKind> = {
	chat: {
		label: 'New Chat',
		path: '/chats',
		envelopeKeys: ['chats'],
		fields: chatFields,
		transcriptStatus: 'closed',
	},
	missedChat: {
		label: 'New Missed Chat',
		path: '/missedchats',
		envelopeKeys: ['chats', 'missedChats'],
		fields: chatFields,
		transcriptStatus: 'missed',
	},
	offlineMessage: {
		label: 'New Offline Message',
		path: '/offlinemessages',
		envelopeKeys: ['chats', 'offlineMessages', 'messages'],
		fields: chatFields,
		transcriptStatus: 'offline',
	},
	// a lead is dated by `addDate` (webhook sample, FACTS.md)
	lead: { label: 'New Lead', path: '/contacts', envelopeKeys: ['contacts', 'leads'], fields: leadFields },
};

export function recordId(record: IDataObject): string {
	return String(record.id ?? record.email ?? JSON.stringify(record));
}
