import type { INodeProperties } from 'n8n-workflow';

import { validateWholeNumber } from './validate';
import { pairWithInput } from './errors';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

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
