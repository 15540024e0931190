import type { IDataObject } from 'n8n-workflow';

import { runNode, runPoll } from '../../engine/harness';
import type { Fault } from '../../simulators/base';
import { DOCUMENTED_CONVERSATION_ID, LiveAgentSimulator } from '../../simulators/liveAgent';

// An account in Los Angeles time: a credential saved with an IANA name before the choice of zones existed.
const simulator = new LiveAgentSimulator(undefined, 'America/Los_Angeles');
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const url = await simulator.start();
	credentials = { liveAgentApi: { url, apiKey: simulator.apiKey, timeZone: 'America/Los_Angeles' } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

/** Every string reachable from a value, own properties included (enumerable or not), cycles skipped. */
function everyText(value: unknown, seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (value === null || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	const texts: string[] = [];
	for (const key of Object.getOwnPropertyNames(value)) {
		texts.push(key);
		let child: unknown;
		try {
			child = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		texts.push(...everyText(child, seen));
	}
	return texts;
}

const leaks = (value: unknown) => everyText(value).filter((text) => text.includes(simulator.apiKey));

const faults: Array<[string, Fault]> = [
	['a connection reset', { kind: 'reset' }],
	['an HTML error page', { kind: 'html' }],
	['a truncated answer', { kind: 'malformed' }],
	['a 401', { kind: 'status', status: 401, message: 'Wrong API key' }],
	['a 200 whose envelope says ERROR', { kind: 'envelopeError', message: 'Unable to load conversation' }],
	['an error that echoes the key', { kind: 'status', status: 500, body: { response: { status: 'ERROR', statuscode: 500, errormessage: `bad request apikey=${'KEY'}` } } }],
];

const operations: Array<[string, IDataObject]> = [
	['a read (key in the query)', { resource: 'conversation', operation: 'get', conversationId: DOCUMENTED_CONVERSATION_ID }],
	['a paged read', { resource: 'customer', operation: 'getAll', returnAll: true }],
	['a write (key in the form)', { resource: 'conversation', operation: 'createMessage', conversationId: DOCUMENTED_CONVERSATION_ID, message: 'hi', messageType: 'N' }],
];

describe('the LiveAgent API key never shows', () => {
	it.each(operations.flatMap(([what, parameters]) => faults.map(([fault, spec]) => [what, fault, parameters, spec] as const)))(
		'in %s that meets %s',
		async (_what, _fault, parameters, spec) => {
			const echoed = JSON.parse(JSON.stringify(spec).replace('KEY', simulator.apiKey)) as Fault;
			simulator.inject({ ...echoed, times: 10 });
			const failed = await runNode({ type: 'liveAgent', parameters, credentials });
			expect(failed.error).toBeDefined();
			expect(leaks(failed.error)).toEqual([]);
			expect(leaks(failed.run.data.resultData)).toEqual([]);
			simulator.reset();
			simulator.inject({ ...echoed, times: 10 });
			const kept = await runNode({ type: 'liveAgent', parameters, credentials, continueOnFail: true });
			expect(kept.items.length).toBeGreaterThan(0);
			expect(leaks(kept.items)).toEqual([]);
			expect(JSON.stringify(kept.items)).not.toContain(simulator.apiKey);
		},
	);

	it('not even when the vendor echoes it: the message says so without it', async () => {
		simulator.inject({ kind: 'status', status: 500, body: { response: { status: 'ERROR', statuscode: 500, errormessage: `bad apikey=${simulator.apiKey}` } } });
		const { error } = await runNode({ type: 'liveAgent', parameters: operations[0][1], credentials });
		expect(error?.message).toBe('LiveAgent: bad apikey=***');
	});

	it.each(faults)('in a trigger poll that meets %s', async (_fault, spec) => {
		const parameters = { event: 'newConversation', department: 'a5j9t4d8', options: { lateArrivalMinutes: 5 } };
		const echoed = JSON.parse(JSON.stringify(spec).replace('KEY', simulator.apiKey)) as Fault;
		simulator.inject({ ...echoed, times: 10 });
		const failure = await runPoll({ type: 'liveAgentTrigger', parameters, credentials }).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(failure).toBeDefined();
		expect(leaks(failure)).toEqual([]);
	});

	it('in successful output', async () => {
		const { items } = await runNode({ type: 'liveAgent', parameters: { resource: 'conversation', operation: 'getMessages', conversationId: DOCUMENTED_CONVERSATION_ID, output: 'transcript' }, credentials });
		expect(items).toHaveLength(1);
		expect(leaks(items)).toEqual([]);
	});
});
