/**
 * LiveChat (text.com) Agent Chat Web API v3.6 and the Configuration API actions the nodes use, as
 * documented in the copy and FACTS.md: POST /v3.6/<api>/action/<action> with JSON bodies, Basic auth
 * with account ID and personal token (or Bearer OAuth tokens prefixed dal:/fra:), two data centers
 * (`misdirected_request` with `data.region`), `{error: {type, message, data}}` errors, `page_id`
 * cursors, and license webhooks that it really delivers to.
 */
import type { IDataObject } from 'n8n-workflow';

import type { LiveChatWebhookSample } from './samples/liveChatWebhooks';
import { LC_WEBHOOK_SAMPLES } from './samples/liveChatWebhooks';
import type { SimRequest, SimResponse, SimulatedVendor } from './base';
import { sendControl, Simulator } from './base';

type Obj = Record<string, unknown>;

export interface LcEvent extends Obj {
	id: string;
	created_at: string;
	type: string;
	visibility: string;
}

export interface LcThread {
	id: string;
	created_at: string;
	active: boolean;
	user_ids: string[];
	events: LcEvent[];
	properties: Obj;
	tags: string[];
	access: { group_ids: number[] };
	/** Set by request_thread_summary (Agent Chat API changelog v3.6: `summary` on threads). */
	summary?: Obj;
}

export interface LcUser extends Obj {
	id: string;
	type: 'agent' | 'customer';
}

export interface LcChat {
	id: string;
	users: LcUser[];
	threads: LcThread[];
	properties: Obj;
	access: { group_ids: number[] };
	is_followed: boolean;
}

export interface LcWebhook {
	id: string;
	url: string;
	action: string;
	secret_key: string;
	owner_client_id: string;
	type: 'license' | 'bot';
	description?: string;
	filters?: Obj;
	additional_data?: string[];
}

export const LC_ACCOUNT_ID = '5c0d6e7f-8a9b-4c1d-9e2f-3a4b5c6d7e8f';
export const LC_TOKEN = 'lc-sandbox-pat-2b7d9e41';
export const LC_CLIENT_ID = 'sandbox0client0id0000000000000001';
export const LC_ORGANIZATION_ID = '390e44e6-f1e6-0368c-z6ddb-74g14508c2ex';
export const LC_REQUESTER = 'smith@example.com';
export const LC_CUSTOMER_ID = 'b7eff798-f8df-4364-8059-649c35c9ed0c';
/** The sandbox's open chat, which the README's test event writes in. */
export const LC_SANDBOX_CHAT_ID = 'SANDBOX001';

export const LC_AGENTS = [
	{ id: 'smith@example.com', name: 'Agent Smith', role: 'owner' },
	{ id: 'agent@example.com', name: 'Jane Agent', role: 'normal' },
];
export const LC_GROUPS = [
	{ id: 0, name: 'General' },
	{ id: 1, name: 'Billing' },
	{ id: 2, name: 'Technical' },
	{ id: 19, name: 'Sales' },
];
export const LC_TAGS = ['support', 'sales', 'billing', 'spam'];

const CHAT_FILTERS = ['chat_presence', 'only_my_chats', 'source_type'];

/**
 * Every v3.6 webhook action with the filters register_webhook accepts for it: the "Triggering actions"
 * table of the Configuration API v3.6 page (livechat-2026-06/configuration-api-v3.6.mdx). incoming_customer
 * was removed in 3.6 and is refused like any unknown action.
 */
export const LC_WEBHOOK_FILTERS: Record<string, string[]> = {
	incoming_chat: CHAT_FILTERS,
	chat_deactivated: CHAT_FILTERS,
	chat_access_updated: CHAT_FILTERS,
	chat_transferred: CHAT_FILTERS,
	user_added_to_chat: CHAT_FILTERS,
	user_removed_from_chat: CHAT_FILTERS,
	incoming_event: [...CHAT_FILTERS, 'author_type'],
	event_deleted: CHAT_FILTERS,
	event_updated: [...CHAT_FILTERS, 'author_type'],
	incoming_rich_message_postback: CHAT_FILTERS,
	chat_properties_updated: CHAT_FILTERS,
	chat_properties_deleted: CHAT_FILTERS,
	thread_properties_updated: CHAT_FILTERS,
	thread_properties_deleted: CHAT_FILTERS,
	event_properties_updated: CHAT_FILTERS,
	event_properties_deleted: CHAT_FILTERS,
	thread_tagged: CHAT_FILTERS,
	thread_untagged: CHAT_FILTERS,
	routing_status_set: ['agent_ids', 'source_type'],
	customer_session_fields_updated: ['chat_presence', 'source_type'],
	events_marked_as_seen: CHAT_FILTERS,
	thread_summary_set: CHAT_FILTERS,
	...Object.fromEntries(
		[
			'group_created', 'group_updated', 'group_deleted', 'agent_created', 'agent_updated', 'agent_deleted',
			'agent_suspended', 'agent_unsuspended', 'agent_approved', 'bot_created', 'bot_updated', 'bot_deleted',
			'auto_accesses_updated', 'tag_created', 'tag_deleted', 'tag_updated',
		].map((action) => [action, ['source_type']]),
	),
};

export const LC_WEBHOOK_ACTIONS = Object.keys(LC_WEBHOOK_FILTERS);

const TYPE_BY_STATUS: Record<number, string> = {
	400: 'validation',
	401: 'authentication',
	403: 'authorization',
	404: 'not_found',
	405: 'validation',
	413: 'entity_too_large',
	421: 'misdirected_request',
	429: 'too_many_requests',
	500: 'internal',
	503: 'service_unavailable',
};

class Refusal extends Error {
	constructor(
		readonly status: number,
		readonly type: string,
		message: string,
		readonly data?: Obj,
	) {
		super(message);
	}
}

const invalid = (message: string) => new Refusal(400, 'validation', message);
const notFound = (message: string) => new Refusal(404, 'not_found', message);

function isObject(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(body: Obj, key: string): string {
	const value = body[key];
	if (typeof value !== 'string' || value === '') throw invalid(`${key} is required`);
	return value;
}

function flag(body: Obj, key: string): boolean | undefined {
	const value = body[key];
	if (value === undefined) return undefined;
	if (typeof value !== 'boolean') throw invalid(`${key} must be a bool`);
	return value;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '000Z');

function randomId(length = 10): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
	let id = '';
	for (let i = 0; i < length; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)];
	return id;
}

export class LiveChatSimulator extends Simulator {
	readonly vendor = 'LiveChat';

	/** The data center the license lives in. */
	region: 'dal' | 'fra' = 'dal';
	/** OAuth access tokens the simulator accepts (their prefix is their region). */
	oauthTokens = new Set<string>(['dal:sandbox-oauth-token', 'fra:sandbox-oauth-token']);
	chats = new Map<string, LcChat>();
	customers = new Map<string, Obj>();
	routingStatuses = new Map<string, string>();
	tags: string[] = [];
	webhooks: LcWebhook[] = [];
	licenseWebhooksEnabled = false;
	/** Which shape of the undocumented agent_ids webhook filter this simulator takes. */
	agentIdsShape: 'values' | 'list' = 'values';
	deliveries: Array<{ url: string; action: string; status: number; webhookId: string }> = [];
	uploads: Array<{ name: string; size: number; contentType: string }> = [];
	private pending: Array<Promise<unknown>> = [];
	private nextWebhook = 1;
	private clock = Date.UTC(2024, 0, 1);

	constructor(
		readonly accountId = LC_ACCOUNT_ID,
		readonly token = LC_TOKEN,
	) {
		super();
		this.route('POST', '/v3.6/agent/action/:action', (request) => this.answer(request, 'agent'));
		this.route('POST', '/v3.6/configuration/action/:action', (request) => this.answer(request, 'configuration'));
		// accounts.livechat.com's token endpoint, for the refresh_token grant (the OAuth2 credential)
		this.route('POST', '/v2/token', (request) => this.refreshToken(request), { public: true });
	}

	/** Refresh tokens handed out, each with the region of the access tokens it renews. */
	refreshTokens = new Map<string, string>([['sandbox-refresh-token', 'fra']]);

	/** How many access tokens the refresh grant issued. */
	refreshes = 0;

	private refreshToken(request: SimRequest): SimResponse {
		const body = (request.body ?? {}) as Obj;
		const region = this.refreshTokens.get(String(body.refresh_token ?? ''));
		if (body.grant_type !== 'refresh_token' || !region) {
			return { status: 400, body: { error: 'invalid_grant', error_description: 'Unknown refresh token' } };
		}
		this.refreshes++;
		const accessToken = `${region}:refreshed-${this.refreshes}`;
		this.oauthTokens.add(accessToken);
		return {
			body: {
				access_token: accessToken,
				refresh_token: body.refresh_token,
				token_type: 'Bearer',
				expires_in: 28800,
			},
		};
	}

	private now(): string {
		this.clock = Math.max(this.clock + 1000, Date.now());
		return iso(this.clock);
	}

	protected seed(): void {
		this.region = 'dal';
		this.chats = new Map();
		this.customers = new Map();
		this.webhooks = [];
		this.deliveries = [];
		this.uploads = [];
		this.pending = [];
		this.nextWebhook = 1;
		this.licenseWebhooksEnabled = false;
		this.agentIdsShape = 'values';
		this.archiveFormsKey = 'forms';
		this.tags = [...LC_TAGS];
		this.clock = Date.UTC(2024, 0, 1);
		this.routingStatuses = new Map([
			['smith@example.com', 'accepting_chats'],
			['agent@example.com', 'not_accepting_chats'],
		]);
		this.customers.set(LC_CUSTOMER_ID, {
			id: LC_CUSTOMER_ID,
			type: 'customer',
			created_at: '2017-10-11T15:19:21.010200Z',
			name: 'Thomas Anderson',
			email: 't.anderson@example.com',
			avatar: 'example.com/avatars/1.jpg',
			session_fields: [{ custom_key: 'custom_value' }, { another_custom_key: 'another_custom_value' }],
			statistics: { chats_count: 3, threads_count: 9, visits_count: 5 },
			chat_ids: ['PWJ8Y4THAV', LC_SANDBOX_CHAT_ID],
		});
		// The chats and threads the copy's examples name, so that each example request succeeds.
		const documented: Array<[string, string, boolean, string[]]> = [
			['PJ0MRSHTDG', 'K600PKZON8', true, ['a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f7']],
			['PWJ8Y4THAV', 'K600PKZON8', false, []],
			['PW94SJTGW6', 'PWS6GIKAKH', true, []],
			['PW94SJTGW7', 'PWS6GIKAKI', true, []],
			['Q1VZR7AJCE', 'Q1VZR7AJDE', true, []],
			['Q1WZ073OA7', 'Q1WZ073OB7', true, []],
			['Q1GZ3FNAT9', 'Q1GZ3FNAU9', true, ['Q1GZ3FNAU9_1']],
			['Q16ZSBGX3J', 'Q16ZSBGX4J', true, ['Q16ZSBGX4J_1']],
		];
		for (const [id, threadId, active, extraEvents] of documented) {
			const chat = this.makeChat(id, threadId, active, LC_CUSTOMER_ID);
			for (const eventId of extraEvents) {
				chat.threads[0].events.push({
					id: eventId,
					created_at: this.now(),
					visibility: 'all',
					type: 'message',
					text: 'Do you want a call back?',
					author_id: LC_REQUESTER,
					properties: { '0805e283233042b37f460ed8fbf22160': { string_property: 'string_value' } },
				});
			}
			this.chats.set(id, chat);
		}
		this.chats.get('PWJ8Y4THAV')!.threads[0].tags = ['support'];
		// Archived history, enough for several pages.
		for (let i = 0; i < 23; i++) {
			const chat = this.makeChat(`ARCH${String(i).padStart(6, '0')}`, `TH${String(i).padStart(8, '0')}`, false, LC_CUSTOMER_ID);
			chat.threads[0].tags = [LC_TAGS[i % 3]];
			chat.access.group_ids = [i % 2];
			chat.threads[0].access.group_ids = [i % 2];
			this.chats.set(chat.id, chat);
		}
		// The sandbox's own chat: active, the newest (first in List Chats) and the customer's, so that a
		// newcomer's first Send Message or test event (README, npm start) lands in a chat that is open.
		const open = this.makeChat(LC_SANDBOX_CHAT_ID, 'SANDBOXT01', true, LC_CUSTOMER_ID);
		this.chats.set(open.id, open);
	}

	makeChat(id: string, threadId: string, active: boolean, customerId: string): LcChat {
		const customer = this.customers.get(customerId) ?? { id: customerId, type: 'customer' };
		const at = this.now();
		return {
			id,
			users: [
				{ id: customerId, type: 'customer', name: String(customer.name ?? ''), email: String(customer.email ?? ''), present: true },
				{ id: LC_REQUESTER, type: 'agent', name: 'Agent Smith', email: LC_REQUESTER, present: true, visibility: 'all' },
			],
			threads: [
				{
					id: threadId,
					created_at: at,
					active,
					user_ids: [customerId, LC_REQUESTER],
					events: [
						{ id: `${threadId}_1`, created_at: at, visibility: 'all', type: 'message', text: 'Hello, I need help with my order', author_id: customerId },
						{ id: `${threadId}_2`, created_at: this.now(), visibility: 'all', type: 'message', text: 'Hi! Happy to help.', author_id: LC_REQUESTER },
					],
					properties: {},
					tags: [],
					access: { group_ids: [0] },
				},
			],
			properties: {},
			access: { group_ids: [0] },
			is_followed: false,
		};
	}

	// ---- auth, regions, errors ----

	protected isAuthorized(request: SimRequest): boolean {
		const header = request.headers.authorization ?? '';
		if (header.startsWith('Basic ')) {
			const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
			return user === this.accountId && rest.join(':') === this.token;
		}
		if (header.startsWith('Bearer ')) return this.oauthTokens.has(header.slice(7));
		return false;
	}

	protected unauthorized(): SimResponse {
		return this.refuse(new Refusal(401, 'authentication', 'Invalid access token'));
	}

	protected errorResponse(status: number, message: string): SimResponse {
		return this.refuse(new Refusal(status, TYPE_BY_STATUS[status] ?? 'internal', message));
	}

	protected envelopeError(message: string): SimResponse {
		return { status: 200, body: { error: { type: 'internal', message } } };
	}

	private refuse(refusal: Refusal): SimResponse {
		const error: Obj = { type: refusal.type, message: refusal.message };
		if (refusal.data) error.data = refusal.data;
		return { status: refusal.status, body: { error } };
	}

	/** The region a request was sent to: X-Region, or dal (LiveChat's default). */
	private regionOf(request: SimRequest): string {
		const header = request.headers['x-region'];
		return (Array.isArray(header) ? header[0] : header) || 'dal';
	}

	/** The region the caller's account or token belongs to. */
	private homeOf(request: SimRequest): string {
		const header = request.headers.authorization ?? '';
		if (header.startsWith('Bearer ')) return header.slice(7).split(':')[0];
		return this.region;
	}

	private async answer(request: SimRequest, api: 'agent' | 'configuration'): Promise<SimResponse> {
		const home = this.homeOf(request);
		if (this.regionOf(request) !== home) {
			return this.refuse(new Refusal(421, 'misdirected_request', 'Wrong region', { region: home }));
		}
		const handlers = api === 'agent' ? this.agentActions() : this.configurationActions();
		const handler = handlers[request.params.action];
		// Removed actions (create_customer in 3.6, follow/unfollow_customer in January 2026) are unknown now.
		if (!handler) return this.refuse(notFound(`Unknown action ${request.params.action}`));
		const isUpload = request.params.action === 'upload_file';
		if (!isUpload && !String(request.headers['content-type'] ?? '').includes('application/json')) {
			return this.refuse(invalid('Content-Type must be application/json'));
		}
		// The docs send a JSON object with every JSON action, `{}` when there are no parameters
		// (e.g. start_chat's example `-d '{}'`): a request without a body is not one of them.
		if (!isUpload && request.rawBody.trim() === '') return this.refuse(invalid('Request body must be a JSON object'));
		const body = isUpload ? request : request.body;
		if (!isUpload && !isObject(body)) return this.refuse(invalid('Wrong format of request'));
		try {
			return { body: (await handler(body as Obj)) ?? {} };
		} catch (error) {
			if (error instanceof Refusal) return this.refuse(error);
			throw error;
		}
	}

	// ---- helpers over state ----

	chat(id: unknown): LcChat {
		const chat = this.chats.get(String(id ?? ''));
		if (!chat) throw notFound('Chat not found');
		return chat;
	}

	private thread(chat: LcChat, id: unknown): LcThread {
		const thread = chat.threads.find((candidate) => candidate.id === id);
		if (!thread) throw notFound('Thread not found');
		return thread;
	}

	private activeThread(chat: LcChat): LcThread {
		const thread = chat.threads.find((candidate) => candidate.active);
		if (!thread) throw new Refusal(400, 'chat_inactive', 'Chat is inactive');
		return thread;
	}

	private latest(chat: LcChat): LcThread {
		return chat.threads[chat.threads.length - 1];
	}

	private requirePresence(chat: LcChat, body: Obj): void {
		if (flag(body, 'ignore_requester_presence')) return;
		if (!chat.users.some((user) => user.id === LC_REQUESTER)) {
			throw new Refusal(403, 'authorization', 'Requester is not a user of the chat');
		}
	}

	renderChat(chat: LcChat, thread: LcThread | undefined): Obj {
		return {
			id: chat.id,
			users: chat.users,
			...(thread ? { thread: this.renderThread(chat, thread) } : {}),
			properties: chat.properties,
			access: chat.access,
			is_followed: chat.is_followed,
		};
	}

	private renderThread(chat: LcChat, thread: LcThread): Obj {
		const index = chat.threads.indexOf(thread);
		return {
			id: thread.id,
			created_at: thread.created_at,
			active: thread.active,
			user_ids: thread.user_ids,
			events: thread.events,
			properties: thread.properties,
			tags: thread.tags,
			access: thread.access,
			...(thread.summary ? { summary: thread.summary } : {}),
			...(index > 0 ? { previous_thread_id: chat.threads[index - 1].id } : {}),
			...(index < chat.threads.length - 1 ? { next_thread_id: chat.threads[index + 1].id } : {}),
		};
	}

	private properties(body: Obj, remove: boolean): Obj {
		const properties = body.properties;
		if (!isObject(properties) || Object.keys(properties).length === 0) throw invalid('properties is required');
		for (const value of Object.values(properties)) {
			if (remove ? !Array.isArray(value) : !isObject(value)) throw invalid('Wrong properties format');
		}
		return properties;
	}

	private applyProperties(target: Obj, properties: Obj, remove: boolean): void {
		for (const [namespace, values] of Object.entries(properties)) {
			const current = (isObject(target[namespace]) ? target[namespace] : {}) as Obj;
			if (remove) for (const name of values as string[]) delete current[name];
			else Object.assign(current, values as Obj);
			target[namespace] = current;
		}
	}

	/** One page of a list; the cursor remembers the query, as LiveChat's page_id does. */
	private page(body: Obj, kind: string, list: (query: Obj) => Obj[], key: string, defaultLimit: number, extra: (query: Obj, all: Obj[]) => Obj = () => ({})): Obj {
		let query: Obj;
		let offset = 0;
		if (body.page_id !== undefined) {
			for (const forbidden of ['filters', 'limit', 'sort_order']) {
				if (body[forbidden] !== undefined) throw invalid(`${forbidden} cannot be used with page_id`);
			}
			try {
				const decoded = JSON.parse(Buffer.from(String(body.page_id), 'base64').toString('utf8')) as Obj;
				if (decoded.kind !== kind) throw new Error('other list');
				query = decoded.query as Obj;
				offset = Number(decoded.offset);
			} catch {
				throw invalid('Invalid page_id');
			}
		} else {
			const limit = body.limit ?? defaultLimit;
			if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
				throw invalid('limit must be between 1 and 100');
			}
			if (body.sort_order !== undefined && !['asc', 'desc'].includes(String(body.sort_order))) {
				throw invalid('sort_order must be asc or desc');
			}
			if (body.filters !== undefined && !isObject(body.filters)) throw invalid('filters must be an object');
			query = { ...body, limit };
			delete query.page_id;
		}
		const all = list(query);
		if (query.sort_order === 'asc') all.reverse();
		const size = Number(query.limit);
		const cursor = (at: number) => Buffer.from(JSON.stringify({ kind, query, offset: at })).toString('base64');
		const answer: Obj = { [key]: all.slice(offset, offset + size), ...extra(query, all) };
		if (offset + size < all.length) answer.next_page_id = cursor(this.repeatPages ? size : offset + size);
		if (offset > 0) answer.previous_page_id = cursor(Math.max(0, offset - size));
		return answer;
	}

	private matchesSet(values: string[], filter: unknown): boolean {
		if (!isObject(filter)) return true;
		if (filter.exists !== undefined) return (values.length > 0) === filter.exists;
		const every = filter.require_every_value === true;
		if (Array.isArray(filter.values)) {
			const wanted = filter.values.map(String);
			return every ? wanted.every((value) => values.includes(value)) : wanted.some((value) => values.includes(value));
		}
		if (Array.isArray(filter.exclude_values)) {
			const unwanted = filter.exclude_values.map(String);
			return every ? !unwanted.every((value) => values.includes(value)) : !unwanted.some((value) => values.includes(value));
		}
		return true;
	}

	private archives(query: Obj): Obj[] {
		const filters = (query.filters ?? {}) as Obj;
		const rows: Array<{ chat: LcChat; thread: LcThread }> = [];
		for (const chat of this.chats.values()) for (const thread of chat.threads) rows.push({ chat, thread });
		return rows
			.filter(({ thread }) => !Array.isArray(filters.thread_ids) || filters.thread_ids.includes(thread.id))
			.filter(({ chat }) => !Array.isArray(filters.chat_ids) || filters.chat_ids.includes(chat.id))
			.filter(({ chat }) => filters.customer_id === undefined || chat.users.some((user) => user.type === 'customer' && user.id === filters.customer_id))
			.filter(({ chat }) => filters.customer_email === undefined || chat.users.some((user) => user.type === 'customer' && user.email === filters.customer_email))
			.filter(({ thread }) => !filters.from || thread.created_at >= String(filters.from))
			.filter(({ thread }) => !filters.to || thread.created_at <= String(filters.to))
			.filter(({ chat }) => !Array.isArray(filters.group_ids) || chat.access.group_ids.some((id) => (filters.group_ids as number[]).includes(id)))
			.filter(({ thread }) => this.matchesSet(thread.tags, filters.tags))
			.filter(({ chat }) => this.matchesSet(chat.users.filter((user) => user.type === 'agent').map((user) => user.id), filters.agents))
			.filter(({ thread }) => this.matchesSet([...new Set(thread.events.map((event) => event.type))], filters.event_types))
			.filter(({ thread }) => {
				if (typeof filters.query !== 'string') return true;
				const needle = filters.query.toLowerCase();
				return thread.events.some((event) => String(event.text ?? '').toLowerCase().includes(needle));
			})
			.sort((a, b) => b.thread.created_at.localeCompare(a.thread.created_at))
			.map(({ chat, thread }) => this.renderChat(chat, thread));
	}

	// ---- webhooks ----

	/** Delivers an action to every license webhook registered for it, as LiveChat does. */
	emit(action: string, payload: Obj, authorType?: string): void {
		if (!this.licenseWebhooksEnabled) return;
		for (const webhook of this.webhooks.filter((candidate) => candidate.action === action && candidate.type === 'license')) {
			const wantedAuthor = webhook.filters?.author_type;
			if (wantedAuthor && authorType && wantedAuthor !== authorType) continue;
			const chat = typeof payload.chat_id === 'string' ? this.chats.get(payload.chat_id) : undefined;
			const present = chat?.users.map((user) => user.id) ?? [];
			const presence = (webhook.filters?.chat_presence as Obj | undefined)?.user_ids as Obj | undefined;
			if (presence && chat) {
				if (Array.isArray(presence.values) && !presence.values.some((id) => present.includes(String(id)))) continue;
				if (Array.isArray(presence.exclude_values) && presence.exclude_values.some((id) => present.includes(String(id)))) continue;
			}
			const additional: Obj = {};
			if (chat && webhook.additional_data?.includes('chat_properties')) additional.chat_properties = chat.properties;
			if (chat && webhook.additional_data?.includes('chat_presence_user_ids')) additional.chat_presence_user_ids = present;
			const envelope = {
				webhook_id: webhook.id,
				secret_key: webhook.secret_key,
				action,
				organization_id: LC_ORGANIZATION_ID,
				payload,
				additional_data: additional,
			};
			const delivery = this.deliver(webhook.url, envelope).then((status) => {
				this.deliveries.push({ url: webhook.url, action, status, webhookId: webhook.id });
				return status;
			});
			this.pending.push(delivery);
		}
	}

	/**
	 * Delivers a published sample (samples/liveChatWebhooks.ts, LiveChat's webhooks page) to every
	 * license webhook registered for its section, as LiveChat sends it: the sample's own envelope,
	 * action name and payload, with the registration's ID and secret in place of the placeholders.
	 */
	emitSample(sample: LiveChatWebhookSample): void {
		if (!this.licenseWebhooksEnabled) return;
		for (const webhook of this.webhooks.filter((candidate) => candidate.action === sample.section && candidate.type === 'license')) {
			const envelope = { ...sample.delivery, webhook_id: webhook.id, secret_key: webhook.secret_key };
			const action = String(sample.delivery.action);
			const delivery = this.deliver(webhook.url, envelope).then((status) => {
				this.deliveries.push({ url: webhook.url, action, status, webhookId: webhook.id });
				return status;
			});
			this.pending.push(delivery);
		}
	}

	/** Waits until every delivery started so far has been answered. */
	async flush(): Promise<void> {
		while (this.pending.length) {
			const batch = this.pending.splice(0);
			await Promise.all(batch);
		}
	}

	// ---- Agent Chat API ----

	private agentActions(): Record<string, (body: Obj) => unknown> {
		return {
			list_chats: (body) =>
				this.page(body, 'chats', (query) => {
					const filters = (query.filters ?? {}) as Obj;
					return [...this.chats.values()]
						.filter((chat) => filters.active === undefined || filters.active === null || chat.threads.some((thread) => thread.active) === filters.active)
						.filter((chat) => !Array.isArray(filters.group_ids) || chat.access.group_ids.some((id) => (filters.group_ids as number[]).includes(id)))
						.sort((a, b) => this.latest(b).created_at.localeCompare(this.latest(a).created_at))
						.map((chat) => {
							const thread = this.latest(chat);
							const last = thread.events[thread.events.length - 1];
							return {
								id: chat.id,
								last_event_per_type: last ? { [last.type]: { thread_id: thread.id, thread_created_at: thread.created_at, event: last } } : {},
								users: chat.users,
								last_thread_summary: { id: thread.id, created_at: thread.created_at, user_ids: thread.user_ids, properties: thread.properties, active: thread.active, access: thread.access, tags: thread.tags },
								properties: chat.properties,
								access: chat.access,
								is_followed: chat.is_followed,
							};
						});
				}, 'chats_summary', 10, (_query, all) => ({ found_chats: all.length })),
			list_threads: (body) => {
				const chat = this.chat(text(body.page_id === undefined ? body : { chat_id: body.chat_id }, 'chat_id'));
				if (body.min_events_count !== undefined) {
					// "You cannot use either limit and min_events_count or filters and min_events_count at the same time."
					const count = body.min_events_count;
					if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100) throw invalid('min_events_count must be between 1 and 100');
					if (body.limit !== undefined || body.filters !== undefined) throw invalid('min_events_count cannot be used with limit or filters');
					const newest = chat.threads.slice().reverse();
					const threads: LcThread[] = [];
					let events = 0;
					for (const thread of newest) {
						if (events >= count) break;
						threads.push(thread);
						events += thread.events.length;
					}
					return { threads: threads.map((thread) => this.renderThread(chat, thread)), found_threads: newest.length };
				}
				return this.page(body, `threads:${chat.id}`, (query) => {
					const filters = (query.filters ?? {}) as Obj;
					return chat.threads
						.filter((thread) => !filters.from || thread.created_at >= String(filters.from))
						.filter((thread) => !filters.to || thread.created_at <= String(filters.to))
						.slice()
						.reverse()
						.map((thread) => this.renderThread(chat, thread));
				}, 'threads', 3, (_query, all) => ({ found_threads: all.length }));
			},
			get_chat: (body) => {
				const chat = this.chat(text(body, 'chat_id'));
				const thread = body.thread_id === undefined ? this.latest(chat) : this.thread(chat, body.thread_id);
				return this.renderChat(chat, thread);
			},
			list_archives: (body) => {
				const filters = body.filters as Obj | undefined;
				if (filters && Array.isArray(filters.thread_ids) && filters.thread_ids.length > 20) throw invalid('thread_ids: max 20');
				if (isObject(filters)) this.checkArchiveFilters(filters);
				return this.page(body, 'archives', (query) => this.archives(query), 'chats', 10, (_query, all) => ({ found_chats: all.length }));
			},
			start_chat: (body) => this.startChat(body, undefined),
			resume_chat: (body) => {
				if (!isObject(body.chat)) throw invalid('chat is required');
				return this.startChat(body, this.chat(text(body.chat, 'id')));
			},
			deactivate_chat: (body) => {
				const chat = this.chat(text(body, 'id'));
				this.requirePresence(chat, body);
				const thread = this.activeThread(chat);
				thread.active = false;
				this.emit('chat_deactivated', { chat_id: chat.id, thread_id: thread.id, user_id: LC_REQUESTER });
				return {};
			},
			follow_chat: (body) => {
				this.chat(text(body, 'id')).is_followed = true;
				return {};
			},
			unfollow_chat: (body) => {
				this.chat(text(body, 'id')).is_followed = false;
				return {};
			},
			transfer_chat: (body) => {
				const chat = this.chat(text(body, 'id'));
				this.requirePresence(chat, body);
				const thread = this.activeThread(chat);
				const target = body.target;
				const transferredTo: Obj = {};
				if (target !== undefined) {
					if (!isObject(target) || !['group', 'agent'].includes(String(target.type)) || !Array.isArray(target.ids) || target.ids.length === 0) {
						throw invalid('target must have type group or agent and ids');
					}
					if (target.type === 'group') {
						for (const id of target.ids) {
							if (typeof id !== 'number' || !LC_GROUPS.some((group) => group.id === id)) throw notFound(`Group ${String(id)} not found`);
						}
						chat.access = { group_ids: target.ids as number[] };
						thread.access = { group_ids: target.ids as number[] };
						transferredTo.group_ids = target.ids;
					} else {
						for (const id of target.ids) {
							if (!LC_AGENTS.some((agent) => agent.id === id)) throw notFound(`Agent ${String(id)} not found`);
						}
						chat.users = chat.users.filter((user) => user.type === 'customer');
						for (const id of target.ids as string[]) chat.users.push({ id, type: 'agent', present: true, visibility: 'all' });
						transferredTo.agent_ids = target.ids;
					}
				}
				this.emit('chat_transferred', { chat_id: chat.id, thread_id: thread.id, requester_id: LC_REQUESTER, reason: 'manual', transferred_to: transferredTo });
				return {};
			},
			add_user_to_chat: (body) => {
				const chat = this.chat(text(body, 'chat_id'));
				const userId = text(body, 'user_id');
				const type = text(body, 'user_type');
				const visibility = text(body, 'visibility');
				if (!['agent', 'customer'].includes(type)) throw invalid('user_type must be agent or customer');
				if (!['all', 'agents'].includes(visibility)) throw invalid('visibility must be all or agents');
				this.requirePresence(chat, body);
				const thread = this.activeThread(chat);
				if (type === 'customer' && chat.users.some((user) => user.type === 'customer' && user.id !== userId)) throw invalid('Chat already has a customer');
				if (!chat.users.some((user) => user.id === userId)) chat.users.push({ id: userId, type: type as LcUser['type'], present: true, visibility });
				if (!thread.user_ids.includes(userId)) thread.user_ids.push(userId);
				this.emit('user_added_to_chat', { chat_id: chat.id, thread_id: thread.id, user: { id: userId, type, visibility }, reason: 'manual', requester_id: LC_REQUESTER });
				return {};
			},
			remove_user_from_chat: (body) => {
				const chat = this.chat(text(body, 'chat_id'));
				const userId = text(body, 'user_id');
				if (text(body, 'user_type') !== 'agent') throw invalid('Only agents can be removed');
				this.requirePresence(chat, body);
				if (!chat.users.some((user) => user.id === userId)) throw notFound('User not found in chat');
				chat.users = chat.users.filter((user) => user.id !== userId);
				const thread = this.latest(chat);
				thread.user_ids = thread.user_ids.filter((id) => id !== userId);
				this.emit('user_removed_from_chat', { chat_id: chat.id, thread_id: thread.id, user_id: userId, reason: 'manual', requester_id: LC_REQUESTER });
				return {};
			},
			send_event: (body) => {
				const chat = this.chat(text(body, 'chat_id'));
				const thread = this.activeThread(chat);
				const event = this.makeEvent(body.event, LC_REQUESTER);
				thread.events.push(event);
				this.emit('incoming_event', { chat_id: chat.id, thread_id: thread.id, event }, 'agent');
				return { event_id: event.id };
			},
			upload_file: (body) => this.upload(body as unknown as SimRequest),
			send_event_preview: (body) => {
				this.activeThread(this.chat(text(body, 'chat_id')));
				const event = body.event;
				// "Only Message is supported. Visibility must be set to all or skipped."
				if (!isObject(event) || event.type !== 'message' || typeof event.text !== 'string') throw invalid('event must be a message with text');
				if (event.visibility !== undefined && event.visibility !== 'all') throw invalid('event.visibility must be all');
				if (event.custom_id !== undefined && typeof event.custom_id !== 'string') throw invalid('event.custom_id must be a string');
				return {};
			},
			send_thinking_indicator: (body) => {
				this.activeThread(this.chat(text(body, 'chat_id')));
				for (const key of ['title', 'description', 'custom_id']) if (body[key] !== undefined && typeof body[key] !== 'string') throw invalid(`${key} must be a string`);
				if (body.visibility !== undefined && !['all', 'agents'].includes(String(body.visibility))) throw invalid('Wrong visibility');
				return {};
			},
			request_thread_summary: (body) => {
				const chat = this.chat(text(body, 'chat_id'));
				const thread = this.thread(chat, text(body, 'thread_id'));
				// "A deactivated thread can be summarized only once."
				if (!thread.active && thread.summary) throw invalid('Thread already summarized');
				thread.summary = { status: 'ok', text: `• ${thread.events.length} events.`, updated_at: this.now() };
				this.emit('thread_summary_set', { chat_id: chat.id, thread_id: thread.id, summary: thread.summary });
				return {};
			},
			send_rich_message_postback: (body) => {
				const chat = this.chat(text(body, 'chat_id'));
				const thread = this.thread(chat, text(body, 'thread_id'));
				const eventId = text(body, 'event_id');
				const postback = body.postback;
				if (!isObject(postback) || typeof postback.id !== 'string' || typeof postback.toggled !== 'boolean') {
					throw invalid('postback must have id and toggled');
				}
				for (const key of ['button_type', 'button_value']) if (postback[key] !== undefined && typeof postback[key] !== 'string') throw invalid(`postback.${key} must be a string`);
				if (postback.ecommerce !== undefined) {
					const ecommerce = postback.ecommerce;
					// "postback.ecommerce.product_id: Required when sending postback.ecommerce."
					if (!isObject(ecommerce) || typeof ecommerce.product_id !== 'string') throw invalid('postback.ecommerce.product_id is required');
					if (ecommerce.option_id !== undefined && typeof ecommerce.option_id !== 'string') throw invalid('postback.ecommerce.option_id must be a string');
					if (ecommerce.quantity !== undefined && typeof ecommerce.quantity !== 'number') throw invalid('postback.ecommerce.quantity must be a number');
				}
				if (!thread.events.some((event) => event.id === eventId)) throw notFound('Event not found');
				if (thread.active) {
					this.emit('incoming_rich_message_postback', { user_id: LC_REQUESTER, chat_id: chat.id, thread_id: thread.id, event_id: eventId, postback });
				}
				return {};
			},
			update_chat_properties: (body) => this.chatProperties(body, false),
			delete_chat_properties: (body) => this.chatProperties(body, true),
			update_thread_properties: (body) => this.threadProperties(body, false),
			delete_thread_properties: (body) => this.threadProperties(body, true),
			update_event_properties: (body) => this.eventProperties(body, false),
			delete_event_properties: (body) => this.eventProperties(body, true),
			tag_thread: (body) => this.tagThread(body, true),
			untag_thread: (body) => this.tagThread(body, false),
			get_customer: (body) => {
				const customer = this.customers.get(text(body, 'id'));
				if (!customer) throw notFound('Customer not found');
				return customer;
			},
			update_customer: (body) => {
				const id = text(body, 'id');
				const customer = this.customers.get(id);
				if (!customer) throw notFound('Customer not found');
				const { id: _id, ...fields } = body;
				if (!Object.keys(fields).length) throw invalid('One of the optional parameters is required');
				this.checkCustomerFields(fields);
				Object.assign(customer, fields);
				if (fields.session_fields) {
					const active = [...this.chats.values()].find((chat) => chat.users.some((user) => user.id === id) && chat.threads.some((thread) => thread.active));
					if (active) {
						this.emit('customer_session_fields_updated', { id, active_chat: { chat_id: active.id, thread_id: this.activeThread(active).id }, session_fields: fields.session_fields });
					}
				}
				return {};
			},
			ban_customer: (body) => {
				const id = text(body, 'id');
				if (!this.customers.has(id)) throw notFound('Customer not found');
				const ban = body.ban;
				if (!isObject(ban) || typeof ban.days !== 'number' || ban.days < 1) throw invalid('ban.days is required');
				this.customers.get(id)!.banned_days = ban.days;
				return {};
			},
			set_routing_status: (body) => {
				const status = text(body, 'status');
				if (!['accepting_chats', 'not_accepting_chats', 'offline'].includes(status)) throw invalid('Unknown status');
				const agentId = body.agent_id === undefined ? LC_REQUESTER : text(body, 'agent_id');
				if (!LC_AGENTS.some((agent) => agent.id === agentId)) throw notFound('Agent not found');
				this.routingStatuses.set(agentId, status);
				this.emit('routing_status_set', { agent_id: agentId, status });
				return {};
			},
			list_routing_statuses: (body) => {
				if (body.filters !== undefined && (!isObject(body.filters) || (body.filters.group_ids !== undefined && !Array.isArray(body.filters.group_ids)))) {
					throw invalid('filters.group_ids must be an array');
				}
				return [...this.routingStatuses.entries()].map(([agent_id, status]) => ({ agent_id, status }));
			},
			mark_events_as_seen: (body) => {
				const chat = this.chat(text(body, 'chat_id'));
				const seen = text(body, 'seen_up_to');
				if (Number.isNaN(Date.parse(seen))) throw invalid('seen_up_to must be RFC 3339');
				this.emit('events_marked_as_seen', { user_id: LC_REQUESTER, chat_id: chat.id, seen_up_to: seen });
				return {};
			},
			send_typing_indicator: (body) => {
				this.activeThread(this.chat(text(body, 'chat_id')));
				if (typeof body.is_typing !== 'boolean') throw invalid('is_typing is required');
				if (body.visibility !== undefined && !['all', 'agents'].includes(String(body.visibility))) throw invalid('Wrong visibility');
				return {};
			},
			multicast: (body) => {
				const recipients = body.recipients;
				if (!isObject(recipients)) throw invalid('recipients is required');
				// The customers recipient was removed in every version (changelog, v3.7 section "Other").
				if (recipients.customers !== undefined) throw invalid('recipients.customers is not supported');
				const agents = (recipients.agents ?? {}) as Obj;
				if (!agents.all && !agents.ids && !agents.groups) throw invalid('At least one recipients type is required');
				if (body.content === undefined) throw invalid('content is required');
				return {};
			},
			list_agents_for_transfer: (body) => {
				this.chat(text(body, 'chat_id'));
				return LC_AGENTS.filter((agent) => this.routingStatuses.get(agent.id) !== 'offline').map((agent, index) => ({ agent_id: agent.id, total_active_chats: index * 3 + 2 }));
			},
		};
	}

	/** update_customer's fields (Agent Chat Web API v3.6): strings, phone numbers in E.164, nested objects. */
	private checkCustomerFields(body: Obj): void {
		const known = ['name', 'email', 'avatar', 'phone_number', 'session_fields', 'omnichannel', 'address'];
		for (const key of Object.keys(body)) if (!known.includes(key)) throw invalid(`Unknown parameter ${key}`);
		for (const key of ['name', 'email', 'avatar']) if (body[key] !== undefined && typeof body[key] !== 'string') throw invalid(`${key} must be a string`);
		const e164 = (value: unknown) => typeof value === 'string' && /^\+[1-9]\d{1,14}$/.test(value);
		if (body.phone_number !== undefined && !e164(body.phone_number)) throw invalid('phone_number must be in E.164 format');
		const strings = (value: unknown, keys: string[]) => isObject(value) && Object.entries(value).every(([key, entry]) => keys.includes(key) && typeof entry === 'string');
		if (body.address !== undefined && !strings(body.address, ['address', 'city', 'country', 'state', 'postal_code'])) throw invalid('Wrong format of address');
		if (body.omnichannel !== undefined) {
			const omnichannel = body.omnichannel;
			if (!isObject(omnichannel) || !Object.keys(omnichannel).every((key) => key === 'fbmessenger' || key === 'twilio')) throw invalid('Wrong format of omnichannel');
			if (omnichannel.fbmessenger !== undefined) {
				const { is_verified_user: verified, ...profile } = (isObject(omnichannel.fbmessenger) ? omnichannel.fbmessenger : { id: 1 }) as Obj;
				if (typeof profile.id !== 'string' || !strings(profile, ['id', 'name', 'first_name', 'last_name', 'profile_pic', 'gender', 'locale'])) throw invalid('omnichannel.fbmessenger.id is required');
				if (verified !== undefined && typeof verified !== 'boolean') throw invalid('omnichannel.fbmessenger.is_verified_user must be a bool');
			}
			if (omnichannel.twilio !== undefined && !(isObject(omnichannel.twilio) && e164(omnichannel.twilio.phone_number))) throw invalid('omnichannel.twilio.phone_number is required');
		}
		if (body.session_fields !== undefined && (!Array.isArray(body.session_fields) || !body.session_fields.every(isObject))) {
			throw invalid('session_fields must be an array of objects');
		}
	}

	private makeEvent(raw: unknown, authorId: string): LcEvent {
		if (!isObject(raw) || typeof raw.type !== 'string') throw invalid('event.type is required');
		const types = ['message', 'system_message', 'file', 'rich_message', 'custom', 'filled_form'];
		if (!types.includes(raw.type)) throw invalid(`Unknown event type ${raw.type}`);
		if (raw.type === 'form' || raw.type === 'filled_form') throw invalid('form events are not supported');
		if ((raw.type === 'message' || raw.type === 'system_message') && typeof raw.text !== 'string') throw invalid('event.text is required');
		if (raw.type === 'file' && typeof raw.url !== 'string') throw invalid('event.url is required');
		if (raw.type === 'rich_message' && (!Array.isArray(raw.elements) || raw.elements.length === 0)) throw invalid('event.elements is required');
		const visibility = raw.visibility ?? 'all';
		if (!['all', 'agents'].includes(String(visibility))) throw invalid('Wrong visibility');
		return { ...raw, id: `${randomId()}_${randomId(2)}`, created_at: this.now(), visibility: String(visibility), author_id: authorId, type: raw.type };
	}

	private startChat(body: Obj, existing: LcChat | undefined): Obj {
		const chat = (body.chat ?? {}) as Obj;
		if (!isObject(chat)) throw invalid('chat must be an object');
		if (existing && existing.threads.some((thread) => thread.active)) throw invalid('Chat is already active');
		const users: LcUser[] = [];
		for (const user of (chat.users ?? []) as Obj[]) {
			if (!isObject(user) || typeof user.id !== 'string' || !['agent', 'customer'].includes(String(user.type))) throw invalid('chat.users need id and type');
			const known = user.type === 'customer' ? this.customers.get(user.id) : LC_AGENTS.find((agent) => agent.id === user.id);
			users.push({
				id: user.id,
				type: user.type as LcUser['type'],
				...(known?.name ? { name: String(known.name) } : {}),
				...(known && 'email' in known && known.email ? { email: String(known.email) } : user.type === 'agent' ? { email: user.id } : {}),
				present: true,
				visibility: 'all',
			});
		}
		const access = (chat.access ?? { group_ids: [0] }) as { group_ids: number[] };
		const threadSpec = (chat.thread ?? {}) as Obj;
		const at = this.now();
		const thread: LcThread = {
			id: randomId(),
			created_at: at,
			active: body.active === undefined ? true : Boolean(body.active),
			user_ids: [],
			events: [],
			properties: (threadSpec.properties ?? {}) as Obj,
			tags: [],
			access: { group_ids: access.group_ids ?? [0] },
		};
		const eventIds: string[] = [];
		const target: LcChat = existing ?? {
			id: randomId(),
			users: [{ id: LC_REQUESTER, type: 'agent', name: 'Agent Smith', email: LC_REQUESTER, present: true, visibility: 'all' }],
			threads: [],
			properties: {},
			access: { group_ids: access.group_ids ?? [0] },
			is_followed: false,
		};
		for (const user of users) if (!target.users.some((known) => known.id === user.id)) target.users.push(user);
		for (const raw of (threadSpec.events ?? []) as unknown[]) {
			const event = this.makeEvent(raw, String((raw as Obj).author_id ?? LC_REQUESTER));
			thread.events.push(event);
			eventIds.push(event.id);
		}
		if (isObject(chat.properties)) this.applyProperties(target.properties, chat.properties, false);
		if (chat.access) target.access = access;
		thread.user_ids = target.users.map((user) => user.id);
		target.threads.push(thread);
		this.chats.set(target.id, target);
		this.emit('incoming_chat', { chat: this.renderChat(target, thread) });
		const answer: Obj = existing ? { thread_id: thread.id } : { chat_id: target.id, thread_id: thread.id };
		if (eventIds.length) answer.event_ids = eventIds;
		return answer;
	}

	private upload(request: SimRequest): Obj {
		const type = String(request.headers['content-type'] ?? '');
		const boundary = /boundary=(.+)$/.exec(type)?.[1];
		if (!type.startsWith('multipart/form-data') || !boundary) throw invalid('upload_file takes multipart/form-data');
		const raw = Buffer.from(request.rawBody, 'latin1');
		if (raw.length > 10 * 1024 * 1024) throw new Refusal(413, 'entity_too_large', 'Upload limit exceeded (10MB).');
		const part = request.rawBody.split(`--${boundary}`).find((chunk) => /name="file"/.test(chunk));
		const name = part ? /filename="([^"]*)"/.exec(part)?.[1] : undefined;
		if (!part || !name) throw invalid('file is required');
		const content = part.slice(part.indexOf('\r\n\r\n') + 4, part.lastIndexOf('\r\n'));
		this.uploads.push({ name, size: Buffer.byteLength(content), contentType: /Content-Type: (.*)\r\n/.exec(part)?.[1] ?? '' });
		return { url: `https://cdn.livechat-files.com/api/file/lc/att/8948324/${randomId(32).toLowerCase()}/${name}` };
	}

	private chatProperties(body: Obj, remove: boolean): Obj {
		const chat = this.chat(text(body, 'id'));
		const properties = this.properties(body, remove);
		this.applyProperties(chat.properties, properties, remove);
		this.emit(remove ? 'chat_properties_deleted' : 'chat_properties_updated', { chat_id: chat.id, properties });
		return {};
	}

	private threadProperties(body: Obj, remove: boolean): Obj {
		const chat = this.chat(text(body, 'chat_id'));
		const thread = this.thread(chat, text(body, 'thread_id'));
		const properties = this.properties(body, remove);
		this.applyProperties(thread.properties, properties, remove);
		this.emit(remove ? 'thread_properties_deleted' : 'thread_properties_updated', { chat_id: chat.id, thread_id: thread.id, properties });
		return {};
	}

	private eventProperties(body: Obj, remove: boolean): Obj {
		const chat = this.chat(text(body, 'chat_id'));
		const thread = this.thread(chat, text(body, 'thread_id'));
		const eventId = text(body, 'event_id');
		const event = thread.events.find((candidate) => candidate.id === eventId);
		if (!event) throw notFound('Event not found');
		const properties = this.properties(body, remove);
		event.properties = (event.properties ?? {}) as Obj;
		this.applyProperties(event.properties as Obj, properties, remove);
		this.emit(remove ? 'event_properties_deleted' : 'event_properties_updated', { chat_id: chat.id, thread_id: thread.id, event_id: eventId, properties });
		return {};
	}

	private tagThread(body: Obj, add: boolean): Obj {
		const chat = this.chat(text(body, 'chat_id'));
		const thread = this.thread(chat, text(body, 'thread_id'));
		const tag = text(body, 'tag');
		if (!this.tags.includes(tag)) throw notFound(`Tag ${tag} not found`);
		if (add && !thread.tags.includes(tag)) thread.tags.push(tag);
		if (!add) thread.tags = thread.tags.filter((name) => name !== tag);
		this.emit(add ? 'thread_tagged' : 'thread_untagged', { chat_id: chat.id, thread_id: thread.id, tag });
		return {};
	}

	/** Which name of the forms filter this simulator takes (docs: forms since January 2026; SDK: surveys). */
	archiveFormsKey: 'forms' | 'surveys' = 'forms';

	/** The list_archives filters the node can send, checked as the v3.6 page documents them. */
	private checkArchiveFilters(filters: Obj): void {
		const strings = (list: unknown) => Array.isArray(list) && list.every((entry) => typeof entry === 'string');
		const other = this.archiveFormsKey === 'forms' ? 'surveys' : 'forms';
		if (filters[other] !== undefined) throw invalid(`Unknown filter ${other}`);
		if (filters[this.archiveFormsKey] !== undefined && !(Array.isArray(filters[this.archiveFormsKey]) && (filters[this.archiveFormsKey] as unknown[]).every(isObject))) {
			throw invalid(`${this.archiveFormsKey} must be an array of objects`);
		}
		if (filters.chat_ids !== undefined && (!strings(filters.chat_ids) || (filters.chat_ids as string[]).length > 1000)) throw invalid('chat_ids must be at most 1000 chat IDs');
		for (const key of ['customer_id', 'customer_email']) if (filters[key] !== undefined && typeof filters[key] !== 'string') throw invalid(`${key} must be a string`);
		for (const key of ['goals', 'sales']) {
			// "filters.goals / filters.sales values are ints or booleans" (FACTS.md)
			const filter = filters[key];
			if (filter === undefined) continue;
			const values = isObject(filter) ? (filter.values ?? filter.exclude_values) : undefined;
			if (values !== undefined && !(Array.isArray(values) && values.every((value) => Number.isInteger(value) || typeof value === 'boolean'))) {
				throw invalid(`${key} values must be ints or bools`);
			}
		}
		if (filters.agent_types !== undefined) {
			const types = filters.agent_types;
			const seen: string[] = [];
			if (!isObject(types)) throw invalid('Wrong format of agent_types');
			for (const [key, list] of Object.entries(types)) {
				if (!['all_values', 'any_values', 'exclude_values'].includes(key) || !strings(list)) throw invalid('Wrong format of agent_types');
				for (const type of list as string[]) {
					if (!['human', 'chatbot', 'ai_agent'].includes(type) || seen.includes(type)) throw invalid('Each agent type can be used only once');
					seen.push(type);
				}
			}
		}
	}

	/**
	 * register_webhook's filters, as the Configuration API v3.6 page documents them: each only on the
	 * actions its "Triggering actions" table lists. The agent_ids shape is undocumented: `agentIdsShape`
	 * picks which one this simulator takes.
	 */
	private checkWebhookFilters(action: string, filters: unknown): void {
		if (!isObject(filters)) throw invalid('filters must be an object');
		const allowed = LC_WEBHOOK_FILTERS[action] ?? [];
		for (const [name, value] of Object.entries(filters)) {
			if (!allowed.includes(name)) throw invalid(`Filter ${name} is not allowed for action ${action}`);
			const strings = (list: unknown) => Array.isArray(list) && list.every((entry) => typeof entry === 'string');
			const ok =
				name === 'author_type'
					? value === 'customer' || value === 'agent'
					: name === 'only_my_chats'
						? typeof value === 'boolean'
						: name === 'source_type'
							? strings(value) && (value as string[]).every((type) => ['my_client', 'other_clients', 'system'].includes(type))
							: name === 'agent_ids'
								? this.agentIdsShape === 'list'
									? strings(value)
									: isObject(value) && Object.keys(value).length === 1 && (strings(value.values) || strings(value.exclude_values))
								: isObject(value) &&
									Object.keys(value).every((key) => key === 'user_ids' || key === 'my_bots') &&
									(value.my_bots === undefined || typeof value.my_bots === 'boolean') &&
									(value.user_ids === undefined ||
										(isObject(value.user_ids) && Object.keys(value.user_ids).length === 1 && (strings(value.user_ids.values) || strings(value.user_ids.exclude_values))));
			if (!ok) throw invalid(`Wrong format of filters.${name}`);
		}
	}

	// ---- Configuration API ----

	private configurationActions(): Record<string, (body: Obj) => unknown> {
		return {
			list_groups: () => LC_GROUPS.map((group) => ({ ...group, language_code: 'en', routing_status: 'accepting_chats' })),
			list_agents: () => LC_AGENTS.map((agent) => ({ ...agent, login_status: 'accepting chats' })),
			list_tags: () => this.tags.map((name) => ({ name, group_ids: [0], created_at: '2024-01-01T00:00:00Z', author_id: LC_REQUESTER })),
			register_webhook: (body) => {
				const url = text(body, 'url');
				if (url.length > 500 || !/^https?:\/\//.test(url)) throw invalid('url must be a URL of at most 500 characters');
				const action = text(body, 'action');
				if (!LC_WEBHOOK_ACTIONS.includes(action)) throw invalid(`Unknown webhook action ${action}`);
				const secret = text(body, 'secret_key');
				const owner = text(body, 'owner_client_id');
				const type = text(body, 'type');
				if (type !== 'license' && type !== 'bot') throw invalid('type must be license or bot');
				if (body.filters !== undefined) this.checkWebhookFilters(action, body.filters);
				const additional = body.additional_data;
				if (additional !== undefined) {
					// register_webhook: chat_properties, chat_presence_user_ids; all actions but agent_deleted.
					if (!Array.isArray(additional) || !additional.every((name) => ['chat_properties', 'chat_presence_user_ids'].includes(String(name)))) {
						throw invalid('additional_data must be a list of chat_properties, chat_presence_user_ids');
					}
					if (action === 'agent_deleted' && additional.length) throw invalid(`additional_data is not allowed for action ${action}`);
				}
				const same = this.webhooks.filter((webhook) => webhook.action === action && webhook.owner_client_id === owner);
				if (same.length >= 3) throw new Refusal(400, 'limit_reached', 'Limit reached');
				const webhook: LcWebhook = {
					id: `wh${String(this.nextWebhook++).padStart(6, '0')}`,
					url,
					action,
					secret_key: secret,
					owner_client_id: owner,
					type,
					...(body.description ? { description: String(body.description) } : {}),
					...(isObject(body.filters) ? { filters: body.filters } : {}),
					...(Array.isArray(additional) ? { additional_data: additional.map(String) } : {}),
				};
				this.webhooks.push(webhook);
				return { id: webhook.id };
			},
			list_webhooks: (body) => {
				const owner = text(body, 'owner_client_id');
				return this.webhooks.filter((webhook) => webhook.owner_client_id === owner);
			},
			unregister_webhook: (body) => {
				const id = text(body, 'id');
				const owner = text(body, 'owner_client_id');
				const index = this.webhooks.findIndex((webhook) => webhook.id === id && webhook.owner_client_id === owner);
				if (index < 0) throw notFound('Webhook not found');
				this.webhooks.splice(index, 1);
				return {};
			},
			get_license_webhooks_state: (body) => {
				text(body, 'owner_client_id');
				return { license_webhooks_enabled: this.licenseWebhooksEnabled };
			},
			enable_license_webhooks: (body) => {
				text(body, 'owner_client_id');
				this.licenseWebhooksEnabled = true;
				return {};
			},
			disable_license_webhooks: (body) => {
				text(body, 'owner_client_id');
				this.licenseWebhooksEnabled = false;
				return {};
			},
		};
	}

	protected controls() {
		return {
			/** The license moves to another data center. */
			region: (body: unknown) => {
				this.region = (body as { region: 'dal' | 'fra' }).region;
				return { region: this.region };
			},
			/** The customer writes in a chat (an incoming_event from a customer). */
			customerMessage: async (body: unknown) => {
				const { chat_id: chatId, text: message } = body as { chat_id: string; text: string };
				const chat = this.chat(chatId);
				const thread = this.activeThread(chat);
				const customer = chat.users.find((user) => user.type === 'customer');
				const event = this.makeEvent({ type: 'message', text: message, visibility: 'all' }, customer?.id ?? LC_CUSTOMER_ID);
				thread.events.push(event);
				this.emit('incoming_event', { chat_id: chat.id, thread_id: thread.id, event }, 'customer');
				await this.flush();
				return { event, deliveries: this.deliveries };
			},
			/** A change LiveChat has a published sample for (body: {section, title?}): the sample is delivered. */
			sample: async (body: unknown) => {
				const { section, title } = body as { section: string; title?: string };
				const sample = LC_WEBHOOK_SAMPLES.find((candidate) => candidate.section === section && (title === undefined || candidate.title === title));
				if (!sample) throw new Error(`No published sample for ${section}${title ? ` (${title})` : ''}`);
				this.emitSample(sample);
				await this.flush();
				return { sample: sample.delivery, deliveries: this.deliveries };
			},
			flush: async () => {
				await this.flush();
				return { deliveries: this.deliveries };
			},
		};
	}

	state() {
		return {
			region: this.region,
			chats: this.chats.size,
			webhooks: this.webhooks,
			licenseWebhooksEnabled: this.licenseWebhooksEnabled,
			deliveries: this.deliveries,
			uploads: this.uploads,
		};
	}
}

export const sandbox: SimulatedVendor<LiveChatSimulator> = {
	key: 'liveChat',
	port: 4102,
	create: () => new LiveChatSimulator(),
	credentials: (simulator) => [
		{
			id: 'sandboxLiveChat0',
			name: 'LiveChat (sandbox)',
			type: 'liveChatPersonalAccessTokenApi',
			data: {
				accountId: simulator.accountId,
				accessToken: simulator.token,
				region: 'auto',
				clientId: LC_CLIENT_ID,
				baseUrl: simulator.baseUrl,
			},
		},
	],
	testEvents: [
		{
			triggers: ['liveChatTrigger'],
			control: 'customerMessage',
			body: { chat_id: LC_SANDBOX_CHAT_ID, text: 'Hi, where is my order?' },
			what: 'the customer writes in the open chat: an incoming_event delivered to the webhook trigger',
		},
		{
			triggers: ['anyLiveChatTrigger'],
			control: 'sample',
			body: { section: 'incoming_chat' },
			what: 'LiveChat’s published incoming_chat sample delivered to the Live Chat Trigger: a new chat',
		},
	],
	name: 'LiveChat',
	nodeType: 'liveChat',
	aliases: ['text.com', 'Text'],
	withSecret: (secret) => new LiveChatSimulator(undefined, secret),
	secretField: 'accessToken',
	basicUser: (simulator) => simulator.accountId,
	otherCredentials: (simulator) => [
		{
			type: 'liveChatOAuth2Api',
			data: {
				baseUrl: simulator.baseUrl,
				clientId: LC_CLIENT_ID,
				clientSecret: 'sandbox-client-secret',
				accessTokenUrl: `${simulator.baseUrl}/v2/token`,
				oauthTokenData: { access_token: 'dal:sandbox-oauth-token', token_type: 'Bearer' },
			},
			secret: 'dal:sandbox-oauth-token',
			wrong: (data, secret) => ({ ...data, oauthTokenData: { access_token: secret, token_type: 'Bearer' } }),
		},
	],
	refusal: { parameters: { resource: 'chat', operation: 'get', chatId: ' ' }, message: 'Chat ID is required' },
	platformFaults: {
		listTarget: { method: 'POST', path: '/v3.6/agent/action/list_archives' },
		write: {
			name: 'Live Chat node message send',
			parameters: { resource: 'message', operation: 'send', conversationId: 'PJ0MRSHTDG', text: 'once' },
			target: { method: 'POST', path: '/v3.6/agent/action/send_event' },
		},
		pathIds: [
			{
				name: 'Live Chat node conversation get (ID in the body)',
				parameters: (id) => ({ resource: 'conversation', operation: 'get', conversationId: id }),
				check: (request, id) => {
					expect(request.path).toBe('/v3.6/agent/action/get_chat');
					expect(request.query).toEqual({});
					expect((request.body as IDataObject).chat_id).toBe(id);
				},
			},
		],
	},
	faults: {
		read: {
			parameters: { resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID },
			target: { method: 'POST', path: '/v3.6/agent/action/get_customer' },
		},
		write: [
			{
				name: 'event send',
				parameters: { resource: 'event', operation: 'send', chatId: 'PJ0MRSHTDG', text: 'once' },
				target: { method: 'POST', path: '/v3.6/agent/action/send_event' },
			},
			{
				name: 'file upload',
				parameters: { resource: 'event', operation: 'upload', binaryPropertyName: 'data' },
				items: [{ json: {}, binary: { data: { data: Buffer.from('uploaded once').toString('base64'), mimeType: 'text/plain', fileName: 'once.txt' } } }],
				target: { method: 'POST', path: '/v3.6/agent/action/upload_file' },
			},
		],
		continueOnFail: {
			parameters: { resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' },
			inputs: [{ id: LC_CUSTOMER_ID }, { id: 'missing' }, { id: LC_CUSTOMER_ID }],
		},
		badInput: [
			{ name: 'empty Chat ID (expression)', parameters: { resource: 'chat', operation: 'get', chatId: '={{ "" }}' }, message: 'Chat ID' },
			{ name: 'empty Text (expression)', parameters: { resource: 'event', operation: 'send', chatId: 'PJ0MRSHTDG', text: '={{ "" }}' }, message: 'Text' },
			{ name: 'invalid JSON', parameters: { resource: 'event', operation: 'send', chatId: 'PJ0MRSHTDG', eventType: 'json', eventJson: '{"text":1' }, message: 'Event (JSON)' },
			{ name: 'impossible date', parameters: { resource: 'event', operation: 'markSeen', chatId: 'PJ0MRSHTDG', seenUpTo: '2024-02-30T10:00:00Z' }, message: 'Seen Up To' },
			{ name: 'impossible list date', parameters: { resource: 'chat', operation: 'listArchives', returnAll: true, archiveFilters: { from: '2024-02-30' } }, message: 'From' },
			{ name: 'goal neither ID nor boolean', parameters: { resource: 'chat', operation: 'listArchives', returnAll: true, archiveFilters: { goals: { filter: { match: 'values', values: 'abc' } } } }, message: 'Goals' },
			{ name: 'initial events not a list', parameters: { resource: 'chat', operation: 'start', chatOptions: { events: '{"type":"message"}' } }, message: 'Initial Events (JSON)' },
			{ name: 'phone number not E.164', parameters: { resource: 'customer', operation: 'update', customerId: LC_CUSTOMER_ID, customerFields: { phoneNumber: '12' } }, message: 'Phone Number' },
			{ name: 'Min Events Count beside From', parameters: { resource: 'thread', operation: 'list', chatId: 'PJ0MRSHTDG', returnAll: true, threadFilters: { minEventsCount: 3, from: '2024-01-01' } }, message: 'Min Events Count' },
			{ name: 'removed operation in a saved workflow', parameters: { resource: 'customer', operation: 'create' }, message: 'create_customer' },
		],
		pathIds: [
			{
				name: 'chat get (ID in the body)',
				parameters: (id) => ({ resource: 'chat', operation: 'get', chatId: id }),
				check: (request, id) => {
					expect(request.path).toBe('/v3.6/agent/action/get_chat');
					expect(request.query).toEqual({});
					expect((request.body as IDataObject).chat_id).toBe(id);
				},
			},
		],
		neededExtras: {
			'customer.update': { customerFields: { name: 'Ana' } },
			'multicast.send': { recipients: { allAgents: true } },
		},
	},
	webhookTrigger: {
		type: 'liveChatTrigger',
		parameters: { events: ['incoming_event'], output: 'withAction' },
		// Author Type is taken by incoming_event only: it must go with that registration alone.
		twoRegistrations: { events: ['incoming_chat', 'incoming_event'], filters: { authorType: 'customer' }, output: 'withAction' },
		canList: true,
		registrations: (simulator) => simulator.webhooks.map((webhook) => ({ id: webhook.id, url: webhook.url })),
		addForeign: (simulator, url) => {
			simulator.webhooks.push({
				id: 'foreign1',
				url,
				action: 'incoming_event',
				secret_key: 'someone-elses-secret',
				owner_client_id: LC_CLIENT_ID,
				type: 'license',
			});
		},
		lose: (simulator, webhookUrl) => {
			simulator.webhooks = simulator.webhooks.filter((webhook) => webhook.url !== webhookUrl);
		},
		genuine: (registration, simulator, n) => {
			const webhook = simulator.webhooks.find((candidate) => candidate.id === registration.id)!;
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
	queue: {
		checkActions: (items, simulator) => {
			const [started] = items('Start Chat') as Array<{ chat_id: string }>;
			expect(simulator.chats.get(started.chat_id)?.threads[0]).toMatchObject({ active: false, tags: ['sales'] });
			expect(simulator.uploads).toEqual([{ name: 'invoice.txt', size: 16, contentType: 'text/plain' }]);
			expect(items('List Chats (limit 12)')).toHaveLength(12);
		},
		// one registration per event chosen
		registrationsFor: (parameters) => (parameters.events as string[]).length,
		emit: async (simulator, round) => {
			const message = (await sendControl(simulator, 'customerMessage', {
				chat_id: 'PJ0MRSHTDG',
				text: `Round ${round}: is my order shipped?`,
			})) as { event: { id: string }; deliveries: Array<{ status: number }> };
			return { ids: { liveChatTrigger: message.event.id }, delivered: [message.deliveries.at(-1)?.status ?? 0] };
		},
	},
};
