/**
 * Webhook triggers in n8n's engine (HookContext / WebhookContext), counted in the ledger:
 * - forged deliveries (wrong or missing secret, wrong content type, a replay of a genuine one) start
 *   no execution, and genuine deliveries next to them start exactly one each;
 * - the registration lifecycle (activation twice, a restart with static data reloaded from JSON, the
 *   vendor losing the hook, deactivation) leaves exactly one registration of ours while active and
 *   none after, never touching another's;
 * - transport faults on the register call fail the activation clearly and leave nothing registered;
 *   on the unregister call they are logged, not thrown.
 * Broken JSON and oversized bodies never reach our code: n8n's body parser refuses them
 * (webhooks.n8n.faults.ts proves that in real n8n).
 */
import { webhookFaultSuite } from './webhookSuite';
import { webhookTriggers } from './webhookTriggers';

for (const spec of webhookTriggers) webhookFaultSuite(spec);
