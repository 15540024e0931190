import type { IDataObject, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';

import type { PollCursor } from '../../shared/polling';
import { isoTime } from '../../shared/transcript';
import { fiveChatApi } from '../transport';
import { pageRecords } from './output';
import { eachPage } from '../../shared/pagination';
import { fiveChatPaging } from './paging';

/** A record's creation time as ISO 8601 UTC, which sorts as text; '' when it has none. */
export function createdAt(record: IDataObject): string {
	return isoTime(record.createdAt) ?? '';
}

export function recordId(record: IDataObject): string {
	return String(record.id ?? record.token);
}

/**
 * Reads a 5chat list page by page (100 a page, as Get Many pages it) until `enough` says the pages so
 * far hold everything needed, or the API says there is no next page. Records keep the API's order.
 */
export async function readPages(
	this: IPollFunctions,
	path: string,
	enough: (page: IDataObject[], all: IDataObject[]) => boolean,
): Promise<{ records: IDataObject[]; complete: boolean }> {
	const records: IDataObject[] = [];
	const request: IHttpRequestOptions = { method: 'GET', url: path };
	for await (const page of eachPage(this, fiveChatApi, request, fiveChatPaging, { what: `5chat ${path}`, recordsOf: pageRecords })) {
		records.push(...page.records);
		const more = (page.body as IDataObject).hasNextPage === true && page.records.length > 0;
		if (more && enough(page.records, records)) return { records, complete: false };
	}
	return { records, complete: true };
}

function newestFirst(page: IDataObject[]): boolean {
	for (let i = 1; i < page.length; i++) if (createdAt(page[i - 1]) < createdAt(page[i])) return false;
	return true;
}

/**
 * The records (conversations or tickets) in the cursor's window, for `takeUnseen`, and where the
 * window may move: the newest record's time less `lateMs`.
 *
 * 5chat lists newest first, so paging stops at the first page that reaches below the cursor's lower
 * bound: an idle poll is one request, and a burst of more than a page is read to its end. Should a
 * page not be in newest-first order, every page is read, which is slower but loses nothing.
 */
export async function recordsSince(
	this: IPollFunctions,
	path: string,
	cursor: PollCursor | undefined,
	lateMs: number,
): Promise<{ answered: IDataObject[]; proposedFrom?: string; newest?: IDataObject }> {
	const from = cursor?.from ?? '';
	const { records } = await readPages.call(this, path, (page) =>
		cursor === undefined ? true : newestFirst(page) && createdAt(page[page.length - 1]) < from,
	);
	const answered = records.filter((record) => createdAt(record) >= from);
	const newestTime = answered.reduce((max, record) => (createdAt(record) > max ? createdAt(record) : max), '');
	const proposedFrom = newestTime ? new Date(Date.parse(newestTime) - lateMs).toISOString() : undefined;
	const newest = answered.find((record) => createdAt(record) === newestTime);
	return { answered, proposedFrom, newest };
}

/**
 * The newest `size` records, for events about records changing (a conversation closing, a ticket's
 * status or messages). `floor` is the oldest creation time watched so far: records older than it are
 * not looked at again even if deletions move them back into the newest `size`, so that nothing is
 * reported twice.
 */
export async function watchedRecords(
	this: IPollFunctions,
	path: string,
	size: number,
	floor: string,
): Promise<{ records: IDataObject[]; floor: string }> {
	const { records, complete } = await readPages.call(this, path, (_page, all) => all.length >= size);
	const watched = records.slice(0, size).filter((record) => createdAt(record) >= floor);
	let nextFloor = floor;
	if (!complete || records.length > size) {
		const oldest = watched.reduce((min, record) => (createdAt(record) < min ? createdAt(record) : min), '\uffff');
		if (oldest !== '\uffff' && oldest > nextFloor) nextFloor = oldest;
	}
	return { records: watched, floor: nextFloor };
}

/** Per-ticket message cursor: messages after `at`, or at `at` and not in `ids`, are new. */
export interface MessageCursor {
	sig: string | null;
	at: string;
	ids: string[];
	/** Set when every message at `at` counts as seen (a ticket first seen at its last update). */
	allAt?: boolean;
}

export function ticketSignature(ticket: IDataObject): string | null {
	const updated = isoTime(ticket.updatedAt);
	if (!updated) return null;
	const count = ticket._count && typeof ticket._count === 'object' ? JSON.stringify(ticket._count) : '';
	return `${updated}|${count}`;
}

export function unseenMessages(messages: IDataObject[], cursor: MessageCursor): IDataObject[] {
	return messages
		.filter((message) => {
			const at = createdAt(message);
			if (at > cursor.at) return true;
			return at === cursor.at && !cursor.allAt && !cursor.ids.includes(String(message.id));
		})
		.sort((a, b) => createdAt(a).localeCompare(createdAt(b)));
}

export function messageCursorAfter(messages: IDataObject[], cursor: MessageCursor, sig: string | null): MessageCursor {
	const newest = messages.reduce((max, message) => (createdAt(message) > max ? createdAt(message) : max), '');
	if (!newest || newest < cursor.at) return { ...cursor, sig };
	if (newest === cursor.at) {
		const ids = [...new Set([...cursor.ids, ...messages.filter((m) => createdAt(m) === newest).map((m) => String(m.id))])];
		return { sig, at: newest, ids, allAt: cursor.allAt };
	}
	return { sig, at: newest, ids: messages.filter((m) => createdAt(m) === newest).map((m) => String(m.id)) };
}
