import type { IDataObject } from 'n8n-workflow';

import { runPoll } from '../../engine/harness';
import { seededRandom } from '../../simulators/base';
import { LiveAgentSimulator } from '../../simulators/liveAgent';

const simulator = new LiveAgentSimulator();
let url: string;
const credentialsFor = (timeZone: string) => ({ liveAgentApi: { url, apiKey: simulator.apiKey, timeZone } });

beforeAll(async () => {
	url = await simulator.start();
});
afterAll(async () => await simulator.stop());
beforeEach(() => {
	simulator.reset();
	simulator.zone = 'America/Los_Angeles';
});

const trigger = (parameters: IDataObject = {}, timeZone = 'America/Los_Angeles') => ({
	type: 'liveAgentTrigger',
	parameters: { event: 'newConversation', department: 'a5j9t4d8', options: { lateArrivalMinutes: 5 }, ...parameters },
	credentials: credentialsFor(timeZone),
});

const ids = (items: Array<{ json: IDataObject }> | null, key = 'conversationid') => (items ?? []).map((item) => item.json[key]);

describe('LiveAgent Trigger: new conversations', () => {
	it('remembers what exists on the first poll, then emits each new conversation once', async () => {
		const first = await runPoll(trigger());
		expect(first.items).toBeNull();
		expect(simulator.requests[0].query).toMatchObject({ department: 'a5j9t4d8', datechanged: expect.stringMatching(/^gte:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
		const created = simulator.makeConversation({ created: Date.now() });
		const next = await runPoll(trigger(), first.staticData);
		expect(ids(next.items)).toEqual([created.conversationid]);
		expect((await runPoll(trigger(), next.staticData)).items).toBeNull();
	});

	it('emits conversations that share a second, and one listed late, exactly once', async () => {
		const { staticData } = await runPoll(trigger());
		const at = Date.now() - 1000;
		const twins = [simulator.makeConversation({ created: at }), simulator.makeConversation({ created: at })];
		const first = await runPoll(trigger(), staticData);
		expect(ids(first.items).sort()).toEqual(twins.map((c) => c.conversationid).sort());
		const late = simulator.makeConversation({ created: at - 2 * 60_000 });
		const third = simulator.makeConversation({ created: at });
		const second = await runPoll(trigger(), first.staticData);
		expect(ids(second.items).sort()).toEqual([late.conversationid, third.conversationid].sort());
		expect((await runPoll(trigger(), second.staticData)).items).toBeNull();
	});

	it('does not take an old conversation that changed for a new one', async () => {
		const { staticData } = await runPoll(trigger());
		const old = simulator.conversations.find((c) => c.departmentid === 'a5j9t4d8' && c.created < Date.now() - 3600_000)!;
		simulator.addMessage(old, 'cus002', 'M', 'still there?', Date.now());
		expect((await runPoll(trigger(), staticData)).items).toBeNull();
	});

	it('keeps its cursor when a poll fails, and says what failed', async () => {
		const { staticData } = await runPoll(trigger());
		const created = simulator.makeConversation({ created: Date.now() });
		simulator.inject({ kind: 'status', status: 500, path: '/api/conversations' });
		await expect(runPoll(trigger(), staticData)).rejects.toThrow('LiveAgent: Injected failure');
		expect(ids((await runPoll(trigger(), staticData)).items)).toEqual([created.conversationid]);
	});

	it('watches every conversation when no department or owner is given, page by page', async () => {
		const all = trigger({ department: '' });
		const first = await runPoll(all);
		expect(simulator.requests[0].query).toEqual({ apikey: simulator.apiKey, datechanged: expect.stringMatching(/^gte:/), limit: '1000', offset: '0' });
		const at = Date.now() - 1000;
		const created = Array.from({ length: 1001 }, (_, i) => simulator.makeConversation({ created: at, departmentid: i % 2 ? 'a5j9t4d8' : 'b7k2m4p1' }));
		const next = await runPoll(all, first.staticData);
		expect(ids(next.items).sort()).toEqual(created.map((c) => c.conversationid).sort());
		expect(simulator.requests.slice(1).map((request) => request.query.offset)).toEqual(['0', '1000']);
		expect((await runPoll(all, next.staticData)).items).toBeNull();
	});

	it('fails the poll, keeping its cursor, when LiveAgent answers the same page again', async () => {
		const all = trigger({ department: '' });
		const first = await runPoll(all);
		simulator.conversationPaging = 'ignored';
		const at = Date.now() - 1000;
		for (let i = 0; i < 1000; i++) simulator.makeConversation({ created: at });
		await expect(runPoll(all, first.staticData)).rejects.toThrow('LiveAgent answered the page from row 1000 with conversations it had already sent');
		simulator.conversationPaging = 'limitOffset';
		expect((await runPoll(all, first.staticData)).items).toHaveLength(1000);
	});

	it('goes on from static data saved before the shared cursor, honouring its remembered keys', async () => {
		// The shape the trigger saved before it kept its cursor with takeUnseen: the same keys, written by hand.
		const department = simulator.conversations.filter((c) => c.departmentid === 'a5j9t4d8');
		const newest = Math.max(...department.map((c) => c.created));
		const from = new Date(newest - 5 * 60_000 - 1000).toISOString();
		const inWindow = department.filter((c) => c.created >= Date.parse(from));
		const [remembered, ...answered] = inWindow.length > 1 ? inWindow : [simulator.makeConversation({ created: newest }), ...inWindow];
		const old = {
			'node:Node': {
				cursorFor: JSON.stringify(['newConversation', 'a5j9t4d8', '', '', '', 'America/Los_Angeles']),
				cursor: { from, seen: answered.map((c) => c.conversationid) },
				recent: { [remembered.conversationid]: remembered.created },
			},
		};
		const twin = simulator.makeConversation({ created: newest });
		const created = simulator.makeConversation({ created: Date.now() });
		const run = await runPoll(trigger(), old);
		expect(ids(run.items).sort()).toEqual([twin.conversationid, created.conversationid].sort());
		expect((await runPoll(trigger(), run.staticData)).items).toBeNull();
	});

	it('keeps to its department when LiveAgent ignores the filter', async () => {
		simulator.ignoredConversationFilters = ['department'];
		const { staticData } = await runPoll(trigger());
		const mine = simulator.makeConversation({ created: Date.now(), departmentid: 'a5j9t4d8' });
		simulator.makeConversation({ created: Date.now(), departmentid: 'b7k2m4p1' });
		expect(ids((await runPoll(trigger(), staticData)).items)).toEqual([mine.conversationid]);
	});

	it('shows the newest conversation on a manual run without moving the cursor', async () => {
		const { staticData } = await runPoll(trigger());
		const created = simulator.makeConversation({ created: Date.now() });
		const manual = await runPoll(trigger(), staticData, 'manual');
		expect(ids(manual.items)).toEqual([created.conversationid]);
		expect(manual.staticData).toEqual(staticData);
	});

	it('crosses the end of daylight saving time without losing or repeating a conversation', async () => {
		simulator.zone = 'America/New_York';
		const zone = 'America/New_York';
		const owner = 'dst@example.com';
		const at = (iso: string) => Date.parse(iso);
		// 2025-11-02: clocks in New York go back from 02:00 EDT to 01:00 EST.
		const before = simulator.makeConversation({ created: at('2025-11-02T04:50:00Z'), owneremail: owner }); // 00:50 EDT
		const edt = simulator.makeConversation({ created: at('2025-11-02T05:25:00Z'), owneremail: owner }); // 01:25 EDT
		const params = { event: 'newConversation', department: '', owner };
		const saved = {
			node: {
				cursorFor: JSON.stringify(['newConversation', '', owner, '', '', zone]),
				cursor: { from: '2025-11-02T04:40:00.000Z', seen: [] },
				recent: {},
			},
		};
		// The harness keeps node static data under the node's key, as n8n does.
		const first = await runPoll(trigger(params, zone), { 'node:Node': saved.node });
		expect(ids(first.items)).toEqual([before.conversationid, edt.conversationid]);
		expect(simulator.local(at('2025-11-02T06:10:00Z'))).toBe('2025-11-02 01:10:00');
		const est = simulator.makeConversation({ created: at('2025-11-02T06:10:00Z'), owneremail: owner }); // 01:10 EST, written before 01:25
		const second = await runPoll(trigger(params, zone), first.staticData);
		expect(ids(second.items)).toEqual([est.conversationid]);
		const later = simulator.makeConversation({ created: at('2025-11-02T07:30:00Z'), owneremail: owner }); // 02:30 EST
		const third = await runPoll(trigger(params, zone), second.staticData);
		expect(ids(third.items)).toEqual([later.conversationid]);
		expect((await runPoll(trigger(params, zone), third.staticData)).items).toBeNull();
	});

	it('loses and repeats nothing over 100 seeded polls with bursts, twins, late ones and failures', async () => {
		const random = seededRandom(11);
		let saved: IDataObject = (await runPoll(trigger())).staticData;
		const created: string[] = [];
		const emitted: string[] = [];
		for (let poll = 0; poll < 100; poll++) {
			const burst = Math.floor(random() * 3);
			const at = Date.now() - Math.floor(random() * 4 * 60_000);
			for (let i = 0; i < burst; i++) created.push(simulator.makeConversation({ created: random() < 0.5 ? at : Date.now() }).conversationid);
			if (random() < 0.1) simulator.inject({ kind: random() < 0.5 ? 'status' : 'malformed', status: 503, path: '/api/conversations' });
			try {
				const run = await runPoll(trigger(), saved);
				emitted.push(...(ids(run.items) as string[]));
				saved = run.staticData;
			} catch {
				// n8n keeps the saved state of a failed poll: the next one starts from the same cursor
			}
		}
		emitted.push(...(ids((await runPoll(trigger(), saved)).items) as string[]));
		expect(created.length).toBeGreaterThan(60);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...created].sort());
	}, 120_000);
});

describe('LiveAgent Trigger: changes, messages, customers', () => {
	it('emits every change of a conversation once', async () => {
		const params = { event: 'conversationChanged' };
		const { staticData } = await runPoll(trigger(params));
		const conversation = simulator.conversations.find((c) => c.departmentid === 'a5j9t4d8')!;
		simulator.addMessage(conversation, 'cus002', 'M', 'hello?', Date.now() - 2000);
		const first = await runPoll(trigger(params), staticData);
		expect(ids(first.items)).toEqual([conversation.conversationid]);
		expect((await runPoll(trigger(params), first.staticData)).items).toBeNull();
		simulator.addMessage(conversation, 'cus002', 'M', 'anyone?', Date.now());
		const second = await runPoll(trigger(params), first.staticData);
		expect(ids(second.items)).toEqual([conversation.conversationid]);
	});

	it('emits status changes only, when asked', async () => {
		const params = { event: 'conversationChanged', changes: 'status' };
		const conversation = simulator.conversations.find((c) => c.departmentid === 'a5j9t4d8' && c.conversationid !== 's4y7t5s7')!;
		simulator.addMessage(conversation, 'cus002', 'M', 'first', Date.now() - 5000);
		const { staticData } = await runPoll(trigger(params));
		simulator.addMessage(conversation, 'cus002', 'M', 'no status change', Date.now() - 4000);
		const quiet = await runPoll(trigger(params), staticData);
		expect(quiet.items).toBeNull();
		conversation.status = 'R';
		simulator.addMessage(conversation, 'uid1234', 'S', 'Resolved', Date.now() - 3000);
		const changed = await runPoll(trigger(params), quiet.staticData);
		expect(changed.items?.map((item) => [item.json.conversationid, item.json.status])).toEqual([[conversation.conversationid, 'R']]);
		expect((await runPoll(trigger(params), changed.staticData)).items).toBeNull();
	});

	it('emits each new message of a conversation once', async () => {
		const conversation = simulator.conversations[1];
		const params = { event: 'newMessage', conversationId: conversation.conversationid };
		const { staticData } = await runPoll(trigger(params));
		const at = Date.now();
		const a = simulator.addMessage(conversation, 'cus002', 'M', 'one', at);
		const b = simulator.addMessage(conversation, 'uid1234', 'M', 'two', at);
		const first = await runPoll(trigger(params), staticData);
		expect(ids(first.items, 'messageid')).toEqual([a.messageid, b.messageid]);
		expect(first.items?.[0].json).toMatchObject({ message: 'one', conversationid: conversation.conversationid });
		expect((await runPoll(trigger(params), first.staticData)).items).toBeNull();
	});

	it('emits each new customer once, paging through more than 1000', async () => {
		const params = { event: 'newCustomer', department: '' };
		const { staticData } = await runPoll(trigger(params));
		const at = Date.now();
		const fresh = Array.from({ length: 1001 }, () => simulator.makeCustomer({ created: at }).contactid);
		const first = await runPoll(trigger(params), staticData);
		expect(ids(first.items, 'contactid').sort()).toEqual([...fresh].sort());
		expect(simulator.requests.at(-1)!.query).toMatchObject({ limitfrom: '1000', limitcount: '1000' });
		expect((await runPoll(trigger(params), first.staticData)).items).toBeNull();
	});
});
