/**
 * The webhook triggers of the fault suite: how each one's registrations look at its simulator, which
 * of them are ours, how a genuine delivery to a registration is made (and forged), and where the
 * register and unregister calls go (for transport faults).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Simulator } from '../simulators/base';
import { A5_PHONE_NUMBERS, type Alive5Simulator } from '../simulators/alive5';
import { LC_CLIENT_ID, LC_ORGANIZATION_ID, type LiveChatSimulator } from '../simulators/liveChat';
import { SI_APPS, type SocialIntentsSimulator } from '../simulators/socialIntents';
import type { Target } from './vendors';

/** One HTTP delivery: the full URL it goes to (secret in the query, where the vendor puts it there) and its JSON body. */
export interface Delivery {
	url: string;
	body: IDataObject | IDataObject[];
}

/** What a registration at the vendor points at. */
export interface Registration {
	id: string;
	url: string;
}

export interface WebhookTriggerSpec {
	/** The vendor key of vendors.ts (its simulator start and canary). */
	vendor: string;
	type: string;
	/** Parameters registering exactly one webhook. */
	parameters: IDataObject;
	/** Parameters registering two (for a failure half-way), when the trigger registers several. */
	twoRegistrations?: IDataObject;
	/**
	 * Whether the trigger takes JSON as text and forms from a sender its secret proves (Alive5 documents
	 * no content type): a forgery by content type then also carries a wrong secret.
	 */
	anyContentType?: boolean;
	/** Whether the vendor can list registrations (so a registration whose static data is lost can be found). */
	canList: boolean;
	registrations: (simulator: Simulator) => Registration[];
	addForeign: (simulator: Simulator) => void;
	/** The vendor forgets every registration to this URL. */
	lose: (simulator: Simulator, webhookUrl: string) => void;
	/** Delivery number `n` to a registration, as the vendor sends it. */
	genuine: (registration: Registration, simulator: Simulator, n: number) => Delivery;
	/** The same delivery with another secret; `undefined` leaves the secret out. */
	withSecret: (delivery: Delivery, secret: string | undefined) => Delivery;
	register: Target;
	unregister: Target;
}

const FOREIGN_URL = 'https://elsewhere.example.com/hook';

/** The URL without our secret in the query: what n8n's webhook URL is. */
export function withoutToken(url: string): string {
	const parsed = new URL(url);
	parsed.searchParams.delete('n8n_token');
	return parsed.toString();
}

function queryToken(delivery: Delivery, secret: string | undefined): Delivery {
	const url = new URL(delivery.url);
	if (secret === undefined) url.searchParams.delete('n8n_token');
	else url.searchParams.set('n8n_token', secret);
	return { ...delivery, url: url.toString() };
}

export const webhookTriggers: WebhookTriggerSpec[] = [
	{
		vendor: 'socialIntents',
		type: 'socialIntentsTrigger',
		parameters: { appId: { __rl: true, mode: 'list', value: SI_APPS[0].id }, events: ['chatCompleted'], output: 'raw' },
		twoRegistrations: { appId: { __rl: true, mode: 'list', value: SI_APPS[0].id }, events: ['chatCompleted', 'lead'], output: 'raw' },
		canList: false,
		registrations: (simulator) => (simulator as SocialIntentsSimulator).webhooks.map((webhook) => ({ id: webhook.id, url: webhook.target_url })),
		addForeign: (simulator) => {
			(simulator as SocialIntentsSimulator).webhooks.push({ id: 'foreign-1', appId: SI_APPS[0].id, target_url: FOREIGN_URL, event: '' });
		},
		lose: (simulator, webhookUrl) => {
			const s = simulator as SocialIntentsSimulator;
			s.webhooks = s.webhooks.filter((webhook) => withoutToken(webhook.target_url) !== webhookUrl);
		},
		genuine: (registration, _simulator, n) => ({
			url: registration.url,
			// the webhook sample's chat payload (FACTS.md): ISO startDate, split names, textBody
			body: [
				{
					id: `fault-chat-${n}`,
					chatType: 'Answered',
					appId: SI_APPS[0].id,
					visitorFullName: 'Ada Lovelace',
					visitorFirstName: 'Ada',
					visitorLastName: 'Lovelace',
					startDate: '2026-11-22T05:00:00Z',
					textBody: `Visitor: question ${n}\nAgent: answer ${n}`,
				},
			],
		}),
		withSecret: queryToken,
		register: { method: 'POST', path: `/apps/${SI_APPS[0].id}/webhook` },
		unregister: { method: 'DELETE', path: `/apps/${SI_APPS[0].id}/webhook/` },
	},
	{
		vendor: 'liveChat',
		type: 'liveChatTrigger',
		parameters: { events: ['incoming_event'], output: 'withAction' },
		// Author Type is taken by incoming_event only: it must go with that registration alone.
		twoRegistrations: { events: ['incoming_chat', 'incoming_event'], filters: { authorType: 'customer' }, output: 'withAction' },
		canList: true,
		registrations: (simulator) => (simulator as LiveChatSimulator).webhooks.map((webhook) => ({ id: webhook.id, url: webhook.url })),
		addForeign: (simulator) => {
			(simulator as LiveChatSimulator).webhooks.push({
				id: 'foreign1',
				url: FOREIGN_URL,
				action: 'incoming_event',
				secret_key: 'someone-elses-secret',
				owner_client_id: LC_CLIENT_ID,
				type: 'license',
			});
		},
		lose: (simulator, webhookUrl) => {
			const s = simulator as LiveChatSimulator;
			s.webhooks = s.webhooks.filter((webhook) => webhook.url !== webhookUrl);
		},
		genuine: (registration, simulator, n) => {
			const webhook = (simulator as LiveChatSimulator).webhooks.find((candidate) => candidate.id === registration.id)!;
			return {
				url: registration.url,
				body: {
					webhook_id: webhook.id,
					secret_key: webhook.secret_key,
					action: webhook.action,
					organization_id: LC_ORGANIZATION_ID,
					payload: { chat_id: 'PJ0MRSHTDG', thread_id: 'K600PKZON8', event: { id: `K600PKZON8_${n}`, type: 'message', text: `question ${n}` } },
					additional_data: {},
				},
			};
		},
		withSecret: (delivery, secret) => {
			const body = { ...(delivery.body as IDataObject) };
			if (secret === undefined) delete body.secret_key;
			else body.secret_key = secret;
			return { ...delivery, body };
		},
		register: { method: 'POST', path: '/v3.6/configuration/action/register_webhook' },
		unregister: { method: 'POST', path: '/v3.6/configuration/action/unregister_webhook' },
	},
	{
		vendor: 'alive5',
		type: 'alive5Trigger',
		parameters: { phoneNumber: A5_PHONE_NUMBERS[0] },
		anyContentType: true,
		canList: true,
		registrations: (simulator) => (simulator as Alive5Simulator).interceptors.map((interceptor) => ({ id: interceptor.interceptorUuid, url: interceptor.url })),
		addForeign: (simulator) => {
			(simulator as Alive5Simulator).interceptors.push({ interceptorUuid: 'foreign-1', phoneNumber: A5_PHONE_NUMBERS[0], url: FOREIGN_URL, direction: 'inbound', method: 'POST' });
		},
		lose: (simulator, webhookUrl) => {
			const s = simulator as Alive5Simulator;
			s.interceptors = s.interceptors.filter((interceptor) => withoutToken(interceptor.url) !== webhookUrl);
		},
		// the delivery shape of Alive5's published integration (Pipedream's new-sms-received source)
		genuine: (registration, _simulator, n) => ({
			url: registration.url,
			body: {
				direction: 'inbound',
				message_content: `question ${n}`,
				created_by: '+15550002222',
				phone_mobile: '+15550002222',
				created_at: Date.UTC(2026, 10, 22, 5, 0, n) / 1000,
				channel_id: 'ch-sales',
				thread_id: 'fault-thread',
			},
		}),
		withSecret: queryToken,
		register: { method: 'POST', path: '/register/webhook/sms' },
		unregister: { method: 'DELETE', path: '/register/webhook/sms' },
	},
];

/** The registrations at the vendor that point at this trigger's webhook URL. */
export function ours(spec: WebhookTriggerSpec, simulator: Simulator, webhookUrl: string): Registration[] {
	return spec.registrations(simulator).filter((registration) => withoutToken(registration.url) === webhookUrl);
}

export const FOREIGN = FOREIGN_URL;
