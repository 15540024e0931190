/**
 * LiveAgent API v1 as documented (our copy of the reference and FACTS.md): the key as the `apikey`
 * parameter (query for GET/DELETE, form field for POST/PUT), answers in `{response: {...}}`, errors
 * as `{response: {status: "ERROR", statuscode, errormessage, debugmessage}}`, and datetimes as
 * `YYYY-MM-DD HH:MM:SS` wall-clock text in the account's time zone, compared as text, as a
 * database holding local times would.
 */
import { DateTime } from 'luxon';

import type { SimRequest, SimResponse, SimulatedVendor } from './base';
import { idInSegment, MINUTE, Simulator } from './base';

export const LA_API_KEY = 'la-sandbox-key-3f9c7d21e8';
/** A key the account made for API v3: v1 calls answer it with 403 "ApiKey not found" (FACTS.md). */
export const LA_V3_API_KEY = 'la-sandbox-v3-key-5b2e90c417';
export const LA_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export interface LaMessage {
	messageid: string;
	userid: string;
	rtype: string;
	at: number;
	message: string;
}

export interface LaGroup {
	messagegroupid: string;
	userid: string;
	rtype: string;
	rstatus: string;
	at: number;
	messages: LaMessage[];
}

export interface LaConversation {
	conversationid: string;
	code: string;
	publicurlcode: string;
	created: number;
	changed: number;
	departmentid: string;
	status: string;
	ownername: string;
	owneremail: string;
	ownernote: string;
	subject: string;
	assignedto: string;
	/** The one-letter channel that `channel_type` filters on (not among the list's columns). */
	channel: string;
	customfields: Array<{ code: string; value: string }>;
	tags: string[];
	groups: LaGroup[];
}

export interface LaCustomer {
	contactid: string;
	userid: string;
	email: string;
	firstname: string;
	lastname: string;
	systemname: string;
	role: string;
	gender: string;
	created: number;
	customfields: Array<{ code: string; value: string }>;
	groups: string[];
}

/** Departments as `GET /departments` lists them (kmanley/goliveagent's Department: FACTS.md). */
export const LA_DEPARTMENTS = [
	{ departmentid: 'a5j9t4d8', name: 'Department 1', description: 'First line support', onlinestatus: 'T', presetstatus: 'A', deleted: 'N' },
	{ departmentid: 'b7k2m4p1', name: 'Billing', description: 'Invoices and refunds', onlinestatus: 'F', presetstatus: 'N', deleted: 'N' },
	{ departmentid: 'z9x8c7v6', name: 'Old Sales', description: '', onlinestatus: 'F', presetstatus: 'N', deleted: 'Y' },
];

export const LA_AGENTS = [
	{ contactid: 'd44t87a5', userid: 'uid1234', email: 'example@agent.com', firstname: 'John', lastname: 'Williams', systemname: 'system001', authtoken: '5ceef21647f1db39a18cafc0bc2de015', browsercookiename: 'A_auth', gender: 'F', role: 'D', departments: ['a5j9t4d8'], onlinestatus: 'T', presetstatus: 'A' },
	{ contactid: 'e55u98b6', userid: 'uid5678', email: 'mia@agent.com', firstname: 'Mia', lastname: 'Novak', systemname: 'system002', authtoken: '9a0b7c6d5e4f3a2b1c0d9e8f7a6b5c4d', browsercookiename: 'A_auth', gender: 'F', role: 'A', departments: ['a5j9t4d8', 'b7k2m4p1'], onlinestatus: 'F', presetstatus: 'N' },
];

export const LA_TAGS = [
	{ id: 't001', name: 'vip' },
	{ id: 't002', name: 'billing' },
	{ id: 't003', name: 'bug' },
];

export const LA_ARTICLES = [
	{ id: 'kb01', title: 'How to reset your password', url: '/kb/reset-password', content: 'Open settings and choose reset password.' },
	{ id: 'kb02', title: 'Invoices and billing', url: '/kb/invoices', content: 'Invoices are mailed monthly.' },
];

/** Report answer keys that are not the report's own name (hostinger/ladesk-php). */
const REPORT_KEYS: Record<string, string> = { load: 'loads', slacompliance: 'slacompliances', slalog: 'slalogs', ranking: 'ranks' };

/** The documented conversation example: AX4-B4T-FD8, created 2012-03-02 11:21:04 (account time). */
export const DOCUMENTED_CONVERSATION_ID = 's4y7t5s7';

export class LiveAgentSimulator extends Simulator {
	readonly vendor = 'LiveAgent';

	conversations: LaConversation[] = [];
	customers: LaCustomer[] = [];
	customerGroups: Array<{ id: string; name: string; color: string; bg_color: string }> = [];
	/**
	 * Where Knowledgebase → Search puts its list: `entries` in the public client hostinger/ladesk-php
	 * (`searchKnowledgebase`), `articles` in the team's older notes (FACTS.md). Sources disagree: both are served.
	 */
	searchKey: 'entries' | 'articles' = 'entries';
	/**
	 * How the 403 "ApiKey not found" for a v3 key comes: in v1's error envelope, or as v3's bare
	 * `{message}`. FACTS.md gives the status and the text only: both are served.
	 */
	otherVersionAnswer: 'envelope' | 'message' = 'envelope';
	/**
	 * `GET /conversations` as the old reference copy has it (department or owner required, one
	 * answer) or as the newest reference and keboola/component-liveagent use it ("Retrieves all
	 * conversations", paged by `limit` / `offset`, filtered by `channel_type`). `ignored` pages: a
	 * LiveAgent that does not know `limit` / `offset` and answers the whole list every time.
	 */
	conversationList: 'current' | 'departmentOrOwner' = 'current';
	conversationPaging: 'limitOffset' | 'ignored' = 'limitOffset';
	/** Filters of `GET /conversations` this LiveAgent does not know and so ignores (the brief: a vendor may). */
	ignoredConversationFilters: string[] = [];
	private counter = 0;
	tags: Array<Record<string, string> & { id: string; name: string }> = [];
	companies: Array<{ id: string; name: string; email: string; datechanged: string }> = [];
	files: Array<Record<string, string> & { fileid: string; name: string }> = [];
	/** Rows of each report, by its path after /reports/. */
	reports: Record<string, Array<Record<string, string | number>>> = {};
	/** `ignored`: a LiveAgent that does not know `limitfrom` and answers from the first row every time. */
	reportPaging: 'limitFrom' | 'ignored' = 'limitFrom';

	constructor(
		readonly apiKey = LA_API_KEY,
		/** The account's zone: UTC for accounts made since about mid-2019 (support article 271981, FACTS.md). */
		public zone = 'UTC',
	) {
		super();
		this.route('GET', '/api/application/status', () =>
			this.ok({ liveagentversion: '5.52.0.7', gpfversion: '1.7.8.4', dateinstalled: '2012-04-05 11:22:31', datelatestupdate: '2024-08-05 12:13:05' }),
		);
		this.route('GET', '/api/agents/:agent', (r) => {
			const agent = LA_AGENTS.find((a) => a.email === r.params.agent || a.userid === r.params.agent);
			if (!agent) return this.errorResponse(404, `Agent with identifier ${r.params.agent} not found`);
			const { departments: _d, onlinestatus: _o, presetstatus: _p, ...fields } = agent;
			return this.ok(fields);
		});
		this.route('GET', '/api/conversations', (r) => this.listConversations(r));
		this.route('POST', '/api/conversations', (r) => this.createConversation(r));
		this.route('GET', '/api/conversations/:id', (r) => this.withConversation(r, (c) => this.ok(this.renderInfo(c))));
		this.route('DELETE', '/api/conversations/:id', (r) =>
			this.withConversation(r, (c) => {
				this.conversations = this.conversations.filter((other) => other !== c);
				return this.done();
			}),
		);
		this.route('PUT', '/api/conversations/:id/attendants', (r) =>
			this.withConversation(r, (c) => {
				const body = this.form(r);
				if (body.department) {
					if (!LA_DEPARTMENTS.some((d) => d.departmentid === body.department)) return this.errorResponse(500, `Unable to load department ${body.department}`);
					c.departmentid = body.department;
				}
				if (body.agentidentifier) {
					const agent = LA_AGENTS.find((a) => a.email === body.agentidentifier || a.userid === body.agentidentifier);
					if (!agent) return this.errorResponse(404, `Agent with identifier ${body.agentidentifier} not found`);
					c.assignedto = agent.userid;
				}
				this.touch(c, 'R', `Transferred by ${body.useridentifier || 'System'}`);
				return this.done();
			}),
		);
		this.route('POST', '/api/conversations/:id/fields', (r) =>
			this.withConversation(r, (c) => {
				const fields = this.customFields(r);
				if (typeof fields === 'string') return this.errorResponse(500, fields);
				if (!fields.length) return this.errorResponse(500, 'Parameter customfields is missing');
				c.customfields.push(...fields);
				return this.done();
			}),
		);
		this.route('DELETE', '/api/conversations/:id/fields', (r) =>
			this.withConversation(r, (c) => {
				c.customfields = r.query.code ? c.customfields.filter((f) => f.code !== r.query.code) : [];
				return this.done();
			}),
		);
		this.route('GET', '/api/conversations/:id/messages', (r) => this.withConversation(r, (c) => this.listMessages(r, c)));
		this.route('POST', '/api/conversations/:id/messages', (r) =>
			this.withConversation(r, (c) => {
				const body = this.form(r);
				if (!body.message) return this.errorResponse(500, 'Parameter message is missing');
				const author = body.useridentifier ? this.userOf(body.useridentifier) : undefined;
				if (body.useridentifier && !author) return this.errorResponse(404, `User with identifier ${body.useridentifier} not found`);
				// Without an author only notes are created, even when type is M.
				const type = author && body.type !== 'N' ? 'M' : 'N';
				this.addMessage(c, author ?? 'system00', type, body.message, Date.now());
				return this.done();
			}),
		);
		this.route('PUT', '/api/conversations/:id/status', (r) =>
			this.withConversation(r, (c) => {
				const body = this.form(r);
				if (!['A', 'R', 'C'].includes(body.status)) return this.errorResponse(500, `Invalid status ${body.status ?? ''}`);
				c.status = body.status;
				this.touch(c, 'S', body.note || `Status changed to ${body.status}`);
				return this.done();
			}),
		);
		this.route('GET', '/api/conversations/:id/tags', (r) =>
			this.withConversation(r, (c) => this.ok({ tags: c.tags.flatMap((id) => this.tags.filter((t) => t.id === id).map(({ id: tagId, name }) => ({ id: tagId, name }))) })),
		);
		this.route('POST', '/api/conversations/:id/tags', (r) => this.withConversation(r, (c) => this.tagConversation(c, this.form(r), true)));
		this.route('DELETE', '/api/conversations/:id/tags', (r) => this.withConversation(r, (c) => this.tagConversation(c, r.query, false)));

		this.route('GET', '/api/customers', (r) => this.listCustomers(r));
		this.route('POST', '/api/customers', (r) => this.registerCustomer(r));
		this.route('GET', '/api/customers/:id', (r) => this.withCustomer(r, (c) => this.ok(this.renderCustomer(c, true))));
		this.route('POST', '/api/customers/:id/fields', (r) =>
			this.withCustomer(r, (c) => {
				const fields = this.customFields(r);
				if (typeof fields === 'string') return this.errorResponse(500, fields);
				if (!fields.length) return this.errorResponse(500, 'Parameter customfields is missing');
				c.customfields.push(...fields);
				return this.done();
			}),
		);
		this.route('DELETE', '/api/customers/:id/fields', (r) =>
			this.withCustomer(r, (c) => {
				c.customfields = r.query.code ? c.customfields.filter((f) => f.code !== r.query.code) : [];
				return this.done();
			}),
		);
		this.route('GET', '/api/customers/:id/groups', (r) =>
			this.withCustomer(r, (c) =>
				this.ok({ groups: c.groups.map((name) => ({ groupid: this.customerGroups.find((g) => g.name === name)?.id ?? '', groupname: name })) }),
			),
		);
		this.route('POST', '/api/customers/:id/groups', (r) =>
			this.withCustomer(r, (c) => {
				const { name } = this.form(r);
				if (!name) return this.errorResponse(500, 'Parameter name is missing');
				if (!this.customerGroups.some((g) => g.name === name)) this.customerGroups.push({ id: this.nextId('g'), name, color: 'FFFFFF', bg_color: '0000FF' });
				if (!c.groups.includes(name)) c.groups.push(name);
				return this.done();
			}),
		);
		this.route('DELETE', '/api/customers/:id/groups', (r) =>
			this.withCustomer(r, (c) => {
				if (!r.query.name) return this.errorResponse(500, 'Parameter name is missing');
				if (!c.groups.includes(r.query.name)) return this.errorResponse(404, `Customer is not in group ${r.query.name}`);
				c.groups = c.groups.filter((name) => name !== r.query.name);
				return this.done();
			}),
		);

		this.route('GET', '/api/customersgroups', () => this.ok({ groups: this.customerGroups.map(({ id, name }) => ({ id, name })) }));
		this.route('POST', '/api/customersgroups', (r) => {
			const body = this.form(r);
			if (!body.name) return this.errorResponse(500, 'Parameter name is missing');
			const group = { id: this.nextId('g'), name: body.name, color: body.color ?? '', bg_color: body.bg_color ?? '' };
			this.customerGroups.push(group);
			return this.ok({ status: 'OK', statuscode: 0, ...group });
		});
		this.route('GET', '/api/customersgroups/:id', (r) => this.withGroup(r, (g) => this.ok({ ...g })));
		this.route('PUT', '/api/customersgroups/:id', (r) =>
			this.withGroup(r, (g) => {
				const body = this.form(r);
				for (const key of ['name', 'color', 'bg_color'] as const) if (body[key] !== undefined) g[key] = body[key];
				return this.done();
			}),
		);
		this.route('DELETE', '/api/customersgroups/:id', (r) =>
			this.withGroup(r, (g) => {
				this.customerGroups = this.customerGroups.filter((other) => other !== g);
				return this.done();
			}),
		);

		this.route('GET', '/api/departments', () => this.ok({ departments: LA_DEPARTMENTS.map((d) => ({ ...d })) }));
		this.route('GET', '/api/departments/:id', (r) => {
			const department = LA_DEPARTMENTS.find((d) => d.departmentid === r.params.id);
			return department ? this.ok({ ...department }) : this.errorResponse(404, `Department ${r.params.id} not found`);
		});
		this.route('GET', '/api/departments/:id/agents', (r) => {
			if (!LA_DEPARTMENTS.some((d) => d.departmentid === r.params.id)) return this.errorResponse(404, `Department ${r.params.id} not found`);
			const agents = LA_AGENTS.filter((a) => a.departments.includes(r.params.id)).map((a) => ({
				userid: a.userid, firstname: a.firstname, lastname: a.lastname, email: a.email, onlinestatus: a.onlinestatus, presetstatus: a.presetstatus,
			}));
			return this.ok({ agents });
		});
		// Online status: keys from hostinger/ladesk-php; department fields from kmanley/goliveagent's
		// DepartmentOnlineState. The agents' fields are in no source: these mirror the department's.
		this.route('GET', '/api/onlinestatus/agents', () =>
			this.ok({ agentsOnlineStates: LA_AGENTS.map((a) => ({ id: a.userid, name: `${a.firstname} ${a.lastname}`, onlineStatus: a.onlinestatus, presetStatus: a.presetstatus })) }),
		);
		this.route('GET', '/api/onlinestatus/departments', () =>
			this.ok({
				departmentsOnlineStates: LA_DEPARTMENTS.filter((d) => d.deleted === 'N').map((d) => {
					const open = this.conversations.filter((c) => c.departmentid === d.departmentid && !['R', 'X', 'B'].includes(c.status));
					return {
						id: d.departmentid, name: d.name, onlineStatus: d.onlinestatus, presetStatus: d.presetstatus,
						chat_count: String(open.filter((c) => c.status === 'T').length), new_count: String(open.filter((c) => c.status === 'N').length),
						customer_reply_count: String(open.filter((c) => c.status === 'C').length), total_count: String(open.length), max_count: '10',
					};
				}),
			}),
		);
		// Knowledge bases and entries: paths and keys from hostinger/ladesk-php; fields in no source.
		this.route('GET', '/api/knowledgebase/knowledgebases', () => this.ok({ knowledgebases: [{ id: 'kb', name: 'Help Center', url: '/kb' }] }));
		this.route('GET', '/api/knowledgebase/entries', () => this.ok({ entries: LA_ARTICLES.map((a) => ({ ...a })) }));
		// Suggestion categories: path (trailing slash) and key from hostinger/ladesk-php; fields in no source.
		this.route('GET', '/api/suggestioncategories', () => this.ok({ suggestioncategories: [{ id: 'sc01', name: 'Greetings' }, { id: 'sc02', name: 'Billing answers' }] }));
		// Tags: paths from hostinger/ladesk-php; create with `name` answers `id` (adrianolaselva/ladesk-sdk's test).
		this.route('GET', '/api/tags', () => this.ok({ tags: this.tags.map((t) => ({ ...t })) }));
		this.route('GET', '/api/tags/:id', (r) => this.withTag(r, (t) => this.ok({ ...t })));
		this.route('POST', '/api/tags', (r) => {
			const { apikey: _key, ...body } = this.form(r);
			if (!body.name) return this.errorResponse(500, 'Parameter name is missing');
			if (this.tags.some((t) => t.name === body.name)) return this.errorResponse(500, `Tag ${body.name} already exists`);
			const tag = { ...body, id: this.nextId('t'), name: body.name };
			this.tags.push(tag);
			return this.ok({ status: 'OK', statuscode: 0, id: tag.id });
		});
		this.route('PUT', '/api/tags/:id', (r) =>
			this.withTag(r, (t) => {
				const { apikey: _key, ...body } = this.form(r);
				Object.assign(t, body);
				return this.done();
			}),
		);
		this.route('DELETE', '/api/tags/:id', (r) =>
			this.withTag(r, (t) => {
				this.tags = this.tags.filter((other) => other !== t);
				return this.done();
			}),
		);
		// Overview: paths and keys from hostinger/ladesk-php; what is inside is in no source (counts here).
		this.route('GET', '/api/chats/overview', () =>
			this.ok({ chatsOverview: { chatting: this.conversations.filter((c) => c.status === 'T').length, waiting: this.conversations.filter((c) => c.status === 'N').length } }),
		);
		this.route('GET', '/api/calls/overview', () => this.ok({ callsOverview: { calling: this.conversations.filter((c) => c.status === 'P').length, waiting: 0 } }));
		// Reports: paths, keys, date_from/date_to, columns and limitfrom/limitcount from hostinger/ladesk-php
		// and keboola/component-liveagent; rows carry a few of the columns keboola asks for.
		this.route('GET', '/api/reports/:name', (r) => this.report(r, r.params.name));
		this.route('GET', '/api/reports/:channel/:name', (r) => this.report(r, `${r.params.channel}/${r.params.name}`));
		// Companies: path and key from hostinger/ladesk-php; fields in no v1 source (v3's names here).
		this.route('GET', '/api/companies', (r) => {
			const rows = this.companies.filter((c) => !r.query.name || c.name.toLowerCase().includes(r.query.name.toLowerCase()));
			return this.ok({ companies: rows.map((c) => ({ ...c })) });
		});
		this.route('GET', '/api/companies/:id', (r) => {
			const company = this.companies.find((c) => c.id === r.params.id);
			return company ? this.ok({ ...company }) : this.errorResponse(404, `Company ${r.params.id} not found`);
		});
		// Files: paths from hostinger/ladesk-php (getFile, addFile, deleteFile); fields in no source.
		this.route('GET', '/api/files/:id', (r) => {
			const file = this.files.find((f) => f.fileid === r.params.id);
			return file ? this.ok({ ...file }) : this.errorResponse(404, `File ${r.params.id} not found`);
		});
		this.route('POST', '/api/files', (r) => {
			const { apikey: _key, ...body } = this.form(r);
			if (!body.name) return this.errorResponse(500, 'Parameter name is missing');
			const file = { ...body, fileid: this.nextId('f'), name: body.name };
			this.files.push(file);
			return this.ok({ status: 'OK', statuscode: 0, fileid: file.fileid });
		});
		this.route('DELETE', '/api/files/:id', (r) => {
			const file = this.files.find((f) => f.fileid === r.params.id);
			if (!file) return this.errorResponse(404, `File ${r.params.id} not found`);
			this.files = this.files.filter((other) => other !== file);
			return this.done();
		});
		this.route('GET', '/api/knowledgebase/search', (r) => {
			if (!r.query.query) return this.errorResponse(500, 'Parameter query is missing');
			const needle = r.query.query.toLowerCase();
			return this.ok({ [this.searchKey]: LA_ARTICLES.filter((a) => `${a.title} ${a.content}`.toLowerCase().includes(needle)) });
		});
	}

	// ---- time ----

	local(ms: number): string {
		return DateTime.fromMillis(ms, { zone: this.zone }).toFormat(LA_FORMAT);
	}

	private validLocal(value: string): boolean {
		return DateTime.fromFormat(value, LA_FORMAT).isValid;
	}

	/** LiveAgent's opdatetime: `op:value`, compared as wall-clock text. */
	private opMatch(filter: string, ms: number): boolean | string {
		const match = /^(eq|neq|gt|lt|gte|lte|btw|lk):(.*)$/.exec(filter);
		const op = match ? match[1] : 'eq';
		const value = match ? match[2] : filter;
		const local = this.local(ms);
		if (op === 'lk') {
			const pattern = new RegExp(`^${value.replace(/[.*+^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/\?/g, '.')}$`);
			return pattern.test(local);
		}
		if (op === 'btw') {
			const [from, to] = value.split(',');
			if (!from || !to || !this.validLocal(from) || !this.validLocal(to)) return `Invalid datetime range ${value}`;
			return local >= from && local <= to;
		}
		if (!this.validLocal(value)) return `Invalid datetime ${value}`;
		switch (op) {
			case 'neq': return local !== value;
			case 'gt': return local > value;
			case 'lt': return local < value;
			case 'gte': return local >= value;
			case 'lte': return local <= value;
			default: return local === value;
		}
	}

	// ---- seed ----

	protected seed(): void {
		this.counter = 0;
		this.searchKey = 'entries';
		this.otherVersionAnswer = 'envelope';
		this.conversationList = 'current';
		this.conversationPaging = 'limitOffset';
		this.ignoredConversationFilters = [];
		this.customerGroups = [
			{ id: 'ag0h', name: 'VIP', color: 'FFFFFF', bg_color: '0000FF' },
			{ id: '2kt8', name: 'Premium', color: '000000', bg_color: 'FFD700' },
		];
		const documented = DateTime.fromFormat('2012-03-02 11:21:04', LA_FORMAT, { zone: this.zone }).toMillis();
		this.conversations = [
			{
				conversationid: DOCUMENTED_CONVERSATION_ID, code: 'AX4-B4T-FD8', publicurlcode: 'bI5fR3oN40708G65', created: documented, changed: documented + 1000,
				departmentid: 'a5j9t4d8', status: 'A', ownername: 'John Owner', owneremail: 'john@owner.com', ownernote: '', subject: 'Test ticket', assignedto: 'uid1234',
				channel: 'C', customfields: [{ code: 'varsymbol', value: '423874698' }], tags: ['t001'],
				groups: [
					{ messagegroupid: 'mg01', userid: 'cus001', rtype: 'C', rstatus: 'V', at: documented, messages: [
						{ messageid: 'm001', userid: 'cus001', rtype: 'M', at: documented, message: 'this is test ticket' },
					] },
					{ messagegroupid: 'mg02', userid: 'uid1234', rtype: 'C', rstatus: 'V', at: documented + 1000, messages: [
						{ messageid: 'm002', userid: 'uid1234', rtype: 'M', at: documented + 1000, message: 'Hello John, how can I help?' },
						{ messageid: 'm003', userid: 'uid1234', rtype: 'N', at: documented + 1000, message: 'Customer seems to be a reseller' },
					] },
				],
			},
		];
		this.tags = LA_TAGS.map((t) => ({ ...t }));
		this.companies = [
			{ id: 'c0mp4ny1', name: 'Acme Ltd', email: 'office@acme.example', datechanged: '2024-05-02 10:00:00' },
			{ id: 'c0mp4ny2', name: 'Globex', email: 'info@globex.example', datechanged: '2024-06-11 08:30:00' },
		];
		this.files = [{ fileid: 'f1l3x9', name: 'invoice.pdf', type: 'application/pdf', size: '48213' }];
		this.reports = {};
		this.reportPaging = 'limitFrom';
		const agentRows = Array.from({ length: 1205 }, (_, i) => ({ id: `a${i}`, contactid: `c${i}`, firstname: 'Agent', lastname: `No ${i}`, answers: i % 7, chats: i % 5, calls: i % 3 }));
		this.reports.agents = agentRows;
		for (const channel of ['tickets', 'chats', 'calls']) {
			this.reports[`${channel}/agentsavailability`] = LA_AGENTS.map((a) => ({ id: a.contactid, userid: a.userid, firstname: a.firstname, lastname: a.lastname, departmentid: 'a5j9t4d8', hours_online: 7.5 }));
			this.reports[`${channel}/load`] = [{ date: '2024-05-01', count: 12 }, { date: '2024-05-02', count: 9 }];
			this.reports[`${channel}/slacompliance`] = [{ sla: 'First answer', compliant: 40, breached: 2 }];
			this.reports[`${channel}/slalog`] = [{ conversationid: DOCUMENTED_CONVERSATION_ID, sla: 'First answer', breached: 'N' }];
		}
		for (const channel of ['chats', 'calls']) this.reports[`${channel}/availability`] = [{ date: '2024-05-01', hours_online: 10 }];
		this.reports.channels = [{ channel: 'E', count: 30 }, { channel: 'C', count: 12 }];
		this.reports.departments = LA_DEPARTMENTS.map((d) => ({ departmentid: d.departmentid, name: d.name, count: 5 }));
		this.reports.tags = LA_TAGS.map((t) => ({ tagid: t.id, name: t.name, count: 3 }));
		this.reports.ranking = LA_AGENTS.map((a, i) => ({ userid: a.userid, rewards: 10 - i, punishments: i }));
		this.customers = [];
		const now = Date.now();
		for (let i = 0; i < 8; i++) {
			this.makeConversation({ created: now - (i + 1) * 3 * 3600_000, departmentid: LA_DEPARTMENTS[i % 2].departmentid });
		}
		this.makeCustomer({ created: now - 1203 * 600_000, email: 'ana@example.com', firstname: 'Ana', lastname: 'Souza', userid: 'cus002' });
		this.makeCustomer({ created: now - 1204 * 600_000, email: 'john@owner.com', firstname: 'John', lastname: 'Owner', userid: 'cus001' });
		for (let i = 0; i < 1201; i++) this.makeCustomer({ created: now - (i + 1) * 600_000 });
	}

	private nextId(prefix: string): string {
		this.counter++;
		return `${prefix}${this.counter.toString(36).padStart(6, '0')}`;
	}

	makeConversation(fields: Partial<LaConversation> = {}): LaConversation {
		const created = fields.created ?? Date.now();
		const id = this.nextId('c');
		const conversation: LaConversation = {
			conversationid: id, code: `${id.slice(1, 4).toUpperCase()}-${id.slice(4).toUpperCase()}-Q1A`, publicurlcode: `pub${id}`, created, changed: created,
			departmentid: 'a5j9t4d8', status: 'N', ownername: 'Ana Souza', owneremail: 'ana@example.com', ownernote: '', subject: 'Where is my order?', assignedto: '',
			channel: 'E', customfields: [], tags: [], groups: [],
			...fields,
		};
		conversation.groups = fields.groups ?? [
			{ messagegroupid: this.nextId('g'), userid: 'cus002', rtype: 'C', rstatus: 'V', at: created, messages: [
				{ messageid: this.nextId('m'), userid: 'cus002', rtype: 'M', at: created, message: conversation.subject },
			] },
		];
		this.conversations.push(conversation);
		return conversation;
	}

	makeCustomer(fields: Partial<LaCustomer> = {}): LaCustomer {
		const id = this.nextId('k');
		const customer: LaCustomer = {
			contactid: id, userid: `u${id}`, email: `customer.${id}@example.com`, firstname: 'Cus', lastname: `Tomer ${id}`, systemname: `sys${id}`,
			role: 'V', gender: 'F', created: Date.now(), customfields: [], groups: [], ...fields,
		};
		this.customers.push(customer);
		return customer;
	}

	addMessage(conversation: LaConversation, userid: string, rtype: string, message: string, at: number): LaMessage {
		const created: LaMessage = { messageid: this.nextId('m'), userid, rtype, at, message };
		conversation.groups.push({ messagegroupid: this.nextId('g'), userid, rtype: 'C', rstatus: 'V', at, messages: [created] });
		conversation.changed = Math.max(conversation.changed, at);
		return created;
	}

	private touch(conversation: LaConversation, rtype: string, text: string, at = Date.now()): void {
		conversation.groups.push({ messagegroupid: this.nextId('g'), userid: 'system00', rtype: 'I', rstatus: 'V', at, messages: [
			{ messageid: this.nextId('m'), userid: 'system00', rtype, at, message: text },
		] });
		conversation.changed = at;
	}

	private userOf(identifier: string): string | undefined {
		const agent = LA_AGENTS.find((a) => a.email === identifier || a.userid === identifier);
		if (agent) return agent.userid;
		return this.customers.find((c) => c.email === identifier || c.userid === identifier)?.userid;
	}

	// ---- auth and envelopes ----

	protected isAuthorized(request: SimRequest): boolean {
		const write = request.method === 'POST' || request.method === 'PUT';
		const key = write ? this.form(request).apikey : request.query.apikey;
		return key === this.apiKey;
	}

	protected unauthorized(request: SimRequest): SimResponse {
		const write = request.method === 'POST' || request.method === 'PUT';
		const given = write ? this.form(request).apikey : request.query.apikey;
		if (given === LA_V3_API_KEY) {
			return this.otherVersionAnswer === 'message' ? { status: 403, body: { message: 'ApiKey not found' } } : this.errorResponse(403, 'ApiKey not found');
		}
		return given ? this.errorResponse(401, 'Wrong API key') : this.errorResponse(400, 'API key is missing');
	}

	protected errorResponse(status: number, message: string): SimResponse {
		return { status, body: { response: { status: 'ERROR', statuscode: status, errormessage: message, debugmessage: '' } } };
	}

	protected envelopeError(message: string): SimResponse {
		return { status: 200, body: { response: { status: 'ERROR', statuscode: 500, errormessage: message, debugmessage: '' } } };
	}

	private ok(fields: Record<string, unknown>): SimResponse {
		return { body: { response: fields } };
	}

	private done(): SimResponse {
		return this.ok({ status: 'OK', statuscode: 0 });
	}

	/** POST/PUT fields: LiveAgent reads them as a form, never as JSON. */
	private form(request: SimRequest): Record<string, string> {
		const json = /json/.test(String(request.headers['content-type'] ?? ''));
		if (json || typeof request.body !== 'object' || request.body === null) return {};
		return request.body as Record<string, string>;
	}

	private customFields(request: SimRequest): Array<{ code: string; value: string }> | string {
		const raw = this.form(request).customfields;
		if (raw === undefined) return [];
		try {
			const parsed = JSON.parse(raw) as Array<{ code: string; value: string }>;
			if (!Array.isArray(parsed) || parsed.some((f) => typeof f.code !== 'string')) return 'customfields must be a JSON array of {code, value}';
			return parsed.map((f) => ({ code: f.code, value: String(f.value ?? '') }));
		} catch {
			return 'customfields is not valid JSON';
		}
	}

	private withConversation(request: SimRequest, then: (c: LaConversation) => SimResponse): SimResponse {
		const id = request.params.id;
		const conversation = this.conversations.find((c) => c.conversationid === id || c.code === id || c.publicurlcode === id);
		return conversation ? then(conversation) : this.errorResponse(500, `Unable to load conversation ${id}`);
	}

	private withCustomer(request: SimRequest, then: (c: LaCustomer) => SimResponse): SimResponse {
		const id = request.params.id;
		const customer = this.customers.find((c) => c.contactid === id || c.email === id);
		return customer ? then(customer) : this.errorResponse(404, `Customer with identifier ${id} not found`);
	}

	private withGroup(request: SimRequest, then: (g: LiveAgentSimulator['customerGroups'][number]) => SimResponse): SimResponse {
		const group = this.customerGroups.find((g) => g.id === request.params.id);
		return group ? then(group) : this.errorResponse(404, `Customers group ${request.params.id} not found`);
	}

	private withTag(request: SimRequest, then: (t: LiveAgentSimulator['tags'][number]) => SimResponse): SimResponse {
		const tag = this.tags.find((t) => t.id === request.params.id);
		return tag ? then(tag) : this.errorResponse(404, `Tag ${request.params.id} not found`);
	}

	/** A report: the range is required, `columns` keeps only those columns, rows paged by limitfrom/limitcount (≤ 1000). */
	private report(request: SimRequest, name: string): SimResponse {
		const rows = this.reports[name];
		if (!rows) return this.errorResponse(404, `Unknown report ${name}`);
		const q = request.query;
		for (const key of ['date_from', 'date_to'] as const) {
			if (!q[key]) return this.errorResponse(500, `Parameter ${key} is missing`);
			if (!this.validLocal(q[key])) return this.errorResponse(500, `Invalid datetime ${q[key]}`);
		}
		const count = q.limitcount === undefined ? 100 : Number(q.limitcount);
		const from = q.limitfrom === undefined || this.reportPaging === 'ignored' ? 0 : Number(q.limitfrom);
		if (!Number.isInteger(count) || count < 0 || count > 1000) return this.errorResponse(500, 'limitcount must be between 0 and 1000');
		if (!Number.isInteger(from) || from < 0) return this.errorResponse(500, 'limitfrom must be a row number');
		const columns = q.columns ? q.columns.split(',') : undefined;
		const page = rows.slice(from, from + count).map((row) => (columns ? Object.fromEntries(Object.entries(row).filter(([key]) => columns.includes(key))) : { ...row }));
		return this.ok({ [name.split('/').pop()!.replace(/^(load|slacompliance|slalog|ranking)$/, (n) => REPORT_KEYS[n])]: page });
	}

	// ---- conversations ----

	renderRow(c: LaConversation): Record<string, unknown> {
		const department = LA_DEPARTMENTS.find((d) => d.departmentid === c.departmentid);
		const first = c.groups[0]?.messages[0]?.message ?? '';
		return {
			conversationid: c.conversationid, code: c.code, datecreated: this.local(c.created), datechanged: this.local(c.changed),
			departmentname: department?.name ?? '', departmentid: c.departmentid, status: c.status, ownername: c.ownername, owneremail: c.owneremail,
			subject: c.subject, preview: first.slice(0, 50), publicurlcode: c.publicurlcode,
		};
	}

	private renderInfo(c: LaConversation): Record<string, unknown> {
		return { ...this.renderRow(c), ownernote: c.ownernote, assignedto: c.assignedto, customfields: c.customfields.map((f) => ({ ...f })) };
	}

	private listConversations(request: SimRequest): SimResponse {
		const q = Object.fromEntries(Object.entries(request.query).filter(([name]) => !this.ignoredConversationFilters.includes(name)));
		if (this.conversationList === 'departmentOrOwner' && !q.department && !q.owneridentifier) {
			return this.errorResponse(500, 'Parameter department or owneridentifier is required');
		}
		const channels = q.channel_type ? q.channel_type.split(',') : undefined;
		for (const name of ['datefrom', 'dateto'] as const) {
			if (q[name] !== undefined && !this.validLocal(q[name])) return this.errorResponse(500, `Invalid datetime ${q[name]}`);
		}
		const statuses = q.status ? q.status.split(',') : undefined;
		const rows: Array<Record<string, unknown>> = [];
		for (const c of [...this.conversations].sort((a, b) => a.created - b.created)) {
			if (q.department && c.departmentid !== q.department) continue;
			if (q.owneridentifier && c.owneremail !== q.owneridentifier) continue;
			if (statuses && !statuses.includes(c.status)) continue;
			if (q.subject && c.subject !== q.subject) continue;
			if (channels && !channels.includes(c.channel)) continue;
			if (q.datefrom && this.local(c.created) < q.datefrom) continue;
			if (q.dateto && this.local(c.created) > q.dateto) continue;
			if (q.datechanged) {
				const match = this.opMatch(q.datechanged, c.changed);
				if (typeof match === 'string') return this.errorResponse(500, match);
				if (!match) continue;
			}
			rows.push(this.renderRow(c));
		}
		if (this.conversationPaging === 'ignored' || (q.limit === undefined && q.offset === undefined)) return this.ok({ conversations: rows });
		const limit = q.limit === undefined ? 1000 : Number(q.limit);
		const offset = q.offset === undefined ? 0 : Number(q.offset);
		if (!Number.isInteger(limit) || limit < 1) return this.errorResponse(500, `Invalid limit ${q.limit}`);
		if (!Number.isInteger(offset) || offset < 0) return this.errorResponse(500, `Invalid offset ${q.offset}`);
		return this.ok({ conversations: rows.slice(offset, offset + limit) });
	}

	private createConversation(request: SimRequest): SimResponse {
		const body = this.form(request);
		for (const name of ['message', 'useridentifier', 'department', 'subject', 'recipient']) {
			if (!body[name]) return this.errorResponse(500, `Parameter ${name} is missing`);
		}
		if (!LA_DEPARTMENTS.some((d) => d.departmentid === body.department)) return this.errorResponse(500, `Unable to load department ${body.department}`);
		const author = this.userOf(body.useridentifier);
		if (!author) return this.errorResponse(404, `User with identifier ${body.useridentifier} not found`);
		const fields = this.customFields(request);
		if (typeof fields === 'string') return this.errorResponse(500, fields);
		const now = Date.now();
		// The owner is the customer: the author when a customer writes in, else the recipient,
		// who becomes a customer if LiveAgent did not know them.
		const writer = this.customers.find((c) => c.userid === author);
		let owner = writer;
		if (!owner) {
			owner = this.customers.find((c) => c.email === body.recipient);
			if (!owner) {
				const [firstname = '', ...rest] = (body.recipient_name ?? '').split(' ');
				owner = this.makeCustomer({ email: body.recipient, firstname, lastname: rest.join(' '), created: now });
			}
		}
		const ownername = `${owner.firstname} ${owner.lastname}`.trim() || owner.email;
		const conversation = this.makeConversation({
			created: now, departmentid: body.department, status: body.status || 'N', subject: body.subject,
			ownername, owneremail: owner.email, customfields: fields,
			groups: [{ messagegroupid: this.nextId('g'), userid: author, rtype: 'M', rstatus: 'V', at: now, messages: [
				{ messageid: this.nextId('m'), userid: author, rtype: 'M', at: now, message: body.message },
			] }],
		});
		return this.ok({ status: 'OK', statuscode: 0, conversationid: conversation.conversationid, code: conversation.code, publicurlcode: conversation.publicurlcode });
	}

	private listMessages(request: SimRequest, c: LaConversation): SimResponse {
		const { datefrom, dateto } = request.query;
		const groups = c.groups
			.filter((g) => (!datefrom || this.local(g.at) >= datefrom) && (!dateto || this.local(g.at) <= dateto))
			.map((g) => ({
				messagegroupid: g.messagegroupid, userid: g.userid, rtype: g.rtype, rstatus: g.rstatus,
				datecreated: this.local(g.at), datefinished: this.local(Math.max(...g.messages.map((m) => m.at))),
				messages: g.messages.map((m) => ({ messageid: m.messageid, userid: m.userid, rtype: m.rtype, datecreated: this.local(m.at), message: m.message })),
			}));
		return this.ok({ groups });
	}

	private tagConversation(c: LaConversation, fields: Record<string, string>, add: boolean): SimResponse {
		const tag = this.tags.find((t) => (fields.id && t.id === fields.id) || (fields.name && t.name === fields.name));
		if (!fields.id && !fields.name) return this.errorResponse(500, 'Either id or name must be specified');
		if (!tag) return this.errorResponse(404, `Tag ${fields.id ?? fields.name} not found`);
		if (add && !c.tags.includes(tag.id)) c.tags.push(tag.id);
		if (!add) c.tags = c.tags.filter((id) => id !== tag.id);
		return this.done();
	}

	// ---- customers ----

	private renderCustomer(c: LaCustomer, full: boolean): Record<string, unknown> {
		const row: Record<string, unknown> = {
			contactid: c.contactid, email: c.email, firstname: c.firstname, lastname: c.lastname, systemname: c.systemname, userid: c.userid,
			datecreated: this.local(c.created), role: c.role, gender: c.gender,
		};
		if (!full) return row;
		return { ...row, authtoken: `tok${c.contactid}`, browsercookiename: c.role === 'R' ? 'V_auth' : 'LaVisitorId', customfields: c.customfields.map((f) => ({ ...f })) };
	}

	private listCustomers(request: SimRequest): SimResponse {
		const q = request.query;
		for (const name of ['datecreatedfrom', 'datecreatedto'] as const) {
			if (q[name] !== undefined && !this.validLocal(q[name])) return this.errorResponse(500, `Invalid datetime ${q[name]}`);
		}
		const count = q.limitcount === undefined ? 100 : Number(q.limitcount);
		const from = q.limitfrom === undefined || this.repeatPages ? 0 : Number(q.limitfrom);
		if (!Number.isInteger(count) || count < 0 || count > 1000) return this.errorResponse(500, 'limitcount must be between 0 and 1000');
		if (!Number.isInteger(from) || from < 0) return this.errorResponse(500, 'limitfrom must be a row number');
		const like = (value: string, needle?: string) => !needle || value.toLowerCase().includes(needle.toLowerCase());
		const rows = [...this.customers]
			.sort((a, b) => a.created - b.created || a.contactid.localeCompare(b.contactid))
			.filter((c) => like(c.email, q.email) && like(c.firstname, q.firstname) && like(c.lastname, q.lastname))
			.filter((c) => !q.datecreatedfrom || this.local(c.created) >= q.datecreatedfrom)
			.filter((c) => !q.datecreatedto || this.local(c.created) <= q.datecreatedto)
			.slice(from, from + count)
			.map((c) => this.renderCustomer(c, false));
		return this.ok({ customers: rows });
	}

	private registerCustomer(request: SimRequest): SimResponse {
		const body = this.form(request);
		if (body.email && this.customers.some((c) => c.email === body.email)) return this.errorResponse(500, `Customer ${body.email} already exists`);
		if (body.gender && !['M', 'F'].includes(body.gender)) return this.errorResponse(500, `Invalid gender ${body.gender}`);
		if (body.role && !['V', 'R'].includes(body.role)) return this.errorResponse(500, `Invalid role ${body.role}`);
		const fields = this.customFields(request);
		if (typeof fields === 'string') return this.errorResponse(500, fields);
		const [firstname = '', ...rest] = (body.name ?? '').split(' ');
		const customer = this.makeCustomer({
			email: body.email ?? '', firstname, lastname: rest.join(' '), role: body.role || 'V', gender: body.gender || '', customfields: fields, created: Date.now(),
		});
		return this.ok(this.renderCustomer(customer, true));
	}

	// ---- controls ----

	protected controls() {
		return {
			conversation: (body: unknown) => {
				const fields = (body ?? {}) as Partial<LaConversation>;
				return this.renderRow(this.makeConversation(fields));
			},
			message: (body: unknown) => {
				const { conversationid, userid = 'cus002', rtype = 'M', message = 'Any news?', at = Date.now() } = (body ?? {}) as Record<string, never>;
				const conversation = this.conversations.find((c) => c.conversationid === conversationid);
				if (!conversation) throw new Error(`no conversation ${String(conversationid)}`);
				return this.addMessage(conversation, userid, rtype, message, at);
			},
			status: (body: unknown) => {
				const { conversationid, status, at = Date.now() } = (body ?? {}) as Record<string, never>;
				const conversation = this.conversations.find((c) => c.conversationid === conversationid);
				if (!conversation) throw new Error(`no conversation ${String(conversationid)}`);
				conversation.status = status;
				this.touch(conversation, 'S', `Status changed to ${String(status)}`, at);
				return this.renderRow(conversation);
			},
			customer: (body: unknown) => this.renderCustomer(this.makeCustomer((body ?? {}) as Partial<LaCustomer>), true),
			zone: (body: unknown) => {
				const { zone } = (body ?? {}) as { zone?: string };
				if (!zone || !DateTime.now().setZone(zone).isValid) throw new Error(`unknown zone ${String(zone)}`);
				this.zone = zone;
				return { zone };
			},
		};
	}

	state() {
		return { zone: this.zone, conversations: this.conversations.length, customers: this.customers.length, customerGroups: this.customerGroups };
	}
}

export const sandbox: SimulatedVendor<LiveAgentSimulator> = {
	key: 'liveAgent',
	port: 4103,
	create: () => new LiveAgentSimulator(),
	credentials: (simulator) => [
		{
			id: 'sandboxLiveAgent',
			name: 'LiveAgent (sandbox)',
			type: 'liveAgentApi',
			data: { url: simulator.baseUrl, apiKey: simulator.apiKey, timeZone: simulator.zone },
		},
	],
	testEvents: [
		{
			triggers: ['liveAgentTrigger', 'anyLiveChatTrigger'],
			control: 'conversation',
			body: { subject: 'My parcel is late' },
			what: 'a new conversation in Department 1, found by the trigger’s next poll',
		},
	],
	name: 'LiveAgent',
	nodeType: 'liveAgent',
	aliases: ['live agent', 'ladesk'],
	withSecret: (secret) => new LiveAgentSimulator(secret),
	secretField: 'apiKey',
	refusal: { parameters: { resource: 'conversation', operation: 'create', message: 'Hi', author: '   ', department: 'a5j9t4d8', subject: 'S', recipient: 'r@x.com' }, message: 'Author is required' },
	platformFaults: {
		listTarget: { method: 'GET', path: '/api/conversations' },
		write: {
			name: 'Live Chat node message send',
			parameters: { resource: 'message', operation: 'send', conversationId: DOCUMENTED_CONVERSATION_ID, text: 'once' },
			target: { method: 'POST', path: `/api/conversations/${DOCUMENTED_CONVERSATION_ID}/messages` },
		},
		pathIds: [
			{ name: 'Live Chat node conversation get', parameters: (id) => ({ resource: 'conversation', operation: 'get', conversationId: id }), check: idInSegment('/api/conversations/') },
			{ name: 'Live Chat node contact get', parameters: (id) => ({ resource: 'contact', operation: 'get', contactId: id }), check: idInSegment('/api/customers/') },
		],
	},
	faults: {
		read: { parameters: { resource: 'application', operation: 'getStatus' }, target: { method: 'GET', path: '/api/application/status' } },
		write: {
			name: 'conversation create',
			parameters: { resource: 'conversation', operation: 'create', message: 'Hi', author: 'example@agent.com', department: 'a5j9t4d8', subject: 'S', recipient: 'r@example.com' },
			target: { method: 'POST', path: '/api/conversations' },
		},
		continueOnFail: {
			parameters: { resource: 'conversation', operation: 'get', conversationId: '={{ $json.id }}' },
			inputs: [{ id: 'AX4-B4T-FD8' }, { id: 'nope' }, { id: 'AX4-B4T-FD8' }],
		},
		badInput: [
			{ name: 'empty Conversation ID (expression)', parameters: { resource: 'conversation', operation: 'get', conversationId: '={{ "" }}' }, message: 'Conversation' },
			{ name: 'empty Query (expression)', parameters: { resource: 'knowledgebase', operation: 'search', query: '={{ "" }}' }, message: 'Query' },
			{ name: 'impossible date', parameters: { resource: 'conversation', operation: 'getAll', department: 'a5j9t4d8', filters: { dateFrom: '2024-02-30' } }, message: 'Date From' },
			{ name: 'empty Author (expression)', parameters: { resource: 'conversation', operation: 'create', message: 'Hi', author: '={{ "" }}', department: 'a5j9t4d8', subject: 'S', recipient: 'r@x.com' }, message: 'Author' },
			{ name: 'empty Message (expression)', parameters: { resource: 'conversation', operation: 'createMessage', conversationId: 'AX4-B4T-FD8', message: '={{ "" }}', messageType: 'M' }, message: 'Message' },
			{ name: 'channel types that are not letters', parameters: { resource: 'conversation', operation: 'getAll', returnAll: true, filters: { channelTypes: 'chat;mail' } }, message: 'Channel Types' },
			{ name: 'report range backwards', parameters: { resource: 'report', operation: 'agents', dateFrom: '2024-05-02', dateTo: '2024-05-01' }, message: 'Date To' },
			{ name: 'report without Date From (expression)', parameters: { resource: 'report', operation: 'load', channel: 'chats', dateFrom: '={{ "" }}', dateTo: '2024-05-01' }, message: 'Date From' },
			{ name: 'report channel it lacks', parameters: { resource: 'report', operation: 'availability', channel: 'tickets', dateFrom: '2024-05-01', dateTo: '2024-05-02' }, message: 'Channel' },
			{ name: 'empty tag Name (expression)', parameters: { resource: 'tag', operation: 'create', name: '={{ "" }}' }, message: 'Name' },
			{ name: 'tag fields that are not JSON', parameters: { resource: 'tag', operation: 'update', tagId: 't001', otherFields: '{color: red}' }, message: 'Other Fields (JSON)' },
			{ name: 'file fields that are no object', parameters: { resource: 'file', operation: 'add', fileFields: '["a.txt"]' }, message: 'File Fields (JSON)' },
			{ name: 'company filters that are not JSON', parameters: { resource: 'company', operation: 'getAll', filters: '{name:' }, message: 'Filters (JSON)' },
		],
		pathIds: [
			{ name: 'conversation get', parameters: (id) => ({ resource: 'conversation', operation: 'get', conversationId: id }), check: idInSegment('/api/conversations/') },
			{ name: 'agent get', parameters: (id) => ({ resource: 'agent', operation: 'get', agentId: id }), check: idInSegment('/api/agents/') },
			{ name: 'department get', parameters: (id) => ({ resource: 'department', operation: 'get', departmentId: id }), check: idInSegment('/api/departments/') },
			{ name: 'department agents', parameters: (id) => ({ resource: 'department', operation: 'getAgentStatuses', departmentId: id, returnAll: true }), check: idInSegment('/api/departments/', '/agents') },
			{ name: 'tag get', parameters: (id) => ({ resource: 'tag', operation: 'get', tagId: id }), check: idInSegment('/api/tags/') },
			{ name: 'tag update', parameters: (id) => ({ resource: 'tag', operation: 'update', tagId: id, updateFields: { name: 'x' } }), check: idInSegment('/api/tags/') },
			{ name: 'tag delete', parameters: (id) => ({ resource: 'tag', operation: 'delete', tagId: id }), check: idInSegment('/api/tags/') },
			{ name: 'company get', parameters: (id) => ({ resource: 'company', operation: 'get', companyId: id }), check: idInSegment('/api/companies/') },
			{ name: 'file get', parameters: (id) => ({ resource: 'file', operation: 'get', fileId: id }), check: idInSegment('/api/files/') },
			{ name: 'file delete', parameters: (id) => ({ resource: 'file', operation: 'delete', fileId: id }), check: idInSegment('/api/files/') },
		],
		trigger: {
			type: 'liveAgentTrigger',
			// every conversation of the account, page by page (no department or owner)
			parameters: { event: 'newConversation', lateArrivalMinutes: 5 },
			list: { method: 'GET', path: '/api/conversations' },
			add: (simulator, atMs) => simulator.makeConversation({ created: atMs }).conversationid,
			idOf: (json) => String(json.conversationid),
			late: { caughtWithinMs: 4 * MINUTE, missedBeyondMs: 10 * MINUTE, beyondText: '10 minutes', readme: '"a record listed later than the window is missed"' },
			prune: (simulator, beforeMs) => {
				simulator.conversations = simulator.conversations.filter((conversation) => conversation.changed >= beforeMs);
			},
			withZone: (simulator, credentials, zone) => {
				simulator.zone = zone;
				return { ...credentials, liveAgentApi: { ...credentials.liveAgentApi, timeZone: zone } };
			},
		},
	},
	queue: {
		checkActions: (items) => {
			const [created] = items('Create Conversation');
			expect(items('Get Transcript')).toEqual([
				expect.objectContaining({ vendor: 'liveAgent', conversationId: created.conversationid, status: 'closed', tags: ['billing'] }),
			]);
			expect(items('Get Many Customers')).toHaveLength(1203);
		},
		polls: { liveAgentTrigger: (simulator) => simulator.count('GET', '/api/conversations') },
		emit: async (simulator) => ({
			ids: { liveAgentTrigger: simulator.makeConversation({ created: Date.now(), departmentid: 'a5j9t4d8' }).conversationid },
		}),
	},
};
