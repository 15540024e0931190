/**
 * Social Intents REST API v1 as documented (vendor page and FACTS.md): Basic auth with Account ID
 * and API token (or the X-SocialIntentsToken header), `{apiStatus, apiStatusCode, apiStatusMessage}`
 * envelopes, chat history with its filters, missed chats, offline messages, leads, apps, and
 * per-app webhooks that it really delivers to.
 *
 * Where the sources disagree, a switch serves each shape:
 * - `chatShape`: 'current' (REST page updated 2026-03-11: `visitorFullName`, `agentEmail`, `textBody`,
 *   `htmlBody`, `messages[]`; ISO `startDate` as the webhook samples write it) or 'example2017' (the
 *   2017 "Example Chat History" response: `visitorName`, `startDate` "2017-06-24 15:01:31 PM").
 * - `ignoredFilters`: filters this API answers as if they were not sent (a vendor may ignore any
 *   filter; `/contacts` documents no `email` and always ignores it).
 * Webhook deliveries always have the webhook samples' shape (visitorFullName / FirstName / LastName,
 * `textBody` and no `messages`, ISO `startDate`; leads with `addDate`).
 */
import { DateTime } from 'luxon';

import { SI_WEBHOOK_SAMPLES } from './samples/socialIntentsWebhooks';
import type { SimRequest, SimResponse, SimulatedVendor } from './base';
import { DAY, HOUR, seededRandom, sendControl, Simulator, withoutToken, withQueryToken } from './base';

export interface SiMessage {
	type: string;
	nickname: string;
	timestamp: number;
	body: string;
}

export interface SiChat {
	id: string;
	chatType: 'Answered' | 'Missed' | 'Offline Message';
	appId: string;
	accountId: string;
	referrer: string;
	/** Kept as a time; written out as startDate in the requested time zone. */
	startMs: number;
	userAgent: string;
	ip: string;
	page: string;
	visitorId: string;
	visitorName: string;
	visitorPhone: string;
	visitorEmail: string;
	agentName: string;
	agentId: string;
	duration: number;
	visits: number;
	tags: string[];
	messages: SiMessage[];
}

/** A lead as the webhook sample and FACTS.md give it; `addDate` is written from addMs. */
export interface SiLead {
	id: string;
	appId: string;
	appName: string;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	group: string;
	page: string;
	addMs: number;
}

export type SiChatShape = 'current' | 'example2017';
export type SiFilter = 'app_id' | 'visitor_id' | 'email' | 'tag' | 'date_from' | 'date_to';

export interface SiWebhook {
	id: string;
	appId: string;
	target_url: string;
	event: '' | 'offline_message' | 'lead';
}

export const SI_ACCOUNT_ID = '2c9f8d8744e044e90144e0460e770000';
export const SI_API_TOKEN = 'si-sandbox-token-6f1d2a';

/** The chat of the vendor's "Example Chat History Request and Response", field for field. */
export const documentedChat: SiChat = {
	id: '2c9fa7465ccfd687015cda9fed35085a',
	chatType: 'Answered',
	appId: '402881ca479973440147997a99b00000',
	accountId: SI_ACCOUNT_ID,
	referrer: '',
	startMs: Date.UTC(2017, 5, 24, 15, 1, 31),
	userAgent: 'Safari 10.1/0S X 10.11',
	ip: '73.184.238.75',
	page: 'http://www.socialintents.com/',
	visitorId: 'c0ad14b2-aa8c-07ca-a575-a19ec05f779f',
	visitorName: 'Tom Sandler',
	visitorPhone: '',
	visitorEmail: 'tom.sandler@gmail.com',
	agentName: 'James',
	agentId: '1000',
	duration: 41,
	visits: 5,
	tags: [],
	messages: [
		{
			type: 'messageToAgent',
			nickname: 'Tom Sandler',
			timestamp: 1498316491095,
			body: 'Hi I have a question about your service.',
		},
		{ type: 'messageToVisitor', nickname: 'James', timestamp: 1498316505253, body: 'Hi there! I can help.' },
		{
			type: 'messageToVisitor',
			nickname: 'Tom Sandler',
			timestamp: 1498316519651,
			body: "Great. What's your pricing?",
		},
	],
};

export const SI_APPS = [
	{ id: '402881ca479973440147997a99b00000', name: 'Website Chat', type: 'Live Chat', enabled: true },
	{ id: '402881ca4799734401479980aaaa0001', name: 'Help Center', type: 'Live Chat', enabled: true },
];

const VISITORS = ['Ana Souza', 'Ben Okafor', 'Chen Wei', 'Dana Levi', 'Emil Berg', 'Fatima Noor', 'Gus Ortiz'];
const AGENTS = [
	{ id: '1000', name: 'James' },
	{ id: '1001', name: 'Priya' },
];
const TAGS = ['billing', 'sales', 'support'];

function hexId(random: () => number): string {
	let id = '';
	for (let i = 0; i < 32; i++) id += Math.floor(random() * 16).toString(16);
	return id;
}

/** ISO 8601 in UTC to the second, as the webhook samples write dates: 2025-01-15T10:30:00Z. */
function isoSeconds(ms: number): string {
	return DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

/** The plain-text transcript of `textBody` ("Visitor: Hi there\nAgent: Hello!" in the webhook sample). */
function textBodyOf(chat: SiChat): string {
	return chat.messages
		.map((message) => `${message.type === 'messageToAgent' ? 'Visitor' : 'Agent'}: ${message.body}`)
		.join('\n');
}

export class SocialIntentsSimulator extends Simulator {
	readonly vendor = 'Social Intents';

	chats: SiChat[] = [];
	leads: SiLead[] = [];
	webhooks: SiWebhook[] = [];
	/** Delivery attempts made to registered webhooks: [url, status]. */
	deliveries: Array<{ url: string; status: number; event: string }> = [];
	private nextWebhookId = 1;
	private random = seededRandom(7);
	/** Which documented chat shape the REST lists answer with (see the file's comment). */
	chatShape: SiChatShape = 'current';
	/** Filters the lists answer as if they had not been sent. */
	ignoredFilters: SiFilter[] = [];

	constructor(
		readonly accountId = SI_ACCOUNT_ID,
		readonly apiToken = SI_API_TOKEN,
	) {
		super();
		// the current REST page: GET /ping answers {"statusCode":"200","status":"PingSuccessful"}
		this.route('GET', '/ping', () => ({ body: { statusCode: '200', status: 'PingSuccessful' } }));
		this.route('GET', '/chats', (request) => this.listChats(request, 'Answered'));
		this.route('GET', '/missedchats', (request) => this.listChats(request, 'Missed'));
		this.route('GET', '/offlinemessages', (request) => this.listChats(request, 'Offline Message'));
		this.route('GET', '/contacts', (request) => this.listLeads(request));
		this.route('GET', '/apps', () => this.ok({ apps: SI_APPS }));
		this.route('POST', '/apps/:appId/webhook', (request) => this.registerWebhook(request));
		this.route('DELETE', '/apps/:appId/webhook/:webhookId', (request) => this.deleteWebhook(request));
		// the current REST page: removes a webhook whatever its widget
		this.route('DELETE', '/webhook/:webhookId', (request) => this.deleteWebhook(request));
	}

	protected seed(): void {
		this.random = seededRandom(7);
		this.webhooks = [];
		this.deliveries = [];
		this.chatShape = 'current';
		this.ignoredFilters = [];
		this.nextWebhookId = 1;
		this.chats = [{ ...documentedChat, messages: documentedChat.messages.map((m) => ({ ...m })) }];
		this.leads = [];
		const now = Date.now();
		// Recent history relative to now, so that date windows and polling see realistic days.
		for (let i = 0; i < 24; i++) this.chats.push(this.makeChat('Answered', now - (i + 1) * 5 * 3600_000));
		for (let i = 0; i < 5; i++) this.chats.push(this.makeChat('Missed', now - (i + 1) * 11 * 3600_000));
		for (let i = 0; i < 4; i++) this.chats.push(this.makeChat('Offline Message', now - (i + 1) * 13 * 3600_000));
		for (let i = 0; i < 6; i++) this.leads.push(this.makeLead(now - (i + 1) * 9 * 3600_000));
	}

	makeChat(chatType: SiChat['chatType'], startMs: number, fields: Partial<SiChat> = {}): SiChat {
		const random = this.random;
		const visitorName = VISITORS[Math.floor(random() * VISITORS.length)];
		const agent = AGENTS[Math.floor(random() * AGENTS.length)];
		const app = SI_APPS[Math.floor(random() * SI_APPS.length)];
		const visitorEmail = `${visitorName.toLowerCase().replace(' ', '.')}@example.com`;
		const answered = chatType === 'Answered';
		const messages: SiMessage[] = [
			{ type: 'messageToAgent', nickname: visitorName, timestamp: startMs, body: 'Hello, is anyone there?' },
		];
		if (answered) {
			messages.push(
				{ type: 'messageToVisitor', nickname: agent.name, timestamp: startMs + 9000, body: 'Hi! How can I help?' },
				{ type: 'messageToAgent', nickname: visitorName, timestamp: startMs + 21000, body: 'I need an invoice copy.' },
				{ type: 'messageToVisitor', nickname: agent.name, timestamp: startMs + 40000, body: 'Sent to your email.' },
			);
		}
		return {
			id: hexId(random),
			chatType,
			appId: app.id,
			accountId: this.accountId,
			referrer: 'https://www.google.com/',
			startMs,
			userAgent: 'Chrome 120/Windows 10',
			ip: `10.0.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`,
			page: 'https://shop.example.com/pricing',
			visitorId: `${hexId(random).slice(0, 8)}-visitor`,
			visitorName,
			visitorPhone: random() > 0.5 ? '+15555550123' : '',
			visitorEmail,
			agentName: answered ? agent.name : '',
			agentId: answered ? agent.id : '',
			duration: answered ? 45 : 0,
			visits: 1 + Math.floor(random() * 6),
			tags: answered ? [TAGS[Math.floor(random() * TAGS.length)]] : [],
			messages,
			...fields,
		};
	}

	makeLead(addMs: number, fields: Partial<SiLead> = {}): SiLead {
		const random = this.random;
		const name = VISITORS[Math.floor(random() * VISITORS.length)];
		const app = SI_APPS[Math.floor(random() * SI_APPS.length)];
		const [firstName, lastName] = name.split(' ');
		return {
			id: hexId(random),
			appId: app.id,
			appName: app.name,
			firstName,
			lastName,
			email: `${name.toLowerCase().replace(' ', '.')}+lead@example.com`,
			phone: '+15555550199',
			group: 'Sales',
			page: 'https://shop.example.com/contact',
			addMs,
			...fields,
		};
	}

	/** A lead as the webhook sample writes it: `addDate` ISO 8601 in UTC. */
	renderLead(lead: SiLead): Record<string, unknown> {
		const { addMs, ...rest } = lead;
		return { ...rest, addDate: isoSeconds(addMs) };
	}

	protected isAuthorized(request: SimRequest): boolean {
		const header = request.headers.authorization ?? '';
		if (header.startsWith('Basic ')) {
			const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
			return user === this.accountId && rest.join(':') === this.apiToken;
		}
		return request.headers['x-socialintentstoken'] === this.apiToken;
	}

	protected unauthorized(): SimResponse {
		return this.errorResponse(401, 'Invalid Account ID or API Token');
	}

	protected errorResponse(status: number, message: string): SimResponse {
		return { status, body: { apiStatus: 'Error', apiStatusCode: String(status), apiStatusMessage: message } };
	}

	protected envelopeError(message: string): SimResponse {
		return { status: 200, body: { apiStatus: 'Error', apiStatusCode: '500', apiStatusMessage: message } };
	}

	private ok(fields: Record<string, unknown>): SimResponse {
		return { body: { apiStatus: 'Success', apiStatusCode: '200', apiStatusMessage: '', ...fields } };
	}

	private zoneOf(request: SimRequest): string | SimResponse {
		const zone = request.query.timezone || 'UTC';
		return DateTime.now().setZone(zone).isValid ? zone : this.errorResponse(400, `Unknown timezone ${zone}`);
	}

	/** The value of a filter, or undefined when it was not sent or this API ignores it. */
	private filter(request: SimRequest, name: SiFilter): string | undefined {
		if (this.ignoredFilters.includes(name)) return undefined;
		return name === 'app_id' ? (request.query.app_id ?? request.query.widget_id) : request.query[name];
	}

	/** Days of `date_from`..`date_to` (inclusive) in the zone; undefined bounds are open. */
	private inRange(ms: number, zone: string, request: SimRequest): boolean {
		const day = DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd');
		const from = this.filter(request, 'date_from');
		const to = this.filter(request, 'date_to');
		return (!from || day >= from) && (!to || day <= to);
	}

	private badDate(request: SimRequest): SimResponse | undefined {
		for (const name of ['date_from', 'date_to']) {
			const value = request.query[name];
			if (value !== undefined && !DateTime.fromFormat(value, 'yyyy-MM-dd').isValid) {
				return this.errorResponse(400, `${name} must be yyyy-MM-dd`);
			}
		}
		return undefined;
	}

	/** A chat as the REST lists answer it, in `chatShape` (see the file's comment). */
	renderChat(chat: SiChat, zone: string): Record<string, unknown> {
		// tags are kept for the `tag` filter; neither documented chat shows them
		const { startMs, visitorName, tags: _tags, ...rest } = chat;
		if (this.chatShape === 'example2017') {
			return { ...rest, visitorName, startDate: DateTime.fromMillis(startMs, { zone }).toFormat('yyyy-MM-dd HH:mm:ss a') };
		}
		return {
			...rest,
			visitorFullName: visitorName,
			agentEmail: chat.agentName ? `${chat.agentName.toLowerCase()}@shop.example.com` : '',
			startDate: isoSeconds(startMs),
			textBody: textBodyOf(chat),
			htmlBody: chat.messages.map((message) => `<p><b>${message.nickname}</b>: ${message.body}</p>`).join(''),
		};
	}

	/** A chat as a webhook delivers it (the webhook sample): names split, a text transcript, no messages. */
	webhookChat(chat: SiChat): Record<string, unknown> {
		const { startMs, visitorName, messages: _messages, tags: _tags, accountId: _accountId, userAgent: _userAgent, ...rest } = chat;
		const [visitorFirstName, ...last] = visitorName.split(' ');
		return {
			...rest,
			startDate: isoSeconds(startMs),
			visitorFullName: visitorName,
			visitorFirstName,
			visitorLastName: last.join(' '),
			textBody: textBodyOf(chat),
		};
	}

	private listChats(request: SimRequest, chatType: SiChat['chatType']): SimResponse {
		const zone = this.zoneOf(request);
		if (typeof zone !== 'string') return zone;
		const invalid = this.badDate(request);
		if (invalid) return invalid;
		const q = request.query;
		const appId = this.filter(request, 'app_id');
		const visitorId = this.filter(request, 'visitor_id');
		const email = this.filter(request, 'email');
		const tag = this.filter(request, 'tag');
		const chats = this.chats
			.filter((chat) => chat.chatType === chatType)
			.filter((chat) => this.inRange(chat.startMs, zone, request))
			.filter((chat) => !appId || chat.appId === appId)
			.filter((chat) => !visitorId || chat.visitorId === visitorId)
			.filter((chat) => !email || chat.visitorEmail.toLowerCase() === email.toLowerCase())
			.filter((chat) => !tag || chat.tags.includes(tag))
			.filter((chat) => !q.id || chat.id === q.id)
			.sort((a, b) => b.startMs - a.startMs)
			.map((chat) => this.renderChat(chat, zone));
		return this.ok({ chats });
	}

	private listLeads(request: SimRequest): SimResponse {
		const zone = this.zoneOf(request);
		if (typeof zone !== 'string') return zone;
		const invalid = this.badDate(request);
		if (invalid) return invalid;
		// FACTS.md: /contacts filters by date_from, date_to, timezone and app_id; `email` is not one.
		const appId = this.filter(request, 'app_id');
		const contacts = this.leads
			.filter((lead) => this.inRange(lead.addMs, zone, request))
			.filter((lead) => !appId || lead.appId === appId)
			.sort((a, b) => b.addMs - a.addMs)
			.map((lead) => this.renderLead(lead));
		return this.ok({ contacts });
	}

	private registerWebhook(request: SimRequest): SimResponse {
		if (!SI_APPS.some((app) => app.id === request.params.appId)) {
			return this.errorResponse(404, `No app ${request.params.appId}`);
		}
		const body = (request.body ?? {}) as { target_url?: string; event?: string };
		if (typeof body.target_url !== 'string' || !/^https?:\/\//.test(body.target_url)) {
			return this.errorResponse(400, 'target_url is required');
		}
		const event = body.event ?? '';
		if (!['', 'offline_message', 'lead'].includes(event)) {
			return this.errorResponse(400, `Unknown event ${event}`);
		}
		const webhook: SiWebhook = {
			id: `wh_${this.nextWebhookId++}`,
			appId: request.params.appId,
			target_url: body.target_url,
			event: event as SiWebhook['event'],
		};
		this.webhooks.push(webhook);
		return { body: { id: webhook.id } };
	}

	private deleteWebhook(request: SimRequest): SimResponse {
		const index = this.webhooks.findIndex(
			(webhook) =>
				webhook.id === request.params.webhookId && (request.params.appId === undefined || webhook.appId === request.params.appId),
		);
		if (index < 0) return this.errorResponse(404, `No webhook ${request.params.webhookId}`);
		this.webhooks.splice(index, 1);
		return this.ok({});
	}

	/** Stores a record and POSTs it, as a one-element array, to every matching registration. */
	private async announce(appId: string, event: SiWebhook['event'], payload: unknown): Promise<number[]> {
		const targets = this.webhooks.filter((webhook) => webhook.appId === appId && webhook.event === event);
		const statuses: number[] = [];
		for (const target of targets) {
			const status = await this.deliver(target.target_url, [payload]);
			this.deliveries.push({ url: target.target_url, status, event });
			statuses.push(status);
		}
		return statuses;
	}

	protected controls() {
		return {
			/** A chat happens now (or at startMs): stored, and delivered when it is answered or offline. */
			chat: async (body: unknown) => {
				const fields = (body ?? {}) as Partial<SiChat>;
				const chat = this.makeChat(fields.chatType ?? 'Answered', fields.startMs ?? Date.now(), fields);
				this.chats.push(chat);
				// "Chat completed" fires when a chat is archived, answered or missed (webhooks page)
				const event = chat.chatType === 'Offline Message' ? 'offline_message' : '';
				const delivered = await this.announce(chat.appId, event, this.webhookChat(chat));
				return { chat: this.renderChat(chat, 'UTC'), webhookChat: this.webhookChat(chat), delivered };
			},
			/**
			 * A sample of the webhooks page (samples/socialIntentsWebhooks.ts), delivered verbatim to the
			 * registrations of an app (body: {kind: 'chat' | 'lead', appId?, event?}); a chat sample goes to
			 * "chat completed" unless `event` names offline_message.
			 */
			sample: async (body: unknown) => {
				const { kind, appId = SI_APPS[0].id, event } = (body ?? {}) as { kind: 'chat' | 'lead'; appId?: string; event?: SiWebhook['event'] };
				const sample = SI_WEBHOOK_SAMPLES[kind];
				const targets = this.webhooks.filter((webhook) => webhook.appId === appId && webhook.event === (event ?? (kind === 'lead' ? 'lead' : '')));
				const delivered: number[] = [];
				for (const target of targets) {
					const status = await this.deliver(target.target_url, sample);
					this.deliveries.push({ url: target.target_url, status, event: target.event });
					delivered.push(status);
				}
				return { sample, delivered };
			},
			lead: async (body: unknown) => {
				const fields = (body ?? {}) as Partial<SiLead>;
				const lead = this.makeLead(fields.addMs ?? Date.now(), fields);
				this.leads.push(lead);
				const rendered = this.renderLead(lead);
				return { lead: rendered, delivered: await this.announce(lead.appId, 'lead', rendered) };
			},
			/** Switches the answer shapes: {chatShape?, ignoredFilters?}. */
			shape: (body: unknown) => {
				const settings = (body ?? {}) as { chatShape?: SiChatShape; ignoredFilters?: SiFilter[] };
				if (settings.chatShape) this.chatShape = settings.chatShape;
				if (settings.ignoredFilters) this.ignoredFilters = settings.ignoredFilters;
				return { chatShape: this.chatShape, ignoredFilters: this.ignoredFilters };
			},
		};
	}

	state() {
		return { webhooks: this.webhooks, deliveries: this.deliveries, chats: this.chats.length, leads: this.leads.length };
	}
}

export const sandbox: SimulatedVendor<SocialIntentsSimulator> = {
	key: 'socialIntents',
	port: 4101,
	create: () => new SocialIntentsSimulator(),
	credentials: (simulator) => [
		{
			id: 'sandboxSocialInt',
			name: 'Social Intents (sandbox)',
			type: 'socialIntentsApi',
			data: { accountId: simulator.accountId, apiToken: simulator.apiToken, baseUrl: simulator.baseUrl },
		},
	],
	testEvents: [
		{
			triggers: ['socialIntentsTrigger', 'socialIntentsPollingTrigger', 'anyLiveChatTrigger'],
			control: 'chat',
			body: { appId: SI_APPS[0].id },
			what: 'a chat on Website Chat ends now: delivered to the webhook trigger, and new for the polling trigger',
		},
	],
	name: 'Social Intents',
	nodeType: 'socialIntents',
	aliases: ['socialintents'],
	withSecret: (secret) => new SocialIntentsSimulator(undefined, secret),
	secretField: 'apiToken',
	basicUser: (simulator) => simulator.accountId,
	refusal: { parameters: { resource: 'chat', operation: 'get', chatId: ' ' }, message: 'Chat ID is required' },
	platformFaults: {
		listTarget: { method: 'GET', path: '/chats' },
		pathIds: [
			{
				name: 'Live Chat node conversation get (ID in the query)',
				parameters: (id) => ({ resource: 'conversation', operation: 'get', conversationId: id }),
				check: (request, id) => {
					expect(['/chats', '/missedchats', '/offlinemessages']).toContain(request.path);
					expect(request.query.id).toBe(id);
					expect(Object.keys(request.query)).not.toContain('x');
				},
			},
		],
	},
	faults: {
		read: { parameters: { resource: 'app', operation: 'getAll', returnAll: true }, target: { method: 'GET', path: '/apps' } },
		continueOnFail: {
			parameters: { resource: 'chat', operation: 'get', chatId: '={{ $json.id }}', output: 'raw' },
			inputs: [{ id: documentedChat.id }, { id: 'missing' }, { id: documentedChat.id }],
		},
		badInput: [
			{ name: 'empty Chat ID (expression)', parameters: { resource: 'chat', operation: 'get', chatId: '={{ "" }}' }, message: 'Chat ID' },
			{ name: 'impossible date', parameters: { resource: 'chat', operation: 'getAll', returnAll: true, filters: { dateFrom: '2024-02-30' } }, message: 'Date From' },
			{ name: 'date that is not a date', parameters: { resource: 'missedChat', operation: 'getAll', returnAll: true, filters: { dateTo: 'yesterday' } }, message: 'Date To' },
			{ name: 'unknown time zone', parameters: { resource: 'chat', operation: 'getAll', returnAll: true, filters: { timezone: 'Mars/Olympus' } }, message: 'Time Zone' },
		],
		pathIds: [
			{
				name: 'chat get',
				parameters: (id) => ({ resource: 'chat', operation: 'get', chatId: id }),
				check: (request, id) => {
					expect(request.path).toBe('/chats');
					expect(request.query.id).toBe(id);
					expect(Object.keys(request.query)).not.toContain('x');
				},
			},
		],
		trigger: {
			type: 'socialIntentsPollingTrigger',
			parameters: { event: 'chat', lateArrivalDays: 1, output: 'raw' },
			list: { method: 'GET', path: '/chats' },
			add: async (simulator, atMs) => ((await sendControl(simulator, 'chat', { startMs: atMs })) as { chat: { id: string } }).chat.id,
			idOf: (json) => String(json.id),
			// a chat is listed once it ends, dated by its start: a long chat is listed late
			late: { caughtWithinMs: 20 * HOUR, missedBeyondMs: 2 * DAY, beyondText: '2 days', readme: '"a record listed later than that is missed"' },
			pollMinutes: [5, 25],
			prune: (simulator, beforeMs) => {
				simulator.chats = simulator.chats.filter((chat) => chat.startMs >= beforeMs);
			},
		},
	},
	webhookTrigger: {
		type: 'socialIntentsTrigger',
		parameters: { appId: { __rl: true, mode: 'list', value: SI_APPS[0].id }, events: ['chatCompleted'], output: 'raw' },
		twoRegistrations: { appId: { __rl: true, mode: 'list', value: SI_APPS[0].id }, events: ['chatCompleted', 'lead'], output: 'raw' },
		canList: false,
		registrations: (simulator) => simulator.webhooks.map((webhook) => ({ id: webhook.id, url: webhook.target_url })),
		addForeign: (simulator, url) => {
			simulator.webhooks.push({ id: 'foreign-1', appId: SI_APPS[0].id, target_url: url, event: '' });
		},
		lose: (simulator, webhookUrl) => {
			simulator.webhooks = simulator.webhooks.filter((webhook) => withoutToken(webhook.target_url) !== webhookUrl);
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
		withSecret: withQueryToken,
		register: { method: 'POST', path: `/apps/${SI_APPS[0].id}/webhook` },
		unregister: { method: 'DELETE', path: `/apps/${SI_APPS[0].id}/webhook/` },
	},
	queue: {
		checkActions: (items) => {
			expect(items('Get Many Apps')).toEqual(SI_APPS);
			expect(items('Get Many Chats (limit 5)')).toHaveLength(5);
			expect(items('Get Chat as Transcript')).toEqual([
				expect.objectContaining({ vendor: 'socialIntents', conversationId: '2c9fa7465ccfd687015cda9fed35085a', status: 'closed' }),
			]);
		},
		polls: { socialIntentsPollingTrigger: (simulator) => simulator.count('GET', '/chats') },
		// one registration per event chosen
		registrationsFor: (parameters) => (parameters.events as string[]).length,
		// a chat reaches the webhook and the polling trigger
		emit: async (simulator) => {
			const si = (await sendControl(simulator, 'chat', { appId: SI_APPS[0].id })) as { chat: { id: string }; delivered: number[] };
			return { ids: { socialIntentsPollingTrigger: si.chat.id, socialIntentsTrigger: si.chat.id }, delivered: si.delivered };
		},
	},
};
