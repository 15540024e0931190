import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readDate, requireText as requireSharedText } from '../../shared/validate';

/** A required text parameter, trimmed; empty fails naming the parameter. */
export function requireText(context: IExecuteSingleFunctions, name: string, label: string): string {
	return requireSharedText.call(context, name, label);
}

/** A parameter's value, or undefined when it is empty. */
export function optional(context: IExecuteSingleFunctions, name: string): unknown {
	const value = context.getNodeParameter(name, undefined, { extractValue: true }) as unknown;
	if (value === undefined || value === null || value === '') return undefined;
	if (Array.isArray(value) && value.length === 0) return undefined;
	return value;
}

/** A collection parameter (Options, Filters) as an object. */
export function collection(context: IExecuteSingleFunctions, name: string): IDataObject {
	return (context.getNodeParameter(name, {}) ?? {}) as IDataObject;
}

function fail(context: IExecuteSingleFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), description });
}

/** A JSON parameter (text or object) that must hold the given kind of value. */
export function json(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
	kind: 'object' | 'array' | 'any' = 'object',
): unknown {
	const raw = context.getNodeParameter(name, undefined) as unknown;
	if (raw === undefined || raw === null || raw === '') return undefined;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			fail(context, `${label} is not valid JSON`);
		}
	}
	if (kind === 'object' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
		fail(context, `${label} must be a JSON object`);
	}
	if (kind === 'array' && !Array.isArray(value)) fail(context, `${label} must be a JSON array`);
	return value;
}

/** A list typed as "a, b, c" or chosen in a multi-select. */
export function textList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}

/** Group IDs are whole numbers in LiveChat. */
export function groupList(context: IExecuteSingleFunctions, value: unknown, label: string): number[] {
	return textList(value).map((entry) => {
		const id = Number(entry);
		if (!Number.isInteger(id) || id < 0) fail(context, `${label}: "${entry}" is not a group ID (a whole number)`);
		return id;
	});
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:\d\d)$/;

/** RFC 3339 with microseconds, as LiveChat's filters take it. */
export function rfc3339(context: IExecuteSingleFunctions, parameter: string, label: string): string | undefined {
	const date = readDate.call(context, parameter, label);
	const raw = context.getNodeParameter(parameter, '') as unknown;
	// Already RFC 3339 (with up to microseconds): sent as written, so no precision is lost.
	if (date && typeof raw === 'string' && RFC3339.test(raw.trim())) return raw.trim();
	return date ? `${date.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")}000Z` : undefined;
}

export { fail };
