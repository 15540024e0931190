import { readSwitch } from '../../../shared/validate';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { collection, fail, json, requireText, rfc3339 } from '../../helpers/params';
import { operationSelector, idField } from '../../../shared/descriptions';
import { operation, put, visibilityOptions } from '../../helpers/descriptions';
import { binaryFieldParameter, sendBinaryFile } from '../../../shared/upload';

const show = (...operations: string[]) => ({ resource: ['event'], operation: operations });

const customIdOption: INodeProperties = {
	displayName: 'Custom ID',
	name: 'customId',
	type: 'string',
	default: '',
	description: 'An ID of your own, to recognise it later',
};

function eventObject(context: IExecuteSingleFunctions): IDataObject {
	const type = context.getNodeParameter('eventType', 'message') as string;
	if (type === 'json') {
		const event = json(context, 'eventJson', 'Event (JSON)') as IDataObject | undefined;
		if (!event || typeof event.type !== 'string') fail(context, 'Event (JSON) must be an object with a "type"');
		return event;
	}
	const visibility = context.getNodeParameter('visibility', 'all') as string;
	switch (type) {
		case 'message':
			return { type, text: requireText(context, 'text', 'Text'), visibility };
		case 'system_message': {
			const event: IDataObject = { type, text: requireText(context, 'text', 'Text') };
			const systemType = String(context.getNodeParameter('systemMessageType', '') ?? '').trim();
			if (systemType) event.system_message_type = systemType;
			event.visibility = visibility;
			return event;
		}
		case 'file':
			return { type, url: requireText(context, 'fileUrl', 'File URL'), visibility };
		case 'rich_message': {
			const rich = json(context, 'richMessage', 'Rich Message') as IDataObject | undefined;
			if (!rich || !Array.isArray(rich.elements) || rich.elements.length === 0) {
				fail(context, 'Rich Message must have a template_id and at least one element');
			}
			return { type, ...rich, visibility };
		}
	}
	return fail(context, `Event Type "${type}" is not one LiveChat knows`);
}

const sendOperation = operation({
	name: 'Send Event',
	value: 'send',
	action: 'send_event',
	title: 'Send an event to a chat',
	description: 'Send a message, system message, file, rich message or any event to a chat',
	body() {
		return { chat_id: requireText(this, 'chatId', 'Chat ID'), event: eventObject(this) };
	},
});

const uploadOperation = operation({
	name: 'Upload File',
	value: 'upload',
	action: 'upload_file',
	title: 'Upload a file',
	description: 'Upload a file (up to 10 MB) and get its URL, to send as a file event',
	body: () => ({}),
});
uploadOperation.routing!.send!.preSend!.push(sendBinaryFile('file', { maxBytes: 10 * 1024 * 1024, tooLarge: 'The file is larger than LiveChat’s 10 MB upload limit' }));

export const eventDescription: INodeProperties[] = [
	operationSelector(
		'event',
		'send',
		[
			operation({
				name: 'Mark as Seen',
				value: 'markSeen',
				action: 'mark_events_as_seen',
				title: 'Mark the events of a chat as seen',
				description: 'Mark the events of a chat as seen up to a time',
				body() {
					const seen = rfc3339(this, 'seenUpTo', 'Seen Up To');
					if (!seen) fail(this, 'Seen Up To is required');
					return { chat_id: requireText(this, 'chatId', 'Chat ID'), seen_up_to: seen };
				},
			}),
			sendOperation,
			operation({
				name: 'Send Rich Message Postback',
				value: 'postback',
				action: 'send_rich_message_postback',
				title: 'Send a rich message postback',
				description: 'Answer a rich message button',
				body() {
					const postback: IDataObject = {
						id: requireText(this, 'postbackId', 'Postback ID'),
						toggled: readSwitch(this, 'toggled', 'Toggled', true),
					};
					const options = collection(this, 'postbackOptions');
					put(postback, 'button_type', String(options.buttonType ?? '').trim());
					put(postback, 'button_value', String(options.buttonValue ?? '').trim());
					const ecommerce: IDataObject = {};
					put(ecommerce, 'product_id', String(options.productId ?? '').trim());
					put(ecommerce, 'option_id', String(options.optionId ?? '').trim());
					if (options.quantity !== undefined) {
						const quantity = Number(options.quantity);
						if (!Number.isInteger(quantity) || quantity < 1) fail(this, 'Options → Quantity must be a whole number of at least 1');
						ecommerce.quantity = quantity;
					}
					if (Object.keys(ecommerce).length) {
						// postback.ecommerce.product_id is required when ecommerce is sent.
						if (!ecommerce.product_id) fail(this, 'Options → Product ID is required with Option ID or Quantity');
						postback.ecommerce = ecommerce;
					}
					return {
						chat_id: requireText(this, 'chatId', 'Chat ID'),
						thread_id: requireText(this, 'threadId', 'Thread ID'),
						event_id: requireText(this, 'eventId', 'Event ID'),
						postback,
					};
				},
			}),
			operation({
				name: 'Send Typing Indicator',
				value: 'typing',
				action: 'send_typing_indicator',
				title: 'Send a typing indicator',
				description: 'Show or hide that you are typing',
				body() {
					const body: IDataObject = {
						chat_id: requireText(this, 'chatId', 'Chat ID'),
						is_typing: readSwitch(this, 'isTyping', 'Is Typing', true),
					};
					const options = collection(this, 'typingOptions');
					if (options.visibility) body.visibility = options.visibility;
					return body;
				},
			}),
			operation({
				name: 'Send Event Preview',
				value: 'preview',
				action: 'send_event_preview',
				title: 'Send an event preview',
				description: 'Show a message that is not saved, e.g. part of a longer answer before you send it whole',
				body() {
					// Only a message, visible to all (send_event_preview).
					const event: IDataObject = { type: 'message', text: requireText(this, 'text', 'Text'), visibility: 'all' };
					put(event, 'custom_id', String(collection(this, 'previewOptions').customId ?? '').trim());
					return { chat_id: requireText(this, 'chatId', 'Chat ID'), event };
				},
			}),
			operation({
				name: 'Send Thinking Indicator',
				value: 'thinking',
				action: 'send_thinking_indicator',
				title: 'Send a thinking indicator',
				description: 'Show that you are working on an answer, with a title and description',
				body() {
					const body: IDataObject = { chat_id: requireText(this, 'chatId', 'Chat ID') };
					const options = collection(this, 'thinkingOptions');
					put(body, 'title', String(options.title ?? '').trim());
					put(body, 'description', String(options.description ?? '').trim());
					put(body, 'visibility', options.visibility);
					put(body, 'custom_id', String(options.customId ?? '').trim());
					return body;
				},
			}),
			uploadOperation,
		],
	),
	idField('Chat ID', 'chatId', show('markSeen', 'send', 'postback', 'preview', 'thinking', 'typing'), 'PW94SJTGW6'),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'The message so far; it is shown to everyone in the chat and not saved',
		displayOptions: { show: show('preview') },
	},
	{
		displayName: 'Options',
		name: 'previewOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('preview') },
		options: [customIdOption],
	},
	{
		displayName: 'Options',
		name: 'thinkingOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('thinking') },
		options: [
			customIdOption,
			{ displayName: 'Description', name: 'description', type: 'string', default: '', placeholder: 'Fetching data from the Billing API...' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Thinking...' },
			{ displayName: 'Visibility', name: 'visibility', type: 'options', default: 'all', options: visibilityOptions },
		],
	},
	{
		displayName: 'Event Type',
		name: 'eventType',
		type: 'options',
		default: 'message',
		displayOptions: { show: show('send') },
		options: [
			{ name: 'Any Event (JSON)', value: 'json', description: 'The whole event object, as LiveChat documents it' },
			{ name: 'File', value: 'file', description: 'A file by URL, e.g. from Upload File' },
			{ name: 'Message', value: 'message' },
			{ name: 'Rich Message', value: 'rich_message', description: 'Cards, buttons and quick replies' },
			{ name: 'System Message', value: 'system_message' },
		],
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		displayOptions: { show: { ...show('send'), eventType: ['message', 'system_message'] } },
	},
	{
		displayName: 'System Message Type',
		name: 'systemMessageType',
		type: 'string',
		default: '',
		placeholder: 'routing.assigned',
		description: 'The kind of system message, if you want to name one',
		displayOptions: { show: { ...show('send'), eventType: ['system_message'] } },
	},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://cdn.livechat-files.com/api/file/lc/att/...',
		displayOptions: { show: { ...show('send'), eventType: ['file'] } },
	},
	{
		displayName: 'Rich Message',
		name: 'richMessage',
		type: 'json',
		required: true,
		default: '{\n  "template_id": "cards",\n  "elements": [\n    {\n      "title": "Title",\n      "buttons": [{ "text": "Yes", "postback_id": "yes", "type": "message", "value": "Yes" }]\n    }\n  ]\n}',
		description: 'The rich message without type and visibility: template_id and elements',
		displayOptions: { show: { ...show('send'), eventType: ['rich_message'] } },
	},
	{
		displayName: 'Event (JSON)',
		name: 'eventJson',
		type: 'json',
		required: true,
		default: '{\n  "type": "message",\n  "text": "Hello",\n  "visibility": "all"\n}',
		displayOptions: { show: { ...show('send'), eventType: ['json'] } },
	},
	{
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		default: 'all',
		options: visibilityOptions,
		displayOptions: { show: { ...show('send'), eventType: ['message', 'system_message', 'file', 'rich_message'] } },
	},
	binaryFieldParameter(show('upload')),
	idField('Thread ID', 'threadId', show('postback'), 'K600PKZON8'),
	idField('Event ID', 'eventId', show('postback'), 'a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f7'),
	idField('Postback ID', 'postbackId', show('postback'), 'yes', 'The postback ID of the button'),
	{
		displayName: 'Toggled',
		name: 'toggled',
		type: 'boolean',
		default: true,
		description: 'Whether the button is toggled on',
		displayOptions: { show: show('postback') },
	},
	{
		displayName: 'Options',
		name: 'postbackOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('postback') },
		options: [
			{ displayName: 'Button Type', name: 'buttonType', type: 'string', default: '', placeholder: 'url', description: 'The type of the button, e.g. URL, phone, webview, message' },
			{ displayName: 'Button Value', name: 'buttonValue', type: 'string', default: '', placeholder: 'https://www.example.com', description: 'The value behind the button' },
			{ displayName: 'Option ID', name: 'optionId', type: 'string', default: '', placeholder: 'red-xl', description: 'E-commerce: the product option chosen (needs Product ID)' },
			{ displayName: 'Product ID', name: 'productId', type: 'string', default: '', placeholder: '12345', description: 'E-commerce: the product the button is about' },
			{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1, description: 'E-commerce: how many (needs Product ID)' },
		],
	},
	{
		displayName: 'Seen Up To',
		name: 'seenUpTo',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Events up to this time are marked as seen',
		displayOptions: { show: show('markSeen') },
	},
	{
		displayName: 'Is Typing',
		name: 'isTyping',
		type: 'boolean',
		default: true,
		description: 'Whether you are typing (false hides the indicator)',
		displayOptions: { show: show('typing') },
	},
	{
		displayName: 'Options',
		name: 'typingOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('typing') },
		options: [
			{
				displayName: 'Visibility',
				name: 'visibility',
				type: 'options',
				default: 'all',
				options: visibilityOptions,
			},
		],
	},
];
