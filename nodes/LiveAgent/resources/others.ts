import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import { sendDates } from '../helpers/dates';
import {
	customFieldsParameter,
	field,
	GENDERS,
	idParameter,
	operation,
	requiredBody,
} from '../helpers/descriptions';
import { customerPages } from '../helpers/routing';

const only = (resource: string, ...operations: string[]) => ({ resource: [resource], operation: operations });

function operationSelector(resource: string, defaultValue: string, options: INodeProperties['options']): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultValue,
		options,
	};
}

export const agentDescription: INodeProperties[] = [
	operationSelector('agent', 'get', [
		operation({ name: 'Get', value: 'get', action: 'Get an agent', description: 'Get an agent’s details and auth token', method: 'GET', url: '/agents/{id}' }),
	]),
	idParameter(only('agent', 'get'), 'agentId', 'Agent', 'The agent’s email or userid', 'agent@example.com'),
];

export const applicationDescription: INodeProperties[] = [
	operationSelector('application', 'getStatus', [
		operation({ name: 'Get Status', value: 'getStatus', action: 'Get the application status', description: 'Get the installation date and the latest versions', method: 'GET', url: '/application/status' }),
	]),
];

const customer = 'customer';
const CUSTOMER_WITH_ID = ['addCustomFields', 'addToGroup', 'deleteCustomField', 'get', 'getGroups', 'removeFromGroup'];

export const customerDescription: INodeProperties[] = [
	operationSelector(customer, 'getAll', [
		operation({ name: 'Add Custom Fields', value: 'addCustomFields', action: 'Add custom field values to a customer', description: 'Add custom field values (a field can be added more than once)', method: 'POST', url: '/customers/{id}/fields' }),
		operation({ name: 'Add to Group', value: 'addToGroup', action: 'Add a customer to a group', description: 'Add a customer to a customer group', method: 'POST', url: '/customers/{id}/groups' }),
		operation({ name: 'Delete Custom Field', value: 'deleteCustomField', action: 'Delete custom field values of a customer', description: 'Delete one custom field, or all of them', method: 'DELETE', url: '/customers/{id}/fields' }),
		operation({ name: 'Get', value: 'get', action: 'Get a customer', description: 'Get a customer with custom fields', method: 'GET', url: '/customers/{id}' }),
		operation({ name: 'Get Groups', value: 'getGroups', action: 'Get the groups of a customer', description: 'Get the groups a customer belongs to', method: 'GET', url: '/customers/{id}/groups', listKey: 'groups' }),
		operation({ name: 'Get Many', value: 'getAll', action: 'Get many customers', description: 'Get customers, page by page', method: 'GET', url: '/customers', listKey: 'customers', pagination: customerPages }),
		operation({ name: 'Register', value: 'register', action: 'Register a customer', description: 'Register a new customer', method: 'POST', url: '/customers' }),
		operation({ name: 'Remove From Group', value: 'removeFromGroup', action: 'Remove a customer from a group', description: 'Remove a customer from a customer group', method: 'DELETE', url: '/customers/{id}/groups' }),
	]),
	idParameter(only(customer, ...CUSTOMER_WITH_ID), 'customerId', 'Customer', 'The customer’s email or contact ID', 'name@email.com'),
	{
		displayName: 'Group Name or ID',
		name: 'groupName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCustomerGroupNames' },
		required: true,
		default: '',
		displayOptions: { show: only(customer, 'addToGroup') },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		routing: { send: { preSend: [requiredBody('groupName', 'Group Name', 'name')] } },
	},
	{
		displayName: 'Group Name or ID',
		name: 'groupName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCustomerGroupNames' },
		required: true,
		default: '',
		displayOptions: { show: only(customer, 'removeFromGroup') },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		routing: { send: { preSend: [requiredBody('groupName', 'Group Name', 'name', 'query')] } },
	},
	customFieldsParameter(only(customer, 'addCustomFields'), true),
	customFieldsParameter(only(customer, 'register'), false),
	{
		displayName: 'Field Code',
		name: 'code',
		type: 'string',
		default: '',
		displayOptions: { show: only(customer, 'deleteCustomField') },
		description: 'The custom field to delete; empty deletes every custom field of the customer',
		routing: { send: { type: 'query', property: 'code', value: '={{$value || undefined}}' } },
	},
	...returnAllAndLimit(only(customer, 'getAll')),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: only(customer, 'getAll') },
		routing: {
			send: {
				preSend: [
					sendDates([
						{ parameter: 'filters.createdFrom', label: 'Filters → Created From', property: 'datecreatedfrom' },
						{ parameter: 'filters.createdTo', label: 'Filters → Created To', property: 'datecreatedto' },
					]),
				],
			},
		},
		options: [
			{ displayName: 'Created From', name: 'createdFrom', type: 'dateTime', default: '', description: 'Only customers created after this date' },
			{ displayName: 'Created To', name: 'createdTo', type: 'dateTime', default: '', description: 'Only customers created before this date' },
			field('Email', 'email', 'email', 'query', { placeholder: 'name@email.com', description: 'Emails containing this text' }),
			field('First Name', 'firstName', 'firstname', 'query', { description: 'First names containing this text' }),
			field('Last Name', 'lastName', 'lastname', 'query', { description: 'Last names containing this text' }),
		],
	},
	{
		displayName: 'Fields',
		name: 'registerFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: only(customer, 'register') },
		options: [
			field('Email', 'email', 'email', 'body', { placeholder: 'name@email.com' }),
			{ displayName: 'Gender', name: 'gender', type: 'options', options: GENDERS, default: 'F', routing: { send: { type: 'body', property: 'gender' } } },
			field('Name', 'name', 'name', 'body', { description: 'As "Firstname Lastname"' }),
			field('Password', 'password', 'password', 'body', {
				typeOptions: { password: true },
				description: 'For registered visitors only; when empty LiveAgent mails the visitor a link to set one',
			}),
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: [
					{ name: 'Visitor', value: 'V' },
					{ name: 'Registered Visitor', value: 'R' },
				],
				default: 'V',
				routing: { send: { type: 'body', property: 'role' } },
			},
		],
	},
];

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

export const departmentDescription: INodeProperties[] = [
	operationSelector('department', 'getAgentStatuses', [
		operation({ name: 'Get Agent Statuses', value: 'getAgentStatuses', action: 'Get the agents statuses of a department', description: 'Get every agent of a department with their online status', method: 'GET', url: '/departments/{id}/agents', listKey: 'agents' }),
	]),
	idParameter(only('department', 'getAgentStatuses'), 'departmentId', 'Department ID', 'The department’s ID', 'a5j9t4d8'),
];

export const knowledgebaseDescription: INodeProperties[] = [
	operationSelector('knowledgebase', 'search', [
		// `entries` in the public client hostinger/ladesk-php; `articles` in our older notes: both are read
		operation({ name: 'Search', value: 'search', action: 'Search the knowledgebase', description: 'Search knowledgebase articles', method: 'GET', url: '/knowledgebase/search', listKey: ['entries', 'articles'] }),
	]),
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: only('knowledgebase', 'search') },
		description: 'The words to search for',
		routing: { send: { preSend: [requiredBody('query', 'Query', 'query', 'query')] } },
	},
	...returnAllAndLimit(only('knowledgebase', 'search')),
];
