import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, returnAllAndLimit } from '../../../shared/descriptions';
import type { BodyField } from '../../helpers/descriptions';
import { idParameter, list, read, sendBody, write } from '../../helpers/descriptions';
import { rawFiltersParameter, sendListQuery, sortOptions } from '../../helpers/filters';

const show = (...operation: string[]) => ({ resource: ['cannedMessage'], operation });

/** CannedMessage's fields besides the text (client models/canned_message.py). */
const FIELDS: BodyField[] = [
	{ name: 'department', property: 'departmentid', label: 'Department Name or ID' },
	{ name: 'keywords', property: 'keywords', label: 'Keywords' },
	{ name: 'userId', property: 'userid', label: 'Agent ID' },
];
const TEXT: BodyField = { name: 'messageText', property: 'messagetext', label: 'Message Text' };

const fieldOptions: INodeProperties[] = [
	{ displayName: 'Agent ID', name: 'userId', type: 'string', default: '', description: 'The agent whose canned message it is; the account’s when empty' },
	{ displayName: 'Department Name or ID', name: 'department', type: 'options', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>', typeOptions: { loadOptionsMethod: 'getDepartments' }, default: '' },
	{ displayName: 'Keywords', name: 'keywords', type: 'string', default: '', description: 'Words that find the message in the agent panel' },
];

/** CannedMessagesApi (client liveagent_api/api/canned_messages_api.py). */
export const cannedMessageDescription: INodeProperties[] = [
	operationSelector('cannedMessage', 'getAll', [
		{ name: 'Create', value: 'create', action: 'Create a canned message', description: 'Create a canned message (CannedMessagesApi.create_canned_message)', routing: write({ method: 'POST', url: '/canned_messages' }, [sendBody('additionalFields', 'Additional Fields', FIELDS, { required: [TEXT] })]) },
		{ name: 'Delete', value: 'delete', action: 'Delete a canned message', description: 'Delete a canned message (CannedMessagesApi.delete_canned_message)', routing: write({ method: 'DELETE', url: '/canned_messages/{id}' }) },
		{ name: 'Get', value: 'get', action: 'Get a canned message', description: 'Get a canned message by ID (CannedMessagesApi.get_canned_message)', routing: read({ method: 'GET', url: '/canned_messages/{id}' }) },
		{ name: 'Get Many', value: 'getAll', action: 'Get many canned messages', description: 'List canned messages, page by page (CannedMessagesApi.get_canned_messages_list)', routing: list('/canned_messages', [sendListQuery([])]) },
		{
			name: 'Update',
			value: 'update',
			action: 'Update a canned message',
			description: 'Change the text, keywords, department or agent of a canned message (CannedMessagesApi.update_canned_message)',
			routing: write({ method: 'PUT', url: '/canned_messages/{id}' }, [sendBody('updateFields', 'Update Fields', [TEXT, ...FIELDS], { atLeastOne: true })]),
		},
	]),
	idParameter(show('delete', 'get', 'update'), 'cannedMessageId', 'Canned Message ID', 'cm001'),
	{ displayName: 'Message Text', name: 'messageText', type: 'string', typeOptions: { rows: 3 }, required: true, default: '', displayOptions: { show: show('create') } },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show: show('create') }, options: fieldOptions },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: show('update') },
		options: [{ displayName: 'Message Text', name: 'messageText', type: 'string', typeOptions: { rows: 3 }, default: '' }, ...fieldOptions],
	},
	...returnAllAndLimit(show('getAll')),
	rawFiltersParameter(show('getAll'), 'id, userid, departmentid, messagetext, keywords'),
	sortOptions(show('getAll'), 'messagetext'),
];
