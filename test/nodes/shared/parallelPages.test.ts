/**
 * "Parallel Page Requests": once the first page has told how many pages a list has, the rest are
 * asked for several at once. Run through n8n's engine against the 5chat and Alive5 simulators.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { Alive5Simulator } from '../../simulators/alive5';
import { FC_RW_TOKEN, FiveChatSimulator } from '../../simulators/fiveChat';
import type { Simulator } from '../../simulators/base';

const fiveChat = new FiveChatSimulator(1000);
const alive5 = new Alive5Simulator();

beforeAll(async () => {
	await fiveChat.start();
	await alive5.start();
});
afterAll(async () => {
	await fiveChat.stop();
	await alive5.stop();
});
beforeEach(() => {
	fiveChat.reset();
	alive5.reset();
});

const conversations = (parameters: IDataObject) => ({
	type: 'fiveChat',
	parameters: { resource: 'conversation', operation: 'getAll', ...parameters },
	credentials: { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: fiveChat.baseUrl } },
});

const pagesAsked = (simulator: Simulator) => simulator.requests.map((request) => Number(request.query.page));

/** The most requests the simulator held at once during `run` (it answers after `latencyMs`). */
async function mostInFlight<T>(simulator: Simulator, run: () => Promise<T>): Promise<{ result: T; most: number }> {
	let most = 0;
	const watch = setInterval(() => (most = Math.max(most, simulator['inFlight'])), 1);
	try {
		return { result: await run(), most };
	} finally {
		clearInterval(watch);
	}
}

describe('Parallel Page Requests (5chat conversations, 1000 in 10 pages)', () => {
	it('returns the same items in the same order as one page after another, each page asked for once', async () => {
		fiveChat.latencyMs = 20;
		const sequential = await mostInFlight(fiveChat, () => runNode(conversations({ returnAll: true, options: { parallelPageRequests: 1 } })));
		expect(sequential.result.error).toBeUndefined();
		expect(sequential.most).toBe(1);
		expect(pagesAsked(fiveChat)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

		fiveChat.requests.length = 0;
		const parallel = await mostInFlight(fiveChat, () => runNode(conversations({ returnAll: true, options: { parallelPageRequests: 4 } })));
		expect(parallel.result.error).toBeUndefined();
		const tokens = parallel.result.items.map((item) => item.json.token);
		expect(tokens).toEqual(sequential.result.items.map((item) => item.json.token));
		expect(new Set(tokens).size).toBe(1000);
		expect(pagesAsked(fiveChat)[0]).toBe(1);
		expect([...pagesAsked(fiveChat)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(parallel.most).toBeGreaterThan(1);
		expect(parallel.most).toBeLessThanOrEqual(4);
	});

	it('asks for four pages at once by default', async () => {
		fiveChat.latencyMs = 20;
		const { result, most } = await mostInFlight(fiveChat, () => runNode(conversations({ returnAll: true })));
		expect(result.items).toHaveLength(1000);
		expect(fiveChat.requests).toHaveLength(10);
		expect(most).toBe(4);
	});

	it('waits out a 429 in the middle and sends that page again, keeping the order', async () => {
		const expected = (await runNode(conversations({ returnAll: true, options: { parallelPageRequests: 1 } }))).items.map((item) => item.json.token);
		fiveChat.requests.length = 0;
		// The first five requests pass; the sixth is answered 429 with Retry-After: 1.
		fiveChat.inject({ kind: 'delay', delayMs: 0, path: '/conversations', times: 5 });
		fiveChat.inject({ kind: 'rateLimit', retryAfterSeconds: 1, path: '/conversations' });
		const { items, error } = await runNode(conversations({ returnAll: true, options: { parallelPageRequests: 4 } }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.token)).toEqual(expected);
		const asked = pagesAsked(fiveChat);
		expect(asked).toHaveLength(11);
		const refused = asked[5];
		expect(asked.filter((page) => page === refused)).toHaveLength(2);
		expect(new Set(asked).size).toBe(10);
		// the page sent again went out after Retry-After, not at once
		const [firstTry, secondTry] = fiveChat.requests.filter((request) => Number(request.query.page) === refused);
		expect(secondTry.at - firstTry.at).toBeGreaterThanOrEqual(1000);
	});

	it('asks for no page beyond what the Limit needs', async () => {
		const { items } = await runNode(conversations({ returnAll: false, limit: 250, options: { parallelPageRequests: 8 } }));
		expect(items).toHaveLength(250);
		expect([...pagesAsked(fiveChat)].sort()).toEqual([1, 2, 3]);

		fiveChat.requests.length = 0;
		const one = await runNode(conversations({ returnAll: false, limit: 100, options: { parallelPageRequests: 8 } }));
		expect(one.items).toHaveLength(100);
		expect(pagesAsked(fiveChat)).toEqual([1]);
	});

	it('stops asking for pages after one fails for good, and fails the node', async () => {
		fiveChat.inject({ kind: 'delay', delayMs: 0, path: '/conversations', times: 1 });
		fiveChat.inject({ kind: 'status', status: 500, path: '/conversations' });
		const { error } = await runNode(conversations({ returnAll: true, options: { parallelPageRequests: 2 } }));
		expect(error).toBeDefined();
		// page 1, then pages 2 and 3 at once (2 fails); no page after the failure was started
		expect(fiveChat.requests.length).toBeLessThanOrEqual(3);
	});
});

describe('Parallel Page Requests (Alive5 live chats)', () => {
	it('reads the pages the first answer counts (totalRecord), in order, each once', async () => {
		const now = Date.now();
		for (let i = 0; i < 370; i++) alive5.conversations.push(alive5.makeConversation('livechat', now - (i + 200) * 60_000));
		const node = (parallelPageRequests: number) => ({
			type: 'alive5',
			parameters: { resource: 'liveChatConversation', operation: 'getAll', returnAll: true, options: { parallelPageRequests } },
			credentials: { alive5Api: { apiKey: alive5.apiKey, baseUrl: alive5.baseUrl } },
		});
		const sequential = await runNode(node(1));
		expect(sequential.items).toHaveLength(500);
		expect(pagesAsked(alive5)).toEqual([1, 2, 3, 4, 5]);

		alive5.requests.length = 0;
		const parallel = await runNode(node(3));
		expect(parallel.error).toBeUndefined();
		expect(parallel.items.map((item) => item.json.alive5_sessionID)).toEqual(
			sequential.items.map((item) => item.json.alive5_sessionID),
		);
		expect([...pagesAsked(alive5)].sort()).toEqual([1, 2, 3, 4, 5]);
	});
});
