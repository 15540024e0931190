import type {
	IDataObject,
	JsonObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { vendorApiError } from '../shared/errors';
import type { TranscriptStatus } from '../shared/transcript';
import { vendorRequest } from '../shared/transport';
import { checkDelivery, isJsonDelivery, removeIfThere, newWebhookSecret, refuseReplay, registrationState, repeatWindowLegacyProperty, repeatWindowOptions } from '../shared/webhook';
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

interface Registration {
	id: string;
	event: string;
}

interface WebhookState {
	appId?: string;
	url?: string;
	secret?: string;
	registrations?: Registration[];
}

function wantedEvents(context: IHookFunctions | IWebhookFunctions): string[] {
	return [...(context.getNodeParameter('events', []) as string[])].sort();
}

function appIdOf(context: IHookFunctions | IWebhookFunctions): string {
	const appId = String(context.getNodeParameter('appId', '', { extractValue: true }) ?? '').trim();
	if (!appId) throw new NodeOperationError(context.getNode(), 'App is required');
	return appId;
}

/** Sends a DELETE; true when it removed something, false when the vendor had nothing there (404). */
async function deleteIfThere(context: IHookFunctions, url: string): Promise<boolean> {
	return await removeIfThere(context, async () => await vendorRequest.call(context, socialIntentsApi, { method: 'DELETE', url }));
}

async function unregister(context: IHookFunctions, state: WebhookState): Promise<void> {
	for (const registration of state.registrations ?? []) {
		const id = encodeURIComponent(registration.id);
		// Not under its app (the app was removed or renamed): DELETE /webhook/{id} removes a webhook
		// whatever its widget (the current REST page). Gone there too is what we wanted.
		if (!(await deleteIfThere(context, `/apps/${encodeURIComponent(state.appId ?? '')}/webhook/${id}`))) {
			await deleteIfThere(context, `/webhook/${id}`);
		}
	}
	delete state.appId;
	delete state.url;
	delete state.secret;
	delete state.registrations;
}

/**
 * Test registrations ("Listen for test event") this n8n process made, by their URL. n8n keeps a test
 * registration's static data only for the listen, may run create() more than once for one listen
 * (measured in n8n 2.41.1: three registrations, one delete), and Social Intents cannot list webhooks;
 * so each one is remembered here and removed when that URL's test is deleted or registered again.
 * Production URLs never get here: they are registered outside mode `manual`.
 */
const testRegistrations = new Map<string, WebhookState[]>();

/** Removes every test registration this process remembers for the hook's URL. */
async function unregisterRememberedTests(context: IHookFunctions): Promise<void> {
	const url = context.getNodeWebhookUrl('default') as string;
	const remembered = testRegistrations.get(url) ?? [];
	testRegistrations.delete(url);
	for (const state of remembered) await unregister(context, state);
}

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

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// Social Intents cannot list webhooks, so a registration it lost looks like one it holds:
				// remove what we registered (already gone is fine) and register afresh, never twice.
				await unregister(this, registrationState<WebhookState>(this));
				if (this.getMode() === 'manual') await unregisterRememberedTests(this);
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const state = registrationState<WebhookState>(this);
				const appId = appIdOf(this);
				const events = wantedEvents(this);
				if (!events.length) throw new NodeOperationError(this.getNode(), 'Events: choose at least one event');
				const url = this.getNodeWebhookUrl('default') as string;
				const secret = newWebhookSecret();
				const target = new URL(url);
				target.searchParams.set(SECRET_QUERY, secret);
				const created: WebhookState = { appId, url, secret, registrations: [] };
				try {
					for (const name of events) {
						const answer = (await vendorRequest.call(this, socialIntentsApi, {
							method: 'POST',
							url: `/apps/${encodeURIComponent(appId)}/webhook`,
							body: { target_url: target.toString(), event: EVENTS[name] },
						})) as IDataObject | undefined;
						if (answer?.id === undefined) {
							throw vendorApiError.call(this, {
								httpCode: 200,
								message: 'Social Intents registered the webhook but returned no ID',
							});
						}
						created.registrations!.push({ id: String(answer.id), event: EVENTS[name] });
					}
				} catch (error) {
					// Leave nothing half-registered behind.
					await unregister(this, created).catch((cleanupError) =>
						this.logger.warn(`Social Intents webhook clean-up failed: ${(cleanupError as Error).message}`),
					);
					throw new NodeApiError(this.getNode(), error as JsonObject);
				}
				Object.assign(state, created);
				if (this.getMode() === 'manual') testRegistrations.set(url, [...(testRegistrations.get(url) ?? []), { ...created }]);
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = registrationState<WebhookState>(this);
				try {
					await unregister(this, state);
					await unregisterRememberedTests(this);
				} catch (error) {
					this.logger.warn(`Social Intents webhook could not be removed: ${(error as Error).message}`);
					return false;
				}
				return true;
			},
		},
	};

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
