import type { IDataObject } from 'n8n-workflow';

import { runPoll } from '../../engine/harness';
import { Alive5Simulator } from '../../simulators/alive5';

const simulator = new Alive5Simulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await simulator.start();
	credentials = { alive5Api: { apiKey: simulator.apiKey, baseUrl } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const trigger = (parameters: IDataObject = {}) => ({
	type: 'alive5PollingTrigger',
	parameters: { event: 'sms', options: { lateArrivalDays: 1 }, output: 'raw', ...parameters },
	credentials,
});

async function addConversation(fields: IDataObject = {}): Promise<string> {
	const response = await fetch(`${simulator.baseUrl}/__sim/conversation`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(fields),
	});
	return ((await response.json()) as { conversation: { alive5_sessionID: string } }).conversation.alive5_sessionID;
}

const ids = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => item.json.alive5_sessionID);

describe('Alive5 Polling Trigger', () => {
	it('remembers existing SMS conversations on the first poll and emits only new ones after', async () => {
		const first = await runPoll(trigger());
		expect(first.items).toBeNull();
		expect(Object.keys(simulator.requests[0].query)).toEqual(['date_start']);
		expect(simulator.requests[0].query.date_start).toMatch(/^\d{2}-\d{2}-\d{4}$/);

		const idle = await runPoll(trigger(), first.staticData);
		expect(idle.items).toBeNull();

		const created = await addConversation();
		const next = await runPoll(trigger(), idle.staticData);
		expect(ids(next.items)).toEqual([created]);
		const again = await runPoll(trigger(), next.staticData);
		expect(again.items).toBeNull();
	});

	for (const smsIgnoresDates of [false, true]) {
		it(`emits the same whether Alive5 honours the start date or ignores it (${smsIgnoresDates ? 'ignores' : 'honours'})`, async () => {
			simulator.smsIgnoresDates = smsIgnoresDates;
			const { staticData } = await runPoll(trigger());
			const recent = await addConversation({ startMs: Date.now() - 60_000 });
			// started before the window: missed in both cases, as the README says
			await addConversation({ startMs: Date.now() - 5 * 86_400_000 });
			const next = await runPoll(trigger(), staticData);
			expect(ids(next.items)).toEqual([recent]);
		});
	}

	it('emits conversations that share a timestamp, and a late one inside the window, exactly once', async () => {
		const { staticData } = await runPoll(trigger());
		const at = Date.now() - 60_000;
		const twins = [await addConversation({ startMs: at }), await addConversation({ startMs: at })];
		const first = await runPoll(trigger(), staticData);
		expect(ids(first.items).sort()).toEqual([...twins].sort());
		const late = await addConversation({ startMs: at - 3 * 3600_000 });
		const second = await runPoll(trigger(), first.staticData);
		expect(ids(second.items)).toEqual([late]);
		const third = await runPoll(trigger(), second.staticData);
		expect(third.items).toBeNull();
	});

	it('keeps the cursor when a poll fails, so the next poll still emits', async () => {
		const { staticData } = await runPoll(trigger());
		const created = await addConversation();
		simulator.inject({ kind: 'envelopeError', path: '/conversations/sms', message: 'Temporarily unavailable' });
		await expect(runPoll(trigger(), staticData)).rejects.toThrow('Alive5: Temporarily unavailable');
		const retried = await runPoll(trigger(), staticData);
		expect(ids(retried.items)).toEqual([created]);
	});

	it('fails a poll on an error inside an HTTP 200 envelope, keeping the cursor', async () => {
		const { staticData } = await runPoll(trigger());
		simulator.errorShape = 'dataCode';
		await expect(runPoll(trigger({ options: { dateFormat: 'yyyy-MM-dd' } }), staticData)).rejects.toThrow(
			'Alive5: Invalid date_start: expected MM-DD-YYYY',
		);
	});

	it('treats "no records" as nothing new', async () => {
		simulator.conversations = simulator.conversations.filter((conversation) => conversation.kind !== 'fbm');
		const first = await runPoll(trigger({ event: 'fbm' }));
		expect(first.items).toBeNull();
		const created = await addConversation({ kind: 'fbm' });
		const next = await runPoll(trigger({ event: 'fbm', output: 'transcript' }), first.staticData);
		expect(next.items?.map((item) => [item.json.conversationId, item.json.channel])).toEqual([[created, 'facebook']]);
	});

	it('reads every live chat page on each poll', async () => {
		const { staticData } = await runPoll(trigger({ event: 'liveChat', options: { lateArrivalDays: 7 } }));
		expect(simulator.requests.map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '100'],
			['2', '100'],
		]);
		const created = await addConversation({ kind: 'livechat' });
		const next = await runPoll(trigger({ event: 'liveChat', options: { lateArrivalDays: 7 } }), staticData);
		expect(ids(next.items)).toEqual([created]);
	});

	it('shows the newest conversation on a manual run without moving the cursor', async () => {
		const { staticData } = await runPoll(trigger());
		const created = await addConversation();
		const manual = await runPoll(trigger({ output: 'transcript' }), staticData, 'manual');
		expect(manual.items?.map((item) => item.json.conversationId)).toEqual([created]);
		expect(manual.staticData).toEqual(staticData);
	});

	it('starts afresh when the event changes', async () => {
		const { staticData } = await runPoll(trigger());
		const created = await addConversation({ kind: 'fbm' });
		const switched = await runPoll(trigger({ event: 'fbm' }), staticData);
		expect(switched.items).toBeNull();
		const next = await runPoll(trigger({ event: 'fbm' }), switched.staticData);
		expect(next.items).toBeNull();
		expect(JSON.stringify(switched.staticData)).toContain(created);
	});
});
