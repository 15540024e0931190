import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { collection, fail, requireText } from '../../helpers/params';
import { operationSelector, idField } from '../../../shared/descriptions';
import { operation } from '../../helpers/descriptions';

const show = (...operations: string[]) => ({ resource: ['customer'], operation: operations });

/** E.164, as update_customer wants phone numbers. */
const E164 = /^\+[1-9]\d{1,14}$/;

function phoneNumber(context: IExecuteSingleFunctions, value: unknown, label: string): string | undefined {
	const phone = String(value ?? '').replace(/[\s()-]/g, '');
	if (!phone) return undefined;
	if (!E164.test(phone)) fail(context, `${label}: "${String(value)}" is not a phone number in E.164 format (e.g. +14155550123)`);
	return phone;
}

/** The one entry of a single-value fixedCollection, its empty texts left out. */
function entry(fields: IDataObject, name: string): IDataObject {
	const values = ((fields[name] as IDataObject | undefined)?.values ?? {}) as IDataObject;
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null) {
			result[key] = typeof value === 'string' ? value.trim() : value;
		}
	}
	return result;
}

/**
 * The update_customer fields of v3.6 from Customer Fields: name, email, avatar, phone number, address,
 * omnichannel (Facebook Messenger, Twilio) and session fields (an ordered list of one-key objects).
 */
function customerFields(context: IExecuteSingleFunctions): IDataObject {
	const fields = collection(context, 'customerFields');
	const body: IDataObject = {};
	for (const key of ['name', 'email', 'avatar']) {
		const value = String(fields[key] ?? '').trim();
		if (value) body[key] = value;
	}
	const phone = phoneNumber(context, fields.phoneNumber, 'Customer Fields → Phone Number');
	if (phone) body.phone_number = phone;
	const address = entry(fields, 'address');
	if (Object.keys(address).length) body.address = address;
	const omnichannel: IDataObject = {};
	const messenger = entry(fields, 'fbMessenger');
	if (messenger.is_verified_user !== undefined) {
		if (messenger.is_verified_user === 'unset') delete messenger.is_verified_user;
		else messenger.is_verified_user = messenger.is_verified_user === 'yes';
	}
	if (Object.keys(messenger).length) {
		if (!messenger.id) fail(context, 'Customer Fields → Facebook Messenger: ID is required');
		omnichannel.fbmessenger = messenger;
	}
	const twilio = phoneNumber(context, fields.twilioPhoneNumber, 'Customer Fields → Twilio Phone Number');
	if (twilio) omnichannel.twilio = { phone_number: twilio };
	if (Object.keys(omnichannel).length) body.omnichannel = omnichannel;
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
		'get',
		[
			operation({
				name: 'Ban',
				value: 'ban',
				action: 'ban_customer',
				title: 'Ban a customer',
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
				title: 'Get a customer',
				description: 'Get a customer',
				read: 'single',
				body: idOnly,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'update_customer',
				title: 'Update a customer',
				description: 'Update a customer’s name, email, avatar, phone, address, channels or session fields',
				body() {
					const fields = customerFields(this);
					if (!Object.keys(fields).length) fail(this, 'Customer Fields: give at least one field to update');
					return { id: requireText(this, 'customerId', 'Customer ID'), ...fields };
				},
			}),
		],
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
			{
				displayName: 'Address',
				name: 'address',
				type: 'fixedCollection',
				default: {},
				options: [
					{
						displayName: 'Address',
						name: 'values',
						values: [
							{ displayName: 'Street Address', name: 'address', type: 'string', default: '' },
							{ displayName: 'City', name: 'city', type: 'string', default: '' },
							{ displayName: 'Country', name: 'country', type: 'string', default: '', description: 'The country name' },
							{ displayName: 'Postal Code', name: 'postal_code', type: 'string', default: '' },
							{ displayName: 'State', name: 'state', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Avatar URL', name: 'avatar', type: 'string', default: '' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{
				displayName: 'Facebook Messenger',
				name: 'fbMessenger',
				type: 'fixedCollection',
				default: {},
				description: 'The customer’s Facebook Messenger profile (omnichannel.fbmessenger)',
				options: [
					{
						displayName: 'Facebook Messenger',
						name: 'values',
						values: [
							{
						displayName: 'First Name',
						name: 'first_name',
						type: 'string',
						default: '',
							},
							{
						displayName: 'Gender',
						name: 'gender',
						type: 'string',
						default: '',
							},
							{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Required:	the customer’s Messenger ID',
							},
							{
						displayName: 'Is Verified User',
						name: 'is_verified_user',
						type: 'options',
						default: 'unset',
						options: [
									{
										name: 'Not Set',
										value: 'unset',
									},
									{
										name: 'Yes',
										value: 'yes',
									},
									{
										name: 'No',
										value: 'no',
									},
								]
							},
							{
						displayName: 'Last Name',
						name: 'last_name',
						type: 'string',
						default: '',
							},
							{
						displayName: 'Locale',
						name: 'locale',
						type: 'string',
						default: '',
						placeholder: 'en_US',
							},
							{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
							},
							{
						displayName: 'Profile Picture URL',
						name: 'profile_pic',
						type: 'string',
						default: '',
							},
					],
					},
				],
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				placeholder: '+14155550123',
				description: 'In E.164 format',
			},
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
			{
				displayName: 'Twilio Phone Number',
				name: 'twilioPhoneNumber',
				type: 'string',
				default: '',
				placeholder: '+14155550123',
				description: 'The customer’s number on the Twilio channel (omnichannel.twilio), in E.164 format',
			},
		],
	},
];
