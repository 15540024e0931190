import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireText } from '../../../shared/validate';
import { sentSmsItem } from '../../helpers/output';
import { operationSelector } from '../../../shared/descriptions';

const showOnlyForSmsSend = { resource: ['sms'], operation: ['send'] };

const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;

function phone(this: IExecuteSingleFunctions, parameter: string, label: string): string {
	const value = requireText.call(this, parameter, label);
	if (!PHONE.test(value)) {
		throw new NodeOperationError(this.getNode(), `${label} is not a phone number: "${value}"`, {
			description: 'Use digits with an optional leading +, such as +15555550100.',
			itemIndex: this.getItemIndex(),
		});
	}
	return value;
}

/**
 * preSend: every field is checked before anything is sent, then sent as JSON, as Alive5's own n8n
 * node and Pipedream send it (the unofficial docs use multipart form fields; no source a form
 * URL-encoded).
 */
async function sendSmsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.body = {
		channel_id: requireText.call(this, 'channelId', 'Channel'),
		user_id: requireText.call(this, 'userId', 'Agent'),
		phone_number_from: phone.call(this, 'phoneNumberFrom', 'From (Alive5 Number)'),
		phone_number_to: phone.call(this, 'phoneNumberTo', 'To (Customer Number)'),
		message: requireText.call(this, 'message', 'Message'),
	};
	requestOptions.json = true;
	requestOptions.headers = { ...requestOptions.headers, 'Content-Type': 'application/json' };
	return requestOptions;
}

export const smsDescription: INodeProperties[] = [
	operationSelector('sms', 'send', [
		{
			name: 'Send',
			value: 'send',
			action: 'Send an SMS',
			description: 'Send one SMS from an Alive5 number to a customer (never sent twice automatically)',
			// No pagination function: a send that may have reached Alive5 is never repeated.
			routing: {
				request: { method: 'POST', url: '/conversations/sms/send' },
				send: { preSend: [sendSmsBody] },
				output: { postReceive: [sentSmsItem] },
			},
		},
	]),
	{
		displayName: 'Channel Name or ID',
		name: 'channelId',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getChannels' },
		displayOptions: { show: showOnlyForSmsSend },
		description:
			'The channel the SMS is sent in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Agent Name or ID',
		name: 'userId',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getAgents', loadOptionsDependsOn: ['channelId'] },
		displayOptions: { show: showOnlyForSmsSend },
		description:
			'The agent (user) of the chosen channel who sends the SMS. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'From (Alive5 Number) Name or ID',
		name: 'phoneNumberFrom',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
		displayOptions: { show: showOnlyForSmsSend },
		description:
			'The Alive5 SMS number to send from. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'To (Customer Number)',
		name: 'phoneNumberTo',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+15555550100',
		displayOptions: { show: showOnlyForSmsSend },
		description: 'The customer’s mobile number',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		displayOptions: { show: showOnlyForSmsSend },
		description: 'Text of the SMS',
	},
];
