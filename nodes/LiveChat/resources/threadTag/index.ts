import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../helpers/params';
import { operationSelector, idField } from '../../../shared/descriptions';
import { operation } from '../../helpers/descriptions';

const show = (...operations: string[]) => ({ resource: ['threadTag'], operation: operations });

function body(this: IExecuteSingleFunctions) {
	return {
		chat_id: requireText(this, 'chatId', 'Chat ID'),
		thread_id: requireText(this, 'threadId', 'Thread ID'),
		tag: requireText(this, 'tag', 'Tag'),
	};
}

export const threadTagDescription: INodeProperties[] = [
	operationSelector(
		'threadTag',
		'tag',
		[
			operation({ name: 'Tag', value: 'tag', action: 'tag_thread', title: 'Tag a thread', description: 'Add a tag to a thread', body }),
			operation({ name: 'Untag', value: 'untag', action: 'untag_thread', title: 'Untag a thread', description: 'Remove a tag from a thread', body }),
		],
	),
	idField('Chat ID', 'chatId', show('tag', 'untag'), 'PW94SJTGW6'),
	idField('Thread ID', 'threadId', show('tag', 'untag'), 'PWS6GIKAKH'),
	{
		displayName: 'Tag Name or ID',
		name: 'tag',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTags' },
		required: true,
		default: '',
		description:
			'The tag (case sensitive). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: show('tag', 'untag') },
	},
];
