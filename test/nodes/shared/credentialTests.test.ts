/**
 * Every credential type's test, run as n8n's credentials tester runs it (test/engine/credentialTest.ts):
 * the right key passes; a wrong key fails with a message saying the key is wrong; an address that
 * answers every path with HTTP 200 and a web page (the vendor's web app pasted instead of its API), or
 * with JSON of another service, fails with a message saying the address is wrong. No answer shows the key.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { testCredential } from '../../engine/credentialTest';
import type { Simulator } from '../../simulators/base';
import { Alive5Simulator } from '../../simulators/alive5';
import { FC_RW_TOKEN, FiveChatSimulator } from '../../simulators/fiveChat';
import { LiveAgentSimulator } from '../../simulators/liveAgent';
import { LC_CLIENT_ID, LiveChatSimulator } from '../../simulators/liveChat';
import { SocialIntentsSimulator } from '../../simulators/socialIntents';

interface Case {
	type: string;
	simulator: Simulator;
	/** The credential's data for the simulator at `baseUrl`. */
	data: (baseUrl: string) => ICredentialDataDecryptedObject;
	/** The same with the secret replaced by a wrong one. */
	wrong: (data: ICredentialDataDecryptedObject) => ICredentialDataDecryptedObject;
	secret: string;
	/** 5chat documents no field of its answer: another service's JSON cannot be told from it. */
	knowsItsAnswer: boolean;
}

const alive5 = new Alive5Simulator();
const fiveChat = new FiveChatSimulator();
const liveAgent = new LiveAgentSimulator();
const liveChat = new LiveChatSimulator();
const socialIntents = new SocialIntentsSimulator();
const WRONG = 'wrong-secret-0000';

const cases: Case[] = [
	{ type: 'alive5Api', simulator: alive5, data: (baseUrl) => ({ apiKey: alive5.apiKey, baseUrl }), wrong: (d) => ({ ...d, apiKey: WRONG }), secret: alive5.apiKey, knowsItsAnswer: true },
	{
		type: 'fiveChatApi',
		simulator: fiveChat,
		data: (baseUrl) => ({ apiToken: FC_RW_TOKEN, baseUrl }),
		wrong: (d) => ({ ...d, apiToken: WRONG }),
		secret: FC_RW_TOKEN,
		knowsItsAnswer: false,
	},
	{ type: 'liveAgentApi', simulator: liveAgent, data: (url) => ({ url, apiKey: liveAgent.apiKey }), wrong: (d) => ({ ...d, apiKey: WRONG }), secret: liveAgent.apiKey, knowsItsAnswer: true },
	{
		type: 'liveChatPersonalAccessTokenApi',
		simulator: liveChat,
		data: (baseUrl) => ({ accountId: liveChat.accountId, accessToken: liveChat.token, region: 'auto', clientId: LC_CLIENT_ID, baseUrl }),
		wrong: (d) => ({ ...d, accessToken: WRONG }),
		secret: liveChat.token,
		knowsItsAnswer: true,
	},
	{
		type: 'liveChatOAuth2Api',
		simulator: liveChat,
		data: (baseUrl) => ({
			baseUrl,
			clientId: LC_CLIENT_ID,
			clientSecret: 'sandbox-client-secret',
			accessTokenUrl: `${liveChat.baseUrl}/v2/token`,
			oauthTokenData: { access_token: 'dal:sandbox-oauth-token', token_type: 'Bearer' },
		}),
		wrong: (d) => ({ ...d, oauthTokenData: { access_token: WRONG, token_type: 'Bearer' } }),
		secret: 'dal:sandbox-oauth-token',
		knowsItsAnswer: true,
	},
	{
		type: 'socialIntentsApi',
		simulator: socialIntents,
		data: (baseUrl) => ({ accountId: socialIntents.accountId, apiToken: socialIntents.apiToken, baseUrl }),
		wrong: (d) => ({ ...d, apiToken: WRONG }),
		secret: socialIntents.apiToken,
		knowsItsAnswer: true,
	},
];

/** A web app: every path answers HTTP 200, with a web page or with another service's JSON. */
function webApp(body: string, contentType: string): Promise<{ server: Server; url: string }> {
	const server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': contentType });
		response.end(body);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

let page: { server: Server; url: string };
let otherJson: { server: Server; url: string };

beforeAll(async () => {
	for (const simulator of new Set(cases.map((c) => c.simulator))) await simulator.start();
	page = await webApp('<!doctype html><html><body>Sign in</body></html>', 'text/html; charset=utf-8');
	otherJson = await webApp('{"ok":true,"service":"something else"}', 'application/json');
});

afterAll(async () => {
	for (const simulator of new Set(cases.map((c) => c.simulator))) await simulator.stop();
	page.server.close();
	otherJson.server.close();
});

describe.each(cases.map((c) => [c.type, c] as const))('%s credential test', (_type, c) => {
	it('passes with the right key at the API address', async () => {
		expect(await testCredential(c.type, c.data(c.simulator.baseUrl))).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('fails with a wrong key, saying so, without the key', async () => {
		const data = c.wrong(c.data(c.simulator.baseUrl));
		const result = await testCredential(c.type, data);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/key|token|authentication/i);
		expect(result.message).not.toMatch(/Wrong address/);
		expect(JSON.stringify(result)).not.toContain(WRONG);
	});

	it('fails on an address that answers 200 with a web page: wrong address, no key shown', async () => {
		const result = await testCredential(c.type, c.data(page.url));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Wrong address: .* answered with a web page/) });
		expect(JSON.stringify(result)).not.toContain(c.secret);
	});

	if (c.knowsItsAnswer) {
		it("fails on an address that answers 200 with another service's JSON: wrong address", async () => {
			const result = await testCredential(c.type, c.data(otherJson.url));
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Wrong address: .* answered JSON, but not as/) });
		});
	}
});

describe('alive5Api credential test when Alive5 refuses the key inside an HTTP 200', () => {
	afterEach(() => (alive5.refusal = 'status'));

	it('{"code":400,"error":"Invalid token"} in a 200 fails as a wrong key', async () => {
		alive5.refusal = 'body';
		const result = await testCredential('alive5Api', { apiKey: WRONG, baseUrl: alive5.baseUrl });
		expect(result).toEqual({ status: 'Error', message: 'Wrong key: Alive5 refused the API key (400 "Invalid token")' });
	});
});
