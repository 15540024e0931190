/**
 * The fault suite's table: for each vendor, how its simulator starts with a canary secret, a safe read,
 * a create/send, continueOnFail inputs, bad input and IDs with path characters, and its polling trigger.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { RecordedRequest, Simulator } from '../simulators/base';
import { A5_PHONE_NUMBERS, Alive5Simulator, sandbox as alive5Sandbox } from '../simulators/alive5';
import { FC_TOKENS, FiveChatSimulator, sandbox as fiveChatSandbox } from '../simulators/fiveChat';
import { LiveAgentSimulator, sandbox as liveAgentSandbox } from '../simulators/liveAgent';
import { LC_CUSTOMER_ID, LiveChatSimulator, sandbox as liveChatSandbox } from '../simulators/liveChat';
import { documentedChat, SocialIntentsSimulator, sandbox as socialIntentsSandbox } from '../simulators/socialIntents';

export type Credentials = Record<string, ICredentialDataDecryptedObject>;

/** A request the simulator should see for an operation: fault switches and counts aim at it. */
export interface Target {
	method: string;
	path: string;
}

export interface BadInput {
	name: string;
	parameters: IDataObject;
	/** The error must contain this (it names the parameter). */
	message: string;
}

export interface PathIdCase {
	name: string;
	parameters: (id: string) => IDataObject;
	/** Holds when the request the simulator saw was not bent by the ID (path and query kept). */
	check: (request: RecordedRequest, id: string) => void;
}

export interface TriggerSpec {
	type: string;
	parameters: IDataObject;
	list: Target;
	/** Adds one new item that started at `atMs`; resolves to its ID. */
	add: (simulator: Simulator, atMs: number) => Promise<string> | string;
	idOf: (json: IDataObject) => string;
	/**
	 * Late items, by the README: one listed up to `caughtWithinMs` after newer ones is caught; one
	 * listed more than `missedBeyondMs` late is missed by design (`readme` quotes where it says so).
	 */
	late: { caughtWithinMs: number; missedBeyondMs: number; beyondText: string; readme: string };
	/**
	 * Minutes between polls (least, most; default 1 to 9). Day-based windows poll less often, so that
	 * a run spans more days and each answer (the whole window) stays a realistic size.
	 */
	pollMinutes?: [number, number];
	/** Items per page when a poll reads pages: the runs then make page 2 of 3 fail. */
	pageSize?: number;
	/** Removes items older than `beforeMs` from the simulator (only where every window is far shorter). */
	prune?: (simulator: Simulator, beforeMs: number) => void;
	/** The credentials for an account in another time zone (set on the simulator too). */
	withZone?: (simulator: Simulator, credentials: Credentials, zone: string) => Credentials;
}

export interface WriteCase {
	name: string;
	parameters: IDataObject;
	target: Target;
}

export interface VendorSpec {
	key: string;
	nodeType: string;
	canary: string;
	/** Strings that carry the canary in another form (Basic auth). */
	canaryForms: (simulator: Simulator) => string[];
	start: () => Promise<{ simulator: Simulator; credentials: Credentials }>;
	read: { parameters: IDataObject; target: Target };
	/** Creates or sends: each must reach the vendor exactly once, whatever fails. */
	write?: WriteCase | WriteCase[];
	continueOnFail: { parameters: IDataObject; inputs: IDataObject[] };
	badInput: BadInput[];
	pathIds: PathIdCase[];
	trigger?: TriggerSpec;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const canaryOf = (vendor: string) => `CANARY-${vendor}-7f3a`;

/** The sandbox credentials of a simulator, keyed by credential type, with `override` applied. */
function credentialsOf(list: Array<{ type: string; data: Record<string, unknown> }>, override: IDataObject = {}): Credentials {
	return Object.fromEntries(list.map(({ type, data }) => [type, { ...data, ...override } as ICredentialDataDecryptedObject]));
}

async function control(simulator: Simulator, action: string, body: unknown): Promise<unknown> {
	const response = await fetch(`${simulator.baseUrl}/__sim/${action}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return await response.json();
}

const basic = (user: string, secret: string) => Buffer.from(`${user}:${secret}`).toString('base64');
const PATH_ID = '../admin?x=1#frag';

const segment = (prefix: string, suffix = '') => (request: RecordedRequest, id: string) => {
	expect(request.path).toBe(`${prefix}${encodeURIComponent(id)}${suffix}`);
	expect(Object.keys(request.query)).not.toContain('x');
};

export const vendors: VendorSpec[] = [
	{
		key: 'socialIntents',
		nodeType: 'socialIntents',
		canary: canaryOf('socialIntents'),
		canaryForms: (simulator) => {
			const s = simulator as SocialIntentsSimulator;
			return [basic(s.accountId, s.apiToken)];
		},
		start: async () => {
			const simulator = new SocialIntentsSimulator(undefined, canaryOf('socialIntents'));
			await simulator.start();
			return { simulator, credentials: credentialsOf(socialIntentsSandbox.credentials(simulator)) };
		},
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
			add: async (simulator, atMs) => ((await control(simulator, 'chat', { startMs: atMs })) as { chat: { id: string } }).chat.id,
			idOf: (json) => String(json.id),
			// a chat is listed once it ends, dated by its start: a long chat is listed late
			late: { caughtWithinMs: 20 * HOUR, missedBeyondMs: 2 * DAY, beyondText: '2 days', readme: '"a record listed later than that is missed"' },
			pollMinutes: [5, 25],
			prune: (simulator, beforeMs) => {
				const s = simulator as SocialIntentsSimulator;
				s.chats = s.chats.filter((chat) => chat.startMs >= beforeMs);
			},
		},
	},
	{
		key: 'liveChat',
		nodeType: 'liveChat',
		canary: canaryOf('liveChat'),
		canaryForms: (simulator) => {
			const s = simulator as LiveChatSimulator;
			return [basic(s.accountId, s.token)];
		},
		start: async () => {
			const simulator = new LiveChatSimulator(undefined, canaryOf('liveChat'));
			await simulator.start();
			return { simulator, credentials: credentialsOf(liveChatSandbox.credentials(simulator)) };
		},
		read: {
			parameters: { resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID },
			target: { method: 'POST', path: '/v3.6/agent/action/get_customer' },
		},
		write: {
			name: 'event send',
			parameters: { resource: 'event', operation: 'send', chatId: 'PJ0MRSHTDG', text: 'once' },
			target: { method: 'POST', path: '/v3.6/agent/action/send_event' },
		},
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
	},
	{
		key: 'liveAgent',
		nodeType: 'liveAgent',
		canary: canaryOf('liveAgent'),
		canaryForms: () => [],
		start: async () => {
			const simulator = new LiveAgentSimulator(canaryOf('liveAgent'));
			await simulator.start();
			return { simulator, credentials: credentialsOf(liveAgentSandbox.credentials(simulator)) };
		},
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
			{ name: 'conversation get', parameters: (id) => ({ resource: 'conversation', operation: 'get', conversationId: id }), check: segment('/api/conversations/') },
			{ name: 'agent get', parameters: (id) => ({ resource: 'agent', operation: 'get', agentId: id }), check: segment('/api/agents/') },
			{ name: 'department get', parameters: (id) => ({ resource: 'department', operation: 'get', departmentId: id }), check: segment('/api/departments/') },
			{ name: 'department agents', parameters: (id) => ({ resource: 'department', operation: 'getAgentStatuses', departmentId: id, returnAll: true }), check: segment('/api/departments/', '/agents') },
			{ name: 'tag get', parameters: (id) => ({ resource: 'tag', operation: 'get', tagId: id }), check: segment('/api/tags/') },
			{ name: 'tag update', parameters: (id) => ({ resource: 'tag', operation: 'update', tagId: id, updateFields: { name: 'x' } }), check: segment('/api/tags/') },
			{ name: 'tag delete', parameters: (id) => ({ resource: 'tag', operation: 'delete', tagId: id }), check: segment('/api/tags/') },
			{ name: 'company get', parameters: (id) => ({ resource: 'company', operation: 'get', companyId: id }), check: segment('/api/companies/') },
			{ name: 'file get', parameters: (id) => ({ resource: 'file', operation: 'get', fileId: id }), check: segment('/api/files/') },
			{ name: 'file delete', parameters: (id) => ({ resource: 'file', operation: 'delete', fileId: id }), check: segment('/api/files/') },
		],
		trigger: {
			type: 'liveAgentTrigger',
			// every conversation of the account, page by page (no department or owner)
			parameters: { event: 'newConversation', lateArrivalMinutes: 5 },
			list: { method: 'GET', path: '/api/conversations' },
			add: (simulator, atMs) => (simulator as LiveAgentSimulator).makeConversation({ created: atMs }).conversationid,
			idOf: (json) => String(json.conversationid),
			late: { caughtWithinMs: 4 * MINUTE, missedBeyondMs: 10 * MINUTE, beyondText: '10 minutes', readme: '"a record listed later than the window is missed"' },
			prune: (simulator, beforeMs) => {
				const s = simulator as LiveAgentSimulator;
				s.conversations = s.conversations.filter((conversation) => conversation.changed >= beforeMs);
			},
			withZone: (simulator, credentials, zone) => {
				(simulator as LiveAgentSimulator).zone = zone;
				return { ...credentials, liveAgentApi: { ...credentials.liveAgentApi, timeZone: zone } };
			},
		},
	},
	{
		key: 'fiveChat',
		nodeType: 'fiveChat',
		canary: canaryOf('fiveChat'),
		canaryForms: () => [],
		start: async () => {
			// 5chat's simulator keeps its tokens in a table: the canary becomes a READ_WRITE token there
			FC_TOKENS[canaryOf('fiveChat')] = 'READ_WRITE';
			const simulator = new FiveChatSimulator();
			await simulator.start();
			return { simulator, credentials: credentialsOf(fiveChatSandbox.credentials(simulator), { apiToken: canaryOf('fiveChat') }) };
		},
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
			{ name: 'conversation get', parameters: (id) => ({ resource: 'conversation', operation: 'get', conversation: { __rl: true, mode: 'id', value: id } }), check: segment('/conversations/') },
			{ name: 'ticket get', parameters: (id) => ({ resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: id } }), check: segment('/tickets/') },
		],
		trigger: {
			type: 'fiveChatTrigger',
			parameters: { event: 'newConversation', lateArrivalMinutes: 5, watch: 100, output: 'raw' },
			list: { method: 'GET', path: '/conversations' },
			add: (simulator, atMs) => (simulator as FiveChatSimulator).addConversation({ createdAt: new Date(atMs).toISOString() }).token,
			idOf: (json) => String(json.token),
			late: { caughtWithinMs: 4 * MINUTE, missedBeyondMs: 10 * MINUTE, beyondText: '10 minutes', readme: '"a record listed later than the window is missed"' },
			pageSize: 100,
			prune: (simulator, beforeMs) => {
				const s = simulator as FiveChatSimulator;
				s.conversations = s.conversations.filter((conversation) => Date.parse(conversation.createdAt) >= beforeMs);
			},
		},
	},
	{
		key: 'alive5',
		nodeType: 'alive5',
		canary: canaryOf('alive5'),
		canaryForms: () => [],
		start: async () => {
			const simulator = new Alive5Simulator(canaryOf('alive5'));
			await simulator.start();
			return { simulator, credentials: credentialsOf(alive5Sandbox.credentials(simulator)) };
		},
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
					expect((request.body as IDataObject).channel_id).toBe(id);
				},
			},
		],
		trigger: {
			type: 'alive5PollingTrigger',
			// live chats: the one event whose list comes in pages
			parameters: { event: 'liveChat', lateArrivalDays: 1, output: 'raw' },
			list: { method: 'GET', path: '/conversations/livechat' },
			add: (simulator, atMs) => {
				const a5 = simulator as Alive5Simulator;
				const conversation = a5.makeConversation('livechat', atMs);
				a5.conversations.push(conversation);
				return conversation.alive5_sessionID;
			},
			idOf: (json) => String(json.alive5_sessionID),
			late: { caughtWithinMs: 20 * HOUR, missedBeyondMs: 2 * DAY, beyondText: '2 days', readme: '"a conversation listed later than that is missed"' },
			pollMinutes: [5, 25],
			pageSize: 100,
			prune: (simulator, beforeMs) => {
				const s = simulator as Alive5Simulator;
				s.conversations = s.conversations.filter((conversation) => conversation.startMs >= beforeMs);
			},
		},
	},
];

export const PATH_IDS = [PATH_ID, 'a/b', 'id?y=2', 'id#frag'];
