import type { IDataObject } from 'n8n-workflow';

import { runNode, runPoll } from '../../engine/harness';
import { LiveAgentSimulator } from '../../simulators/liveAgent';

const simulator = new LiveAgentSimulator();
let url: string;

beforeAll(async () => {
	url = await simulator.start();
});
afterAll(async () => await simulator.stop());
beforeEach(() => {
	simulator.reset();
	simulator.zone = 'UTC';
});

/** A credential as a new user saves it: URL and key, the time zone left as the form offers it. */
const credentialsWith = (zone: IDataObject = {}) => ({ liveAgentApi: { url, apiKey: simulator.apiKey, ...zone } });

const listFrom = (dateFrom: string, zone: IDataObject = {}) => ({
	type: 'liveAgent',
	parameters: { resource: 'conversation', operation: 'getAll', department: 'a5j9t4d8', returnAll: true, filters: { dateFrom } },
	credentials: credentialsWith(zone),
});

describe('LiveAgent account time zone', () => {
	it('is UTC when left at its default: the instant is sent as its own UTC wall-clock time', async () => {
		const { error } = await runNode(listFrom('2026-01-10T00:00:00Z'));
		expect(error).toBeUndefined();
		expect(simulator.requests[0].query.datefrom).toBe('2026-01-10 00:00:00');
	});

	it('is America/Phoenix for an older account, UTC-7 all year (no daylight saving)', async () => {
		simulator.zone = 'America/Phoenix';
		await runNode(listFrom('2026-01-10T00:00:00Z', { timeZone: 'America/Phoenix' }));
		await runNode(listFrom('2026-07-10T00:00:00Z', { timeZone: 'America/Phoenix' }));
		expect(simulator.requests.map((request) => request.query.datefrom)).toEqual(['2026-01-09 17:00:00', '2026-07-09 17:00:00']);
	});

	it('reads dates in the same zone it sends them: a transcript and a poll see the true instants', async () => {
		simulator.zone = 'America/Phoenix';
		const created = Date.parse('2026-01-10T00:00:00Z');
		const conversation = simulator.makeConversation({ created });
		const { items } = await runNode({
			type: 'liveAgent',
			parameters: { resource: 'conversation', operation: 'getMessages', conversationId: conversation.conversationid, output: 'transcript' },
			credentials: credentialsWith({ timeZone: 'America/Phoenix' }),
		});
		expect(items[0].json).toMatchObject({ startedAt: '2026-01-10T00:00:00.000Z', messages: [{ at: '2026-01-10T00:00:00.000Z' }] });

		const trigger = { type: 'liveAgentTrigger', parameters: { event: 'newConversation', department: 'a5j9t4d8', options: { lateArrivalMinutes: 5 } }, credentials: credentialsWith({ timeZone: 'America/Phoenix' }) };
		const first = await runPoll(trigger);
		const newestSeen = Math.max(...simulator.conversations.filter((c) => c.departmentid === 'a5j9t4d8').map((c) => c.created));
		const fresh = simulator.makeConversation({ created: Date.now() });
		const next = await runPoll(trigger, first.staticData);
		expect((next.items ?? []).map((item) => item.json.conversationid)).toEqual([fresh.conversationid]);
		// the second poll asks from the newest conversation seen, less the window and a second, as Phoenix wall-clock text
		const floor = String(simulator.requests.at(-1)!.query.datechanged).slice('gte:'.length);
		const asked = Date.parse(`${floor.replace(' ', 'T')}-07:00`);
		expect(Math.abs(asked - (newestSeen - 5 * 60_000 - 1000))).toBeLessThan(1000);
	});

	it('takes another IANA zone by name, and names the empty or unknown one before any request', async () => {
		await runNode(listFrom('2026-01-10T00:00:00Z', { timeZone: 'other', otherTimeZone: 'Europe/Bratislava' }));
		expect(simulator.requests[0].query.datefrom).toBe('2026-01-10 01:00:00');
		const empty = await runNode(listFrom('2026-01-10T00:00:00Z', { timeZone: 'other', otherTimeZone: ' ' }));
		expect(empty.error?.message).toMatch(/Other Time Zone is empty/);
		const unknown = await runNode(listFrom('2026-01-10T00:00:00Z', { timeZone: 'other', otherTimeZone: 'Mars/Olympus' }));
		expect(unknown.error?.message).toBe('The LiveAgent credential\'s Other Time Zone is not a known time zone: "Mars/Olympus"');
		expect(simulator.requests).toHaveLength(1);
	});

	it('still reads a credential saved with a zone name before the choice existed', async () => {
		await runNode(listFrom('2026-01-10T00:00:00Z', { timeZone: 'America/Los_Angeles' }));
		expect(simulator.requests[0].query.datefrom).toBe('2026-01-09 16:00:00');
	});
});
