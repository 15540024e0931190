import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { outputProperties, returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { parallelPagesLegacyProperty, parallelPagesOption } from '../../../shared/pagination';
import { readRouting } from '../../../shared/retry';
import { requireText, toSwitch, sendPathId } from '../../../shared/validate';
import { fiveChatPages, ticketLocator, ticketPriorities, ticketStatuses } from '../../helpers/descriptions';
import { checkEmail, checkLimit, compact, fail, setBody } from '../../helpers/preSend';
import { deletedTicket, shapeTickets, unwrapPage, unwrapRecord } from '../../helpers/output';

const forOne = { resource: ['ticket'], operation: ['get', 'update', 'delete', 'updateStatus', 'addMessage'] };
const show = (operation: string) => ({ resource: ['ticket'], operation: [operation] });

async function sendCreate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const title = requireText.call(this, 'title', 'Title');
	const fields = this.getNodeParameter('additionalFields', {}) as IDataObject;
	checkEmail.call(this, fields.email, 'Additional Fields → Email');
	const { conversation, visitor, ...rest } = fields;
	return setBody(requestOptions, compact({ ...rest, title, visitorToken: visitor, conversationToken: conversation }));
}

async function sendUpdate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const fields = compact(this.getNodeParameter('updateFields', {}) as IDataObject);
	checkEmail.call(this, fields.email, 'Update Fields → Email');
	if (fields.title === undefined && 'title' in (this.getNodeParameter('updateFields', {}) as IDataObject)) {
		fail.call(this, 'Update Fields → Title cannot be empty');
	}
	if (Object.keys(fields).length === 0) fail.call(this, 'Add at least one of the Update Fields: there is nothing to update');
	return setBody(requestOptions, fields);
}

async function sendStatus(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	return setBody(requestOptions, { status: requireText.call(this, 'status', 'Status') });
}

async function sendMessage(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const content = requireText.call(this, 'content', 'Content');
	const fields = compact(this.getNodeParameter('messageFields', {}) as IDataObject);
	checkEmail.call(this, fields.senderEmail, 'Message Fields → Sender Email');
	if (fields.isFromEmail !== undefined) fields.isFromEmail = toSwitch(this, fields.isFromEmail, 'Message Fields → From Email');
	return setBody(requestOptions, { ...fields, content });
}

async function sendFilters(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const filters = compact(this.getNodeParameter('filters', {}) as IDataObject);
	requestOptions.qs = { ...requestOptions.qs, ...filters };
	return requestOptions;
}

/** The ticket list's filters that name one value of a ticket field (not `search`, whose reach 5chat defines). */
const EXACT_FILTERS = ['status', 'priority', 'assigneeId', 'visitorId'];

/**
 * `routing.operations.pagination` for Get Many tickets: the pages, then the exact filters applied
 * to what came back, should 5chat ignore one. A ticket that does not carry the field stays. Applied
 * after paging, so a page the filters empty does not end the read; Limit then counts the tickets
 * 5chat answered, so it may return fewer when 5chat ignored a filter.
 */
async function ticketPages(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) {
	const items = await fiveChatPages.call(this, requestData);
	const filters = compact(this.getNodeParameter('filters', {}) as IDataObject);
	const asked = EXACT_FILTERS.filter((name) => filters[name] !== undefined);
	return items.filter(({ json }) =>
		asked.every((name) => json[name] === undefined || json[name] === null || String(json[name]) === String(filters[name])),
	);
}

const priorityField: INodeProperties = {
	displayName: 'Priority',
	name: 'priority',
	type: 'options',
	options: ticketPriorities,
	default: 'MEDIUM',
	description: 'Other values can be given with an expression',
};

const ticketFields: INodeProperties[] = [
	{ displayName: 'Conversation Token', name: 'conversation', type: 'string', default: '', description: 'The conversation the ticket comes from' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Where replies to the ticket go' },
	priorityField,
	{ displayName: 'Visitor Token', name: 'visitor', type: 'string', default: '', description: 'The visitor the ticket belongs to' },
];

export const ticketDescription: INodeProperties[] = [
	operationSelector('ticket', 'getAll', [
		{
			name: 'Add Message',
			value: 'addMessage',
			action: 'Add a message to a ticket',
			description: 'Add a message to a ticket',
			routing: {
				// Never retried: a repeated request would add the message twice.
				request: { method: 'POST', url: '/tickets' },
				send: { preSend: [sendPathId('ticketId', 'Ticket', '/tickets/{id}/messages'), sendMessage] },
				output: { postReceive: [unwrapRecord] },
			},
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a ticket',
			description: 'Create a ticket for the website (PRO plan)',
			routing: {
				// Never retried: a repeated request would create a second ticket.
				request: { method: 'POST', url: '/tickets' },
				send: { preSend: [sendCreate] },
				output: { postReceive: [unwrapRecord] },
			},
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a ticket',
			description: 'Delete a ticket for good',
			routing: {
				request: { method: 'DELETE', url: '/tickets' },
				send: { preSend: [sendPathId('ticketId', 'Ticket', '/tickets/{id}')] },
				output: { postReceive: [deletedTicket] },
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a ticket',
			routing: readRouting({ method: 'GET', url: '/tickets' }, { preSend: [sendPathId('ticketId', 'Ticket', '/tickets/{id}')], postReceive: [unwrapRecord, shapeTickets] }),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tickets',
			description: 'List tickets, optionally filtered',
			routing: {
				request: { method: 'GET', url: '/tickets' },
				send: { paginate: true, preSend: [checkLimit, sendFilters] },
				operations: { pagination: ticketPages },
				output: { postReceive: [unwrapPage, shapeTickets] },
			},
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a ticket',
			description: 'Change fields of a ticket (only the fields you add are sent)',
			routing: {
				request: { method: 'PATCH', url: '/tickets' },
				send: { preSend: [sendPathId('ticketId', 'Ticket', '/tickets/{id}'), sendUpdate] },
				output: { postReceive: [unwrapRecord] },
			},
		},
		{
			name: 'Update Status',
			value: 'updateStatus',
			action: 'Update the status of a ticket',
			routing: {
				request: { method: 'PATCH', url: '/tickets' },
				send: { preSend: [sendPathId('ticketId', 'Ticket', '/tickets/{id}/status'), sendStatus] },
				output: { postReceive: [unwrapRecord] },
			},
		},
	]),
	ticketLocator(forOne),
	...outputProperties({ resource: ['ticket'], operation: ['get', 'getAll'] }, '5chat', 'ticket', { rawAtVersion1: true }),
	...returnAllAndLimit(show('getAll')),
	parallelPagesLegacyProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: show('getAll') },
		options: [
			{ displayName: 'Assignee ID', name: 'assigneeId', type: 'string', default: '', description: 'Only tickets assigned to this user' },
			{ ...priorityField, description: 'Only tickets of this priority. Other values can be given with an expression.' },
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only tickets whose text contains this',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: ticketStatuses,
				default: 'NEW',
				description: 'Only tickets in this status. Other values can be given with an expression.',
			},
			{ displayName: 'Visitor ID', name: 'visitorId', type: 'string', default: '', description: 'Only tickets of this visitor' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { ...show('getAll'), returnAll: [true] } },
		options: [parallelPagesOption],
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: show('create') },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: show('create') },
		options: ticketFields,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: show('update') },
		options: [
			{ displayName: 'Assignee ID', name: 'assigneeId', type: 'string', default: '', description: 'The user the ticket is assigned to' },
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			priorityField,
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: ticketStatuses,
		default: 'PENDING',
		description: 'The new status. Other values can be given with an expression.',
		displayOptions: { show: show('updateStatus') },
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		required: true,
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: { show: show('addMessage') },
	},
	{
		displayName: 'Message Fields',
		name: 'messageFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: show('addMessage') },
		// The body of 5chat's "Add message to ticket" page, field for field.
		options: [
			{ displayName: 'Author ID', name: 'authorId', type: 'string', default: '', description: 'The user who wrote the message' },
			{ displayName: 'Email Message ID', name: 'emailMessageId', type: 'string', default: '', placeholder: '<abc123@mail.example.com>', description: 'The Message-ID header of the e-mail this message is' },
			{ displayName: 'From Email', name: 'isFromEmail', type: 'boolean', default: true, description: 'Whether the message came in by e-mail' },
			{ displayName: 'In Reply To', name: 'inReplyTo', type: 'string', default: '', description: 'The Message-ID of the e-mail this one answers' },
			{
				displayName: 'Message Type',
				name: 'messageType',
				type: 'options',
				options: [{ name: 'Email', value: 'EMAIL' }],
				default: 'EMAIL',
				description: 'The kind of message. EMAIL is the only value 5chat’s documentation shows; others can be given with an expression.',
			},
			{ displayName: 'References', name: 'references', type: 'string', default: '', description: 'The References header of the e-mail (Message-IDs of the thread)' },
			{ displayName: 'Sender Email', name: 'senderEmail', type: 'string', placeholder: 'name@email.com', default: '', description: 'Who sent the message' },
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '', description: 'The e-mail subject' },
		],
	},
];
