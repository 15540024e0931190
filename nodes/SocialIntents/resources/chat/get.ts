import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { vendorApiError } from '../../../shared/errors';
import { requireText, validateTimeZone } from '../../../shared/validate';
import { outputProperties } from '../../../shared/descriptions';

const showOnlyForChatGet = { resource: ['chat'], operation: ['get'] };

async function sendChatId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.qs = { ...requestOptions.qs, id: requireText.call(this, 'chatId', 'Chat ID') };
	return requestOptions;
}

/** The API has no single-chat path: a Get is the list filtered by `id`, which must hold the chat. */
export async function chatGetOneFromList(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const chatId = String(this.getNodeParameter('chatId', ''));
	const chat = items.find((item) => String(item.json.id) === chatId);
	if (!chat) {
		throw vendorApiError.call(this, {
			httpCode: 404,
			message: `Social Intents has no chat with the ID "${chatId}"`,
			description: 'Check the Chat ID parameter. Missed chats and offline messages have their own resources.',
		});
	}
	return [chat];
}

export const chatGetDescription: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '2c9fa7465ccfd687015cda9fed35085a',
		displayOptions: { show: showOnlyForChatGet },
		routing: { send: { preSend: [sendChatId] } },
	},
	{
		displayName: 'Options',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForChatGet },
		routing: { send: { preSend: [validateTimeZone('filters.timezone', 'Options → Time Zone')] } },
		options: [
			{
				displayName: 'Time Zone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'America/New_York',
				description: 'Time zone in which the start date is written. Empty means the account’s own.',
				routing: { send: { type: 'query', property: 'timezone' } },
			},
		],
	},
	...outputProperties(showOnlyForChatGet, 'Social Intents', 'chat', { transcript: true, simplified: 'Main fields and a message count, without the messages' }),
];
