/**
 * Replay protection of the webhook triggers (nodes/shared/webhook.ts), in n8n's engine: a delivery
 * repeated within the window starts nothing, also when n8n builds the trigger anew for it, and the
 * memory (kept in the n8n process) is bounded in time and in size.
 */
import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_REPEAT_WINDOW_MINUTES, REPLAY_MEMORY } from '../../../nodes/shared/webhook';
import { webhookNode } from '../../engine/harness';
import { A5_PHONE_NUMBERS, Alive5Simulator } from '../../simulators/alive5';

const simulator = new Alive5Simulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await simulator.start();
	credentials = { alive5Api: { apiKey: simulator.apiKey, baseUrl } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const trigger = (staticData: IDataObject = {}, parameters: IDataObject = {}) =>
	webhookNode({ type: 'alive5Trigger', parameters: { phoneNumber: A5_PHONE_NUMBERS[0], ...parameters }, credentials }, staticData);

// the delivery shape of Alive5's published integration (test/simulators/alive5.ts, A5Delivery)
const sms = (n: number) => ({ direction: 'inbound', message_content: `text ${n}`, created_by: '+15550002222', phone_mobile: '+15550002222', created_at: 1795323600 + n, channel_id: 'ch-sales', thread_id: 'replay-thread' });
const reload = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;

async function activeTrigger(parameters: IDataObject = {}) {
	const node = trigger({}, parameters);
	await node.activate();
	const token = new URL(simulator.interceptors[0].url).searchParams.get('n8n_token') ?? '';
	return { node, query: { n8n_token: token } };
}

describe('webhook replay protection', () => {
	it('starts the workflow once per delivery, in any key order, also when n8n builds the trigger anew', async () => {
		const { node, query } = await activeTrigger();
		expect((await node.receive({ body: sms(1), query })).workflowData).toHaveLength(1);
		const again = await node.receive({ body: sms(1), query });
		expect(again).toMatchObject({ webhookResponse: { message: 'Already received' } });
		expect(again.workflowData).toBeUndefined();

		// n8n loads the workflow for every delivery: a new Workflow and context, same workflow and node IDs
		const rebuilt = trigger(reload(node.workflow.staticData));
		const reordered = Object.fromEntries(Object.entries(sms(1)).reverse());
		expect((await rebuilt.receive({ body: reordered, query })).workflowData).toBeUndefined();
		expect((await rebuilt.receive({ body: sms(2), query })).workflowData).toHaveLength(1);
	});

	it('remembers forged deliveries not at all, so they cannot block a genuine one', async () => {
		const { node, query } = await activeTrigger();
		expect(await node.receive({ body: sms(3), query: { n8n_token: 'forged' } })).toMatchObject({ status: 401 });
		// Alive5 may send text or forms; XML it never sends
		expect(await node.receive({ body: sms(3), query, headers: { 'content-type': 'application/xml' } })).toMatchObject({ status: 415 });
		expect((await node.receive({ body: sms(3), query })).workflowData).toHaveLength(1);
	});

	it(`forgets deliveries older than the window (default ${DEFAULT_REPEAT_WINDOW_MINUTES} minutes)`, async () => {
		const { node, query } = await activeTrigger();
		expect((await node.receive({ body: sms(4), query })).workflowData).toHaveLength(1);
		const later = Date.now() + DEFAULT_REPEAT_WINDOW_MINUTES * 60_000 + 1000;
		jest.spyOn(Date, 'now').mockReturnValue(later);
		try {
			expect((await node.receive({ body: sms(4), query })).workflowData).toHaveLength(1);
		} finally {
			jest.restoreAllMocks();
		}
	});

	it('lets every delivery through when the window is 0, for events that truly repeat word for word', async () => {
		const { node, query } = await activeTrigger({ options: { ignoreRepeatsWithinMinutes: 0 } });
		expect((await node.receive({ body: sms(5), query })).workflowData).toHaveLength(1);
		expect((await node.receive({ body: sms(5), query })).workflowData).toHaveLength(1);
	});

	it('takes the window from the trigger: a delivery 30 minutes later is a repeat within 60', async () => {
		const { node, query } = await activeTrigger({ options: { ignoreRepeatsWithinMinutes: 60 } });
		expect((await node.receive({ body: sms(6), query })).workflowData).toHaveLength(1);
		jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 30 * 60_000);
		try {
			expect((await node.receive({ body: sms(6), query })).workflowData).toBeUndefined();
		} finally {
			jest.restoreAllMocks();
		}
	});

	it(`keeps at most ${REPLAY_MEMORY} deliveries per trigger, forgetting the oldest first`, async () => {
		const { node, query } = await activeTrigger();
		for (let n = 0; n <= REPLAY_MEMORY; n++) expect((await node.receive({ body: sms(1000 + n), query })).workflowData).toHaveLength(1);
		// the second is still known, the first was forgotten
		expect((await node.receive({ body: sms(1001), query })).workflowData).toBeUndefined();
		expect((await node.receive({ body: sms(1000), query })).workflowData).toHaveLength(1);
	});
});
