import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { operationSelector, returnAllAndLimit } from '../../../shared/descriptions';
import { singleRead } from '../../../shared/retry';
import { requireText, sendPathId } from '../../../shared/validate';
import { dataItems } from '../../helpers/output';
import { acmePages } from '../../helpers/paging';

const show = (...operation: string[]) => ({ resource: ['ticket'], operation });

/** preSend of Create: the subject is required, checked before any request. */
async function sendTicket(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const subject = requireText.call(this, 'subject', 'Subject');
	const message = String(this.getNodeParameter('message', '') ?? '');
	requestOptions.body = { subject, ...(message ? { message } : {}) };
	return requestOptions;
}

export const ticketDescription: INodeProperties[] = [
	operationSelector('ticket', 'getAll', [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a ticket',
			description: 'Open a new ticket',
			routing: {
				// Never retried: a repeat would open a second ticket.
				request: { method: 'POST', url: '/tickets' },
				send: { preSend: [sendTicket] },
				output: { postReceive: [dataItems] },
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a ticket',
			description: 'Get one ticket by its ID',
			routing: {
				request: { method: 'GET', url: '/tickets/{id}' },
				send: { paginate: true, preSend: [sendPathId('ticketId', 'Ticket ID')] },
				operations: { pagination: singleRead },
				output: { postReceive: [dataItems] },
			},
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tickets',
			description: 'List the tickets of the account, newest first',
			routing: {
				request: { method: 'GET', url: '/tickets' },
				send: { paginate: true },
				operations: { pagination: acmePages },
				output: { postReceive: [dataItems] },
			},
		},
	]),
	{
		displayName: 'Ticket ID',
		name: 'ticketId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: show('get') },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: show('create') },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'The first message of the ticket',
		displayOptions: { show: show('create') },
	},
	...returnAllAndLimit(show('getAll')),
];
