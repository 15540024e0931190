/**
 * Date parameters in a workflow whose time zone is America/New_York (Settings → Timezone): every form
 * n8n can hand a node means the user's date there. 21:00 on 5 March in New York is 02:00 on 6 March
 * in UTC; the whole-day filters must ask for 5 March, the instant filters for 02:00Z.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { Alive5Simulator } from '../../simulators/alive5';
import { LiveChatSimulator } from '../../simulators/liveChat';
import { SocialIntentsSimulator } from '../../simulators/socialIntents';

const ZONE = 'America/New_York';
const socialIntents = new SocialIntentsSimulator();
const alive5 = new Alive5Simulator();
const liveChat = new LiveChatSimulator();

beforeAll(async () => {
	await Promise.all([socialIntents.start(), alive5.start(), liveChat.start()]);
});
afterAll(async () => {
	await Promise.all([socialIntents.stop(), alive5.stop(), liveChat.stop()]);
});
beforeEach(() => {
	socialIntents.reset();
	alive5.reset();
	liveChat.reset();
});

/** 21:00 on 5 March 2026 in New York, in each form a parameter can take. */
const FORMS: Array<[string, string]> = [
	['a JS Date from an expression', "={{ new Date('2026-03-06T02:00:00Z') }}"],
	['a luxon DateTime in the workflow zone ($now-like)', `={{ DateTime.fromISO('2026-03-05T21:00:00', { zone: '${ZONE}' }) }}`],
	['a luxon DateTime in UTC', "={{ DateTime.fromISO('2026-03-06T02:00:00Z', { zone: 'UTC' }) }}"],
	['ISO text without an offset', '2026-03-05T21:00:00'],
	['ISO text with an offset', '2026-03-05T21:00:00-05:00'],
];

const run = (type: string, parameters: IDataObject, credentials: IDataObject) =>
	runNode({ type, parameters, credentials: credentials as never }, [{}], { timezone: ZONE });

describe(`whole-day filters in a workflow in ${ZONE}`, () => {
	it.each(FORMS)('Social Intents → Chats → Date From, %s: asks for 5 March', async (_form, value) => {
		const { error } = await run(
			'socialIntents',
			{ resource: 'chat', operation: 'getAll', returnAll: true, filters: { dateFrom: value } },
			{ socialIntentsApi: { accountId: socialIntents.accountId, apiToken: socialIntents.apiToken, baseUrl: socialIntents.baseUrl } },
		);
		expect(error).toBeUndefined();
		expect(socialIntents.requests[0].query.date_from).toBe('2026-03-05');
	});

	it('Social Intents → Chats → Date From, the date picker\'s value (midnight, no offset): asks for that day', async () => {
		await run(
			'socialIntents',
			{ resource: 'chat', operation: 'getAll', returnAll: true, filters: { dateFrom: '2026-03-05T00:00:00' } },
			{ socialIntentsApi: { accountId: socialIntents.accountId, apiToken: socialIntents.apiToken, baseUrl: socialIntents.baseUrl } },
		);
		expect(socialIntents.requests[0].query.date_from).toBe('2026-03-05');
	});

	it.each(FORMS)('Alive5 → SMS Conversations → Start Date, %s: asks for 5 March', async (_form, value) => {
		const { error } = await run(
			'alive5',
			{
				resource: 'smsConversation',
				operation: 'getAll',
				returnAll: true,
				filters: { dateStart: value, dateEnd: '2026-03-05T23:00:00' },
			},
			{ alive5Api: { apiKey: alive5.apiKey, baseUrl: alive5.baseUrl } },
		);
		expect(error).toBeUndefined();
		// Alive5's day format, MM-DD-YYYY (FACTS.md)
		expect(alive5.requests[0].query).toEqual(expect.objectContaining({ date_start: '03-05-2026', date_end: '03-05-2026' }));
	});
});

describe(`instant filters in a workflow in ${ZONE}`, () => {
	it.each(FORMS)('LiveChat → Threads → Filters → From, %s: the same instant', async (_form, value) => {
		const { error } = await run(
			'liveChat',
			{ resource: 'thread', operation: 'list', chatId: 'PJ0MRSHTDG', returnAll: true, threadFilters: { from: value } },
			{ liveChatPersonalAccessTokenApi: { accountId: liveChat.accountId, accessToken: liveChat.token, baseUrl: liveChat.baseUrl } },
		);
		expect(error).toBeUndefined();
		const body = liveChat.requests.find((request) => request.path.endsWith('/list_threads'))?.body as { filters?: { from?: string } };
		expect(new Date(String(body.filters?.from)).toISOString()).toBe('2026-03-06T02:00:00.000Z');
	});
});
