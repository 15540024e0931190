/**
 * Alive5 public API 1.0 as documented (vendor page and FACTS.md, "What the public record says
 * today"): the X-A5-APIKEY header, the `{code, data, error}` envelope with its quirks (lists in
 * different places per endpoint, 404 for "no records", HTTP 200 that may still carry an error, at the
 * top or in `data`), `date_start` / `date_end` in MM-DD-YYYY, page/limit live chats, SMS sending (JSON
 * or multipart) that opens or continues threads, and inbound-SMS interceptors that really deliver.
 * Where the sources show more than one answer shape, a switch below serves each.
 */
import { DateTime } from 'luxon';

import type { SimRequest, SimResponse, SimulatedVendor } from './base';
import { DAY, HOUR, seededRandom, sendControl, Simulator, withoutToken, withQueryToken } from './base';

export const A5_API_KEY = 'a5-sandbox-key-3c9e71d0';
export const A5_ORG = 'sandbox-org';
export const A5_PHONE_NUMBERS = ['+15125550100', '+15125550101'];

export interface A5Agent {
	user_id: string;
	email: string;
	user_role: string;
	created_at: string;
	screen_name: string;
}

export const A5_CHANNELS: Array<{ channel_id: string; channel_label: string; agents: A5Agent[] }> = [
	{
		channel_id: 'ch-sales',
		channel_label: 'Sales',
		agents: [
			{ user_id: 'u-ana', email: 'ana@sandbox.test', user_role: 'agent', created_at: '2023-01-10T09:00:00.000Z', screen_name: 'Ana' },
			{ user_id: 'u-ben', email: 'ben@sandbox.test', user_role: 'admin', created_at: '2023-01-11T09:00:00.000Z', screen_name: 'Ben' },
		],
	},
	{
		channel_id: 'ch-support',
		channel_label: 'Support',
		agents: [
			{ user_id: 'u-cara', email: 'cara@sandbox.test', user_role: 'agent', created_at: '2023-02-01T09:00:00.000Z', screen_name: 'Cara' },
		],
	},
];

export const A5_TAGS = [
	{ tag_id: 't-1', tag_label: 'billing' },
	{ tag_id: 't-2', tag_label: 'sales' },
	{ tag_id: 't-3', tag_label: 'vip' },
];

export type A5Kind = 'sms' | 'livechat' | 'fbm';

export interface A5Message {
	created_at: string;
	created_by: string;
	message_content: string;
}

export interface A5Conversation {
	kind: A5Kind;
	startMs: number;
	endMs: number | null;
	alive5_sessionID: string;
	channel_id: string;
	channel_name: string;
	crm_id: string;
	agent_id: string;
	assigned_to: string;
	tags: string[];
	contacts_first_name: string;
	contacts_last_name: string;
	contacts_email: string;
	contacts_phone: string;
	contacts_notes: string;
	alive_sms_phone_number?: string;
	chat_conversation: A5Message[];
}

export interface A5Interceptor {
	interceptorUuid: string;
	phoneNumber: string;
	url: string;
	direction: string;
	method: string;
}

/** A fixed SMS thread on a known day, for exact-output tests. */
export const DOCUMENTED_DAY = '03-05-2024';
export const documentedSms: A5Conversation = {
	kind: 'sms',
	startMs: Date.UTC(2024, 2, 5, 14, 0, 0),
	endMs: Date.UTC(2024, 2, 5, 14, 6, 0),
	alive5_sessionID: 'sess-sms-0001',
	channel_id: 'ch-sales',
	channel_name: 'Sales',
	crm_id: 'crm-0001',
	agent_id: 'u-ana',
	assigned_to: 'Ana',
	tags: ['billing'],
	contacts_first_name: 'Maya',
	contacts_last_name: 'Lind',
	contacts_email: 'maya@example.com',
	contacts_phone: '+15550001111',
	contacts_notes: '',
	alive_sms_phone_number: A5_PHONE_NUMBERS[0],
	chat_conversation: [
		{ created_at: '2024-03-05T14:00:00.000Z', created_by: '+15550001111', message_content: 'Is my invoice ready?' },
		{ created_at: '2024-03-05T14:02:00.000Z', created_by: 'u-ana', message_content: 'Yes, sent it a minute ago.' },
		{ created_at: '2024-03-05T14:06:00.000Z', created_by: '+15550001111', message_content: 'Got it, thanks!' },
	],
};

const FIRST = ['Ivy', 'Omar', 'Lena', 'Raj', 'Zoe', 'Tom'];
const LAST = ['Park', 'Haddad', 'Moss', 'Iyer', 'Kahn', 'Reed'];

/**
 * How the registration answers (POST /register/webhook/sms):
 * - `channelUpdate`: the number's interceptors under `data.channelUpdate.Attributes.interceptor[]`,
 *   each `{url, interceptorUuid}` (Pipedream's `alive5.app.mjs`, written with Alive5);
 * - `unnamed`: an answer that shows no interceptor at all (Pipedream guards against it: "No
 *   interceptor with URL … was returned by Alive5"); only the look-up finds it.
 */
export type A5RegisterAnswer = 'channelUpdate' | 'unnamed';

/**
 * Where an error sits:
 * - `status`: the HTTP status, with `{code, data: null, error}` (vendor page, FACTS.md "Errors");
 * - `dataCode`: HTTP 200 `{code: 200, data: {code, error}}` (FACTS.md "errors may also sit one level
 *   down"; Pipedream's `alive5.app.mjs` checks `data.code` and `data.error`);
 * - `dataErrors`: HTTP 200 `{code: 200, data: {errors: [message]}}` (the same check reads `data.errors`).
 * A wrong or missing key is always answered with its documented HTTP status.
 */
export type A5ErrorShape = 'status' | 'dataCode' | 'dataErrors';

/**
 * Where a channel shows its SMS number:
 * - `none`: `channel_id, channel_label, agents` only (our copy of the vendor page);
 * - `phoneField`: `channel_phone_number` in E.164 (Alive5's own n8n node);
 * - `label`: `channel_label` is the number (Pipedream's `alive5.app.mjs`, the Postman-based docs).
 */
export type A5ChannelNumbers = 'none' | 'phoneField' | 'label';

/**
 * An SMS delivery in the shape Alive5's own published integration reads (Pipedream's
 * `sources/new-sms-received/new-sms-received.mjs` and its `scripts/smoke.mjs`, written with Alive5;
 * FACTS.md "Deliveries"): `direction` (`inbound` or `outbound`), `message_content`, `created_by` /
 * `phone_mobile` (the sender), `created_at` in epoch seconds, `channel_id`, `thread_id`, and
 * `media_url` when an image came (an image-only message has empty text).
 */
export interface A5Delivery {
	direction: 'inbound' | 'outbound';
	message_content: string;
	created_by: string;
	phone_mobile: string;
	created_at: number;
	channel_id: string;
	thread_id: string;
	media_url?: string;
}

/**
 * The content type deliveries come with: Alive5 documents none (FACTS.md; Pipedream's source reads
 * whatever body its platform parsed). `null` sends no Content-Type header.
 */
export type A5DeliveryContentType = 'application/json' | 'application/json; charset=utf-8' | 'text/plain' | 'text/plain;charset=UTF-8' | 'application/x-www-form-urlencoded' | 'application/octet-stream' | null;

export class Alive5Simulator extends Simulator {
	readonly vendor = 'Alive5';

	registerAnswer: A5RegisterAnswer = 'channelUpdate';
	errorShape: A5ErrorShape = 'status';
	channelNumbers: A5ChannelNumbers = 'none';
	/**
	 * `/conversations/sms` ignores the dates and answers recent conversations whatever they say
	 * (the Postman-based docs, for `date-start` / `date-end`); off, it honours `date_start` / `date_end`.
	 */
	smsIgnoresDates = false;
	/** The Content-Type header of deliveries (see A5DeliveryContentType). */
	deliveryContentType: A5DeliveryContentType = 'application/json';
	/**
	 * Whether an SMS sent from a number is also delivered to its interceptors, as `outbound`: the
	 * sources say it may be (Pipedream's source, written with Alive5, drops `direction` other than
	 * `inbound`; FACTS.md "outbound ones may arrive too").
	 */
	deliverOutbound = true;
	private pending: Array<Promise<number>> = [];
	/**
	 * How Alive5 refuses a key: with the HTTP status (FACTS.md, "Errors"), or inside an HTTP 200 as
	 * `{code: 400, error: "Invalid token"}` (FACTS.md: "HTTP 200 may still carry code >= 400").
	 */
	refusal: 'status' | 'body' = 'status';

	conversations: A5Conversation[] = [];
	interceptors: A5Interceptor[] = [];
	deliveries: Array<{ url: string; status: number; direction: string }> = [];
	sent: Array<Record<string, string>> = [];
	private counter = 0;
	private random = seededRandom(5);

	constructor(readonly apiKey = A5_API_KEY) {
		super();
		this.route('GET', '/account', () =>
			this.ok({ email: 'owner@sandbox.test', api_key: this.apiKey, org_name: A5_ORG, iat: 1700000000 }),
		);
		// Each list sits somewhere else, as Alive5's answers do.
		this.route('GET', '/objects/tags/list', () => this.ok(A5_TAGS));
		this.route('GET', '/objects/channels-and-users/list', () => this.ok({ Items: this.channels() }));
		this.route('GET', '/conversations/sms', (request) => this.listConversations(request, 'sms'));
		this.route('GET', '/conversations/fbm', (request) => this.listConversations(request, 'fbm'));
		this.route('GET', '/conversations/livechat', (request) => this.listLiveChats(request));
		this.route('GET', '/conversations/summary', (request) => this.summary(request));
		this.route('POST', '/conversations/sms/send', (request) => this.sendSms(request));
		this.route('POST', '/register/webhook/sms', (request) => this.register(request));
		this.route('GET', '/register/webhook/sms/:phone', (request) => this.findInterceptors(request));
		this.route('DELETE', '/register/webhook/sms', (request) => this.unregister(request));
	}

	protected seed(): void {
		this.registerAnswer = 'channelUpdate';
		this.errorShape = 'status';
		this.channelNumbers = 'none';
		this.smsIgnoresDates = false;
		this.deliveryContentType = 'application/json';
		this.deliverOutbound = true;
		this.pending = [];
		this.refusal = 'status';
		this.random = seededRandom(5);
		this.counter = 0;
		this.interceptors = [];
		this.deliveries = [];
		this.sent = [];
		this.conversations = [structuredClone(documentedSms)];
		const now = Date.now();
		for (let i = 0; i < 6; i++) this.conversations.push(this.makeConversation('sms', now - (i + 1) * 7 * 3600_000));
		// More live chats than one page of 100 holds.
		for (let i = 0; i < 130; i++) this.conversations.push(this.makeConversation('livechat', now - (i + 1) * 3600_000));
		for (let i = 0; i < 3; i++) this.conversations.push(this.makeConversation('fbm', now - (i + 1) * 9 * 3600_000));
	}

	makeConversation(kind: A5Kind, startMs: number, fields: Partial<A5Conversation> = {}): A5Conversation {
		const random = this.random;
		const channel = A5_CHANNELS[Math.floor(random() * A5_CHANNELS.length)];
		const agent = channel.agents[Math.floor(random() * channel.agents.length)];
		const first = FIRST[Math.floor(random() * FIRST.length)];
		const last = LAST[Math.floor(random() * LAST.length)];
		const phone = `+1555${String(1000000 + Math.floor(random() * 8999999))}`;
		const visitor = kind === 'sms' ? phone : 'visitor';
		const at = (offset: number) => new Date(startMs + offset).toISOString();
		this.counter++;
		return {
			kind,
			startMs,
			endMs: startMs + 120_000,
			alive5_sessionID: `sess-${kind}-${String(this.counter).padStart(4, '0')}-${Math.floor(random() * 1e6)}`,
			channel_id: channel.channel_id,
			channel_name: channel.channel_label,
			crm_id: `crm-${Math.floor(random() * 1e6)}`,
			agent_id: agent.user_id,
			assigned_to: agent.screen_name,
			tags: random() > 0.5 ? [A5_TAGS[Math.floor(random() * A5_TAGS.length)].tag_label] : [],
			contacts_first_name: first,
			contacts_last_name: last,
			contacts_email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
			contacts_phone: phone,
			contacts_notes: '',
			...(kind === 'sms' ? { alive_sms_phone_number: A5_PHONE_NUMBERS[Math.floor(random() * 2)] } : {}),
			chat_conversation: [
				{ created_at: at(0), created_by: visitor, message_content: 'Hello, I have a question.' },
				{ created_at: at(30_000), created_by: agent.user_id, message_content: 'Sure, how can I help?' },
			],
			...fields,
		};
	}

	protected isAuthorized(request: SimRequest): boolean {
		return request.headers['x-a5-apikey'] === this.apiKey;
	}

	protected unauthorized(request: SimRequest): SimResponse {
		const [status, message] = !request.headers['x-a5-apikey']
			? [401, 'Authorization token not found']
			: [400, 'Invalid token'];
		return { status: this.refusal === 'body' ? 200 : status, body: { code: status, data: null, error: message } };
	}

	protected errorResponse(status: number, message: string): SimResponse {
		if (this.errorShape === 'dataCode') return { body: { code: 200, data: { code: status, error: message }, error: null } };
		if (this.errorShape === 'dataErrors') return { body: { code: 200, data: { errors: [message] }, error: null } };
		return { status, body: { code: status, data: null, error: message } };
	}

	/** The channels in the shape `channelNumbers` asks for; channel i has SMS number i. */
	channels(): Array<Record<string, unknown>> {
		return A5_CHANNELS.map((channel, index) => {
			if (this.channelNumbers === 'phoneField') return { ...channel, channel_phone_number: A5_PHONE_NUMBERS[index] };
			if (this.channelNumbers === 'label') return { ...channel, channel_label: A5_PHONE_NUMBERS[index] };
			return channel;
		});
	}

	protected envelopeError(message: string): SimResponse {
		return { status: 200, body: { code: 500, data: null, error: message } };
	}

	private ok(data: unknown): SimResponse {
		return { body: { code: 200, data, error: null } };
	}

	render(conversation: A5Conversation): Record<string, unknown> {
		const { kind, startMs, endMs, ...rest } = conversation;
		const web =
			kind === 'livechat'
				? {
						ip_address: '10.1.2.3',
						location: 'Austin, TX',
						city_state_country_zip: 'Austin, TX, US, 78701',
						referrer_url: 'https://www.google.com/',
						page_url: 'https://shop.example.com/pricing',
					}
				: {};
		return {
			org_name: A5_ORG,
			...rest,
			start_time: new Date(startMs).toISOString(),
			end_time: endMs === null ? null : new Date(endMs).toISOString(),
			...web,
		};
	}

	/**
	 * The `date_start` / `date_end` range in MM-DD-YYYY, whole UTC days (slate page, Postman-based
	 * docs); a malformed date is refused. `names` are the parameters read.
	 */
	private inRange(
		request: SimRequest,
		names: [string, string] = ['date_start', 'date_end'],
	): ((conversation: A5Conversation) => boolean) | SimResponse {
		const bounds: Array<DateTime | undefined> = [];
		for (const name of names) {
			const value = request.query[name];
			if (value === undefined) {
				bounds.push(undefined);
				continue;
			}
			const day = DateTime.fromFormat(value, 'MM-dd-yyyy', { zone: 'UTC' });
			if (!day.isValid) return this.errorResponse(400, `Invalid ${name}: expected MM-DD-YYYY`);
			bounds.push(day);
		}
		const [start, end] = bounds;
		return (conversation) =>
			(!start || conversation.startMs >= start.toMillis()) &&
			(!end || conversation.startMs < end.plus({ days: 1 }).toMillis());
	}

	private select(request: SimRequest, kind: A5Kind): A5Conversation[] | SimResponse {
		const filter = kind === 'sms' && this.smsIgnoresDates ? () => true : this.inRange(request);
		if (typeof filter !== 'function') return filter;
		return this.conversations
			.filter((conversation) => conversation.kind === kind && filter(conversation))
			.sort((a, b) => b.startMs - a.startMs);
	}

	private noRecords(): SimResponse {
		return this.errorResponse(404, 'No records found');
	}

	private listConversations(request: SimRequest, kind: 'sms' | 'fbm'): SimResponse {
		const selected = this.select(request, kind);
		if (!Array.isArray(selected)) return selected;
		if (!selected.length) return this.noRecords();
		const rendered = selected.map((conversation) => this.render(conversation));
		// SMS lists come in data.Items with paging fields, Messenger lists as a top-level items array.
		return kind === 'sms'
			? this.ok({ Items: rendered, page: 1, pages: 1, totalRecord: rendered.length })
			: { body: { code: 200, items: rendered, error: null } };
	}

	private listLiveChats(request: SimRequest): SimResponse {
		const page = Number(request.query.page);
		const limit = Number(request.query.limit);
		if (!Number.isInteger(page) || page < 1) return this.errorResponse(400, 'page is required (1, 2, ...)');
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) return this.errorResponse(400, 'limit must be 1 to 100');
		const selected = this.select(request, 'livechat');
		if (!Array.isArray(selected)) return selected;
		// repeatPages: the `page` parameter ignored, the first page answered every time
		const from = this.repeatPages ? 0 : (page - 1) * limit;
		const slice = selected.slice(from, from + limit);
		if (!slice.length) return this.noRecords();
		return this.ok({
			items: slice.map((conversation) => this.render(conversation)),
			page,
			totalPages: Math.ceil(selected.length / limit),
			totalRecord: selected.length,
		});
	}

	private summary(request: SimRequest): SimResponse {
		// from_datetime and date_end, both required: `{code: 400, error: {}}` without one (Postman-based
		// docs; they show no HTTP status, so only the envelope says it here).
		if (!request.query.from_datetime || !request.query.date_end) return { body: { code: 400, error: {} } };
		const filter = this.inRange(request, ['from_datetime', 'date_end']);
		if (typeof filter !== 'function') return filter;
		const count = (kind: A5Kind) => this.conversations.filter((c) => c.kind === kind && filter(c));
		const contacts = (kind: A5Kind) => new Set(count(kind).map((c) => c.crm_id)).size;
		return this.ok({
			visitors_web: count('livechat').length,
			visitors_fbm: count('fbm').length,
			visitors_sms: count('sms').length,
			contacts_web: contacts('livechat'),
			contacts_fbm: contacts('fbm'),
			contacts_sms: contacts('sms'),
		});
	}

	/** The open thread between an Alive5 number and a customer, or a new one. */
	private thread(from: string, to: string, channelId: string, agentId: string): { thread: A5Conversation; created: boolean } {
		const open = this.conversations.find(
			(c) => c.kind === 'sms' && c.alive_sms_phone_number === from && c.contacts_phone === to && c.endMs === null,
		);
		if (open) return { thread: open, created: false };
		const channel = A5_CHANNELS.find((c) => c.channel_id === channelId) ?? A5_CHANNELS[0];
		const agent = channel.agents.find((a) => a.user_id === agentId) ?? channel.agents[0];
		const thread = this.makeConversation('sms', Date.now(), {
			endMs: null,
			alive_sms_phone_number: from,
			contacts_phone: to,
			channel_id: channel.channel_id,
			channel_name: channel.channel_label,
			agent_id: agent.user_id,
			assigned_to: agent.screen_name,
			chat_conversation: [],
		});
		this.conversations.push(thread);
		return { thread, created: true };
	}

	/**
	 * The fields of a send: JSON (Alive5's own node, Pipedream) or multipart form fields (the
	 * Postman-based docs). No source sends a URL-encoded form; its fields are not read.
	 */
	private sendFields(request: SimRequest): Record<string, string> {
		const type = String(request.headers['content-type'] ?? '');
		if (type.includes('application/json') && typeof request.body === 'object' && request.body !== null) {
			return request.body as Record<string, string>;
		}
		const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
		if (!type.includes('multipart/form-data') || !boundary) return {};
		const fields: Record<string, string> = {};
		for (const part of request.rawBody.split(`--${boundary}`)) {
			const match = /name="([^"]+)"\r\n\r\n([\s\S]*)\r\n$/.exec(part);
			if (match) fields[match[1]] = match[2];
		}
		return fields;
	}

	private sendSms(request: SimRequest): SimResponse {
		const form = this.sendFields(request);
		for (const field of ['phone_number_from', 'phone_number_to', 'message', 'channel_id', 'user_id']) {
			if (!form[field]) return this.errorResponse(400, `${field} is required`);
		}
		const channel = A5_CHANNELS.find((c) => c.channel_id === form.channel_id);
		if (!channel) return this.errorResponse(400, `Unknown channel_id ${form.channel_id}`);
		if (!channel.agents.some((agent) => agent.user_id === form.user_id)) {
			return this.errorResponse(400, `User ${form.user_id} is not in channel ${form.channel_id}`);
		}
		if (!A5_PHONE_NUMBERS.includes(form.phone_number_from)) {
			return this.errorResponse(400, `${form.phone_number_from} is not an Alive5 number of this organization`);
		}
		const { thread, created } = this.thread(form.phone_number_from, form.phone_number_to, form.channel_id, form.user_id);
		const now = new Date().toISOString();
		thread.chat_conversation.push({ created_at: now, created_by: form.user_id, message_content: form.message });
		this.sent.push(form);
		if (this.deliverOutbound) {
			this.deliverToInterceptors(form.phone_number_from, {
				direction: 'outbound',
				message_content: form.message,
				created_by: form.user_id,
				phone_mobile: form.phone_number_to,
				created_at: Math.floor(Date.parse(now) / 1000),
				channel_id: form.channel_id,
				thread_id: thread.alive5_sessionID,
			});
		}
		// `{code, data: {code, data: {message_id, message_status, From, To, message_content}, error}}`
		// (Postman-based docs; Pipedream reads `thread_id` and `direction` there too); `newThread` when
		// the SMS opened a thread (vendor page).
		const data: Record<string, unknown> = {
			code: 200,
			data: {
				message_id: `msg-${this.sent.length}`,
				message_status: 'queued',
				thread_id: thread.alive5_sessionID,
				From: form.phone_number_from,
				To: form.phone_number_to,
				direction: 'outbound',
				message_content: form.message,
			},
			error: null,
		};
		if (created) {
			data.newThread = {
				phone_mobile: form.phone_number_to,
				created_at: now,
				thread_id: thread.alive5_sessionID,
				thread_type: 'sms',
				assignedTo: form.user_id,
				channel_id: form.channel_id,
				org_name: A5_ORG,
				thread_status: 'open',
			};
		}
		return this.ok(data);
	}

	private register(request: SimRequest): SimResponse {
		const body = (request.body ?? {}) as Partial<A5Interceptor>;
		if (!body.phoneNumber || !A5_PHONE_NUMBERS.includes(body.phoneNumber)) {
			return this.errorResponse(400, `${body.phoneNumber ?? 'phoneNumber'} is not an Alive5 number of this organization`);
		}
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return this.errorResponse(400, 'url is required');
		if (body.direction !== 'inbound') return this.errorResponse(400, 'direction must be inbound');
		const interceptor: A5Interceptor = {
			interceptorUuid: `icpt-${Math.floor(this.random() * 1e9).toString(16)}-${this.interceptors.length + 1}`,
			phoneNumber: body.phoneNumber,
			url: body.url,
			direction: body.direction,
			method: body.method ?? 'POST',
		};
		this.interceptors.push(interceptor);
		if (this.registerAnswer === 'unnamed') return this.ok({ message: 'Webhook registered' });
		return this.ok({ channelUpdate: { Attributes: { interceptor: this.interceptorsOf(body.phoneNumber) } } });
	}

	/** A number's interceptors as Alive5 lists them: `{url, interceptorUuid, direction, method}`. */
	private interceptorsOf(phone: string): Array<Record<string, string>> {
		return this.interceptors
			.filter((interceptor) => interceptor.phoneNumber === phone)
			.map(({ url, interceptorUuid, direction, method }) => ({ url, interceptorUuid, direction, method }));
	}

	/** `data.interceptors[]`, empty when there are none (Pipedream's `alive5.app.mjs` reads it so). */
	private findInterceptors(request: SimRequest): SimResponse {
		return this.ok({ phoneNumber: request.params.phone, interceptors: this.interceptorsOf(request.params.phone) });
	}

	/** Delivers to every interceptor of a number, with this simulator's delivery content type. */
	private deliverToInterceptors(phone: string, payload: A5Delivery): void {
		for (const interceptor of this.interceptors.filter((candidate) => candidate.phoneNumber === phone)) {
			this.pending.push(
				this.deliver(interceptor.url, payload, this.deliveryContentType).then((status) => {
					this.deliveries.push({ url: interceptor.url, status, direction: payload.direction });
					return status;
				}),
			);
		}
	}

	/** Waits until every delivery started so far has been answered. */
	async flush(): Promise<void> {
		while (this.pending.length) await Promise.all(this.pending.splice(0));
	}

	private unregister(request: SimRequest): SimResponse {
		const body = (request.body ?? {}) as Partial<A5Interceptor>;
		const index = this.interceptors.findIndex(
			(interceptor) => interceptor.interceptorUuid === body.interceptorUuid && interceptor.phoneNumber === body.phoneNumber,
		);
		if (index < 0) return this.errorResponse(404, `No interceptor ${body.interceptorUuid}`);
		this.interceptors.splice(index, 1);
		return this.ok({ deleted: true });
	}

	protected controls() {
		return {
			/**
			 * A customer texts an Alive5 number (body: from, to, message, mediaUrl): stored in its thread
			 * and delivered to every interceptor of the number, in the published shape (A5Delivery).
			 */
			'inbound-sms': async (body: unknown) => {
				const fields = (body ?? {}) as { from?: string; to?: string; message?: string; mediaUrl?: string };
				const to = fields.to ?? A5_PHONE_NUMBERS[0];
				const from = fields.from ?? '+15550002222';
				const { thread } = this.thread(to, from, 'ch-sales', 'u-ana');
				const now = new Date().toISOString();
				const message = fields.message ?? (fields.mediaUrl ? '' : 'Hi, is the store open today?');
				thread.chat_conversation.push({ created_at: now, created_by: from, message_content: message });
				const payload: A5Delivery = {
					direction: 'inbound',
					message_content: message,
					created_by: from,
					phone_mobile: from,
					created_at: Math.floor(Date.parse(now) / 1000),
					channel_id: 'ch-sales',
					thread_id: thread.alive5_sessionID,
					...(fields.mediaUrl ? { media_url: fields.mediaUrl } : {}),
				};
				const before = this.deliveries.length;
				this.deliverToInterceptors(to, payload);
				await this.flush();
				return { payload, delivered: this.deliveries.slice(before).map((delivery) => delivery.status) };
			},
			/** Waits until every delivery started so far (also the outbound ones of Send SMS) was answered. */
			flush: async () => {
				await this.flush();
				return { deliveries: this.deliveries };
			},
			/** A conversation starts (now or at startMs): listed from then on, nothing is delivered. */
			conversation: (body: unknown) => {
				const fields = (body ?? {}) as Partial<A5Conversation>;
				const conversation = this.makeConversation(fields.kind ?? 'sms', fields.startMs ?? Date.now(), fields);
				this.conversations.push(conversation);
				return { conversation: this.render(conversation) };
			},
		};
	}

	state() {
		return {
			interceptors: this.interceptors,
			deliveries: this.deliveries,
			sent: this.sent,
			conversations: this.conversations.length,
		};
	}
}

export const sandbox: SimulatedVendor<Alive5Simulator> = {
	key: 'alive5',
	port: 4105,
	create: () => new Alive5Simulator(),
	credentials: (simulator) => [
		{
			id: 'sandboxAlive5Api',
			name: 'Alive5 (sandbox)',
			type: 'alive5Api',
			data: { apiKey: simulator.apiKey, baseUrl: simulator.baseUrl },
		},
	],
	testEvents: [
		{
			triggers: ['alive5Trigger'],
			control: 'inbound-sms',
			body: { to: A5_PHONE_NUMBERS[0], message: 'Is the store open today?' },
			what: 'a customer texts +15125550100: delivered to the inbound-SMS webhook trigger',
		},
		{
			triggers: ['alive5PollingTrigger', 'anyLiveChatTrigger'],
			control: 'conversation',
			body: { kind: 'sms' },
			what: 'a new SMS conversation starts, found by the polling trigger’s next poll',
		},
	],
	name: 'Alive5',
	nodeType: 'alive5',
	aliases: ['SMS'],
	withSecret: (secret) => new Alive5Simulator(secret),
	secretField: 'apiKey',
	keyRefusedInBody: {
		// Alive5 refusing the key inside an HTTP 200 (FACTS.md)
		set: (simulator, on) => {
			simulator.refusal = on ? 'body' : 'status';
		},
		message: 'Wrong key: Alive5 refused the API key (400 "Invalid token")',
	},
	refusal: { parameters: { resource: 'summary', operation: 'get', dateStart: '2024-03-05', dateEnd: '={{ $json.missing }}' }, message: 'End Date is required' },
	platformFaults: {
		listTarget: { method: 'GET', path: '/conversations/sms' },
		write: {
			name: 'Live Chat node message send (an SMS)',
			parameters: { resource: 'message', operation: 'send', conversationId: documentedSms.alive5_sessionID, text: 'once' },
			target: { method: 'POST', path: '/conversations/sms/send' },
		},
		// Alive5's conversation IDs never go into a path: the node finds the conversation in a list
		pathIds: [],
	},
	faults: {
		// the account answer repeats the API key: the node must not hand it on
		read: { parameters: { resource: 'account', operation: 'get' }, target: { method: 'GET', path: '/account' } },
		write: {
			name: 'sms send',
			parameters: { resource: 'sms', operation: 'send', channelId: 'ch-sales', userId: 'u-ben', phoneNumberFrom: A5_PHONE_NUMBERS[1], phoneNumberTo: '+15550009999', message: 'Once.' },
			target: { method: 'POST', path: '/conversations/sms/send' },
		},
		continueOnFail: {
			parameters: { resource: 'summary', operation: 'get', dateStart: '={{ $json.day }}', dateEnd: '2024-03-31T00:00:00' },
			inputs: [{ day: '2024-03-05T00:00:00' }, { day: '2024-02-30T00:00:00' }, { day: '2024-03-05T00:00:00' }],
		},
		badInput: [
			{ name: 'impossible date', parameters: { resource: 'summary', operation: 'get', dateStart: '2024-02-30', dateEnd: '2024-03-05' }, message: 'Start Date' },
			{ name: 'summary without its end date (expression)', parameters: { resource: 'summary', operation: 'get', dateStart: '2024-03-05', dateEnd: '={{ $json.missing }}' }, message: 'End Date' },
			{ name: 'start after end', parameters: { resource: 'smsConversation', operation: 'getAll', filters: { dateStart: '2024-03-06', dateEnd: '2024-03-05' } }, message: 'Start Date' },
			{ name: 'empty Message (expression)', parameters: { resource: 'sms', operation: 'send', channelId: 'ch-sales', userId: 'u-ben', phoneNumberFrom: A5_PHONE_NUMBERS[1], phoneNumberTo: '+15550009999', message: '={{ "" }}' }, message: 'Message' },
			{ name: 'empty Channel (expression)', parameters: { resource: 'sms', operation: 'send', channelId: '={{ $json.missing }}', userId: 'u-ben', phoneNumberFrom: A5_PHONE_NUMBERS[1], phoneNumberTo: '+15550009999', message: 'x' }, message: 'Channel' },
			{ name: 'not a phone number', parameters: { resource: 'sms', operation: 'send', channelId: 'ch-sales', userId: 'u-ben', phoneNumberFrom: A5_PHONE_NUMBERS[1], phoneNumberTo: 'call me', message: 'x' }, message: 'To (Customer Number)' },
		],
		pathIds: [
			{
				name: 'sms send (IDs in the form)',
				parameters: (id) => ({ resource: 'sms', operation: 'send', channelId: id, userId: 'u-ben', phoneNumberFrom: A5_PHONE_NUMBERS[1], phoneNumberTo: '+15550009999', message: 'x' }),
				check: (request, id) => {
					expect(request.path).toBe('/conversations/sms/send');
					expect(request.query).toEqual({});
					expect((request.body as Record<string, unknown>).channel_id).toBe(id);
				},
			},
		],
		trigger: {
			type: 'alive5PollingTrigger',
			// live chats: the one event whose list comes in pages
			parameters: { event: 'liveChat', lateArrivalDays: 1, output: 'raw' },
			list: { method: 'GET', path: '/conversations/livechat' },
			add: (simulator, atMs) => {
				const conversation = simulator.makeConversation('livechat', atMs);
				simulator.conversations.push(conversation);
				return conversation.alive5_sessionID;
			},
			idOf: (json) => String(json.alive5_sessionID),
			late: { caughtWithinMs: 20 * HOUR, missedBeyondMs: 2 * DAY, beyondText: '2 days', readme: '"a conversation listed later than that is missed"' },
			pollMinutes: [5, 25],
			pageSize: 100,
			prune: (simulator, beforeMs) => {
				simulator.conversations = simulator.conversations.filter((conversation) => conversation.startMs >= beforeMs);
			},
		},
	},
	webhookTrigger: {
		type: 'alive5Trigger',
		parameters: { phoneNumber: A5_PHONE_NUMBERS[0] },
		anyContentType: true,
		canList: true,
		registrations: (simulator) => simulator.interceptors.map((interceptor) => ({ id: interceptor.interceptorUuid, url: interceptor.url })),
		addForeign: (simulator, url) => {
			simulator.interceptors.push({ interceptorUuid: 'foreign-1', phoneNumber: A5_PHONE_NUMBERS[0], url, direction: 'inbound', method: 'POST' });
		},
		lose: (simulator, webhookUrl) => {
			simulator.interceptors = simulator.interceptors.filter((interceptor) => withoutToken(interceptor.url) !== webhookUrl);
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
		withSecret: withQueryToken,
		register: { method: 'POST', path: '/register/webhook/sms' },
		unregister: { method: 'DELETE', path: '/register/webhook/sms' },
	},
	queue: {
		checkActions: (items, simulator) => {
			expect(simulator.sent).toHaveLength(1);
			expect(items('Get Many Live Chats (all pages)')).toHaveLength(130);
			expect(items('Get Account')).toEqual([{ email: 'owner@sandbox.test', org_name: 'sandbox-org', iat: 1700000000 }]);
		},
		polls: { alive5PollingTrigger: (simulator) => simulator.count('GET', '/conversations/sms') },
		// one interceptor for the phone number
		registrationsFor: () => 1,
		// an inbound SMS from a new number opens a thread: webhook and polling trigger
		emit: async (simulator, round) => {
			const sms = (await sendControl(simulator, 'inbound-sms', {
				to: A5_PHONE_NUMBERS[0],
				from: `+1555000700${round}`,
				message: `Round ${round}: do you deliver?`,
			})) as { payload: { thread_id: string }; delivered: number[] };
			return { ids: { alive5PollingTrigger: sms.payload.thread_id, alive5Trigger: sms.payload.thread_id }, delivered: sms.delivered };
		},
	},
};
