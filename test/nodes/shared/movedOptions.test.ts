/**
 * Advanced settings live in each node's Options collection (issue 19). Workflows saved before the
 * move still carry them at the top level: these run such old-shaped nodes in n8n's engine, which
 * keeps only the parameters a node describes, and check that the old values still act.
 */
import { DateTime } from 'luxon';
import type { INodeProperties } from 'n8n-workflow';

import { runNode, runPoll, webhookNode } from '../../engine/harness';
import { allNodes } from '../../engine/registry';
import { A5_PHONE_NUMBERS, Alive5Simulator } from '../../simulators/alive5';
import { FC_RW_TOKEN, FiveChatSimulator } from '../../simulators/fiveChat';
import { SocialIntentsSimulator } from '../../simulators/socialIntents';

const MOVED = ['parallelPageRequests', 'ignoreRepeatsWithinMinutes', 'lateArrivalDays', 'lateArrivalMinutes', 'ownerClientId'];

const alive5 = new Alive5Simulator();
const fiveChat = new FiveChatSimulator();
const socialIntents = new SocialIntentsSimulator();

beforeAll(async () => {
	await alive5.start();
	await fiveChat.start();
	await socialIntents.start();
});
afterAll(async () => {
	await alive5.stop();
	await fiveChat.stop();
	await socialIntents.stop();
});
beforeEach(() => {
	alive5.reset();
	fiveChat.reset();
	socialIntents.reset();
});

describe('advanced settings in the editor', () => {
	const nodes = [...allNodes()];

	it.each(nodes)('%s shows none of them on the main form, only under Options', (_name, node) => {
		const properties = node.description.properties;
		for (const property of properties.filter((candidate) => MOVED.includes(candidate.name))) {
			expect(property.type).toBe('hidden');
		}
		const legacy = properties.filter((candidate) => MOVED.includes(candidate.name)).map((property) => property.name);
		const underOptions = properties
			.filter((property) => property.name === 'options')
			.flatMap((property) => (property.options ?? []) as INodeProperties[])
			.map((option) => option.name);
		for (const name of legacy) expect(underOptions).toContain(name);
	});

	it('offers Parallel Page Requests only with Return All', () => {
		const options = [...allNodes().values()]
			.flatMap((node) => node.description.properties)
			.filter((property) => property.name === 'options')
			.flatMap((property) => (property.options ?? []) as INodeProperties[])
			.filter((option) => option.name === 'parallelPageRequests');
		expect(options).toHaveLength(3);
		for (const option of options) expect(option.displayOptions?.show?.['/returnAll']).toEqual([true]);
	});
});

describe('workflows saved with the old top-level settings', () => {
	it('5chat: an old Parallel Page Requests is still read (0 is refused, naming it)', async () => {
		const { error } = await runNode({
			type: 'fiveChat',
			parameters: { resource: 'conversation', operation: 'getAll', returnAll: true, parallelPageRequests: 0 },
			credentials: { fiveChatApi: { apiToken: FC_RW_TOKEN, baseUrl: fiveChat.baseUrl } },
		});
		expect(error?.message).toBe('Parallel Page Requests must be a whole number of at least 1');
	});

	it('Social Intents polling: an old Late Arrival Window of 7 days reaches back 7 days', async () => {
		await runPoll({
			type: 'socialIntentsPollingTrigger',
			parameters: { event: 'chat', lateArrivalDays: 7, output: 'raw' },
			credentials: {
				socialIntentsApi: { accountId: socialIntents.accountId, apiToken: socialIntents.apiToken, baseUrl: socialIntents.baseUrl },
			},
		});
		expect(socialIntents.requests[0].query.date_from).toBe(DateTime.utc().minus({ days: 7 }).toFormat('yyyy-MM-dd'));
	});

	it('Alive5 webhook: an old Ignore Repeats Within of 0 lets a repeat through', async () => {
		const node = webhookNode({
			type: 'alive5Trigger',
			parameters: { phoneNumber: A5_PHONE_NUMBERS[0], ignoreRepeatsWithinMinutes: 0 },
			credentials: { alive5Api: { apiKey: alive5.apiKey, baseUrl: alive5.baseUrl } },
		});
		await node.activate();
		const query = { n8n_token: new URL(alive5.interceptors[0].url).searchParams.get('n8n_token') ?? '' };
		const sms = { direction: 'inbound', message_content: 'old shape', created_by: '+15550002222', phone_mobile: '+15550002222', created_at: 1795323600, channel_id: 'ch-sales', thread_id: 'old-shape' };
		expect((await node.receive({ body: sms, query })).workflowData).toHaveLength(1);
		expect((await node.receive({ body: sms, query })).workflowData).toHaveLength(1);
	});

	it('the new place wins over an old value', async () => {
		await runPoll({
			type: 'socialIntentsPollingTrigger',
			parameters: { event: 'chat', lateArrivalDays: 7, options: { lateArrivalDays: 2 }, output: 'raw' },
			credentials: {
				socialIntentsApi: { accountId: socialIntents.accountId, apiToken: socialIntents.apiToken, baseUrl: socialIntents.baseUrl },
			},
		});
		expect(socialIntents.requests[0].query.date_from).toBe(DateTime.utc().minus({ days: 2 }).toFormat('yyyy-MM-dd'));
	});
});
