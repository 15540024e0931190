import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import type { Show } from '../../../shared/descriptions';
import { idField, operationSelector, outputProperties, returnAllAndLimit } from '../../../shared/descriptions';
import { pathSegment, readDate, requireText, sendPathId } from '../../../shared/validate';
import { accountZone, LIVEAGENT_FORMAT } from '../../../LiveAgent/helpers/dates';
import { customFieldsOption, fail, idList, optionalSwitch, read, readCustomFields, write } from '../../helpers/descriptions';
import { rawFiltersParameter, sendListQuery, sortOptions } from '../../helpers/filters';
import { v3Items } from '../../helpers/output';
import { v3CursorPages, v3Pages } from '../../helpers/paging';
import { shapeTickets } from '../../helpers/transcript';
import { CONVERSATION_STATUSES } from '../../../LiveAgent/helpers/descriptions';

const show = (...operation: string[]): Show => ({ resource: ['ticket'], operation });

/**
 * Ticket statuses (client models/ticket.py, `status`) are the letters v1's conversations use
 * (LiveAgent's v1 reference), so v1's list serves both.
 */
const STATUSES = CONVERSATION_STATUSES;

const TICKET_COLUMNS = 'id, code, status, departmentid, agentid, owner_email, subject, tags, channel_type, date_created, date_changed';

/** The Y/N switches of TicketListItem (models/ticket_list_item.py: do_not_send_mail, use_template, is_html_message). */
function yesNo(context: IExecuteSingleFunctions, parameter: string, label: string): 'Y' | 'N' | undefined {
	const value = optionalSwitch(context, parameter, label);
	return value === undefined ? undefined : value ? 'Y' : 'N';
}

/** preSend of Create: TicketListItem (client models/ticket_list_item.py), the required fields checked first. */
async function sendNewTicket(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: IDataObject = {
		subject: requireText.call(this, 'subject', 'Subject'),
		message: requireText.call(this, 'message', 'Message'),
		useridentifier: requireText.call(this, 'author', 'Author'),
		departmentid: requireText.call(this, 'department', 'Department Name or ID'),
		recipient: requireText.call(this, 'recipient', 'Recipient'),
	};
	const extra = this.getNodeParameter('additionalFields', {}) as IDataObject;
	for (const [name, property] of [['recipientName', 'recipient_name'], ['carbonCopies', 'carbon_copies'], ['blindCarbonCopies', 'blind_carbon_copies'], ['status', 'status']] as const) {
		const value = String(extra[name] ?? '').trim();
		if (value) body[property] = value;
	}
	const tags = idList(extra.tags);
	if (tags.length) body.tags = tags;
	// TicketListItem's custom_fields: list[CustomFields] (models/custom_fields.py)
	if (extra.customFields !== undefined) body.custom_fields = readCustomFields(this, extra.customFields, 'Additional Fields → Custom Fields');
	for (const [name, property, label] of [
		['doNotSendMail', 'do_not_send_mail', 'Do Not Send Mail'],
		['isHtmlMessage', 'is_html_message', 'HTML Message'],
		['useTemplate', 'use_template', 'Use Template'],
	] as const) {
		const value = yesNo(this, `additionalFields.${name}`, `Additional Fields → ${label}`);
		if (value) body[property] = value;
	}
	requestOptions.body = body;
	return requestOptions;
}

/** preSend of Update: TicketUpdatable (client models/ticket_updatable.py); at least one field. */
async function sendTicketUpdate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body: IDataObject = {};
	for (const [name, property] of [['subject', 'subject'], ['status', 'status'], ['department', 'departmentid'], ['agent', 'agentid'], ['ownerContactId', 'owner_contactid']] as const) {
		if (fields[name] === undefined) continue;
		const value = String(fields[name] ?? '').trim();
		// an emptied agent unassigns the ticket; every other field needs a value
		if (value === '' && name !== 'agent') fail(this, `Update Fields → ${name === 'ownerContactId' ? 'Owner Contact ID' : name[0].toUpperCase() + name.slice(1)} is empty`);
		body[property] = value;
	}
	if (fields.tags !== undefined) body.tags = idList(fields.tags);
	// TicketUpdatable's custom_fields: list[CustomFields] (models/custom_fields.py)
	if (fields.customFields !== undefined) body.custom_fields = readCustomFields(this, fields.customFields, 'Update Fields → Custom Fields');
	if (Object.keys(body).length === 0) fail(this, 'Update Fields needs at least one field to change');
	requestOptions.body = body;
	return requestOptions;
}

/** preSend of Set Attribute: the value as a form field, as the client sends it (set_ticket_attribute: application/x-www-form-urlencoded). */
async function sendAttribute(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const value = String(this.getNodeParameter('attributeValue', '') ?? '');
	requestOptions.body = new URLSearchParams({ value }).toString();
	requestOptions.headers = { ...requestOptions.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
	requestOptions.json = false;
	return requestOptions;
}

/** preSend of Postpone: TicketPostpone {date_time} (models/ticket_postpone.py), the account's wall clock. */
async function sendPostpone(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const date = readDate.call(this, 'postponeUntil', 'Postpone Until');
	if (!date) fail(this, 'Postpone Until is required');
	let zone: string;
	try {
		zone = accountZone(await this.getCredentials('liveAgentV3Api'));
	} catch (error) {
		fail(this, (error as Error).message);
	}
	requestOptions.body = { date_time: date.setZone(zone).toFormat(LIVEAGENT_FORMAT) };
	return requestOptions;
}

/** preSend: the attribute's name as the second path step, escaped. */
async function sendAttributeName(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	requestOptions.url = String(requestOptions.url).replace('{name}', pathSegment.call(this, 'attributeName', 'Attribute Name'));
	return requestOptions;
}

/** preSend of Get Messages: includeQuotedMessages (get_ticket_message_groups' include_quoted_messages). */
async function sendMessageOptions(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const quoted = optionalSwitch(this, 'messageOptions.includeQuotedMessages', 'Options → Include Quoted Messages');
	if (quoted !== undefined) requestOptions.qs = { ...requestOptions.qs, includeQuotedMessages: quoted };
	return requestOptions;
}

/** Get Messages, by Output: one item per message (with its group's fields beside it), or per group. */
async function shapeMessages(this: IExecuteSingleFunctions, items: Array<{ json: IDataObject }>) {
	if (this.getNodeParameter('output', 'messages') === 'groups') return items;
	return items.flatMap((item) =>
		(Array.isArray(item.json.messages) ? (item.json.messages as IDataObject[]) : []).map((message) => ({
			json: { ...message, group_id: item.json.id, group_type: item.json.type, group_status: item.json.status, user_full_name: item.json.user_full_name },
		})),
	);
}

/** The friendly Filters of Get Many, as `[column, operator, value]` on Ticket's columns (models/ticket.py). */
const sendTicketQuery = sendListQuery([
	{ name: 'agent', label: 'Agent', column: 'agentid', operator: '=' },
	{ name: 'channelType', label: 'Channel Type', column: 'channel_type', operator: '=' },
	{ name: 'changedSince', label: 'Changed Since', column: 'date_changed', operator: '>=', date: true },
	{ name: 'createdSince', label: 'Created Since', column: 'date_created', operator: '>=', date: true },
	{ name: 'department', label: 'Department', column: 'departmentid', operator: '=' },
	{ name: 'ownerEmail', label: 'Owner Email', column: 'owner_email', operator: '=' },
	{ name: 'status', label: 'Status', column: 'status', operator: '=' },
	{ name: 'subject', label: 'Subject Contains', column: 'subject', operator: 'like' },
	{ name: 'tag', label: 'Tag', column: 'tags', operator: '=' },
]);

/** History lists take the raw filters and sort only (TicketHistory, models/ticket_history.py). */
const sendHistoryQuery = sendListQuery([]);

const WITH_ID = ['delete', 'get', 'getAttribute', 'getHistory', 'getMessages', 'getSla', 'postpone', 'setAttribute', 'update'];

export const ticketDescription: INodeProperties[] = [
	operationSelector('ticket', 'getAll', [
		{
			name: 'Count History',
			value: 'countHistory',
			action: 'Count ticket history rows',
			description: 'Count the history rows of every ticket that match the filters (TicketsApi.get_ticket_history_count)',
			routing: read({ method: 'GET', url: '/tickets/history/count' }, { send: { paginate: true, preSend: [sendHistoryQuery] } }),
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a ticket',
			description: 'Open a ticket with its first message (TicketsApi.create_ticket)',
			routing: { ...write({ method: 'POST', url: '/tickets' }), send: { preSend: [sendNewTicket] } },
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a ticket',
			description: 'Delete a ticket (TicketsApi.delete_ticket)',
			routing: write({ method: 'DELETE', url: '/tickets/{id}' }),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a ticket',
			description: 'Get a ticket, or its normalized transcript (TicketsApi.get_ticket)',
			routing: { ...read({ method: 'GET', url: '/tickets/{id}' }), output: { postReceive: [v3Items, shapeTickets] } },
		},
		{
			name: 'Get Attribute',
			value: 'getAttribute',
			action: 'Get a ticket attribute',
			description: 'Get one attribute of a ticket by its name (TicketsApi.get_ticket_attribute)',
			routing: read({ method: 'GET', url: '/tickets/{id}/attributes/{name}' }),
		},
		{
			name: 'Get History',
			value: 'getHistory',
			action: 'Get the history of a ticket',
			description: 'The departments, agents and statuses a ticket went through (TicketsApi.get_ticket_history_0)',
			routing: read({ method: 'GET', url: '/tickets/{id}/history' }),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tickets',
			description: 'List tickets, filtered and sorted, page by page (TicketsApi.get_tickets_list)',
			routing: {
				request: { method: 'GET', url: '/tickets' },
				send: { paginate: true, preSend: [sendTicketQuery] },
				operations: { pagination: v3Pages },
				output: { postReceive: [v3Items, shapeTickets] },
			},
		},
		{
			name: 'Get Many History',
			value: 'getAllHistory',
			action: 'Get the history of many tickets',
			description: 'History rows of every ticket, filtered, page by page by cursor (TicketsApi.get_ticket_history)',
			routing: {
				request: { method: 'GET', url: '/tickets/history' },
				send: { paginate: true, preSend: [sendHistoryQuery] },
				operations: { pagination: v3CursorPages },
				output: { postReceive: [v3Items] },
			},
		},
		{
			name: 'Get Messages',
			value: 'getMessages',
			action: 'Get the messages of a ticket',
			description: 'The messages of a ticket, or their groups, page by page (TicketsApi.get_ticket_message_groups)',
			routing: {
				request: { method: 'GET', url: '/tickets/{id}/messages' },
				send: { paginate: true, preSend: [sendMessageOptions] },
				operations: { pagination: v3Pages },
				output: { postReceive: [v3Items, shapeMessages] },
			},
		},
		{
			name: 'Get SLA',
			value: 'getSla',
			action: 'Get the SLA of a ticket',
			description: 'The SLA level and its due times for a ticket (TicketsApi.get_ticket_sla)',
			routing: read({ method: 'GET', url: '/tickets/{id}/sla' }),
		},
		{
			name: 'Postpone',
			value: 'postpone',
			action: 'Postpone a ticket',
			description: 'Postpone a ticket until a date (TicketsApi.set_ticket_postpone)',
			routing: { ...write({ method: 'PUT', url: '/tickets/{id}/postpone' }), send: { preSend: [sendPostpone] } },
		},
		{
			name: 'Set Attribute',
			value: 'setAttribute',
			action: 'Set a ticket attribute',
			description: 'Set one attribute of a ticket (TicketsApi.set_ticket_attribute)',
			routing: { ...write({ method: 'PUT', url: '/tickets/{id}/attributes/{name}' }), send: { preSend: [sendAttribute] } },
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a ticket',
			description: 'Change the subject, status, department, agent, owner or tags of a ticket (TicketsApi.update_ticket)',
			routing: { ...write({ method: 'PUT', url: '/tickets/{id}' }), send: { preSend: [sendTicketUpdate] } },
		},
	]),
	{
		...idField('Ticket ID', 'ticketId', show(...WITH_ID), 't00001', 'The ticket’s ID or code'),
		routing: { send: { preSend: [sendPathId('ticketId', 'Ticket ID')] } },
	},
	{
		displayName: 'Attribute Name',
		name: 'attributeName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: show('getAttribute', 'setAttribute') },
		routing: { send: { preSend: [sendAttributeName] } },
	},
	{
		displayName: 'Value',
		name: 'attributeValue',
		type: 'string',
		default: '',
		displayOptions: { show: show('setAttribute') },
		description: 'The attribute’s new value (empty clears it)',
	},
	{
		displayName: 'Postpone Until',
		name: 'postponeUntil',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: show('postpone') },
		description: 'When the ticket comes back; without an offset it is read in the workflow’s time zone',
	},

	// Create
	{ displayName: 'Subject', name: 'subject', type: 'string', required: true, default: '', displayOptions: { show: show('create') } },
	{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 4 }, required: true, default: '', displayOptions: { show: show('create') }, description: 'The ticket’s first message' },
	{
		displayName: 'Author',
		name: 'author',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'agent@example.com',
		displayOptions: { show: show('create') },
		description: 'Who writes the first message: an agent’s or a customer’s email or ID (useridentifier)',
	},
	{
		displayName: 'Department Name or ID',
		name: 'department',
		type: 'options',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		typeOptions: { loadOptionsMethod: 'getDepartments' },
		required: true,
		default: '',
		displayOptions: { show: show('create') },
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'customer@example.com',
		displayOptions: { show: show('create') },
		description: 'The email the ticket is with: its owner when a new customer',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: show('create') },
		options: [
			{ displayName: 'Blind Carbon Copies', name: 'blindCarbonCopies', type: 'string', default: '', description: 'Emails separated by commas' },
			{ displayName: 'Carbon Copies', name: 'carbonCopies', type: 'string', default: '', description: 'Emails separated by commas' },
			customFieldsOption,
			{ displayName: 'Do Not Send Mail', name: 'doNotSendMail', type: 'boolean', default: false, description: 'Whether to open the ticket without mailing the recipient' },
			{ displayName: 'HTML Message', name: 'isHtmlMessage', type: 'boolean', default: false, description: 'Whether the message is HTML' },
			{ displayName: 'Recipient Name', name: 'recipientName', type: 'string', default: '' },
			{ displayName: 'Status', name: 'status', type: 'options', default: 'N', options: STATUSES.filter((status) => status.value !== 'I') },
			{ displayName: 'Tag Names or IDs', name: 'tags', type: 'multiOptions', description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>', typeOptions: { loadOptionsMethod: 'getTags' }, default: [] },
			{ displayName: 'Use Template', name: 'useTemplate', type: 'boolean', default: false, description: 'Whether to wrap the message in the department’s mail template' },
		],
	},

	// Update
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: show('update') },
		options: [
			{ displayName: 'Agent Name or ID', name: 'agent', type: 'options', typeOptions: { loadOptionsMethod: 'getAgents' }, default: '', description: 'The assigned agent; empty unassigns. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
			customFieldsOption,
			{ displayName: 'Department Name or ID', name: 'department', type: 'options', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>', typeOptions: { loadOptionsMethod: 'getDepartments' }, default: '' },
			{ displayName: 'Owner Contact ID', name: 'ownerContactId', type: 'string', default: '', description: 'The contact who owns the ticket' },
			{ displayName: 'Status', name: 'status', type: 'options', default: 'R', options: STATUSES },
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
			{
				displayName: 'Tag Names or IDs',
				name: 'tags',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTags' },
				default: [],
				description: 'The ticket’s tags, replacing those it has (v3 has no call that adds or removes one tag). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},

	// Get Many
	...returnAllAndLimit(show('getAll', 'getAllHistory', 'getMessages')),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: show('getAll') },
		options: [
			{ displayName: 'Agent Name or ID', name: 'agent', type: 'options', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>', typeOptions: { loadOptionsMethod: 'getAgents' }, default: '' },
			{ displayName: 'Changed Since', name: 'changedSince', type: 'dateTime', default: '', description: 'Tickets changed on or after this time' },
			{ displayName: 'Channel Type', name: 'channelType', type: 'string', default: '', placeholder: 'E', description: 'The one-letter channel of the ticket (channel_type)' },
			{ displayName: 'Created Since', name: 'createdSince', type: 'dateTime', default: '', description: 'Tickets created on or after this time' },
			{ displayName: 'Department Name or ID', name: 'department', type: 'options', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>', typeOptions: { loadOptionsMethod: 'getDepartments' }, default: '' },
			{ displayName: 'Owner Email', name: 'ownerEmail', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Status', name: 'status', type: 'options', default: 'N', options: STATUSES },
			{ displayName: 'Subject Contains', name: 'subject', type: 'string', default: '' },
			{ displayName: 'Tag Name or ID', name: 'tag', type: 'options', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>', typeOptions: { loadOptionsMethod: 'getTags' }, default: '' },
		],
	},
	rawFiltersParameter(show('getAll'), TICKET_COLUMNS),
	sortOptions(show('getAll'), 'date_created or date_changed'),
	...outputProperties(show('get', 'getAll'), 'LiveAgent', 'ticket', { transcript: true }),

	// Get Many History and Count History: raw filters and sort only (TicketHistory, models/ticket_history.py)
	rawFiltersParameter(show('getAllHistory', 'countHistory'), 'conversation_id, department_id, agent_id, status, date_from, date_to'),
	sortOptions(show('getAllHistory'), 'date_from'),

	// Get Messages
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'messages',
		displayOptions: { show: show('getMessages') },
		options: [
			{ name: 'Messages', value: 'messages', description: 'One item per message, with its group’s ID, type and status' },
			{ name: 'Message Groups', value: 'groups', description: 'The groups as LiveAgent returns them' },
		],
	},
	{
		displayName: 'Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('getMessages') },
		options: [{ displayName: 'Include Quoted Messages', name: 'includeQuotedMessages', type: 'boolean', default: false, description: 'Whether to include the quoted text of mail replies' }],
	},
];
