import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { readDate } from '../../shared/validate';
import { onDays } from './dates';

/** The filters a list was asked for, as sent to the API (days as `yyyy-MM-dd`). */
export interface AskedFilters {
	appId?: string;
	visitorId?: string;
	email?: string;
	tag?: string;
	dateFrom?: string;
	dateTo?: string;
	/** IANA zone the days are counted in; empty: the account's own. */
	timezone?: string;
}

/** Where a record keeps what each filter looks at. Chats and leads name their fields differently. */
export interface RecordFields {
	date: string;
	email: string;
}

export const chatFields: RecordFields = { date: 'startDate', email: 'visitorEmail' };
export const leadFields: RecordFields = { date: 'addDate', email: 'email' };

const same = (a: unknown, b: string) => String(a).trim().toLowerCase() === b.trim().toLowerCase();

function tagsOf(record: IDataObject): string[] | undefined {
	const raw = record.tags ?? record.tag;
	if (Array.isArray(raw)) return raw.map(String);
	if (typeof raw === 'string') return raw.split(',').map((tag) => tag.trim());
	return undefined;
}

/**
 * Whether a record agrees with the filters it was asked for. Social Intents may ignore a filter (the
 * lead list documents no `email`), so each list is filtered again on what came back. A record that does not carry a field keeps its place: only a
 * record that shows a different value is dropped.
 */
export function matchesFilters(record: IDataObject, asked: AskedFilters, fields: RecordFields): boolean {
	if (asked.appId && record.appId !== undefined && !same(record.appId, asked.appId)) return false;
	if (asked.visitorId && record.visitorId !== undefined && !same(record.visitorId, asked.visitorId)) return false;
	const email = record[fields.email];
	if (asked.email && typeof email === 'string' && email !== '' && !same(email, asked.email)) return false;
	const tags = tagsOf(record);
	if (asked.tag && tags && !tags.some((tag) => same(tag, asked.tag!))) return false;
	return onDays(record[fields.date], asked.dateFrom, asked.dateTo, asked.timezone ?? '');
}

/** The node's Filters collection as the request sent it. Dates were checked before the request. */
function askedFilters(this: IExecuteSingleFunctions): AskedFilters {
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const text = (name: string) => {
		const value = filters[name];
		// a resource locator (the app) holds its value inside
		const raw = value && typeof value === 'object' && 'value' in value ? (value as IDataObject).value : value;
		return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	};
	const day = (name: string) =>
		filters[name] ? readDate.call(this, `filters.${name}`, name)?.toFormat('yyyy-MM-dd') : undefined;
	return {
		appId: text('appId'),
		visitorId: text('visitorId'),
		email: text('email'),
		tag: text('tag'),
		dateFrom: day('dateFrom'),
		dateTo: day('dateTo'),
		timezone: text('timezone'),
	};
}

/** postReceive: drops what the filters exclude, should the API have ignored one. */
export function keepFiltered(fields: RecordFields) {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		const asked = askedFilters.call(this);
		return items.filter((item) => matchesFilters(item.json, asked, fields));
	};
}
