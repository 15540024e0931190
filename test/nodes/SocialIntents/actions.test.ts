import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { SocialIntentsApi } from '../../../credentials/SocialIntentsApi.credentials';
import { readSocialIntentsFailure } from '../../../nodes/SocialIntents/helpers/errors';
import type { SiChatShape, SiFilter } from '../../simulators/socialIntents';
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

const SHAPES: SiChatShape[] = ['current', 'example2017'];

const socialIntents = (parameters: IDataObject, extra: { continueOnFail?: boolean } = {}) => ({
	type: 'socialIntents',
	parameters,
	credentials,
	...extra,
});

describe('Social Intents chats', () => {
	it('returns the documented 2017 example chat verbatim as raw output', async () => {
		simulator.chatShape = 'example2017';
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
		const { startMs: _startMs, tags: _tags, ...documented } = documentedChat;
		expect(items[0].json).toEqual({ ...documented, startDate: '2017-06-24 15:01:31 PM' });
		const sent = simulator.requests[0];
		expect(sent.query).toEqual({ date_from: '2017-06-24', date_to: '2017-06-24', timezone: 'UTC' });
		expect(sent.headers.authorization).toBe(
			`Basic ${Buffer.from(`${simulator.accountId}:${simulator.apiToken}`).toString('base64')}`,
		);
	});

	it.each(SHAPES)('maps the documented chat to the normalized transcript (%s shape)', async (shape) => {
		simulator.chatShape = shape;
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
				agents: [{ id: '1000', name: 'James', email: shape === 'current' ? 'james@shop.example.com' : null, phone: null }],
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

describe('Social Intents as its public record describes it today', () => {
	it.each(SHAPES)('names the visitor in simplified and transcript output (%s shape)', async (shape) => {
		simulator.chatShape = shape;
		const expected = simulator.chats
			.filter((chat) => chat.chatType === 'Answered')
			.sort((a, b) => b.startMs - a.startMs)
			.map((chat) => chat.visitorName);
		const simplified = await runNode(socialIntents({ resource: 'chat', operation: 'getAll', returnAll: true }));
		expect(simplified.items.map((item) => item.json.visitorName)).toEqual(expected);
		const transcripts = await runNode(socialIntents({ resource: 'chat', operation: 'getAll', returnAll: true, output: 'transcript' }));
		expect(transcripts.items.map((item) => (item.json.visitor as IDataObject).name)).toEqual(expected);
	});

	it('reads ISO start dates (2025-01-15T10:30:00Z) into transcript times', async () => {
		simulator.chatShape = 'current';
		const { items } = await runNode(
			socialIntents({ resource: 'chat', operation: 'get', chatId: documentedChat.id, output: 'transcript' }),
		);
		expect(items[0].json).toMatchObject({ startedAt: '2017-06-24T15:01:31.000Z', endedAt: '2017-06-24T15:02:12.000Z' });
		const raw = await runNode(socialIntents({ resource: 'chat', operation: 'get', chatId: documentedChat.id, output: 'raw' }));
		expect(raw.items[0].json).toMatchObject({ startDate: '2017-06-24T15:01:31Z', visitorFullName: 'Tom Sandler' });
	});

	it('lists leads with their documented fields, addDate included', async () => {
		const { items } = await runNode(socialIntents({ resource: 'lead', operation: 'getAll', returnAll: true }));
		expect(items).toHaveLength(6);
		for (const item of items) {
			expect(Object.keys(item.json).sort()).toEqual(
				['addDate', 'appId', 'appName', 'email', 'firstName', 'group', 'id', 'lastName', 'page', 'phone'].sort(),
			);
			expect(item.json.addDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		}
	});

	const everyFilter: SiFilter[] = ['app_id', 'visitor_id', 'email', 'tag', 'date_from', 'date_to'];

	// `tag` is left out: no documented chat shape carries its tags, so only the API can apply it.
	it.each(SHAPES)('applies every chat filter to the answer when the API ignores it (%s shape)', async (shape) => {
		simulator.chatShape = shape;
		const sample = simulator.chats.filter((chat) => chat.chatType === 'Answered')[12];
		const day = new Date(sample.startMs).toISOString().slice(0, 10);
		const cases: IDataObject[] = [
			{ appId: { __rl: true, mode: 'id', value: sample.appId } },
			{ visitorId: sample.visitorId },
			{ email: sample.visitorEmail.toUpperCase() },
			{ dateFrom: day, dateTo: day, timezone: 'UTC' },
			{ dateFrom: day, timezone: 'Asia/Tokyo' },
			{ dateTo: day, timezone: 'America/New_York' },
		];
		for (const filters of cases) {
			const parameters = { resource: 'chat', operation: 'getAll', returnAll: true, output: 'raw', filters };
			simulator.ignoredFilters = [];
			const honoured = (await runNode(socialIntents(parameters))).items.map((item) => item.json.id);
			simulator.ignoredFilters = everyFilter;
			const ignored = (await runNode(socialIntents(parameters))).items.map((item) => item.json.id);
			expect({ filters, ids: ignored }).toEqual({ filters, ids: honoured });
			expect(honoured.length).toBeGreaterThan(0);
			expect(honoured.length).toBeLessThan(25);
		}
	});

	it('keeps what any time zone puts on the days when none is named and the dates carry Z', async () => {
		simulator.ignoredFilters = everyFilter;
		const day = '2017-06-24';
		const { items } = await runNode(
			socialIntents({ resource: 'chat', operation: 'getAll', returnAll: true, output: 'raw', filters: { dateFrom: day, dateTo: day } }),
		);
		expect(items.map((item) => item.json.id)).toEqual([documentedChat.id]);
	});

	it('filters leads by e-mail itself (not a documented filter of /contacts) and by day', async () => {
		const lead = simulator.leads[2];
		const byEmail = await runNode(socialIntents({ resource: 'lead', operation: 'getAll', returnAll: true, filters: { email: lead.email } }));
		expect(simulator.requests[0].query).toEqual({ email: lead.email });
		expect(byEmail.items.map((item) => item.json.id)).toEqual([lead.id]);
		simulator.ignoredFilters = everyFilter;
		const day = new Date(lead.addMs).toISOString().slice(0, 10);
		const byDay = await runNode(
			socialIntents({ resource: 'lead', operation: 'getAll', returnAll: true, filters: { dateFrom: day, dateTo: day, timezone: 'UTC' } }),
		);
		const expected = simulator.leads.filter((candidate) => new Date(candidate.addMs).toISOString().startsWith(day)).map((candidate) => candidate.id);
		expect(byDay.items.map((item) => item.json.id).sort()).toEqual(expected.sort());
		expect(expected.length).toBeLessThan(6);
	});

	it.each([
		[{ statusCode: '401', status: 'Unauthorized' }, 'Social Intents: Unauthorized', '401'],
		[{ apiStatus: 'Success', apiStatusCode: '500', apiStatusMessage: 'Backend unavailable', apps: [] }, 'Social Intents: Backend unavailable', '500'],
		[{ apps: [], error: 'Quota exceeded' }, 'Social Intents: Quota exceeded', '500'],
		[{ status: 'Error', message: 'Account locked' }, 'Social Intents: Account locked', '500'],
		[{ apps: [], errors: [{ message: 'app_id is unknown' }] }, 'Social Intents: app_id is unknown', '500'],
	])('treats an error anywhere in the envelope of an HTTP 200 as an error: %j', async (body, message, httpCode) => {
		simulator.inject({ kind: 'status', status: 200, body, path: '/apps' });
		const { error, items } = await runNode(socialIntents({ resource: 'app', operation: 'getAll', returnAll: true }));
		expect(items).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(message);
		expect(error?.httpCode).toBe(httpCode);
	});

	it('has the current base URL as the credential default and proves a key with /ping', async () => {
		const credential = new SocialIntentsApi();
		expect(credential.properties.find((property) => property.name === 'baseUrl')?.default).toBe('https://www.socialintents.com/v1/api');
		const request = credential.test.request;
		expect(request.url).toBe('/ping');
		const ping = async (apiToken: string) => {
			const signed = await credential.authenticate(
				{ accountId: simulator.accountId, apiToken, baseUrl: `${simulator.baseUrl}/` },
				{ url: request.url!, method: 'GET' },
			);
			const basic = Buffer.from(`${signed.auth!.username}:${signed.auth!.password}`).toString('base64');
			const response = await fetch(`${simulator.baseUrl}${signed.url}`, { headers: { authorization: `Basic ${basic}` } });
			return { status: response.status, body: (await response.json()) as IDataObject };
		};
		expect(await ping(simulator.apiToken)).toEqual({ status: 200, body: { statusCode: '200', status: 'PingSuccessful' } });
		expect((await ping('wrong')).status).toBe(401);
		// the ping's envelope is not mistaken for a failure
		expect(readSocialIntentsFailure({ statusCode: 200, headers: {}, body: { statusCode: '200', status: 'PingSuccessful' } })).toBeUndefined();
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
		// n8n's RoutingNode would re-wrap a preSend refusal with the code "none" ("Error code none"
		// in the editor, issue 19); it now carries no code. The message is ours and names the parameter.
		expect(error?.httpCode ?? null).toBeNull();
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
