import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { singleRead } from '../../shared/retry';
import { compact, fail, pathWith, readJsonList, readJsonObject, readJsonValue, setBody } from '../helpers/send';
import { unwrapRecord } from '../helpers/shape';

const forWidgets = { resource: ['widget'] };
const forUpdate = { resource: ['widget'], operation: ['update'] };

const COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

async function sendWidget(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body: IDataObject = compact({ ...fields });
	delete body.chatFormFields;
	delete body.welcomeMessages;
	delete body.additionalJson;
	delete body.positions;
	if (typeof body.color === 'string' && !COLOR.test(body.color)) {
		fail.call(this, `Update Fields → Color is not a hex color: "${body.color}"`, 'Use a color such as #1f7ae0.');
	}
	const chatFormFields = readJsonList.call(this, 'updateFields.chatFormFields', 'Update Fields → Chat Form Fields');
	if (chatFormFields) body.chatFormFields = chatFormFields;
	const welcomeMessages = readJsonList.call(this, 'updateFields.welcomeMessages', 'Update Fields → Welcome Messages');
	if (welcomeMessages) body.welcomeMessages = welcomeMessages;
	const positions = readJsonValue.call(this, 'updateFields.positions', 'Update Fields → Positions');
	if (positions !== undefined) body.positions = positions;
	const additional = readJsonObject.call(this, 'updateFields.additionalJson', 'Update Fields → Other Settings (JSON)');
	Object.assign(body, additional ?? {});
	if (Object.keys(body).length === 0) fail.call(this, 'Add at least one of the Update Fields: there is nothing to update');
	return setBody(requestOptions, body);
}

export const widgetDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: forWidgets },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a widget configuration',
				description: 'Get the chat widget’s configuration by its client token',
				routing: {
					request: { method: 'GET', url: '/widgets' },
					send: { paginate: true, preSend: [pathWith('/widgets/{id}', 'widget', 'Client Token')] },
					operations: { pagination: singleRead },
					output: { postReceive: [unwrapRecord] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a widget configuration',
				description: 'Change the chat widget’s settings (only the fields you add are sent)',
				routing: {
					request: { method: 'PATCH', url: '/widgets' },
					send: { preSend: [pathWith('/widgets/{id}', 'widget', 'Client Token'), sendWidget] },
					output: { postReceive: [unwrapRecord] },
				},
			},
		],
		default: 'get',
	},
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
		options: [
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
				type: 'json',
				default: '[]',
				description: 'The fields the visitor fills in before chatting, as a JSON list',
			},
			{
				displayName: 'Color',
				name: 'color',
				type: 'color',
				default: '#1f7ae0',
				description: 'Main color of the widget',
			},
			{
				displayName: 'Other Settings (JSON)',
				name: 'additionalJson',
				type: 'json',
				default: '{}',
				description: 'Further widget settings 5chat accepts, merged into the request as they are',
			},
			{
				displayName: 'Positions',
				name: 'positions',
				type: 'json',
				default: '{}',
				placeholder: '{"desktop": "BOTTOM_RIGHT", "mobile": "BOTTOM_RIGHT"}',
				description: 'Where the widget sits on the page, as JSON in 5chat’s own form (the documentation does not publish it)',
			},
			{
				displayName: 'Rating Enabled',
				name: 'ratingEnabled',
				type: 'boolean',
				default: true,
				description: 'Whether visitors may rate conversations',
			},
			{
				displayName: 'Welcome Messages',
				name: 'welcomeMessages',
				type: 'json',
				default: '[]',
				description: 'Messages shown when the widget opens, as a JSON list',
			},
		],
	},
];
