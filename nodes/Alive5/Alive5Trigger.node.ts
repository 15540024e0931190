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
import { isJsonDelivery, newWebhookSecret, refuseReplay, registrationState, rejectDelivery, repeatWindowProperty, secretsMatch } from '../shared/webhook';
import { listOf } from './helpers/envelope';
import { getPhoneNumbers } from './methods/loadOptions';
import { alive5Api } from './transport';

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
	return String(record.interceptorUuid ?? record.interceptor_uuid ?? record.uuid ?? record.id ?? '');
}

/** The URL without our secret, to recognise registrations of this trigger whatever their secret. */
function withoutSecret(url: string): string {
	try {
		const parsed = new URL(url);
		parsed.searchParams.delete(SECRET_QUERY);
		return parsed.toString();
	} catch {
		return url;
	}
}

const is404 = (error: unknown) => error instanceof NodeApiError && String(error.httpCode) === '404';

/** The interceptors Alive5 holds for a number (an answer of one object or a list). */
async function interceptorsFor(context: IHookFunctions, phone: string): Promise<Interceptor[]> {
	let body: unknown;
	try {
		body = await vendorRequest.call(context, alive5Api, {
			method: 'GET',
			url: `/register/webhook/sms/${encodeURIComponent(phone)}`,
		});
	} catch (error) {
		if (is404(error)) return [];
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
	const listed = listOf(body);
	const data = (body as IDataObject | undefined)?.data;
	const records = listed.length ? listed : typeof data === 'object' && data !== null ? [data as IDataObject] : [];
	return records
		.map((record) => ({ uuid: uuidOf(record), url: String(record.url ?? record.webhookUrl ?? '') }))
		.filter((interceptor) => interceptor.uuid !== '');
}

async function removeInterceptor(context: IHookFunctions, phone: string, uuid: string): Promise<void> {
	try {
		await vendorRequest.call(context, alive5Api, {
			method: 'DELETE',
			url: '/register/webhook/sms',
			body: { phoneNumber: phone, interceptorUuid: uuid },
		});
	} catch (error) {
		// Already gone at Alive5 is what we wanted.
		if (!is404(error)) throw new NodeApiError(context.getNode(), error as JsonObject);
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
		description: 'Starts the workflow when an SMS arrives at one of your Alive5 numbers',
		defaults: { name: 'Alive5 Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'alive5Api', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Alive5 signs no delivery: this trigger registers a URL with a random secret and refuses deliveries without it. Keep the URL private.',
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
			repeatWindowProperty,
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
				if (state.interceptorUuid && (state.phoneNumber !== phone || state.url !== url)) {
					await removeInterceptor(this, state.phoneNumber ?? phone, state.interceptorUuid);
					forget(state);
				}
				let current = false;
				for (const interceptor of await interceptorsFor(this, phone)) {
					if (withoutSecret(interceptor.url) !== url) continue;
					const ours =
						interceptor.uuid === state.interceptorUuid &&
						secretsMatch(new URL(interceptor.url).searchParams.get(SECRET_QUERY) ?? '', state.secret);
					// Ours but not the one we hold the secret of (static data lost): it must go.
					if (ours && !current) current = true;
					else await removeInterceptor(this, phone, interceptor.uuid);
				}
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
				const answer = await vendorRequest.call(this, alive5Api, {
					method: 'POST',
					url: '/register/webhook/sms',
					body: { phoneNumber: phone, url: target.toString(), direction: 'inbound', method: 'POST' },
				});
				const data = (answer as IDataObject | undefined)?.data;
				let uuid = typeof data === 'object' && data !== null ? uuidOf(data as IDataObject) : '';
				if (!uuid) {
					// The answer did not name the interceptor: find it by its URL.
					const found = (await interceptorsFor(this, phone)).find(
						(interceptor) => interceptor.url === target.toString(),
					);
					uuid = found?.uuid ?? '';
				}
				if (!uuid) {
					throw new NodeOperationError(this.getNode(), 'Alive5 registered the webhook but did not say its interceptor ID');
				}
				Object.assign(state, { phoneNumber: phone, url, secret, interceptorUuid: uuid });
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = registrationState<WebhookState>(this);
				if (state.interceptorUuid) {
					try {
						await removeInterceptor(this, state.phoneNumber ?? phoneOf(this), state.interceptorUuid);
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
		if (!isJsonDelivery.call(this)) return rejectDelivery.call(this, 415, 'Expected Content-Type: application/json');
		const query = this.getQueryData() as IDataObject;
		if (!secretsMatch(query[SECRET_QUERY], state.secret)) {
			return rejectDelivery.call(this, 401, 'Unknown sender');
		}
		const body = this.getBodyData() as unknown;
		const readable =
			typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length > 0;
		if (!readable) return rejectDelivery.call(this, 400, 'Expected a JSON object describing one SMS');
		const repeated = refuseReplay.call(this, body);
		if (repeated) return repeated;
		return { workflowData: [this.helpers.returnJsonArray([body as IDataObject])] };
	}
}
