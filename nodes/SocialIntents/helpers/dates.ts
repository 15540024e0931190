import { DateTime } from 'luxon';

const DAY = 'yyyy-MM-dd';

/** True when the text names its own offset (`Z`, `+02:00`), so no zone is needed to read it. */
function hasOffset(text: string): boolean {
	return /T.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(text);
}

/**
 * A date as Social Intents writes it, as a luxon DateTime; undefined when the value is no date.
 *
 * Two forms are in the record (FACTS.md, "What the public record says today"):
 * - ISO 8601 with `Z` or an offset, e.g. `2025-01-15T10:30:00Z`: the webhook samples' `startDate`
 *   and the leads' `addDate`;
 * - `2017-06-24 15:01:31 PM`: the 2017 REST example, a 24-hour clock with a stray AM/PM, written in
 *   the time zone the request named (else the account's).
 * A value without an offset is read in `zone` (IANA name; empty means UTC). Epoch milliseconds are
 * read too.
 */
export function readVendorDate(value: unknown, zone: string): DateTime | undefined {
	const options = { zone: zone || 'UTC' };
	let date: DateTime | undefined;
	if (typeof value === 'number' && Number.isFinite(value)) date = DateTime.fromMillis(value, options);
	else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		date = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(text)
			? DateTime.fromFormat(text.slice(0, 19), 'yyyy-MM-dd HH:mm:ss', options)
			: DateTime.fromISO(text, options);
	}
	return date?.isValid ? date : undefined;
}

/**
 * Whether a record's date falls on the days `from`..`to` (`yyyy-MM-dd`, either open), counted the
 * way Social Intents counts them: in `zone`, or in the account's zone when none was named. A date
 * without an offset is already written in that zone, so its own day is compared. A date with an
 * offset and no zone named keeps the record when any zone on earth (UTC-12 to UTC+14) puts it on
 * those days. A value that is no date keeps the record: only a record that shows otherwise is dropped.
 */
export function onDays(value: unknown, from: string | undefined, to: string | undefined, zone: string): boolean {
	if (!from && !to) return true;
	const date = readVendorDate(value, zone);
	if (!date) return true;
	const text = typeof value === 'string' ? value.trim() : '';
	let earliest: string;
	let latest: string;
	if (typeof value === 'string' && !hasOffset(text)) {
		earliest = latest = date.toFormat(DAY);
	} else if (zone) {
		earliest = latest = date.setZone(zone).toFormat(DAY);
	} else {
		earliest = date.setZone('UTC-12').toFormat(DAY);
		latest = date.setZone('UTC+14').toFormat(DAY);
	}
	return (!from || latest >= from) && (!to || earliest <= to);
}
