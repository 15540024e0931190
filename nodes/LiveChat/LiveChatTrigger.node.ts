import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { type ListedRegistration, webhookLifecycle } from '../shared/registration';
import { checkDelivery, isJsonDelivery, refuseReplay, registrationState, repeatWindowLegacyProperty, repeatWindowOption } from '../shared/webhook';
import { advancedSetting, movedToOptions } from '../shared/descriptions';
import { REMOVED_WEBHOOK_ACTIONS, removedError } from './helpers/removed';
import {
	additionalDataProperty,
	agentIdsShapeProperty,
	plannedRegistrations,
	registeredAction,
	WEBHOOK_ACTIONS,
	webhookFilterOptions,
} from './helpers/webhookActions';
import { getAgents } from './methods/loadOptions';
import { vendorRequest } from '../shared/transport';
import { actionRequest, credentialTypeOf, liveChatApi } from './transport';
import { authenticationProperty, liveChatCredentials } from './helpers/descriptions';

/** LiveChat allows this many webhooks per action for one client ID. */
const PER_ACTION_LIMIT = 3;

interface WebhookState {
	secret?: string;
}

type PlannedRegistration = ReturnType<typeof plannedRegistrations>[number];

function wantedActions(context: IHookFunctions | IWebhookFunctions): string[] {
	return [...new Set(context.getNodeParameter('events', []) as string[])].sort();
}

/** Advanced: most users own the webhooks with the credential's own app. */
const ownerClientId = movedToOptions({
	displayName: 'Owner Client ID',
	name: 'ownerClientId',
	type: 'string',
	default: '',
	description: 'Client ID of the Developer Console app that owns the webhooks. Empty uses the Client ID of the credential.',
});

async function ownerOf(context: IHookFunctions): Promise<string> {
	const given = String(advancedSetting(context, ownerClientId.option.name, '') ?? '').trim();
	if (given) return given;
	const credentials = (await context.getCredentials(credentialTypeOf(context))) as IDataObject;
	const fromCredential = String(credentials.clientId ?? '').trim();
	if (fromCredential) return fromCredential;
	throw new NodeOperationError(context.getNode(), 'Owner Client ID is required', {
		description:
			'Webhooks belong to a Developer Console app. Give its Client ID under Options → Owner Client ID or in the credential (a personal access token has none of its own).',
	});
}

async function listWebhooks(context: IHookFunctions, owner: string): Promise<Array<ListedRegistration & { action: string }>> {
	const listed = await vendorRequest.call(context, liveChatApi, actionRequest('configuration', 'list_webhooks', { owner_client_id: owner }), { read: true });
	return (Array.isArray(listed) ? listed : []) as Array<ListedRegistration & { action: string }>;
}

/**
 * LiveChat's webhooks: one per action under the owner client ID, each with the secret in its body
 * (LiveChat sends it back in every delivery) and with only the filters its action takes; the region
 * is the transport's. A change of filters or additional data replaces them (the signature).
 */
const lifecycle = webhookLifecycle<PlannedRegistration>({
	name: 'LiveChat',
	scopeKey: 'owner',
	async plan() {
		// A saved workflow may still hold an event LiveChat removed: refused before any request.
		const actions = wantedActions(this);
		for (const action of actions) {
			const removal = REMOVED_WEBHOOK_ACTIONS[action];
			if (removal) throw removedError(this.getNode(), removal);
		}
		if (!actions.length) throw new NodeOperationError(this.getNode(), 'Events: choose at least one event');
		const items = plannedRegistrations(this, actions);
		return { scope: await ownerOf(this), items, signature: JSON.stringify(items) };
	},
	async list(owner) {
		return await listWebhooks(this, owner);
	},
	async beforeRegister({ scope: owner, items }, url) {
		// License webhooks are delivered only while they are enabled for the license.
		const webhooksState = (await vendorRequest.call(this, liveChatApi, actionRequest('configuration', 'get_license_webhooks_state', { owner_client_id: owner }), { read: true })) as IDataObject;
		if (webhooksState?.license_webhooks_enabled !== true) {
			await vendorRequest.call(this, liveChatApi, actionRequest('configuration', 'enable_license_webhooks', { owner_client_id: owner }));
		}
		const others = (await listWebhooks(this, owner)).filter((webhook) => webhook.url !== url);
		const full = items
			.map(({ action }) => action)
			.filter((action) => others.filter((webhook) => webhook.action === action).length >= PER_ACTION_LIMIT);
		if (full.length) {
			throw new NodeOperationError(
				this.getNode(),
				`LiveChat allows ${PER_ACTION_LIMIT} webhooks per event for one client ID, and ${full.join(', ')} already has ${PER_ACTION_LIMIT}`,
				{ description: 'Remove a webhook of that event (Developer Console → your app → Webhooks) or use the Client ID of another app.' },
			);
		}
	},
	async register(owner, { action, filters, additional_data }, url, secret) {
		const body: IDataObject = {
			url,
			action,
			secret_key: secret,
			owner_client_id: owner,
			type: 'license',
			description: `n8n workflow ${this.getWorkflow().id ?? ''}`.trim(),
		};
		if (filters) body.filters = filters;
		if (additional_data) body.additional_data = additional_data;
		return await vendorRequest.call(this, liveChatApi, actionRequest('configuration', 'register_webhook', body));
	},
	idIn: (answer) => {
		const id = (answer as IDataObject | undefined)?.id;
		return typeof id === 'string' ? id : undefined;
	},
	async unregister(owner, id) {
		return await vendorRequest.call(this, liveChatApi, actionRequest('configuration', 'unregister_webhook', { id, owner_client_id: owner }));
	},
});

export class LiveChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LiveChat Trigger',
		name: 'liveChatTrigger',
		icon: { light: 'file:liveChat.svg', dark: 'file:liveChat.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow as soon as something happens in LiveChat: chats, events, transfers, tags, summaries, agents and more (LiveChat sends webhooks, so no polling trigger is needed)',
		defaults: { name: 'LiveChat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: liveChatCredentials,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			authenticationProperty,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['incoming_chat'],
				options: WEBHOOK_ACTIONS.map(([name, value]) => ({ name, value })),
				description: 'One webhook is registered per event; LiveChat allows three per event for one client ID',
			},
			ownerClientId.legacy,
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				description: 'Each event is registered with only the filters LiveChat accepts for it',
				options: webhookFilterOptions,
			},
			additionalDataProperty,
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'withAction',
				options: [
					{
						name: 'Payload with Action',
						value: 'withAction',
						description:
							'The whole delivery but its secret: action name, webhook and organization IDs, payload, additional data, and the requester of configuration changes',
					},
					{
						name: 'Payload Only',
						value: 'payload',
						description: 'Only the payload LiveChat sent (one item per change when it is a list, as for Auto Accesses Updated)',
					},
				],
			},
			repeatWindowLegacyProperty,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [agentIdsShapeProperty, repeatWindowOption, ownerClientId.option],
			},
		],
	};

	methods = { loadOptions: { getAgents } };

	webhookMethods = { default: lifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = registrationState<WebhookState>(this);
		const checked = checkDelivery(this, {
			contentType: { accepts: isJsonDelivery, refusal: 'Expected Content-Type: application/json' },
			secret: { received: () => (this.getBodyData() as IDataObject | undefined)?.secret_key, expected: state.secret },
			content: {
				read: () => {
					const body = this.getBodyData() as IDataObject;
					return typeof body.payload === 'object' && body.payload !== null ? body : undefined;
				},
				refusal: 'Expected a LiveChat webhook with a payload',
			},
		});
		if ('refused' in checked) return checked.refused;
		const body = checked.content;
		const action = String(body.action ?? '');
		// An action this trigger no longer listens to is acknowledged and ignored.
		if (!wantedActions(this).includes(registeredAction(action))) return { webhookResponse: { ignored: action } };
		// The whole envelope but the secret: configuration webhooks add `requester`, and LiveChat may add
		// more. The secret is also left out of the fingerprint: a delivery repeated after a
		// re-registration is still the same delivery.
		const delivery: IDataObject = { ...body };
		delete delivery.secret_key;
		const repeated = refuseReplay.call(this, delivery);
		if (repeated) return repeated;
		if (this.getNodeParameter('output', 'withAction') === 'payload') {
			// auto_accesses_updated delivers a list of changes: one item each (none, no execution).
			const payload = delivery.payload as IDataObject | IDataObject[];
			if (Array.isArray(payload) && !payload.length) return { webhookResponse: { ignored: 'empty payload' } };
			return { workflowData: [this.helpers.returnJsonArray(payload)] };
		}
		delivery.additional_data ??= {};
		return { workflowData: [this.helpers.returnJsonArray([delivery])] };
	}
}
