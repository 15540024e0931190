import type { IDataObject } from 'n8n-workflow';

import { runPoll } from '../../engine/harness';
import { seededRandom } from '../../simulators/base';
import { SI_APPS, SocialIntentsSimulator } from '../../simulators/socialIntents';

const simulator = new SocialIntentsSimulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await simulator.start();
	credentials = { socialIntentsApi: { accountId: simulator.accountId, apiToken: simulator.apiToken, baseUrl } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const trigger = (parameters: IDataObject = {}) => ({
	type: 'socialIntentsPollingTrigger',
	parameters: { event: 'chat', options: { lateArrivalDays: 1 }, output: 'raw', ...parameters },
	credentials,
});

async function addChat(fields: IDataObject = {}): Promise<string> {
	const response = await fetch(`${simulator.baseUrl}/__sim/chat`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(fields),
	});
	return ((await response.json()) as { chat: { id: string } }).chat.id;
}

const ids = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => item.json.id);

describe('Social Intents Polling Trigger', () => {
	it('remembers existing chats on the first poll and emits only new ones after', async () => {
		const first = await runPoll(trigger());
		expect(first.items).toBeNull();
		expect(simulator.requests[0].query).toEqual({ date_from: expect.any(String), timezone: 'UTC' });

		const idle = await runPoll(trigger(), first.staticData);
		expect(idle.items).toBeNull();
		expect(simulator.count('GET', '/chats')).toBe(2);

		const created = await addChat();
		const next = await runPoll(trigger(), idle.staticData);
		expect(ids(next.items)).toEqual([created]);
		const again = await runPoll(trigger(), next.staticData);
		expect(again.items).toBeNull();
	});

	it('emits chats that share a timestamp, and a late one inside the window, exactly once', async () => {
		const { staticData } = await runPoll(trigger());
		const at = Date.now() - 60_000;
		const twins = [await addChat({ startMs: at }), await addChat({ startMs: at })];
		const first = await runPoll(trigger(), staticData);
		expect(ids(first.items).sort()).toEqual([...twins].sort());
		const late = await addChat({ startMs: at - 3 * 3600_000 });
		const second = await runPoll(trigger(), first.staticData);
		expect(ids(second.items)).toEqual([late]);
	});

	it('keeps the cursor when a poll fails, so the next poll still emits', async () => {
		const { staticData } = await runPoll(trigger());
		const created = await addChat();
		simulator.inject({ kind: 'status', status: 500, path: '/chats' });
		await expect(runPoll(trigger(), staticData)).rejects.toThrow('Social Intents: Injected failure');
		const retried = await runPoll(trigger(), staticData);
		expect(ids(retried.items)).toEqual([created]);
	});

	it('shows the newest chat on a manual run without moving the cursor', async () => {
		const { staticData } = await runPoll(trigger());
		const created = await addChat();
		const manual = await runPoll(trigger({ output: 'transcript' }), staticData, 'manual');
		expect(manual.items?.map((item) => item.json.conversationId)).toEqual([created]);
		expect(manual.staticData).toEqual(staticData);
	});

	it('polls leads and starts afresh when the event changes', async () => {
		const { staticData } = await runPoll(trigger());
		const leadState = await runPoll(trigger({ event: 'lead' }), staticData);
		expect(leadState.items).toBeNull();
		expect(simulator.requests.at(-1)?.path).toBe('/contacts');
		const response = await fetch(`${simulator.baseUrl}/__sim/lead`, { method: 'POST', body: '{}' });
		const { lead } = (await response.json()) as { lead: { id: string } };
		const next = await runPoll(trigger({ event: 'lead' }), leadState.staticData);
		expect(ids(next.items)).toEqual([lead.id]);
	});

	it.each(['current', 'example2017'] as const)('emits a new chat once, with its visitor and start, in the %s shape', async (shape) => {
		simulator.chatShape = shape;
		const { staticData } = await runPoll(trigger({ output: 'transcript' }));
		const created = await addChat({ visitorName: 'Jane Smith' });
		const next = await runPoll(trigger({ output: 'transcript' }), staticData);
		const chat = simulator.chats.find((candidate) => candidate.id === created)!;
		expect(next.items?.map((item) => item.json)).toEqual([
			expect.objectContaining({
				conversationId: created,
				startedAt: new Date(Math.floor(chat.startMs / 1000) * 1000).toISOString(),
				visitor: expect.objectContaining({ name: 'Jane Smith' }),
			}),
		]);
		const simplified = await runPoll(trigger({ output: 'simplified' }), staticData);
		expect(simplified.items?.map((item) => item.json.visitorName)).toEqual(['Jane Smith']);
	});

	it('moves the lead cursor on with the leads’ addDate', async () => {
		const saved = { 'node:Node': { cursorFor: 'lead:', cursor: { from: '2020-01-01', seen: [] } } };
		const first = await runPoll(trigger({ event: 'lead' }), saved);
		expect(simulator.requests[0].query.date_from).toBe('2020-01-01');
		const newest = Math.max(...simulator.leads.map((lead) => lead.addMs));
		const expectedFrom = new Date(newest - 24 * 3600_000).toISOString().slice(0, 10);
		expect((first.staticData['node:Node'] as { cursor: { from: string } }).cursor.from).toBe(expectedFrom);
		await runPoll(trigger({ event: 'lead' }), first.staticData);
		expect(simulator.requests[1].query.date_from).toBe(expectedFrom);
	});

	it('keeps to its app and window when the API ignores those filters', async () => {
		const app = { __rl: true, mode: 'id', value: SI_APPS[0].id };
		const { staticData } = await runPoll(trigger({ appId: app }));
		simulator.ignoredFilters = ['app_id', 'date_from'];
		const mine = await addChat({ appId: SI_APPS[0].id });
		await addChat({ appId: SI_APPS[1].id });
		const next = await runPoll(trigger({ appId: app }), staticData);
		expect(simulator.requests.at(-1)?.query).toMatchObject({ app_id: SI_APPS[0].id });
		expect(ids(next.items)).toEqual([mine]);
	});

	it('loses and repeats nothing over 300 seeded polls with bursts, twins, late chats and failures', async () => {
		const random = seededRandom(42);
		let saved: IDataObject = (await runPoll(trigger())).staticData;
		const created: string[] = [];
		const emitted: string[] = [];
		for (let poll = 0; poll < 300; poll++) {
			const burst = Math.floor(random() * 3);
			const at = Date.now() - Math.floor(random() * 6 * 3600_000);
			for (let i = 0; i < burst; i++) created.push(await addChat({ startMs: random() < 0.5 ? at : Date.now() }));
			if (random() < 0.1) simulator.inject({ kind: random() < 0.5 ? 'status' : 'malformed', status: 503, path: '/chats' });
			try {
				const run = await runPoll(trigger(), saved);
				emitted.push(...(ids(run.items) as string[]));
				saved = run.staticData;
			} catch {
				// n8n saves nothing from a failed poll: the next one starts from the same cursor
			}
		}
		const run = await runPoll(trigger(), saved);
		emitted.push(...(ids(run.items) as string[]));
		expect(created.length).toBeGreaterThan(200);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...created].sort());
		// 300 polls of a growing list plus the retry pauses after injected 503s: about 25 s alone on 2 shared cores
	}, 120_000);
});
