import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { FC_CLIENT_TOKEN, FC_READ_TOKEN, FC_RW_TOKEN, FC_USERS, FC_WRITE_TOKEN, FiveChatSimulator } from '../../simulators/fiveChat';

const simulator = new FiveChatSimulator();
let baseUrl: string;
const credentialsWith = (apiToken: string) => ({ fiveChatApi: { apiToken, baseUrl } });

beforeAll(async () => {
	baseUrl = await simulator.start();
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const fiveChat = (parameters: IDataObject, extra: { continueOnFail?: boolean; token?: string } = {}) => ({
	type: 'fiveChat',
	parameters,
	credentials: credentialsWith(extra.token ?? FC_RW_TOKEN),
	continueOnFail: extra.continueOnFail,
});
const conversation = (token: string) => ({ __rl: true, mode: 'id', value: token });
const ticket = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const newest = () => [...simulator.conversations].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];

describe('5chat conversations', () => {
	it('returns all conversations over several pages, asking for no page past the end', async () => {
		const { items, error } = await runNode(fiveChat({ resource: 'conversation', operation: 'getAll', returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(230);
		expect(new Set(items.map((item) => item.json.token)).size).toBe(230);
		expect(simulator.count('GET', '/conversations')).toBe(Math.ceil(230 / 100));
		expect(simulator.requests.map((request) => request.query)).toEqual([
			{ limit: '100', page: '1' },
			{ limit: '100', page: '2' },
			{ limit: '100', page: '3' },
		]);
		expect(items[0].json).not.toHaveProperty('hasNextPage');
		expect(simulator.requests[0].headers.authorization).toBe(`Bearer ${FC_RW_TOKEN}`);
	});

	it('stops at exactly 200 conversations after two pages', async () => {
		const exact = new FiveChatSimulator(200);
		const url = await exact.start();
		try {
			const { items } = await runNode({ ...fiveChat({ resource: 'conversation', operation: 'getAll', returnAll: true }), credentials: { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: url } } });
			expect(items).toHaveLength(200);
			expect(exact.count('GET', '/conversations')).toBe(2);
		} finally {
			await exact.stop();
		}
	});

	it('asks only for as many as the Limit needs', async () => {
		const small = await runNode(fiveChat({ resource: 'conversation', operation: 'getAll', returnAll: false, limit: 7, options: { lang: 'de' } }));
		expect(small.items).toHaveLength(7);
		expect(simulator.requests.map((request) => request.query)).toEqual([{ limit: '7', page: '1', lang: 'de' }]);
		simulator.requests.length = 0;
		const large = await runNode(fiveChat({ resource: 'conversation', operation: 'getAll', returnAll: false, limit: 150 }));
		expect(large.items).toHaveLength(150);
		// Page numbers count in units of the page size, so page 2 keeps limit 100; Limit trims.
		expect(simulator.requests.map((request) => request.query)).toEqual([
			{ limit: '100', page: '1' },
			{ limit: '100', page: '2' },
		]);
		const ids = large.items.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(150);
	});

	it('gets a conversation raw and as a normalized transcript', async () => {
		const target = newest();
		const raw = await runNode(fiveChat({ resource: 'conversation', operation: 'get', conversation: conversation(target.token) }));
		expect(raw.items[0].json).toMatchObject({ conversation: { token: target.token }, summary: expect.any(String) });
		expect(simulator.requests[0].path).toBe(`/conversations/${target.token}`);
		const { items } = await runNode(
			fiveChat({ resource: 'conversation', operation: 'get', conversation: conversation(target.token), output: 'transcript', options: { lang: 'de' } }),
		);
		const visitor = simulator.visitors.find((v) => v.id === target.visitorId)!;
		const agent = FC_USERS.find((user) => user.id === target.assigneeId)!;
		expect(items.map((item) => item.json)).toEqual([
			{
				vendor: 'fiveChat',
				conversationId: target.token,
				channel: 'web',
				startedAt: target.createdAt,
				endedAt: null,
				status: 'open',
				visitor: { id: visitor.token, name: visitor.name, email: visitor.email, phone: visitor.phone },
				agents: [{ id: agent.id, name: agent.name, email: agent.email, phone: null }],
				tags: ['Abrechnung'],
				messages: [
					{ at: target.createdAt, authorRole: 'visitor', authorName: visitor.name, text: 'Hello, I need a copy of my invoice.' },
					{ at: new Date(Date.parse(target.createdAt) + 20_000).toISOString(), authorRole: 'agent', authorName: agent.name, text: 'Sure, which order is it?' },
					{ at: new Date(Date.parse(target.createdAt) + 45_000).toISOString(), authorRole: 'visitor', authorName: visitor.name, text: 'Order 1042.' },
				],
			},
		]);
	});

	it('gets messages as items or as a closed transcript', async () => {
		const closed = simulator.conversations[0];
		const perMessage = await runNode(fiveChat({ resource: 'conversation', operation: 'getMessages', conversation: conversation(closed.token), output: 'messages' }));
		expect(perMessage.items.map((item) => item.json.content)).toEqual(['Hello, I need a copy of my invoice.', 'Sure, which order is it?', 'Order 1042.']);
		expect(simulator.requests[0].path).toBe(`/conversations/${closed.token}/messages`);
		const transcript = await runNode(fiveChat({ resource: 'conversation', operation: 'getMessages', conversation: conversation(closed.token), output: 'transcript' }));
		expect(transcript.items[0].json).toMatchObject({ status: 'closed', endedAt: closed.closedAt, conversationId: closed.token });
	});

	it('rates a conversation with the visitor header, and reports the 409 of a second rating', async () => {
		const target = newest();
		const parameters = { resource: 'conversation', operation: 'rate', conversation: conversation(target.token), visitorId: target.visitorId, rating: 4, feedback: 'Quick help' };
		const { items, error } = await runNode(fiveChat(parameters));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ token: target.token, rating: 4, feedback: 'Quick help' });
		expect(simulator.requests[0].headers['x-visitor-id']).toBe(target.visitorId);
		expect(simulator.requests[0].body).toEqual({ rating: 4, feedback: 'Quick help' });
		const second = await runNode(fiveChat(parameters));
		expect(second.error?.message).toBe('5chat: Conversation has already been rated');
		expect(second.error?.httpCode).toBe('409');
		expect(second.error?.description).toBe('A conversation is rated once only: 5chat keeps the first rating and refuses any other.');
		expect(target.rating).toBe(4);
	});

	it('accepts a second rating where 5chat overwrites (the older index page)', async () => {
		simulator.ratingRule = 'overwrite';
		const target = newest();
		const parameters = { resource: 'conversation', operation: 'rate', conversation: conversation(target.token), visitorId: target.visitorId };
		await runNode(fiveChat({ ...parameters, rating: 2 }));
		const { items, error } = await runNode(fiveChat({ ...parameters, rating: 5 }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ rating: 5 });
	});

	it('says which parameter to check when 5chat answers 400 for the visitor ID', async () => {
		const target = newest();
		const { error } = await runNode(
			fiveChat({ resource: 'conversation', operation: 'rate', conversation: conversation(target.token), visitorId: 'vis_someone_else', rating: 5 }),
		);
		expect(error?.message).toBe('5chat: Invalid x-visitor-id for this conversation');
		expect(error?.httpCode).toBe('400');
		expect(error?.description).toContain('Check the Visitor ID');
		expect(simulator.requests[0].headers['x-visitor-id']).toBe('vis_someone_else');
	});


	it.each([
		[{ rating: 0 }, 'Rating must be a whole number from 1 to 5, not 0'],
		[{ rating: 4.5 }, 'Rating must be a whole number from 1 to 5, not 4.5'],
		[{ visitorId: ' ' }, 'Visitor ID is required'],
		[{ conversation: conversation(' ') }, 'Conversation is required'],
	])('rejects a bad rating request %j before any request', async (change, message) => {
		const target = newest();
		const { error } = await runNode(
			fiveChat({ resource: 'conversation', operation: 'rate', conversation: conversation(target.token), visitorId: target.visitorId, rating: 5, ...change }),
		);
		expect(error?.message).toContain(message);
		expect(simulator.requests).toHaveLength(0);
	});

	it('reports an unknown conversation with the vendor message', async () => {
		const { error } = await runNode(fiveChat({ resource: 'conversation', operation: 'get', conversation: conversation('nope') }));
		expect(error?.message).toBe('5chat: Conversation not found');
		expect(error?.httpCode).toBe('404');
	});

	it('keeps path characters of a token inside its path segment', async () => {
		await runNode(fiveChat({ resource: 'conversation', operation: 'get', conversation: conversation('../tickets?x=1') }));
		expect(simulator.requests[0].path).toBe('/conversations/..%2Ftickets%3Fx%3D1');
	});
});

describe('5chat visitors, widgets, statistics, health', () => {
	it('gets a visitor and updates its context (geolocation removed by 5chat)', async () => {
		const visitor = simulator.visitors[0];
		const got = await runNode(fiveChat({ resource: 'visitor', operation: 'get', visitor: visitor.token }));
		expect(got.items[0].json).toMatchObject({ token: visitor.token, name: visitor.name });
		const updated = await runNode(
			fiveChat({ resource: 'visitor', operation: 'updateContext', visitor: visitor.token, name: 'Ana S.', context: '{"plan": "gold", "geolocation": {"city": "Porto"}}' }),
		);
		expect(updated.items[0].json).toMatchObject({ name: 'Ana S.', context: { plan: 'gold' } });
		expect(simulator.requests[1]).toMatchObject({ method: 'PATCH', path: `/visitors/${visitor.token}/context`, body: { name: 'Ana S.', context: { plan: 'gold', geolocation: { city: 'Porto' } } } });
	});

	it.each([
		[{ context: '{plan: gold}' }, 'Context is not valid JSON'],
		[{ context: '[1, 2]' }, 'Context must be a JSON object'],
		[{ context: '', name: '' }, 'Set Name or Context: there is nothing to update'],
	])('rejects a bad context update %j before any request', async (change, message) => {
		const { error } = await runNode(fiveChat({ resource: 'visitor', operation: 'updateContext', visitor: 'vtok_1', ...change }));
		expect(error?.message).toContain(message);
		expect(simulator.requests).toHaveLength(0);
	});

	it('gets and updates the widget with every documented field, and no positions', async () => {
		const got = await runNode(fiveChat({ resource: 'widget', operation: 'get', widget: FC_CLIENT_TOKEN }));
		expect(got.items[0].json).toMatchObject({ clientToken: FC_CLIENT_TOKEN, color: '#6c3ce0' });
		const updateFields = {
			color: '#112233',
			buttonClass: 'launcher big',
			chatClass: 'chat-window',
			chatTitleClass: 'chat-title',
			chatInputClass: 'chat-input',
			buttonXPos: 24,
			buttonYPos: 40,
			buttonBgColor: '#000000',
			buttonTextColor: '#fff',
			bubbleColor: '#eeeeee',
			bubbleTextColor: '#222222',
			websiteClientToken: FC_CLIENT_TOKEN,
			chatFormFields: '[{"name": "name", "required": false}]',
			welcomeMessages: 'Hello there',
			ratingEnabled: false,
			removeBranding: true,
			chatEnabled: false,
		};
		const { items, error } = await runNode(fiveChat({ resource: 'widget', operation: 'update', widget: FC_CLIENT_TOKEN, updateFields }));
		expect(error).toBeUndefined();
		expect(simulator.requests[1]).toMatchObject({ method: 'PATCH', path: `/widgets/${FC_CLIENT_TOKEN}` });
		expect(simulator.requests[1].body).toEqual(updateFields);
		expect(items[0].json).toMatchObject(updateFields);
		expect(items[0].json).not.toHaveProperty('positions');
	});

	it('sends form fields and welcome messages from an expression as the text 5chat types them as', async () => {
		const { error } = await runNode(
			fiveChat({
				resource: 'widget',
				operation: 'update',
				widget: FC_CLIENT_TOKEN,
				updateFields: { chatFormFields: '={{ [{ name: "email", required: true }] }}', welcomeMessages: '={{ ["Hi", "Welcome back"] }}' },
			}),
		);
		expect(error).toBeUndefined();
		expect(simulator.requests[0].body).toEqual({ chatFormFields: '[{"name":"email","required":true}]', welcomeMessages: '["Hi","Welcome back"]' });
	});

	it.each([
		[{ color: 'blue' }, 'Update Fields → Color is not a hex color'],
		[{ bubbleTextColor: 'red' }, 'Update Fields → Bubble Text Color is not a hex color'],
		[{ buttonXPos: '={{ "left" }}' }, 'Update Fields → Button X Position must be a number'],
		[{}, 'Add at least one of the Update Fields'],
	])('rejects a bad widget update %j before any request', async (updateFields, message) => {
		const { error } = await runNode(fiveChat({ resource: 'widget', operation: 'update', widget: FC_CLIENT_TOKEN, updateFields }));
		expect(error?.message).toContain(message);
		expect(simulator.requests).toHaveLength(0);
	});

	it('gets current statistics and checks health', async () => {
		const stats = await runNode(fiveChat({ resource: 'statistics', operation: 'getCurrent' }));
		expect(stats.items[0].json).toEqual({ totalConversations: 230, activeConversations: 3, totalMessages: 690, totalVisitors: 230, onlineVisitors: 2, averageResponseTime: 20 });
		const health = await runNode(fiveChat({ resource: 'health', operation: 'check' }));
		expect(health.items[0].json).toMatchObject({ status: 'ok', timestamp: expect.any(String) });
	});
});

describe('5chat tickets', () => {
	it('lives a ticket’s life: create, get, update, status, message, delete', async () => {
		const visitor = simulator.visitors[0];
		const created = await runNode(
			fiveChat({ resource: 'ticket', operation: 'create', title: 'Refund', additionalFields: { description: 'Wants a refund', email: 'ana@example.com', priority: 'HIGH', visitor: visitor.token, conversation: 'ctok_1' } }),
		);
		expect(created.error).toBeUndefined();
		expect(simulator.requests[0].body).toEqual({ title: 'Refund', description: 'Wants a refund', email: 'ana@example.com', priority: 'HIGH', visitorToken: visitor.token, conversationToken: 'ctok_1' });
		const id = created.items[0].json.id as number;
		expect(created.items[0].json).toMatchObject({ title: 'Refund', status: 'NEW', visitorId: visitor.id });

		const got = await runNode(fiveChat({ resource: 'ticket', operation: 'get', ticketId: ticket(id) }));
		expect(got.items[0].json).toMatchObject({ id, title: 'Refund' });
		const updated = await runNode(fiveChat({ resource: 'ticket', operation: 'update', ticketId: ticket(id), updateFields: { priority: 'LOW', assigneeId: 'usr_2' } }));
		expect(updated.items[0].json).toMatchObject({ priority: 'LOW', assigneeId: 'usr_2' });
		const status = await runNode(fiveChat({ resource: 'ticket', operation: 'updateStatus', ticketId: ticket(id), status: 'RESOLVED' }));
		expect(status.items[0].json.status).toBe('RESOLVED');
		const message = await runNode(fiveChat({ resource: 'ticket', operation: 'addMessage', ticketId: ticket(id), content: 'Refund sent', messageFields: { messageType: 'NOTE' } }));
		expect(message.items[0].json).toMatchObject({ ticketId: id, content: 'Refund sent', messageType: 'NOTE' });
		const deleted = await runNode(fiveChat({ resource: 'ticket', operation: 'delete', ticketId: ticket(id) }));
		expect(deleted.items[0].json).toEqual({ id: String(id), deleted: true });
		expect(simulator.tickets.some((t) => t.id === id)).toBe(false);
		expect(simulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /tickets',
			`GET /tickets/${id}`,
			`PATCH /tickets/${id}`,
			`PATCH /tickets/${id}/status`,
			`POST /tickets/${id}/messages`,
			`DELETE /tickets/${id}`,
		]);
	});

	it('sends every filter and returns all tickets over pages', async () => {
		for (let i = 0; i < 245; i++) simulator.addTicket({ title: `Bulk ${i}`, createdAt: new Date(Date.now() - i * 1000).toISOString() });
		const all = await runNode(fiveChat({ resource: 'ticket', operation: 'getAll', returnAll: true }));
		expect(all.items).toHaveLength(251);
		expect(simulator.count('GET', '/tickets')).toBe(3);
		expect(simulator.requests.at(-1)?.query.page).toBe('3');
		simulator.requests.length = 0;
		const filtered = await runNode(
			fiveChat({ resource: 'ticket', operation: 'getAll', returnAll: true, filters: { status: 'NEW', priority: 'HIGH', assigneeId: 'usr_1', visitorId: 'vis_1', search: 'order' } }),
		);
		expect(filtered.items).toEqual([]);
		expect(simulator.requests[0].query).toEqual({ status: 'NEW', priority: 'HIGH', assigneeId: 'usr_1', visitorId: 'vis_1', search: 'order', page: '1', limit: '100' });
		const some = await runNode(fiveChat({ resource: 'ticket', operation: 'getAll', returnAll: false, limit: 3, filters: { search: 'order problem' } }));
		expect(some.items.map((item) => item.json.title)).toEqual(['Order problem 1', 'Order problem 2', 'Order problem 3']);
	});

	it('adds a ticket message with every documented e-mail field and hands them all on', async () => {
		const messageFields = {
			messageType: 'EMAIL',
			emailMessageId: '<m-2@mail.example.com>',
			senderEmail: 'ana@example.com',
			isFromEmail: true,
			authorId: 'usr_1',
			inReplyTo: '<m-1@mail.example.com>',
			references: '<m-0@mail.example.com> <m-1@mail.example.com>',
			subject: 'Re: Order problem 1',
		};
		const added = await runNode(fiveChat({ resource: 'ticket', operation: 'addMessage', ticketId: ticket(1), content: 'Any news?', messageFields }));
		expect(added.error).toBeUndefined();
		expect(simulator.requests[0].body).toEqual({ ...messageFields, content: 'Any news?' });
		expect(added.items[0].json).toMatchObject({ ...messageFields, content: 'Any news?', ticketId: 1 });
		const got = await runNode(fiveChat({ resource: 'ticket', operation: 'get', ticketId: ticket(1) }));
		expect((got.items[0].json.messages as IDataObject[]).at(-1)).toMatchObject(messageFields);
	});

	it('refuses a sender e-mail that is not one before any request', async () => {
		const { error } = await runNode(fiveChat({ resource: 'ticket', operation: 'addMessage', ticketId: ticket(1), content: 'x', messageFields: { senderEmail: 'nobody' } }));
		expect(error?.message).toContain('Message Fields → Sender Email is not a valid email address');
		expect(simulator.requests).toHaveLength(0);
	});

	it('applies the exact ticket filters to the answer when 5chat ignores them', async () => {
		for (let i = 0; i < 150; i++) simulator.addTicket({ title: `Bulk ${i}`, createdAt: new Date(Date.now() - i * 1000).toISOString(), priority: i % 2 ? 'LOW' : 'MEDIUM' });
		const filters = { status: 'NEW', priority: 'HIGH' };
		const honoured = await runNode(fiveChat({ resource: 'ticket', operation: 'getAll', returnAll: true, filters }));
		simulator.ignoredFilters = ['status', 'priority', 'assigneeId', 'visitorId'];
		simulator.requests.length = 0;
		const ignored = await runNode(fiveChat({ resource: 'ticket', operation: 'getAll', returnAll: true, filters }));
		expect(simulator.requests).toHaveLength(2);
		expect(ignored.items.map((item) => item.json.id)).toEqual(honoured.items.map((item) => item.json.id));
		expect(honoured.items.length).toBeGreaterThan(0);
		expect(ignored.items.every((item) => item.json.status === 'NEW' && item.json.priority === 'HIGH')).toBe(true);
	});

	it('says that tickets need the PRO plan', async () => {

		simulator.plan = 'FREE';
		const { error } = await runNode(fiveChat({ resource: 'ticket', operation: 'getAll', returnAll: true }));
		expect(error?.message).toBe('5chat: Tickets are available on the PRO plan only. Upgrade your website to use tickets.');
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toContain('PRO plan');
	});

	it.each([
		['create', { title: ' ' }, 'Title is required'],
		['create', { title: 'x', additionalFields: { email: 'not-an-email' } }, 'Additional Fields → Email is not a valid email address'],
		['update', { ticketId: ticket(1), updateFields: {} }, 'Add at least one of the Update Fields'],
		['update', { ticketId: ticket(1), updateFields: { title: '  ' } }, 'Update Fields → Title cannot be empty'],
		['updateStatus', { ticketId: ticket(1), status: '={{ "" }}' }, 'Status is required'],
		['addMessage', { ticketId: ticket(1), content: ' ' }, 'Content is required'],
		['get', { ticketId: ticket(' ') }, 'Ticket is required'],
		['getAll', { returnAll: false, limit: 0 }, 'Limit must be a whole number of at least 1'],
	])('rejects bad input to %s %j before any request', async (operation, parameters, message) => {
		const { error } = await runNode(fiveChat({ resource: 'ticket', operation, ...parameters }));
		expect(error?.message).toContain(message);
		expect(simulator.requests).toHaveLength(0);
	});

	it('accepts a status that is not in the dropdown, as an expression', async () => {
		const { error } = await runNode(fiveChat({ resource: 'ticket', operation: 'updateStatus', ticketId: ticket(1), status: '={{ "ON_" + "HOLD" }}' }));
		expect(simulator.requests[0].body).toEqual({ status: 'ON_HOLD' });
		expect(error?.message).toBe('5chat: status must be one of the following values: NEW, OPEN, PENDING, RESOLVED, CLOSED');
		expect(error?.httpCode).toBe('400');
	});
});

describe('5chat visitor opens a ticket', () => {
	it('opens a ticket for the visitor named by x-visitor-id', async () => {
		const visitor = simulator.visitors[3];
		const { items, error } = await runNode(
			fiveChat({ resource: 'visitor', operation: 'openTicket', visitorId: visitor.id, title: 'Cannot log in', ticketFields: { description: 'Since today', priority: 'HIGH', conversation: 'ctok_1' } }),
		);
		expect(error).toBeUndefined();
		expect(simulator.requests).toHaveLength(1);
		expect(simulator.requests[0]).toMatchObject({ method: 'POST', path: '/internal/visitors/tickets', body: { title: 'Cannot log in', description: 'Since today', priority: 'HIGH', conversationToken: 'ctok_1' } });
		expect(simulator.requests[0].headers['x-visitor-id']).toBe(visitor.id);
		expect(items[0].json).toMatchObject({ title: 'Cannot log in', visitorId: visitor.id, status: 'NEW' });
	});

	it.each([
		[{ visitorId: ' ' }, 'Visitor ID is required'],
		[{ title: '={{ "" }}' }, 'Title is required'],
		[{ ticketFields: { email: 'no-at-sign' } }, 'Ticket Fields → Email is not a valid email address'],
	])('refuses %j before any request', async (change, message) => {
		const { error } = await runNode(fiveChat({ resource: 'visitor', operation: 'openTicket', visitorId: 'vis_0001', title: 'Help', ...change }));
		expect(error?.message).toContain(message);
		expect(simulator.requests).toHaveLength(0);
	});

	it('reports an unknown visitor ID with 5chat’s 400 and a hint', async () => {
		const { error } = await runNode(fiveChat({ resource: 'visitor', operation: 'openTicket', visitorId: 'vis_unknown', title: 'Help' }));
		expect(error?.message).toBe('5chat: Invalid x-visitor-id');
		expect(error?.httpCode).toBe('400');
		expect(error?.description).toContain('Check the Visitor ID');
	});
});

describe('5chat errors and retries', () => {
	it.each([
		[{ statusCode: 403, message: 'Token revoked' }, '5chat: Token revoked', '403'],
		[{ success: false, message: 'Website suspended' }, '5chat: Website suspended', '500'],
		[{ error: 'Quota exceeded' }, '5chat: Quota exceeded', '500'],
		[{ errors: ['limit must not be greater than 100'] }, '5chat: limit must not be greater than 100', '500'],
	])('treats an error anywhere in the envelope of an HTTP 200 as an error: %j', async (body, message, httpCode) => {
		simulator.inject({ kind: 'status', status: 200, body, path: '/statistics' });
		const { error, items } = await runNode(fiveChat({ resource: 'statistics', operation: 'getCurrent' }));
		expect(items).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(message);
		expect(error?.httpCode).toBe(httpCode);
	});

	it('reports a wrong token without showing it', async () => {
		const { error } = await runNode(fiveChat({ resource: 'statistics', operation: 'getCurrent' }, { token: 'wrong-token-123' }));
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('5chat: Invalid API token');
		expect(error?.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain('wrong-token-123');
	});

	it('says clearly when a READ token tries to write', async () => {
		const read = await runNode(fiveChat({ resource: 'statistics', operation: 'getCurrent' }, { token: FC_READ_TOKEN }));
		expect(read.error).toBeUndefined();
		const { error } = await runNode(fiveChat({ resource: 'ticket', operation: 'create', title: 'x' }, { token: FC_READ_TOKEN }));
		expect(error?.message).toBe('5chat: This API token has READ permission only; WRITE permission is required for this request');
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toContain('WRITE or READ_WRITE');
		expect(JSON.stringify(error)).not.toContain(FC_READ_TOKEN);
		expect(simulator.tickets).toHaveLength(6);
	});

	it('says when a WRITE-only token tries to read', async () => {
		const { error } = await runNode(fiveChat({ resource: 'statistics', operation: 'getCurrent' }, { token: FC_WRITE_TOKEN }));
		expect(error?.message).toContain('WRITE permission only');
		expect(error?.httpCode).toBe('403');
	});

	it('retries a read after 429 honouring Retry-After', async () => {
		simulator.inject({ kind: 'rateLimit', path: '/conversations', retryAfterSeconds: 0, times: 2 });
		const { items, error } = await runNode(fiveChat({ resource: 'conversation', operation: 'getAll', returnAll: false, limit: 5 }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(simulator.count('GET', '/conversations')).toBe(3);
	});

	it('retries a later page of Return All after 503 without repeating items', async () => {
		simulator.inject({ kind: 'status', status: 503, pathPattern: '^/conversations$', times: 1 });
		const { items } = await runNode(fiveChat({ resource: 'conversation', operation: 'getAll', returnAll: true }));
		expect(items).toHaveLength(230);
		expect(simulator.count('GET', '/conversations')).toBe(4);
	});

	it.each([
		['create', { title: 'Refund' }, 'POST', '/tickets'],
		['addMessage', { ticketId: ticket(1), content: 'Hi' }, 'POST', '/tickets/1/messages'],
	])('never retries a ticket %s after 500 or 503', async (operation, parameters, method, path) => {
		for (const status of [500, 503]) {
			simulator.reset();
			simulator.inject({ kind: 'status', status, method, pathPattern: `^${path}$`, times: 5 });
			const { error } = await runNode(fiveChat({ resource: 'ticket', operation, ...parameters }));
			expect(error?.httpCode).toBe(String(status));
			expect(simulator.count(method, path)).toBe(1);
		}
	});

	it('never retries a rating after 503', async () => {
		const target = newest();
		simulator.inject({ kind: 'status', status: 503, method: 'POST', times: 5 });
		const { error } = await runNode(fiveChat({ resource: 'conversation', operation: 'rate', conversation: conversation(target.token), visitorId: target.visitorId, rating: 5 }));
		expect(error?.httpCode).toBe('503');
		expect(simulator.count('POST')).toBe(1);
	});

	it('treats a 200 whose envelope says failure as an error, and a non-JSON body too', async () => {
		simulator.inject({ kind: 'envelopeError', path: '/statistics', message: 'Website suspended' });
		const { error } = await runNode(fiveChat({ resource: 'statistics', operation: 'getCurrent' }));
		expect(error?.message).toBe('5chat: Website suspended');
		simulator.inject({ kind: 'html', path: '/statistics', status: 502 });
		const html = await runNode(fiveChat({ resource: 'statistics', operation: 'getCurrent' }));
		expect(html.error?.message).toContain('5chat answered 502');
	});

	it('turns failed items into error items with continueOnFail', async () => {
		const { items } = await runNode(
			fiveChat({ resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, { continueOnFail: true }),
			[{ id: '1' }, { id: '999' }, { id: '' }],
		);
		expect(items).toHaveLength(3);
		expect(items[0].json.id).toBe(1);
		// the vendor's failure: its message (and what to change) in the json, linked to its input item
		expect(items[1].json.error).toBe('5chat: Ticket 999 not found');
		expect(items[1].pairedItem).toEqual({ item: 1 });
		// a refusal before the request: n8n's own error item, whose json n8n fills with the message
		expect(items[2].json.error).toBe('Ticket is required');
		expect(simulator.requests).toHaveLength(2);
	});
});
