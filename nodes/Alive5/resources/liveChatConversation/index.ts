import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector, outputProperties } from '../../../shared/descriptions';
import { shapeConversations } from '../../helpers/transcript';
import { dateFilters, dateOptions, keepDateRange, LIST_DATES } from '../../helpers/dates';
import { listItems } from '../../helpers/output';
import { paginate, parallelPagesLegacyProperty, parallelPagesOption } from '../../../shared/pagination';
import { liveChatPaging, sendFirstPage } from '../../helpers/paging';

const show = { resource: ['liveChatConversation'], operation: ['getAll'] };

export const liveChatConversationDescription: INodeProperties[] = [
	operationSelector('liveChatConversation', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many live chat conversations',
			description: 'Get the website live chats of a date range with their messages, page by page',
			routing: {
				request: { method: 'GET', url: '/conversations/livechat' },
				send: { paginate: true, preSend: [sendFirstPage] },
				operations: { pagination: paginate(liveChatPaging) },
				output: { postReceive: [listItems, keepDateRange, shapeConversations('web')] },
			},
		},
	]),
	...returnAllAndLimit(show),
	parallelPagesLegacyProperty,
	dateFilters(show, 'live chats'),
	dateOptions(show, 'filters', LIST_DATES, [
		{
			displayName: 'First Page Number',
			name: 'firstPage',
			type: 'options',
			options: [
				{ name: '1 (Documented)', value: 1 },
				{ name: '0 (Zero-Based)', value: 0 },
			],
			default: 1,
			description:
				'The number of the first page. The docs count from 1; an unofficial source says 0 — choose 0 if the first chats are missing.',
		},
		parallelPagesOption,
	]),
	...outputProperties(show, 'Alive5', 'conversation', { transcript: true, simplified: 'Main fields and a message count, without the messages' }),
];
