import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readSwitch, requireText, sendPathId } from '../../shared/validate';
import { safeRead, sendOnce } from './paging';
import { fromEnvelope } from './output';
import type { Show } from '../../shared/descriptions';
import { idField } from '../../shared/descriptions';

/** displayOptions.show for some operations of one resource. */
export const only = (resource: string, ...operations: string[]): Show => ({ resource: [resource], operation: operations });

/** One operation: a read is retried on 429/503, anything else is sent once. */
export function operation(options: {
	name: string;
	value: string;
	action: string;
	description: string;
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	url: string;
	listKey?: string | string[];
	pagination?: typeof safeRead;
	postReceive?: PostReceiveAction[];
}): INodePropertyOptions {
	const read = options.method === 'GET';
	return {
		name: options.name,
		value: options.value,
		action: options.action,
		description: options.description,
		routing: {
			request: { method: options.method, url: options.url },
			send: { paginate: true },
			operations: { pagination: options.pagination ?? (read ? safeRead : sendOnce) },
			output: { postReceive: [fromEnvelope(options.listKey), ...(options.postReceive ?? [])] },
		},
	};
}

/** A required identifier that becomes part of the path. */
export function idParameter(
	show: Show,
	name: string,
	displayName: string,
	description: string,
	placeholder = '',
): INodeProperties {
	return {
		...idField(displayName, name, show, placeholder, description),
		routing: { send: { preSend: [sendPathId(name, displayName)] } },
	};
}

/** Custom field values, sent as the JSON text LiveAgent asks for (`[{"code":…,"value":…}]`). */
export function customFieldsParameter(
	show: Show,
	required: boolean,
	where: 'body' = 'body',
): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		required,
		displayOptions: { show },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'The custom field’s code (its name in LiveAgent)' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
		routing: { send: { preSend: [sendCustomFields(required, where)] } },
	};
}

function sendCustomFields(required: boolean, where: 'body'): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const fields = ((this.getNodeParameter('customFields', {}) as IDataObject).field ?? []) as IDataObject[];
		const clean = fields.map((field) => ({ code: String(field.code ?? '').trim(), value: String(field.value ?? '') }));
		const unnamed = clean.findIndex((field) => field.code === '');
		if (unnamed >= 0) {
			throw new NodeOperationError(this.getNode(), `Custom Fields → Code is empty in field ${unnamed + 1}`, {
				itemIndex: this.getItemIndex(),
			});
		}
		if (clean.length === 0) {
			if (required) {
				throw new NodeOperationError(this.getNode(), 'Custom Fields needs at least one field', {
					itemIndex: this.getItemIndex(),
				});
			}
			return requestOptions;
		}
		if (where === 'body') {
			requestOptions.body = { ...(requestOptions.body as IDataObject), customfields: JSON.stringify(clean) };
		}
		return requestOptions;
	};
}

/** A text field sent as a form field (POST/PUT) or query parameter (GET/DELETE). */
export function field(
	displayName: string,
	name: string,
	property: string,
	where: 'body' | 'query',
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		routing: { send: { type: where, property } },
		...extra,
	} as INodeProperties;
}

/**
 * Y/N switches LiveAgent takes as constlists, inside the collection `collection`. The value is read
 * as n8n's type validation reads a boolean, so "FALSE" from a spreadsheet sends N and "yes" is refused.
 */
export function yesNo(displayName: string, name: string, property: string, description: string, collection: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'boolean',
		default: false,
		description,
		routing: {
			send: {
				preSend: [
					async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
						const on = readSwitch(this, `${collection}.${name}`, displayName, false);
						requestOptions.body = { ...(requestOptions.body as IDataObject | undefined), [property]: on ? 'Y' : 'N' };
						return requestOptions;
					},
				],
			},
		},
	};
}

export const CONVERSATION_STATUSES: INodePropertyOptions[] = [
	{ name: 'Answered', value: 'A' },
	{ name: 'Calling', value: 'P' },
	{ name: 'Chatting', value: 'T' },
	{ name: 'Deleted', value: 'X' },
	{ name: 'Init', value: 'I' },
	{ name: 'New', value: 'N' },
	{ name: 'Open', value: 'C' },
	{ name: 'Postponed', value: 'W' },
	{ name: 'Resolved', value: 'R' },
	{ name: 'Spam', value: 'B' },
];

export const GENDERS: INodePropertyOptions[] = [
	{ name: 'Female', value: 'F' },
	{ name: 'Male', value: 'M' },
];

/** preSend: a required text parameter that is sent as a form field. */
export function requiredBody(
	parameter: string,
	label: string,
	property: string,
	where: 'body' | 'query' = 'body',
): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const value = requireText.call(this, parameter, label);
		if (where === 'query') requestOptions.qs = { ...requestOptions.qs, [property]: value };
		else requestOptions.body = { ...(requestOptions.body as IDataObject), [property]: value };
		return requestOptions;
	};
}

/** The text n8n asks of every dropdown filled from the API. */
export const DROPDOWN_HINT =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** A department, chosen from the account's departments (`GET /departments`); the ID is sent. */
export function departmentParameter(
	displayOptions: INodeProperties['displayOptions'],
	required = false,
	name = 'department',
): INodeProperties {
	return {
		displayName: 'Department Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDepartments' },
		default: '',
		required,
		displayOptions,
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/**
 * Fields of a call whose names no source we have documents in full: a JSON object whose members
 * are sent as they are (form fields for POST/PUT, query parameters for GET/DELETE), after the ones
 * the node knows. Invalid JSON, or JSON that is not an object, is refused naming the parameter.
 */
export function jsonFieldsParameter(show: Show, options: { name?: string; displayName?: string; required?: boolean; description: string }): INodeProperties {
	const name = options.name ?? 'otherFields';
	const displayName = options.displayName ?? 'Other Fields (JSON)';
	return {
		displayName,
		name,
		type: 'json',
		default: '{}',
		required: options.required ?? false,
		displayOptions: { show },
		description: options.description,
		routing: { send: { preSend: [sendJsonFields(name, displayName, options.required ?? false)] } },
	};
}

function sendJsonFields(parameter: string, label: string, required: boolean): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const raw = this.getNodeParameter(parameter, '') as unknown;
		let fields: unknown = raw;
		if (typeof raw === 'string') {
			const text = raw.trim();
			if (text === '') fields = {};
			else {
				try {
					fields = JSON.parse(text);
				} catch {
					throw new NodeOperationError(this.getNode(), `${label} is not valid JSON`, {
						description: 'Write an object such as {"name": "value"}.',
						itemIndex: this.getItemIndex(),
					});
				}
			}
		}
		if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
			throw new NodeOperationError(this.getNode(), `${label} must be a JSON object`, { itemIndex: this.getItemIndex() });
		}
		const entries = Object.entries(fields as IDataObject).filter(([, value]) => value !== undefined && value !== null);
		if (required && entries.length === 0) {
			throw new NodeOperationError(this.getNode(), `${label} is required`, { itemIndex: this.getItemIndex() });
		}
		if (entries.length === 0) return requestOptions;
		const values = Object.fromEntries(entries.map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : value]));
		const method = String(requestOptions.method ?? 'GET').toUpperCase();
		if (method === 'POST' || method === 'PUT') requestOptions.body = { ...(requestOptions.body as IDataObject), ...values };
		else requestOptions.qs = { ...requestOptions.qs, ...values };
		return requestOptions;
	};
}
