import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { readRouting } from '../../../shared/retry';
import { requireText, sendPathId } from '../../../shared/validate';
import { ticketPriorities } from '../../helpers/descriptions';
import { checkEmail, compact, fail, readJsonObject, setBody } from '../../helpers/preSend';
import { unwrapRecord } from '../../helpers/output';
import { operationSelector } from '../../../shared/descriptions';

const forToken = { resource: ['visitor'], operation: ['get', 'updateContext'] };
const forUpdate = { resource: ['visitor'], operation: ['updateContext'] };
const forOpenTicket = { resource: ['visitor'], operation: ['openTicket'] };

async function sendContext(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const name = this.getNodeParameter('name', '') as string;
	const context = readJsonObject.call(this, 'context', 'Context');
	const body = compact({ name, context });
	if (Object.keys(body).length === 0) fail.call(this, 'Set Name or Context: there is nothing to update');
	return setBody(requestOptions, body);
}

/**
 * preSend for POST /internal/visitors/tickets (5chat's newest index): the visitor is named by the
 * `x-visitor-id` header, which 5chat answers 400 without. The body is taken to be the one of
 * POST /tickets, which the page does not spell out (README: unsure).
 */
async function sendVisitorTicket(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const visitorId = requireText.call(this, 'visitorId', 'Visitor ID');
	const title = requireText.call(this, 'title', 'Title');
	const fields = compact(this.getNodeParameter('ticketFields', {}) as IDataObject);
	checkEmail.call(this, fields.email, 'Ticket Fields → Email');
	const { conversation, ...rest } = fields;
	requestOptions.headers = { ...requestOptions.headers, 'x-visitor-id': visitorId };
	return setBody(requestOptions, compact({ ...rest, title, conversationToken: conversation }));
}

export const visitorDescription: INodeProperties[] = [
	operationSelector('visitor', 'get', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a visitor',
			description: 'Get a visitor of the website by token',
			routing: readRouting({ method: 'GET', url: '/visitors' }, { preSend: [sendPathId('visitor', 'Visitor Token', '/visitors/{id}')], postReceive: [unwrapRecord] }),
		},
		{
			name: 'Update Context',
			value: 'updateContext',
			action: 'Update the context of a visitor',
			description: 'Set the visitor’s name and context data (5chat removes geolocation data)',
			routing: {
				request: { method: 'PATCH', url: '/visitors' },
				send: {
					preSend: [sendPathId('visitor', 'Visitor Token', '/visitors/{id}/context'), sendContext],
				},
				output: { postReceive: [unwrapRecord] },
			},
		},
		{
			name: 'Open Ticket',
			value: 'openTicket',
			action: 'Open a ticket as a visitor',
			description: 'Open a ticket on behalf of a visitor, who is named by their visitor ID',
			routing: {
				// Never retried: a repeated request would open a second ticket.
				request: { method: 'POST', url: '/internal/visitors/tickets' },
				send: { preSend: [sendVisitorTicket] },
				output: { postReceive: [unwrapRecord] },
			},
		},
	]),
	{
		displayName: 'Visitor Token',
		name: 'visitor',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'v_3b1c6e',
		displayOptions: { show: forToken },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'The visitor’s name; empty leaves it unchanged',
		displayOptions: { show: forUpdate },
	},
	{
		displayName: 'Context',
		name: 'context',
		type: 'json',
		default: '',
		placeholder: '{"plan": "gold", "orders": 3}',
		description: 'Data about the visitor that agents see beside the chat; geolocation keys are removed by 5chat',
		displayOptions: { show: forUpdate },
	},
	{
		displayName: 'Visitor ID',
		name: 'visitorId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'vis_0001',
		description: 'The visitor’s ID, sent as the X-Visitor-ID header',
		displayOptions: { show: forOpenTicket },
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: forOpenTicket },
	},
	{
		displayName: 'Ticket Fields',
		name: 'ticketFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: forOpenTicket },
		options: [
			{ displayName: 'Conversation Token', name: 'conversation', type: 'string', default: '', description: 'The conversation the ticket comes from' },
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Where replies to the ticket go' },
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				options: ticketPriorities,
				default: 'MEDIUM',
				description: 'Other values can be given with an expression',
			},
		],
	},
];
