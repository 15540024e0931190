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
