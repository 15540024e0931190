/**
 * The fault cases of one webhook trigger in n8n's engine (HookContext / WebhookContext), counted in the ledger:
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
import type { IDataObject } from 'n8n-workflow';

import { webhookNode } from '../engine/harness';
import type { WebhookNode } from '../engine/harness';
import type { Fault, Simulator } from '../simulators/base';
import { faultCase, record } from './ledger';
import { vendors } from './vendors';
import type { Credentials, VendorSpec } from './vendors';
import { FOREIGN, ours } from './webhookTriggers';
import type { Delivery, WebhookTriggerSpec } from './webhookTriggers';

// the Logger that n8n-core's contexts hand out as `this.logger` (n8n-core carries its own copies of these)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as typeof import('@n8n/di');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Logger } = require(require.resolve('@n8n/backend-common', { paths: [require.resolve('n8n-core')] })) as typeof import('@n8n/backend-common');

const reload = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;

/** How n8n hands a delivery to webhook(): the query parsed from the URL, the parsed body, the content type. */
function asReceived(delivery: Delivery, contentType = 'application/json', body: unknown = delivery.body) {
	return {
		query: Object.fromEntries(new URL(delivery.url).searchParams) as IDataObject,
		body,
		headers: { 'content-type': contentType },
	};
}

/** Executions a webhook() answer starts: one when it hands workflow data on, else none. */
const executionsOf = (answer: { workflowData?: unknown[] }) => (answer.workflowData?.length ? 1 : 0);

interface Forgery {
	name: string;
	/** What n8n would hand to webhook() for it, given the genuine delivery before it. */
	make: (spec: WebhookTriggerSpec, genuine: Delivery) => ReturnType<typeof asReceived>;
}

const FORGERIES: Forgery[] = [
	{ name: 'wrong secret', make: (spec, genuine) => asReceived(spec.withSecret(genuine, 'f'.repeat(48))) },
	{ name: 'secret one character short', make: (spec, genuine) => asReceived(spec.withSecret(genuine, secretOf(genuine).slice(1))) },
	{ name: 'missing secret', make: (spec, genuine) => asReceived(spec.withSecret(genuine, undefined)) },
	// n8n parses text/plain into a string and a form into an object of strings: both carry the right
	// secret here, but for a trigger that takes them from a proven sender (Alive5), a wrong one
	{ name: 'wrong content type (text/plain)', make: (spec, genuine) => asReceived(unproven(spec, genuine), 'text/plain', JSON.stringify(genuine.body)) },
	{
		name: 'wrong content type (form)',
		make: (spec, genuine) =>
			asReceived(unproven(spec, genuine), 'application/x-www-form-urlencoded', Array.isArray(genuine.body) ? { ...genuine.body[0] } : { ...genuine.body }),
	},
	{ name: 'replay of the genuine delivery', make: (_spec, genuine) => asReceived(genuine) },
];

/** The delivery as is, or with a wrong secret for a trigger that takes any content type from a proven sender. */
function unproven(spec: WebhookTriggerSpec, delivery: Delivery): Delivery {
	return spec.anyContentType ? spec.withSecret(delivery, 'e'.repeat(48)) : delivery;
}

function secretOf(delivery: Delivery): string {
	const fromQuery = new URL(delivery.url).searchParams.get('n8n_token');
	if (fromQuery) return fromQuery;
	return String((delivery.body as IDataObject).secret_key ?? '');
}

const REGISTER_FAULTS: Array<{ name: string; fault: Omit<Fault, 'method' | 'path'> }> = [
	{ name: '500', fault: { kind: 'status', status: 500, times: 10, message: 'Injected register failure' } },
	{ name: '429', fault: { kind: 'rateLimit', retryAfterSeconds: 0, times: 10 } },
	{ name: 'connection reset', fault: { kind: 'reset', times: 10 } },
];

/** Ends injected faults but keeps the vendor's state (reset() would also forget the registrations). */
function clearFaults(simulator: Simulator): void {
	(simulator as unknown as { faults: Fault[] }).faults.length = 0;
}

let deliveries = 0;

/** The webhook fault cases of one trigger, as a jest describe block. */
export function webhookFaultSuite(spec: WebhookTriggerSpec): void {
	const name = spec.ledger ?? spec.vendor;
	const vendor = vendors.find((candidate) => candidate.key === spec.vendor) as VendorSpec;

	describe(`${spec.vendor}: ${spec.type}`, () => {
		let simulator: Simulator;
		let credentials: Credentials;
		let warnings: string[] = [];

		beforeAll(async () => {
			({ simulator, credentials } = await vendor.start());
		});
		afterAll(async () => await simulator.stop());
		beforeEach(() => {
			simulator.reset();
			warnings = [];
			jest.spyOn(Container.get(Logger), 'warn').mockImplementation((message: string) => void warnings.push(String(message)));
		});
		afterEach(() => jest.restoreAllMocks());

		const trigger = (staticData: IDataObject = {}, parameters: IDataObject = spec.parameters): WebhookNode =>
			webhookNode({ type: spec.type, parameters, credentials }, staticData);
		const ourCount = (node: WebhookNode) => ours(spec, simulator, node.webhookUrl).length;
		const leaks = (text: string) => text.split(vendor.canary).length - 1;

		/** A new genuine delivery to our current registration, handed to webhook(); returns it and the executions started. */
		async function deliverGenuine(node: WebhookNode) {
			const [registration] = ours(spec, simulator, node.webhookUrl);
			// numbered across the file: the replay memory lives as long as the process
			const delivery = spec.genuine(registration, simulator, ++deliveries);
			return { delivery, executions: executionsOf(await node.receive(asReceived(delivery))) };
		}

		describe('forged deliveries', () => {
			it.each(FORGERIES.map((forgery) => [forgery.name, forgery] as const))('%s starts nothing; a genuine one next to it starts 1', async (_name, forgery) => {
				await faultCase(name, 'webhook forgery', async () => {
					const node = trigger();
					await node.activate();
					const before = await deliverGenuine(node);
					const answer = await node.receive(forgery.make(spec, before.delivery));
					const forged = executionsOf(answer);
					const after = await deliverGenuine(node);
					if (forged) record(name, 'webhook forgery', { forgedRuns: forged, note: `${forgery.name}: ${forged} execution started` });
					expect({ before: before.executions, forged, after: after.executions }).toEqual({ before: 1, forged: 0, after: 1 });
					// refused with a status, or (a replay) acknowledged without a run
					expect(answer.status ?? (answer as IDataObject).webhookResponse).toBeDefined();
					expect(leaks(JSON.stringify(answer))).toBe(0);
				});
			});
		});

		describe('registration lifecycle', () => {
			it('activation twice, restarts with static data from JSON, a lost hook, deactivation: 1 while active, 0 after', async () => {
				const steps: string[] = [];
				await faultCase(
					name,
					'webhook registration',
					async () => {
						spec.addForeign(simulator, FOREIGN);
						const step = (name: string, node: WebhookNode, expected: number) => {
							steps.push(`${name}: ${ourCount(node)}`);
							expect(`${name}: ${ourCount(node)}`).toBe(`${name}: ${expected}`);
						};
						const first = trigger();
						await first.activate();
						step('activated', first, 1);
						await first.activate();
						step('activated twice', first, 1);

						const restarted = trigger(reload(first.workflow.staticData));
						await restarted.activate();
						step('restart (static data from JSON)', restarted, 1);
						expect((await deliverGenuine(restarted)).executions).toBe(1);

						spec.lose(simulator, restarted.webhookUrl);
						step('vendor lost the hook', restarted, 0);
						const recovered = trigger(reload(restarted.workflow.staticData));
						await recovered.activate();
						step('restart after the loss', recovered, 1);
						expect((await deliverGenuine(recovered)).executions).toBe(1);

						if (spec.canList) {
							// static data lost (e.g. a re-import): the registration to our URL is found, not duplicated
							const forgetful = trigger();
							await forgetful.activate();
							step('static data lost', forgetful, 1);
							expect(await forgetful.deactivate()).toBe(true);
						} else {
							expect(await recovered.deactivate()).toBe(true);
						}
						step('deactivated', recovered, 0);
						expect(spec.registrations(simulator).map((registration) => registration.url)).toEqual([FOREIGN]);
					},
					spec.canList ? 6 : 5,
				);
				record(name, 'webhook registration', { note: steps.join(', ') });
			});
		});

		describe('listening for a test event while the workflow is active', () => {
			it('keeps the production registration: the test one comes and goes beside it', async () => {
				await faultCase(name, 'webhook registration', async () => {
					const production = trigger();
					await production.activate();
					// "Listen for test event": n8n runs the hooks in mode manual on the same workflow's static data
					const listening = webhookNode({ type: spec.type, parameters: spec.parameters, credentials }, production.workflow.staticData, undefined, 'manual');
					await listening.activate();
					expect({ production: ourCount(production), test: ourCount(listening) }).toEqual({ production: 1, test: 1 });
					expect({ testRun: (await deliverGenuine(listening)).executions }).toEqual({ testRun: 1 });
					expect(await listening.deactivate()).toBe(true);
					expect({ production: ourCount(production), test: ourCount(listening) }).toEqual({ production: 1, test: 0 });
					expect({ productionRun: (await deliverGenuine(production)).executions }).toEqual({ productionRun: 1 });
					expect(await production.deactivate()).toBe(true);
					expect(ourCount(production)).toBe(0);
				});
				record(name, 'webhook registration', { note: 'test listening while active: production registration kept (1), test one removed (0)' });
			});
		});

		describe('listening for a test event as real n8n does it', () => {
			// n8n keeps a test registration's static data apart from the workflow's (it starts empty) and
			// removes it in mode internal, as it does production ones (webhooks/test-webhooks.ts)
			it('listen, receive, stop: no test registration left, production untouched', async () => {
				await faultCase(name, 'webhook registration', async () => {
					const production = trigger();
					await production.activate();
					const listening = webhookNode({ type: spec.type, parameters: spec.parameters, credentials }, {}, undefined, 'manual');
					await listening.activate();
					expect({ testRun: (await deliverGenuine(listening)).executions }).toEqual({ testRun: 1 });
					expect(await listening.deactivate()).toBe(true);
					expect({ production: ourCount(production), test: ourCount(listening) }).toEqual({ production: 1, test: 0 });
					expect({ productionRun: (await deliverGenuine(production)).executions }).toEqual({ productionRun: 1 });
					expect(await production.deactivate()).toBe(true);
					expect(ourCount(production)).toBe(0);
				});
				record(name, 'webhook registration', { note: 'test listening on its own static data: removed in mode internal (0)' });
			});

			it('create() run again for the same listen on fresh static data (as n8n 2.41.1 does): one delete leaves none', async () => {
				await faultCase(name, 'webhook registration', async () => {
					const first = webhookNode({ type: spec.type, parameters: spec.parameters, credentials }, {}, undefined, 'manual');
					await first.activate();
					const again = webhookNode({ type: spec.type, parameters: spec.parameters, credentials }, {}, undefined, 'manual');
					await again.activate();
					expect(await again.deactivate()).toBe(true);
					expect(ourCount(again)).toBe(0);
				});
			});

			if (spec.canList) {
				it('n8n restarted while listening (its test registration forgotten): the next listen and stop leave none', async () => {
					await faultCase(name, 'webhook registration', async () => {
						const forgotten = webhookNode({ type: spec.type, parameters: spec.parameters, credentials }, {}, undefined, 'manual');
						await forgotten.activate();
						expect(ourCount(forgotten)).toBe(1);
						// after the restart n8n knows nothing of it: a new listen starts from empty static data
						const listening = webhookNode({ type: spec.type, parameters: spec.parameters, credentials }, {}, undefined, 'manual');
						await listening.activate();
						expect(ourCount(listening)).toBe(1);
						expect({ testRun: (await deliverGenuine(listening)).executions }).toEqual({ testRun: 1 });
						expect(await listening.deactivate()).toBe(true);
						expect(ourCount(listening)).toBe(0);
					});
				});
			}
		});

		describe('transport faults on the register call', () => {
			it.each(REGISTER_FAULTS.map((c) => [c.name, c] as const))('%s: activation fails clearly, nothing registered', async (_name, c) => {
				await faultCase(name, 'webhook registration faults', async () => {
					const node = trigger();
					simulator.inject({ ...c.fault, ...spec.register });
					let error: (Error & { httpCode?: string; description?: string }) | undefined;
					await node.activate().catch((thrown: Error) => (error = thrown));
					expect(error).toBeDefined();
					expect(['NodeApiError', 'NodeOperationError']).toContain(error?.name);
					expect(String(error?.message).trim()).not.toBe('');
					if (c.fault.kind === 'status') expect(error?.httpCode).toBe('500');
					if (c.fault.kind === 'rateLimit') expect(error?.httpCode).toBe('429');
					expect(leaks(`${error?.message} ${error?.description ?? ''} ${JSON.stringify(error)}`)).toBe(0);
					expect(ourCount(node)).toBe(0);
					// the next activation, with the vendor well again, registers exactly one
					clearFaults(simulator);
					await node.activate();
					expect(ourCount(node)).toBe(1);
				});
			});

			if (spec.twoRegistrations) {
				it('500 on the second of two registrations: the first is removed again', async () => {
					await faultCase(name, 'webhook registration faults', async () => {
						const node = trigger({}, spec.twoRegistrations);
						simulator.inject({ kind: 'delay', delayMs: 0, ...spec.register });
						simulator.inject({ kind: 'status', status: 500, message: 'Injected register failure', ...spec.register });
						await expect(node.activate()).rejects.toThrow('Injected register failure');
						expect(simulator.count(spec.register.method, spec.register.path)).toBe(2);
						expect(ourCount(node)).toBe(0);
					});
				});
			}
		});

		describe('transport faults on the unregister call', () => {
			it.each(REGISTER_FAULTS.map((c) => [c.name, c] as const))('%s: deactivation logs and does not throw; re-activation leaves 1', async (_name, c) => {
				await faultCase(name, 'webhook unregister faults', async () => {
					const node = trigger();
					await node.activate();
					simulator.inject({ ...c.fault, ...spec.unregister });
					expect(await node.deactivate()).toBe(false);
					expect(warnings).toHaveLength(1);
					expect(warnings[0]).toMatch(/could not be removed/);
					expect(leaks(warnings.join('\n'))).toBe(0);
					expect(ourCount(node)).toBe(1);
					clearFaults(simulator);
					const again = trigger(reload(node.workflow.staticData));
					await again.activate();
					expect(ourCount(again)).toBe(1);
					expect(await again.deactivate()).toBe(true);
					expect(ourCount(again)).toBe(0);
				});
			});
		});
	});
}
