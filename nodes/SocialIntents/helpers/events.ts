import type { IDataObject } from 'n8n-workflow';

import type { TranscriptStatus } from '../../shared/transcript';

/** What each kind of Social Intents record is listed under, and how it is identified and dated. */
export interface RecordKind {
	label: string;
	path: string;
	envelopeKeys: string[];
	/** Set for chat-like records, which can be shaped into transcripts. */
	transcriptStatus?: TranscriptStatus;
}

export type RecordKindName = 'chat' | 'missedChat' | 'offlineMessage' | 'lead';

export const recordKinds: Record<RecordKindName, RecordKind> = {
	chat: {
		label: 'New Chat',
		path: '/chats',
		envelopeKeys: ['chats'],
		transcriptStatus: 'closed',
	},
	missedChat: {
		label: 'New Missed Chat',
		path: '/missedchats',
		envelopeKeys: ['chats', 'missedChats'],
		transcriptStatus: 'missed',
	},
	offlineMessage: {
		label: 'New Offline Message',
		path: '/offlinemessages',
		envelopeKeys: ['chats', 'offlineMessages', 'messages'],
		transcriptStatus: 'offline',
	},
	lead: { label: 'New Lead', path: '/contacts', envelopeKeys: ['contacts', 'leads'] },
};

export function recordId(record: IDataObject): string {
	return String(record.id ?? record.email ?? JSON.stringify(record));
}

/**
 * The record's time as the API wrote it ("yyyy-MM-dd HH:mm:ss ..."), which sorts as text.
 * Leads carry no documented date field: the usual names are tried.
 */
export function recordTime(record: IDataObject): string {
	const value = record.startDate ?? record.createdDate ?? record.created ?? record.date ?? '';
	return typeof value === 'string' ? value : '';
}
