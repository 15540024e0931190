import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { field, idParameter, only, operation, requiredBody } from '../../helpers/descriptions';

const group = 'customerGroup';
const colourFields = [
	field('Background Color', 'bgColor', 'bg_color', 'body', { placeholder: '0000FF', description: 'Hex colour of the background, without #' }),
	field('Color', 'color', 'color', 'body', { placeholder: 'FFFFFF', description: 'Hex colour of the name, without #' }),
];

export const customerGroupDescription: INodeProperties[] = [
	operationSelector(group, 'getAll', [
		operation({ name: 'Create', value: 'create', action: 'Create a customer group', description: 'Add a customer group', method: 'POST', url: '/customersgroups' }),
		operation({ name: 'Delete', value: 'delete', action: 'Delete a customer group', description: 'Delete a customer group', method: 'DELETE', url: '/customersgroups/{id}' }),
		operation({ name: 'Get', value: 'get', action: 'Get a customer group', description: 'Get a customer group', method: 'GET', url: '/customersgroups/{id}' }),
		operation({ name: 'Get Many', value: 'getAll', action: 'Get many customer groups', description: 'Get every customer group', method: 'GET', url: '/customersgroups', listKey: 'groups' }),
		operation({ name: 'Update', value: 'update', action: 'Update a customer group', description: 'Change a customer group', method: 'PUT', url: '/customersgroups/{id}' }),
	]),
	idParameter(only(group, 'delete', 'get', 'update'), 'groupId', 'Group ID', 'The customer group’s ID', 'sh3j'),
	...returnAllAndLimit(only(group, 'getAll')),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: only(group, 'create') },
		routing: { send: { preSend: [requiredBody('name', 'Name', 'name')] } },
	},
	{
		displayName: 'Options',
		name: 'groupOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: only(group, 'create') },
		options: colourFields,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: only(group, 'update') },
		options: [...colourFields, field('Name', 'name', 'name', 'body')],
	},
];
