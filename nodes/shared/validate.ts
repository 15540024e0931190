import { DateTime, IANAZone } from 'luxon';
import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError, validateFieldType } from 'n8n-workflow';

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

/**
 * preSend: a required ID (text, or a resource locator's value) checked with `requireText` and put,
 * escaped, in place of `{id}` in `template`, or in the request's own URL when no template is given.
 * The escape keeps an ID with `/`, `?` or `#` inside its one path segment.
 */
export function sendPathId(parameter: string, label: string, template?: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		requestOptions.url = (template ?? String(requestOptions.url)).replace('{id}', pathSegment.call(this, parameter, label));
		return requestOptions;
	};
}

/**
 * A required text parameter as one escaped path segment. `.` and `..` are refused naming the
 * parameter: no escape keeps them a segment (URL parsing reads `%2E%2E` as `..` too), and they would
 * move the request to another endpoint.
 */
export function pathSegment(this: IExecuteSingleFunctions, parameter: string, label: string): string {
	const value = requireText.call(this, parameter, label);
	if (value === '.' || value === '..') {
		throw new NodeOperationError(this.getNode(), `${label} cannot be "${value}"`, { itemIndex: this.getItemIndex() });
	}
	return encodeURIComponent(value);
}

/**
 * A switch (boolean parameter) as n8n's own type validation reads one (`validateFieldType`, as n8n
 * does for typed fields): true/false in any case, 1/0 and "1"/"0" are taken; an expression's text is
 * never read by truthiness ("FALSE" is false). Anything else ("yes", "") fails naming the parameter.
 * `undefined` (the option not added) stays undefined.
 */
export function toSwitch(context: IExecuteSingleFunctions, value: unknown, label: string): boolean | undefined {
	if (value === undefined || value === null) return undefined;
	const result = validateFieldType(label, typeof value === 'string' ? value.trim() : value, 'boolean');
	if (!result.valid) {
		throw new NodeOperationError(context.getNode(), `${label} must be true or false, not ${JSON.stringify(value)}`, {
			description: 'Use true or false (1 or 0 also work), or an expression that gives one.',
			itemIndex: context.getItemIndex(),
		});
	}
	return result.newValue as boolean;
}

/** `toSwitch` of a node parameter (a path such as `options.active` reads inside a collection). */
export function readSwitch(context: IExecuteSingleFunctions, parameter: string, label: string, fallback?: boolean): boolean | undefined {
	return toSwitch(context, context.getNodeParameter(parameter, fallback) as unknown, label) ?? fallback;
}

/**
 * A number parameter as n8n's type validation reads one: numbers and numeric text ("25") are taken,
 * anything else fails naming the parameter; undefined and "" stay undefined (not given).
 */
export function toNumber(context: IExecuteSingleFunctions, value: unknown, label: string): number | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	const result = validateFieldType(label, typeof value === 'string' ? value.trim() : value, 'number');
	if (!result.valid || !Number.isFinite(result.newValue)) {
		throw new NodeOperationError(context.getNode(), `${label} must be a number, not ${JSON.stringify(value)}`, {
			itemIndex: context.getItemIndex(),
		});
	}
	return result.newValue as number;
}

/**
 * preSend on a node's Resource: query parameters left empty ("" or spaces) are not sent. n8n makes
 * every `$fromAI` argument of a tool required, so a model fills an optional filter it does not need
 * with "", which the vendor would read as "match the empty value" (`email=&tag=`).
 */
export async function dropEmptyQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = requestOptions.qs;
	if (qs) {
		for (const [key, value] of Object.entries(qs)) {
			if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) delete qs[key];
		}
	}
	return requestOptions;
}
