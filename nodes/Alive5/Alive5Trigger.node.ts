import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { isNotFound } from '../shared/errors';
import { type ListedRegistration, sameUrl, webhookLifecycle } from '../shared/registration';
import { vendorRequest } from '../shared/transport';
import {
	deliveryContent,
	deliveryMediaType,
	checkDelivery,
	refuseReplay,
	registrationState,
	repeatWindowLegacyProperty,
	repeatWindowOptions,
	UNDOCUMENTED_DELIVERY_TYPES,
} from '../shared/webhook';
import { getPhoneNumbers } from './methods/loadOptions';
import { alive5Api } from './transport';

/** Alive5 signs nothing: the registered URL carries a secret of ours, checked on every delivery. */
const SECRET_QUERY = 'n8n_token';

interface WebhookState {
	secret?: string;
}

function uuidOf(record: IDataObject): string {
	const uuid = record.interceptorUuid ?? record.interceptor_uuid ?? record.uuid ?? record.id;
	return typeof uuid === 'string' || typeof uuid === 'number' ? String(uuid) : '';
}

/**
 * Every interceptor an answer holds, wherever it sits: an object with a `url` and an ID. The sources
 * show `data.channelUpdate.Attributes.interceptor[]` (registration) and `data.interceptors[]`
 * (look-up) (Pipedream's `alive5.app.mjs`); other places are read the same way, so that the
 * bookkeeping never depends on one shape.
 */
function interceptorsIn(value: unknown, depth = 0): ListedRegistration[] {
	if (depth > 8 || typeof value !== 'object' || value === null) return [];
	if (Array.isArray(value)) return value.flatMap((entry) => interceptorsIn(entry, depth + 1));
	const record = value as IDataObject;
	const url = record.url ?? record.webhookUrl;
	if (typeof url === 'string' && uuidOf(record) !== '') return [{ id: uuidOf(record), url }];
	return Object.values(record).flatMap((entry) => interceptorsIn(entry, depth + 1));
}

/**
 * Alive5's interceptors: one per number, our secret in its URL (Alive5 signs nothing). Its answers
 * come in several shapes, and may not show the interceptor at all: ours is found by URL.
 */
const lifecycle = webhookLifecycle<'inbound'>({
	name: 'Alive5',
	scopeKey: 'phoneNumber',
	legacyIdKey: 'interceptorUuid',
	secretQuery: SECRET_QUERY,
	plan() {
		const phone = String(this.getNodeParameter('phoneNumber', '') ?? '').trim();
		if (!phone) throw new NodeOperationError(this.getNode(), 'Alive5 Phone Number is required');
		return { scope: phone, items: ['inbound'] };
	},
	/** The interceptors Alive5 holds for a number; none when it answers 404. */
	async list(phone) {
		try {
			const body = await vendorRequest.call(this, alive5Api, { method: 'GET', url: `/register/webhook/sms/${encodeURIComponent(phone)}` });
			return interceptorsIn(body);
		} catch (error) {
			if (isNotFound(error)) return [];
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	},
	async register(phone, direction, url) {
		return await vendorRequest.call(this, alive5Api, {
			method: 'POST',
			url: '/register/webhook/sms',
			body: { phoneNumber: phone, url, direction, method: 'POST' },
		});
	},
	// The answer lists the number's interceptors: ours is the one with our URL.
	idIn: (answer, url) => interceptorsIn(answer).find((interceptor) => sameUrl(interceptor.url, url))?.id,
	async unregister(phone, uuid) {
		return await vendorRequest.call(this, alive5Api, {
			method: 'DELETE',
			url: '/register/webhook/sms',
			body: { phoneNumber: phone, interceptorUuid: uuid },
		});
	},
});

export class Alive5Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alive5 Trigger',
		name: 'alive5Trigger',
		icon: { light: 'file:alive5.svg', dark: 'file:alive5.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Inbound SMS to " + $parameter["phoneNumber"]}}',
		description:
			'Starts the workflow as soon as an SMS arrives at one of your Alive5 numbers (never for the SMS it sends). For live chat or Messenger conversations, or an n8n Alive5 cannot reach, use the Alive5 Polling Trigger',
		defaults: { name: 'Alive5 Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'alive5Api', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Inbound SMS start the workflow as they arrive; for live chat or Messenger conversations use the Alive5 Polling Trigger. Alive5 signs no delivery: this trigger registers a URL with a random secret and refuses deliveries without it. Keep the URL private.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Alive5 Phone Number Name or ID',
				name: 'phoneNumber',
				type: 'options',
				required: true,
				default: '',
				typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
				description:
					'The Alive5 SMS number whose inbound messages start the workflow. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			repeatWindowLegacyProperty,
			repeatWindowOptions,
		],
	};

	methods = { loadOptions: { getPhoneNumbers } };

	webhookMethods = { default: lifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = registrationState<WebhookState>(this);
		const checked = checkDelivery(this, {
			// Alive5 documents no content type for its deliveries: only a sender the secret proves may
			// use one other than JSON.
			contentType: {
				accepts: () => UNDOCUMENTED_DELIVERY_TYPES.includes(deliveryMediaType.call(this)),
				refusal: 'Expected JSON, JSON text or a form',
			},
			secret: { received: () => (this.getQueryData() as IDataObject)[SECRET_QUERY], expected: state.secret },
			secretFirst: true,
			content: {
				read: () => {
					const body = deliveryContent.call(this);
					const readable =
						typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length > 0;
					return readable ? (body as IDataObject) : undefined;
				},
				refusal: 'Expected a JSON object describing one SMS',
			},
		});
		if ('refused' in checked) return checked.refused;
		const body = checked.content;
		// The workflow's own replies come back as outbound deliveries: they must not start it again.
		const direction = directionOf(body);
		if (direction !== 'inbound') return { webhookResponse: { ignored: direction ? `${direction} message` : 'message without a direction' } };
		const repeated = refuseReplay.call(this, body);
		if (repeated) return repeated;
		return { workflowData: [this.helpers.returnJsonArray([body])] };
	}
}

/**
 * Which way an SMS went: `direction` is `inbound` or `outbound` in every delivery the sources show
 * (Pipedream's `new-sms-received.mjs`, written with Alive5, emits only `inbound` and its smoke test
 * drops `outbound`; the relayed shape of its other version carries the same field). Lower case; ''
 * when the delivery does not say.
 */
function directionOf(delivery: IDataObject): string {
	return typeof delivery.direction === 'string' ? delivery.direction.trim().toLowerCase() : '';
}
