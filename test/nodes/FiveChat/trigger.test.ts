import type { IDataObject } from 'n8n-workflow';

import { runPoll } from '../../engine/harness';
import { seededRandom } from '../../simulators/base';
import { FC_RW_TOKEN, FiveChatSimulator } from '../../simulators/fiveChat';

const simulator = new FiveChatSimulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await simulator.start();
	credentials = { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const trigger = (parameters: IDataObject = {}) => ({
	type: 'fiveChatTrigger',
	parameters: { event: 'newConversation', options: { lateArrivalMinutes: 5 }, watch: 100, output: 'raw', ...parameters },
	credentials,
});
const tokens = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => item.json.token);
const ids = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => item.json.id);
const iso = (ms: number) => new Date(ms).toISOString();

describe('5chat Trigger: new conversation', () => {
	it('remembers what exists, then emits each new conversation once; an idle poll is one request', async () => {
		const first = await runPoll(trigger());
		expect(first.items).toBeNull();
		expect(simulator.count('GET', '/conversations')).toBe(1);
		simulator.requests.length = 0;
		const idle = await runPoll(trigger(), first.staticData);
		expect(idle.items).toBeNull();
		expect(simulator.requests.map((r) => r.query)).toEqual([{ page: '1', limit: '100' }]);

		const created = simulator.addConversation();
		const next = await runPoll(trigger(), idle.staticData);
		expect(tokens(next.items)).toEqual([created.token]);
		const again = await runPoll(trigger(), next.staticData);
		expect(again.items).toBeNull();
	});

	it('emits conversations that share a timestamp and a burst of more than a page, each once, in order', async () => {
		const { staticData } = await runPoll(trigger());
		const at = Date.now() + 1000;
		const burst = Array.from({ length: 150 }, (_, i) => simulator.addConversation({ createdAt: iso(at + Math.floor(i / 3) * 1000) }).token);
		simulator.requests.length = 0;
		const run = await runPoll(trigger(), staticData);
		expect(tokens(run.items).sort()).toEqual([...burst].sort());
		expect(new Set(tokens(run.items)).size).toBe(150);
		expect(simulator.count('GET', '/conversations')).toBe(2);
		const twin = simulator.addConversation({ createdAt: iso(at + 49_000) });
		const late = simulator.addConversation({ createdAt: iso(at + 10_000) });
		const after = await runPoll(trigger(), run.staticData);
		expect(tokens(after.items)).toEqual([late.token, twin.token]);
	});

	it('keeps the cursor when a poll fails, so the next poll still emits', async () => {
		const { staticData } = await runPoll(trigger());
		const created = simulator.addConversation();
		simulator.inject({ kind: 'status', status: 500, path: '/conversations' });
		await expect(runPoll(trigger(), staticData)).rejects.toThrow('5chat: Injected failure');
		const retried = await runPoll(trigger(), staticData);
		expect(tokens(retried.items)).toEqual([created.token]);
	});

	it('emits the normalized transcript when asked, and shows the newest on a manual run', async () => {
		const { staticData } = await runPoll(trigger({ output: 'transcript' }));
		const created = simulator.addConversation();
		const run = await runPoll(trigger({ output: 'transcript' }), staticData);
		expect(run.items?.map((item) => item.json)).toEqual([
			expect.objectContaining({ vendor: 'fiveChat', conversationId: created.token, status: 'open', messages: expect.any(Array) }),
		]);
		const manual = await runPoll(trigger(), run.staticData, 'manual');
		expect(tokens(manual.items)).toEqual([created.token]);
		expect(manual.staticData).toEqual(run.staticData);
	});

	it('loses and repeats nothing over 70 seeded polls with bursts, twins, late ones and failures', async () => {
		const random = seededRandom(5);
		let saved: IDataObject = (await runPoll(trigger({ options: { lateArrivalMinutes: 1 } }))).staticData;
		const created: string[] = [];
		const emitted: string[] = [];
		for (let poll = 0; poll < 70; poll++) {
			const burst = Math.floor(random() * 4) + (random() < 0.06 ? 120 : 0);
			const at = Date.now() - Math.floor(random() * 30_000);
			for (let i = 0; i < burst; i++) created.push(simulator.addConversation({ createdAt: iso(random() < 0.5 ? at : Date.now()) }).token);
			if (random() < 0.1) simulator.inject({ kind: random() < 0.5 ? 'status' : 'malformed', status: 500, path: '/conversations' });
			try {
				const run = await runPoll(trigger({ options: { lateArrivalMinutes: 1 } }), saved);
				emitted.push(...(tokens(run.items) as string[]));
				saved = run.staticData;
			} catch {
				// n8n keeps the last saved state after a failed poll
			}
		}
		const run = await runPoll(trigger({ options: { lateArrivalMinutes: 1 } }), saved);
		emitted.push(...(tokens(run.items) as string[]));
		expect(created.length).toBeGreaterThan(200);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...created].sort());
	}, 90_000);
});

describe('5chat Trigger: conversation closed', () => {
	it('emits a conversation when it closes, once, and one that is new and already closed', async () => {
		const closedEvent = trigger({ event: 'conversationClosed' });
		const first = await runPoll(closedEvent);
		expect(first.items).toBeNull();
		const open = simulator.conversations.filter((c) => c.status === 'OPEN');
		simulator.closeConversation(open[0].token);
		const closedNew = simulator.addConversation({ status: 'CLOSED' });
		simulator.requests.length = 0;
		const run = await runPoll(closedEvent, first.staticData);
		expect((tokens(run.items) as string[]).sort()).toEqual([open[0].token, closedNew.token].sort());
		expect(simulator.count('GET', '/conversations')).toBe(1);
		const idle = await runPoll(closedEvent, run.staticData);
		expect(idle.items).toBeNull();
	});

	it('does not emit old closed conversations again when deletions bring them back into the watched ones', async () => {
		const closedEvent = trigger({ event: 'conversationClosed', watch: 50 });
		const first = await runPoll(closedEvent);
		// 5 of the newest are removed: older closed conversations now rank among the newest 50.
		const newest = [...simulator.conversations].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 5);
		simulator.conversations = simulator.conversations.filter((c) => !newest.includes(c));
		const run = await runPoll(closedEvent, first.staticData);
		expect(run.items).toBeNull();
	});
});

describe('5chat Trigger: state saved by the version before the shared cursor', () => {
	// That version kept the settings the state was made for as `stateFor`; the trigger now keeps them
	// as the shared cursor's `cursorFor`, and moves the old key on first read.
	const byCreation = () => [...simulator.conversations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

	it('new conversation: goes on from the old cursor, losing and repeating nothing', async () => {
		// What the old first poll saved: the window from the newest conversation less 5 minutes, and
		// the conversations answered inside it.
		const newest = byCreation()[0].createdAt;
		const from = iso(Date.parse(newest) - 5 * 60_000);
		const seen = simulator.conversations.filter((c) => c.createdAt >= from).map((c) => c.id);
		expect(seen.length).toBeGreaterThan(0);
		const old = { 'node:Node': { stateFor: 'newConversation:0', cursor: { from, seen } } };

		const twin = simulator.addConversation({ createdAt: newest });
		const late = simulator.addConversation({ createdAt: iso(Date.parse(newest) - 60_000) });
		const created = simulator.addConversation({ createdAt: iso(Date.parse(newest) + 60_000) });
		const run = await runPoll(trigger(), old);
		expect((tokens(run.items) as string[]).sort()).toEqual([twin.token, late.token, created.token].sort());
		expect(run.staticData['node:Node']).toEqual(expect.objectContaining({ cursorFor: 'newConversation:0' }));
		expect(run.staticData['node:Node']).not.toHaveProperty('stateFor');
		expect((await runPoll(trigger(), run.staticData)).items).toBeNull();
	});

	it('conversation closed: emits only what closed since the old state, once', async () => {
		const watched = byCreation().slice(0, 100);
		const closed = watched.filter((c) => c.status === 'CLOSED' || c.closedAt).map((c) => `${c.id}@${c.closedAt ?? ''}`);
		const old = { 'node:Node': { stateFor: 'conversationClosed:100', floor: '', closed } };
		const open = watched.filter((c) => c.status === 'OPEN');
		simulator.closeConversation(open[0].token);
		const event = trigger({ event: 'conversationClosed' });
		const run = await runPoll(event, old);
		expect(tokens(run.items)).toEqual([open[0].token]);
		expect(run.staticData['node:Node']).not.toHaveProperty('stateFor');
		expect((await runPoll(event, run.staticData)).items).toBeNull();
	});
});

describe('5chat Trigger: tickets', () => {
	it('emits new tickets once', async () => {
		const event = trigger({ event: 'newTicket' });
		const first = await runPoll(event);
		expect(first.items).toBeNull();
		const ticket = simulator.addTicket({ title: 'Broken link' });
		const run = await runPoll(event, first.staticData);
		expect(run.items?.map((item) => item.json.title)).toEqual(['Broken link']);
		expect(ids(run.items)).toEqual([ticket.id]);
		expect((await runPoll(event, run.staticData)).items).toBeNull();
	});

	it('emits a status change once, with the previous status', async () => {
		const event = trigger({ event: 'ticketStatusChanged' });
		const first = await runPoll(event);
		const ticket = simulator.tickets[0];
		simulator.setTicketStatus(ticket, 'RESOLVED');
		const run = await runPoll(event, first.staticData);
		const previous = ticket.status;
		expect(run.items?.map((item) => [item.json.id, item.json.status])).toEqual([[ticket.id, 'RESOLVED']]);
		expect(run.items?.[0].json.previousStatus).toEqual(expect.stringMatching(/^(NEW|PENDING)$/));
		expect(previous).toBe('RESOLVED');
		expect((await runPoll(event, run.staticData)).items).toBeNull();
		simulator.setTicketStatus(ticket, 'OPEN');
		const back = await runPoll(event, run.staticData);
		expect(back.items?.map((item) => item.json.previousStatus)).toEqual(['RESOLVED']);
	});

	it('emits new ticket messages once, including two that share a timestamp; an idle poll is one request', async () => {
		const event = trigger({ event: 'newTicketMessage' });
		const first = await runPoll(event);
		expect(first.items).toBeNull();
		const ticket = simulator.tickets[2];
		const at = iso(Date.now() + 1000);
		const a = simulator.appendTicketMessage(ticket, 'First', 'TEXT', at);
		simulator.requests.length = 0;
		const run = await runPoll(event, first.staticData);
		expect(run.items?.map((item) => [item.json.id, item.json.content, (item.json.ticket as IDataObject).id])).toEqual([[a.id, 'First', ticket.id]]);
		expect(simulator.requests.map((r) => r.path)).toEqual(['/tickets', `/tickets/${ticket.id}`]);
		const b = simulator.appendTicketMessage(ticket, 'Second', 'TEXT', at);
		const twin = await runPoll(event, run.staticData);
		expect(ids(twin.items)).toEqual([b.id]);
		simulator.requests.length = 0;
		const idle = await runPoll(event, twin.staticData);
		expect(idle.items).toBeNull();
		expect(simulator.requests).toHaveLength(1);
		const fresh = simulator.addTicket({ title: 'New one' });
		const m = simulator.appendTicketMessage(fresh, 'Hello from a new ticket');
		const newTicket = await runPoll(event, idle.staticData);
		expect(ids(newTicket.items)).toEqual([m.id]);
	});

	it('hands on an e-mail message with all its documented fields', async () => {
		const event = trigger({ event: 'newTicketMessage' });
		const first = await runPoll(event);
		const ticket = simulator.tickets[1];
		const email = {
			emailMessageId: '<m-9@mail.example.com>',
			senderEmail: 'ana@example.com',
			isFromEmail: true,
			authorId: null,
			inReplyTo: '<m-8@mail.example.com>',
			references: '<m-8@mail.example.com>',
			subject: 'Re: Order problem',
		};
		const message = simulator.appendTicketMessage(ticket, 'Reply by mail', 'EMAIL', iso(Date.now() + 1000), email);
		const run = await runPoll(event, first.staticData);
		expect(run.items?.map((item) => item.json)).toEqual([
			expect.objectContaining({ id: message.id, content: 'Reply by mail', messageType: 'EMAIL', ...email }),
		]);
	});

	it('shows the latest message on a manual run', async () => {
		const ticket = [...simulator.tickets].sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
		simulator.appendTicketMessage(ticket, 'Latest');
		const manual = await runPoll(trigger({ event: 'newTicketMessage' }), {}, 'manual');
		expect(manual.items?.map((item) => item.json.content)).toEqual(['Latest']);
		expect(JSON.stringify(manual.staticData)).not.toContain('messages');
	});

	it('fails with the plan message when the website is not PRO', async () => {
		simulator.plan = 'FREE';
		await expect(runPoll(trigger({ event: 'newTicket' }))).rejects.toThrow('5chat: Tickets are available on the PRO plan only');
	});
});
