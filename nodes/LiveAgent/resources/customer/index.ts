import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { sendDates } from '../../helpers/dates';
import {
	customFieldsParameter,
	field,
	GENDERS,
	idParameter,
	only,
	operation,
	requiredBody,
} from '../../helpers/descriptions';
import { customerPages } from '../../helpers/paging';

const customer = 'customer';
const CUSTOMER_WITH_ID = ['addCustomFields', 'addToGroup', 'deleteCustomField', 'get', 'getGroups', 'removeFromGroup'];

/** Group Name or ID, a dropdown of the customer groups, for one operation; sent as `name` in `place`. */
function groupNameParameter(operation: string, place: 'body' | 'query'): INodeProperties {
	return {
		displayName: 'Group Name or ID',
		name: 'groupName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCustomerGroupNames' },
		required: true,
		default: '',
		displayOptions: { show: only(customer, operation) },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		routing: { send: { preSend: [requiredBody('groupName', 'Group Name', 'name', place)] } },
	};
}

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
	// the group's name goes in the body to add, in the query to remove (LiveAgent reads a DELETE's query)
	groupNameParameter('addToGroup', 'body'),
	groupNameParameter('removeFromGroup', 'query'),
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
