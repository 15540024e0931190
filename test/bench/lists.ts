/**
 * Every paginated list of the package, each with a simulator seeded with `n` items, the node
 * parameters of its Return All, and a bare client that makes the floor's requests
 * (ceil(n / largest page)) one after another and keeps the parsed items.
 */
import type { NodeUnderTest } from '../engine/harness';
import type { SimRequest, SimResponse, Simulator } from '../simulators/base';
import { Alive5Simulator } from '../simulators/alive5';
import { FC_RW_TOKEN, FiveChatSimulator } from '../simulators/fiveChat';
import { LiveAgentSimulator } from '../simulators/liveAgent';
import { LiveAgentV3Simulator } from '../simulators/liveAgentV3';
import { LC_CUSTOMER_ID, LiveChatSimulator } from '../simulators/liveChat';
import { bareRequest } from './bare';

type Obj = Record<string, unknown>;

export interface ListSetup {
	simulator: Simulator;
	node: NodeUnderTest;
	/** The floor's requests, one after another; resolves to the items read. */
	bare: () => Promise<unknown[]>;
	/** Request path prefix the list uses (requests are counted on it). */
	path: string;
}

export interface ListCase {
	name: string;
	/** The largest page the API allows. */
	maxPage: number;
	/** The first page tells the total, so the node offers "Parallel Page Requests". */
	parallelPages?: boolean;
	setup: (n: number) => Promise<ListSetup>;
}

/**
 * Makes the simulator answer each distinct request from a cache after the first time, already
 * serialized. The simulators rebuild (filter, sort, render) the whole list for every page, several
 * ms of CPU in this process per page at N = 10,000, which a real API with an index does not spend;
 * with requests in parallel that CPU, not the client, would set the pace. The data does not change
 * while a list is measured, so the answers are the same bytes.
 */
export function cacheAnswers(simulator: Simulator): void {
	const target = simulator as unknown as { dispatch: (request: SimRequest) => Promise<SimResponse> };
	const dispatch = target.dispatch.bind(simulator);
	const answers = new Map<string, Promise<SimResponse>>();
	target.dispatch = async (request) => {
		const { authorization, 'x-a5-apikey': alive5Key } = request.headers;
		const key = JSON.stringify([request.method, request.path, Object.entries(request.query).sort(), authorization, alive5Key, request.rawBody]);
		let answer = answers.get(key);
		if (!answer) {
			answer = dispatch(request).then((response) =>
				typeof response.body === 'object' ? { ...response, body: JSON.stringify(response.body) } : response,
			);
			answers.set(key, answer);
		}
		return await answer;
	};
}

const floorOf = (n: number, page: number) => Math.ceil(n / page);

/** LiveChat's cursor lists: the first body carries the limit, the next ones only page_id (+ keep). */
function liveChatBare(simulator: LiveChatSimulator, action: string, first: Obj, keep: Obj = {}) {
	const auth = `Basic ${Buffer.from(`${simulator.accountId}:${simulator.token}`).toString('base64')}`;
	const url = `${simulator.baseUrl}/v3.6/agent/action/${action}`;
	const key = action === 'list_threads' ? 'threads' : action === 'list_chats' ? 'chats_summary' : 'chats';
	return async () => {
		const items: unknown[] = [];
		let body: Obj = { ...first, limit: 100 };
		for (;;) {
			const answer = (await bareRequest('POST', url, { Authorization: auth }, body)) as Obj;
			items.push(...(answer[key] as unknown[]));
			if (typeof answer.next_page_id !== 'string') return items;
			body = { ...keep, page_id: answer.next_page_id };
		}
	};
}

async function liveChatSimulator(): Promise<LiveChatSimulator> {
	const simulator = new LiveChatSimulator();
	await simulator.start();
	return simulator;
}

const liveChatCredentials = (simulator: LiveChatSimulator) => ({
	liveChatPersonalAccessTokenApi: { accountId: simulator.accountId, accessToken: simulator.token, baseUrl: simulator.baseUrl },
});

/** n chats of one thread each: list_chats and list_archives both hold n. */
function seedChats(simulator: LiveChatSimulator, n: number): void {
	simulator.chats = new Map();
	for (let i = 0; i < n; i++) {
		const chat = simulator.makeChat(`BENCH${String(i).padStart(7, '0')}`, `BT${String(i).padStart(8, '0')}`, false, LC_CUSTOMER_ID);
		simulator.chats.set(chat.id, chat);
	}
}

export const listCases: ListCase[] = [
	{
		name: 'LiveChat chat: list chats',
		maxPage: 100,
		async setup(n) {
			const simulator = await liveChatSimulator();
			seedChats(simulator, n);
			return {
				simulator,
				path: '/v3.6/agent/action/list_chats',
				node: { type: 'liveChat', parameters: { resource: 'chat', operation: 'listChats', returnAll: true }, credentials: liveChatCredentials(simulator) },
				bare: liveChatBare(simulator, 'list_chats', {}),
			};
		},
	},
	{
		name: 'LiveChat chat: list archives',
		maxPage: 100,
		async setup(n) {
			const simulator = await liveChatSimulator();
			seedChats(simulator, n);
			return {
				simulator,
				path: '/v3.6/agent/action/list_archives',
				node: { type: 'liveChat', parameters: { resource: 'chat', operation: 'listArchives', returnAll: true }, credentials: liveChatCredentials(simulator) },
				bare: liveChatBare(simulator, 'list_archives', {}),
			};
		},
	},
	{
		name: 'LiveChat thread: list',
		maxPage: 100,
		async setup(n) {
			const simulator = await liveChatSimulator();
			const chat = simulator.makeChat('BENCHTHREAD', 'BTH0000000', false, LC_CUSTOMER_ID);
			const template = chat.threads[0];
			chat.threads = Array.from({ length: n }, (_, i) => ({
				...template,
				id: `BTH${String(i).padStart(7, '0')}`,
				created_at: new Date(Date.UTC(2023, 0, 1) + i * 1000).toISOString(),
			}));
			simulator.chats.set(chat.id, chat);
			return {
				simulator,
				path: '/v3.6/agent/action/list_threads',
				node: { type: 'liveChat', parameters: { resource: 'thread', operation: 'list', chatId: chat.id, returnAll: true }, credentials: liveChatCredentials(simulator) },
				bare: liveChatBare(simulator, 'list_threads', { chat_id: chat.id }, { chat_id: chat.id }),
			};
		},
	},
	{
		name: 'LiveAgent customer: get many',
		maxPage: 1000,
		async setup(n) {
			const simulator = await liveAgentCustomers(n);
			return {
				simulator,
				path: '/api/customers',
				node: liveAgentCustomerNode(simulator),
				bare: liveAgentCustomerBare(simulator, n),
			};
		},
	},
	{
		name: 'LiveAgent v3 ticket: get many',
		maxPage: 100,
		async setup(n) {
			const simulator = new LiveAgentV3Simulator();
			await simulator.start();
			const epoch = Date.parse('2024-06-01T00:00:00Z');
			for (let i = simulator.tickets.length; i < n; i++) simulator.makeTicket({ at: epoch + i * 1000 });
			const headers = { apikey: simulator.apiKey };
			return {
				simulator,
				path: '/api/v3/tickets',
				node: { type: 'liveAgentV3', parameters: { resource: 'ticket', operation: 'getAll', returnAll: true, output: 'raw' }, credentials: { liveAgentV3Api: { url: simulator.baseUrl, apiKey: simulator.apiKey, timeZone: 'UTC' } } },
				async bare() {
					const items: unknown[] = [];
					// a short last page ends the list, as the node reads it: one more request when n is a multiple of 100
					for (let page = 1; ; page++) {
						const answer = (await bareRequest('GET', `${simulator.baseUrl}/api/v3/tickets?_page=${page}&_perPage=100`, headers)) as unknown[];
						items.push(...answer);
						if (answer.length < 100) return items;
					}
				},
			};
		},
	},
	{
		name: '5chat conversation: get many',
		maxPage: 100,
		parallelPages: true,
		async setup(n) {
			const simulator = new FiveChatSimulator(n);
			await simulator.start();
			return {
				simulator,
				path: '/conversations',
				node: { type: 'fiveChat', parameters: { resource: 'conversation', operation: 'getAll', returnAll: true }, credentials: { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: simulator.baseUrl } } },
				bare: fiveChatBare(simulator, '/conversations', n),
			};
		},
	},
	{
		name: '5chat ticket: get many',
		maxPage: 100,
		parallelPages: true,
		async setup(n) {
			const simulator = new FiveChatSimulator(10);
			await simulator.start();
			const epoch = Date.now();
			for (let i = simulator.tickets.length; i < n; i++) {
				simulator.addTicket({ title: `Bench ${i}`, createdAt: new Date(epoch - 86_400_000 - i * 1000).toISOString() });
			}
			return {
				simulator,
				path: '/tickets',
				node: { type: 'fiveChat', parameters: { resource: 'ticket', operation: 'getAll', returnAll: true }, credentials: { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: simulator.baseUrl } } },
				bare: fiveChatBare(simulator, '/tickets', n),
			};
		},
	},
	{
		name: 'Alive5 live chat: get many',
		maxPage: 100,
		parallelPages: true,
		async setup(n) {
			const simulator = new Alive5Simulator();
			await simulator.start();
			const now = Date.now();
			const have = simulator.conversations.filter((conversation) => conversation.kind === 'livechat').length;
			for (let i = have; i < n; i++) simulator.conversations.push(simulator.makeConversation('livechat', now - 3600_000 - i * 5_000));
			const headers = { 'X-A5-APIKEY': simulator.apiKey };
			return {
				simulator,
				path: '/conversations/livechat',
				node: { type: 'alive5', parameters: { resource: 'liveChatConversation', operation: 'getAll', returnAll: true }, credentials: { alive5Api: { apiKey: simulator.apiKey, baseUrl: simulator.baseUrl } } },
				async bare() {
					const items: unknown[] = [];
					for (let page = 1; page <= floorOf(n, 100); page++) {
						const answer = (await bareRequest('GET', `${simulator.baseUrl}/conversations/livechat?page=${page}&limit=100`, headers)) as { data: { items: unknown[] } };
						items.push(...answer.data.items);
					}
					return items;
				},
			};
		},
	},
];

function fiveChatBare(simulator: FiveChatSimulator, path: string, n: number) {
	return async () => {
		const items: unknown[] = [];
		for (let page = 1; page <= floorOf(n, 100); page++) {
			const answer = (await bareRequest('GET', `${simulator.baseUrl}${path}?page=${page}&limit=100`, { Authorization: `Bearer ${FC_RW_TOKEN}` })) as { data: unknown[] };
			items.push(...answer.data);
		}
		return items;
	};
}

/** A LiveAgent simulator holding exactly n customers. */
export async function liveAgentCustomers(n: number): Promise<LiveAgentSimulator> {
	const simulator = new LiveAgentSimulator();
	await simulator.start();
	simulator.customers = [];
	const now = Date.now();
	for (let i = 0; i < n; i++) simulator.makeCustomer({ created: now - 3600_000 - i * 1000 });
	return simulator;
}

export function liveAgentCustomerNode(simulator: LiveAgentSimulator, url = simulator.baseUrl): NodeUnderTest {
	return {
		type: 'liveAgent',
		parameters: { resource: 'customer', operation: 'getAll', returnAll: true },
		credentials: { liveAgentApi: { url, apiKey: simulator.apiKey, timeZone: simulator.zone } },
	};
}

export function liveAgentCustomerBare(simulator: { apiKey: string; baseUrl: string }, n: number) {
	return async () => {
		const items: unknown[] = [];
		for (let page = 0; page < floorOf(n, 1000); page++) {
			const answer = (await bareRequest(
				'GET',
				`${simulator.baseUrl}/api/customers?apikey=${simulator.apiKey}&limitfrom=${page * 1000}&limitcount=1000`,
			)) as { response: { customers: unknown[] } };
			items.push(...answer.response.customers);
		}
		return items;
	};
}
