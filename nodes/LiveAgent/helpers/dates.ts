import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readDate } from '../../shared/validate';

/** LiveAgent's datetime format; values are wall-clock times in the account's time zone. */
export const LIVEAGENT_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/**
 * The zone of accounts made since about mid-2019; older accounts use America/Phoenix (LiveAgent
 * support article 271981, FACTS.md). America/Los_Angeles, the old reference's word, fits neither.
 */
export const DEFAULT_ACCOUNT_ZONE = 'UTC';

/**
 * The account's time zone from the credential (an IANA name), checked. `timeZone` is UTC, Phoenix,
 * `other` (then `otherTimeZone` names it) or, in credentials saved before the choice existed, any
 * IANA name. Throws an Error naming the credential field when the name is not a known zone.
 */
export function accountZone(credentials: IDataObject): string {
	const chosen = String(credentials.timeZone ?? '').trim();
	if (chosen === 'other' && !String(credentials.otherTimeZone ?? '').trim()) {
		throw new Error("The LiveAgent credential's Other Time Zone is empty: name the account's time zone");
	}
	const zone = (chosen === 'other' ? String(credentials.otherTimeZone).trim() : chosen) || DEFAULT_ACCOUNT_ZONE;
	if (!IANAZone.isValidZone(zone)) {
		const field = chosen === 'other' ? 'Other Time Zone' : 'Account Time Zone';
		throw new Error(`The LiveAgent credential's ${field} is not a known time zone: "${zone}"`);
	}
	return zone;
}

async function zoneOf(context: IExecuteSingleFunctions): Promise<string> {
	try {
		return accountZone(await context.getCredentials('liveAgentApi'));
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			itemIndex: context.getItemIndex(),
		});
	}
}

/** A date parameter as LiveAgent wants it; dates without an offset are read in the workflow's zone. */
async function liveAgentDate(
	context: IExecuteSingleFunctions,
	parameter: string,
	label: string,
): Promise<string | undefined> {
	const date = readDate.call(context, parameter, label, context.getTimezone());
	if (!date) return undefined;
	return date.setZone(await zoneOf(context)).toFormat(LIVEAGENT_FORMAT);
}

/** LiveAgent wall-clock text → the instant, reading it in the account's zone. */
export function parseLiveAgentDate(value: unknown, zone: string): DateTime | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const date = DateTime.fromFormat(value.slice(0, 19), LIVEAGENT_FORMAT, { zone });
	return date.isValid ? date : undefined;
}

/** preSend: date parameters written as `YYYY-MM-DD HH:MM:SS` in the account's time zone. */
export function sendDates(
	fields: Array<{ parameter: string; label: string; property: string; where?: 'qs' | 'body' }>,
): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		for (const field of fields) {
			const value = await liveAgentDate(this, field.parameter, field.label);
			if (value === undefined) continue;
			if (field.where === 'body') {
				requestOptions.body = { ...(requestOptions.body as IDataObject), [field.property]: value };
			} else {
				requestOptions.qs = { ...requestOptions.qs, [field.property]: value };
			}
		}
		return requestOptions;
	};
}

export const OPERATORS = [
	{ name: 'Equals', value: 'eq' },
	{ name: 'Not Equals', value: 'neq' },
	{ name: 'After', value: 'gt', description: 'Greater than' },
	{ name: 'Before', value: 'lt', description: 'Lower than' },
	{ name: 'On or After', value: 'gte' },
	{ name: 'On or Before', value: 'lte' },
	{ name: 'Between', value: 'btw', description: 'Between two dates' },
	{ name: 'Like', value: 'lk', description: 'A pattern with % (any characters) and ? (one character)' },
];

/** The fields of an `opdatetime` filter: operator, date, second date (Between) and pattern (Like). */
export function opDateTimeFields(label: string): INodeProperties[] {
	return [
		{
			displayName: `${label} Operator`,
			name: 'operator',
			type: 'options',
			options: OPERATORS,
			default: 'gte',
		},
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			default: '',
			description: 'The date compared with (the first one for Between); not used by Like',
		},
		{
			displayName: 'Second Date',
			name: 'secondDate',
			type: 'dateTime',
			default: '',
			description: 'The end of the range, for Between',
		},
		{
			displayName: 'Pattern',
			name: 'pattern',
			type: 'string',
			default: '',
			placeholder: '2024-01-%',
			description: 'For Like: a date pattern in the account time zone, with % and ? wildcards',
		},
	];
}

/** preSend for an `opdatetime` filter kept in a fixedCollection `<parameter>.filter`. */
export function sendOpDateTime(parameter: string, label: string, property: string): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const filter = this.getNodeParameter(parameter, {}) as IDataObject;
		if (!filter || Object.keys(filter).length === 0) return requestOptions;
		const operator = String(filter.operator ?? 'gte');
		if (!OPERATORS.some((known) => known.value === operator)) {
			throw new NodeOperationError(this.getNode(), `${label} → Operator "${operator}" is not one LiveAgent knows`, {
				itemIndex: this.getItemIndex(),
			});
		}
		let value: string;
		if (operator === 'lk') {
			const pattern = String(filter.pattern ?? '').trim();
			if (!/^[0-9 :%?-]+$/.test(pattern)) {
				throw new NodeOperationError(this.getNode(), `${label} → Pattern must be a date pattern such as 2024-01-%`, {
					itemIndex: this.getItemIndex(),
				});
			}
			value = pattern;
		} else {
			const first = await liveAgentDate(this, `${parameter}.date`, `${label} → Date`);
			if (!first) {
				throw new NodeOperationError(this.getNode(), `${label} → Date is required`, { itemIndex: this.getItemIndex() });
			}
			value = first;
			if (operator === 'btw') {
				const second = await liveAgentDate(this, `${parameter}.secondDate`, `${label} → Second Date`);
				if (!second) {
					throw new NodeOperationError(this.getNode(), `${label} → Second Date is required for Between`, {
						itemIndex: this.getItemIndex(),
					});
				}
				if (second < first) {
					throw new NodeOperationError(this.getNode(), `${label} → Second Date is before Date`, {
						itemIndex: this.getItemIndex(),
					});
				}
				value = `${first},${second}`;
			}
		}
		requestOptions.qs = { ...requestOptions.qs, [property]: `${operator}:${value}` };
		return requestOptions;
	};
}

/**
 * The wall-clock lower bound to ask LiveAgent for, so that everything that happened at or after
 * `from` is answered even when the account's clock went back (daylight saving ends) in between:
 * LiveAgent compares wall-clock texts, and after the clock goes back a later event can carry an
 * earlier text. The bound is the earlier of `from` read with its own offset and with the lowest
 * offset the zone had between `from` and `until`.
 */
export function wallClockFloor(from: DateTime, until: DateTime, zone: string): string {
	const own = from.setZone(zone);
	let lowest = own.offset;
	const span = until.diff(from, 'hours').hours;
	const step = span > 24 * 400 ? 24 * 7 : span > 24 * 14 ? 24 : 1;
	for (let at = from; at <= until; at = at.plus({ hours: step })) lowest = Math.min(lowest, at.setZone(zone).offset);
	lowest = Math.min(lowest, until.setZone(zone).offset);
	const shifted = from.setZone(FixedOffsetZone.instance(lowest));
	const a = own.toFormat(LIVEAGENT_FORMAT);
	const b = shifted.toFormat(LIVEAGENT_FORMAT);
	return a < b ? a : b;
}

/** The earliest instant a LiveAgent wall-clock text can mean (the earlier one in a repeated hour). */
export function earliestInstant(value: unknown, zone: string): DateTime | undefined {
	const date = parseLiveAgentDate(value, zone);
	if (!date) return undefined;
	const hourEarlier = date.minus({ hours: 1 });
	// In a repeated hour the same text also stands for the instant one hour earlier.
	return hourEarlier.setZone(zone).toFormat(LIVEAGENT_FORMAT) === date.toFormat(LIVEAGENT_FORMAT) ? hourEarlier : date;
}

/**
 * preSend of a required date range (reports): both dates must be given and real, the end not
 * before the start; both are sent in the query as account wall-clock text.
 */
export function sendRequiredDateRange(
	from: { parameter: string; label: string; property: string },
	to: { parameter: string; label: string; property: string },
): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const start = await liveAgentDate(this, from.parameter, from.label);
		if (!start) throw new NodeOperationError(this.getNode(), `${from.label} is required`, { itemIndex: this.getItemIndex() });
		const end = await liveAgentDate(this, to.parameter, to.label);
		if (!end) throw new NodeOperationError(this.getNode(), `${to.label} is required`, { itemIndex: this.getItemIndex() });
		if (end < start) {
			throw new NodeOperationError(this.getNode(), `${to.label} is before ${from.label}`, { itemIndex: this.getItemIndex() });
		}
		requestOptions.qs = { ...requestOptions.qs, [from.property]: start, [to.property]: end };
		return requestOptions;
	};
}
