/**
 * An expired OAuth2 token in LiveChat's own calls (the trigger's webhook registration), not only in
 * the declarative actions: n8n refreshes it, and the call goes through with the new token.
 */
import { webhookNode } from '../../engine/harness';
import { LC_CLIENT_ID, LiveChatSimulator } from '../../simulators/liveChat';

const simulator = new LiveChatSimulator();
let baseUrl: string;

beforeAll(async () => (baseUrl = await simulator.start()));
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const oauthTrigger = (accessToken: string) =>
	webhookNode({
		type: 'liveChatTrigger',
		parameters: { authentication: 'oAuth2', events: ['incoming_chat'], output: 'withAction' },
		credentials: {
			liveChatOAuth2Api: {
				baseUrl,
				clientId: LC_CLIENT_ID,
				clientSecret: 'sandbox-client-secret',
				accessTokenUrl: `${baseUrl}/v2/token`,
				oauthTokenData: { access_token: accessToken, refresh_token: 'sandbox-refresh-token', token_type: 'Bearer' },
			},
		},
	});

describe('LiveChat Trigger with OAuth2', () => {
	it('has n8n refresh an expired token once, then registers its webhook with the new one', async () => {
		simulator.region = 'fra';
		const node = oauthTrigger('fra:expired-token');
		expect(await node.activate()).toEqual({ existed: false, created: true });
		expect(simulator.refreshes).toBe(1);
		expect(simulator.webhooks.map((webhook) => webhook.action)).toEqual(['incoming_chat']);
		const signed = simulator.requests.map((request) => request.headers.authorization ?? '');
		expect(signed.filter((header) => header === 'Bearer fra:expired-token')).toHaveLength(2);
		expect(signed.slice(signed.indexOf('Bearer fra:refreshed-1'))).not.toContain('Bearer fra:expired-token');
	});

	it('fails clearly, without the tokens, when the refresh token is no longer valid', async () => {
		simulator.region = 'fra';
		simulator.refreshTokens.clear();
		const error = await oauthTrigger('fra:expired-token')
			.activate()
			.then(() => undefined, (failure: Error & { description?: string }) => failure);
		expect(`${error?.message} ${error?.description}`).toMatch(/reconnect|refresh|invalid_grant/i);
		const everything = JSON.stringify(error) + String(error?.stack);
		expect(everything).not.toContain('expired-token');
		expect(everything).not.toContain('sandbox-refresh-token');
		expect(everything).not.toContain('sandbox-client-secret');
		expect(simulator.webhooks).toEqual([]);
	});
});
