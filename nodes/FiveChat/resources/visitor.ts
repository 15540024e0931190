import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { singleRead } from '../../shared/retry';
import { compact, fail, pathWith, readJsonObject, setBody } from '../helpers/send';
import { unwrapRecord } from '../helpers/shape';

const forVisitors = { resource: ['visitor'] };
const forUpdate = { resource: ['visitor'], operation: ['updateContext'] };

async function sendContext(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const name = this.getNodeParameter('name', '') as string;
	const context = readJsonObject.call(this, 'context', 'Context');
	const body = compact({ name, context });
	if (Object.keys(body).length === 0) fail.call(this, 'Set Name or Context: there is nothing to update');
	return setBody(requestOptions, body);
}

export const visitorDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: forVisitors },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a visitor',
				description: 'Get a visitor of the website by token',
				routing: {
					request: { method: 'GET', url: '/visitors' },
					send: { paginate: true, preSend: [pathWith('/visitors/{id}', 'visitor', 'Visitor Token')] },
					operations: { pagination: singleRead },
					output: { postReceive: [unwrapRecord] },
				},
			},
			{
				name: 'Update Context',
				value: 'updateContext',
				action: 'Update a visitor s context',
				description: 'Set the visitor’s name and context data (5chat removes geolocation data)',
				routing: {
					request: { method: 'PATCH', url: '/visitors' },
					send: {
						preSend: [pathWith('/visitors/{id}/context', 'visitor', 'Visitor Token'), sendContext],
					},
					output: { postReceive: [unwrapRecord] },
				},
			},
		],
		default: 'get',
	},
	{
		displayName: 'Visitor Token',
		name: 'visitor',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'v_3b1c6e',
		displayOptions: { show: forVisitors },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'The visitor’s name; empty leaves it unchanged',
		displayOptions: { show: forUpdate },
	},
	{
		displayName: 'Context',
		name: 'context',
		type: 'json',
		default: '',
		placeholder: '{"plan": "gold", "orders": 3}',
		description: 'Data about the visitor that agents see beside the chat; geolocation keys are removed by 5chat',
		displayOptions: { show: forUpdate },
	},
];
