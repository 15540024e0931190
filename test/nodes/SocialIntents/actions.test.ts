import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { documentedChat, SI_APPS, SocialIntentsSimulator } from '../../simulators/socialIntents';

const simulator = new SocialIntentsSimulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await simulator.start();
	credentials = {
		socialIntentsApi: { accountId: simulator.accountId, apiToken: simulator.apiToken, baseUrl },
	};
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const socialIntents = (parameters: IDataObject, extra: { continueOnFail?: boolean } = {}) => ({
	type: 'socialIntents',
	parameters,
	credentials,
	...extra,
});

describe('Social Intents chats', () => {
	it('returns the documented example chat verbatim as raw output', async () => {
		const { items, error } = await runNode(
			socialIntents({
				resource: 'chat',
				operation: 'getAll',
				returnAll: true,
				filters: { dateFrom: '2017-06-24', dateTo: '2017-06-24', timezone: 'UTC' },
				output: 'raw',
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const { startMs: _startMs, ...documented } = documentedChat;
		expect(items[0].json).toEqual({ ...documented, startDate: '2017-06-24 15:01:31 PM' });
		const sent = simulator.requests[0];
		expect(sent.query).toEqual({ date_from: '2017-06-24', date_to: '2017-06-24', timezone: 'UTC' });
		expect(sent.headers.authorization).toBe(
			`Basic ${Buffer.from(`${simulator.accountId}:${simulator.apiToken}`).toString('base64')}`,
		);
	});

	it('maps the documented chat to the normalized transcript', async () => {
		const { items } = await runNode(
			socialIntents({
				resource: 'chat',
				operation: 'get',
				chatId: documentedChat.id,
				filters: { timezone: 'UTC' },
				output: 'transcript',
			}),
		);
		expect(items.map((item) => item.json)).toEqual([
			{
				vendor: 'socialIntents',
				conversationId: '2c9fa7465ccfd687015cda9fed35085a',
				channel: 'web',
				startedAt: '2017-06-24T15:01:31.000Z',
				endedAt: '2017-06-24T15:02:12.000Z',
				status: 'closed',
				visitor: {
					id: 'c0ad14b2-aa8c-07ca-a575-a19ec05f779f',
					name: 'Tom Sandler',
					email: 'tom.sandler@gmail.com',
					phone: null,
				},
				agents: [{ id: '1000', name: 'James', email: null, phone: null }],
				tags: [],
				messages: [
					{
						at: '2017-06-24T15:01:31.095Z',
						authorRole: 'visitor',
						authorName: 'Tom Sandler',
						text: 'Hi I have a question about your service.',
					},
					{ at: '2017-06-24T15:01:45.253Z', authorRole: 'agent', authorName: 'James', text: 'Hi there! I can help.' },
					{
						at: '2017-06-24T15:01:59.651Z',
						authorRole: 'agent',
						authorName: 'Tom Sandler',
						text: "Great. What's your pricing?",
					},
				],
			},
		]);
		expect(simulator.requests[0].query).toEqual({ id: documentedChat.id, timezone: 'UTC' });
	});

	it('applies every documented filter and simplifies by default', async () => {
		const { items } = await runNode(
			socialIntents({
				resource: 'chat',
				operation: 'getAll',
				returnAll: true,
				filters: {
					appId: { __rl: true, mode: 'list', value: SI_APPS[0].id },
					visitorId: 'v-1',
					email: 'a@example.com',
					tag: 'billing',
					dateFrom: '2024-01-01T00:00:00',
					dateTo: '2024-02-01T00:00:00',
					timezone: 'America/New_York',
				},
			}),
		);
		expect(items).toEqual([]);
		expect(simulator.requests[0].query).toEqual({
			app_id: SI_APPS[0].id,
			visitor_id: 'v-1',
			email: 'a@example.com',
			tag: 'billing',
			date_from: '2024-01-01',
			date_to: '2024-02-01',
			timezone: 'America/New_York',
		});
	});

	it('limits the number of chats and leaves out messages when simplified', async () => {
		const { items } = await runNode(socialIntents({ resource: 'chat', operation: 'getAll', returnAll: false, limit: 3 }));
		expect(items).toHaveLength(3);
		expect(items[0].json.messages).toBeUndefined();
		expect(items[0].json.messageCount).toBe(4);
		expect(Object.keys(items[0].json)).toEqual(
			expect.arrayContaining(['id', 'chatType', 'appId', 'startDate', 'visitorName', 'agentName']),
		);
	});

	it('returns all chats with Return All', async () => {
		const { items } = await runNode(socialIntents({ resource: 'chat', operation: 'getAll', returnAll: true }));
		expect(items).toHaveLength(25);
	});

	it('fails Get with a 404 NodeApiError for an unknown chat', async () => {
		const { error } = await runNode(socialIntents({ resource: 'chat', operation: 'get', chatId: 'nope' }));
		expect(error?.message).toBe('Social Intents has no chat with the ID "nope"');
		expect(error?.httpCode).toBe('404');
	});
});

describe('Social Intents other resources', () => {
	it.each([
		['missedChat', 5, 'Missed'],
		['offlineMessage', 4, 'Offline Message'],
	])('lists %s records', async (resource, count, chatType) => {
		const { items } = await runNode(socialIntents({ resource, operation: 'getAll', returnAll: true, output: 'raw' }));
		expect(items).toHaveLength(count);
		expect(new Set(items.map((item) => item.json.chatType))).toEqual(new Set([chatType]));
	});

	it('gives missed chats the missed status in transcripts', async () => {
		const { items } = await runNode(
			socialIntents({ resource: 'missedChat', operation: 'getAll', returnAll: false, limit: 1, output: 'transcript' }),
		);
		expect(items[0].json.status).toBe('missed');
		expect(items[0].json.agents).toEqual([]);
	});

	it('lists leads with filters', async () => {
		const { items } = await runNode(
			socialIntents({ resource: 'lead', operation: 'getAll', returnAll: true, filters: { appId: { __rl: true, mode: 'id', value: SI_APPS[1].id } } }),
		);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.json.appId === SI_APPS[1].id)).toBe(true);
		expect(simulator.requests[0].path).toBe('/contacts');
	});

	it('lists apps', async () => {
		const { items } = await runNode(socialIntents({ resource: 'app', operation: 'getAll', returnAll: true }));
		expect(items.map((item) => item.json)).toEqual(SI_APPS);
	});
});

describe('Social Intents errors', () => {
	it('reports a wrong token with the vendor message and status', async () => {
		const { error } = await runNode({
			...socialIntents({ resource: 'app', operation: 'getAll', returnAll: true }),
			credentials: { socialIntentsApi: { ...credentials.socialIntentsApi, apiToken: 'wrong' } },
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Social Intents: Invalid Account ID or API Token');
		expect(error?.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain('wrong');
	});

	it('treats a 200 whose envelope says error as an error', async () => {
		simulator.inject({ kind: 'envelopeError', path: '/apps', message: 'Account suspended' });
		const { error } = await runNode(socialIntents({ resource: 'app', operation: 'getAll', returnAll: true }));
		expect(error?.message).toBe('Social Intents: Account suspended');
		expect(error?.httpCode).toBe('500');
	});

	it('retries a read after 429 honouring Retry-After, then succeeds', async () => {
		simulator.inject({ kind: 'rateLimit', path: '/apps', retryAfterSeconds: 0, times: 2 });
		const { items, error } = await runNode(socialIntents({ resource: 'app', operation: 'getAll', returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(simulator.count('GET', '/apps')).toBe(3);
	});

	it('gives up after three retries with the status', async () => {
		simulator.inject({ kind: 'status', status: 503, path: '/apps', times: 10 });
		simulator.inject({ kind: 'rateLimit', path: '/never' });
		const started = Date.now();
		const { error } = await runNode(socialIntents({ resource: 'app', operation: 'getAll', returnAll: true }));
		expect(error?.httpCode).toBe('503');
		expect(simulator.count('GET', '/apps')).toBe(4);
		expect(Date.now() - started).toBeGreaterThanOrEqual(0);
	});

	it.each([
		['reset', {}],
		['hang', { requestOptions: { timeout: 300 } }],
	])('fails a %s connection with no credential in the error', async (kind, extra) => {
		simulator.inject({ kind: kind as 'reset' | 'hang', path: '/apps', times: 5 });
		const { error } = await runNode(socialIntents({ resource: 'app', operation: 'getAll', returnAll: true, ...extra }));
		expect(error?.message).toBeTruthy();
		const basic = Buffer.from(`${simulator.accountId}:${simulator.apiToken}`).toString('base64');
		const everything = JSON.stringify(error) + String(error?.stack) + String(error?.description);
		expect(everything).not.toContain(simulator.apiToken);
		expect(everything).not.toContain(basic);
	});

	it('reports a body that is not JSON', async () => {
		simulator.inject({ kind: 'html', path: '/apps', status: 502 });
		const { error } = await runNode(socialIntents({ resource: 'app', operation: 'getAll', returnAll: true }));
		expect(error?.message).toContain('Social Intents answered 502');
		simulator.inject({ kind: 'malformed', path: '/apps' });
		const second = await runNode(socialIntents({ resource: 'app', operation: 'getAll', returnAll: true }));
		expect(second.error?.message).toBe('Social Intents answered with a body that is not JSON');
	});

	it.each([
		[{ dateFrom: '2024-02-30' }, 'Filters → Date From is not a valid date'],
		[{ dateTo: 'yesterday' }, 'Filters → Date To is not a valid date'],
		[{ dateFrom: '2024-03-01', dateTo: '2024-02-01' }, 'Filters → Date From is after Filters → Date To'],
		[{ timezone: 'Mars/Olympus' }, 'Filters → Time Zone is not a known time zone'],
	])('rejects bad filters %j before any request', async (filters, message) => {
		const { error } = await runNode(socialIntents({ resource: 'chat', operation: 'getAll', returnAll: true, filters }));
		// n8n's RoutingNode re-wraps preSend errors as NodeApiError without HTTP status unless
		// continueOnFail is on (see the test below); the message is ours and names the parameter.
		expect(error?.httpCode).toBe('none');
		expect(error?.message).toContain(message);
		expect(simulator.requests).toHaveLength(0);
	});

	it('rejects an empty Chat ID before any request', async () => {
		const { error } = await runNode(socialIntents({ resource: 'chat', operation: 'get', chatId: '  ' }));
		expect(error?.message).toBe('Chat ID is required');
		expect(simulator.requests).toHaveLength(0);
	});

	it('keeps path characters in an ID inside the query', async () => {
		await runNode(socialIntents({ resource: 'chat', operation: 'get', chatId: '../apps?x=1#y' }));
		expect(simulator.requests[0].path).toBe('/chats');
		expect(simulator.requests[0].query).toEqual({ id: '../apps?x=1#y' });
	});

	it('turns failed items into error items with continueOnFail and runs the rest', async () => {
		const { items } = await runNode(
			socialIntents(
				{ resource: 'chat', operation: 'get', chatId: '={{ $json.id }}', output: 'raw' },
				{ continueOnFail: true },
			),
			[{ id: documentedChat.id }, { id: 'missing' }, { id: '' }],
		);
		expect(items).toHaveLength(3);
		expect(items[0].json.id).toBe(documentedChat.id);
		expect(items[1].error?.message).toBe('Social Intents has no chat with the ID "missing"');
		expect(items[2].error?.message).toBe('Chat ID is required');
		expect(items[2].error?.name).toBe('NodeOperationError');
		expect(simulator.requests).toHaveLength(2);
	});
});
