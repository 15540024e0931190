/**
 * LiveAgent API v3, as LiveAgent's official Python client `QualityUnit/LiveAgent-api-python` (generated
 * from the v3 OpenAPI description) and FACTS.md (LiveAgent → v3) describe it: the base path `/api/v3`,
 * the key in the `apikey` header (client: liveagent_api/configuration.py, auth_settings `apikey`),
 * failures as the ErrorResponse model `{message}` (client: models/error_response.py), lists as JSON
 * arrays paged by `_page` (from 1) / `_perPage` or `_from` / `_to`, sorted by `_sortField` / `_sortDir`,
 * filtered by `_filters` (a JSON object or `[[column, operator, value], …]`), and a few lists paged by
 * `_cursor` with a `next_page_cursor` response header (FACTS.md; the client's cursor lists:
 * TicketsApi.get_ticket_history, CallsApi.get_calls_list). Dates are `YYYY-MM-DD HH:MM:SS` text in the
 * account's time zone (FACTS.md: API dates follow the account's zone).
 */
import { createHash } from 'node:crypto';

import { DateTime } from 'luxon';

import type { SimRequest, SimResponse, SimulatedVendor } from './base';
import { idInSegment, MINUTE, sendControl, Simulator, uploadedFiles } from './base';

export const LA3_API_KEY = 'la-sandbox-v3-key-5b2e90c417';
/** A key made for API v1: v3 answers it with 403 "ApiKey not found" (FACTS.md). */
export const LA3_V1_API_KEY = 'la-sandbox-key-3f9c7d21e8';
const FORMAT = 'yyyy-MM-dd HH:mm:ss';
const BASE = '/api/v3';
/** The client documents no largest `_perPage`: the simulator takes up to this many (README, unsure). */
export const LA3_MAX_PER_PAGE = 1000;
/** Nor a default one. */
const DEFAULT_PER_PAGE = 10;

/** models/message.py: Message. */
export interface La3Message {
	id: string;
	userid: string;
	type: string;
	datecreated: string;
	format: string;
	message: string;
	visibility: string;
}

/** models/message_group.py: MessageGroup. */
export interface La3MessageGroup {
	id: string;
	parent_id: string;
	userid: string;
	user_full_name: string;
	type: string;
	status: string;
	datecreated: string;
	datefinished: string;
	sort_order: number;
	mail_msg_id: string;
	pop3_msg_id: string;
	messages: La3Message[];
}

/** models/ticket_history.py: TicketHistory. */
export interface La3History {
	id: string;
	conversation_id: string;
	conversation_code: string;
	department_id: string;
	department_name: string;
	agent_id: string;
	status: string;
	date_from: string;
	date_to: string;
	elapsed_time: string;
}

/** models/ticket.py: Ticket (+ what the simulator keeps beside it). */
export interface La3Ticket {
	id: string;
	owner_contactid: string;
	owner_email: string;
	owner_name: string;
	departmentid: string;
	agentid: string;
	status: string;
	tags: string[];
	code: string;
	channel_type: string;
	date_created: string;
	date_changed: string;
	date_resolved: string;
	date_due: string;
	date_deleted: string;
	last_activity: string;
	last_activity_public: string;
	public_access_urlcode: string;
	subject: string;
	custom_fields: Array<{ code: string; value: string }>;
	/**
	 * Kept beside the record: the instants it was created and last changed (ms), from which its dates
	 * are written in the account's zone when it is answered (as a database holding instants would), its
	 * message groups, its history, its attributes, its postponement.
	 */
	createdAt: number;
	changedAt: number;
	groups: La3MessageGroup[];
	history: La3History[];
	attributes: Record<string, string>;
	postponedUntil?: string;
}

/** models/department.py: Department. */
export const LA3_DEPARTMENTS = [
	{ department_id: 'a5j9t4d8', agent_count: 2, name: 'Department 1', online_status: 'T', agent_ids: ['uid1234', 'uid5678'], mailaccount_id: 'm001' },
	{ department_id: 'b7k2m4p1', agent_count: 1, name: 'Billing', online_status: 'F', agent_ids: ['uid5678'], mailaccount_id: 'm002' },
];

/** models/agent.py: Agent (the JSON name of role_id is `roleId`, attribute_map). */
export const LA3_AGENTS = [
	{ id: 'uid1234', name: 'John Williams', email: 'example@agent.com', role: 'owner', roleId: 'r_owner', avatar_url: '', online_status: 'T', status: 'N', gender: 'M', last_pswd_change: '2024-01-02 10:00:00', twofactor_auth: 'N', voice_status: 'N', sip_phone_id: '', api_phone_id: '' },
	{ id: 'uid5678', name: 'Mia Novak', email: 'mia@agent.com', role: 'agent', roleId: 'r_agent', avatar_url: '', online_status: 'F', status: 'N', gender: 'F', last_pswd_change: '2024-02-03 11:00:00', twofactor_auth: 'N', voice_status: 'N', sip_phone_id: '', api_phone_id: '' },
];

/**
 * What an IVR URL serves to call_fetch_ivr: list[Ivr] (client models/ivr.py: name, steps; IvrStep's
 * type letters and params as models/ivr_step.py describes them: P plays the URL in params, D offers
 * choices, R rings an agent of the department in params).
 */
export const IVR_SOURCES: Record<string, Row[]> = {
	'https://ivr.example.com/menu': [
		{
			name: 'main',
			steps: [
				{ type: 'P', params: 'https://ivr.example.com/welcome.mp3' },
				{ type: 'D', choices: [{ dtmf: '1', name: 'Sales', ivr: 'sales' }, { dtmf: '2', name: 'Support', ivr: 'support' }] },
			],
		},
		{ name: 'sales', steps: [{ type: 'R', params: 'a5j9t4d8' }] },
		{ name: 'support', steps: [{ type: 'V' }] },
	],
};

/** models/tag.py: Tag. */
const SEED_TAGS = [
	{ id: 't001', name: 'vip', color: 'FFFFFF', background_color: 'D03F3F', is_public: 'Y', is_archived: 'N' },
	{ id: 't002', name: 'billing', color: 'FFFFFF', background_color: '3F78D0', is_public: 'Y', is_archived: 'N' },
	{ id: 't003', name: 'bug', color: '000000', background_color: 'F0C000', is_public: 'N', is_archived: 'N' },
];

/** models/group.py: Group. */
const SEED_GROUPS = [
	{ id: 'g001', name: 'Wholesale', color: 'FFFFFF', background_color: '2E7D32' },
	{ id: 'g002', name: 'Press', color: 'FFFFFF', background_color: '6A1B9A' },
];

/** A call's channel as the simulator keeps it: run (R) or held (H), muted, ended. */
interface CallChannel {
	status: 'R' | 'H';
	muted: boolean;
	ended: boolean;
}

/** The JSON names of Agent's fields (models/agent.py, attribute_map), those a request body may carry. */
const AGENT_FIELDS = ['id', 'name', 'email', 'role', 'roleId', 'avatar_url', 'online_status', 'status', 'gender', 'last_pswd_change', 'twofactor_auth', 'voice_status', 'sip_phone_id', 'api_phone_id'];

/** models/agent_status.py: AgentStatus, one per department the agent is in. */
const AGENT_STATUSES: Record<string, Array<{ departmentid: string; online_status: string; preset_status: string; work_allocation_allowed: boolean }>> = {
	uid1234: [{ departmentid: 'a5j9t4d8', online_status: 'T', preset_status: 'A', work_allocation_allowed: true }],
	uid5678: [
		{ departmentid: 'a5j9t4d8', online_status: 'F', preset_status: 'N', work_allocation_allowed: true },
		{ departmentid: 'b7k2m4p1', online_status: 'F', preset_status: 'N', work_allocation_allowed: false },
	],
};

/**
 * The fields of a contact (models/contact_list_item.py: ContactListItem, and what ContactRequest,
 * models/contact_request.py, adds) and of a company (models/company_list_item.py, company_request.py).
 * The client's Contact and Company models hold only type, date_created and date_changed (the rest is
 * lost in its generation): the simulator answers the list item's fields beside them.
 */
const CONTACT_FIELDS = ['company_id', 'firstname', 'lastname', 'system_name', 'description', 'avatar_url', 'gender', 'language', 'city', 'countrycode', 'ip', 'emails', 'phones', 'groups', 'job_position', 'note', 'custom_fields'];
const COMPANY_FIELDS = ['name', 'system_name', 'description', 'avatar_url', 'language', 'city', 'countrycode', 'ip', 'emails', 'phones', 'groups', 'note', 'custom_fields'];

/** models/canned_message.py: CannedMessage's fields besides its ID. */
const CANNED_FIELDS = ['userid', 'departmentid', 'messagetext', 'keywords'];

/** models/ticket.py: the statuses Ticket allows (allowed_values of `status`). */
const TICKET_STATUSES = ['I', 'N', 'T', 'P', 'R', 'X', 'B', 'A', 'C', 'W', 'L'];

/**
 * The operators of the `[[column, operator, value], …]` form. The client names the form, not its
 * operators (support article 513528 has the examples): these are the comparison signs and `like`
 * (README, unsure). An unknown one is refused with a 400.
 */
const OPERATORS: Record<string, (have: string, want: string) => boolean> = {
	'=': (have, want) => have === want,
	'!=': (have, want) => have !== want,
	'<': (have, want) => have < want,
	'<=': (have, want) => have <= want,
	'>': (have, want) => have > want,
	'>=': (have, want) => have >= want,
	like: (have, want) => have.toLowerCase().includes(want.replace(/%/g, '').toLowerCase()),
};

type Row = Record<string, unknown>;

export class LiveAgentV3Simulator extends Simulator {
	readonly vendor = 'LiveAgent v3';

	tickets: La3Ticket[] = [];
	tags: Array<(typeof SEED_TAGS)[number]> = [];
	groups: Array<(typeof SEED_GROUPS)[number]> = [];
	contacts: Row[] = [];
	companies: Row[] = [];
	calls: Row[] = [];
	cannedMessages: Row[] = [];
	/** LA3_AGENTS, copied at each reset: update, delete, convert and undelete change them. */
	agents: Row[] = [];
	deletedAgents: Row[] = [];
	/** The channels of each call, by call ID and channel ID; each seeded call has channel `ch-<callId>`. */
	callChannels: Record<string, Record<string, CallChannel>> = {};
	/** The messages call_add_message added, by call ID. */
	callMessages: Record<string, Row[]> = {};
	/** The recordings call_add_recording received, by call ID: each file's name, MIME type, size in bytes and SHA-256. */
	callRecordings: Record<string, Array<{ name: string; contentType: string; size: number; sha256: string }>> = {};
	/**
	 * The remote side of call_fetch_ivr: the IVRs (list[Ivr]) each URL serves. LiveAgent fetches the URL
	 * itself, which no test can reach; this stands for it. IVR_SOURCES at each reset.
	 */
	ivrSources: Record<string, Row[]> = {};
	/** The IvrFetch bodies call_fetch_ivr received, with their call's ID. */
	ivrFetches: Array<{ callId: string; fetch: Row }> = [];
	private counter = 0;
	/** Tickets count on their own: t00001 is the first seeded ticket, whatever else was made. */
	private ticketCounter = 0;

	constructor(
		readonly apiKey = LA3_API_KEY,
		public zone = 'UTC',
	) {
		super();
		// PingApi.ping → GET /ping, OkResponse (a model without fields: client models/ok_response.py)
		this.route('GET', `${BASE}/ping`, () => this.okResponse());

		// TicketsApi (client liveagent_api/api/tickets_api.py); /tickets/history before /tickets/{ticketId}
		this.route('GET', `${BASE}/tickets/history/count`, (r) => this.countOf(r, this.allHistory()));
		this.route('GET', `${BASE}/tickets/history`, (r) => this.historyPage(r));
		this.route('GET', `${BASE}/tickets`, (r) => this.list(r, this.tickets.map((t) => this.renderTicket(t))));
		this.route('POST', `${BASE}/tickets`, (r) => this.createTicket(r));
		this.route('GET', `${BASE}/tickets/:id`, (r) => this.withTicket(r, (t) => ({ body: this.renderTicket(t) })));
		this.route('PUT', `${BASE}/tickets/:id`, (r) => this.withTicket(r, (t) => this.updateTicket(r, t)));
		this.route('DELETE', `${BASE}/tickets/:id`, (r) =>
			this.withTicket(r, (t) => {
				this.tickets = this.tickets.filter((other) => other !== t);
				return this.okResponse();
			}),
		);
		// get_ticket_message_groups: list[MessageGroup], paged like any list (`includeQuotedMessages` is accepted)
		this.route('GET', `${BASE}/tickets/:id/messages`, (r) => this.withTicket(r, (t) => this.list(r, t.groups.map((g) => ({ ...g, messages: g.messages.map((m) => ({ ...m })) })))));
		// get_ticket_history_0: list[TicketHistory] of one ticket, not paged
		this.route('GET', `${BASE}/tickets/:id/history`, (r) => this.withTicket(r, (t) => ({ body: t.history.map((h) => ({ ...h })) })));
		// get_ticket_sla: TicketSla (models/ticket_sla.py)
		this.route('GET', `${BASE}/tickets/:id/sla`, (r) =>
			this.withTicket(r, (t) => ({
				body: { conversationid: t.id, sla_level_id: 'sla1', sla_level_name: 'Standard', first_answer: t.date_created, first_assign: t.date_created, first_resolve: '', next_answer: '' },
			})),
		);
		// get_ticket_attribute / set_ticket_attribute: TicketAttribute (models/ticket_attribute.py); the value as a form field
		this.route('GET', `${BASE}/tickets/:id/attributes/:name`, (r) =>
			this.withTicket(r, (t) => {
				const value = t.attributes[r.params.name];
				return value === undefined ? this.errorResponse(404, `Attribute ${r.params.name} not found`) : { body: { id: `${t.id}_${r.params.name}`, name: r.params.name, value } };
			}),
		);
		this.route('PUT', `${BASE}/tickets/:id/attributes/:name`, (r) =>
			this.withTicket(r, (t) => {
				const value = (r.body as Row | undefined)?.value;
				if (typeof value !== 'string') return this.errorResponse(400, 'Missing required parameter value');
				t.attributes[r.params.name] = value;
				return this.okResponse();
			}),
		);
		// set_ticket_postpone: TicketPostpone {date_time} (models/ticket_postpone.py)
		this.route('PUT', `${BASE}/tickets/:id/postpone`, (r) =>
			this.withTicket(r, (t) => {
				const when = String((r.body as Row | undefined)?.date_time ?? '');
				if (!DateTime.fromFormat(when, FORMAT).isValid) return this.errorResponse(400, `Invalid date_time ${when}`);
				t.postponedUntil = when;
				t.status = 'P';
				return this.okResponse();
			}),
		);

		// TagsApi (api/tags_api.py) and GroupsApi (api/groups_api.py): the lists are not paged; get_*_by_id
		// and update_* answer a list of one (list[Tag], list[Group]); create answers the record
		this.crud('tags', () => this.tags, (rows) => (this.tags = rows as typeof this.tags), ['name', 'color', 'background_color', 'is_public', 'is_archived'], 'Tag', 't');
		this.crud('groups', () => this.groups, (rows) => (this.groups = rows as typeof this.groups), ['name', 'color', 'background_color'], 'Group', 'g');

		// DepartmentsApi (api/departments_api.py): get_department_list (list[Department], paged),
		// get_specific_department, if_agent_is_in_department (OkResponse, or 404)
		this.route('GET', `${BASE}/departments`, (r) => this.list(r, LA3_DEPARTMENTS.map((d) => ({ ...d, agent_ids: [...d.agent_ids] }))));
		this.route('GET', `${BASE}/departments/:id`, (r) => {
			const department = LA3_DEPARTMENTS.find((d) => d.department_id === r.params.id);
			return department ? { body: { ...department, agent_ids: [...department.agent_ids] } } : this.errorResponse(404, `Department ${r.params.id} not found`);
		});
		this.route('GET', `${BASE}/departments/:id/:agent`, (r) => {
			const department = LA3_DEPARTMENTS.find((d) => d.department_id === r.params.id);
			if (!department) return this.errorResponse(404, `Department ${r.params.id} not found`);
			return department.agent_ids.includes(r.params.agent) ? this.okResponse() : this.errorResponse(404, `Agent ${r.params.agent} is not in department ${r.params.id}`);
		});
		// AgentsApi (api/agents_api.py): get_agents (list[Agent], paged), get_agent, get_agent_statuses (list[AgentStatus]);
		// /agents/activity, /agents/undelete and /agents/convert before /agents/{userId}
		const findAgent = (request: SimRequest, then: (agent: Row) => SimResponse): SimResponse => {
			const agent = this.agents.find((a) => a.id === request.params.id);
			return agent ? then(agent) : this.errorResponse(404, `Agent ${request.params.id} not found`);
		};
		this.route('GET', `${BASE}/agents`, (r) => this.list(r, this.agents.map((a) => ({ ...a }))));
		// get_agents_activity: list[AgentActivity] (models/agent_activity.py: id, agent_status,
		// active_tickets as list[ActiveTicket], models/active_ticket.py), paged like the other lists
		this.route('GET', `${BASE}/agents/activity`, (r) =>
			this.list(
				r,
				this.agents.map((agent) => ({
					id: agent.id,
					agent_status: agent.online_status,
					active_tickets: this.tickets
						.filter((ticket) => ticket.agentid === agent.id && ticket.status !== 'R')
						.map((ticket) => ({ ticket_id: ticket.id, ticket_code: ticket.code, date_joined: ticket.date_created, department_id: ticket.departmentid, status: 'A', ticket_status: ticket.status })),
				})),
			),
		);
		// undelete_agent: POST with an Agent body, answers the Agent; which fields find it the client
		// does not say: the simulator finds a deleted agent by `id`
		this.route('POST', `${BASE}/agents/undelete`, (r) => {
			const id = (r.body as Row | undefined)?.id;
			const agent = this.deletedAgents.find((a) => a.id === id);
			if (!agent) return this.errorResponse(404, `Deleted agent ${String(id)} not found`);
			this.deletedAgents = this.deletedAgents.filter((a) => a !== agent);
			this.agents.push(agent);
			return { body: { ...agent } };
		});
		// convert_registered_visitor: POST with an Agent body, answers the Agent; the simulator needs the
		// email of a registered contact (type R) and makes an agent of it
		this.route('POST', `${BASE}/agents/convert`, (r) => {
			const fields = this.fieldsOf(r, AGENT_FIELDS);
			if (typeof fields === 'string') return this.errorResponse(400, fields);
			const contact = this.contacts.find((c) => c.type === 'R' && (c.emails as string[]).includes(String(fields.email)));
			if (!contact) return this.errorResponse(404, `No registered visitor with email ${String(fields.email)}`);
			const agent: Row = { ...LA3_AGENTS[1], id: this.nextId('uid'), name: `${contact.firstname} ${contact.lastname}`.trim(), role: 'agent', roleId: 'r_agent', online_status: 'F', ...fields };
			this.agents.push(agent);
			return { body: { ...agent } };
		});
		this.route('GET', `${BASE}/agents/:id`, (r) => findAgent(r, (agent) => ({ body: { ...agent } })));
		// update_agent: PUT with an Agent body, answers the Agent
		this.route('PUT', `${BASE}/agents/:id`, (r) =>
			findAgent(r, (agent) => {
				const fields = this.fieldsOf(r, AGENT_FIELDS);
				if (typeof fields === 'string') return this.errorResponse(400, fields);
				const { id: _id, ...rest } = fields;
				Object.assign(agent, rest);
				return { body: { ...agent } };
			}),
		);
		// delete_agent: OkResponse; the agent can come back with undelete_agent
		this.route('DELETE', `${BASE}/agents/:id`, (r) =>
			findAgent(r, (agent) => {
				this.agents = this.agents.filter((a) => a !== agent);
				this.deletedAgents.push(agent);
				return this.okResponse();
			}),
		);
		this.route('GET', `${BASE}/agents/:id/status`, (r) => {
			const statuses = AGENT_STATUSES[String(r.params.id)];
			return statuses ? { body: statuses.map((row) => ({ ...row })) } : this.errorResponse(404, `Agent ${r.params.id} not found`);
		});
		// pause_agent, logout_agent: POST …/_pause, …/_logout, OkResponse
		this.route('POST', `${BASE}/agents/:id/_pause`, (r) =>
			findAgent(r, (agent) => {
				agent.paused = true;
				return this.okResponse();
			}),
		);
		this.route('POST', `${BASE}/agents/:id/_logout`, (r) =>
			findAgent(r, (agent) => {
				agent.online_status = 'F';
				return this.okResponse();
			}),
		);
		// login_key: GET, LoginKey (models/login_key.py: login_key)
		this.route('GET', `${BASE}/agents/:id/login_key`, (r) => findAgent(r, (agent) => ({ body: { login_key: `lk-${String(agent.id)}` } })));
		// update_call_settings: POST …/updateVoiceStatus?voiceStatus= (required), OkResponse
		this.route('POST', `${BASE}/agents/:id/updateVoiceStatus`, (r) =>
			findAgent(r, (agent) => {
				if (!r.query.voiceStatus) return this.errorResponse(400, 'Missing required parameter voiceStatus');
				agent.voice_status = r.query.voiceStatus;
				return this.okResponse();
			}),
		);

		// ChatsApi.get_chats_list (api/chats_api.py): list[ChatInformation], paged; the tickets that are chats
		this.route('GET', `${BASE}/chats`, (r) => this.list(r, this.tickets.filter((t) => t.channel_type === 'C').map((t) => this.renderChat(t))));

		// CallsApi (api/calls_api.py): get_calls_list (list[CallListItem], paged by `_cursor` like the
		// ticket history), get_calls_count (Count), call_get_status (CallStatus, models/call_status.py)
		this.route('GET', `${BASE}/calls/count`, (r) => this.countOf(r, this.calls.map((c) => ({ ...c }))));
		this.route('GET', `${BASE}/calls`, (r) => this.cursorPage(r, this.calls.map((c) => ({ ...c }))));

		// CallsApi's calls that drive a call (api/calls_api.py). Required query parameters as the client
		// marks them; OkResponse unless told. A call's channels (named by the phone side) are kept here.
		const findCall = (request: SimRequest, then: (call: Row) => SimResponse): SimResponse => {
			const call = this.calls.find((c) => c.id === request.params.id);
			return call ? then(call) : this.errorResponse(404, `Call ${request.params.id} not found`);
		};
		const missing = (request: SimRequest, keys: string[]): SimResponse | undefined => {
			const key = keys.find((name) => !request.query[name]);
			return key ? this.errorResponse(400, `Missing required parameter ${key}`) : undefined;
		};
		// CallStatus (models/call_status.py): the call rings to the first agent not in `unreachableAgents`
		// (IDs separated by commas, the client's csv); with none left, it waits in the queue (Q)
		const callStatus = (call: Row, request: SimRequest) => {
			const unreachable = String(request.query.unreachableAgents ?? '').split(',').filter(Boolean);
			const agent = this.agents.find((a) => !unreachable.includes(String(a.id)));
			if (!agent && !call.dateFinished && !call.dateAnswered) return { status: 'Q', manually_picked_up: false };
			return { status: call.dateFinished ? 'F' : call.dateAnswered ? 'C' : 'R', manually_picked_up: false, agent: { id: String(agent?.id ?? LA3_AGENTS[0].id), devices: [], alternative_devices: [] } };
		};
		const addChannel = (call: Row, channelId: string | undefined) => {
			if (channelId && !this.callChannels[String(call.id)]?.[channelId]) (this.callChannels[String(call.id)] ??= {})[channelId] = { status: 'R', muted: false, ended: false };
		};
		const channelAction = (path: string, method: string, change: (channel: CallChannel, request: SimRequest) => SimResponse | undefined) =>
			this.route(method, `${BASE}/calls/:id/channels/:channelId${path}`, (r) =>
				findCall(r, (call) => {
					const channel = this.callChannels[String(call.id)]?.[r.params.channelId];
					if (!channel) return this.errorResponse(404, `Channel ${r.params.channelId} not found in call ${String(call.id)}`);
					return change(channel, r) ?? this.okResponse();
				}),
			);
		// call_pickup: POST /calls/_pickup, no parameters (before /calls/{callId})
		this.route('POST', `${BASE}/calls/_pickup`, () => this.okResponse());
		// call_id: GET /calls/channels/{channelId}/call_id, CallId (models/call_id.py: call_id)
		this.route('GET', `${BASE}/calls/channels/:channelId/call_id`, (r) => {
			const callId = Object.keys(this.callChannels).find((id) => this.callChannels[id][r.params.channelId]);
			return callId ? { body: { call_id: callId } } : this.errorResponse(404, `Channel ${r.params.channelId} not found`);
		});
		// call_create: POST /calls/{callId}?to_number&from_number (required), answers Call (models/call.py,
		// snake_case JSON names); the list then holds it as a CallListItem
		this.route('POST', `${BASE}/calls/:id`, (r) => {
			const bad = missing(r, ['to_number', 'from_number']);
			if (bad) return bad;
			if (this.calls.some((c) => c.id === r.params.id)) return this.errorResponse(400, `Call ${r.params.id} already exists`);
			const direction = r.query.direction ?? 'in';
			const row: Row = {
				id: r.params.id, ticketId: r.query.ticketId ?? '', type: direction === 'out' ? 'O' : direction === 'int' ? 'N' : 'I', fromNumber: r.query.from_number, fromName: '', toNumber: r.query.to_number, toName: '',
				viaNumber: r.query.via_number ?? '', dateCreated: this.local(Date.now()), dateAnswered: '', dateFinished: '', callDuration: '0',
			};
			this.calls.push(row);
			addChannel(row, r.query.channelId);
			return {
				body: {
					id: row.id, ticket_id: row.ticketId, direction, callee_status: 'R', ivrs: [], record_call: false, reroute_time: 30, max_queue_time: 300, max_ring_time: 60,
					online_ivr: '', offline_ivr: '', queue_ivr: '', from_number: row.fromNumber, caller_name: '', to_number: row.toNumber, via_number: row.viaNumber,
				},
			};
		});
		// call_ring, call_reroute: CallStatus; confirm_ring, stop_ring: OkResponse
		this.route('GET', `${BASE}/calls/:id/status`, (r) => findCall(r, (call) => ({ body: callStatus(call, r) })));
		this.route('POST', `${BASE}/calls/:id/_ring`, (r) => findCall(r, (call) => ({ body: callStatus(call, r) })));
		this.route('POST', `${BASE}/calls/:id/_reroute`, (r) => findCall(r, (call) => ({ body: callStatus(call, r) })));
		this.route('POST', `${BASE}/calls/:id/_confirmRing`, (r) =>
			findCall(r, (call) => {
				addChannel(call, r.query.channelId);
				return this.okResponse();
			}),
		);
		this.route('POST', `${BASE}/calls/:id/_stopRing`, (r) => findCall(r, () => this.okResponse()));
		// call_answer: to_number required; marks the call answered
		this.route('POST', `${BASE}/calls/:id/_answer`, (r) =>
			findCall(r, (call) => {
				const bad = missing(r, ['to_number']);
				if (bad) return bad;
				call.dateAnswered = this.local(Date.now());
				addChannel(call, r.query.channelId);
				return this.okResponse();
			}),
		);
		// call_transfer: CallTransferResult (models/call_transfer_result.py: callee_status)
		this.route('POST', `${BASE}/calls/:id/_transfer`, (r) => findCall(r, () => ({ body: { callee_status: r.query.to ? 'R' : 'N' } })));
		this.route('POST', `${BASE}/calls/:id/_blind_transfer`, (r) => findCall(r, () => missing(r, ['to_number']) ?? this.okResponse()));
		// call_stop: hangs up
		this.route('POST', `${BASE}/calls/:id/_stop`, (r) =>
			findCall(r, (call) => {
				call.dateFinished = this.local(Date.now());
				return this.okResponse();
			}),
		);
		// call_add_message: CallMessage body (models/call_message.py: type, message)
		this.route('POST', `${BASE}/calls/:id/messages`, (r) =>
			findCall(r, (call) => {
				const body = (r.body ?? {}) as Row;
				if (typeof body.message !== 'string' || body.message === '') return this.errorResponse(400, 'Missing message');
				(this.callMessages[String(call.id)] ??= []).push({ type: body.type ?? '', message: body.message });
				return this.okResponse();
			}),
		);
		// call_add_recording: multipart/form-data, the recording in the form field `file` (the client's
		// local_var_files['file']), OkResponse
		this.route('POST', `${BASE}/calls/:id/recordings`, async (r) => {
			const call = this.calls.find((c) => c.id === r.params.id);
			if (!call) return this.errorResponse(404, `Call ${r.params.id} not found`);
			const file = (await uploadedFiles(r)).find((part) => part.field === 'file');
			if (!file) return this.errorResponse(400, 'Missing file');
			(this.callRecordings[String(call.id)] ??= []).push({ name: file.name, contentType: file.contentType, size: file.size, sha256: createHash('sha256').update(file.bytes).digest('hex') });
			return this.okResponse();
		});
		// call_fetch_ivr: IvrFetch body (models/ivr_fetch.py: url required; prefix, on_error, params of
		// {name, value}, ivrs), answers list[Ivr]: what the URL serves (ivrSources)
		this.route('POST', `${BASE}/calls/:id/_fetchIvr`, (r) =>
			findCall(r, (call) => {
				const fetch = (r.body ?? {}) as Row;
				if (typeof fetch.url !== 'string' || fetch.url === '') return this.errorResponse(400, 'Missing url');
				this.ivrFetches.push({ callId: String(call.id), fetch });
				const ivrs = this.ivrSources[fetch.url];
				return ivrs ? { body: structuredClone(ivrs) } : this.errorResponse(400, `IVR could not be fetched from ${fetch.url}`);
			}),
		);
		// the channel calls: hold_channel, unhold_channel, mute_channel, unmute_channel, end_channel,
		// dtmf_channel (dtmf required), call_change_channel_status (status R or H, required),
		// call_move_channel (to_callId required), call_remove_channel
		channelAction('/_hold', 'POST', (channel) => void (channel.status = 'H'));
		channelAction('/_unhold', 'POST', (channel) => void (channel.status = 'R'));
		channelAction('/_mute', 'POST', (channel) => void (channel.muted = true));
		channelAction('/_unmute', 'POST', (channel) => void (channel.muted = false));
		channelAction('/_end', 'POST', (channel) => void (channel.ended = true));
		channelAction('/_dtmf', 'POST', (_channel, r) => missing(r, ['dtmf']));
		channelAction('/_status', 'PUT', (channel, r) => {
			if (!['R', 'H'].includes(r.query.status ?? '')) return this.errorResponse(400, 'status must be R or H');
			channel.status = r.query.status as 'R' | 'H';
			return undefined;
		});
		channelAction('/_move', 'POST', (channel, r) => {
			const bad = missing(r, ['to_callId']);
			if (bad) return bad;
			const target = this.calls.find((c) => c.id === r.query.to_callId);
			if (!target) return this.errorResponse(404, `Call ${r.query.to_callId} not found`);
			delete this.callChannels[r.params.id][r.params.channelId];
			(this.callChannels[String(target.id)] ??= {})[r.params.channelId] = channel;
			return undefined;
		});
		channelAction('', 'DELETE', (_channel, r) => void delete this.callChannels[r.params.id][r.params.channelId]);
		// call_start (to_number and ticketId required), call_start_canceled / call_start_failed (callId required)
		this.route('POST', `${BASE}/call/_start`, (r) => missing(r, ['to_number', 'ticketId']) ?? this.okResponse());
		this.route('POST', `${BASE}/call/_startCanceled`, (r) => missing(r, ['callId']) ?? this.okResponse());
		this.route('POST', `${BASE}/call/_startFailed`, (r) => missing(r, ['callId']) ?? this.okResponse());

		// CannedMessagesApi (api/canned_messages_api.py): CannedMessage (models/canned_message.py), the list paged
		this.route('GET', `${BASE}/canned_messages`, (r) => this.list(r, this.cannedMessages.map((m) => ({ ...m }))));
		this.route('GET', `${BASE}/canned_messages/:id`, (r) => this.withCanned(r, (m) => ({ body: { ...m } })));
		this.route('POST', `${BASE}/canned_messages`, (r) => {
			const fields = this.fieldsOf(r, CANNED_FIELDS);
			if (typeof fields === 'string') return this.errorResponse(400, fields);
			if (typeof fields.messagetext !== 'string' || fields.messagetext === '') return this.errorResponse(400, 'Missing required field messagetext');
			const message = { id: this.nextId('cm'), userid: '', departmentid: '', keywords: '', ...fields };
			this.cannedMessages.push(message);
			return { body: { ...message } };
		});
		this.route('PUT', `${BASE}/canned_messages/:id`, (r) =>
			this.withCanned(r, (m) => {
				const fields = this.fieldsOf(r, CANNED_FIELDS);
				if (typeof fields === 'string') return this.errorResponse(400, fields);
				const { id: _id, ...rest } = fields;
				Object.assign(m, rest);
				return { body: { ...m } };
			}),
		);
		this.route('DELETE', `${BASE}/canned_messages/:id`, (r) =>
			this.withCanned(r, (m) => {
				this.cannedMessages = this.cannedMessages.filter((other) => other !== m);
				return this.okResponse();
			}),
		);

		// ContactsApi (api/contacts_api.py) and CompaniesApi (api/companies_api.py)
		this.people('contacts', () => this.contacts, (rows) => (this.contacts = rows), CONTACT_FIELDS, 'Contact');
		this.people('companies', () => this.companies, (rows) => (this.companies = rows), COMPANY_FIELDS, 'Company');
	}

	protected seed(): void {
		this.counter = 0;
		this.ticketCounter = 0;
		this.tickets = [];
		this.tags = SEED_TAGS.map((t) => ({ ...t }));
		this.groups = SEED_GROUPS.map((g) => ({ ...g }));
		this.agents = LA3_AGENTS.map((a) => ({ ...a }));
		this.deletedAgents = [];
		this.contacts = [];
		this.companies = [];
		// models/call_list_item.py: CallListItem (JSON names in camelCase: attribute_map)
		this.calls = Array.from({ length: 15 }, (_, i) => {
			const at = Date.parse('2024-05-02T09:00:00Z') + i * 600_000;
			return {
				id: `call${String(i + 1).padStart(3, '0')}`, ticketId: `t${String(i + 1).padStart(5, '0')}`, type: i % 3 === 0 ? 'O' : 'I',
				fromNumber: '+421900000' + String(100 + i), fromName: `Customer ${i + 1}`, toNumber: '+421200000100', toName: 'Support', viaNumber: '+421200000100',
				dateCreated: this.local(at), dateAnswered: i % 4 === 0 ? '' : this.local(at + 10_000), dateFinished: i === 14 ? '' : this.local(at + 120_000), callDuration: i % 4 === 0 ? '0' : '110',
			};
		});
		this.callChannels = Object.fromEntries(this.calls.map((call) => [String(call.id), { [`ch-${String(call.id)}`]: { status: 'R' as const, muted: false, ended: false } }]));
		this.callMessages = {};
		this.callRecordings = {};
		this.ivrSources = structuredClone(IVR_SOURCES);
		this.ivrFetches = [];
		this.cannedMessages = [
			{ id: 'cm001', userid: 'uid1234', departmentid: 'a5j9t4d8', messagetext: 'Thank you for your patience.', keywords: 'thanks' },
			{ id: 'cm002', userid: 'uid5678', departmentid: 'b7k2m4p1', messagetext: 'Your invoice is attached.', keywords: 'invoice' },
		];
		const seedAt = Date.parse('2024-04-01T08:00:00Z');
		this.companies.push(this.person('companies', { name: 'Acme Parcel Ltd', emails: ['office@acme-parcel.example'], city: 'Bratislava', countrycode: 'SK', groups: ['g001'] }, seedAt));
		for (let i = 0; i < 25; i++) {
			this.contacts.push(
				this.person('contacts', { firstname: `Customer`, lastname: `${i + 1}`, emails: [`customer${i + 1}@example.com`], company_id: i < 3 ? 'CO00001' : '', groups: i % 10 === 0 ? ['g002'] : [] }, seedAt + i * 60_000),
			);
		}
		const start = Date.parse('2024-05-01T08:00:00Z');
		for (let i = 0; i < 12; i++) {
			this.makeTicket({
				at: start + i * 3_600_000,
				subject: `Question ${i + 1}`,
				departmentid: i % 3 === 0 ? 'b7k2m4p1' : 'a5j9t4d8',
				status: i % 4 === 0 ? 'R' : 'N',
				owner_email: `customer${i + 1}@example.com`,
				owner_name: `Customer ${i + 1}`,
				tags: i % 5 === 0 ? ['t002'] : [],
				// the last three came in through the chat button
				channel_type: i >= 9 ? 'C' : 'E',
			});
		}
	}

	/** The account's wall-clock text of an instant. */
	local(ms: number): string {
		return DateTime.fromMillis(ms, { zone: this.zone }).toFormat(FORMAT);
	}

	nextId(prefix: string): string {
		this.counter++;
		return `${prefix}${String(this.counter).padStart(5, '0')}`;
	}

	/** A ticket as a customer opens it at `at` (ms), with its first message group and history row. */
	makeTicket(fields: Partial<Omit<La3Ticket, 'groups'>> & { at?: number; message?: string } = {}): La3Ticket {
		const at = fields.at ?? Date.now();
		const when = this.local(at);
		const id = fields.id ?? `t${String(++this.ticketCounter).padStart(5, '0')}`;
		const ownerId = fields.owner_contactid ?? this.nextId('c');
		const ticket: La3Ticket = {
			owner_email: 'ana@example.com',
			owner_name: 'Ana Souza',
			departmentid: 'a5j9t4d8',
			agentid: '',
			status: 'N',
			tags: [],
			channel_type: 'E',
			date_resolved: '',
			date_due: '',
			date_deleted: '',
			subject: 'A question',
			custom_fields: [],
			...fields,
			id,
			owner_contactid: ownerId,
			code: fields.code ?? `${id.slice(-3).toUpperCase()}-${id.slice(1, 4).toUpperCase()}-QQ1`,
			public_access_urlcode: fields.public_access_urlcode ?? `pub${id}`,
			date_created: fields.date_created ?? when,
			date_changed: fields.date_changed ?? when,
			last_activity: fields.last_activity ?? when,
			last_activity_public: fields.last_activity_public ?? when,
			createdAt: at,
			changedAt: at,
			groups: [],
			history: [],
			attributes: {},
		};
		delete (ticket as Partial<{ at: number; message: string }>).at;
		delete (ticket as Partial<{ at: number; message: string }>).message;
		this.addGroup(ticket, ownerId, fields.owner_name ?? 'Ana Souza', 'M', fields.message ?? `${ticket.subject}: can you help?`, at);
		this.addHistory(ticket, at);
		this.tickets.push(ticket);
		return ticket;
	}

	/** A message group of one message, written by `userid` at `at`; the ticket changes then. */
	addGroup(ticket: La3Ticket, userid: string, name: string, type: string, text: string, at: number): La3MessageGroup {
		const when = this.local(at);
		const group: La3MessageGroup = {
			id: this.nextId('g'), parent_id: '', userid, user_full_name: name, type, status: 'D', datecreated: when, datefinished: when,
			sort_order: ticket.groups.length + 1, mail_msg_id: '', pop3_msg_id: '',
			messages: [{ id: this.nextId('m'), userid, type: type === 'I' ? 'N' : 'M', datecreated: when, format: 'T', message: text, visibility: 'A' }],
		};
		ticket.groups.push(group);
		ticket.changedAt = at;
		ticket.date_changed = when;
		ticket.last_activity = when;
		return group;
	}

	private addHistory(ticket: La3Ticket, at: number): void {
		const when = this.local(at);
		const last = ticket.history[ticket.history.length - 1];
		if (last) last.date_to = when;
		ticket.history.push({
			id: this.nextId('h'), conversation_id: ticket.id, conversation_code: ticket.code, department_id: ticket.departmentid,
			department_name: LA3_DEPARTMENTS.find((d) => d.department_id === ticket.departmentid)?.name ?? '', agent_id: ticket.agentid,
			status: ticket.status, date_from: when, date_to: '', elapsed_time: '0',
		});
	}

	private renderTicket(ticket: La3Ticket): Row {
		const { groups: _g, history: _h, attributes: _a, postponedUntil: _p, createdAt, changedAt, ...record } = ticket;
		return {
			...record,
			date_created: this.local(createdAt),
			date_changed: this.local(changedAt),
			last_activity: this.local(changedAt),
			tags: [...record.tags],
			custom_fields: record.custom_fields.map((f) => ({ ...f })),
		};
	}

	/** models/chat_information.py: ChatInformation (JSON names `departmentId`, `agentId`: attribute_map). */
	private renderChat(ticket: La3Ticket): Row {
		const [firstname = '', ...rest] = ticket.owner_name.split(' ');
		const last = ticket.groups[ticket.groups.length - 1];
		return {
			id: ticket.id, subject: ticket.subject, preview: last?.messages[0]?.message ?? '', chat_order: this.local(ticket.changedAt), date_created: this.local(ticket.createdAt),
			status_date_started: this.local(ticket.createdAt), tags: [...ticket.tags], rstatus: ticket.status === 'R' ? 'F' : 'T', firstname, lastname: rest.join(' '),
			system_name: '', avatar_url: '', countrycode: '', city: '', departmentId: ticket.departmentid, agentId: ticket.agentid, status: ticket.status, emails: [ticket.owner_email],
		};
	}

	private allHistory(): Row[] {
		return this.tickets.flatMap((t) => t.history.map((h) => ({ ...h })));
	}

	// ---- contacts, companies, tags, groups ----

	/** A contact or company as v3 answers it: an ID, its fields, type R (registered) or V, its dates. */
	person(kind: 'contacts' | 'companies', fields: Row, at = Date.now()): Row {
		const prefix = kind === 'contacts' ? 'CT' : 'CO';
		const count = (kind === 'contacts' ? this.contacts : this.companies).length + 1;
		const when = this.local(at);
		const base = kind === 'contacts' ? CONTACT_FIELDS : COMPANY_FIELDS;
		const record: Row = { id: `${prefix}${String(count).padStart(5, '0')}`, type: 'V', date_created: when, date_changed: when };
		for (const field of base) record[field] = ['emails', 'phones', 'groups', 'custom_fields'].includes(field) ? [] : '';
		return { ...record, ...fields };
	}

	/** A request body's fields, checked against the model's; an error text for an unknown or mistyped one. */
	private fieldsOf(request: SimRequest, allowed: string[]): Row | string {
		const body = request.body;
		if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object';
		for (const [key, value] of Object.entries(body as Row)) {
			if (key === 'id') continue;
			if (!allowed.includes(key)) return `Unknown field ${key}`;
			if (['emails', 'phones', 'groups', 'custom_fields'].includes(key) && !Array.isArray(value)) return `${key} must be a list`;
			// list[CustomFields] (models/custom_fields.py): each `{code, value}`, both text
			if (key === 'custom_fields' && !(value as unknown[]).every((row) => typeof (row as Row)?.code === 'string' && typeof (row as Row)?.value === 'string')) return 'custom_fields must be a list of {code, value}';
		}
		return body as Row;
	}

	/** List, get, create, update (PUT; for contacts PUT replaces the whole record and PATCH changes some), delete (`deleteTickets` required), _register, _unregister. */
	private people(kind: 'contacts' | 'companies', rows: () => Row[], set: (rows: Row[]) => void, allowed: string[], model: string): void {
		const find = (request: SimRequest, then: (record: Row) => SimResponse): SimResponse => {
			const record = rows().find((row) => row.id === request.params.id);
			return record ? then(record) : this.errorResponse(404, `${model} ${request.params.id} not found`);
		};
		const change = (request: SimRequest, record: Row): SimResponse => {
			const fields = this.fieldsOf(request, allowed);
			if (typeof fields === 'string') return this.errorResponse(400, fields);
			const { id: _id, ...rest } = fields;
			Object.assign(record, rest, { date_changed: this.local(Date.now()) });
			return { body: { ...record } };
		};
		this.route('GET', `${BASE}/${kind}`, (r) => this.list(r, rows().map((row) => ({ ...row }))));
		this.route('POST', `${BASE}/${kind}`, (r) => {
			const fields = this.fieldsOf(r, allowed);
			if (typeof fields === 'string') return this.errorResponse(400, fields);
			const record = this.person(kind, fields);
			rows().push(record);
			return { body: { ...record } };
		});
		this.route('GET', `${BASE}/${kind}/:id`, (r) => find(r, (record) => ({ body: { ...record } })));
		if (kind === 'contacts') {
			// ContactsApi.update_contact (api/contacts_api.py, "Update whole contact"): PUT sends the whole
			// ContactRequest, so a field left out is emptied; patch_contact ("partially") changes the sent ones.
			this.route('PUT', `${BASE}/${kind}/:id`, (r) =>
				find(r, (record) => {
					const fields = this.fieldsOf(r, allowed);
					if (typeof fields === 'string') return this.errorResponse(400, fields);
					const { id: _id, ...rest } = fields;
					const emptied = this.person(kind, {});
					for (const field of allowed) record[field] = emptied[field];
					Object.assign(record, rest, { date_changed: this.local(Date.now()) });
					return { body: { ...record } };
				}),
			);
			this.route('PATCH', `${BASE}/${kind}/:id`, (r) => find(r, (record) => change(r, record)));
		} else this.route('PUT', `${BASE}/${kind}/:id`, (r) => find(r, (record) => change(r, record)));
		this.route('DELETE', `${BASE}/${kind}/:id`, (r) =>
			find(r, (record) => {
				if (!['true', 'false'].includes(r.query.deleteTickets ?? '')) return this.errorResponse(400, 'Missing required parameter deleteTickets');
				set(rows().filter((row) => row !== record));
				return this.okResponse();
			}),
		);
		this.route('PUT', `${BASE}/${kind}/:id/_register`, (r) =>
			find(r, (record) => {
				if (!r.query.registration_email) return this.errorResponse(400, 'Missing required parameter registration_email');
				Object.assign(record, { type: 'R', registration_email: r.query.registration_email });
				return { body: { ...record } };
			}),
		);
		this.route('DELETE', `${BASE}/${kind}/:id/_unregister`, (r) =>
			find(r, (record) => {
				record.type = 'V';
				return { body: { ...record } };
			}),
		);
	}

	private crud(kind: 'tags' | 'groups', rows: () => Row[], set: (rows: Row[]) => void, allowed: string[], model: string, prefix: string): void {
		const find = (request: SimRequest, then: (record: Row) => SimResponse): SimResponse => {
			const record = rows().find((row) => row.id === request.params.id);
			return record ? then(record) : this.errorResponse(404, `${model} ${request.params.id} not found`);
		};
		this.route('GET', `${BASE}/${kind}`, () => ({ body: rows().map((row) => ({ ...row })) }));
		this.route('GET', `${BASE}/${kind}/:id`, (r) => find(r, (record) => ({ body: [{ ...record }] })));
		this.route('POST', `${BASE}/${kind}`, (r) => {
			const fields = this.fieldsOf(r, allowed);
			if (typeof fields === 'string') return this.errorResponse(400, fields);
			if (typeof fields.name !== 'string' || fields.name === '') return this.errorResponse(400, 'Missing required field name');
			if (rows().some((row) => row.name === fields.name)) return this.errorResponse(400, `${model} ${String(fields.name)} already exists`);
			const record: Row = { id: `${prefix}${String(rows().length + 100).padStart(3, '0')}`, ...Object.fromEntries(allowed.map((key) => [key, ''])), ...fields };
			rows().push(record);
			return { body: { ...record } };
		});
		this.route('PUT', `${BASE}/${kind}/:id`, (r) =>
			find(r, (record) => {
				const fields = this.fieldsOf(r, allowed);
				if (typeof fields === 'string') return this.errorResponse(400, fields);
				const { id: _id, ...rest } = fields;
				Object.assign(record, rest);
				return { body: [{ ...record }] };
			}),
		);
		this.route('DELETE', `${BASE}/${kind}/:id`, (r) =>
			find(r, (record) => {
				set(rows().filter((row) => row !== record));
				return this.okResponse();
			}),
		);
	}

	private withCanned(request: SimRequest, then: (message: Row) => SimResponse): SimResponse {
		const message = this.cannedMessages.find((m) => m.id === request.params.id);
		return message ? then(message) : this.errorResponse(404, `Canned message ${request.params.id} not found`);
	}

	// ---- answers ----

	private okResponse(): SimResponse {
		return { body: {} };
	}

	private withTicket(request: SimRequest, then: (ticket: La3Ticket) => SimResponse): SimResponse {
		const ticket = this.tickets.find((t) => t.id === request.params.id || t.code === request.params.id);
		return ticket ? then(ticket) : this.errorResponse(404, `Ticket ${request.params.id} not found`);
	}

	/** `_filters` as rows of [column, operator, value], or an error text. */
	private filtersOf(request: SimRequest): Array<[string, string, string]> | string {
		const text = request.query._filters;
		if (text === undefined || text === '') return [];
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			return `Invalid _filters: ${text}`;
		}
		if (Array.isArray(parsed)) {
			const rows: Array<[string, string, string]> = [];
			for (const row of parsed) {
				if (!Array.isArray(row) || row.length !== 3) return 'Invalid _filters: each filter is [column, operator, value]';
				if (!OPERATORS[String(row[1])]) return `Invalid _filters: unknown operator ${String(row[1])}`;
				rows.push([String(row[0]), String(row[1]), String(row[2])]);
			}
			return rows;
		}
		if (parsed && typeof parsed === 'object') return Object.entries(parsed as Row).map(([column, value]) => [column, '=', String(value)]);
		return `Invalid _filters: ${text}`;
	}

	private filtered(request: SimRequest, rows: Row[]): Row[] | SimResponse {
		const filters = this.filtersOf(request);
		if (typeof filters === 'string') return this.errorResponse(400, filters);
		for (const [column] of filters) {
			if (rows.length && !(column in rows[0])) return this.errorResponse(400, `Invalid _filters: unknown column ${column}`);
		}
		const kept = rows.filter((row) =>
			filters.every(([column, operator, value]) => {
				const have = row[column];
				// a list column (tags) holds the value when one of its entries does
				if (Array.isArray(have)) return operator === '=' ? have.map(String).includes(value) : !have.map(String).includes(value);
				return OPERATORS[operator](String(have ?? ''), value);
			}),
		);
		const field = request.query._sortField;
		if (field) {
			if (rows.length && !(field in rows[0])) return this.errorResponse(400, `Invalid _sortField ${field}`);
			const dir = (request.query._sortDir ?? 'ASC').toUpperCase();
			if (dir !== 'ASC' && dir !== 'DESC') return this.errorResponse(400, `Invalid _sortDir ${request.query._sortDir}`);
			kept.sort((a, b) => String(a[field] ?? '').localeCompare(String(b[field] ?? '')) * (dir === 'DESC' ? -1 : 1));
		}
		return kept;
	}

	/** A page of a list: `_page` (from 1) and `_perPage`, or `_from` / `_to` (row numbers). */
	private list(request: SimRequest, rows: Row[]): SimResponse {
		const kept = this.filtered(request, rows);
		if (!Array.isArray(kept)) return kept;
		const q = request.query;
		if (q._from !== undefined || q._to !== undefined) {
			const from = Number(q._from ?? 0);
			const to = Number(q._to ?? from + DEFAULT_PER_PAGE);
			if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) return this.errorResponse(400, 'Invalid _from or _to');
			return { body: kept.slice(from, to) };
		}
		const perPage = q._perPage === undefined ? DEFAULT_PER_PAGE : Number(q._perPage);
		const page = q._page === undefined ? 1 : Number(q._page);
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > LA3_MAX_PER_PAGE) return this.errorResponse(400, `_perPage must be between 1 and ${LA3_MAX_PER_PAGE}`);
		if (!Number.isInteger(page) || page < 1) return this.errorResponse(400, '_page must be 1 or more');
		// a broken pager answers its first page whatever was asked (Simulator.repeatPages)
		const at = this.repeatPages ? 0 : (page - 1) * perPage;
		return { body: kept.slice(at, at + perPage) };
	}

	private countOf(request: SimRequest, rows: Row[]): SimResponse {
		const kept = this.filtered(request, rows);
		// models/count.py: Count {count}
		return Array.isArray(kept) ? { body: { count: kept.length } } : kept;
	}

	/**
	 * TicketsApi.get_ticket_history: paged by `_cursor`, the next page's cursor in the `next_page_cursor`
	 * response header (FACTS.md), no header on the last page. The cursor is opaque to clients.
	 */
	private historyPage(request: SimRequest): SimResponse {
		return this.cursorPage(request, this.allHistory());
	}

	/** A list paged by `_cursor`, the next cursor in the `next_page_cursor` header (FACTS.md). */
	private cursorPage(request: SimRequest, rows: Row[]): SimResponse {
		const kept = this.filtered(request, rows);
		if (!Array.isArray(kept)) return kept;
		const perPage = request.query._perPage === undefined ? DEFAULT_PER_PAGE : Number(request.query._perPage);
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > LA3_MAX_PER_PAGE) return this.errorResponse(400, `_perPage must be between 1 and ${LA3_MAX_PER_PAGE}`);
		let at = 0;
		if (request.query._cursor) {
			const decoded = Number(Buffer.from(request.query._cursor, 'base64url').toString('utf8').replace(/^at:/, ''));
			if (!Number.isInteger(decoded) || decoded < 0) return this.errorResponse(400, 'Invalid _cursor');
			at = decoded;
		}
		const page = kept.slice(at, at + perPage);
		// a broken pager hands out the cursor of its second page again on every later page
		const next = this.repeatPages ? Math.min(perPage, kept.length) : at + perPage;
		const headers: Record<string, string> = next < kept.length && page.length ? { next_page_cursor: Buffer.from(`at:${next}`).toString('base64url') } : {};
		return { body: page, headers };
	}

	private createTicket(request: SimRequest): SimResponse {
		// models/ticket_list_item.py: TicketListItem. The required fields are v1's for a new
		// conversation (message, useridentifier, departmentid, subject, recipient): the client marks none.
		const body = (request.body ?? {}) as Row;
		for (const name of ['message', 'useridentifier', 'departmentid', 'subject', 'recipient']) {
			if (typeof body[name] !== 'string' || body[name] === '') return this.errorResponse(400, `Missing required field ${name}`);
		}
		if (!LA3_DEPARTMENTS.some((d) => d.department_id === body.departmentid)) return this.errorResponse(400, `Unknown department ${String(body.departmentid)}`);
		if (body.status !== undefined && !TICKET_STATUSES.includes(String(body.status))) return this.errorResponse(400, `Invalid status ${String(body.status)}`);
		const tags = Array.isArray(body.tags) ? body.tags.map(String) : [];
		const unknownTag = tags.find((id) => !this.tags.some((t) => t.id === id));
		if (unknownTag) return this.errorResponse(400, `Unknown tag ${unknownTag}`);
		const ticket = this.makeTicket({
			subject: String(body.subject), departmentid: String(body.departmentid), owner_email: String(body.recipient),
			owner_name: String(body.recipient_name ?? body.recipient), status: String(body.status ?? 'N'), tags,
			custom_fields: Array.isArray(body.custom_fields) ? (body.custom_fields as Array<{ code: string; value: string }>) : [],
			message: String(body.message),
		});
		// models/ticket_information.py: TicketInformation (its `tags` is text; ownerid beside owner_contactid)
		return {
			body: {
				id: ticket.id, ownerid: ticket.owner_contactid, owner_contactid: ticket.owner_contactid, departmentid: ticket.departmentid, agentid: ticket.agentid,
				status: ticket.status, tags: ticket.tags.join(','), code: ticket.code, channel_type: ticket.channel_type, date_created: ticket.date_created,
				public_access_urlcode: ticket.public_access_urlcode, subject: ticket.subject, custom_fields: ticket.custom_fields,
			},
		};
	}

	/** update_ticket: TicketUpdatable (models/ticket_updatable.py); answers the Ticket. */
	private updateTicket(request: SimRequest, ticket: La3Ticket): SimResponse {
		const body = (request.body ?? {}) as Row;
		const allowed = ['owner_contactid', 'departmentid', 'agentid', 'status', 'subject', 'tags', 'custom_fields'];
		const unknown = Object.keys(body).find((key) => !allowed.includes(key));
		if (unknown) return this.errorResponse(400, `Unknown field ${unknown}`);
		if (body.status !== undefined && !TICKET_STATUSES.includes(String(body.status))) return this.errorResponse(400, `Invalid status ${String(body.status)}`);
		if (body.departmentid !== undefined && !LA3_DEPARTMENTS.some((d) => d.department_id === body.departmentid)) return this.errorResponse(400, `Unknown department ${String(body.departmentid)}`);
		if (body.agentid !== undefined && body.agentid !== '' && !LA3_AGENTS.some((a) => a.id === body.agentid)) return this.errorResponse(400, `Unknown agent ${String(body.agentid)}`);
		if (body.tags !== undefined) {
			if (!Array.isArray(body.tags)) return this.errorResponse(400, 'tags must be a list of tag IDs');
			const unknownTag = body.tags.map(String).find((id) => !this.tags.some((t) => t.id === id));
			if (unknownTag) return this.errorResponse(400, `Unknown tag ${unknownTag}`);
		}
		const moved = ['departmentid', 'agentid', 'status'].some((key) => body[key] !== undefined && body[key] !== ticket[key as keyof La3Ticket]);
		Object.assign(ticket, body);
		if (body.tags !== undefined) ticket.tags = (body.tags as unknown[]).map(String);
		ticket.changedAt = Date.now();
		ticket.date_changed = this.local(ticket.changedAt);
		if (moved) this.addHistory(ticket, Date.now());
		return { body: this.renderTicket(ticket) };
	}

	// ---- controls ----

	protected controls() {
		return {
			ticket: (body: unknown) => this.renderTicket(this.makeTicket((body ?? {}) as Partial<La3Ticket>)),
			chat: (body: unknown) => this.renderChat(this.makeTicket({ subject: 'Chat', ...((body ?? {}) as Partial<La3Ticket>), channel_type: 'C' })),
			contact: (body: unknown) => {
				const contact = this.person('contacts', (body ?? {}) as Row);
				this.contacts.push(contact);
				return contact;
			},
		};
	}

	protected isAuthorized(request: SimRequest): boolean {
		return request.headers.apikey === this.apiKey;
	}

	/** FACTS.md: a key of the other version (or none LiveAgent knows) answers 403 "ApiKey not found". */
	protected unauthorized(): SimResponse {
		return this.errorResponse(403, 'ApiKey not found');
	}

	/** models/error_response.py: ErrorResponse {message}, with the HTTP status. */
	protected errorResponse(status: number, message: string): SimResponse {
		return { status, body: { message } };
	}

	/** v3 documents no failure inside a 200: the ErrorResponse in a 200 is what a proxy or a broken server could send. */
	protected envelopeError(message: string): SimResponse {
		return { status: 200, body: { message } };
	}

	state() {
		return { zone: this.zone, tickets: this.tickets.length, tags: this.tags.length, groups: this.groups.length, contacts: this.contacts.length, companies: this.companies.length, calls: this.calls.length, cannedMessages: this.cannedMessages.length };
	}
}

export const sandbox: SimulatedVendor<LiveAgentV3Simulator> = {
	key: 'liveAgentV3',
	port: 4107,
	create: () => new LiveAgentV3Simulator(),
	credentials: (simulator) => [
		{
			id: 'sandboxLiveAgentV3',
			name: 'LiveAgent v3 (sandbox)',
			type: 'liveAgentV3Api',
			data: { url: simulator.baseUrl, apiKey: simulator.apiKey, timeZone: simulator.zone },
		},
	],
	testEvents: [{ triggers: ['liveAgentV3Trigger'], control: 'ticket', body: { subject: 'My parcel is late' }, what: 'a new ticket in Department 1, found by the trigger’s next poll' }],
	name: 'LiveAgent v3',
	nodeType: 'liveAgentV3',
	aliases: ['live agent', 'ladesk', 'liveagent v3'],
	withSecret: (secret) => new LiveAgentV3Simulator(secret),
	secretField: 'apiKey',
	// PingApi answers OkResponse, a model without fields: another service's JSON cannot be told from it
	credentialAnswerUndocumented: true,
	refusal: { parameters: { resource: 'ticket', operation: 'get', ticketId: '   ' }, message: 'Ticket ID is required' },
	faults: {
		read: { parameters: { resource: 'ticket', operation: 'get', ticketId: 't00001' }, target: { method: 'GET', path: '/api/v3/tickets/t00001' } },
		write: [
			{
				name: 'ticket create',
				parameters: { resource: 'ticket', operation: 'create', subject: 'S', message: 'Hi', author: 'example@agent.com', department: 'a5j9t4d8', recipient: 'r@example.com' },
				target: { method: 'POST', path: '/api/v3/tickets' },
			},
			{
				name: 'contact create',
				parameters: { resource: 'contact', operation: 'create', fields: { firstName: 'Ana', emails: 'ana@example.com' } },
				target: { method: 'POST', path: '/api/v3/contacts' },
			},
			{
				name: 'contact replace',
				parameters: { resource: 'contact', operation: 'replace', contactId: 'CT00001', fields: { firstName: 'Ana', emails: 'ana@example.com' } },
				target: { method: 'PUT', path: '/api/v3/contacts/CT00001' },
			},
			{
				name: 'agent update',
				parameters: { resource: 'agent', operation: 'update', agentId: 'uid5678', updateFields: { name: 'Mia N.' } },
				target: { method: 'PUT', path: '/api/v3/agents/uid5678' },
			},
			{
				name: 'call create',
				parameters: { resource: 'call', operation: 'create', callId: 'call900', toNumber: '+421200000100', fromNumber: '+421900000999' },
				target: { method: 'POST', path: '/api/v3/calls/call900' },
			},
			{
				name: 'call hold',
				parameters: { resource: 'call', operation: 'hold', callId: 'call002', channelId: 'ch-call002' },
				target: { method: 'POST', path: '/api/v3/calls/call002/channels/ch-call002/_hold' },
			},
			{
				name: 'call add recording',
				parameters: { resource: 'call', operation: 'addRecording', callId: 'call002', binaryPropertyName: 'data' },
				items: [{ json: {}, binary: { data: { data: Buffer.from('recorded once').toString('base64'), mimeType: 'audio/wav', fileName: 'once.wav' } } }],
				target: { method: 'POST', path: '/api/v3/calls/call002/recordings' },
			},
			{
				name: 'call fetch IVR',
				parameters: { resource: 'call', operation: 'fetchIvr', callId: 'call002', ivrUrl: 'https://ivr.example.com/menu' },
				target: { method: 'POST', path: '/api/v3/calls/call002/_fetchIvr' },
			},
			{
				name: 'canned message create',
				parameters: { resource: 'cannedMessage', operation: 'create', messageText: 'We are on it.' },
				target: { method: 'POST', path: '/api/v3/canned_messages' },
			},
			{
				name: 'ticket update',
				parameters: { resource: 'ticket', operation: 'update', ticketId: 't00001', updateFields: { subject: 'Renamed' } },
				target: { method: 'PUT', path: '/api/v3/tickets/t00001' },
			},
		],
		continueOnFail: {
			parameters: { resource: 'ticket', operation: 'get', ticketId: '={{ $json.id }}' },
			inputs: [{ id: 't00001' }, { id: 'nope' }, { id: 't00001' }],
		},
		badInput: [
			{ name: 'empty Ticket ID (expression)', parameters: { resource: 'ticket', operation: 'get', ticketId: '={{ "" }}' }, message: 'Ticket ID' },
			{ name: 'empty Subject (expression)', parameters: { resource: 'ticket', operation: 'create', subject: '={{ "" }}', message: 'Hi', author: 'a@b.c', department: 'a5j9t4d8', recipient: 'r@x.com' }, message: 'Subject' },
			{ name: 'raw filters that are not JSON', parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, filtersJson: '{status:' }, message: 'Filters (JSON)' },
			{ name: 'raw filters of the wrong form', parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, filtersJson: '[["status","="]]' }, message: 'Filters (JSON)' },
			{ name: 'update without a field', parameters: { resource: 'ticket', operation: 'update', ticketId: 't00001', updateFields: {} }, message: 'Update Fields' },
			{ name: 'impossible Changed Since', parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, filters: { changedSince: '2024-02-30' } }, message: 'Changed Since' },
			{ name: 'empty Attribute Name (expression)', parameters: { resource: 'ticket', operation: 'getAttribute', ticketId: 't00001', attributeName: '={{ "" }}' }, message: 'Attribute Name' },
			{ name: 'empty Voice Status (expression)', parameters: { resource: 'agent', operation: 'setVoiceStatus', agentId: 'uid1234', voiceStatus: '={{ "" }}' }, message: 'Voice Status' },
			{ name: 'agent update without fields', parameters: { resource: 'agent', operation: 'update', agentId: 'uid1234', updateFields: {} }, message: 'Update Fields' },
			{ name: 'empty From Number (expression)', parameters: { resource: 'call', operation: 'create', callId: 'call900', toNumber: '1', fromNumber: '={{ "" }}' }, message: 'From Number' },
			{ name: 'empty Channel ID (expression)', parameters: { resource: 'call', operation: 'mute', callId: 'call002', channelId: '={{ "" }}' }, message: 'Channel ID' },
			{ name: 'contact replace without fields', parameters: { resource: 'contact', operation: 'replace', contactId: 'CT00001', fields: {} }, message: 'Fields' },
			{ name: 'contact update without fields', parameters: { resource: 'contact', operation: 'update', contactId: 'CT00001', updateFields: {} }, message: 'Update Fields' },
			{ name: 'empty Registration Email (expression)', parameters: { resource: 'company', operation: 'register', companyId: 'CO00001', registrationEmail: '={{ "" }}' }, message: 'Registration Email' },
			{ name: 'empty tag Name (expression)', parameters: { resource: 'tag', operation: 'create', name: '={{ "" }}' }, message: 'Name' },
			{ name: 'impossible Postpone Until', parameters: { resource: 'ticket', operation: 'postpone', ticketId: 't00001', postponeUntil: '2024-13-01' }, message: 'Postpone Until' },
		],
		pathIds: [
			{ name: 'ticket get', parameters: (id) => ({ resource: 'ticket', operation: 'get', ticketId: id }), check: idInSegment('/api/v3/tickets/') },
			{ name: 'ticket delete', parameters: (id) => ({ resource: 'ticket', operation: 'delete', ticketId: id }), check: idInSegment('/api/v3/tickets/') },
			{ name: 'ticket messages', parameters: (id) => ({ resource: 'ticket', operation: 'getMessages', ticketId: id, returnAll: true, output: 'groups' }), check: idInSegment('/api/v3/tickets/', '/messages') },
			{ name: 'ticket history', parameters: (id) => ({ resource: 'ticket', operation: 'getHistory', ticketId: id }), check: idInSegment('/api/v3/tickets/', '/history') },
			{ name: 'ticket SLA', parameters: (id) => ({ resource: 'ticket', operation: 'getSla', ticketId: id }), check: idInSegment('/api/v3/tickets/', '/sla') },
			{ name: 'contact get', parameters: (id) => ({ resource: 'contact', operation: 'get', contactId: id }), check: idInSegment('/api/v3/contacts/') },
			{ name: 'contact unregister', parameters: (id) => ({ resource: 'contact', operation: 'unregister', contactId: id }), check: idInSegment('/api/v3/contacts/', '/_unregister') },
			{ name: 'company get', parameters: (id) => ({ resource: 'company', operation: 'get', companyId: id }), check: idInSegment('/api/v3/companies/') },
			{ name: 'agent status', parameters: (id) => ({ resource: 'agent', operation: 'getStatus', agentId: id }), check: idInSegment('/api/v3/agents/', '/status') },
			{ name: 'agent pause', parameters: (id) => ({ resource: 'agent', operation: 'pause', agentId: id }), check: idInSegment('/api/v3/agents/', '/_pause') },
			{ name: 'agent delete', parameters: (id) => ({ resource: 'agent', operation: 'delete', agentId: id }), check: idInSegment('/api/v3/agents/') },
			{ name: 'contact replace', parameters: (id) => ({ resource: 'contact', operation: 'replace', contactId: id, fields: { city: 'x' } }), check: idInSegment('/api/v3/contacts/') },
			{ name: 'department get', parameters: (id) => ({ resource: 'department', operation: 'get', departmentId: id }), check: idInSegment('/api/v3/departments/') },
			{ name: 'tag delete', parameters: (id) => ({ resource: 'tag', operation: 'delete', tagId: id }), check: idInSegment('/api/v3/tags/') },
			{ name: 'group update', parameters: (id) => ({ resource: 'group', operation: 'update', groupId: id, updateFields: { name: 'x' } }), check: idInSegment('/api/v3/groups/') },
			{ name: 'call status', parameters: (id) => ({ resource: 'call', operation: 'getStatus', callId: id }), check: idInSegment('/api/v3/calls/', '/status') },
			{ name: 'call answer', parameters: (id) => ({ resource: 'call', operation: 'answer', callId: id, toNumber: '100' }), check: idInSegment('/api/v3/calls/', '/_answer') },
			{ name: 'call mute (Call ID)', parameters: (id) => ({ resource: 'call', operation: 'mute', callId: id, channelId: 'ch-call002' }), check: idInSegment('/api/v3/calls/', '/channels/ch-call002/_mute') },
			{ name: 'call mute (Channel ID)', parameters: (id) => ({ resource: 'call', operation: 'mute', callId: 'call002', channelId: id }), check: idInSegment('/api/v3/calls/call002/channels/', '/_mute') },
			{ name: 'call ID of a channel', parameters: (id) => ({ resource: 'call', operation: 'getCallId', channelId: id }), check: idInSegment('/api/v3/calls/channels/', '/call_id') },
			{ name: 'canned message get', parameters: (id) => ({ resource: 'cannedMessage', operation: 'get', cannedMessageId: id }), check: idInSegment('/api/v3/canned_messages/') },
		],
		trigger: {
			type: 'liveAgentV3Trigger',
			parameters: { event: 'newTicket', options: { lateArrivalMinutes: 5 } },
			list: { method: 'GET', path: '/api/v3/tickets' },
			add: (simulator, atMs) => simulator.makeTicket({ at: atMs }).id,
			idOf: (json) => String(json.id),
			late: { caughtWithinMs: 4 * MINUTE, missedBeyondMs: 10 * MINUTE, beyondText: '10 minutes', readme: '"a record listed later than the window is missed"' },
			prune: (simulator, beforeMs) => {
				simulator.tickets = simulator.tickets.filter((ticket) => ticket.changedAt >= beforeMs);
			},
			withZone: (simulator, credentials, zone) => {
				simulator.zone = zone;
				return { ...credentials, liveAgentV3Api: { ...credentials.liveAgentV3Api, timeZone: zone } };
			},
		},
		neededExtras: {
			'ticket.update': { updateFields: { subject: 'Renamed' } },
			'contact.update': { updateFields: { city: 'Lisbon' } },
			'contact.replace': { fields: { city: 'Lisbon' } },
			'agent.update': { updateFields: { name: 'Mia N.' } },
			'company.update': { updateFields: { city: 'Porto' } },
			'tag.update': { updateFields: { name: 'renamed' } },
			'group.update': { updateFields: { name: 'renamed' } },
			'cannedMessage.update': { updateFields: { keywords: 'renamed' } },
		},
	},
	queue: {
		checkActions: (items, simulator) => {
			const [created] = items('Create Ticket');
			expect(created).toMatchObject({ id: expect.any(String), subject: 'My parcel has not arrived' });
			// Department 1's tickets: 8 of the 12 seeded ones, and those the run opened there
			const department = items('Get Many Tickets');
			expect(department.length).toBeGreaterThanOrEqual(8);
			expect(department.length).toBeLessThanOrEqual(simulator.tickets.filter((ticket) => ticket.departmentid === 'a5j9t4d8').length);
			expect(department.every((ticket) => ticket.departmentid === 'a5j9t4d8')).toBe(true);
		},
		polls: { liveAgentV3Trigger: (simulator) => simulator.count('GET', '/api/v3/tickets') },
		emit: async (simulator) => {
			const ticket = (await sendControl(simulator, 'ticket', { subject: 'Queue round' })) as { id: string };
			return { ids: { liveAgentV3Trigger: ticket.id } };
		},
	},
};
