/**
 * The webhook triggers of the fault suite, read from the simulators (each `sandbox.webhookTrigger`):
 * how each one's registrations look at its simulator, which of them are ours, how a genuine delivery
 * to a registration is made (and forged), and where the register and unregister calls go (for
 * transport faults).
 */
import type { Registration, Simulator, WebhookTriggerFacts } from '../simulators/base';
import { simulatedVendors, withoutToken } from '../simulators/base';

export type { Delivery, Registration } from '../simulators/base';

export interface WebhookTriggerSpec extends WebhookTriggerFacts {
	/** The vendor key of vendors.ts (its simulator start and canary). */
	vendor: string;
	/** The ledger's name for the rows, when not the vendor's (another node on its webhooks). */
	ledger?: string;
}

const FOREIGN_URL = 'https://elsewhere.example.com/hook';

export const webhookTriggers: WebhookTriggerSpec[] = simulatedVendors().flatMap((vendor) =>
	vendor.webhookTrigger ? [{ ...vendor.webhookTrigger, vendor: vendor.key }] : [],
);

/** The registrations at the vendor that point at this trigger's webhook URL. */
export function ours(spec: WebhookTriggerSpec, simulator: Simulator, webhookUrl: string): Registration[] {
	return spec.registrations(simulator).filter((registration) => withoutToken(registration.url) === webhookUrl);
}

export const FOREIGN = FOREIGN_URL;

/**
 * The Live Chat Trigger on each platform that pushes: the vendor's registrations, deliveries and
 * faults, with its own node and parameters. LiveChat's genuine delivery names the registration's
 * action, so Conversation Ended gets chat_deactivated for a chat the simulator holds (read whole).
 */
const LIVE_CHAT_TRIGGER_EVENTS: Record<string, string> = { liveChat: 'conversationEnded', socialIntents: 'conversationEnded' };

export const liveChatTriggerWebhooks: WebhookTriggerSpec[] = webhookTriggers
	.filter((spec) => LIVE_CHAT_TRIGGER_EVENTS[spec.vendor])
	.map(({ twoRegistrations: _two, ...spec }) => ({
		...spec,
		type: 'anyLiveChatTrigger',
		ledger: `${spec.vendor} (Live Chat Trigger)`,
		parameters: {
			platform: spec.vendor,
			event: LIVE_CHAT_TRIGGER_EVENTS[spec.vendor],
			...(spec.parameters.appId ? { appId: spec.parameters.appId } : {}),
		},
	}));
