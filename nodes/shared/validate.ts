import { DateTime, IANAZone } from 'luxon';
import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Reads a date parameter and fails with the parameter's name when it is not a real date; an empty
 * value is undefined. Every form n8n can hand a node means the user's date in `zone` (by default the
 * workflow's time zone, Settings → Timezone):
 * - a JS `Date` or a luxon DateTime from an expression (`$now`, `new Date(…)`): that instant, seen
 *   in `zone`, so its day is the day the user sees;
 * - ISO text without an offset, `yyyy-MM-dd`, or the date picker's value (`2024-05-31T00:00:00`):
 *   read as written, in `zone`;
 * - ISO text with `Z` or an offset: the instant, in the offset it was written with.
 */
export function readDate(
	this: IExecuteSingleFunctions,
	parameter: string,
	label: string,
	zone = this.getTimezone(),
): DateTime | undefined {
	const raw = this.getNodeParameter(parameter, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) return undefined;
	let date: DateTime;
	if (DateTime.isDateTime(raw)) date = raw.setZone(zone);
	else if (raw instanceof Date) date = DateTime.fromJSDate(raw).setZone(zone);
	else date = DateTime.fromISO(String(raw).trim(), { zone, setZone: true });
	if (!date.isValid) {
		throw new NodeOperationError(this.getNode(), `${label} is not a valid date: "${String(raw)}"`, {
			description: 'Use a date such as 2024-05-31 or 2024-05-31T14:00:00.',
			itemIndex: this.getItemIndex(),
		});
	}
	return date;
}

/** Fails with the parameter's name when a time zone is not one n8n (and Java) know. */
export function readTimeZone(this: IExecuteSingleFunctions, parameter: string, label: string): string {
	const zone = String(this.getNodeParameter(parameter, '') ?? '').trim();
	if (zone !== '' && !IANAZone.isValidZone(zone)) {
		throw new NodeOperationError(this.getNode(), `${label} is not a known time zone: "${zone}"`, {
			description: 'Use an IANA time zone name such as America/New_York or Europe/Berlin.',
			itemIndex: this.getItemIndex(),
		});
	}
	return zone;
}

/**
 * preSend for a pair of date filters sent as `yyyy-MM-dd`-style query parameters: both must be
 * real dates and the range must not run backwards.
 */
export function sendDateRange(options: {
	from: { parameter: string; label: string; query: string };
	to: { parameter: string; label: string; query: string };
	format: string;
}): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const from = readDate.call(this, options.from.parameter, options.from.label);
		const to = readDate.call(this, options.to.parameter, options.to.label);
		if (from && to && from > to) {
			throw new NodeOperationError(
				this.getNode(),
				`${options.from.label} is after ${options.to.label}`,
				{ itemIndex: this.getItemIndex() },
			);
		}
		requestOptions.qs = requestOptions.qs ?? {};
		if (from) requestOptions.qs[options.from.query] = from.toFormat(options.format);
		if (to) requestOptions.qs[options.to.query] = to.toFormat(options.format);
		return requestOptions;
	};
}

/**
 * preSend: a number parameter must hold a whole number of at least `min`. The editor enforces that,
 * but an expression can resolve to anything, and n8n hands text on as it is.
 */
export function validateWholeNumber(parameter: string, label: string, min: number): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const value = this.getNodeParameter(parameter, min) as unknown;
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isInteger(number) || number < min) {
			throw new NodeOperationError(this.getNode(), `${label} must be a whole number of at least ${min}`, {
				description: `It is ${JSON.stringify(value)}.`,
				itemIndex: this.getItemIndex(),
			});
		}
		return requestOptions;
	};
}

/** preSend: the time zone must be valid before anything is sent. */
export function validateTimeZone(parameter: string, label: string): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		readTimeZone.call(this, parameter, label);
		return requestOptions;
	};
}

/** Fails with the parameter's name when a required text parameter is empty. */
export function requireText(this: IExecuteSingleFunctions, parameter: string, label: string): string {
	const value = this.getNodeParameter(parameter, '', { extractValue: true }) as unknown;
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (text === '') {
		throw new NodeOperationError(this.getNode(), `${label} is required`, {
			itemIndex: this.getItemIndex(),
		});
	}
	return text;
}
