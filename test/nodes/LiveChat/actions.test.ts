import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { LC_CUSTOMER_ID, LiveChatSimulator } from '../../simulators/liveChat';

const simulator = new LiveChatSimulator();
let credentials: Record<string, Record<string, string>>;
let baseUrl: string;

beforeAll(async () => {
	baseUrl = await simulator.start();
	credentials = {
		liveChatPersonalAccessTokenApi: { accountId: simulator.accountId, accessToken: simulator.token, baseUrl },
	};
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const liveChat = (parameters: IDataObject, extra: { continueOnFail?: boolean; credentials?: Record<string, Record<string, string>> } = {}) => ({
	type: 'liveChat',
	parameters,
	credentials: extra.credentials ?? credentials,
	continueOnFail: extra.continueOnFail,
});

const bodies = (action: string) =>
	simulator.requests.filter((request) => request.path.endsWith(`/${action}`)).map((request) => request.body as IDataObject);

describe('LiveChat chats', () => {
	it('authenticates with Basic account ID and token', async () => {
		await runNode(liveChat({ resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID }));
		expect(simulator.requests[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`${simulator.accountId}:${simulator.token}`).toString('base64')}`,
		);
	});

	it('lists all archives in one request of 100 when they fit', async () => {
		const { items, error } = await runNode(
			liveChat({ resource: 'chat', operation: 'listArchives', returnAll: true, archiveOptions: { sortOrder: 'asc' } }),
		);
		expect(error).toBeUndefined();
		const threads = [...simulator.chats.values()].reduce((sum, chat) => sum + chat.threads.length, 0);
		expect(items).toHaveLength(threads);
		expect(new Set(items.map((item) => (item.json.thread as IDataObject).id + String(item.json.id))).size).toBe(threads);
		const sent = bodies('list_archives');
		expect(sent[0]).toEqual({ sort_order: 'asc', limit: 100 });
		expect(sent).toHaveLength(1);
	});

	it('pages List Chats with a Limit and trims to it', async () => {
		const { items } = await runNode(liveChat({ resource: 'chat', operation: 'listChats', returnAll: false, limit: 25 }));
		expect(items).toHaveLength(25);
		const sent = bodies('list_chats');
		expect(sent).toEqual([{ limit: 25 }]);
	});

	it('lists a chat’s threads newest first, with Limit and Return All', async () => {
		const { items } = await runNode(liveChat({ resource: 'thread', operation: 'list', chatId: 'PJ0MRSHTDG', returnAll: true }));
		expect(items).toHaveLength(1);
		// Resume and close the same chat four times: five threads.
		const chat = simulator.chats.get('PWJ8Y4THAV')!;
		for (let i = 0; i < 4; i++) {
			await runNode(liveChat({ resource: 'chat', operation: 'resume', chatId: 'PWJ8Y4THAV' }));
			await runNode(liveChat({ resource: 'chat', operation: 'deactivate', chatId: 'PWJ8Y4THAV' }));
		}
		expect(chat.threads).toHaveLength(5);
		simulator.requests.length = 0;
		const paged = await runNode(liveChat({ resource: 'thread', operation: 'list', chatId: 'PWJ8Y4THAV', returnAll: false, limit: 2 }));
		expect(paged.items).toHaveLength(2);
		const archives = await runNode(liveChat({ resource: 'chat', operation: 'listArchives', returnAll: false, limit: 30 }));
		expect(archives.items).toHaveLength(30);
		const all = await runNode(liveChat({ resource: 'thread', operation: 'list', chatId: 'PWJ8Y4THAV', returnAll: true }));
		expect(all.items.map((item) => item.json.id)).toEqual([...chat.threads].reverse().map((thread) => thread.id));
	});

	it('follows page_id over several pages of 100, and trims Limit on the last one', async () => {
		for (let i = 0; i < 230; i++) {
			const chat = simulator.makeChat(`MANY${String(i).padStart(6, '0')}`, `MT${String(i).padStart(8, '0')}`, false, LC_CUSTOMER_ID);
			simulator.chats.set(chat.id, chat);
		}
		const total = [...simulator.chats.values()].reduce((sum, chat) => sum + chat.threads.length, 0);
		const all = await runNode(liveChat({ resource: 'chat', operation: 'listArchives', returnAll: true, archiveOptions: { sortOrder: 'asc' } }));
		expect(all.items).toHaveLength(total);
		expect(new Set(all.items.map((item) => `${String(item.json.id)}/${String((item.json.thread as IDataObject).id)}`)).size).toBe(total);
		const sent = bodies('list_archives');
		expect(sent).toHaveLength(3);
		expect(sent[0]).toEqual({ sort_order: 'asc', limit: 100 });
		expect(sent[1]).toEqual({ page_id: expect.any(String) });
		expect(sent[2]).toEqual({ page_id: expect.any(String) });

		simulator.requests.length = 0;
		const limited = await runNode(liveChat({ resource: 'chat', operation: 'listChats', returnAll: false, limit: 150 }));
		expect(limited.items).toHaveLength(150);
		expect(bodies('list_chats')).toEqual([{ limit: 100 }, { page_id: expect.any(String) }]);

		// list_threads keeps chat_id beside page_id.
		const chat = simulator.chats.get('PJ0MRSHTDG')!;
		for (let i = 0; i < 120; i++) chat.threads.unshift({ ...chat.threads[0], id: `OLD${String(i).padStart(7, '0')}`, active: false, events: [] });
		simulator.requests.length = 0;
		const threads = await runNode(liveChat({ resource: 'thread', operation: 'list', chatId: 'PJ0MRSHTDG', returnAll: true }));
		expect(threads.items).toHaveLength(121);
		expect(bodies('list_threads')).toEqual([
			{ chat_id: 'PJ0MRSHTDG', limit: 100 },
			{ chat_id: 'PJ0MRSHTDG', page_id: expect.any(String) },
		]);
	});

	it('asks for just Limit when Limit is under a page', async () => {
		const { items } = await runNode(liveChat({ resource: 'chat', operation: 'listArchives', returnAll: false, limit: 25 }));
		expect(items).toHaveLength(25);
		expect(bodies('list_archives')).toEqual([{ limit: 25 }]);
	});

	it('maps a chat to the normalized transcript', async () => {
		const { items } = await runNode(liveChat({ resource: 'chat', operation: 'get', chatId: 'PWJ8Y4THAV', output: 'transcript' }));
		expect(items[0].json).toEqual({
			vendor: 'liveChat',
			conversationId: 'PWJ8Y4THAV',
			channel: 'web',
			startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
			endedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
			status: 'closed',
			visitor: { id: LC_CUSTOMER_ID, name: 'Thomas Anderson', email: 't.anderson@example.com', phone: null },
			agents: [{ id: 'smith@example.com', name: 'Agent Smith', email: 'smith@example.com', phone: null }],
			tags: ['support'],
			messages: [
				{ at: expect.any(String), authorRole: 'visitor', authorName: 'Thomas Anderson', text: 'Hello, I need help with my order' },
				{ at: expect.any(String), authorRole: 'agent', authorName: 'Agent Smith', text: 'Hi! Happy to help.' },
			],
		});
	});

	it('sends the whole List Archives filter set from the collection', async () => {
		await runNode(
			liveChat({
				resource: 'chat',
				operation: 'listArchives',
				returnAll: false,
				limit: 5,
				archiveFilters: {
					query: 'order',
					from: '2024-01-01T00:00:00Z',
					to: '2024-02-01T00:00:00.123456+01:00',
					groupIds: [0, 1],
					agents: { filter: { match: 'values', values: 'smith@example.com', requireEveryValue: true } },
					tags: { filter: { match: 'exclude_values', values: 'spam, sales' } },
					sales: { filter: { match: 'exists' } },
					goals: { filter: { match: 'values', values: '12, true' } },
					customerCountries: { filter: { match: 'values', values: 'PL,DE' } },
					eventTypes: { filter: { match: 'values', types: ['message'] } },
					forms: '[{"type":"post_chat","exists":true}]',
					chatIds: 'PJ0MRSHTDG, PWJ8Y4THAV',
					customerId: LC_CUSTOMER_ID,
					customerEmail: 't.anderson@example.com',
					agentTypes: { filter: { allValues: ['human'], anyValues: ['chatbot'], excludeValues: ['ai_agent'] } },
					greetings: '{"exists":true}',
					agentResponse: '{"first":true,"agents":{"values":["smith@example.com"]}}',
					properties: { routing: { campaign: { values: ['x'] } } },
				},
				archiveOptions: { highlights: true, preTag: '<b>', postTag: '</b>', sortOrder: 'desc' },
			}),
		);
		expect(bodies('list_archives')[0]).toEqual({
			filters: {
				query: 'order',
				from: '2024-01-01T00:00:00Z',
				to: '2024-02-01T00:00:00.123456+01:00',
				group_ids: [0, 1],
				agents: { values: ['smith@example.com'], require_every_value: true },
				tags: { exclude_values: ['spam', 'sales'] },
				sales: { exists: true },
				goals: { values: [12, true] },
				customer_countries: { values: ['PL', 'DE'] },
				event_types: { values: ['message'] },
				forms: [{ type: 'post_chat', exists: true }],
				chat_ids: ['PJ0MRSHTDG', 'PWJ8Y4THAV'],
				customer_id: LC_CUSTOMER_ID,
				customer_email: 't.anderson@example.com',
				agent_types: { all_values: ['human'], any_values: ['chatbot'], exclude_values: ['ai_agent'] },
				greetings: { exists: true },
				agent_response: { first: true, agents: { values: ['smith@example.com'] } },
				properties: { routing: { campaign: { values: ['x'] } } },
			},
			sort_order: 'desc',
			highlights: { pre_tag: '<b>', post_tag: '</b>' },
			limit: 5,
		});
	});

	it('runs a chat’s life: start with a message, send, tag, transfer, deactivate', async () => {
		const started = await runNode(
			liveChat({ resource: 'chat', operation: 'start', chatOptions: { customerId: LC_CUSTOMER_ID, message: 'Welcome!', groupIds: [0] } }),
		);
		const { chat_id: chatId, thread_id: threadId } = started.items[0].json as { chat_id: string; thread_id: string };
		expect(bodies('start_chat')[0]).toEqual({
			chat: {
				access: { group_ids: [0] },
				users: [{ id: LC_CUSTOMER_ID, type: 'customer' }],
				thread: { events: [{ type: 'message', text: 'Welcome!', visibility: 'all' }] },
			},
		});
		const sent = await runNode(liveChat({ resource: 'event', operation: 'send', chatId, eventType: 'system_message', text: 'Note', systemMessageType: 'custom.note', visibility: 'agents' }));
		expect(sent.items[0].json.event_id).toEqual(expect.any(String));
		await runNode(liveChat({ resource: 'event', operation: 'send', chatId, eventType: 'json', eventJson: '{"type":"custom","content":{"a":1}}' }));
		await runNode(liveChat({ resource: 'event', operation: 'send', chatId, eventType: 'rich_message', richMessage: { template_id: 'cards', elements: [{ title: 'Pick' }] } }));
		await runNode(liveChat({ resource: 'threadTag', operation: 'tag', chatId, threadId, tag: 'sales' }));
		await runNode(liveChat({ resource: 'chat', operation: 'transfer', chatId, targetType: 'agent', targetAgentIds: ['agent@example.com'], transferOptions: { ignoreRequesterPresence: true } }));
		const done = await runNode(liveChat({ resource: 'chat', operation: 'deactivate', chatId, ignoreRequesterPresence: true }));
		expect(done.items[0].json).toEqual({ success: true });
		const chat = simulator.chats.get(chatId)!;
		expect(chat.threads[0].active).toBe(false);
		expect(chat.threads[0].tags).toEqual(['sales']);
		expect(chat.threads[0].events.map((event) => event.type)).toEqual(['message', 'system_message', 'custom', 'rich_message']);
		expect(bodies('send_event')[0]).toEqual({
			chat_id: chatId,
			event: { type: 'system_message', text: 'Note', system_message_type: 'custom.note', visibility: 'agents' },
		});
		expect(bodies('transfer_chat')[0]).toEqual({ id: chatId, target: { type: 'agent', ids: ['agent@example.com'] }, ignore_requester_presence: true });
	});

	it.each([
		[
			'list_chats',
			{ resource: 'chat', operation: 'listChats', returnAll: false, limit: 5, filters: { active: 'inactive', groupIds: [0, '1'], includeChatsWithoutThreads: false, properties: '{"routing":{"campaign":{"exists":true}}}', sortOrder: 'asc' } },
			{ filters: { active: false, include_chats_without_threads: false, group_ids: [0, 1], properties: { routing: { campaign: { exists: true } } } }, sort_order: 'asc', limit: 5 },
		],
		[
			'list_threads',
			{ resource: 'thread', operation: 'list', chatId: 'PJ0MRSHTDG', returnAll: false, limit: 5, threadFilters: { from: '2020-01-01T00:00:00.000000Z', to: '2030-01-01T00:00:00Z', sortOrder: 'asc' } },
			{ chat_id: 'PJ0MRSHTDG', filters: { from: '2020-01-01T00:00:00.000000Z', to: '2030-01-01T00:00:00Z' }, sort_order: 'asc', limit: 5 },
		],
		[
			'resume_chat',
			{ resource: 'chat', operation: 'resume', chatId: 'PWJ8Y4THAV', chatOptions: { agentIds: ['agent@example.com'], properties: '{"ns":{"a":"b"}}', threadProperties: '{}', active: false, continuous: true } },
			{ chat: { id: 'PWJ8Y4THAV', properties: { ns: { a: 'b' } }, users: [{ id: 'agent@example.com', type: 'agent' }] }, active: false, continuous: true },
		],
		['set_routing_status', { resource: 'agent', operation: 'setRoutingStatus', status: 'not_accepting_chats' }, { status: 'not_accepting_chats' }],
		[
			'send_typing_indicator',
			{ resource: 'event', operation: 'typing', chatId: 'PJ0MRSHTDG', isTyping: false, typingOptions: { visibility: 'agents' } },
			{ chat_id: 'PJ0MRSHTDG', is_typing: false, visibility: 'agents' },
		],
		[
			'send_event',
			{ resource: 'event', operation: 'send', chatId: 'PJ0MRSHTDG', eventType: 'file', fileUrl: 'https://cdn.livechat-files.com/a.png', visibility: 'all' },
			{ chat_id: 'PJ0MRSHTDG', event: { type: 'file', url: 'https://cdn.livechat-files.com/a.png', visibility: 'all' } },
		],
		[
			'transfer_chat',
			{ resource: 'chat', operation: 'transfer', chatId: 'PJ0MRSHTDG', targetType: 'current', transferOptions: { ignoreAgentsAvailability: true } },
			{ id: 'PJ0MRSHTDG', ignore_agents_availability: true },
		],
	])('%s sends the options it is given', async (action, parameters, body) => {
		const { error } = await runNode(liveChat(parameters as IDataObject));
		expect(error).toBeUndefined();
		expect(bodies(action)).toEqual([body]);
	});

	it('uploads the input binary as multipart and returns the URL', async () => {
		const { items, error } = await runNode(liveChat({ resource: 'event', operation: 'upload', binaryPropertyName: 'data' }), [{}]);
		expect(error?.message).toContain('Input Binary Field: the input item has no binary field "data"');
		expect(simulator.requests).toHaveLength(0);
		expect(items).toEqual([]);
	});

	it('pairs every output item with the input item it was asked for, so that a later $(…).item resolves', async () => {
		const { items, error } = await runNode(
			liveChat({ resource: 'agent', operation: 'listRoutingStatuses', groupIds: '={{ [$json.group] }}' }),
			[{ group: 0 }, { group: 1 }],
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		const transcripts = await runNode(liveChat({ resource: 'chat', operation: 'listArchives', returnAll: false, limit: 2, output: 'transcript' }), [{}, {}]);
		expect(transcripts.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		const written = await runNode(liveChat({ resource: 'chat', operation: 'follow', chatId: 'PJ0MRSHTDG' }), [{}, {}]);
		expect(written.items).toEqual([
			{ json: { success: true }, pairedItem: { item: 0 } },
			{ json: { success: true }, pairedItem: { item: 1 } },
		]);
	});

	it('returns list answers that are arrays as one item each', async () => {
		const { items } = await runNode(liveChat({ resource: 'agent', operation: 'listRoutingStatuses' }));
		expect(items.map((item) => item.json)).toEqual([
			{ agent_id: 'smith@example.com', status: 'accepting_chats' },
			{ agent_id: 'agent@example.com', status: 'not_accepting_chats' },
		]);
		expect(bodies('list_routing_statuses')).toEqual([{}]);
	});
});

describe('LiveChat regions', () => {
	it('repeats a misdirected write once in the region LiveChat names, and it happens once', async () => {
		simulator.region = 'fra';
		const { items, error } = await runNode(liveChat({ resource: 'event', operation: 'send', chatId: 'PJ0MRSHTDG', text: 'hi' }));
		expect(error).toBeUndefined();
		expect(items[0].json.event_id).toEqual(expect.any(String));
		expect(simulator.requests.map((request) => request.headers['x-region'])).toEqual([undefined, 'fra']);
		expect(simulator.chats.get('PJ0MRSHTDG')!.threads[0].events.filter((event) => event.text === 'hi')).toHaveLength(1);
	});

	it('heals every page of a paged read', async () => {
		simulator.region = 'fra';
		const { items } = await runNode(liveChat({ resource: 'chat', operation: 'listArchives', returnAll: true }));
		expect(items.length).toBeGreaterThan(30);
		expect(simulator.requests.at(-1)?.headers['x-region']).toBe('fra');
	});

	it('sends the credential’s region and says which region to set when it is wrong', async () => {
		const fra = { liveChatPersonalAccessTokenApi: { ...credentials.liveChatPersonalAccessTokenApi, region: 'fra' } };
		await runNode(liveChat({ resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID }, { credentials: fra }));
		// The license is in dal: the fra request is refused and repeated in dal.
		expect(simulator.requests.map((request) => request.headers['x-region'])).toEqual(['fra', 'dal']);
		simulator.requests.length = 0;
		simulator.region = 'fra';
		const { error } = await runNode(liveChat({ resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID }, { credentials: fra }));
		expect(error).toBeUndefined();
		expect(simulator.requests.map((request) => request.headers['x-region'])).toEqual(['fra']);
	});

	it('reports a second refusal with the region to set', async () => {
		simulator.inject({ kind: 'status', status: 421, body: { error: { type: 'misdirected_request', message: 'Wrong region', data: { region: 'fra' } } }, times: 2 });
		const { error } = await runNode(liveChat({ resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID }));
		expect(error?.message).toBe('LiveChat: Wrong region (misdirected_request)');
		expect(error?.description).toContain('set Region to fra');
		expect(simulator.requests).toHaveLength(2);
	});

	const oauthCredentials = (accessToken: string) => ({
		liveChatOAuth2Api: {
			baseUrl,
			clientId: 'sandbox-client',
			clientSecret: 'sandbox-client-secret',
			accessTokenUrl: `${baseUrl}/v2/token`,
			oauthTokenData: { access_token: accessToken, refresh_token: 'sandbox-refresh-token', token_type: 'Bearer' },
		} as unknown as Record<string, string>,
	});

	it('signs with the OAuth token through n8n and sends its region (fra: prefix) from the first request on', async () => {
		simulator.region = 'fra';
		const { error } = await runNode(
			liveChat(
				{ authentication: 'oAuth2', resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID },
				{ credentials: oauthCredentials('fra:sandbox-oauth-token') },
			),
		);
		expect(error).toBeUndefined();
		expect(simulator.requests.map((request) => request.headers['x-region'])).toEqual(['fra']);
		expect(simulator.requests[0].headers.authorization).toBe('Bearer fra:sandbox-oauth-token');
		expect(simulator.requests[0].path).toBe('/v3.6/agent/action/get_customer');
	});

	// The 401 is sent once more with n8n's status errors on (what makes n8n refresh, in 2.0 as in 2.41).
	it('lets n8n refresh an expired OAuth token at the token endpoint and repeat the request', async () => {
		simulator.region = 'fra';
		const credentials = oauthCredentials('fra:expired-token');
		const { error, items } = await runNode(
			liveChat(
				{ authentication: 'oAuth2', resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID },
				{ credentials },
			),
		);
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(LC_CUSTOMER_ID);
		expect(simulator.refreshes).toBe(1);
		expect(simulator.requests.map((request) => `${request.path} ${request.headers.authorization ?? ''}`)).toEqual([
			'/v3.6/agent/action/get_customer Bearer fra:expired-token',
			'/v3.6/agent/action/get_customer Bearer fra:expired-token',
			'/v2/token ',
			'/v3.6/agent/action/get_customer Bearer fra:refreshed-1',
		]);
	});

	it('fails clearly, without the tokens, when the refresh token is no longer valid', async () => {
		simulator.region = 'fra';
		simulator.refreshTokens.clear();
		const { error } = await runNode(
			liveChat(
				{ authentication: 'oAuth2', resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID },
				{ credentials: oauthCredentials('fra:expired-token') },
			),
		);
		expect(`${error?.message} ${error?.description}`).toMatch(/reconnect|refresh|invalid_grant/i);
		const everything = JSON.stringify(error) + String(error?.stack);
		expect(everything).not.toContain('expired-token');
		expect(everything).not.toContain('sandbox-refresh-token');
		expect(everything).not.toContain('sandbox-client-secret');
		expect(simulator.count('POST', '/v3.6/agent/action/get_customer')).toBe(2);
	});
});

describe('LiveChat failures', () => {
	it('turns LiveChat’s error shape into a NodeApiError with type and message', async () => {
		const { error } = await runNode(liveChat({ resource: 'chat', operation: 'get', chatId: 'NOPE' }));
		expect(error?.message).toBe('LiveChat: Chat not found (not_found)');
		expect(error?.httpCode).toBe('404');
	});

	it('names a wrong token without repeating it', async () => {
		const wrong = { liveChatPersonalAccessTokenApi: { ...credentials.liveChatPersonalAccessTokenApi, accessToken: 'wrong-token' } };
		const { error } = await runNode(liveChat({ resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID }, { credentials: wrong }));
		expect(error?.message).toBe('LiveChat: Invalid access token (authentication)');
		expect(error?.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain('wrong-token');
	});

	it('treats a 200 carrying an error as an error', async () => {
		simulator.inject({ kind: 'envelopeError', message: 'Something broke' });
		const { error } = await runNode(liveChat({ resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID }));
		expect(error?.message).toBe('LiveChat: Something broke (internal)');
		expect(error?.httpCode).toBe('500');
	});

	it('retries a read after too_many_requests, honouring Retry-After', async () => {
		simulator.inject({ kind: 'rateLimit', retryAfterSeconds: 0, times: 2 });
		const { items, error } = await runNode(liveChat({ resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID }));
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(LC_CUSTOMER_ID);
		expect(simulator.requests).toHaveLength(3);
	});

	it('never repeats a write after too_many_requests', async () => {
		simulator.inject({ kind: 'rateLimit', retryAfterSeconds: 0 });
		const { error } = await runNode(liveChat({ resource: 'event', operation: 'send', chatId: 'PJ0MRSHTDG', text: 'once' }));
		expect(error?.message).toBe('LiveChat: Too many requests (too_many_requests)');
		expect(error?.httpCode).toBe('429');
		expect(simulator.requests).toHaveLength(1);
	});

	it.each([
		[{ resource: 'chat', operation: 'get', chatId: ' ' }, 'Chat ID is required'],
		[{ resource: 'event', operation: 'send', chatId: 'PJ0MRSHTDG', text: '={{ "  " }}' }, 'Text is required'],
		[{ resource: 'event', operation: 'send', chatId: 'PJ0MRSHTDG', eventType: 'json', eventJson: '{"text":1' }, 'Event (JSON) is not valid JSON'],
		[{ resource: 'event', operation: 'markSeen', chatId: 'PJ0MRSHTDG', seenUpTo: 'yesterday' }, 'Seen Up To is not a valid date'],
		[{ resource: 'chat', operation: 'transfer', chatId: 'PJ0MRSHTDG', targetType: 'group', targetGroupIds: ['x'] }, 'Target Groups: "x" is not a group ID'],
		[{ resource: 'property', operation: 'deleteChat', chatId: 'Q1VZR7AJCE', properties: '{"ns": {"a": 1}}' }, 'Properties → ns must be a list of property names'],
		[{ resource: 'customer', operation: 'update', customerId: LC_CUSTOMER_ID }, 'Customer Fields: give at least one field to update'],
		[{ resource: 'multicast', operation: 'send', content: '{}' }, 'Recipients: choose at least one agent or group, or All Agents'],
		[{ resource: 'chat', operation: 'listArchives', returnAll: true, archiveFilters: { from: '2024-02-01', to: '2024-01-01' } }, 'Filters → From is after Filters → To'],
	])('rejects bad input %j before any request', async (parameters, message) => {
		const { error } = await runNode(liveChat(parameters));
		expect(error?.message).toContain(message);
		expect(simulator.requests).toHaveLength(0);
	});

	it('keeps going with continueOnFail, one error item per failed input', async () => {
		const { items } = await runNode(
			liveChat({ resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' }, { continueOnFail: true }),
			[{ id: LC_CUSTOMER_ID }, { id: 'missing' }, { id: '' }],
		);
		expect(items).toHaveLength(3);
		expect(items[0].json.id).toBe(LC_CUSTOMER_ID);
		// the vendor's failure: its message (and what to change) in the json, linked to its input item
		expect(items[1].json.error).toBe('LiveChat: Customer not found (not_found)');
		expect(items[1].pairedItem).toEqual({ item: 1 });
		// a refusal before the request: n8n's own error item, whose json n8n fills with the message
		expect(items[2].json.error).toBe('Customer ID is required');
		expect(simulator.requests).toHaveLength(2);
	});
});
