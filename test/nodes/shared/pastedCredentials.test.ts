/**
 * Credential values as they are pasted (issue 24, kind 2): a password manager's trailing line break, a
 * space after a token or URL. The key, token, account ID and URL are trimmed wherever requests are
 * signed and base URLs built — actions (declarative) and triggers (shared transport) alike.
 */
import { runNode, runPoll } from '../../engine/harness';
import { Alive5Simulator } from '../../simulators/alive5';
import { FC_RW_TOKEN, FiveChatSimulator } from '../../simulators/fiveChat';
import { LiveAgentSimulator } from '../../simulators/liveAgent';
import { LC_CUSTOMER_ID, LiveChatSimulator } from '../../simulators/liveChat';
import { SocialIntentsSimulator } from '../../simulators/socialIntents';

const liveChat = new LiveChatSimulator();
const liveAgent = new LiveAgentSimulator();
const fiveChat = new FiveChatSimulator();
const alive5 = new Alive5Simulator();
const socialIntents = new SocialIntentsSimulator();
const simulators = [liveChat, liveAgent, fiveChat, alive5, socialIntents];
const urls: string[] = [];

beforeAll(async () => {
	for (const simulator of simulators) urls.push(await simulator.start());
});
afterAll(async () => {
	for (const simulator of simulators) await simulator.stop();
});
beforeEach(() => {
	for (const simulator of simulators) simulator.reset();
});

const pasted = (value: string) => ` ${value} \n`;

describe('pasted credential values are trimmed', () => {
	it('LiveChat: account ID and token with spaces and a line break, URL with a trailing space', async () => {
		const { error } = await runNode({
			type: 'liveChat',
			parameters: { resource: 'customer', operation: 'get', customerId: LC_CUSTOMER_ID },
			credentials: { liveChatPersonalAccessTokenApi: { accountId: pasted(liveChat.accountId), accessToken: pasted(liveChat.token), baseUrl: `${urls[0]}/ ` } },
		});
		expect(error).toBeUndefined();
		expect(liveChat.requests[0].headers.authorization).toBe(`Basic ${Buffer.from(`${liveChat.accountId}:${liveChat.token}`).toString('base64')}`);
	});

	it('LiveAgent: the API key with a password manager’s line break, in the action and in the trigger', async () => {
		const credentials = { liveAgentApi: { url: `${urls[1]}\n`, apiKey: `${liveAgent.apiKey}\n`, timeZone: 'UTC' } };
		const { error } = await runNode({ type: 'liveAgent', parameters: { resource: 'application', operation: 'getStatus' }, credentials });
		expect(error).toBeUndefined();
		expect(liveAgent.requests[0].query.apikey).toBe(liveAgent.apiKey);
		await runPoll({ type: 'liveAgentTrigger', parameters: { event: 'newCustomer', department: '', options: { lateArrivalMinutes: 5 } }, credentials });
		expect(liveAgent.requests.at(-1)!.query.apikey).toBe(liveAgent.apiKey);
	});

	it('5chat: the API token with a trailing space', async () => {
		const { error } = await runNode({
			type: 'fiveChat',
			parameters: { resource: 'conversation', operation: 'getAll', returnAll: false, limit: 1 },
			credentials: { fiveChatApi: { apiToken: `${FC_RW_TOKEN} `, baseUrl: ` ${urls[2]}` } },
		});
		expect(error).toBeUndefined();
		expect(fiveChat.requests[0].headers.authorization).toBe(`Bearer ${FC_RW_TOKEN}`);
	});

	it('Alive5: the API key with a line break', async () => {
		const { error } = await runNode({
			type: 'alive5',
			parameters: { resource: 'account', operation: 'get' },
			credentials: { alive5Api: { apiKey: `${alive5.apiKey}\r\n`, baseUrl: urls[3] } },
		});
		expect(error).toBeUndefined();
		expect(alive5.requests[0].headers['x-a5-apikey']).toBe(alive5.apiKey);
	});

	it('Social Intents: account ID and token with a trailing space, in the action and in the polling trigger', async () => {
		const credentials = { socialIntentsApi: { accountId: pasted(socialIntents.accountId), apiToken: `${socialIntents.apiToken} `, baseUrl: `${urls[4]} ` } };
		const { error } = await runNode({ type: 'socialIntents', parameters: { resource: 'chat', operation: 'getAll', returnAll: false, limit: 1 }, credentials });
		expect(error).toBeUndefined();
		const basic = `Basic ${Buffer.from(`${socialIntents.accountId}:${socialIntents.apiToken}`).toString('base64')}`;
		expect(socialIntents.requests[0].headers.authorization).toBe(basic);
		await runPoll({ type: 'socialIntentsPollingTrigger', parameters: {}, credentials });
		expect(socialIntents.requests.at(-1)!.headers.authorization).toBe(basic);
	});
});
