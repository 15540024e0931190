import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { collection, fail, requireText } from '../helpers/params';
import { idField, operation, operationSelector } from './common';

const show = (...operations: string[]) => ({ resource: ['customer'], operation: operations });

/** Name, email, avatar and session fields (an ordered list of one-key objects) from Customer Fields. */
function customerFields(context: IExecuteSingleFunctions): IDataObject {
	const fields = collection(context, 'customerFields');
	const body: IDataObject = {};
	for (const key of ['name', 'email', 'avatar']) {
		const value = String(fields[key] ?? '').trim();
		if (value) body[key] = value;
	}
	const pairs = ((fields.sessionFields as IDataObject | undefined)?.field ?? []) as IDataObject[];
	const sessionFields = pairs
		.filter((pair) => String(pair.key ?? '').trim() !== '')
		.map((pair) => ({ [String(pair.key).trim()]: String(pair.value ?? '') }));
	if (sessionFields.length) body.session_fields = sessionFields;
	return body;
}

const idOnly = function (this: IExecuteSingleFunctions) {
	return { id: requireText(this, 'customerId', 'Customer ID') };
};

export const customerDescription: INodeProperties[] = [
	operationSelector(
		'customer',
		[
			operation({
				name: 'Ban',
				value: 'ban',
				action: 'ban_customer',
				description: 'Ban a customer for a number of days',
				body() {
					const days = this.getNodeParameter('days', 1) as number;
					if (!Number.isInteger(days) || days < 1) fail(this, 'Days must be a whole number of at least 1');
					return { id: requireText(this, 'customerId', 'Customer ID'), ban: { days } };
				},
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'get_customer',
				description: 'Get a customer',
				read: 'single',
				body: idOnly,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'update_customer',
				description: 'Update a customer’s name, email, avatar or session fields',
				body() {
					const fields = customerFields(this);
					if (!Object.keys(fields).length) fail(this, 'Customer Fields: give at least one field to update');
					return { id: requireText(this, 'customerId', 'Customer ID'), ...fields };
				},
			}),
		],
		'get',
	),
	idField('Customer ID', 'customerId', show('ban', 'get', 'update'), 'b7eff798-f8df-4364-8059-649c35c9ed0c'),
	{
		displayName: 'Days',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 1 },
		required: true,
		default: 1,
		description: 'How many days the ban lasts',
		displayOptions: { show: show('ban') },
	},
	{
		displayName: 'Customer Fields',
		name: 'customerFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: show('update') },
		options: [
			{ displayName: 'Avatar URL', name: 'avatar', type: 'string', default: '' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Session Fields',
				name: 'sessionFields',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: 'Custom key–value pairs, in order',
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Key', name: 'key', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		],
	},
];
