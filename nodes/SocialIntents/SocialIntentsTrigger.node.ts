import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { webhookLifecycle } from '../shared/registration';
import type { TranscriptStatus } from '../shared/transcript';
import { vendorRequest } from '../shared/transport';
import { checkDelivery, isJsonDelivery, refuseReplay, registrationState, removeIfThere, repeatWindowLegacyProperty, repeatWindowOptions } from '../shared/webhook';
import { toTranscript } from './helpers/transcript';
import { appLocator } from './helpers/descriptions';
import { searchApps } from './methods/listSearch';
import { socialIntentsApi } from './transport';

/** Social Intents' event names; the empty string is "chat completed". */
const EVENTS: Record<string, string> = {
	chatCompleted: '',
	offlineMessage: 'offline_message',
	lead: 'lead',
};

/** Social Intents signs nothing, so each registration's URL carries a secret of ours to check. */
const SECRET_QUERY = 'n8n_token';

interface WebhookState {
	secret?: string;
}

function wantedEvents(context: IHookFunctions | IWebhookFunctions): string[] {
	return [...(context.getNodeParameter('events', []) as string[])].sort();
}

const deleteWebhook = async (context: IHookFunctions, url: string) =>
	await vendorRequest.call(context, socialIntentsApi, { method: 'DELETE', url });

/**
 * Social Intents' webhooks: one per event under the app, our secret in the target URL (it signs
 * nothing). It cannot list them: the shared lifecycle removes and registers afresh.
 */
const lifecycle = webhookLifecycle<string>({
	name: 'Social Intents',
	scopeKey: 'appId',
	secretQuery: SECRET_QUERY,
	plan() {
		const appId = String(this.getNodeParameter('appId', '', { extractValue: true }) ?? '').trim();
		if (!appId) throw new NodeOperationError(this.getNode(), 'App is required');
		const events = wantedEvents(this);
		if (!events.length) throw new NodeOperationError(this.getNode(), 'Events: choose at least one event');
		return { scope: appId, items: events.map((name) => EVENTS[name]) };
	},
	async register(appId, event, url) {
		return await vendorRequest.call(this, socialIntentsApi, {
			method: 'POST',
			url: `/apps/${encodeURIComponent(appId)}/webhook`,
			body: { target_url: url, event },
		});
	},
	idIn: (answer) => {
		const id = (answer as IDataObject | undefined)?.id;
		return id === undefined ? undefined : String(id);
	},
	async unregister(appId, id) {
		const webhook = encodeURIComponent(id);
		// Not under its app (the app was removed or renamed): DELETE /webhook/{id} removes a webhook
		// whatever its widget (the current REST page).
		if (!(await removeIfThere(this, async () => await deleteWebhook(this, `/apps/${encodeURIComponent(appId)}/webhook/${webhook}`)))) {
			await deleteWebhook(this, `/webhook/${webhook}`);
		}
	},
});

export class SocialIntentsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Social Intents Trigger',
		name: 'socialIntentsTrigger',
		icon: { light: 'file:socialIntents.svg', dark: 'file:socialIntents.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow as soon as Social Intents completes a chat, takes an offline message or captures a lead. Choose it when Social Intents can reach your n8n; for missed chats, or an n8n without a public URL, use the Social Intents Polling Trigger',
		defaults: { name: 'Social Intents Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'socialIntentsApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Social Intents sends each chat, offline message or lead here as it happens. For missed chats, or when Social Intents cannot reach this n8n, use the Social Intents Polling Trigger.',
				name: 'whenToUse',
				type: 'notice',
				default: '',
			},
			appLocator({ required: true }),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['chatCompleted'],
				options: [
					{ name: 'Chat Completed', value: 'chatCompleted' },
					{ name: 'Lead Captured', value: 'lead' },
					{ name: 'Offline Message', value: 'offlineMessage' },
				],
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'raw',
				options: [
					{ name: 'Raw', value: 'raw', description: 'Each chat or lead as Social Intents sends it' },
					{
						name: 'Normalized Transcript',
						value: 'transcript',
						description: 'Chats in the transcript shape shared by every vendor; leads stay raw',
					},
				],
			},
			repeatWindowLegacyProperty,
			repeatWindowOptions,
		],
	};

	methods = { listSearch: { searchApps } };

	webhookMethods = { default: lifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = registrationState<WebhookState>(this);
		const delivery = checkDelivery(this, {
			contentType: { accepts: isJsonDelivery, refusal: 'Expected Content-Type: application/json' },
			secret: { received: () => (this.getQueryData() as IDataObject)[SECRET_QUERY], expected: state.secret },
			content: {
				read: () => {
					const body = this.getBodyData() as unknown;
					const records = Array.isArray(body) ? body : [body];
					const readable = records.length > 0 && records.every((record) => typeof record === 'object' && record !== null && !Array.isArray(record) && Object.keys(record).length > 0);
					return readable ? (records as IDataObject[]) : undefined;
				},
				refusal: 'Expected a JSON array of chats or leads',
			},
		});
		if ('refused' in delivery) return delivery.refused;
		const records = delivery.content;
		// Chats, offline messages and leads all arrive at one URL: only the events the user chose go on
		// (a registration left from an earlier choice may still deliver).
		const wanted = wantedEvents(this);
		const chosen = records.filter((record) => eventsOf(record).some((event) => wanted.includes(event)));
		if (!chosen.length) return { webhookResponse: { ignored: 'events not chosen' } };
		const repeated = refuseReplay.call(this, records);
		if (repeated) return repeated;
		const transcripts = this.getNodeParameter('output', 'raw') === 'transcript';
		const items = chosen.map((record) =>
			transcripts && isChat(record) ? toTranscript(record, '', chatStatus(record)) : record,
		);
		return { workflowData: [this.helpers.returnJsonArray(items)] };
	}
}

/**
 * Chats and leads arrive on the same URL. A chat has a type, a start or a transcript (webhook chat
 * sample: `chatType`, `startDate`, `textBody`); a lead has none of them (lead sample: `addDate`).
 */
function isChat(record: IDataObject): boolean {
	return ['chatType', 'startDate', 'textBody', 'messages'].some((field) => record[field] !== undefined);
}

/**
 * The trigger events a record can belong to. A lead is `lead`; a chat of type "Offline Message" is
 * `offlineMessage`; another chat type (Answered, Missed: "Chat completed" fires for both, webhooks
 * page) is `chatCompleted`; a chat that names no type may be either.
 */
function eventsOf(record: IDataObject): string[] {
	if (!isChat(record)) return ['lead'];
	const type = String(record.chatType ?? '').trim().toLowerCase();
	if (!type) return ['chatCompleted', 'offlineMessage'];
	return type.startsWith('offline') ? ['offlineMessage'] : ['chatCompleted'];
}

/** "Chat completed" fires for answered and missed chats alike; the type tells them apart. */
function chatStatus(record: IDataObject): TranscriptStatus {
	const type = String(record.chatType ?? '').toLowerCase();
	if (type.startsWith('offline')) return 'offline';
	if (type.startsWith('missed')) return 'missed';
	return 'closed';
}
