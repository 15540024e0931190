/**
 * The LiveAgent v3 node's tickets (TicketsApi of QualityUnit/LiveAgent-api-python), every operation
 * run through n8n-core against the v3 simulator; its dropdowns; and what it says to a v1 key.
 */
import type { IDataObject } from 'n8n-workflow';

import { loadOptionsContext, runNode } from '../../engine/harness';
import { allNodes } from '../../engine/registry';
import { LA3_V1_API_KEY, LiveAgentV3Simulator } from '../../simulators/liveAgentV3';

const simulator = new LiveAgentV3Simulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const url = await simulator.start();
	credentials = { liveAgentV3Api: { url, apiKey: simulator.apiKey, timeZone: 'UTC' } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const v3 = (parameters: IDataObject, extra: { continueOnFail?: boolean } = {}) => ({ type: 'liveAgentV3', parameters: { resource: 'ticket', ...parameters }, credentials, ...extra });
const json = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

describe('LiveAgent v3: the key and the failures', () => {
	it('sends the key in the apikey header, never in the query, under /api/v3', async () => {
		const { error, items } = await runNode(v3({ operation: 'get', ticketId: 't00001', output: 'raw' }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 't00001', subject: 'Question 1', departmentid: 'b7k2m4p1', status: 'R' });
		expect(simulator.requests[0]).toMatchObject({ method: 'GET', path: '/api/v3/tickets/t00001', query: {} });
		expect(simulator.requests[0].headers.apikey).toBe(simulator.apiKey);
	});

	it('explains the 403 "ApiKey not found" of a v1 key: make a v3 key', async () => {
		const { error } = await runNode({ ...v3({ operation: 'get', ticketId: 't00001' }), credentials: { liveAgentV3Api: { ...credentials.liveAgentV3Api, apiKey: LA3_V1_API_KEY } } });
		expect(error?.message).toBe('LiveAgent: ApiKey not found (the key is not an API v3 key)');
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toMatch(/A key made for API v1 answers this way.*Create a v3 key/);
		expect(JSON.stringify(error)).not.toContain(LA3_V1_API_KEY);
		expect(simulator.requests).toHaveLength(1);
	});

	it('turns an ErrorResponse into a NodeApiError with its message and status', async () => {
		const { error } = await runNode(v3({ operation: 'get', ticketId: 'nope' }));
		expect(error?.message).toBe('LiveAgent: Ticket nope not found');
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toMatch(/does not exist/);
	});
});

describe('LiveAgent v3 tickets: Get Many', () => {
	it('reads every page over _page/_perPage with Return All', async () => {
		for (let i = 0; i < 150; i++) simulator.makeTicket({ at: Date.parse('2024-06-01T00:00:00Z') + i * 1000 });
		const { items, error } = await runNode(v3({ operation: 'getAll', returnAll: true, output: 'raw' }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(162);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(162);
		expect(simulator.requests.map((request) => request.query)).toEqual([
			{ _page: '1', _perPage: '100' },
			{ _page: '2', _perPage: '100' },
		]);
	});

	it('asks for no more than the Limit', async () => {
		const { items } = await runNode(v3({ operation: 'getAll', returnAll: false, limit: 5 }));
		expect(items).toHaveLength(5);
		expect(simulator.requests.map((request) => request.query)).toEqual([{ _page: '1', _perPage: '5' }]);
		// Simplified: the main fields only
		expect(Object.keys(items[0].json).sort()).toEqual(['agentid', 'code', 'date_changed', 'date_created', 'departmentid', 'id', 'owner_email', 'owner_name', 'status', 'subject', 'tags']);
	});

	it('sends the friendly filters and the raw JSON as one _filters list, and the sort', async () => {
		const { items, error } = await runNode(
			v3({
				operation: 'getAll',
				returnAll: true,
				output: 'raw',
				filters: { department: 'a5j9t4d8', status: 'N', changedSince: '2024-05-01T10:00:00Z' },
				filtersJson: '[["subject", "like", "Question 1"]]',
				options: { sortField: 'date_created', sortDirection: 'DESC' },
			}),
		);
		expect(error).toBeUndefined();
		expect(JSON.parse(simulator.requests[0].query._filters)).toEqual([
			['date_changed', '>=', '2024-05-01 10:00:00'],
			['departmentid', '=', 'a5j9t4d8'],
			['status', '=', 'N'],
			['subject', 'like', 'Question 1'],
		]);
		expect(simulator.requests[0].query).toMatchObject({ _sortField: 'date_created', _sortDir: 'DESC' });
		// in Department 1, new, changed at 10:00 or later, and "Question 1…": tickets 11 and 12, newest first
		expect(json(items).map((ticket) => ticket.subject)).toEqual(['Question 12', 'Question 11']);
	});

	it('sends a raw JSON object alone as written, and a tag filter against the list of tags', async () => {
		await runNode(v3({ operation: 'getAll', returnAll: true, filtersJson: '{"status": "R"}' }));
		expect(simulator.requests[0].query._filters).toBe('{"status":"R"}');
		const { items } = await runNode(v3({ operation: 'getAll', returnAll: true, output: 'raw', filters: { tag: 't002' } }));
		expect(json(items).map((ticket) => ticket.id)).toEqual(['t00001', 't00006', 't00011']);
	});

	it('writes a date filter in the account’s time zone', async () => {
		const phoenix = { liveAgentV3Api: { ...credentials.liveAgentV3Api, timeZone: 'America/Phoenix' } };
		await runNode({ ...v3({ operation: 'getAll', returnAll: true, filters: { createdSince: '2024-05-01T10:00:00Z' } }), credentials: phoenix });
		expect(JSON.parse(simulator.requests[0].query._filters)).toEqual([['date_created', '>=', '2024-05-01 03:00:00']]);
	});

	it('stops with an error when LiveAgent answers the same page again', async () => {
		for (let i = 0; i < 150; i++) simulator.makeTicket({});
		simulator.repeatPages = true;
		const { error } = await runNode(v3({ operation: 'getAll', returnAll: true }));
		expect(error?.message).toMatch(/Paging stopped/);
		expect(simulator.requests).toHaveLength(2);
	});
});

describe('LiveAgent v3 tickets: one ticket', () => {
	it('creates a ticket from the required fields and the additional ones, sent once as JSON', async () => {
		const { items, error } = await runNode(
			v3({
				operation: 'create',
				subject: 'My parcel has not arrived',
				message: 'Where is it?',
				author: 'ana@example.com',
				department: 'a5j9t4d8',
				recipient: 'ana@example.com',
				additionalFields: { recipientName: 'Ana Souza', tags: ['t001', 't002'], doNotSendMail: true, status: 'C' },
			}),
		);
		expect(error).toBeUndefined();
		expect(simulator.requests).toHaveLength(1);
		expect(simulator.requests[0].body).toEqual({
			subject: 'My parcel has not arrived', message: 'Where is it?', useridentifier: 'ana@example.com', departmentid: 'a5j9t4d8',
			recipient: 'ana@example.com', recipient_name: 'Ana Souza', status: 'C', tags: ['t001', 't002'], do_not_send_mail: 'Y',
		});
		expect(items[0].json).toMatchObject({ id: 't00013', subject: 'My parcel has not arrived', status: 'C', tags: 't001,t002' });
		expect(simulator.tickets.at(-1)).toMatchObject({ owner_name: 'Ana Souza', tags: ['t001', 't002'] });
	});

	it('sends custom fields as custom_fields {code, value} on create and update', async () => {
		const created = await runNode(
			v3({
				operation: 'create', subject: 'S', message: 'Hi', author: 'ana@example.com', department: 'a5j9t4d8', recipient: 'ana@example.com',
				additionalFields: { customFields: { field: [{ code: 'order', value: '1042' }] } },
			}),
		);
		expect(created.error).toBeUndefined();
		expect(simulator.requests[0].body).toMatchObject({ subject: 'S', custom_fields: [{ code: 'order', value: '1042' }] });
		expect(simulator.tickets.at(-1)!.custom_fields).toEqual([{ code: 'order', value: '1042' }]);
		const updated = await runNode(v3({ operation: 'update', ticketId: 't00001', updateFields: { customFields: { field: [{ code: 'order', value: '7' }, { code: 'priority', value: 'high' }] } } }));
		expect(updated.error).toBeUndefined();
		expect(simulator.requests[1]).toMatchObject({ method: 'PUT', path: '/api/v3/tickets/t00001', body: { custom_fields: [{ code: 'order', value: '7' }, { code: 'priority', value: 'high' }] } });
		expect(simulator.tickets[0].custom_fields).toEqual([{ code: 'order', value: '7' }, { code: 'priority', value: 'high' }]);
		const noCode = await runNode(v3({ operation: 'update', ticketId: 't00001', updateFields: { customFields: { field: [{ code: '', value: 'x' }] } } }));
		expect(noCode.error?.message).toBe('Update Fields → Custom Fields → row 1: Code is empty');
		expect(simulator.requests).toHaveLength(2);
	});

	it('updates the fields given, and at least one is needed', async () => {
		const { items, error } = await runNode(v3({ operation: 'update', ticketId: 't00001', updateFields: { subject: 'Renamed', agent: 'uid1234', tags: ['t003'], status: 'C' } }));
		expect(error).toBeUndefined();
		expect(simulator.requests[0]).toMatchObject({ method: 'PUT', path: '/api/v3/tickets/t00001', body: { subject: 'Renamed', agentid: 'uid1234', tags: ['t003'], status: 'C' } });
		expect(items[0].json).toMatchObject({ id: 't00001', subject: 'Renamed', agentid: 'uid1234', tags: ['t003'], status: 'C' });
		const none = await runNode(v3({ operation: 'update', ticketId: 't00001', updateFields: {} }));
		expect(none.error?.message).toBe('Update Fields needs at least one field to change');
		expect(simulator.requests).toHaveLength(1);
	});

	it('deletes a ticket: OkResponse becomes {success: true}', async () => {
		const { items } = await runNode(v3({ operation: 'delete', ticketId: 't00002' }));
		expect(json(items)).toEqual([{ success: true }]);
		expect(simulator.tickets.some((ticket) => ticket.id === 't00002')).toBe(false);
	});

	it('gets the messages, one item per message or per group, paged', async () => {
		const ticket = simulator.tickets[0];
		simulator.addGroup(ticket, 'uid1234', 'John Williams', 'M', 'We are on it.', Date.parse('2024-05-01T09:00:00Z'));
		const messages = await runNode(v3({ operation: 'getMessages', ticketId: ticket.id, returnAll: true, messageOptions: { includeQuotedMessages: true } }));
		expect(json(messages.items).map((message) => [message.userid, message.message, message.group_type])).toEqual([
			[ticket.owner_contactid, 'Question 1: can you help?', 'M'],
			['uid1234', 'We are on it.', 'M'],
		]);
		expect(simulator.requests[0].query).toEqual({ _page: '1', _perPage: '100', includeQuotedMessages: 'true' });
		const groups = await runNode(v3({ operation: 'getMessages', ticketId: ticket.id, returnAll: true, output: 'groups' }));
		expect(json(groups.items)).toHaveLength(2);
		expect(groups.items[0].json.messages).toHaveLength(1);
	});

	it('gets the ticket as a normalized transcript (v1’s mapping, v3’s names)', async () => {
		const ticket = simulator.tickets[1];
		ticket.agentid = 'uid1234';
		ticket.tags = ['t001'];
		simulator.addGroup(ticket, 'uid1234', 'John Williams', 'M', 'Which order?', Date.parse('2024-05-01T10:00:00Z'));
		const { items, error } = await runNode(v3({ operation: 'get', ticketId: ticket.id, output: 'transcript' }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			vendor: 'liveAgent',
			conversationId: ticket.id,
			status: 'open',
			startedAt: '2024-05-01T09:00:00.000Z',
			visitor: { name: 'Customer 2', email: 'customer2@example.com' },
			agents: [{ id: 'uid1234' }],
			tags: ['vip'],
		});
		expect((items[0].json.messages as IDataObject[]).map((message) => [message.authorRole, message.text])).toEqual([
			['visitor', 'Question 2: can you help?'],
			['agent', 'Which order?'],
		]);
	});

	it('gets the history, the SLA, and sets and gets an attribute (the value as a form field)', async () => {
		await runNode(v3({ operation: 'update', ticketId: 't00001', updateFields: { department: 'a5j9t4d8' } }));
		const history = await runNode(v3({ operation: 'getHistory', ticketId: 't00001' }));
		expect(json(history.items).map((row) => row.department_id)).toEqual(['b7k2m4p1', 'a5j9t4d8']);
		const sla = await runNode(v3({ operation: 'getSla', ticketId: 't00001' }));
		expect(sla.items[0].json).toMatchObject({ conversationid: 't00001', sla_level_name: 'Standard' });
		simulator.requests.length = 0;
		const set = await runNode(v3({ operation: 'setAttribute', ticketId: 't00001', attributeName: 'order id', attributeValue: 'A-17' }));
		expect(json(set.items)).toEqual([{ success: true }]);
		expect(simulator.requests[0]).toMatchObject({ method: 'PUT', path: '/api/v3/tickets/t00001/attributes/order%20id', body: { value: 'A-17' } });
		expect(simulator.requests[0].headers['content-type']).toContain('application/x-www-form-urlencoded');
		const got = await runNode(v3({ operation: 'getAttribute', ticketId: 't00001', attributeName: 'order id' }));
		expect(got.items[0].json).toEqual({ id: 't00001_order id', name: 'order id', value: 'A-17' });
	});

	it('postpones a ticket to the account’s wall clock', async () => {
		const { items, error } = await runNode(v3({ operation: 'postpone', ticketId: 't00003', postponeUntil: '2024-06-01T12:30:00Z' }));
		expect(error).toBeUndefined();
		expect(json(items)).toEqual([{ success: true }]);
		expect(simulator.requests[0].body).toEqual({ date_time: '2024-06-01 12:30:00' });
		expect(simulator.tickets[2]).toMatchObject({ status: 'P', postponedUntil: '2024-06-01 12:30:00' });
	});
});

describe('LiveAgent v3 ticket history of the account (cursor paging)', () => {
	it('follows next_page_cursor until LiveAgent sends none', async () => {
		for (let i = 0; i < 130; i++) simulator.makeTicket({});
		const { items, error } = await runNode(v3({ operation: 'getAllHistory', returnAll: true, filtersJson: '{"department_id": "a5j9t4d8"}' }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(138);
		expect(simulator.requests.map((request) => Boolean(request.query._cursor))).toEqual([false, true]);
		expect(simulator.requests[1].query).toMatchObject({ _perPage: '100', _filters: '{"department_id":"a5j9t4d8"}' });
	});

	it('stops when the cursor points back at a page already read', async () => {
		for (let i = 0; i < 250; i++) simulator.makeTicket({});
		simulator.repeatPages = true;
		const { error } = await runNode(v3({ operation: 'getAllHistory', returnAll: true }));
		expect(error?.message).toMatch(/Paging stopped/);
	});

	it('counts the history rows that match', async () => {
		const { items } = await runNode(v3({ operation: 'countHistory', filtersJson: '[["status", "=", "R"]]' }));
		expect(json(items)).toEqual([{ count: 3 }]);
	});
});

describe('LiveAgent v3 dropdowns', () => {
	const options = async (path: string, method: string) => {
		const context = loadOptionsContext({ type: 'liveAgentV3', parameters: { resource: 'ticket', operation: 'create' }, credentials }, path);
		const node = allNodes().get('liveAgentV3') as unknown as { methods: { loadOptions: Record<string, (this: unknown) => Promise<unknown>> } };
		return await node.methods.loadOptions[method].call(context);
	};

	it('lists departments, agents and tags by name, valued by ID', async () => {
		expect(await options('parameters.department', 'getDepartments')).toEqual([
			{ name: 'Billing', value: 'b7k2m4p1' },
			{ name: 'Department 1', value: 'a5j9t4d8' },
		]);
		expect(await options('parameters.updateFields.agent', 'getAgents')).toEqual([
			{ name: 'John Williams', value: 'uid1234', description: 'example@agent.com' },
			{ name: 'Mia Novak', value: 'uid5678', description: 'mia@agent.com' },
		]);
		expect(await options('parameters.additionalFields.tags', 'getTags')).toEqual([
			{ name: 'billing', value: 't002' },
			{ name: 'bug', value: 't003' },
			{ name: 'vip', value: 't001' },
		]);
		expect(simulator.requests.every((request) => request.headers.apikey === simulator.apiKey)).toBe(true);
	});
});
