import { readSwitch } from '../../../shared/validate';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../helpers/params';
import { operationSelector, idField } from '../../../shared/descriptions';
import { ignoreRequesterPresence, operation, visibilityOptions } from '../../helpers/descriptions';

const show = (...operations: string[]) => ({ resource: ['chatUser'], operation: operations });

export const chatUserDescription: INodeProperties[] = [
	operationSelector(
		'chatUser',
		'add',
		[
			operation({
				name: 'Add',
				value: 'add',
				action: 'add_user_to_chat',
				title: 'Add a user to a chat',
				description: 'Add an agent or the customer to an active chat',
				body() {
					const body: IDataObject = {
						chat_id: requireText(this, 'chatId', 'Chat ID'),
						user_id: requireText(this, 'userId', 'User ID'),
						user_type: this.getNodeParameter('userType', 'agent') as string,
						visibility: this.getNodeParameter('visibility', 'all') as string,
					};
					if (readSwitch(this, 'ignoreRequesterPresence', 'Ignore Requester Presence', false)) body.ignore_requester_presence = true;
					return body;
				},
			}),
			operation({
				name: 'Remove',
				value: 'remove',
				action: 'remove_user_from_chat',
				title: 'Remove a user from a chat',
				description: 'Remove an agent from a chat',
				body() {
					const body: IDataObject = {
						chat_id: requireText(this, 'chatId', 'Chat ID'),
						user_id: requireText(this, 'userId', 'User ID'),
						user_type: 'agent',
					};
					if (readSwitch(this, 'ignoreRequesterPresence', 'Ignore Requester Presence', false)) body.ignore_requester_presence = true;
					return body;
				},
			}),
		],
	),
	idField('Chat ID', 'chatId', show('add', 'remove'), 'PW94SJTGW6'),
	idField('User ID', 'userId', show('add', 'remove'), 'smith@example.com', 'An agent’s email or a customer’s ID'),
	{
		displayName: 'User Type',
		name: 'userType',
		type: 'options',
		default: 'agent',
		displayOptions: { show: show('add') },
		options: [
			{ name: 'Agent', value: 'agent' },
			{ name: 'Customer', value: 'customer' },
		],
	},
	{
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		default: 'all',
		displayOptions: { show: show('add') },
		options: visibilityOptions,
		description: 'What the user sees of the chat; a customer must see all',
	},
	{ ...ignoreRequesterPresence, displayOptions: { show: show('add', 'remove') } },
];
