import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { operationSelector, outputProperties, returnAllAndLimit } from '../../../shared/descriptions';
import { accountZone, opDateTimeFields, sendDates, sendOpDateTime } from '../../helpers/dates';
import {
	CONVERSATION_STATUSES,
	customFieldsParameter,
	field,
	departmentParameter,
	DROPDOWN_HINT,
	idParameter,
	operation,
	requiredBody,
	yesNo,
} from '../../helpers/descriptions';
import { unwrap } from '../../helpers/errors';
import { meetsConversationQuery } from '../../helpers/conversationQuery';
import { offsetPagesWithProgress, pagedReadWithProgress } from '../../helpers/paging';
import { flatMessages, messageGroups, readTranscript } from '../../helpers/transcript';

const resource = ['conversation'];
const show = (...operations: string[]) => ({ resource, operation: operations });
const WITH_ID = [
	'addCustomFields',
	'addTag',
	'createMessage',
	'delete',
	'deleteCustomField',
	'get',
	'getMessages',
	'getTags',
	'removeTag',
	'setStatus',
	'transfer',
];

/** Channel letters of `channel_type`, as a production extractor (keboola/component-liveagent) sends them. */
const CHANNEL_LETTERS = /^[A-Z](,[A-Z])*$/;

/**
 * preSend of Get Many: department and owner are optional (the newest reference lists all
 * conversations; FACTS.md), statuses go as a comma list, channel types as checked letters.
 */
async function sendConversationFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const department = String(this.getNodeParameter('department', '') ?? '').trim();
	const owner = String(this.getNodeParameter('owner', '') ?? '').trim();
	requestOptions.qs = { ...requestOptions.qs };
	if (department) requestOptions.qs.department = department;
	if (owner) requestOptions.qs.owneridentifier = owner;
	const statuses = this.getNodeParameter('filters.status', []) as string[];
	if (statuses.length) requestOptions.qs.status = statuses.join(',');
	const channels = String(this.getNodeParameter('filters.channelTypes', '') ?? '').replace(/\s+/g, '').toUpperCase();
	if (channels) {
		if (!CHANNEL_LETTERS.test(channels)) {
			throw new NodeOperationError(this.getNode(), `Filters → Channel Types must be letters separated by commas, such as E,C,F: "${channels}"`, {
				itemIndex: this.getItemIndex(),
			});
		}
		requestOptions.qs.channel_type = channels;
	}
	return requestOptions;
}

/** A tag is named by its ID or its name; LiveAgent needs one of them. */
async function requireTag(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const by = this.getNodeParameter('tagBy', 'name') as string;
	const value = String(this.getNodeParameter('tag', '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), 'Tag is required', { itemIndex: this.getItemIndex() });
	}
	const property = by === 'id' ? 'id' : 'name';
	if (requestOptions.method === 'DELETE') requestOptions.qs = { ...requestOptions.qs, [property]: value };
	else requestOptions.body = { ...(requestOptions.body as IDataObject), [property]: value };
	return requestOptions;
}

/** What Simplified keeps of a conversation (LiveAgent's own names); Raw has the rest. */
const SIMPLIFIED_FIELDS = ['conversationid', 'code', 'subject', 'status', 'departmentid', 'assignedto', 'ownername', 'owneremail', 'created', 'changed'];

function simplified(items: INodeExecutionData[], output: unknown): INodeExecutionData[] {
	if (output !== 'simplified') return items;
	return items.map((item) => ({
		...item,
		json: Object.fromEntries(SIMPLIFIED_FIELDS.filter((field) => item.json[field] !== undefined).map((field) => [field, item.json[field]])),
	}));
}

/** postReceive of Get: the conversation in the chosen Output. */
async function shapeConversation(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return simplified(items, this.getNodeParameter('output', 'raw'));
}

/** Get Many's paging, then the chosen Output: filtering by the query needs every field, so it comes last. */
const conversationList: typeof conversationPages = async function (this, requestData) {
	return simplified(await conversationPages.call(this, requestData), this.getNodeParameter('output', 'raw'));
};

/** postReceive of Get Messages: message groups, single messages, or the normalized transcript. */
async function shapeMessages(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const groups = messageGroups(unwrap(response.body));
	const output = this.getNodeParameter('output', 'messages') as string;
	if (output === 'groups') return groups.map((json) => ({ json }));
	if (output === 'messages') return flatMessages(groups).map((json) => ({ json }));
	const id = String(this.getNodeParameter('conversationId', '')).trim();
	const zone = accountZone(await this.getCredentials('liveAgentApi'));
	return [{ json: await readTranscript(this as never, id, zone, groups) }];
}

/** Conversations are paged with `limit` and `offset`, 1000 a page (keboola/component-liveagent). */
const conversationPages = pagedReadWithProgress(
	offsetPagesWithProgress({
		offset: 'offset',
		limit: 'limit',
		maxPageSize: 1000,
		listKeys: ['conversations'],
		identity: (row) => String(row.conversationid),
	}),
	meetsConversationQuery,
);

export const conversationDescription: INodeProperties[] = [
	operationSelector('conversation', 'getAll', [
		operation({ name: 'Add Custom Fields', value: 'addCustomFields', action: 'Add custom field values to a conversation', description: 'Add custom field values (a field can be added more than once)', method: 'POST', url: '/conversations/{id}/fields' }),
		operation({ name: 'Add Tag', value: 'addTag', action: 'Add a tag to a conversation', description: 'Assign a tag to a conversation', method: 'POST', url: '/conversations/{id}/tags' }),
		operation({ name: 'Change Status', value: 'setStatus', action: 'Change the status of a conversation', description: 'Set a conversation to answered, resolved or open', method: 'PUT', url: '/conversations/{id}/status' }),
		operation({ name: 'Create', value: 'create', action: 'Create a conversation', description: 'Create a new conversation (ticket)', method: 'POST', url: '/conversations' }),
		operation({ name: 'Create Message', value: 'createMessage', action: 'Create a message in a conversation', description: 'Add a message or a note to a conversation', method: 'POST', url: '/conversations/{id}/messages' }),
		operation({ name: 'Delete', value: 'delete', action: 'Delete a conversation', description: 'Delete a conversation', method: 'DELETE', url: '/conversations/{id}' }),
		operation({ name: 'Delete Custom Field', value: 'deleteCustomField', action: 'Delete custom field values of a conversation', description: 'Delete one custom field, or all of them', method: 'DELETE', url: '/conversations/{id}/fields' }),
		operation({ name: 'Get', value: 'get', action: 'Get a conversation', description: 'Get a conversation with its custom fields', method: 'GET', url: '/conversations/{id}', postReceive: [shapeConversation] }),
		operation({ name: 'Get Many', value: 'getAll', action: 'Get many conversations', description: 'Get all conversations, or those of a department or an owner, page by page', method: 'GET', url: '/conversations', listKey: 'conversations', pagination: conversationList }),
		operation({ name: 'Get Messages', value: 'getMessages', action: 'Get the messages of a conversation', description: 'Get the messages, or the normalized transcript, of a conversation', method: 'GET', url: '/conversations/{id}/messages', postReceive: [shapeMessages] }),
		operation({ name: 'Get Tags', value: 'getTags', action: 'Get the tags of a conversation', description: 'Get the tags assigned to a conversation', method: 'GET', url: '/conversations/{id}/tags', listKey: 'tags' }),
		operation({ name: 'Remove Tag', value: 'removeTag', action: 'Remove a tag from a conversation', description: 'Unassign a tag from a conversation', method: 'DELETE', url: '/conversations/{id}/tags' }),
		operation({ name: 'Transfer', value: 'transfer', action: 'Transfer a conversation', description: 'Transfer a conversation to another department and/or agent', method: 'PUT', url: '/conversations/{id}/attendants' }),
	]),
	idParameter(show(...WITH_ID), 'conversationId', 'Conversation ID', 'The conversation’s ID, code or public URL code', 'AX4-B4T-FD8'),

	// Get Many
	{
		...departmentParameter({ show: show('getAll') }),
		description: `Only conversations of this department; every department when empty. ${DROPDOWN_HINT}.`,
		routing: { send: { preSend: [sendConversationFilters] } },
	},
	{
		displayName: 'Owner',
		name: 'owner',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		displayOptions: { show: show('getAll') },
		description: 'Only conversations of this owner (email); every owner when empty',
	},
	...returnAllAndLimit(show('getAll')),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: show('getAll') },
		routing: {
			send: {
				preSend: [
					sendDates([
						{ parameter: 'filters.dateFrom', label: 'Filters → Date From', property: 'datefrom' },
						{ parameter: 'filters.dateTo', label: 'Filters → Date To', property: 'dateto' },
					]),
					sendOpDateTime('filters.dateChanged.filter', 'Filters → Date Changed', 'datechanged'),
				],
			},
		},
		options: [
			{
				displayName: 'Channel Types',
				name: 'channelTypes',
				type: 'string',
				default: '',
				placeholder: 'E,B,M,I,C,W,F,A,T,Q,S',
				description: 'LiveAgent’s channel_type filter: one-letter channel codes separated by commas. A production extractor asks for E,B,M,I,C,W,F,A,T,Q,S to get every channel; the letters’ meanings are not published.',
			},
			{
				displayName: 'Date Changed',
				name: 'dateChanged',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add Condition',
				description: 'Compare the date of the last change',
				options: [{ displayName: 'Condition', name: 'filter', values: opDateTimeFields('Date Changed') }],
			},
			{ displayName: 'Date From', name: 'dateFrom', type: 'dateTime', default: '', description: 'LiveAgent’s datefrom filter (created on or after)' },
			{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', default: '', description: 'LiveAgent’s dateto filter (created on or before)' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: CONVERSATION_STATUSES,
				default: [],
				description: 'Only conversations in these statuses',
			},
			field('Subject', 'subject', 'subject', 'query', { description: 'Only conversations with this subject' }),
		],
	},

	...outputProperties(show('get', 'getAll'), 'LiveAgent', 'conversation', { rawAtVersion1: true }),

	// Get Messages
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'messages',
		displayOptions: { show: show('getMessages') },
		options: [
			{ name: 'Messages', value: 'messages', description: 'One item per message, with its group’s type' },
			{ name: 'Message Groups', value: 'groups', description: 'The groups as LiveAgent returns them' },
			{ name: 'Normalized Transcript', value: 'transcript', description: 'The transcript shape shared by every vendor in this package' },
		],
	},
	{
		displayName: 'Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('getMessages') },
		routing: {
			send: {
				preSend: [
					sendDates([
						{ parameter: 'messageOptions.dateFrom', label: 'Options → Date From', property: 'datefrom' },
						{ parameter: 'messageOptions.dateTo', label: 'Options → Date To', property: 'dateto' },
					]),
				],
			},
		},
		options: [
			{ displayName: 'Date From', name: 'dateFrom', type: 'dateTime', default: '', description: 'LiveAgent’s datefrom filter for messages' },
			{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', default: '', description: 'LiveAgent’s dateto filter for messages' },
		],
	},

	// Create Message
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: { show: show('createMessage', 'create') },
		routing: { send: { preSend: [requiredBody('message', 'Message', 'message')] } },
	},
	{
		displayName: 'Type',
		name: 'messageType',
		type: 'options',
		default: 'M',
		displayOptions: { show: show('createMessage') },
		options: [
			{ name: 'Message', value: 'M', description: 'A message to the customer (needs an author; without one LiveAgent writes a note)' },
			{ name: 'Note', value: 'N', description: 'An internal note' },
		],
		routing: { send: { type: 'body', property: 'type' } },
	},

	// Create
	{
		displayName: 'Author',
		name: 'author',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		displayOptions: { show: show('create') },
		description: 'Userid or email of an existing agent or customer who creates the conversation',
		routing: { send: { preSend: [requiredBody('author', 'Author', 'useridentifier')] } },
	},
	{
		...departmentParameter({ show: show('create') }, true),
		routing: { send: { preSend: [requiredBody('department', 'Department', 'department')] } },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: show('create') },
		routing: { send: { preSend: [requiredBody('subject', 'Subject', 'subject')] } },
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		displayOptions: { show: show('create') },
		description: 'Email of the recipient',
		routing: { send: { preSend: [requiredBody('recipient', 'Recipient', 'recipient')] } },
	},
	customFieldsParameter(show('create'), false),

	// Options shared by message-writing operations
	{
		displayName: 'Options',
		name: 'writeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('create', 'createMessage') },
		options: [
			field('CC', 'cc', 'cc', 'body', { description: 'Other recipients, emails separated by commas (Create only)' }),
			yesNo('Do Not Send Mail', 'doNotSendMail', 'do_not_send_mail', 'Whether to keep LiveAgent from mailing the customer (when another system already did)', 'writeOptions'),
			yesNo('HTML Message', 'isHtml', 'is_html_message', 'Whether the message text is HTML', 'writeOptions'),
			field('Mail Message ID', 'mailMessageId', 'mail_messsage_id', 'body', { description: 'Replies whose In-Reply-To header carries this ID join this conversation' }),
			field('Recipient Name', 'recipientName', 'recipient_name', 'body', { description: 'As "Firstname Lastname" (Create only)' }),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: CONVERSATION_STATUSES,
				default: 'N',
				description: 'Status of the new conversation (Create only; LiveAgent uses New when not set)',
				routing: { send: { type: 'body', property: 'status' } },
			},
			field('Message Author', 'messageAuthor', 'useridentifier', 'body', { description: 'Agent userid or email writing the message (Create Message only; without it LiveAgent writes a note as System)' }),
		],
	},

	// Change Status
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'R',
		displayOptions: { show: show('setStatus') },
		options: [
			{ name: 'Answered', value: 'A' },
			{ name: 'Open', value: 'C' },
			{ name: 'Resolved', value: 'R' },
		],
		routing: { send: { type: 'body', property: 'status' } },
	},
	{
		displayName: 'Options',
		name: 'statusOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('setStatus') },
		options: [
			field('Agent', 'agent', 'useridentifier', 'body', { description: 'Agent userid or email making the change; System when empty' }),
			field('Note', 'note', 'note', 'body'),
		],
	},

	// Transfer
	{
		displayName: 'Options',
		name: 'transferOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('transfer') },
		options: [
			{
				...departmentParameter(undefined),
				description: `The department to transfer to. ${DROPDOWN_HINT}.`,
				routing: { send: { type: 'body', property: 'department', value: '={{$value || undefined}}' } },
			},
			field('Messages', 'messages', 'messages', 'body', { description: 'Messages to add with the transfer' }),
			field('To Agent', 'agent', 'agentidentifier', 'body', { description: 'Userid or email of the agent to transfer to' }),
			field('Transferred By', 'by', 'useridentifier', 'body', { description: 'Userid or email of who transfers; System when empty' }),
		],
	},

	// Delete
	{
		displayName: 'Options',
		name: 'deleteOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('delete') },
		options: [
			field('Messages', 'messages', 'messages', 'query'),
			field('Deleted By', 'by', 'useridentifier', 'query', { description: 'Agent userid or email; System when empty' }),
		],
	},

	// Custom fields
	customFieldsParameter(show('addCustomFields'), true),
	{
		displayName: 'Field Code',
		name: 'code',
		type: 'string',
		default: '',
		displayOptions: { show: show('deleteCustomField') },
		description: 'The custom field to delete; empty deletes every custom field of the conversation',
		routing: { send: { type: 'query', property: 'code', value: '={{$value || undefined}}' } },
	},

	// Tags
	{
		displayName: 'Tag By',
		name: 'tagBy',
		type: 'options',
		default: 'name',
		displayOptions: { show: show('addTag', 'removeTag') },
		options: [
			{ name: 'Name', value: 'name' },
			{ name: 'ID', value: 'id' },
		],
	},
	{
		displayName: 'Tag',
		name: 'tag',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: show('addTag', 'removeTag') },
		description: 'The tag’s name or ID, as chosen above',
		routing: { send: { preSend: [requireTag] } },
	},
];
