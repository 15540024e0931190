/**
 * 5chat REST API as documented (vendor index page and FACTS.md): Bearer tokens scoped to one website
 * with READ, WRITE or READ_WRITE permission, `{data, total, page, limit, totalPages, hasNextPage,
 * hasPrevPage}` pages of at most 100 listed newest first, conversations with messages, visitors,
 * widgets, statistics, and tickets that need the PRO plan. Errors are `{statusCode, message, error}`.
 *
 * From the per-endpoint pages (FACTS.md, "What the public record says today"): the widget PATCH body
 * (no `positions`; `chatFormFields` and `welcomeMessages` are text), ratings once only (409) with
 * 400 for a missing or wrong `x-visitor-id`, the e-mail fields of ticket messages, and
 * POST /internal/visitors/tickets. Where sources disagree, a switch serves each:
 * - `ratingRule`: 'once' (the rating page: 409 when already rated) or 'overwrite' (the older index
 *   page: "Existing ratings can be overwritten").
 * - `ignoredFilters`: ticket list filters answered as if not sent (a vendor may ignore any filter).
 */
import type { SimRequest, SimResponse, SimulatedVendor } from './base';
import { idInSegment, MINUTE, Simulator } from './base';

export type Permission = 'READ' | 'WRITE' | 'READ_WRITE';

export interface FcMessage {
	id: string;
	conversationId: string;
	content: string;
	senderType: 'VISITOR' | 'USER' | 'BOT' | 'SYSTEM';
	userId: string | null;
	createdAt: string;
}

export interface FcConversation {
	id: string;
	websiteId: string;
	token: string;
	rating: number | null;
	feedback: string | null;
	assigneeId: string | null;
	visitorId: string;
	createdAt: string;
	status: 'OPEN' | 'CLOSED';
	firstMessageAt: string | null;
	closedAt: string | null;
	summary: string | null;
	tags: string[];
}

export interface FcVisitor {
	id: string;
	token: string;
	websiteId: string;
	name: string | null;
	email: string | null;
	phone: string | null;
	context: Record<string, unknown>;
	createdAt: string;
}

/** The message body fields of 5chat's "Add message to ticket" page. */
export const FC_TICKET_MESSAGE_FIELDS = ['content', 'messageType', 'emailMessageId', 'senderEmail', 'isFromEmail', 'authorId', 'inReplyTo', 'references', 'subject'] as const;

export interface FcTicketMessage {
	id: string;
	ticketId: number;
	content: string;
	messageType: string;
	emailMessageId?: string | null;
	senderEmail?: string | null;
	isFromEmail?: boolean;
	authorId?: string | null;
	inReplyTo?: string | null;
	references?: string | null;
	subject?: string | null;
	createdAt: string;
}

export type FcTicketFilter = 'status' | 'priority' | 'assigneeId' | 'visitorId' | 'search';

export interface FcTicket {
	id: number;
	websiteId: string;
	title: string;
	description: string | null;
	email: string | null;
	status: string;
	priority: string;
	assigneeId: string | null;
	visitorId: string | null;
	visitorToken: string | null;
	conversationToken: string | null;
	createdAt: string;
	updatedAt: string;
	messages: FcTicketMessage[];
}

export const FC_WEBSITE_ID = 'ws_5c1a7e';
export const FC_CLIENT_TOKEN = 'wgt_5c1a7e_public';
export const FC_TOKENS: Record<string, Permission> = {
	'fc-sandbox-rw-token-91ab': 'READ_WRITE',
	'fc-sandbox-read-token-22cd': 'READ',
	'fc-sandbox-write-token-37ef': 'WRITE',
};
export const FC_RW_TOKEN = 'fc-sandbox-rw-token-91ab';
export const FC_READ_TOKEN = 'fc-sandbox-read-token-22cd';
export const FC_WRITE_TOKEN = 'fc-sandbox-write-token-37ef';

export const FC_USERS = [
	{ id: 'usr_1', name: 'Marta Quinn', email: 'marta@shop.example.com' },
	{ id: 'usr_2', name: 'Leo Brandt', email: 'leo@shop.example.com' },
];

const NAMES = ['Ana Souza', 'Ben Okafor', 'Chen Wei', 'Dana Levi', 'Emil Berg'];
const GEO_KEYS = ['geolocation', 'geo', 'location', 'latitude', 'longitude', 'city', 'country', 'region'];

/** The widget PATCH body of 5chat's page, with the types it gives; other keys are not stored. */
const WIDGET_KEYS: Record<string, 'string' | 'boolean' | 'number'> = {
	color: 'string',
	buttonClass: 'string',
	chatClass: 'string',
	chatTitleClass: 'string',
	chatInputClass: 'string',
	buttonXPos: 'number',
	buttonYPos: 'number',
	buttonBgColor: 'string',
	buttonTextColor: 'string',
	bubbleColor: 'string',
	bubbleTextColor: 'string',
	websiteClientToken: 'string',
	chatFormFields: 'string',
	welcomeMessages: 'string',
	ratingEnabled: 'boolean',
	removeBranding: 'boolean',
	chatEnabled: 'boolean',
};

export class FiveChatSimulator extends Simulator {
	readonly vendor = '5chat';

	plan: 'PRO' | 'FREE' = 'PRO';
	/** Whether a second rating is refused (409) or replaces the first (see the file's comment). */
	ratingRule: 'once' | 'overwrite' = 'once';
	/** Ticket list filters answered as if they had not been sent. */
	ignoredFilters: FcTicketFilter[] = [];
	conversations: FcConversation[] = [];
	messages: FcMessage[] = [];
	visitors: FcVisitor[] = [];
	tickets: FcTicket[] = [];
	widget: Record<string, unknown> = {};
	private nextId = 1;
	/** Base time of the seed, so that seeded data sits in the recent past. */
	private epoch = Date.now();

	constructor(readonly seedConversations = 230) {
		super();
		this.route('GET', '/health', () => ({ body: { status: 'ok', timestamp: new Date().toISOString() } }), { public: true });
		this.route('GET', '/conversations', (r) => this.listConversations(r));
		this.route('GET', '/conversations/:token', (r) => this.conversationDetails(r));
		this.route('GET', '/conversations/:token/messages', (r) => this.conversationDetails(r));
		this.route('POST', '/conversations/:token/rate', (r) => this.rate(r));
		this.route('GET', '/visitors/:token', (r) => this.getVisitor(r));
		this.route('PATCH', '/visitors/:token/context', (r) => this.updateContext(r));
		this.route('GET', '/widgets/:clientToken', (r) => this.getWidget(r));
		this.route('PATCH', '/widgets/:clientToken', (r) => this.updateWidget(r));
		this.route('GET', '/statistics/current', (r) => this.guard(r) ?? this.statistics());
		this.route('GET', '/tickets', (r) => this.listTickets(r));
		this.route('POST', '/tickets', (r) => this.createTicket(r));
		this.route('GET', '/tickets/:id', (r) => this.withTicket(r, (t) => ({ body: t })));
		this.route('PATCH', '/tickets/:id', (r) => this.updateTicket(r));
		this.route('DELETE', '/tickets/:id', (r) => this.deleteTicket(r));
		this.route('PATCH', '/tickets/:id/status', (r) => this.updateStatus(r));
		this.route('POST', '/tickets/:id/messages', (r) => this.addTicketMessage(r));
		this.route('POST', '/internal/visitors/tickets', (r) => this.visitorTicket(r));
	}

	private id(prefix: string): string {
		return `${prefix}_${(this.nextId++).toString(36).padStart(4, '0')}`;
	}

	protected seed(): void {
		this.plan = 'PRO';
		this.ratingRule = 'once';
		this.ignoredFilters = [];
		this.nextId = 1;
		this.epoch = Date.now();
		this.conversations = [];
		this.messages = [];
		this.visitors = [];
		this.tickets = [];
		this.widget = {
			clientToken: FC_CLIENT_TOKEN,
			websiteId: FC_WEBSITE_ID,
			color: '#6c3ce0',
			buttonClass: '',
			chatClass: '',
			chatTitleClass: '',
			chatInputClass: '',
			buttonXPos: 20,
			buttonYPos: 20,
			buttonBgColor: '#6c3ce0',
			buttonTextColor: '#ffffff',
			bubbleColor: '#f1f0f5',
			bubbleTextColor: '#1c1b22',
			websiteClientToken: FC_CLIENT_TOKEN,
			chatFormFields: '[{"name":"email","type":"EMAIL","required":true}]',
			welcomeMessages: 'Hi! How can we help?',
			ratingEnabled: true,
			removeBranding: false,
			chatEnabled: true,
		};
		for (let i = this.seedConversations; i >= 1; i--) {
			const at = this.epoch - i * 10 * 60_000;
			this.addConversation({ createdAt: new Date(at).toISOString(), status: i > 3 ? 'CLOSED' : 'OPEN' });
		}
		for (let i = 6; i >= 1; i--) {
			const conversation = this.conversations[this.conversations.length - i];
			this.addTicket({
				title: `Order problem ${i}`,
				createdAt: new Date(this.epoch - i * 30 * 60_000).toISOString(),
				conversationToken: conversation.token,
				visitorToken: this.visitorById(conversation.visitorId)?.token ?? null,
				visitorId: conversation.visitorId,
				priority: i % 2 ? 'HIGH' : 'MEDIUM',
				status: i % 3 ? 'NEW' : 'PENDING',
			});
		}
	}

	/** A conversation with a visitor and a short exchange; closed ones carry closedAt. */
	addConversation(fields: Partial<FcConversation> = {}): FcConversation {
		const createdAt = fields.createdAt ?? new Date().toISOString();
		const start = Date.parse(createdAt);
		const n = this.nextId;
		const visitor: FcVisitor = {
			id: this.id('vis'),
			token: this.id('vtok'),
			websiteId: FC_WEBSITE_ID,
			name: NAMES[n % NAMES.length],
			email: `${NAMES[n % NAMES.length].toLowerCase().replace(' ', '.')}@example.com`,
			phone: n % 2 ? '+15555550123' : null,
			context: { plan: 'starter', geolocation: { city: 'Lisbon' } },
			createdAt,
		};
		this.visitors.push(visitor);
		const status = fields.status ?? 'OPEN';
		const agent = FC_USERS[n % FC_USERS.length];
		const conversation: FcConversation = {
			id: this.id('conv'),
			websiteId: FC_WEBSITE_ID,
			token: this.id('ctok'),
			rating: null,
			feedback: null,
			assigneeId: agent.id,
			visitorId: visitor.id,
			createdAt,
			status,
			firstMessageAt: createdAt,
			closedAt: status === 'CLOSED' ? new Date(start + 5 * 60_000).toISOString() : null,
			summary: 'Visitor asked about an invoice.',
			tags: ['billing'],
			...fields,
		};
		this.conversations.push(conversation);
		const say = (senderType: FcMessage['senderType'], content: string, offsetMs: number) =>
			this.messages.push({
				id: this.id('msg'),
				conversationId: conversation.id,
				content,
				senderType,
				userId: senderType === 'USER' ? agent.id : null,
				createdAt: new Date(start + offsetMs).toISOString(),
			});
		say('VISITOR', 'Hello, I need a copy of my invoice.', 0);
		say('USER', 'Sure, which order is it?', 20_000);
		say('VISITOR', 'Order 1042.', 45_000);
		return conversation;
	}

	closeConversation(token: string, at = new Date().toISOString()): FcConversation {
		const conversation = this.conversations.find((c) => c.token === token);
		if (!conversation) throw new Error(`no conversation ${token}`);
		conversation.status = 'CLOSED';
		conversation.closedAt = at;
		return conversation;
	}

	addTicket(fields: Partial<FcTicket> = {}): FcTicket {
		const createdAt = fields.createdAt ?? new Date().toISOString();
		const ticket: FcTicket = {
			id: this.tickets.reduce((max, t) => Math.max(max, t.id), 0) + 1,
			websiteId: FC_WEBSITE_ID,
			title: 'Question',
			description: null,
			email: null,
			status: 'NEW',
			priority: 'MEDIUM',
			assigneeId: null,
			visitorId: null,
			visitorToken: null,
			conversationToken: null,
			createdAt,
			updatedAt: createdAt,
			messages: [],
			...fields,
		};
		this.tickets.push(ticket);
		return ticket;
	}

	appendTicketMessage(
		ticket: FcTicket,
		content: string,
		messageType = 'EMAIL',
		at = new Date().toISOString(),
		fields: Partial<FcTicketMessage> = {},
	): FcTicketMessage {
		const message: FcTicketMessage = { id: this.id('tmsg'), ticketId: ticket.id, ...fields, content, messageType, createdAt: at };
		ticket.messages.push(message);
		ticket.updatedAt = at;
		return message;
	}

	setTicketStatus(ticket: FcTicket, status: string, at = new Date().toISOString()): void {
		ticket.status = status;
		ticket.updatedAt = at;
	}

	private visitorById(id: string): FcVisitor | undefined {
		return this.visitors.find((v) => v.id === id);
	}

	private permission(request: SimRequest): Permission | undefined {
		const header = String(request.headers.authorization ?? '');
		return header.startsWith('Bearer ') ? FC_TOKENS[header.slice(7)] : undefined;
	}

	protected isAuthorized(request: SimRequest): boolean {
		return this.permission(request) !== undefined;
	}

	protected unauthorized(request: SimRequest): SimResponse {
		return request.headers.authorization
			? this.errorResponse(401, 'Invalid API token')
			: this.errorResponse(401, 'Missing API token');
	}

	protected errorResponse(status: number, message: string): SimResponse {
		const names: Record<number, string> = {
			400: 'Bad Request',
			401: 'Unauthorized',
			403: 'Forbidden',
			404: 'Not Found',
			409: 'Conflict',
			429: 'Too Many Requests',
			500: 'Internal Server Error',
			503: 'Service Unavailable',
		};
		return { status, body: { statusCode: status, message, error: names[status] ?? 'Error' } };
	}

	protected envelopeError(message: string): SimResponse {
		return { status: 200, body: { success: false, statusCode: 500, message } };
	}

	/** The token's permission must cover the request: reads need READ, everything else WRITE. */
	private guard(request: SimRequest, ticket = false): SimResponse | undefined {
		const permission = this.permission(request)!;
		const write = request.method !== 'GET';
		if (write && permission === 'READ') {
			return this.errorResponse(403, 'This API token has READ permission only; WRITE permission is required for this request');
		}
		if (!write && permission === 'WRITE') {
			return this.errorResponse(403, 'This API token has WRITE permission only; READ permission is required for this request');
		}
		if (ticket && this.plan !== 'PRO') {
			return this.errorResponse(403, 'Tickets are available on the PRO plan only. Upgrade your website to use tickets.');
		}
		return undefined;
	}

	private paging(request: SimRequest): { page: number; limit: number } | SimResponse {
		const page = Number(request.query.page ?? 1);
		const limit = Number(request.query.limit ?? 20);
		if (!Number.isInteger(page) || page < 1) return this.errorResponse(400, 'page must be a positive integer');
		if (!Number.isInteger(limit) || limit < 1) return this.errorResponse(400, 'limit must be a positive integer');
		if (limit > 100) return this.errorResponse(400, 'limit must not be greater than 100');
		return { page, limit };
	}

	private page<T>(all: T[], paging: { page: number; limit: number }): SimResponse {
		const total = all.length;
		const totalPages = Math.max(1, Math.ceil(total / paging.limit));
		// repeatPages: the `page` parameter ignored, the first page answered every time
		const from = this.repeatPages ? 0 : (paging.page - 1) * paging.limit;
		const data = all.slice(from, from + paging.limit);
		return {
			body: {
				data,
				total,
				page: paging.page,
				limit: paging.limit,
				totalPages,
				hasNextPage: paging.page < totalPages,
				hasPrevPage: paging.page > 1,
			},
		};
	}

	private newestFirst<T extends { createdAt: string }>(list: T[], id: (item: T) => string | number): T[] {
		return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || String(id(b)).localeCompare(String(id(a)), undefined, { numeric: true }));
	}

	private listConversations(request: SimRequest): SimResponse {
		const denied = this.guard(request);
		if (denied) return denied;
		const paging = this.paging(request);
		if ('status' in paging || 'body' in paging) return paging as SimResponse;
		return this.page(
			this.newestFirst(this.conversations, (c) => c.id).map(({ feedback: _feedback, summary: _summary, tags: _tags, ...c }) => c),
			paging as { page: number; limit: number },
		);
	}

	private conversationDetails(request: SimRequest): SimResponse {
		const denied = this.guard(request);
		if (denied) return denied;
		const conversation = this.conversations.find((c) => c.token === request.params.token);
		if (!conversation) return this.errorResponse(404, 'Conversation not found');
		const { summary, tags, ...rest } = conversation;
		const lang = request.query.lang ?? 'en';
		const tagLabels: Record<string, Record<string, string>> = { billing: { en: 'Billing', de: 'Abrechnung' } };
		return {
			body: {
				conversation: rest,
				messages: this.messages.filter((m) => m.conversationId === conversation.id),
				visitor: this.visitorById(conversation.visitorId) ?? null,
				users: FC_USERS.filter((u) => u.id === conversation.assigneeId),
				summary,
				tags: tags.map((key) => ({ key, name: tagLabels[key]?.[lang] ?? key })),
			},
		};
	}

	private rate(request: SimRequest): SimResponse {
		const denied = this.guard(request);
		if (denied) return denied;
		const conversation = this.conversations.find((c) => c.token === request.params.token);
		if (!conversation) return this.errorResponse(404, 'Conversation not found');
		const visitorId = request.headers['x-visitor-id'];
		if (!visitorId) return this.errorResponse(400, 'x-visitor-id header is required');
		if (visitorId !== conversation.visitorId) return this.errorResponse(400, 'Invalid x-visitor-id for this conversation');
		const body = (request.body ?? {}) as { rating?: unknown; feedback?: unknown };
		if (typeof body.rating !== 'number' || !Number.isInteger(body.rating) || body.rating < 1 || body.rating > 5) {
			return this.errorResponse(400, 'rating must be an integer between 1 and 5');
		}
		if (conversation.rating !== null && this.ratingRule === 'once') return this.errorResponse(409, 'Conversation has already been rated');
		conversation.rating = body.rating;
		conversation.feedback = typeof body.feedback === 'string' ? body.feedback : null;
		return { status: 201, body: { token: conversation.token, rating: conversation.rating, feedback: conversation.feedback } };
	}

	private getVisitor(request: SimRequest): SimResponse {
		const denied = this.guard(request);
		if (denied) return denied;
		const visitor = this.visitors.find((v) => v.token === request.params.token);
		return visitor ? { body: visitor } : this.errorResponse(404, 'Visitor not found');
	}

	private updateContext(request: SimRequest): SimResponse {
		const denied = this.guard(request);
		if (denied) return denied;
		const visitor = this.visitors.find((v) => v.token === request.params.token);
		if (!visitor) return this.errorResponse(404, 'Visitor not found');
		const body = (request.body ?? {}) as { name?: unknown; context?: unknown };
		if (body.context !== undefined && (typeof body.context !== 'object' || body.context === null || Array.isArray(body.context))) {
			return this.errorResponse(400, 'context must be an object');
		}
		if (typeof body.name === 'string') visitor.name = body.name;
		if (body.context) {
			const context = { ...(body.context as Record<string, unknown>) };
			for (const key of GEO_KEYS) delete context[key];
			visitor.context = context;
		}
		return { body: visitor };
	}

	private getWidget(request: SimRequest): SimResponse {
		const denied = this.guard(request);
		if (denied) return denied;
		return request.params.clientToken === FC_CLIENT_TOKEN ? { body: this.widget } : this.errorResponse(404, 'Widget not found');
	}

	private updateWidget(request: SimRequest): SimResponse {
		const denied = this.guard(request);
		if (denied) return denied;
		if (request.params.clientToken !== FC_CLIENT_TOKEN) return this.errorResponse(404, 'Widget not found');
		const body = (request.body ?? {}) as Record<string, unknown>;
		const changes: Record<string, unknown> = {};
		for (const [key, kind] of Object.entries(WIDGET_KEYS)) {
			if (body[key] === undefined) continue;
			if (typeof body[key] !== kind) return this.errorResponse(400, `${key} must be a ${kind}`);
			changes[key] = body[key];
		}
		this.widget = { ...this.widget, ...changes };
		return { body: this.widget };
	}

	private statistics(): SimResponse {
		return {
			body: {
				totalConversations: this.conversations.length,
				activeConversations: this.conversations.filter((c) => c.status === 'OPEN').length,
				totalMessages: this.messages.length,
				totalVisitors: this.visitors.length,
				onlineVisitors: 2,
				averageResponseTime: 20,
			},
		};
	}

	private listTickets(request: SimRequest): SimResponse {
		const denied = this.guard(request, true);
		if (denied) return denied;
		const paging = this.paging(request);
		if ('status' in paging || 'body' in paging) return paging as SimResponse;
		const q: Partial<Record<FcTicketFilter, string>> = { ...request.query };
		for (const name of this.ignoredFilters) delete q[name];
		const search = q.search?.toLowerCase();
		const list = this.newestFirst(this.tickets, (t) => t.id)
			.filter((t) => !q.status || t.status === q.status)
			.filter((t) => !q.priority || t.priority === q.priority)
			.filter((t) => !q.assigneeId || t.assigneeId === q.assigneeId)
			.filter((t) => !q.visitorId || t.visitorId === q.visitorId)
			.filter((t) => !search || `${t.title} ${t.description ?? ''}`.toLowerCase().includes(search))
			.map(({ messages, ...t }) => ({ ...t, _count: { messages: messages.length } }));
		return this.page(list, paging as { page: number; limit: number });
	}

	private withTicket(request: SimRequest, then: (ticket: FcTicket) => SimResponse): SimResponse {
		const denied = this.guard(request, true);
		if (denied) return denied;
		const ticket = this.tickets.find((t) => String(t.id) === request.params.id);
		return ticket ? then(ticket) : this.errorResponse(404, `Ticket ${request.params.id} not found`);
	}

	private checkTicketFields(body: Record<string, unknown>): SimResponse | undefined {
		if (body.email !== undefined && (typeof body.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(body.email))) {
			return this.errorResponse(400, 'email must be an email');
		}
		if (body.priority !== undefined && !['LOW', 'MEDIUM', 'HIGH', 'URGENT'].includes(String(body.priority))) {
			return this.errorResponse(400, 'priority must be one of the following values: LOW, MEDIUM, HIGH, URGENT');
		}
		return undefined;
	}

	private createTicket(request: SimRequest): SimResponse {
		const denied = this.guard(request, true);
		if (denied) return denied;
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (typeof body.title !== 'string' || body.title.trim() === '') return this.errorResponse(400, 'title should not be empty');
		const invalid = this.checkTicketFields(body);
		if (invalid) return invalid;
		const visitor = typeof body.visitorToken === 'string' ? this.visitors.find((v) => v.token === body.visitorToken) : undefined;
		const ticket = this.addTicket({
			title: body.title,
			description: (body.description as string) ?? null,
			email: (body.email as string) ?? null,
			priority: (body.priority as string) ?? 'MEDIUM',
			visitorToken: (body.visitorToken as string) ?? null,
			visitorId: visitor?.id ?? null,
			conversationToken: (body.conversationToken as string) ?? null,
		});
		return { status: 201, body: ticket };
	}

	private updateTicket(request: SimRequest): SimResponse {
		return this.withTicket(request, (ticket) => {
			const body = (request.body ?? {}) as Record<string, unknown>;
			const invalid = this.checkTicketFields(body);
			if (invalid) return invalid;
			for (const key of ['title', 'description', 'email', 'priority', 'assigneeId'] as const) {
				if (body[key] !== undefined) (ticket as unknown as Record<string, unknown>)[key] = body[key];
			}
			ticket.updatedAt = new Date().toISOString();
			return { body: ticket };
		});
	}

	private deleteTicket(request: SimRequest): SimResponse {
		return this.withTicket(request, (ticket) => {
			this.tickets = this.tickets.filter((t) => t !== ticket);
			return { status: 204 };
		});
	}

	private updateStatus(request: SimRequest): SimResponse {
		return this.withTicket(request, (ticket) => {
			const status = (request.body as { status?: unknown } | undefined)?.status;
			if (typeof status !== 'string' || !['NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED'].includes(status)) {
				return this.errorResponse(400, 'status must be one of the following values: NEW, OPEN, PENDING, RESOLVED, CLOSED');
			}
			this.setTicketStatus(ticket, status);
			return { body: ticket };
		});
	}

	private addTicketMessage(request: SimRequest): SimResponse {
		return this.withTicket(request, (ticket) => {
			const body = (request.body ?? {}) as Record<string, unknown>;
			if (typeof body.content !== 'string' || body.content.trim() === '') return this.errorResponse(400, 'content should not be empty');
			if (body.senderEmail !== undefined && (typeof body.senderEmail !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(body.senderEmail))) {
				return this.errorResponse(400, 'senderEmail must be an email');
			}
			if (body.isFromEmail !== undefined && typeof body.isFromEmail !== 'boolean') return this.errorResponse(400, 'isFromEmail must be a boolean value');
			const fields: Partial<FcTicketMessage> = {};
			for (const key of FC_TICKET_MESSAGE_FIELDS) if (body[key] !== undefined) (fields as Record<string, unknown>)[key] = body[key];
			const message = this.appendTicketMessage(ticket, body.content, typeof body.messageType === 'string' ? body.messageType : 'EMAIL', undefined, fields);
			return { status: 201, body: message };
		});
	}

	/** POST /internal/visitors/tickets: the visitor of `x-visitor-id` opens a ticket (body as POST /tickets). */
	private visitorTicket(request: SimRequest): SimResponse {
		const denied = this.guard(request, true);
		if (denied) return denied;
		const visitorId = request.headers['x-visitor-id'];
		if (!visitorId) return this.errorResponse(400, 'x-visitor-id header is required');
		const visitor = this.visitorById(String(visitorId));
		if (!visitor) return this.errorResponse(400, 'Invalid x-visitor-id');
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (typeof body.title !== 'string' || body.title.trim() === '') return this.errorResponse(400, 'title should not be empty');
		const invalid = this.checkTicketFields(body);
		if (invalid) return invalid;
		const ticket = this.addTicket({
			title: body.title,
			description: (body.description as string) ?? null,
			email: (body.email as string) ?? visitor.email,
			priority: (body.priority as string) ?? 'MEDIUM',
			visitorId: visitor.id,
			visitorToken: visitor.token,
			conversationToken: (body.conversationToken as string) ?? null,
		});
		return { status: 201, body: ticket };
	}

	protected controls() {
		return {
			conversation: (body: unknown) => this.addConversation((body ?? {}) as Partial<FcConversation>),
			close: (body: unknown) => this.closeConversation(String((body as { token?: string }).token)),
			ticket: (body: unknown) => this.addTicket((body ?? {}) as Partial<FcTicket>),
			plan: (body: unknown) => {
				this.plan = (body as { plan?: 'PRO' | 'FREE' }).plan === 'FREE' ? 'FREE' : 'PRO';
				return { plan: this.plan };
			},
		};
	}

	state() {
		return {
			plan: this.plan,
			conversations: this.conversations.length,
			tickets: this.tickets.map(({ id, status, title }) => ({ id, status, title })),
			widget: this.widget,
		};
	}
}

export const sandbox: SimulatedVendor<FiveChatSimulator> = {
	key: 'fiveChat',
	port: 4104,
	create: () => new FiveChatSimulator(),
	credentials: (simulator) => [
		{
			id: 'sandboxFiveChat1',
			name: '5chat (sandbox)',
			type: 'fiveChatApi',
			data: { apiToken: FC_RW_TOKEN, baseUrl: simulator.baseUrl },
		},
	],
	testEvents: [
		{
			triggers: ['fiveChatTrigger', 'anyLiveChatTrigger'],
			control: 'conversation',
			body: {},
			what: 'a visitor opens a new conversation, found by the trigger’s next poll',
		},
	],
	name: '5chat',
	nodeType: 'fiveChat',
	aliases: ['5chat', 'five chat'],
	withSecret: (secret) => {
		// 5chat's simulator keeps its tokens in a table: the secret becomes a READ_WRITE token there
		FC_TOKENS[secret] = 'READ_WRITE';
		return new FiveChatSimulator();
	},
	secretField: 'apiToken',
	// 5chat documents no field of its answer: another service's JSON cannot be told from it
	credentialAnswerUndocumented: true,
	refusal: { parameters: { resource: 'conversation', operation: 'getAll', returnAll: true, options: { parallelPageRequests: 0 } }, message: 'Parallel Page Requests must be a whole number of at least 1' },
	platformFaults: {
		listTarget: { method: 'GET', path: '/conversations' },
		write: {
			name: 'Live Chat node message send (into a ticket)',
			parameters: { resource: 'message', operation: 'send', conversationId: '1', text: 'once' },
			target: { method: 'POST', path: '/tickets/1/messages' },
		},
		pathIds: [
			{ name: 'Live Chat node conversation get', parameters: (id) => ({ resource: 'conversation', operation: 'get', conversationId: id }), check: idInSegment('/conversations/') },
			{ name: 'Live Chat node contact get', parameters: (id) => ({ resource: 'contact', operation: 'get', contactId: id }), check: idInSegment('/visitors/') },
			{ name: 'Live Chat node message send', parameters: (id) => ({ resource: 'message', operation: 'send', conversationId: id, text: 'x' }), check: idInSegment('/tickets/', '/messages') },
		],
	},
	faults: {
		read: { parameters: { resource: 'statistics', operation: 'getCurrent' }, target: { method: 'GET', path: '/statistics/current' } },
		write: [
			{ name: 'ticket create', parameters: { resource: 'ticket', operation: 'create', title: 'Refund' }, target: { method: 'POST', path: '/tickets' } },
			{
				name: 'visitor open ticket',
				parameters: { resource: 'visitor', operation: 'openTicket', visitorId: 'vis_0001', title: 'Cannot log in' },
				target: { method: 'POST', path: '/internal/visitors/tickets' },
			},
		],
		continueOnFail: {
			parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			inputs: [{ id: '1' }, { id: '999' }, { id: '1' }],
		},
		badInput: [
			{ name: 'empty Ticket (expression)', parameters: { resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ "" }}' } }, message: 'Ticket' },
			{ name: 'empty Conversation', parameters: { resource: 'conversation', operation: 'get', conversation: { __rl: true, mode: 'id', value: '={{ "" }}' } }, message: 'Conversation' },
			{ name: 'empty Title (expression)', parameters: { resource: 'ticket', operation: 'create', title: '={{ "" }}' }, message: 'Title' },
			{ name: 'invalid JSON', parameters: { resource: 'visitor', operation: 'updateContext', visitor: 'vtok_1', context: '{plan: gold}' }, message: 'Context' },
			{ name: 'empty Status (expression)', parameters: { resource: 'ticket', operation: 'updateStatus', ticketId: { __rl: true, mode: 'id', value: '1' }, status: '={{ "" }}' }, message: 'Status' },
			{ name: 'empty Visitor ID (expression)', parameters: { resource: 'visitor', operation: 'openTicket', visitorId: '={{ "" }}', title: 'Help' }, message: 'Visitor ID' },
			{ name: 'sender e-mail that is none', parameters: { resource: 'ticket', operation: 'addMessage', ticketId: { __rl: true, mode: 'id', value: '1' }, content: 'x', messageFields: { senderEmail: 'nobody' } }, message: 'Sender Email' },
			{ name: 'widget colour that is none', parameters: { resource: 'widget', operation: 'update', widget: 'wgt_5c1a7e_public', updateFields: { buttonBgColor: 'blue' } }, message: 'Button Background Color' },
		],
		pathIds: [
			{ name: 'conversation get', parameters: (id) => ({ resource: 'conversation', operation: 'get', conversation: { __rl: true, mode: 'id', value: id } }), check: idInSegment('/conversations/') },
			{ name: 'ticket get', parameters: (id) => ({ resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: id } }), check: idInSegment('/tickets/') },
		],
		trigger: {
			type: 'fiveChatTrigger',
			parameters: { event: 'newConversation', lateArrivalMinutes: 5, watch: 100, output: 'raw' },
			list: { method: 'GET', path: '/conversations' },
			add: (simulator, atMs) => simulator.addConversation({ createdAt: new Date(atMs).toISOString() }).token,
			idOf: (json) => String(json.token),
			late: { caughtWithinMs: 4 * MINUTE, missedBeyondMs: 10 * MINUTE, beyondText: '10 minutes', readme: '"a record listed later than the window is missed"' },
			pageSize: 100,
			prune: (simulator, beforeMs) => {
				simulator.conversations = simulator.conversations.filter((conversation) => Date.parse(conversation.createdAt) >= beforeMs);
			},
		},
	},
	queue: {
		checkActions: (items, simulator) => {
			expect(items('Get Many Conversations (all)')).toHaveLength(230);
			expect(items('Delete Ticket')).toEqual([{ id: expect.any(String), deleted: true }]);
			expect(simulator.count('POST', '/tickets')).toBe(2);
		},
		polls: { fiveChatTrigger: (simulator) => simulator.requests.filter((request) => request.path === '/conversations').length },
		emit: async (simulator) => ({ ids: { fiveChatTrigger: simulator.addConversation().token } }),
	},
};
