import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { DOCUMENTED_CONVERSATION_ID, LA_AGENTS, LA_ARTICLES, LA_V3_API_KEY, LiveAgentSimulator } from '../../simulators/liveAgent';

// An account in Los Angeles time: a credential saved with an IANA name before the choice of zones existed.
const simulator = new LiveAgentSimulator(undefined, 'America/Los_Angeles');
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const url = await simulator.start();
	credentials = { liveAgentApi: { url, apiKey: simulator.apiKey, timeZone: 'America/Los_Angeles' } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const liveAgent = (parameters: IDataObject, extra: { continueOnFail?: boolean } = {}) => ({
	type: 'liveAgent',
	parameters,
	credentials,
	...extra,
});

const conversationId = DOCUMENTED_CONVERSATION_ID;

describe('LiveAgent application and agents', () => {
	it('reads the application status, unwrapping the envelope, with the key in the query', async () => {
		const { items, error } = await runNode(liveAgent({ resource: 'application', operation: 'getStatus' }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ liveagentversion: '5.52.0.7', gpfversion: '1.7.8.4', dateinstalled: '2012-04-05 11:22:31', datelatestupdate: '2024-08-05 12:13:05' },
		]);
		expect(simulator.requests[0]).toMatchObject({ method: 'GET', path: '/api/application/status', query: { apikey: simulator.apiKey } });
	});

	it('gets an agent by email, encoded into the path', async () => {
		const { items } = await runNode(liveAgent({ resource: 'agent', operation: 'get', agentId: 'example@agent.com' }));
		expect(items[0].json).toMatchObject({ userid: 'uid1234', firstname: 'John', role: 'D', gender: 'F' });
		expect(simulator.requests[0].path).toBe('/api/agents/example%40agent.com');
	});

	it.each(['envelope', 'message'] as const)('explains the 403 "ApiKey not found" of a v3 key (answered as %s): make a v1 key', async (shape) => {
		simulator.otherVersionAnswer = shape;
		const { error } = await runNode({ ...liveAgent({ resource: 'application', operation: 'getStatus' }), credentials: { liveAgentApi: { ...credentials.liveAgentApi, apiKey: LA_V3_API_KEY } } });
		expect(error?.message).toBe('LiveAgent: ApiKey not found (the key is not an API v1 key)');
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toMatch(/A key made for API v3 answers this way.*Create a v1 key/);
		expect(JSON.stringify(error)).not.toContain(LA_V3_API_KEY);
		expect(simulator.requests).toHaveLength(1);
	});

	it('turns a 404 into a NodeApiError with LiveAgent’s message and the meaning', async () => {
		const { error } = await runNode(liveAgent({ resource: 'agent', operation: 'get', agentId: 'nobody@agent.com' }));
		expect(error?.message).toBe('LiveAgent: Agent with identifier nobody@agent.com not found');
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toMatch(/does not exist/);
	});
});

describe('LiveAgent conversations', () => {
	it('lists every conversation without department or owner, page by page over limit/offset', async () => {
		for (let i = 0; i < 1000; i++) simulator.makeConversation({ created: Date.parse('2024-01-01T00:00:00Z') + i * 1000, departmentid: 'b7k2m4p1' });
		const { items, error } = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1009);
		expect(new Set(items.map((item) => item.json.conversationid)).size).toBe(1009);
		expect(simulator.requests.map((request) => request.query)).toEqual([
			{ apikey: simulator.apiKey, limit: '1000', offset: '0' },
			{ apikey: simulator.apiKey, limit: '1000', offset: '1000' },
		]);
		const limited = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', returnAll: false, limit: 5 }));
		expect(limited.items).toHaveLength(5);
		expect(simulator.requests.at(-1)!.query).toMatchObject({ limit: '5', offset: '0' });
	});

	it('stops with a clear error, not a loop, when LiveAgent answers the same page again', async () => {
		simulator.conversationPaging = 'ignored';
		for (let i = 0; i < 1000; i++) simulator.makeConversation({ created: Date.parse('2024-01-01T00:00:00Z') + i * 1000 });
		const { error } = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', returnAll: true }));
		expect(error?.message).toBe('LiveAgent answered the page from row 1000 with records it had already sent, so the list cannot be read to its end');
		expect(error?.description).toMatch(/ignore the paging parameters/);
		expect(simulator.requests).toHaveLength(2);
		// a list shorter than a page is one answer, paging or not
		simulator.reset();
		simulator.conversationPaging = 'ignored';
		expect((await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', returnAll: true }))).items).toHaveLength(9);
	});

	it('filters by channel type, and refuses channel types that are not letters before any request', async () => {
		const chat = simulator.makeConversation({ channel: 'C' });
		const { items } = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', returnAll: true, filters: { channelTypes: 'c, f' } }));
		expect(simulator.requests[0].query.channel_type).toBe('C,F');
		expect(items.map((item) => item.json.conversationid).sort()).toEqual([conversationId, chat.conversationid].sort());
		const bad = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', returnAll: true, filters: { channelTypes: 'chat' } }));
		expect(bad.error?.message).toBe('Filters → Channel Types must be letters separated by commas, such as E,C,F: "CHAT"');
		expect(simulator.requests).toHaveLength(1);
	});

	it('keeps to the department, owner, status and date changed asked for even when LiveAgent ignores them', async () => {
		simulator.ignoredConversationFilters = ['department', 'owneridentifier', 'status', 'datechanged'];
		const department = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', department: 'b7k2m4p1', returnAll: true }));
		expect(department.items.map((item) => item.json.departmentid)).toEqual(['b7k2m4p1', 'b7k2m4p1', 'b7k2m4p1', 'b7k2m4p1']);
		const owner = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', owner: 'JOHN@owner.com', returnAll: true }));
		expect(owner.items.map((item) => item.json.conversationid)).toEqual([conversationId]);
		const status = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', returnAll: true, filters: { status: ['A'] } }));
		expect(status.items.map((item) => item.json.conversationid)).toEqual([conversationId]);
		const changed = await runNode(
			liveAgent({ resource: 'conversation', operation: 'getAll', returnAll: true, filters: { dateChanged: { filter: { operator: 'lk', pattern: '2012-03-%' } } } }),
		);
		expect(changed.items.map((item) => item.json.conversationid)).toEqual([conversationId]);
	});

	it('shows LiveAgent’s own message where an older LiveAgent still wants a department or owner', async () => {
		simulator.conversationList = 'departmentOrOwner';
		const { error } = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', returnAll: true }));
		expect(error?.message).toBe('LiveAgent: Parameter department or owneridentifier is required');
		expect((await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', department: 'a5j9t4d8', returnAll: true }))).error).toBeUndefined();
	});

	it('lists a department’s conversations with every filter, dates in the account zone', async () => {
		const { items, error } = await runNode(
			liveAgent({
				resource: 'conversation',
				operation: 'getAll',
				department: 'a5j9t4d8',
				owner: 'john@owner.com',
				returnAll: true,
				filters: {
					status: ['A', 'R'],
					dateFrom: '2012-03-02T19:00:00Z',
					dateTo: '2012-03-03T00:00:00Z',
					subject: 'Test ticket',
					dateChanged: { filter: { operator: 'btw', date: '2012-03-02T00:00:00Z', secondDate: '2012-03-04T00:00:00Z' } },
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(simulator.requests[0].query).toEqual({
			apikey: simulator.apiKey,
			limit: '1000',
			offset: '0',
			department: 'a5j9t4d8',
			owneridentifier: 'john@owner.com',
			status: 'A,R',
			datefrom: '2012-03-02 11:00:00',
			dateto: '2012-03-02 16:00:00',
			subject: 'Test ticket',
			datechanged: 'btw:2012-03-01 16:00:00,2012-03-03 16:00:00',
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				conversationid: conversationId, code: 'AX4-B4T-FD8', datecreated: '2012-03-02 11:21:04', datechanged: '2012-03-02 11:21:05',
				departmentname: 'Department 1', departmentid: 'a5j9t4d8', status: 'A', ownername: 'John Owner', owneremail: 'john@owner.com',
				subject: 'Test ticket', preview: 'this is test ticket', publicurlcode: 'bI5fR3oN40708G65',
			},
		]);
	});

	it.each([
		['gt', { date: '2024-01-01T00:00:00Z' }, 'gt:2023-12-31 16:00:00'],
		['lte', { date: '2024-07-01T12:00:00Z' }, 'lte:2024-07-01 05:00:00'],
		['lk', { pattern: '2012-03-%' }, 'lk:2012-03-%'],
	])('sends the %s operator of Date Changed', async (operator, values, sent) => {
		await runNode(
			liveAgent({ resource: 'conversation', operation: 'getAll', department: 'a5j9t4d8', returnAll: true, filters: { dateChanged: { filter: { operator, ...values } } } }),
		);
		expect(simulator.requests[0].query.datechanged).toBe(sent);
	});

	it('rejects an invalid date and a Between without its end before any request', async () => {
		const bad = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', department: 'a5j9t4d8', filters: { dateFrom: 'yesterday-ish' } }));
		expect(bad.error?.message).toBe('Filters → Date From is not a valid date: "yesterday-ish"');
		const open = await runNode(
			liveAgent({ resource: 'conversation', operation: 'getAll', department: 'a5j9t4d8', filters: { dateChanged: { filter: { operator: 'btw', date: '2024-01-01' } } } }),
		);
		expect(open.error?.message).toBe('Filters → Date Changed → Second Date is required for Between');
		expect(simulator.requests).toHaveLength(0);
	});

	it('limits the list', async () => {
		const { items } = await runNode(liveAgent({ resource: 'conversation', operation: 'getAll', department: 'a5j9t4d8', returnAll: false, limit: 2 }));
		expect(items).toHaveLength(2);
	});

	it('gets one conversation with its custom fields', async () => {
		const { items } = await runNode(liveAgent({ resource: 'conversation', operation: 'get', conversationId: 'AX4-B4T-FD8' }));
		expect(items[0].json).toMatchObject({ conversationid: conversationId, assignedto: 'uid1234', customfields: [{ code: 'varsymbol', value: '423874698' }] });
	});

	it('creates a conversation as a form (never JSON), with custom fields as JSON text, sent once', async () => {
		simulator.inject({ kind: 'status', status: 503, path: '/api/conversations', method: 'POST' });
		const failed = await runNode(
			liveAgent({ resource: 'conversation', operation: 'create', message: 'Hi', author: 'example@agent.com', department: 'a5j9t4d8', subject: 'S', recipient: 'r@example.com' }),
		);
		expect(failed.error?.httpCode).toBe('503');
		expect(simulator.count('POST', '/api/conversations')).toBe(1);

		const { items, error } = await runNode(
			liveAgent({
				resource: 'conversation',
				operation: 'create',
				message: 'Your refund is on its way',
				author: 'example@agent.com',
				department: 'b7k2m4p1',
				subject: 'Refund',
				recipient: 'ana@example.com',
				customFields: { field: [{ code: 'order', value: '1234' }] },
				writeOptions: { recipientName: 'Ana Souza', status: 'C', doNotSendMail: true, isHtml: false, cc: 'b@example.com' },
			}),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'OK', statuscode: 0, conversationid: expect.any(String), code: expect.any(String) });
		const sent = simulator.requests.at(-1)!;
		expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(sent.query).toEqual({});
		expect(sent.body).toEqual({
			message: 'Your refund is on its way', useridentifier: 'example@agent.com', department: 'b7k2m4p1', subject: 'Refund', recipient: 'ana@example.com',
			customfields: '[{"code":"order","value":"1234"}]', recipient_name: 'Ana Souza', status: 'C', do_not_send_mail: 'Y', is_html_message: 'N', cc: 'b@example.com',
			apikey: simulator.apiKey,
		});
		const created = simulator.conversations.find((c) => c.conversationid === items[0].json.conversationid)!;
		expect(created).toMatchObject({ departmentid: 'b7k2m4p1', status: 'C', ownername: 'Ana Souza', customfields: [{ code: 'order', value: '1234' }] });
	});

	it('names the missing parameter of Create before sending', async () => {
		const { error } = await runNode(liveAgent({ resource: 'conversation', operation: 'create', message: 'Hi', author: '   ', department: 'a5j9t4d8', subject: 'S', recipient: 'r@x.com' }));
		expect(error?.message).toBe('Author is required');
		expect(simulator.requests).toHaveLength(0);
	});

	it('creates a message and a note, and is not retried on 503', async () => {
		const message = await runNode(
			liveAgent({ resource: 'conversation', operation: 'createMessage', conversationId, message: 'On it', messageType: 'M', writeOptions: { messageAuthor: 'uid1234' } }),
		);
		expect(message.items[0].json).toEqual({ status: 'OK', statuscode: 0 });
		expect(simulator.requests[0].body).toEqual({ message: 'On it', type: 'M', useridentifier: 'uid1234', apikey: simulator.apiKey });
		const last = simulator.conversations[0].groups.at(-1)!.messages[0];
		expect(last).toMatchObject({ userid: 'uid1234', rtype: 'M', message: 'On it' });

		simulator.inject({ kind: 'rateLimit', retryAfterSeconds: 0, path: `/api/conversations/${conversationId}/messages` });
		const limited = await runNode(liveAgent({ resource: 'conversation', operation: 'createMessage', conversationId, message: 'Again', messageType: 'N' }));
		expect(limited.error?.httpCode).toBe('429');
		expect(simulator.count('POST', `/api/conversations/${conversationId}/messages`)).toBe(2);
	});

	it('reads messages as single messages, as groups, and retries reads on 503', async () => {
		simulator.inject({ kind: 'status', status: 503, path: `/api/conversations/${conversationId}/messages`, method: 'GET' });
		const flat = await runNode(liveAgent({ resource: 'conversation', operation: 'getMessages', conversationId, output: 'messages' }));
		expect(flat.error).toBeUndefined();
		expect(simulator.count('GET', `/api/conversations/${conversationId}/messages`)).toBe(2);
		expect(flat.items.map((item) => item.json.messageid)).toEqual(['m001', 'm002', 'm003']);
		expect(flat.items[0].json).toMatchObject({ messagegroupid: 'mg01', grouptype: 'C', rtype: 'M', datecreated: '2012-03-02 11:21:04' });
		const groups = await runNode(
			liveAgent({ resource: 'conversation', operation: 'getMessages', conversationId, output: 'groups', messageOptions: { dateFrom: '2012-03-02T19:21:05Z' } }),
		);
		expect(simulator.requests.at(-1)!.query.datefrom).toBe('2012-03-02 11:21:05');
		expect(groups.items.map((item) => item.json.messagegroupid)).toEqual(['mg02']);
	});

	it('gives the normalized transcript of a conversation', async () => {
		const { items, error } = await runNode(liveAgent({ resource: 'conversation', operation: 'getMessages', conversationId, output: 'transcript' }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{
				vendor: 'liveAgent',
				conversationId,
				channel: 'web',
				startedAt: '2012-03-02T19:21:04.000Z',
				endedAt: null,
				status: 'open',
				visitor: { id: null, name: 'John Owner', email: 'john@owner.com', phone: null },
				agents: [{ id: 'uid1234', name: null, email: null, phone: null }],
				tags: ['vip'],
				messages: [
					{ at: '2012-03-02T19:21:04.000Z', authorRole: 'visitor', authorName: 'John Owner', text: 'this is test ticket' },
					{ at: '2012-03-02T19:21:05.000Z', authorRole: 'agent', authorName: null, text: 'Hello John, how can I help?' },
					{ at: '2012-03-02T19:21:05.000Z', authorRole: 'agent', authorName: null, text: 'Customer seems to be a reseller' },
				],
			},
		]);
	});

	it('tells agents from the visitor by assignee when the owner is not a known customer, and closes resolved ones', async () => {
		const start = Date.parse('2024-07-01T15:00:00Z');
		const conversation = simulator.makeConversation({
			created: start, status: 'R', owneremail: 'stranger@example.com', ownername: 'Stranger', assignedto: 'uid5678',
			groups: [
				{ messagegroupid: 'x1', userid: 'cus999', rtype: 'P', rstatus: 'V', at: start, messages: [
					{ messageid: 'x1a', userid: 'cus999', rtype: 'U', at: start, message: 'Mozilla/5.0' },
					{ messageid: 'x1b', userid: 'cus999', rtype: 'V', at: start, message: 'Voice message' },
					{ messageid: 'x1c', userid: 'uid5678', rtype: 'M', at: start + 60_000, message: 'Calling you back' },
					{ messageid: 'x1d', userid: 'system00', rtype: 'S', at: start + 120_000, message: 'Resolved' },
				] },
			],
		});
		const { items, error } = await runNode(
			liveAgent({ resource: 'conversation', operation: 'getMessages', conversationId: conversation.conversationid, output: 'transcript' }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			channel: 'phone',
			status: 'closed',
			startedAt: '2024-07-01T15:00:00.000Z',
			endedAt: '2024-07-01T15:02:00.000Z',
			visitor: { name: 'Stranger', email: 'stranger@example.com' },
			agents: [{ id: 'uid5678' }],
			tags: [],
			messages: [
				{ at: '2024-07-01T15:00:00.000Z', authorRole: 'visitor', authorName: 'Stranger', text: 'Voice message' },
				{ at: '2024-07-01T15:01:00.000Z', authorRole: 'agent', authorName: null, text: 'Calling you back' },
				{ at: '2024-07-01T15:02:00.000Z', authorRole: 'system', authorName: null, text: 'Resolved' },
			],
		});
	});

	it('changes the status with a note, transfers, and deletes', async () => {
		const status = await runNode(liveAgent({ resource: 'conversation', operation: 'setStatus', conversationId, status: 'R', statusOptions: { agent: 'uid1234', note: 'Solved' } }));
		expect(status.items[0].json).toEqual({ status: 'OK', statuscode: 0 });
		expect(simulator.requests[0]).toMatchObject({ method: 'PUT', body: { status: 'R', useridentifier: 'uid1234', note: 'Solved', apikey: simulator.apiKey } });
		expect(simulator.conversations[0].status).toBe('R');

		await runNode(liveAgent({ resource: 'conversation', operation: 'transfer', conversationId, transferOptions: { department: 'b7k2m4p1', agent: 'mia@agent.com' } }));
		expect(simulator.requests[1]).toMatchObject({ method: 'PUT', path: `/api/conversations/${conversationId}/attendants`, body: { department: 'b7k2m4p1', agentidentifier: 'mia@agent.com' } });
		expect(simulator.conversations[0]).toMatchObject({ departmentid: 'b7k2m4p1', assignedto: 'uid5678' });

		const deleted = await runNode(liveAgent({ resource: 'conversation', operation: 'delete', conversationId, deleteOptions: { by: 'uid1234' } }));
		expect(deleted.items[0].json).toEqual({ status: 'OK', statuscode: 0 });
		expect(simulator.requests[2]).toMatchObject({ method: 'DELETE', query: { useridentifier: 'uid1234', apikey: simulator.apiKey } });
		expect(simulator.conversations.some((c) => c.conversationid === conversationId)).toBe(false);
	});

	it('adds and deletes conversation custom fields', async () => {
		await runNode(liveAgent({ resource: 'conversation', operation: 'addCustomFields', conversationId, customFields: { field: [{ code: 'a', value: '1' }, { code: 'b', value: '2' }] } }));
		expect(simulator.conversations[0].customfields.map((f) => f.code)).toEqual(['varsymbol', 'a', 'b']);
		await runNode(liveAgent({ resource: 'conversation', operation: 'deleteCustomField', conversationId, code: 'a' }));
		expect(simulator.conversations[0].customfields.map((f) => f.code)).toEqual(['varsymbol', 'b']);
		await runNode(liveAgent({ resource: 'conversation', operation: 'deleteCustomField', conversationId, code: '' }));
		expect(simulator.requests.at(-1)!.query).toEqual({ apikey: simulator.apiKey });
		expect(simulator.conversations[0].customfields).toEqual([]);
		const empty = await runNode(liveAgent({ resource: 'conversation', operation: 'addCustomFields', conversationId, customFields: {} }));
		expect(empty.error?.message).toBe('Custom Fields needs at least one field');
	});

	it('tags by name and by ID, lists and removes tags', async () => {
		await runNode(liveAgent({ resource: 'conversation', operation: 'addTag', conversationId, tagBy: 'name', tag: 'billing' }));
		await runNode(liveAgent({ resource: 'conversation', operation: 'addTag', conversationId, tagBy: 'id', tag: 't003' }));
		const tags = await runNode(liveAgent({ resource: 'conversation', operation: 'getTags', conversationId, returnAll: true }));
		expect(tags.items.map((item) => item.json)).toEqual([
			{ id: 't001', name: 'vip' },
			{ id: 't002', name: 'billing' },
			{ id: 't003', name: 'bug' },
		]);
		await runNode(liveAgent({ resource: 'conversation', operation: 'removeTag', conversationId, tagBy: 'name', tag: 'vip' }));
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'DELETE', query: { name: 'vip' } });
		expect(simulator.conversations[0].tags).toEqual(['t002', 't003']);
	});

	it('reports an unknown conversation with LiveAgent’s 500 message', async () => {
		const { error } = await runNode(liveAgent({ resource: 'conversation', operation: 'get', conversationId: 'nope' }));
		expect(error?.message).toBe('LiveAgent: Unable to load conversation nope');
		expect(error?.httpCode).toBe('500');
	});
});

describe('LiveAgent customers and groups', () => {
	it('returns all customers page by page with limitfrom/limitcount of 1000', async () => {
		const { items } = await runNode(liveAgent({ resource: 'customer', operation: 'getAll', returnAll: true }));
		expect(items).toHaveLength(1203);
		expect(new Set(items.map((item) => item.json.contactid)).size).toBe(1203);
		expect(simulator.requests.map((request) => [request.query.limitfrom, request.query.limitcount])).toEqual([
			['0', '1000'],
			['1000', '1000'],
		]);
	});

	it('limits customers and filters them by name and creation date', async () => {
		const limited = await runNode(liveAgent({ resource: 'customer', operation: 'getAll', returnAll: false, limit: 7 }));
		expect(limited.items).toHaveLength(7);
		expect(simulator.requests[0].query).toMatchObject({ limitfrom: '0', limitcount: '7' });
		await runNode(
			liveAgent({ resource: 'customer', operation: 'getAll', returnAll: false, limit: 5, filters: { email: 'example.com', firstName: 'Cus', createdFrom: '2024-03-10T10:00:00Z' } }),
		);
		expect(simulator.requests[1].query).toMatchObject({ email: 'example.com', firstname: 'Cus', datecreatedfrom: '2024-03-10 03:00:00' });
	});

	it('registers a customer with gender, role and custom fields', async () => {
		const { items } = await runNode(
			liveAgent({
				resource: 'customer',
				operation: 'register',
				registerFields: { email: 'new@example.com', name: 'New Person', gender: 'M', role: 'R', password: 'pw-1' },
				customFields: { field: [{ code: 'plan', value: 'gold' }] },
			}),
		);
		expect(items[0].json).toMatchObject({ email: 'new@example.com', firstname: 'New', lastname: 'Person', role: 'R', gender: 'M', browsercookiename: 'V_auth', customfields: [{ code: 'plan', value: 'gold' }] });
		const again = await runNode(liveAgent({ resource: 'customer', operation: 'register', registerFields: { email: 'new@example.com' } }));
		expect(again.error?.message).toBe('LiveAgent: Customer new@example.com already exists');
		expect(simulator.count('POST', '/api/customers')).toBe(2);
	});

	it('gets a customer, manages its groups and custom fields', async () => {
		const customer = simulator.customers[0];
		const got = await runNode(liveAgent({ resource: 'customer', operation: 'get', customerId: customer.email }));
		expect(got.items[0].json).toMatchObject({ contactid: customer.contactid, customfields: [] });
		await runNode(liveAgent({ resource: 'customer', operation: 'addToGroup', customerId: customer.contactid, groupName: 'VIP' }));
		const groups = await runNode(liveAgent({ resource: 'customer', operation: 'getGroups', customerId: customer.contactid, returnAll: true }));
		expect(groups.items.map((item) => item.json)).toEqual([{ groupid: 'ag0h', groupname: 'VIP' }]);
		await runNode(liveAgent({ resource: 'customer', operation: 'removeFromGroup', customerId: customer.contactid, groupName: 'VIP' }));
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'DELETE', query: { name: 'VIP' } });
		expect(customer.groups).toEqual([]);
		await runNode(liveAgent({ resource: 'customer', operation: 'addCustomFields', customerId: customer.contactid, customFields: { field: [{ code: 'x', value: 'y' }] } }));
		expect(customer.customfields).toEqual([{ code: 'x', value: 'y' }]);
		await runNode(liveAgent({ resource: 'customer', operation: 'deleteCustomField', customerId: customer.contactid, code: 'x' }));
		expect(customer.customfields).toEqual([]);
	});

	it('creates, reads, lists, updates and deletes customer groups', async () => {
		const created = await runNode(liveAgent({ resource: 'customerGroup', operation: 'create', name: 'Partners', groupOptions: { color: 'FFFFFF', bgColor: '00AA00' } }));
		const id = String(created.items[0].json.id);
		expect(created.items[0].json).toMatchObject({ status: 'OK', name: 'Partners', bg_color: '00AA00' });
		await runNode(liveAgent({ resource: 'customerGroup', operation: 'update', groupId: id, updateFields: { name: 'Resellers' } }));
		const got = await runNode(liveAgent({ resource: 'customerGroup', operation: 'get', groupId: id }));
		expect(got.items[0].json).toEqual({ id, name: 'Resellers', color: 'FFFFFF', bg_color: '00AA00' });
		const all = await runNode(liveAgent({ resource: 'customerGroup', operation: 'getAll', returnAll: true }));
		expect(all.items.map((item) => item.json.name)).toEqual(['VIP', 'Premium', 'Resellers']);
		await runNode(liveAgent({ resource: 'customerGroup', operation: 'delete', groupId: id }));
		expect(simulator.customerGroups.map((group) => group.name)).toEqual(['VIP', 'Premium']);
	});
});

describe('LiveAgent departments and knowledgebase', () => {
	it('lists the agents of a department with their online status', async () => {
		const { items } = await runNode(liveAgent({ resource: 'department', operation: 'getAgentStatuses', departmentId: 'b7k2m4p1', returnAll: true }));
		expect(items.map((item) => item.json)).toEqual([
			{ userid: 'uid5678', firstname: 'Mia', lastname: 'Novak', email: LA_AGENTS[1].email, onlinestatus: 'F', presetstatus: 'N' },
		]);
	});

	it.each(['entries', 'articles'] as const)('searches the knowledgebase when LiveAgent lists the hits under %s', async (key) => {
		simulator.searchKey = key;
		const { items } = await runNode(liveAgent({ resource: 'knowledgebase', operation: 'search', query: 'invoice', returnAll: true }));
		expect(items.map((item) => item.json)).toEqual([LA_ARTICLES[1]]);
		expect(simulator.requests[0].query).toEqual({ query: 'invoice', apikey: simulator.apiKey });
		const both = await runNode(liveAgent({ resource: 'knowledgebase', operation: 'search', query: 'o', returnAll: true }));
		expect(both.items.map((item) => item.json.id)).toEqual(['kb01', 'kb02']);
	});

	it('requires a search query before any request, and finds nothing without error', async () => {
		const empty = await runNode(liveAgent({ resource: 'knowledgebase', operation: 'search', query: ' ' }));
		expect(empty.error?.message).toBe('Query is required');
		expect(simulator.requests).toHaveLength(0);
		const none = await runNode(liveAgent({ resource: 'knowledgebase', operation: 'search', query: 'zebra', returnAll: true }));
		expect(none.error).toBeUndefined();
		expect(none.items).toEqual([]);
	});
});
