import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateWholeNumber } from './validate';
import { pairWithInput } from './errors';

/** The `show` of a parameter's displayOptions. */
export type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** The Operation dropdown of one resource: its operations, and the one a new node starts with. */
export function operationSelector(resource: string, defaultValue: string, options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultValue,
		options,
	};
}

/**
 * Return All + Limit for a list the vendor answers in one go: Limit trims what the engine hands on.
 * Lists that the vendor pages get their page size from the vendor's paginator instead.
 */
export function returnAllAndLimit(show: Show, maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			routing: {
				send: { preSend: [validateWholeNumber('limit', 'Limit', 1)] },
				output: { maxResults: '={{$value}}' },
			},
		},
	];
}

/**
 * The last property of every action node. It carries no value: its routing step (pairWithInput)
 * links each output item to its input item and turns a failure kept under "continue on error" into
 * an item, and runs after every other step because it is last. It cannot ride on the Request
 * Options collection: n8n's node loader replaces that property with its own (batching, proxy,
 * timeout; DirectoryLoader.applyDeclarativeNodeOptionParameters), routing and all, and adds it to
 * every declarative node that lacks it.
 */
export const itemLinksProperty: INodeProperties = {
	displayName: 'Item Links',
	name: 'itemLinks',
	type: 'hidden',
	default: '',
	routing: { output: { postReceive: [pairWithInput] } },
};

/**
 * An advanced setting that now lives in a node's Options collection. Workflows saved before the move
 * still carry it at the top level, and n8n keeps only the parameters a node describes when it loads
 * one: `legacy` (hidden, never shown, never offered to an AI agent) keeps that old value readable.
 */
export function movedToOptions(property: INodeProperties, optionShow?: Show): { option: INodeProperties; legacy: INodeProperties } {
	// the option is shown by its own rule (or always), and checked where it is read
	const option: INodeProperties = { ...property, displayOptions: optionShow ? { show: optionShow } : undefined };
	delete option.routing;
	if (!optionShow) delete option.displayOptions;
	return {
		option,
		legacy: { displayName: property.displayName, name: property.name, type: 'hidden', default: '' },
	};
}

/**
 * The polling triggers' Late Arrival Window, an advanced setting under Options (see `movedToOptions`):
 * how far before the newest record each poll looks back, so that records a vendor lists late are still
 * caught exactly once. In minutes (0–1440, default 5) for APIs that filter by time, in days (0–30,
 * default 1) for APIs that filter by whole day.
 * @param description the sentence the editor shows, naming what the vendor lists late
 */
export function lateArrivalWindow(unit: 'minutes' | 'days', description: string, optionShow?: Show) {
	const property: INodeProperties =
		unit === 'minutes'
			? {
					displayName: 'Late Arrival Window (Minutes)',
					name: 'lateArrivalMinutes',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 1440 },
					default: 5,
					description,
				}
			: {
					displayName: 'Late Arrival Window (Days)',
					name: 'lateArrivalDays',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 30 },
					default: 1,
					description,
				};
	return movedToOptions(property, optionShow);
}

/**
 * An advanced setting's value: `options.<name>` when set, else the top-level value an older workflow
 * saved (see `movedToOptions`), else the fallback.
 */
export function advancedSetting(
	context: { getNodeParameter(name: string, fallback?: unknown): unknown },
	name: string,
	fallback: unknown,
): unknown {
	const given = (value: unknown) => value !== undefined && value !== null && value !== '';
	const moved = context.getNodeParameter(`options.${name}`, '');
	if (given(moved)) return moved;
	const legacy = context.getNodeParameter(name, '');
	return given(legacy) ? legacy : fallback;
}

/** n8n's display condition for versions 1.1 and later of a node. */
const FROM_VERSION_1_1 = { '@version': [{ _cnd: { gte: 1.1 } }] };

/**
 * The Output option of a chat, conversation or ticket read, the same name and values on every
 * vendor: Simplified (about ten main fields), Raw (as the vendor answers) and, where the read has
 * the messages, Normalized Transcript. A read that returned its raw answer before Simplified existed
 * keeps Raw as its default at version 1 of the node (a saved workflow stores no default, so a new
 * default would change what it returns); from version 1.1 Simplified is the default.
 */
export function outputProperties(
	show: Show,
	vendor: string,
	what: string,
	options: { transcript?: boolean; rawAtVersion1?: boolean; simplified?: string } = {},
): INodeProperties[] {
	const values = [
		{ name: 'Simplified', value: 'simplified', description: options.simplified ?? `The main fields of the ${what}` },
		{ name: 'Raw', value: 'raw', description: `The ${what} as ${vendor} returns it` },
		...(options.transcript
			? [{ name: 'Normalized Transcript', value: 'transcript', description: 'The transcript shape shared by every vendor in this package' }]
			: []),
	];
	const output = (defaultValue: string, shown: Show): INodeProperties => ({
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: defaultValue,
		displayOptions: { show: shown },
		options: values,
	});
	if (!options.rawAtVersion1) return [output('simplified', show)];
	return [output('raw', { ...show, '@version': [1] }), output('simplified', { ...show, ...FROM_VERSION_1_1 })];
}

/** A required text parameter that names one record: an ID, a token, an email. */
export function idField(
	displayName: string,
	name: string,
	show: Show,
	placeholder: string,
	description?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description,
		displayOptions: { show },
	};
}
