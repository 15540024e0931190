/**
 * Every polling trigger (and each of its events that reads a list of new records), with a way to
 * add k new records to its simulator. Page sizes are the API's largest (Infinity: the endpoint is
 * not paged and answers the whole range at once, so its floor is one request).
 */
import type { IDataObject } from 'n8n-workflow';

import type { NodeUnderTest } from '../engine/harness';
import type { Simulator } from '../simulators/base';
import { Alive5Simulator } from '../simulators/alive5';
import { FC_RW_TOKEN, FiveChatSimulator } from '../simulators/fiveChat';
import { LiveAgentSimulator } from '../simulators/liveAgent';
import { SocialIntentsSimulator } from '../simulators/socialIntents';

export interface TriggerCase {
	name: string;
	pageSize: number;
	setup: () => Promise<{ simulator: Simulator; node: NodeUnderTest; add: (k: number) => Promise<void> }>;
}

type Controls = Record<string, (body: unknown) => unknown>;
/** The simulator's own control actions (what POST /__sim/<name> runs), called in-process. */
const controls = (simulator: Simulator) => (simulator as unknown as { controls: () => Controls }).controls();

export const triggerCases: TriggerCase[] = [
	{
		name: 'SocialIntentsPollingTrigger (chat)',
		pageSize: Infinity,
		async setup() {
			const simulator = new SocialIntentsSimulator();
			await simulator.start();
			return {
				simulator,
				node: {
					type: 'socialIntentsPollingTrigger',
					parameters: { event: 'chat', lateArrivalDays: 1, output: 'raw' },
					credentials: { socialIntentsApi: { accountId: simulator.accountId, apiToken: simulator.apiToken, baseUrl: simulator.baseUrl } },
				},
				async add(k) {
					const now = Date.now();
					for (let i = 0; i < k; i++) await controls(simulator).chat({ startMs: now - 60_000 + i * 100 });
				},
			};
		},
	},
	{
		name: 'FiveChatTrigger (newConversation)',
		pageSize: 100,
		async setup() {
			const simulator = new FiveChatSimulator();
			await simulator.start();
			return {
				simulator,
				node: {
					type: 'fiveChatTrigger',
					parameters: { event: 'newConversation', lateArrivalMinutes: 5, watch: 100, output: 'raw' },
					credentials: { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: simulator.baseUrl } },
				},
				async add(k) {
					const at = Date.now() + 1000;
					for (let i = 0; i < k; i++) simulator.addConversation({ createdAt: new Date(at + i * 10).toISOString() });
				},
			};
		},
	},
	{
		name: 'FiveChatTrigger (newTicket)',
		pageSize: 100,
		async setup() {
			const simulator = new FiveChatSimulator();
			await simulator.start();
			return {
				simulator,
				node: {
					type: 'fiveChatTrigger',
					parameters: { event: 'newTicket', lateArrivalMinutes: 5, output: 'raw' },
					credentials: { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: simulator.baseUrl } },
				},
				async add(k) {
					const at = Date.now() + 1000;
					for (let i = 0; i < k; i++) simulator.addTicket({ title: `New ${i}`, createdAt: new Date(at + i * 10).toISOString() });
				},
			};
		},
	},
	{
		name: 'LiveAgentTrigger (newConversation)',
		pageSize: 1000,
		async setup() {
			const simulator = new LiveAgentSimulator();
			await simulator.start();
			return {
				simulator,
				node: {
					type: 'liveAgentTrigger',
					parameters: { event: 'newConversation', department: 'a5j9t4d8', lateArrivalMinutes: 5 },
					credentials: { liveAgentApi: { url: simulator.baseUrl, apiKey: simulator.apiKey, timeZone: simulator.zone } },
				},
				async add(k) {
					const at = Date.now() - 1000;
					for (let i = 0; i < k; i++) simulator.makeConversation({ created: at, departmentid: 'a5j9t4d8' });
				},
			};
		},
	},
	{
		name: 'LiveAgentTrigger (newCustomer)',
		pageSize: 1000,
		async setup() {
			const simulator = new LiveAgentSimulator();
			await simulator.start();
			return {
				simulator,
				node: {
					type: 'liveAgentTrigger',
					parameters: { event: 'newCustomer', lateArrivalMinutes: 5 },
					credentials: { liveAgentApi: { url: simulator.baseUrl, apiKey: simulator.apiKey, timeZone: simulator.zone } },
				},
				async add(k) {
					const at = Date.now() - 1000;
					for (let i = 0; i < k; i++) simulator.makeCustomer({ created: at });
				},
			};
		},
	},
	{
		name: 'Alive5PollingTrigger (sms)',
		pageSize: Infinity,
		async setup() {
			const simulator = new Alive5Simulator();
			await simulator.start();
			return {
				simulator,
				node: alive5Trigger(simulator, 'sms'),
				async add(k) {
					const now = Date.now();
					for (let i = 0; i < k; i++) controls(simulator).conversation({ kind: 'sms', startMs: now - 60_000 + i * 100 });
				},
			};
		},
	},
	{
		name: 'Alive5PollingTrigger (liveChat)',
		pageSize: 100,
		async setup() {
			const simulator = new Alive5Simulator();
			await simulator.start();
			return {
				simulator,
				node: alive5Trigger(simulator, 'liveChat'),
				async add(k) {
					const now = Date.now();
					for (let i = 0; i < k; i++) controls(simulator).conversation({ kind: 'livechat', startMs: now - 60_000 + i * 100 });
				},
			};
		},
	},
];

function alive5Trigger(simulator: Alive5Simulator, event: string): NodeUnderTest {
	return {
		type: 'alive5PollingTrigger',
		parameters: { event, lateArrivalDays: 1, output: 'raw' } as IDataObject,
		credentials: { alive5Api: { apiKey: simulator.apiKey, baseUrl: simulator.baseUrl } },
	};
}
