import { DateTime } from 'luxon';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readDate } from '../../shared/validate';
import type { Show } from '../../shared/descriptions';

/** The query parameters that carry a range's first and last day. */
export interface DateNames {
	start: string;
	end: string;
}

/** `MM-DD-YYYY`: the slate "API-Docs" page and the Postman-based docs (unofficial, so an option). */
export const DATE_FORMAT = 'MM-dd-yyyy';

/**
 * The conversation lists: `date_start` / `date_end` (slate page, Postman-based docs). Our copy of the
 * reference says `date-start` / `date-end`, which `/conversations/sms` ignores (Postman-based docs).
 */
export const LIST_DATES: DateNames = { start: 'date_start', end: 'date_end' };

/** The summary: `from_datetime` and `date_end`, both required (Postman-based docs). */
export const SUMMARY_DATES: DateNames = { start: 'from_datetime', end: 'date_end' };

/** Where a range's dates are read: an optional "Filters" collection, or two required fields. */
type RangeParameters = 'filters' | 'required';

const PARAMETER = {
	filters: { start: 'filters.dateStart', end: 'filters.dateEnd', label: (name: string) => `Filters → ${name}` },
	required: { start: 'dateStart', end: 'dateEnd', label: (name: string) => name },
};

const DAY = 'yyyy-MM-dd';

/** The range's days (`yyyy-MM-dd`, in each date's own zone, UTC by default), checked. */
function readRange(
	this: IExecuteSingleFunctions,
	where: RangeParameters,
): { from?: DateTime; to?: DateTime } {
	const place = PARAMETER[where];
	const from = readDate.call(this, place.start, place.label('Start Date'));
	const to = readDate.call(this, place.end, place.label('End Date'));
	if (where === 'required') {
		for (const [date, name] of [[from, 'Start Date'], [to, 'End Date']] as const) {
			if (!date) {
				throw new NodeOperationError(this.getNode(), `${name} is required`, {
					description: 'Alive5 answers the summary only for a range with both dates.',
					itemIndex: this.getItemIndex(),
				});
			}
		}
	}
	if (from && to && from.toFormat(DAY) > to.toFormat(DAY)) {
		throw new NodeOperationError(
			this.getNode(),
			`${place.label('Start Date')} is after ${place.label('End Date')}`,
			{ itemIndex: this.getItemIndex() },
		);
	}
	return { from, to };
}

/** Reads and checks the date options: the format must be non-empty, the names plain words. */
function dateSettings(this: IExecuteSingleFunctions, names: DateNames): { format: string } & DateNames {
	const read = (name: string, fallback: string, label: string, pattern?: RegExp) => {
		const value = String(this.getNodeParameter(`options.${name}`, fallback) ?? '').trim();
		if (value === '' || (pattern && !pattern.test(value))) {
			throw new NodeOperationError(this.getNode(), `Options → ${label} is not valid: "${value}"`, {
				itemIndex: this.getItemIndex(),
			});
		}
		return value;
	};
	return {
		format: read('dateFormat', DATE_FORMAT, 'Date Format'),
		start: read('startParameter', names.start, 'Start Date Parameter Name', /^[\w.[\]-]+$/),
		end: read('endParameter', names.end, 'End Date Parameter Name', /^[\w.[\]-]+$/),
	};
}

/** preSend: the date range as the API wants it, checked before anything is sent. */
function sendDateRange(where: RangeParameters, names: DateNames) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const settings = dateSettings.call(this, names);
		const { from, to } = readRange.call(this, where);
		requestOptions.qs = requestOptions.qs ?? {};
		if (from) requestOptions.qs[settings.start] = from.toFormat(settings.format);
		if (to) requestOptions.qs[settings.end] = to.toFormat(settings.format);
		return requestOptions;
	};
}

/**
 * When a conversation started, in epoch milliseconds: `start_time` as ISO text or epoch seconds or
 * milliseconds (the Postman-based docs show epoch milliseconds); undefined when it has none.
 */
export function startMillis(conversation: IDataObject): number | undefined {
	const raw = conversation.start_time;
	if (raw === undefined || raw === null || raw === '') return undefined;
	const number = typeof raw === 'number' ? raw : /^\d+(\.\d+)?$/.test(String(raw).trim()) ? Number(raw) : NaN;
	// Ten digits are seconds until the year 2286; milliseconds have thirteen.
	const time = Number.isFinite(number) ? (number < 1e11 ? number * 1000 : number) : Date.parse(String(raw));
	return Number.isFinite(time) ? time : undefined;
}

/** Whether a conversation started inside the days from..to (UTC days; open ends; no start: kept). */
export function startsWithin(conversation: IDataObject, fromDay?: string, toDay?: string): boolean {
	const time = startMillis(conversation);
	if (time === undefined) return true;
	const day = DateTime.fromMillis(time, { zone: 'UTC' }).toFormat(DAY);
	return (!fromDay || day >= fromDay) && (!toDay || day <= toDay);
}

/**
 * postReceive: only the conversations inside the range. Alive5 may ignore the dates it is sent
 * (`/conversations/sms` does, says the Postman-based docs), so the range is applied here as well.
 */
export async function keepDateRange(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { from, to } = readRange.call(this, 'filters');
	if (!from && !to) return items;
	return items.filter((item) => startsWithin(item.json, from?.toFormat(DAY), to?.toFormat(DAY)));
}

/** Start and end date filters of a conversation list. */
export function dateFilters(show: Show, noun: string): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Start Date',
				name: 'dateStart',
				type: 'dateTime',
				default: '',
				description: `Only ${noun} on or after this day`,
			},
			{
				displayName: 'End Date',
				name: 'dateEnd',
				type: 'dateTime',
				default: '',
				description: `Only ${noun} on or before this day`,
			},
		],
	};
}

/** Required start and end dates (the summary). */
export function requiredDates(show: Show, noun: string): INodeProperties[] {
	return [
		{
			displayName: 'Start Date',
			name: 'dateStart',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show },
			description: `First day the ${noun} counts (Alive5 needs both dates)`,
		},
		{
			displayName: 'End Date',
			name: 'dateEnd',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: { show },
			description: `Last day the ${noun} counts (Alive5 needs both dates)`,
		},
	];
}

/** The options that rename the date parameters, with the sources' names as defaults (LIST_DATES, SUMMARY_DATES). */
const PARAMETER_NAME_OPTIONS: Record<'list' | 'summary', INodeProperties[]> = {
	list: [
		{
			displayName: 'End Date Parameter Name',
			name: 'endParameter',
			type: 'string',
			default: 'date_end',
			description: 'Query parameter that carries the end date (the sources say date_end; our copy of the reference says date-end)',
		},
		{
			displayName: 'Start Date Parameter Name',
			name: 'startParameter',
			type: 'string',
			default: 'date_start',
			description: 'Query parameter that carries the start date (the sources say date_start; our copy of the reference says date-start)',
		},
	],
	summary: [
		{
			displayName: 'End Date Parameter Name',
			name: 'endParameter',
			type: 'string',
			default: 'date_end',
			description: 'Query parameter that carries the end date (the sources say date_end)',
		},
		{
			displayName: 'Start Date Parameter Name',
			name: 'startParameter',
			type: 'string',
			default: 'from_datetime',
			description: 'Query parameter that carries the start date (the sources say from_datetime)',
		},
	],
};

/**
 * How the dates are sent: unsure at the vendor, so the sources' defaults can be overridden. Its
 * preSend writes the range (read from `where`) under `names` unless the user renamed them.
 */
export function dateOptions(
	show: Show,
	where: RangeParameters,
	names: DateNames,
	extra: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		routing: { send: { preSend: [sendDateRange(where, names)] } },
		options: [
			{
				displayName: 'Date Format',
				name: 'dateFormat',
				type: 'string',
				default: 'MM-dd-yyyy',
				description:
					'How the dates are written, in Luxon tokens (MM-dd-yyyy is what the sources use; yyyy-MM-dd is another common choice)',
			},
			...PARAMETER_NAME_OPTIONS[names === SUMMARY_DATES ? 'summary' : 'list'],
			...extra,
		],
	};
}
