import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import {
	A5_CHANNELS,
	A5_PHONE_NUMBERS,
	A5_TAGS,
	Alive5Simulator,
	DOCUMENTED_DAY,
	documentedSms,
} from '../../simulators/alive5';

const simulator = new Alive5Simulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await simulator.start();
	credentials = { alive5Api: { apiKey: simulator.apiKey, baseUrl } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const alive5 = (parameters: IDataObject, extra: { continueOnFail?: boolean; apiKey?: string } = {}) => ({
	type: 'alive5',
	parameters,
	credentials: extra.apiKey === undefined ? credentials : { alive5Api: { ...credentials.alive5Api, apiKey: extra.apiKey } },
	continueOnFail: extra.continueOnFail,
});

const documentedDay = { dateStart: '2024-03-05T00:00:00', dateEnd: '2024-03-05T00:00:00' };

const sendSms = (overrides: IDataObject = {}) =>
	alive5({
		resource: 'sms',
		operation: 'send',
		channelId: 'ch-sales',
		userId: 'u-ben',
		phoneNumberFrom: A5_PHONE_NUMBERS[1],
		phoneNumberTo: '+15550009999',
		message: 'Your order has shipped.',
		...overrides,
	});

describe('Alive5 objects and account', () => {
	it('lists tags from the bare array in data, with the key in X-A5-APIKEY', async () => {
		const { items, error } = await runNode(alive5({ resource: 'tag', operation: 'getAll', returnAll: true }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(A5_TAGS);
		expect(simulator.requests[0]).toMatchObject({ method: 'GET', path: '/objects/tags/list' });
		expect(simulator.requests[0].headers['x-a5-apikey']).toBe(simulator.apiKey);
	});

	it('lists channels with their agents from data.Items, and Limit trims', async () => {
		const all = await runNode(alive5({ resource: 'channel', operation: 'getAll', returnAll: true }));
		expect(all.items.map((item) => item.json)).toEqual(A5_CHANNELS);
		const one = await runNode(alive5({ resource: 'channel', operation: 'getAll', returnAll: false, limit: 1 }));
		expect(one.items).toHaveLength(1);
	});

	it('gets the account without the API key it repeats', async () => {
		const { items } = await runNode(alive5({ resource: 'account', operation: 'get' }));
		expect(items.map((item) => item.json)).toEqual([{ email: 'owner@sandbox.test', org_name: 'sandbox-org', iat: 1700000000 }]);
		expect(JSON.stringify(items)).not.toContain(simulator.apiKey);
	});

	it('gets the summary for a date range as from_datetime and date_end in MM-DD-YYYY', async () => {
		const { items } = await runNode(alive5({ resource: 'summary', operation: 'get', ...documentedDay }));
		expect(items.map((item) => item.json)).toEqual([
			{ visitors_web: 0, visitors_fbm: 0, visitors_sms: 1, contacts_web: 0, contacts_fbm: 0, contacts_sms: 1 },
		]);
		expect(simulator.requests[0].query).toEqual({ from_datetime: DOCUMENTED_DAY, date_end: DOCUMENTED_DAY });
	});

	it('asks for both summary dates before sending; Alive5’s {code: 400, error: {}} is an error', async () => {
		const missing = await runNode(
			alive5({ resource: 'summary', operation: 'get', dateStart: '2024-03-05', dateEnd: '={{ $json.missing }}' }),
		);
		expect(missing.error?.message).toBe('End Date is required');
		expect(simulator.requests).toHaveLength(0);
		// Renamed away from what Alive5 reads, the end date is missing there: its answer is a failure.
		const renamed = await runNode(
			alive5({ resource: 'summary', operation: 'get', ...documentedDay, options: { endParameter: 'date-end' } }),
		);
		expect(renamed.error?.message).toBe('Alive5 answered with code 400');
		expect(renamed.error?.httpCode).toBe('400');
	});
});

describe('Alive5 conversations', () => {
	it('returns the fixed SMS thread raw, and as a normalized transcript', async () => {
		const raw = await runNode(
			alive5({ resource: 'smsConversation', operation: 'getAll', returnAll: true, filters: documentedDay, output: 'raw' }),
		);
		expect(raw.items).toHaveLength(1);
		expect(raw.items[0].json).toMatchObject({
			alive5_sessionID: documentedSms.alive5_sessionID,
			org_name: 'sandbox-org',
			start_time: '2024-03-05T14:00:00.000Z',
			chat_conversation: documentedSms.chat_conversation,
		});
		const transcript = await runNode(
			alive5({ resource: 'smsConversation', operation: 'getAll', returnAll: true, filters: documentedDay, output: 'transcript' }),
		);
		expect(transcript.items.map((item) => item.json)).toEqual([
			{
				vendor: 'alive5',
				conversationId: 'sess-sms-0001',
				channel: 'sms',
				startedAt: '2024-03-05T14:00:00.000Z',
				endedAt: '2024-03-05T14:06:00.000Z',
				status: 'closed',
				visitor: { id: 'crm-0001', name: 'Maya Lind', email: 'maya@example.com', phone: '+15550001111' },
				agents: [{ id: 'u-ana', name: 'Ana', email: null, phone: null }],
				tags: ['billing'],
				messages: [
					{ at: '2024-03-05T14:00:00.000Z', authorRole: 'visitor', authorName: '+15550001111', text: 'Is my invoice ready?' },
					{ at: '2024-03-05T14:02:00.000Z', authorRole: 'agent', authorName: 'u-ana', text: 'Yes, sent it a minute ago.' },
					{ at: '2024-03-05T14:06:00.000Z', authorRole: 'visitor', authorName: '+15550001111', text: 'Got it, thanks!' },
				],
			},
		]);
	});

	it('simplifies by default: no messages, a count instead', async () => {
		const { items } = await runNode(alive5({ resource: 'smsConversation', operation: 'getAll', returnAll: true }));
		expect(items).toHaveLength(7);
		expect(items[0].json.chat_conversation).toBeUndefined();
		expect(items[0].json.messageCount).toEqual(expect.any(Number));
	});

	it('treats the 404 "no records" answer as an empty list, not a failure', async () => {
		for (const resource of ['smsConversation', 'fbmConversation', 'liveChatConversation']) {
			const { items, error } = await runNode(
				alive5({ resource, operation: 'getAll', returnAll: true, filters: { dateStart: '2001-01-01', dateEnd: '2001-01-02' } }),
			);
			expect(error).toBeUndefined();
			expect(items).toEqual([]);
		}
		expect(simulator.requests.map((request) => request.query.date_start)).toEqual(['01-01-2001', '01-01-2001', '01-01-2001']);
	});

	it('still fails on a 404 that is not Alive5’s envelope (a wrong base URL)', async () => {
		simulator.inject({ kind: 'html', status: 404, path: '/conversations/sms' });
		const { error } = await runNode(alive5({ resource: 'smsConversation', operation: 'getAll', returnAll: true }));
		expect(error?.message).toBe('Alive5 answered 404: 502 Bad Gateway upstream unavailable');
		expect(error?.httpCode).toBe('404');
	});

	it('reads Messenger conversations from the top-level items array', async () => {
		const { items } = await runNode(
			alive5({ resource: 'fbmConversation', operation: 'getAll', returnAll: true, output: 'transcript' }),
		);
		expect(items).toHaveLength(3);
		expect(items.every((item) => item.json.channel === 'facebook' && item.json.vendor === 'alive5')).toBe(true);
		expect(items[0].json.messages).toEqual([
			expect.objectContaining({ authorRole: 'visitor' }),
			expect.objectContaining({ authorRole: 'agent' }),
		]);
	});

	it('pages live chats with page/limit: Return All reads every page', async () => {
		const { items } = await runNode(alive5({ resource: 'liveChatConversation', operation: 'getAll', returnAll: true }));
		expect(items).toHaveLength(130);
		expect(new Set(items.map((item) => item.json.alive5_sessionID)).size).toBe(130);
		expect(simulator.requests.map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '100'],
			['2', '100'],
		]);
	});

	it('stops at the page the answer calls the last, with no empty request after a full last page', async () => {
		const now = Date.now();
		for (let i = 0; i < 70; i++) simulator.conversations.push(simulator.makeConversation('livechat', now - (i + 200) * 60_000));
		const { items } = await runNode(alive5({ resource: 'liveChatConversation', operation: 'getAll', returnAll: true }));
		expect(items).toHaveLength(200);
		expect(simulator.requests.map((request) => request.query.page)).toEqual(['1', '2']);
	});

	it('keeps the page size across pages so page numbers stay aligned, and retries a failed page', async () => {
		simulator.inject({ kind: 'status', status: 503, path: '/conversations/livechat', times: 1 });
		simulator.requests.length = 0;
		const { items, error } = await runNode(alive5({ resource: 'liveChatConversation', operation: 'getAll', limit: 120 }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(120);
		expect(simulator.requests.map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '100'],
			['1', '100'],
			['2', '100'],
		]);
	});

	it('asks only as many live chats as the Limit needs, and can count pages from 0', async () => {
		const limited = await runNode(alive5({ resource: 'liveChatConversation', operation: 'getAll', limit: 5 }));
		expect(limited.items).toHaveLength(5);
		expect(simulator.requests.map((request) => request.query)).toEqual([{ page: '1', limit: '5' }]);

		simulator.requests.length = 0;
		const zero = await runNode(
			alive5({ resource: 'liveChatConversation', operation: 'getAll', limit: 5, options: { firstPage: 0 } }),
		);
		// The simulator counts from 1 as documented, so page 0 is refused with its message.
		expect(zero.error?.message).toBe('Alive5: page is required (1, 2, ...)');
		expect(simulator.requests[0].query.page).toBe('0');
	});

	it('sends other date parameter names and formats when told to', async () => {
		await runNode(
			alive5({
				resource: 'smsConversation',
				operation: 'getAll',
				returnAll: true,
				filters: documentedDay,
				options: { dateFormat: 'yyyy-MM-dd', startParameter: 'date_start', endParameter: 'date_end' },
			}),
		);
		expect(simulator.requests[0].query).toEqual({ date_start: '2024-03-05', date_end: '2024-03-05' });
	});

	it('refuses bad dates before sending anything', async () => {
		const backwards = await runNode(
			alive5({ resource: 'smsConversation', operation: 'getAll', filters: { dateStart: '2024-03-06', dateEnd: '2024-03-05' } }),
		);
		expect(backwards.error?.message).toBe('Filters → Start Date is after Filters → End Date');
		const invalid = await runNode(alive5({ resource: 'summary', operation: 'get', dateStart: 'yesterday-ish', dateEnd: '2024-03-05' }));
		expect(invalid.error?.message).toBe('Start Date is not a valid date: "yesterday-ish"');
		const badName = await runNode(alive5({ resource: 'summary', operation: 'get', ...documentedDay, options: { startParameter: 'a b' } }));
		expect(badName.error?.message).toBe('Options → Start Date Parameter Name is not valid: "a b"');
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('Alive5 Send SMS', () => {
	it('sends JSON, as every source does, and returns data.data with the thread it opened', async () => {
		const { items, error } = await runNode(sendSms());
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			message_id: 'msg-1',
			message_status: 'queued',
			To: '+15550009999',
			message_content: 'Your order has shipped.',
			newThread: expect.objectContaining({ phone_mobile: '+15550009999', channel_id: 'ch-sales' }),
		});
		expect(items[0].json).not.toHaveProperty('code');
		const sent = simulator.requests[0];
		expect(sent.headers['content-type']).toContain('application/json');
		expect(sent.body).toEqual({
			channel_id: 'ch-sales',
			user_id: 'u-ben',
			phone_number_from: A5_PHONE_NUMBERS[1],
			phone_number_to: '+15550009999',
			message: 'Your order has shipped.',
		});

		// A second SMS to the same customer continues the thread the first one opened.
		const second = await runNode(sendSms({ message: 'It arrives Tuesday.' }));
		expect(second.items[0].json.thread_id).toBe(items[0].json.thread_id);
		expect(second.items[0].json.newThread).toBeUndefined();
	});

	it('sends one request per input item', async () => {
		const { items } = await runNode(sendSms({ message: '={{$json.text}}' }), [{ text: 'one' }, { text: 'two' }]);
		expect(items).toHaveLength(2);
		expect(simulator.sent.map((form) => form.message)).toEqual(['one', 'two']);
	});

	it('is never retried: a 503 on send is one request and an error', async () => {
		simulator.inject({ kind: 'status', status: 503, method: 'POST', path: '/conversations/sms/send', message: 'Service unavailable', times: 5 });
		const { error } = await runNode(sendSms());
		expect(error?.message).toBe('Alive5: Service unavailable');
		expect(error?.httpCode).toBe('503');
		expect(simulator.count('POST', '/conversations/sms/send')).toBe(1);
	});

	it('checks every field before sending', async () => {
		const cases: Array<[IDataObject, string]> = [
			[{ message: '   ' }, 'Message is required'],
			[{ phoneNumberTo: 'call me' }, 'To (Customer Number) is not a phone number: "call me"'],
			// Empty required fields are caught by n8n itself; empty expressions reach the node's checks.
			[{ phoneNumberFrom: '={{ $json.missing }}' }, 'From (Alive5 Number) is required'],
			[{ userId: '={{ $json.missing }}' }, 'Agent is required'],
			[{ channelId: '={{ $json.missing }}' }, 'Channel is required'],
		];
		for (const [overrides, message] of cases) {
			const { error } = await runNode(sendSms(overrides));
			expect(error?.message).toBe(message);
		}
		expect(simulator.requests).toHaveLength(0);
	});

	it('reports the vendor message when the agent is not in the channel', async () => {
		const { error } = await runNode(sendSms({ userId: 'u-cara' }));
		expect(error?.message).toBe('Alive5: User u-cara is not in channel ch-sales');
		expect(error?.httpCode).toBe('400');
	});
});

describe('Alive5 failures', () => {
	it('treats a 200 whose envelope carries an error code as a failure', async () => {
		simulator.inject({ kind: 'envelopeError', path: '/objects/tags/list', message: 'Organization suspended' });
		const { error } = await runNode(alive5({ resource: 'tag', operation: 'getAll', returnAll: true }));
		expect(error?.message).toBe('Alive5: Organization suspended');
		expect(error?.httpCode).toBe('500');
	});

	it('treats a 200 with code 200 but a non-empty error as a failure', async () => {
		simulator.inject({
			kind: 'status',
			status: 200,
			path: '/account',
			body: { code: 200, data: null, error: 'Account locked' },
		});
		const { error } = await runNode(alive5({ resource: 'account', operation: 'get' }));
		expect(error?.message).toBe('Alive5: Account locked');
	});

	it('answers a wrong key with 400 "Invalid token" and a missing key with 401', async () => {
		const wrong = await runNode(alive5({ resource: 'account', operation: 'get' }, { apiKey: 'not-the-key' }));
		expect(wrong.error?.message).toBe('Alive5: Invalid token');
		expect(wrong.error?.httpCode).toBe('400');
		expect(JSON.stringify(wrong.error)).not.toContain('not-the-key');
		const missing = await runNode(alive5({ resource: 'account', operation: 'get' }, { apiKey: '' }));
		expect(missing.error?.message).toBe('Alive5: Authorization token not found');
		expect(missing.error?.httpCode).toBe('401');
	});

	it('retries reads on 429 and 503, honouring Retry-After', async () => {
		simulator.inject({ kind: 'rateLimit', path: '/objects/tags/list', retryAfterSeconds: 0 });
		simulator.inject({ kind: 'status', status: 503, path: '/objects/tags/list' });
		const { items, error } = await runNode(alive5({ resource: 'tag', operation: 'getAll', returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(simulator.count('GET', '/objects/tags/list')).toBe(3);
	});

	it('a 404 on a non-list call stays an error; an HTML page is reported readably', async () => {
		simulator.inject({ kind: 'status', status: 404, path: '/conversations/summary', message: 'No records found' });
		const summary = await runNode(alive5({ resource: 'summary', operation: 'get', ...documentedDay }));
		expect(summary.error?.message).toBe('Alive5: No records found');
		simulator.inject({ kind: 'html', path: '/account' });
		const html = await runNode(alive5({ resource: 'account', operation: 'get' }));
		expect(html.error?.message).toBe('Alive5 answered 502: 502 Bad Gateway upstream unavailable');
	});

	it('continues on fail with the error in the item', async () => {
		simulator.inject({ kind: 'envelopeError', path: '/account', message: 'Broken' });
		const { items } = await runNode(alive5({ resource: 'account', operation: 'get' }, { continueOnFail: true }));
		expect(items[0].json.error).toBe('Alive5: Broken');
	});
});

describe('Alive5 date ranges, as the sources name them and whether or not Alive5 honours them', () => {
	for (const smsIgnoresDates of [false, true]) {
		const how = smsIgnoresDates ? 'ignores the dates (Postman-based docs)' : 'honours date_start / date_end';
		it(`keeps one day of SMS conversations when Alive5 ${how}`, async () => {
			simulator.smsIgnoresDates = smsIgnoresDates;
			const { items, error } = await runNode(
				alive5({ resource: 'smsConversation', operation: 'getAll', returnAll: true, filters: documentedDay, output: 'raw' }),
			);
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.alive5_sessionID)).toEqual([documentedSms.alive5_sessionID]);
			expect(simulator.requests[0].query).toEqual({ date_start: DOCUMENTED_DAY, date_end: DOCUMENTED_DAY });
		});

		it(`keeps an open-ended range (start only) when Alive5 ${how}`, async () => {
			simulator.smsIgnoresDates = smsIgnoresDates;
			const since = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
			const { items } = await runNode(
				alive5({ resource: 'smsConversation', operation: 'getAll', returnAll: true, filters: { dateStart: since } }),
			);
			// the six seeded recent conversations, not the one of 2024
			expect(items).toHaveLength(6);
			expect(items.map((item) => item.json.alive5_sessionID)).not.toContain(documentedSms.alive5_sessionID);
		});
	}

	it('applies the range to every conversation list', async () => {
		simulator.smsIgnoresDates = true;
		for (const kind of ['fbm', 'livechat'] as const) simulator.conversations.push(simulator.makeConversation(kind, Date.UTC(2024, 2, 5, 9)));
		for (const resource of ['smsConversation', 'fbmConversation', 'liveChatConversation']) {
			const { items } = await runNode(alive5({ resource, operation: 'getAll', returnAll: true, filters: documentedDay, output: 'transcript' }));
			expect(items.map((item) => item.json.startedAt)).toHaveLength(1);
			expect(String(items[0].json.startedAt).slice(0, 10)).toBe('2024-03-05');
			expect(simulator.requests.at(-1)?.query).toMatchObject({ date_start: DOCUMENTED_DAY, date_end: DOCUMENTED_DAY });
		}
	});

	it('keeps paging live chats when a whole page falls outside the range', async () => {
		const outside = Array.from({ length: 100 }, (_, index) => ({ alive5_sessionID: `old-${index}`, start_time: '2024-01-01T10:00:00.000Z' }));
		const inside = [{ alive5_sessionID: 'on-the-day', start_time: '2024-03-05T10:00:00.000Z' }];
		const page = (items: unknown[], number: number) => ({ code: 200, data: { items, page: number, totalPages: 2, totalRecord: 101 }, error: null });
		simulator.inject({ kind: 'status', status: 200, path: '/conversations/livechat', body: page(outside, 1) });
		simulator.inject({ kind: 'status', status: 200, path: '/conversations/livechat', body: page(inside, 2) });
		for (const parallelPageRequests of [1, 4]) {
			const { items } = await runNode(
				alive5({ resource: 'liveChatConversation', operation: 'getAll', returnAll: true, options: { parallelPageRequests }, filters: documentedDay }),
			);
			expect(items.map((item) => item.json.alive5_sessionID)).toEqual(['on-the-day']);
			expect(simulator.requests.map((request) => request.query.page)).toEqual(['1', '2']);
			simulator.requests.length = 0;
			simulator.inject({ kind: 'status', status: 200, path: '/conversations/livechat', body: page(outside, 1) });
			simulator.inject({ kind: 'status', status: 200, path: '/conversations/livechat', body: page(inside, 2) });
		}
	});

	it('reads start times in epoch seconds and milliseconds when it applies the range', async () => {
		const at = Date.UTC(2024, 2, 5, 9);
		const items = [
			{ alive5_sessionID: 'seconds', start_time: at / 1000 },
			{ alive5_sessionID: 'milliseconds', start_time: at },
			{ alive5_sessionID: 'text', start_time: String(at) },
			{ alive5_sessionID: 'next day', start_time: at + 86_400_000 },
		];
		simulator.inject({ kind: 'status', status: 200, path: '/conversations/fbm', body: { code: 200, data: { Items: items, page: 1, pages: 1 }, error: null } });
		const { items: kept } = await runNode(alive5({ resource: 'fbmConversation', operation: 'getAll', returnAll: true, filters: documentedDay }));
		expect(kept.map((item) => item.json.alive5_sessionID)).toEqual(['seconds', 'milliseconds', 'text']);
	});
});

describe('Alive5 errors inside an HTTP 200 envelope', () => {
	for (const errorShape of ['dataCode', 'dataErrors'] as const) {
		const httpCode = errorShape === 'dataCode' ? '400' : '500';
		it(`fails a send with Alive5's message when the error sits in data (${errorShape})`, async () => {
			simulator.errorShape = errorShape;
			const { items, error } = await runNode(sendSms({ userId: 'u-cara' }));
			expect(items).toEqual([]);
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toBe('Alive5: User u-cara is not in channel ch-sales');
			expect(error?.httpCode).toBe(httpCode);
		});

		it(`fails a list instead of returning nothing (${errorShape})`, async () => {
			simulator.errorShape = errorShape;
			const list = await runNode(
				alive5({ resource: 'smsConversation', operation: 'getAll', returnAll: true, filters: documentedDay, options: { dateFormat: 'yyyy-MM-dd' } }),
			);
			expect(list.error?.name).toBe('NodeApiError');
			expect(list.error?.message).toBe('Alive5: Invalid date_start: expected MM-DD-YYYY');
			const paged = await runNode(alive5({ resource: 'liveChatConversation', operation: 'getAll', limit: 5, options: { firstPage: 0 } }));
			expect(paged.error?.message).toBe('Alive5: page is required (1, 2, ...)');
		});
	}

	it('reads data: {code: 400, error} on any answer, lists included', async () => {
		const nested = { code: 200, data: { code: 400, error: 'Organization suspended' }, error: null };
		for (const [resource, path] of [['tag', '/objects/tags/list'], ['channel', '/objects/channels-and-users/list']]) {
			simulator.inject({ kind: 'status', status: 200, path, body: nested });
			const { items, error } = await runNode(alive5({ resource, operation: 'getAll', returnAll: true }));
			expect(items).toEqual([]);
			expect(error?.message).toBe('Alive5: Organization suspended');
			expect(error?.httpCode).toBe('400');
		}
	});

	it('still reads "no records" in data as an empty conversation list', async () => {
		simulator.errorShape = 'dataCode';
		const { items, error } = await runNode(
			alive5({ resource: 'smsConversation', operation: 'getAll', returnAll: true, filters: { dateStart: '2001-01-01', dateEnd: '2001-01-02' } }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});
