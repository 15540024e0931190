/** The LiveAgent v3 Trigger: new tickets, changed tickets, new contacts and new chats, each emitted once. */
import type { IDataObject } from 'n8n-workflow';

import { runPoll } from '../../engine/harness';
import { LiveAgentV3Simulator } from '../../simulators/liveAgentV3';

const simulator = new LiveAgentV3Simulator();
let url: string;

beforeAll(async () => {
	url = await simulator.start();
});
afterAll(async () => await simulator.stop());
beforeEach(() => {
	simulator.reset();
	simulator.zone = 'UTC';
});

const trigger = (parameters: IDataObject = {}, timeZone = 'UTC') => ({
	type: 'liveAgentV3Trigger',
	parameters: { event: 'newTicket', options: { lateArrivalMinutes: 5 }, ...parameters },
	credentials: { liveAgentV3Api: { url, apiKey: simulator.apiKey, timeZone } },
});

const ids = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => item.json.id);

describe('LiveAgent v3 Trigger: new tickets', () => {
	it('remembers what exists on the first poll, then emits each new ticket once', async () => {
		simulator.makeTicket({ at: Date.now() - 3600_000 });
		const first = await runPoll(trigger());
		expect(first.items).toBeNull();
		expect(JSON.parse(simulator.requests[0].query._filters)).toEqual([['date_created', '>=', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)]]);
		expect(simulator.requests[0].query).toMatchObject({ _sortField: 'date_created', _sortDir: 'ASC', _page: '1', _perPage: '100' });
		const created = simulator.makeTicket({ at: Date.now() });
		const next = await runPoll(trigger(), first.staticData);
		expect(ids(next.items)).toEqual([created.id]);
		expect((await runPoll(trigger(), next.staticData)).items).toBeNull();
	});

	it('emits tickets that share a second, and one listed late, exactly once; only of the department chosen', async () => {
		const { staticData } = await runPoll(trigger({ department: 'a5j9t4d8' }));
		const at = Date.now() - 1000;
		const twins = [simulator.makeTicket({ at }), simulator.makeTicket({ at })];
		simulator.makeTicket({ at, departmentid: 'b7k2m4p1' });
		const first = await runPoll(trigger({ department: 'a5j9t4d8' }), staticData);
		expect(ids(first.items).sort()).toEqual(twins.map((t) => t.id).sort());
		const late = simulator.makeTicket({ at: at - 2 * 60_000 });
		const second = await runPoll(trigger({ department: 'a5j9t4d8' }), first.staticData);
		expect(ids(second.items)).toEqual([late.id]);
		expect(JSON.parse(simulator.requests.at(-1)!.query._filters)[1]).toEqual(['departmentid', '=', 'a5j9t4d8']);
	});

	it('reads every page of a busy minute', async () => {
		const { staticData } = await runPoll(trigger());
		const made = Array.from({ length: 230 }, () => simulator.makeTicket({ at: Date.now() }).id);
		const { items } = await runPoll(trigger(), staticData);
		expect(ids(items).sort()).toEqual(made.sort());
		expect(simulator.requests.slice(-3).map((request) => request.query._page)).toEqual(['1', '2', '3']);
	});

	it('keeps its cursor when a poll fails, so the ticket comes with the next one', async () => {
		const { staticData } = await runPoll(trigger());
		const created = simulator.makeTicket({ at: Date.now() });
		simulator.inject({ method: 'GET', path: '/api/v3/tickets', kind: 'status', status: 500 });
		await expect(runPoll(trigger(), staticData)).rejects.toThrow(/500|LiveAgent/);
		expect(ids((await runPoll(trigger(), staticData)).items)).toEqual([created.id]);
	});

	it('gives the newest ticket when run by hand', async () => {
		const created = simulator.makeTicket({ at: Date.now() });
		expect(ids((await runPoll(trigger(), {}, 'manual')).items)).toEqual([created.id]);
	});
});

describe('LiveAgent v3 Trigger: changed tickets, new contacts, new chats', () => {
	it('emits a ticket each time it changes', async () => {
		const ticket = simulator.makeTicket({ at: Date.now() - 60_000 });
		const { staticData } = await runPoll(trigger({ event: 'ticketChanged' }));
		simulator.addGroup(ticket, 'uid1234', 'John Williams', 'M', 'On it', Date.now() + 1000);
		const changed = await runPoll(trigger({ event: 'ticketChanged' }), staticData);
		expect(changed.items?.map((item) => [item.json.id, item.json.date_changed])).toEqual([[ticket.id, ticket.date_changed]]);
		expect((await runPoll(trigger({ event: 'ticketChanged' }), changed.staticData)).items).toBeNull();
	});

	it('emits a new contact once', async () => {
		const { staticData } = await runPoll(trigger({ event: 'newContact' }));
		const contact = simulator.person('contacts', { firstname: 'Ana' });
		simulator.contacts.push(contact);
		const next = await runPoll(trigger({ event: 'newContact' }), staticData);
		expect(ids(next.items)).toEqual([contact.id]);
		expect(simulator.requests.at(-1)!.path).toBe('/api/v3/contacts');
	});

	it('emits a new chat once, not a new mail ticket', async () => {
		const { staticData } = await runPoll(trigger({ event: 'newChat' }));
		simulator.makeTicket({ at: Date.now() });
		const chat = simulator.makeTicket({ at: Date.now(), channel_type: 'C', subject: 'Hello from the chat button' });
		const next = await runPoll(trigger({ event: 'newChat' }), staticData);
		expect(next.items?.map((item) => [item.json.id, item.json.subject])).toEqual([[chat.id, 'Hello from the chat button']]);
		expect(simulator.requests.at(-1)!.path).toBe('/api/v3/chats');
	});
});
