import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { readRouting } from '../../../shared/retry';
import { toNumber, toSwitch, sendPathId } from '../../../shared/validate';
import { compact, fail, setBody } from '../../helpers/preSend';
import { unwrapRecord } from '../../helpers/output';
import { operationSelector } from '../../../shared/descriptions';

const forWidgets = { resource: ['widget'] };
const forUpdate = { resource: ['widget'], operation: ['update'] };

const COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

/** The widget's colour fields (5chat's widget PATCH page); each must be a hex colour. */
const COLOR_FIELDS: Array<[string, string]> = [
	['color', 'Color'],
	['buttonBgColor', 'Button Background Color'],
	['buttonTextColor', 'Button Text Color'],
	['bubbleColor', 'Bubble Color'],
	['bubbleTextColor', 'Bubble Text Color'],
];

/** The fields 5chat types as text that hold structured settings: a list or object is sent as its JSON text. */
const TEXT_SETTINGS = ['chatFormFields', 'welcomeMessages'];

async function sendWidget(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body: IDataObject = compact({ ...fields });
	for (const [name, label] of COLOR_FIELDS) {
		const value = body[name];
		if (value !== undefined && (typeof value !== 'string' || !COLOR.test(value))) {
			fail.call(this, `Update Fields → ${label} is not a hex color: "${String(value)}"`, 'Use a color such as #1f7ae0.');
		}
	}
	// switches and numbers from expressions, read as n8n's type validation reads them ("false" is false)
	for (const [name, label] of [['buttonXPos', 'Button X Position'], ['buttonYPos', 'Button Y Position']]) {
		if (body[name] !== undefined) body[name] = toNumber(this, body[name], `Update Fields → ${label}`);
	}
	for (const [name, label] of [['chatEnabled', 'Chat Enabled'], ['ratingEnabled', 'Rating Enabled'], ['removeBranding', 'Remove Branding']]) {
		if (body[name] !== undefined) body[name] = toSwitch(this, body[name], `Update Fields → ${label}`);
	}
	for (const name of TEXT_SETTINGS) {
		if (body[name] !== undefined && typeof body[name] !== 'string') body[name] = JSON.stringify(body[name]);
	}
	if (Object.keys(body).length === 0) fail.call(this, 'Add at least one of the Update Fields: there is nothing to update');
	return setBody(requestOptions, body);
}

const text = (displayName: string, name: string, description: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder ? { placeholder } : {}),
});

const color = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'color',
	default: '#1f7ae0',
	description,
});

export const widgetDescription: INodeProperties[] = [
	operationSelector('widget', 'get', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a widget configuration',
			description: 'Get the chat widget’s configuration by its client token',
			routing: readRouting({ method: 'GET', url: '/widgets' }, { preSend: [sendPathId('widget', 'Client Token', '/widgets/{id}')], postReceive: [unwrapRecord] }),
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a widget configuration',
			description: 'Change the chat widget’s settings (only the fields you add are sent)',
			routing: {
				request: { method: 'PATCH', url: '/widgets' },
				send: { preSend: [sendPathId('widget', 'Client Token', '/widgets/{id}'), sendWidget] },
				output: { postReceive: [unwrapRecord] },
			},
		},
	]),
	{
		displayName: 'Client Token',
		name: 'widget',
		type: 'string',
		required: true,
		default: '',
		description: 'The widget’s client token, as in the embed code of the website',
		displayOptions: { show: forWidgets },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: forUpdate },
		// The body of 5chat's widget PATCH page, field for field; there is no `positions` field.
		options: [
			color('Bubble Color', 'bubbleColor', 'Background color of the chat bubbles'),
			color('Bubble Text Color', 'bubbleTextColor', 'Text color of the chat bubbles'),
			color('Button Background Color', 'buttonBgColor', 'Background color of the launcher button'),
			text('Button Class', 'buttonClass', 'CSS class(es) added to the launcher button'),
			color('Button Text Color', 'buttonTextColor', 'Text color of the launcher button'),
			{
				displayName: 'Button X Position',
				name: 'buttonXPos',
				type: 'number',
				default: 20,
				description: 'Horizontal position of the launcher button, as 5chat measures it',
			},
			{
				displayName: 'Button Y Position',
				name: 'buttonYPos',
				type: 'number',
				default: 20,
				description: 'Vertical position of the launcher button, as 5chat measures it',
			},
			text('Chat Class', 'chatClass', 'CSS class(es) added to the chat window'),
			{
				displayName: 'Chat Enabled',
				name: 'chatEnabled',
				type: 'boolean',
				default: true,
				description: 'Whether visitors can start chats',
			},
			{
				displayName: 'Chat Form Fields',
				name: 'chatFormFields',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: '[{"name": "email", "required": true}]',
				description: 'The fields the visitor fills in before chatting, as the text 5chat stores (a list or object from an expression is sent as its JSON text)',
			},
			text('Chat Input Class', 'chatInputClass', 'CSS class(es) added to the message input'),
			text('Chat Title Class', 'chatTitleClass', 'CSS class(es) added to the chat title'),
			color('Color', 'color', 'Main color of the widget'),
			{
				displayName: 'Rating Enabled',
				name: 'ratingEnabled',
				type: 'boolean',
				default: true,
				description: 'Whether visitors may rate conversations',
			},
			{
				displayName: 'Remove Branding',
				name: 'removeBranding',
				type: 'boolean',
				default: false,
				description: 'Whether to hide the 5chat branding in the widget',
			},
			text('Website Client Token', 'websiteClientToken', 'The website client token stored with the widget'),
			{
				displayName: 'Welcome Messages',
				name: 'welcomeMessages',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: 'Hi! How can we help?',
				description: 'Messages shown when the widget opens, as the text 5chat stores (a list from an expression is sent as its JSON text)',
			},
		],
	},
];
