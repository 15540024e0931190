import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { outputProperties, returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { parallelPagesLegacyProperty, parallelPagesOption } from '../../../shared/pagination';
import { readRouting } from '../../../shared/retry';
import { requireText, sendPathId } from '../../../shared/validate';
import { conversationLocator, fiveChatPages, languageOption } from '../../helpers/descriptions';
import { checkLimit, fail, setBody } from '../../helpers/preSend';
import { unwrapPage, unwrapRecord } from '../../helpers/output';
import { shapeConversation } from '../../helpers/transcript';

const forGetAll = { resource: ['conversation'], operation: ['getAll'] };
const forOne = { resource: ['conversation'], operation: ['get', 'getMessages', 'rate'] };
const forRate = { resource: ['conversation'], operation: ['rate'] };

async function sendRating(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const visitorId = requireText.call(this, 'visitorId', 'Visitor ID');
	const rating = this.getNodeParameter('rating', 0) as number;
	if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
		fail.call(this, `Rating must be a whole number from 1 to 5, not ${String(rating)}`);
	}
	const feedback = String(this.getNodeParameter('feedback', '') ?? '').trim();
	requestOptions.headers = { ...requestOptions.headers, 'x-visitor-id': visitorId };
	return setBody(requestOptions, feedback ? { rating, feedback } : { rating });
}

export const conversationDescription: INodeProperties[] = [
	operationSelector('conversation', 'getAll', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a conversation',
			description: 'Get a conversation with its messages, visitor, agents, summary and tags',
			routing: readRouting({ method: 'GET', url: '/conversations' }, { preSend: [sendPathId('conversation', 'Conversation', '/conversations/{id}')], postReceive: [unwrapRecord, shapeConversation] }),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many conversations',
			description: 'List the conversations of the token’s website',
			routing: {
				request: { method: 'GET', url: '/conversations' },
				send: { paginate: true, preSend: [checkLimit] },
				operations: { pagination: fiveChatPages },
				output: { postReceive: [unwrapPage, shapeConversation] },
			},
		},
		{
			name: 'Get Messages',
			value: 'getMessages',
			action: 'Get the messages of a conversation',
			description: 'Get all messages of a conversation, with the conversation’s details',
			routing: readRouting({ method: 'GET', url: '/conversations' }, { preSend: [sendPathId('conversation', 'Conversation', '/conversations/{id}/messages')], postReceive: [unwrapRecord, shapeConversation] }),
		},
		{
			name: 'Rate',
			value: 'rate',
			action: 'Rate a conversation',
			description: 'Rate a conversation on behalf of its visitor (5chat answers 409 when it is already rated)',
			routing: {
				// Never retried: a rating is written once.
				request: { method: 'POST', url: '/conversations' },
				send: {
					preSend: [sendPathId('conversation', 'Conversation', '/conversations/{id}/rate'), sendRating],
				},
				output: { postReceive: [unwrapRecord] },
			},
		},
	]),
	conversationLocator(forOne),
	...returnAllAndLimit(forGetAll),
	parallelPagesLegacyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['conversation'], operation: ['getAll', 'get', 'getMessages'] } },
		options: [languageOption, { ...parallelPagesOption, displayOptions: { show: { '/operation': ['getAll'], '/returnAll': [true] } } }],
	},
	...outputProperties({ resource: ['conversation'], operation: ['get'] }, '5chat', 'conversation', { transcript: true, rawAtVersion1: true }),
	...outputProperties({ resource: ['conversation'], operation: ['getAll'] }, '5chat', 'conversation', { rawAtVersion1: true }),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'raw',
		displayOptions: { show: { resource: ['conversation'], operation: ['getMessages'] } },
		options: [
			{ name: 'Raw', value: 'raw', description: 'The answer as 5chat returns it' },
			{ name: 'One Item per Message', value: 'messages', description: 'Each message as its own item' },
			{
				name: 'Normalized Transcript',
				value: 'transcript',
				description: 'The transcript shape shared by every vendor in this package',
			},
		],
	},
	{
		displayName: 'Visitor ID',
		name: 'visitorId',
		type: 'string',
		required: true,
		default: '',
		description: 'The visitor’s ID, which 5chat checks against the conversation (sent as a header)',
		displayOptions: { show: forRate },
	},
	{
		displayName: 'Rating',
		name: 'rating',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, maxValue: 5, numberPrecision: 0 },
		default: 5,
		description: 'From 1 (bad) to 5 (good)',
		displayOptions: { show: forRate },
	},
	{
		displayName: 'Feedback',
		name: 'feedback',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'The visitor’s comment',
		displayOptions: { show: forRate },
	},
];
