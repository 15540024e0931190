import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { vendorRequest } from '../shared/transport';
import {
	deliveryContent,
	deliveryMediaType,
	checkDelivery,
	newWebhookSecret,
	refuseReplay,
	removeIfThere,
	registrationState,
	repeatWindowLegacyProperty,
	repeatWindowOptions,
	secretsMatch,
	UNDOCUMENTED_DELIVERY_TYPES,
} from '../shared/webhook';
import { getPhoneNumbers } from './methods/loadOptions';
import { alive5Api } from './transport';
import { isNotFound } from '../shared/errors';

/** Alive5 signs nothing: the registered URL carries a secret of ours, checked on every delivery. */
const SECRET_QUERY = 'n8n_token';

interface WebhookState {
	phoneNumber?: string;
	url?: string;
	secret?: string;
	interceptorUuid?: string;
}

interface Interceptor {
	uuid: string;
	url: string;
}

function phoneOf(context: IHookFunctions | IWebhookFunctions): string {
	const phone = String(context.getNodeParameter('phoneNumber', '') ?? '').trim();
	if (!phone) throw new NodeOperationError(context.getNode(), 'Alive5 Phone Number is required');
	return phone;
}

function uuidOf(record: IDataObject): string {
	const uuid = record.interceptorUuid ?? record.interceptor_uuid ?? record.uuid ?? record.id;
	return typeof uuid === 'string' || typeof uuid === 'number' ? String(uuid) : '';
}

/** A URL in one spelling (query sorted), so that the URL we sent and the one Alive5 lists compare equal. */
function normalized(url: string): string {
	try {
		const parsed = new URL(url);
		parsed.searchParams.sort();
		return parsed.toString();
	} catch {
		return url;
	}
}

/** The URL without our secret, to recognise registrations of this trigger whatever their secret. */
function withoutSecret(url: string): string {
	try {
		const parsed = new URL(url);
		parsed.searchParams.delete(SECRET_QUERY);
		return normalized(parsed.toString());
	} catch {
		return url;
	}
}

function secretOf(url: string): string {
	try {
		return new URL(url).searchParams.get(SECRET_QUERY) ?? '';
	} catch {
		return '';
	}
}

/**
 * Every interceptor an answer holds, wherever it sits: an object with a `url` and an ID. The sources
 * show `data.channelUpdate.Attributes.interceptor[]` (registration) and `data.interceptors[]`
 * (look-up) (Pipedream's `alive5.app.mjs`); other places are read the same way, so that the
 * bookkeeping never depends on one shape.
 */
function interceptorsIn(value: unknown, depth = 0): Interceptor[] {
	if (depth > 8 || typeof value !== 'object' || value === null) return [];
	if (Array.isArray(value)) return value.flatMap((entry) => interceptorsIn(entry, depth + 1));
	const record = value as IDataObject;
	const url = record.url ?? record.webhookUrl;
	if (typeof url === 'string' && uuidOf(record) !== '') return [{ uuid: uuidOf(record), url }];
	return Object.values(record).flatMap((entry) => interceptorsIn(entry, depth + 1));
}

/** The interceptors Alive5 holds for a number; none when it answers 404. */
async function interceptorsFor(context: IHookFunctions, phone: string): Promise<Interceptor[]> {
	try {
		const body = await vendorRequest.call(context, alive5Api, {
			method: 'GET',
			url: `/register/webhook/sms/${encodeURIComponent(phone)}`,
		});
		return interceptorsIn(body);
	} catch (error) {
		if (isNotFound(error)) return [];
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
}

async function removeInterceptor(context: IHookFunctions, phone: string, uuid: string): Promise<void> {
	await removeIfThere(context, async () =>
		await vendorRequest.call(context, alive5Api, {
			method: 'DELETE',
			url: '/register/webhook/sms',
			body: { phoneNumber: phone, interceptorUuid: uuid },
		}),
	);
}

/**
 * Removes every interceptor of the number that points at this trigger's webhook URL (whatever its
 * secret), and the one of `uuid` if given: nothing of this trigger is left at Alive5 afterwards.
 */
async function removeOurs(context: IHookFunctions, phone: string, webhookUrl: string, uuid?: string): Promise<void> {
	const removed = new Set<string>();
	if (uuid) {
		await removeInterceptor(context, phone, uuid);
		removed.add(uuid);
	}
	for (const interceptor of await interceptorsFor(context, phone)) {
		if (withoutSecret(interceptor.url) !== withoutSecret(webhookUrl) || removed.has(interceptor.uuid)) continue;
		await removeInterceptor(context, phone, interceptor.uuid);
		removed.add(interceptor.uuid);
	}
}

function forget(state: WebhookState): void {
	delete state.phoneNumber;
	delete state.url;
	delete state.secret;
	delete state.interceptorUuid;
}

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

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = registrationState<WebhookState>(this);
				const phone = phoneOf(this);
				const url = this.getNodeWebhookUrl('default') as string;
				// A registration for another number or URL would deliver to the wrong place: remove it.
				if (state.phoneNumber && (state.phoneNumber !== phone || state.url !== url)) {
					await removeOurs(this, state.phoneNumber, state.url ?? url, state.interceptorUuid);
					forget(state);
				}
				let current = false;
				for (const interceptor of await interceptorsFor(this, phone)) {
					if (withoutSecret(interceptor.url) !== withoutSecret(url)) continue;
					const ours =
						interceptor.uuid === state.interceptorUuid && secretsMatch(secretOf(interceptor.url), state.secret);
					// Ours but not the one we hold the secret of (static data lost): it must go.
					if (ours && !current) current = true;
					else await removeInterceptor(this, phone, interceptor.uuid);
				}
				// The look-up did not show the one we registered (or could not be read): remove it by ID,
				// so that registering again cannot leave it behind.
				if (!current && state.interceptorUuid) await removeInterceptor(this, phone, state.interceptorUuid);
				if (!current) forget(state);
				return current;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const state = registrationState<WebhookState>(this);
				const phone = phoneOf(this);
				const url = this.getNodeWebhookUrl('default') as string;
				const secret = newWebhookSecret();
				const target = new URL(url);
				target.searchParams.set(SECRET_QUERY, secret);
				const isTarget = (interceptor: Interceptor) => normalized(interceptor.url) === normalized(target.toString());
				let answer: unknown;
				try {
					answer = await vendorRequest.call(this, alive5Api, {
						method: 'POST',
						url: '/register/webhook/sms',
						body: { phoneNumber: phone, url: target.toString(), direction: 'inbound', method: 'POST' },
					});
				} catch (error) {
					// Alive5 may have registered it before failing: remove whatever points at this URL.
					await removeOurs(this, phone, url).catch(() => undefined);
					throw new NodeApiError(this.getNode(), error as JsonObject);
				}
				// Kept before the ID is known: a later activation or deactivation then removes it by URL.
				Object.assign(state, { phoneNumber: phone, url, secret });
				// The answer lists the number's interceptors: ours is the one with our URL. When the
				// answer does not show it, the look-up does.
				const uuid =
					interceptorsIn(answer).find(isTarget)?.uuid ?? (await interceptorsFor(this, phone)).find(isTarget)?.uuid;
				if (!uuid) {
					throw new NodeOperationError(
						this.getNode(),
						`Alive5 registered the webhook, but neither its answer nor the look-up of ${phone} shows it`,
						{ description: 'Deactivating the workflow, or activating it again, removes the registration by its URL.' },
					);
				}
				state.interceptorUuid = uuid;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = registrationState<WebhookState>(this);
				// Without a record of a registration, the number is looked at all the same: one whose
				// activation failed half-way is removed by its URL.
				const phone = state.phoneNumber ?? String(this.getNodeParameter('phoneNumber', '') ?? '').trim();
				if (phone) {
					try {
						await removeOurs(
							this,
							phone,
							state.url ?? (this.getNodeWebhookUrl('default') as string),
							state.interceptorUuid,
						);
					} catch (error) {
						this.logger.warn(`Alive5 webhook could not be removed: ${(error as Error).message}`);
						return false;
					}
				}
				forget(state);
				return true;
			},
		},
	};

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
