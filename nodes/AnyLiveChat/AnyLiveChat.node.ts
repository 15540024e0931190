import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { returnAllAndLimit } from '../shared/descriptions';
import type { ChatPlatform, ConversationQuery, PlatformOperation } from '../shared/platform';
import { meetsQuery, PLATFORM_OPERATIONS, supports } from '../shared/platform';
import { PLATFORMS } from '../shared/platforms';
import type { TranscriptStatus } from '../shared/transcript';
import { readDate, readSwitch, toNumber } from '../shared/validate';

/** The node's resources and their operations, each with the words a model reads to choose it. */
const RESOURCES: Array<{ name: string; value: string; operations: Array<INodePropertyOptions & { value: string; action: string }> }> = [
	{
		name: 'Conversation',
		value: 'conversation',
		operations: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a conversation',
				description: 'Get one conversation by its ID as a full normalized transcript: visitor, agents, status, times, tags and every message',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many conversations',
				description: 'List conversations as normalized transcripts with their messages; filter by start time and status',
			},
		],
	},
	{
		name: 'Message',
		value: 'message',
		operations: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description: 'Send a reply from the agent side into an existing conversation',
			},
		],
	},
	{
		name: 'Contact',
		value: 'contact',
		operations: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Get the visitor or customer with this ID: name, email and phone',
			},
		],
	},
];

const STATUSES: Array<{ name: string; value: TranscriptStatus; description: string }> = [
	{ name: 'Open', value: 'open', description: 'Still going on' },
	{ name: 'Closed', value: 'closed', description: 'Ended after someone answered' },
	{ name: 'Missed', value: 'missed', description: 'Nobody answered' },
	{ name: 'Offline', value: 'offline', description: 'A message left while nobody was online' },
];

const names = (platforms: ChatPlatform[]) => platforms.map((platform) => platform.name).join(', ');

/** `resource.operation` of the node's parameters. */
const operationOf = (resource: string, operation: string) => `${resource}.${operation}` as PlatformOperation;

/** For each platform and resource: a notice, shown while an operation it cannot do is chosen. */
function unsupportedNotices(): INodeProperties[] {
	const notices: INodeProperties[] = [];
	for (const platform of PLATFORMS) {
		for (const resource of RESOURCES) {
			const missing = resource.operations.filter((operation) => !supports(platform, operationOf(resource.value, operation.value)));
			for (const operation of missing) {
				notices.push({
					displayName: `${platform.name} cannot do ${resource.name} → ${operation.name}: its API offers no such call. ${
						`Platforms that can: ${names(PLATFORMS.filter((other) => supports(other, operationOf(resource.value, operation.value))))}.`
					}`,
					name: `notice_${platform.key}_${resource.value}_${operation.value}`,
					type: 'notice',
					default: '',
					displayOptions: { show: { platform: [platform.key], resource: [resource.value], operation: [operation.value] } },
				});
			}
		}
	}
	return notices;
}

/** For each platform whose Send writes somewhere else than the conversation itself: a notice, shown with Send. */
function sendTargetNotices(): INodeProperties[] {
	return PLATFORMS.filter((platform) => platform.sendTarget && supports(platform, 'message.send')).map((platform) => ({
		displayName: platform.sendTarget!,
		name: `notice_${platform.key}_sendTarget`,
		type: 'notice',
		default: '',
		displayOptions: { show: { platform: [platform.key], resource: ['message'], operation: ['send'] } },
	}));
}

/** What each operation can do where, for the Operation descriptions. */
function operationOptions(resource: (typeof RESOURCES)[number]): INodePropertyOptions[] {
	return resource.operations.map((operation) => {
		const able = PLATFORMS.filter((platform) => supports(platform, operationOf(resource.value, operation.value)));
		const where = able.length === PLATFORMS.length ? '' : ` (${names(able)})`;
		return { ...operation, description: `${operation.description}${where}` };
	});
}

const getMany = { resource: ['conversation'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		noDataExpression: true,
		options: PLATFORMS.map((platform) => ({ name: platform.name, value: platform.key })),
		default: 'liveChat',
		description: 'The live chat platform that holds the conversations; its credential is used',
	},
	...PLATFORMS.flatMap((platform) =>
		(platform.properties ?? []).map((property) => ({
			...property,
			displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, platform: [platform.key] } },
		})),
	),
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map(({ name, value }) => ({ name, value })),
		default: 'conversation',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: operationOptions(RESOURCES[0]),
		default: 'getAll',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: operationOptions(RESOURCES[1]),
		default: 'send',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: operationOptions(RESOURCES[2]),
		default: 'get',
	},
	...unsupportedNotices(),
	...sendTargetNotices(),
	{
		displayName: 'Conversation ID',
		name: 'conversationId',
		type: 'string',
		required: true,
		default: '',
		description: 'The conversation’s ID on the platform, as `conversationId` of a transcript gives it. Where a platform’s Send writes somewhere else (a ticket, an SMS thread), a notice above says so.',
		displayOptions: { show: { resource: ['conversation', 'message'], operation: ['get', 'send'] } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'The message the visitor will read',
		displayOptions: { show: { resource: ['message'], operation: ['send'] } },
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		description: 'The visitor’s or customer’s identifier on the platform, as the `visitor` of a transcript gives it (LiveAgent: the email)',
		displayOptions: { show: { resource: ['contact'], operation: ['get'] } },
	},
	// a programmatic node: the routing of the shared Limit has no part here
	...returnAllAndLimit(getMany).map((property) => ({ ...property, routing: undefined })),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: getMany },
		options: [
			{
				displayName: 'Started After',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only conversations that started at or after this time (ISO 8601)',
			},
			{
				displayName: 'Started Before',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only conversations that started before this time (ISO 8601)',
			},
			{
				displayName: 'Status',
				name: 'statuses',
				type: 'multiOptions',
				options: STATUSES,
				default: [],
				description: `Only conversations in one of these statuses. Platforms tell: ${PLATFORMS.map((platform) => `${platform.name} ${platform.statuses.join('/')}`).join('; ')}.`,
			},
		],
	},
	{
		// named and shaped as the Request Options n8n gives declarative nodes, so it reads the same
		displayName: 'Request Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10000,
				description: 'Time in ms to wait for each of the platform’s answers before giving up on it',
			},
		],
	},
];

export class AnyLiveChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Live Chat',
		name: 'anyLiveChat',
		icon: { light: 'file:anyLiveChat.svg', dark: 'file:anyLiveChat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["platform"] + ": " + $parameter["resource"] + " → " + $parameter["operation"]}}',
		description: `Read conversations, send replies and look up contacts on any of ${names(PLATFORMS)}, with the same parameters and the same normalized output on each`,
		defaults: { name: 'Live Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: PLATFORMS.flatMap((platform) =>
			platform.credentials.map((credential) => ({
				...credential,
				displayOptions: { ...credential.displayOptions, show: { ...credential.displayOptions?.show, platform: [platform.key] } },
			})),
		),
		properties,
	};

	/**
	 * Programmatic, not declarative: one node dispatches to five APIs, and a conversation's transcript
	 * may take several dependent calls (LiveAgent's info, messages, tags and owner).
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const pairedItem = { item: itemIndex };
			try {
				const results = await runOperation(withTimeout(this, itemIndex), itemIndex);
				output.push(...results.map((json) => ({ json, pairedItem })));
			} catch (error) {
				if (!this.continueOnFail()) throw atItem(this, error, itemIndex);
				const json: IDataObject = { error: (error as Error).message };
				const description = (error as { description?: unknown }).description;
				if (typeof description === 'string' && description !== '') json.details = description;
				output.push({ json, pairedItem });
			}
		}
		return [output];
	}
}

/** The error of one item, saying which: n8n's errors keep their message, anything else becomes a NodeOperationError. */
function atItem(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * The node's context with Request Options → Timeout (ms) set on every request the platform makes
 * for this item, unless a request sets its own: a platform's calls go through n8n's helpers, so the
 * helper is where one setting reaches them all. Without the option, the context is unchanged.
 */
function withTimeout(context: IExecuteFunctions, itemIndex: number): IExecuteFunctions {
	const item = itemView(context, itemIndex);
	const timeout = toNumber(item, item.getNodeParameter('requestOptions.timeout', ''), 'Request Options → Timeout');
	if (timeout === undefined) return context;
	if (!Number.isInteger(timeout) || timeout < 1) {
		throw new NodeOperationError(context.getNode(), 'Request Options → Timeout must be a whole number of milliseconds, at least 1', { itemIndex });
	}
	const helpers = context.helpers;
	const timed = Object.create(context) as IExecuteFunctions;
	Object.defineProperty(timed, 'helpers', {
		value: {
			...helpers,
			httpRequestWithAuthentication(this: IExecuteFunctions, ...args: Parameters<typeof helpers.httpRequestWithAuthentication>) {
				const [credentialType, request, ...rest] = args;
				return helpers.httpRequestWithAuthentication.call(this, credentialType, { timeout, ...request }, ...rest);
			},
			httpRequest(request: Parameters<typeof helpers.httpRequest>[0]) {
				return helpers.httpRequest({ timeout, ...request });
			},
		},
	});
	return timed;
}

function platformOf(context: IExecuteFunctions, itemIndex: number): ChatPlatform {
	const key = context.getNodeParameter('platform', itemIndex) as string;
	const platform = PLATFORMS.find((candidate) => candidate.key === key);
	if (!platform) {
		throw new NodeOperationError(context.getNode(), `Platform "${key}" is not one this node knows`, {
			itemIndex,
			description: `Choose one of ${names(PLATFORMS)}.`,
		});
	}
	return platform;
}

function requiredText(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw new NodeOperationError(context.getNode(), `${label} is required`, { itemIndex });
	return value;
}

/**
 * One item's view of the node, as the shared validators (written for routed nodes) read parameters:
 * by name, for the item being run.
 */
function itemView(context: IExecuteFunctions, itemIndex: number): IExecuteSingleFunctions {
	return {
		getNode: () => context.getNode(),
		getTimezone: () => context.getTimezone(),
		getItemIndex: () => itemIndex,
		getNodeParameter: (name: string, fallback?: unknown) => context.getNodeParameter(name, itemIndex, fallback),
	} as unknown as IExecuteSingleFunctions;
}

/** The Get Many query from the node's parameters, checked. */
function queryOf(context: IExecuteFunctions, itemIndex: number): ConversationQuery {
	const item = itemView(context, itemIndex);
	const returnAll = readSwitch(item, 'returnAll', 'Return All', false);
	let limit = Infinity;
	if (!returnAll) {
		const value = toNumber(item, item.getNodeParameter('limit', 50), 'Limit');
		if (value === undefined || !Number.isInteger(value) || value < 1) {
			throw new NodeOperationError(context.getNode(), 'Limit must be a whole number of at least 1', { itemIndex });
		}
		limit = value;
	}
	const time = (name: string, label: string) => readDate.call(item, `filters.${name}`, `Filters → ${label}`)?.toUTC().toISO() ?? undefined;
	const statuses = item.getNodeParameter('filters.statuses', []) as TranscriptStatus[];
	const known = STATUSES.map((status) => status.value);
	const unknown = (Array.isArray(statuses) ? statuses : [statuses]).filter((status) => !known.includes(status));
	if (unknown.length) {
		throw new NodeOperationError(context.getNode(), `Filters → Status must be among ${known.join(', ')}, not ${unknown.join(', ')}`, { itemIndex });
	}
	return { from: time('from', 'Started After'), to: time('to', 'Started Before'), statuses: Array.isArray(statuses) ? statuses : [statuses], limit };
}

/** One item's operation on its platform, as the platform's normalized records. */
async function runOperation(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const platform = platformOf(context, itemIndex);
	const resource = context.getNodeParameter('resource', itemIndex) as string;
	const operation = context.getNodeParameter('operation', itemIndex) as string;
	const wanted = operationOf(resource, operation);
	if (!(wanted in PLATFORM_OPERATIONS)) {
		throw new NodeOperationError(context.getNode(), `${resource} → ${operation} is not an operation of this node`, { itemIndex });
	}
	if (!supports(platform, wanted)) {
		const able = PLATFORMS.filter((other) => supports(other, wanted));
		const shown = RESOURCES.find((candidate) => candidate.value === resource)!;
		const operationName = shown.operations.find((candidate) => candidate.value === operation)!.name;
		throw new NodeOperationError(context.getNode(), `${platform.name} cannot do ${shown.name} → ${operationName}`, {
			itemIndex,
			description: `${platform.name}'s API offers no such call. Platforms that can: ${names(able) || 'none'}.`,
		});
	}
	switch (wanted) {
		case 'conversation.getAll': {
			const query = queryOf(context, itemIndex);
			const found: IDataObject[] = [];
			for await (const transcript of platform.conversations!(context, query)) {
				if (!meetsQuery(transcript, query)) continue;
				found.push(transcript);
				if (found.length >= query.limit) break;
			}
			return found;
		}
		case 'conversation.get':
			return [await platform.conversation!(context, requiredText(context, 'conversationId', 'Conversation ID', itemIndex))];
		case 'message.send': {
			const conversationId = requiredText(context, 'conversationId', 'Conversation ID', itemIndex);
			return [await platform.sendMessage!(context, conversationId, requiredText(context, 'text', 'Text', itemIndex))];
		}
		case 'contact.get':
			return [await platform.contact!(context, requiredText(context, 'contactId', 'Contact ID', itemIndex))];
	}
}
