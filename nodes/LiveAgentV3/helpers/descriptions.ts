import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Show } from '../../shared/descriptions';
import { idField } from '../../shared/descriptions';
import { singleRead } from '../../shared/retry';
import { requireText, sendPathId, toSwitch } from '../../shared/validate';
import { v3Items } from './output';
import { v3Pages } from './paging';

type Routing = INodePropertyOptions['routing'];

/** A read: one request, retried on 429/503; `extra` replaces parts of the routing. */
export function read(request: { method: 'GET'; url: string }, extra: Partial<NonNullable<Routing>> = {}): Routing {
	return { request, send: { paginate: true }, operations: { pagination: singleRead }, output: { postReceive: [v3Items] }, ...extra };
}

/** A paged list (`_page` / `_perPage`), its filters and sort written by `preSend`. */
export function list(url: string, preSend: PreSendAction[] = [], postReceive: NonNullable<NonNullable<Routing>['output']>['postReceive'] = []): Routing {
	return {
		request: { method: 'GET', url },
		send: { paginate: true, preSend },
		operations: { pagination: v3Pages },
		output: { postReceive: [v3Items, ...(postReceive ?? [])] },
	};
}

/** A write: sent once, never repeated (it may have reached LiveAgent). */
export function write(request: { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string }, preSend: PreSendAction[] = []): Routing {
	return { request, send: { preSend }, output: { postReceive: [v3Items] } };
}

/** A required ID that becomes the `{id}` step of the path, escaped. */
export function idParameter(show: Show, name: string, displayName: string, placeholder: string, description?: string): INodeProperties {
	return { ...idField(displayName, name, show, placeholder, description), routing: { send: { preSend: [sendPathId(name, displayName)] } } };
}

export function fail(context: IExecuteSingleFunctions, message: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex() });
}

/** A switch inside a collection: undefined when the option was not added, else read as readSwitch reads one. */
export function optionalSwitch(context: IExecuteSingleFunctions, parameter: string, label: string): boolean | undefined {
	const raw = context.getNodeParameter(parameter, '') as unknown;
	return raw === '' ? undefined : toSwitch(context, raw, label);
}

/** A list of values from a multi-select, or an expression's text separated by commas. */
export function idList(value: unknown): string[] {
	const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return values.map((entry) => String(entry).trim()).filter(Boolean);
}

/**
 * A list of IDs or names as the user gave it: a multi-select's values, or an expression's text
 * separated by commas, or its list of texts and numbers. Anything else (an object, a null in the
 * list) fails naming `label`, so nothing is sent as "[object Object]" or dropped unseen.
 */
export function textList(context: IExecuteSingleFunctions, raw: unknown, label: string): string[] {
	if (typeof raw === 'number') return [String(raw)];
	const entries = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : undefined;
	if (!entries || entries.some((entry) => typeof entry !== 'string' && typeof entry !== 'number')) {
		fail(context, `${label} must be a list of IDs or names, or text separated by commas`);
	}
	return entries.map((entry) => String(entry).trim()).filter(Boolean);
}

/** An added text option: text or a number; empty, or of another type, it fails naming `label`. */
export function optionText(context: IExecuteSingleFunctions, raw: unknown, label: string): string {
	const value = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined;
	if (value === undefined) fail(context, `${label} must be text`);
	if (value === '') fail(context, `${label} is empty`);
	return value;
}

/** One option of a fields collection and the model property it is sent as. */
export interface BodyField {
	name: string;
	property: string;
	label: string;
	/** A list property (emails, phones, groups): text is split at commas. */
	list?: boolean;
}

/**
 * preSend: the options of the collection `collection` (shown as `label`) as the JSON body, each under
 * its model property; `required` are top-level text parameters sent first (checked, naming them).
 * With `atLeastOne`, an empty collection fails naming it. An added option left empty fails too.
 * With `customFields`, the collection's Custom Fields option is sent as `custom_fields`.
 */
export function sendBody(collection: string, label: string, fields: BodyField[], options: { required?: BodyField[]; atLeastOne?: boolean; customFields?: boolean } = {}): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const body: IDataObject = {};
		for (const field of options.required ?? []) body[field.property] = requireText.call(this, field.name, field.label);
		const given = this.getNodeParameter(collection, {}) as IDataObject;
		for (const field of fields) {
			if (given[field.name] === undefined) continue;
			if (field.list) {
				body[field.property] = idList(given[field.name]);
				continue;
			}
			const value = String(given[field.name] ?? '').trim();
			if (value === '') fail(this, `${label} → ${field.label} is empty`);
			body[field.property] = value;
		}
		if (options.customFields && given.customFields !== undefined) body.custom_fields = readCustomFields(this, given.customFields, `${label} → Custom Fields`);
		if (options.atLeastOne && Object.keys(body).length === 0) fail(this, `${label} needs at least one field to change`);
		requestOptions.body = body;
		return requestOptions;
	};
}

/** The Custom Fields option of a fields collection: a fixed collection of code and value rows. */
export const customFieldsOption: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	placeholder: 'Add Custom Field',
	default: {},
	typeOptions: { multipleValues: true },
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'The custom field’s code, as set in LiveAgent' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

/**
 * The rows of a Custom Fields option as the models' `custom_fields`: list[CustomFields]
 * (client models/custom_fields.py: `{code, value}`). A row without a code fails naming `label`.
 */
export function readCustomFields(context: IExecuteSingleFunctions, raw: unknown, label: string): Array<{ code: string; value: string }> {
	const rows = ((raw ?? {}) as { field?: Array<{ code?: unknown; value?: unknown }> }).field ?? [];
	return rows.map((row, index) => {
		const code = String(row.code ?? '').trim();
		if (code === '') fail(context, `${label} → row ${index + 1}: Code is empty`);
		return { code, value: String(row.value ?? '') };
	});
}
