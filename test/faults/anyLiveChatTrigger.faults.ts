/**
 * The Live Chat Trigger in the fault suite. Where a platform pushes (LiveChat, Social Intents), the
 * webhook cases every webhook trigger meets (forgeries, the registration lifecycle, transport faults
 * on register and unregister) run on its node. Where it is polled (5chat, LiveAgent, Alive5), the
 * vendor's exactly-once run (1,000 polls in five activations with bursts, late items, transport and
 * page faults and restarts) runs on its node with New Conversation, counted by conversationId.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { exactlyOnce, recordExactlyOnce } from './polling';
import { vendors } from './vendors';
import type { TriggerSpec } from './vendors';
import { webhookFaultSuite } from './webhookSuite';
import { liveChatTriggerWebhooks } from './webhookTriggers';

for (const spec of liveChatTriggerWebhooks) webhookFaultSuite(spec);

const POLLED = ['fiveChat', 'liveAgent', 'alive5'];

for (const vendor of vendors.filter((candidate) => POLLED.includes(candidate.key))) {
	const facts = vendor.trigger!;
	const trigger: TriggerSpec = {
		...facts,
		type: 'anyLiveChatTrigger',
		parameters: { platform: vendor.key, event: 'newConversation' },
		idOf: (json) => String(json.conversationId),
	};
	const ledger = `${vendor.key} (Live Chat Trigger)`;

	describe(`${vendor.key}: anyLiveChatTrigger, polled`, () => {
		it('loses and repeats nothing over 1,000 polls with faults and restarts', async () => {
			const { simulator, credentials } = await vendor.start();
			try {
				const started = Date.now();
				const leaks = (value: unknown) => {
					const text = JSON.stringify(value ?? '') + String((value as Error | undefined)?.message ?? '');
					return [vendor.canary, ...vendor.canaryForms(simulator)].reduce((sum, canary) => sum + text.split(canary).length - 1, 0);
				};
				const counts = await exactlyOnce(trigger, simulator, credentials, 11 + vendor.key.length, (_label, items: INodeExecutionData[] | null, error, staticData) =>
					leaks(items) + leaks(error) + leaks(staticData),
				);
				recordExactlyOnce(ledger, trigger, counts, (Date.now() - started) / 1000);
				expect({ lost: counts.lost, duplicated: counts.duplicated, strangers: counts.strangers, leaks: counts.leaks }).toEqual({ lost: 0, duplicated: 0, strangers: 0, leaks: 0 });
				expect(counts.emitted).toBeGreaterThan(0);
				expect(counts.failedPolls).toBeGreaterThan(0);
			} finally {
				await simulator.stop();
			}
		}, 600_000);
	});
}
