import type {
	IDataObject,
	INodeCredentialDescription,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
} from 'n8n-workflow';

import { singleRead } from '../../shared/retry';
import { itemsFrom } from './output';
import { paginateLiveChat } from './paging';
import { sendBody } from './preSend';
import { actionPath } from '../transport';
import { APP_LOGIN_TYPE, TOKEN_TYPE } from './constants';

export type BodyBuilder = (this: IExecuteSingleFunctions) => IDataObject | Promise<IDataObject>;

interface OperationSpec {
	name: string;
	value: string;
	/** The Agent Chat API action it calls. */
	action: string;
	/** What the editor and an AI agent call the operation, as n8n's own nodes do: "<Verb> a <thing>". */
	title: string;
	description: string;
	body: BodyBuilder;
	/** Reads are retried on 429/503; `paged` reads follow `page_id` (keeping the named fields). */
	read?: 'single' | { keep: string[] };
	/** Where the answer's list is, if it is one. */
	items?: string;
	postReceive?: PostReceiveAction[];
}

/** One LiveChat action as an operation: POST /v3.6/agent/action/<action> with a JSON body. */
export function operation(spec: OperationSpec): INodePropertyOptions {
	const read = spec.read;
	return {
		name: spec.name,
		value: spec.value,
		action: spec.title,
		description: spec.description,
		routing: {
			request: { method: 'POST', url: actionPath('agent', spec.action) },
			send: { preSend: [sendBody(spec.body, typeof read === 'object')], ...(read ? { paginate: true } : {}) },
			...(read
				? { operations: { pagination: read === 'single' ? singleRead : paginateLiveChat(read.keep) } }
				: {}),
			output: { postReceive: [itemsFrom(spec.items), ...(spec.postReceive ?? [])] },
		},
	};
}

export const visibilityOptions = [
	{ name: 'All', value: 'all', description: 'Customers and agents see it' },
	{ name: 'Agents', value: 'agents', description: 'Only agents see it' },
];

export function groupsField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		default: [],
		description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export function agentsField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: [],
		description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export const ignoreRequesterPresence: INodeProperties = {
	displayName: 'Ignore Requester Presence',
	name: 'ignoreRequesterPresence',
	type: 'boolean',
	default: false,
	description: 'Whether the action may be taken by an agent who is not a user of the chat',
};

/** Sets `target[key]` only when the value is given. */
export function put(target: IDataObject, key: string, value: unknown): void {
	if (value === undefined || value === null || value === '') return;
	if (Array.isArray(value) && value.length === 0) return;
	if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0) return;
	target[key] = value as IDataObject[keyof IDataObject];
}

/** The Authentication choice of every LiveChat node: a personal access token or the OAuth2 app login. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Personal Access Token', value: 'personalAccessToken' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'personalAccessToken',
};

/** The credential each Authentication choice asks for (credentialTypeOf reads the same choice). */
export const liveChatCredentials: INodeCredentialDescription[] = [
	{ name: TOKEN_TYPE, required: true, displayOptions: { show: { authentication: ['personalAccessToken'] } } },
	{ name: APP_LOGIN_TYPE, required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];
