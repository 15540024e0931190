import type { IDataObject } from 'n8n-workflow';

import { webhookNode } from '../../engine/harness';
import { A5_PHONE_NUMBERS, Alive5Simulator, type A5RegisterAnswer } from '../../simulators/alive5';

const simulator = new Alive5Simulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await simulator.start();
	credentials = { alive5Api: { apiKey: simulator.apiKey, baseUrl } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const trigger = (parameters: IDataObject = {}, staticData: IDataObject = {}) =>
	webhookNode({ type: 'alive5Trigger', parameters: { phoneNumber: A5_PHONE_NUMBERS[0], ...parameters }, credentials }, staticData);

const tokenOf = (url: string) => new URL(url).searchParams.get('n8n_token') ?? '';

async function inboundSms(fields: IDataObject = {}) {
	const response = await fetch(`${simulator.baseUrl}/__sim/inbound-sms`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(fields),
	});
	return (await response.json()) as { payload: IDataObject; delivered: number[] };
}

describe('Alive5 Trigger', () => {
	it('registers one inbound interceptor with a secret URL, and reuses it on restart', async () => {
		const node = trigger();
		expect(await node.activate()).toEqual({ existed: false, created: true });
		expect(simulator.interceptors).toEqual([
			expect.objectContaining({ phoneNumber: A5_PHONE_NUMBERS[0], direction: 'inbound', method: 'POST' }),
		]);
		const registered = simulator.requests.find((request) => request.method === 'POST');
		expect(registered?.body).toEqual({
			phoneNumber: A5_PHONE_NUMBERS[0],
			url: simulator.interceptors[0].url,
			direction: 'inbound',
			method: 'POST',
		});
		const target = simulator.interceptors[0].url;
		expect(target.split('?')[0]).toBe(node.webhookUrl);
		expect(tokenOf(target)).toHaveLength(48);

		const restarted = trigger({}, node.workflow.staticData);
		expect(await restarted.activate()).toEqual({ existed: true, created: false });
		expect(simulator.interceptors).toHaveLength(1);
	});

	it('removes a stale interceptor of its own URL (static data lost) instead of duplicating it', async () => {
		const first = trigger();
		await first.activate();
		const stale = simulator.interceptors[0].interceptorUuid;
		const amnesiac = trigger({}, {});
		expect(await amnesiac.activate()).toEqual({ existed: false, created: true });
		expect(simulator.interceptors).toHaveLength(1);
		expect(simulator.interceptors[0].interceptorUuid).not.toBe(stale);
		expect(simulator.count('DELETE', '/register/webhook/sms')).toBe(1);
	});

	it('moves its interceptor when the phone number changes, leaving other URLs alone', async () => {
		simulator.interceptors.push({
			interceptorUuid: 'someone-else',
			phoneNumber: A5_PHONE_NUMBERS[1],
			url: 'https://elsewhere.example.com/hook',
			direction: 'inbound',
			method: 'POST',
		});
		const node = trigger();
		await node.activate();
		const moved = trigger({ phoneNumber: A5_PHONE_NUMBERS[1] }, node.workflow.staticData);
		expect(await moved.activate()).toEqual({ existed: false, created: true });
		expect(simulator.interceptors.map((interceptor) => [interceptor.phoneNumber, interceptor.interceptorUuid === 'someone-else'])).toEqual([
			[A5_PHONE_NUMBERS[1], true],
			[A5_PHONE_NUMBERS[1], false],
		]);
	});

	it('emits a delivered SMS once and refuses forged or unreadable deliveries', async () => {
		const node = trigger();
		await node.activate();
		const target = new URL(simulator.interceptors[0].url);
		// Nothing listens at the n8n URL here: the simulator's attempt is recorded, then replayed.
		const { payload } = await inboundSms({ from: '+15550003333', message: 'Open on Sunday?' });
		expect(simulator.deliveries.map((delivery) => delivery.url)).toEqual([target.toString()]);
		const received = await node.receive({ body: payload, query: Object.fromEntries(target.searchParams) });
		expect(received.workflowData?.[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ phone_number_from: '+15550003333', message: 'Open on Sunday?', direction: 'inbound' }),
		]);

		const token = tokenOf(target.toString());
		for (const query of [{}, { n8n_token: 'y'.repeat(48) }, { n8n_token: token.slice(2) }]) {
			const forged = await node.receive({ body: payload, query });
			expect(forged).toMatchObject({ noWebhookResponse: true, status: 401 });
			expect(forged.workflowData).toBeUndefined();
		}
		for (const body of ['text', [], {}]) {
			const unreadable = await node.receive({ body, query: { n8n_token: token } });
			expect(unreadable).toMatchObject({ noWebhookResponse: true, status: 400 });
		}
	});

	it('unregisters on deactivation, also when Alive5 already forgot the interceptor', async () => {
		const node = trigger();
		await node.activate();
		expect(await node.deactivate()).toBe(true);
		expect(simulator.interceptors).toEqual([]);
		const deleted = simulator.requests.find((request) => request.method === 'DELETE');
		expect(deleted?.body).toEqual({ phoneNumber: A5_PHONE_NUMBERS[0], interceptorUuid: expect.any(String) });

		const again = trigger();
		await again.activate();
		simulator.interceptors.length = 0;
		expect(await again.deactivate()).toBe(true);
		expect(again.workflow.staticData).toEqual({ 'node:Node': { production: {} } });
	});

	it('reports the vendor message when the number is not the organization’s', async () => {
		const node = trigger({ phoneNumber: '+19999999999' });
		await expect(node.activate()).rejects.toThrow('Alive5: +19999999999 is not an Alive5 number of this organization');
		expect(simulator.interceptors).toEqual([]);
	});
});

describe('Alive5 Trigger bookkeeping in every answer shape the sources show', () => {
	const shapes: Array<[A5RegisterAnswer, string]> = [
		['channelUpdate', 'data.channelUpdate.Attributes.interceptor[] (Pipedream)'],
		['unnamed', 'no interceptor in the answer, data.interceptors[] on look-up (Pipedream’s guard)'],
	];
	const ofOurs = (url: string) => simulator.interceptors.filter((interceptor) => interceptor.url.split('?')[0] === url);

	for (const [registerAnswer, source] of shapes) {
		describe(`registration answered as ${source}`, () => {
			beforeEach(() => (simulator.registerAnswer = registerAnswer));

			it('keeps one interceptor while active and none after deactivation, with the ID Alive5 gave it', async () => {
				const node = trigger();
				expect(await node.activate()).toEqual({ existed: false, created: true });
				expect(simulator.interceptors).toHaveLength(1);
				const state = JSON.stringify(node.workflow.staticData);
				expect(state).toContain(simulator.interceptors[0].interceptorUuid);

				const restarted = trigger({}, node.workflow.staticData);
				expect(await restarted.activate()).toEqual({ existed: true, created: false });
				expect(simulator.interceptors).toHaveLength(1);

				expect(await restarted.deactivate()).toBe(true);
				expect(simulator.interceptors).toHaveLength(0);
			});

			it('never adds up interceptors over repeated activations, also when n8n lost its static data', async () => {
				const first = trigger();
				await first.activate();
				for (let attempt = 0; attempt < 3; attempt++) {
					const amnesiac = trigger({}, {});
					expect(await amnesiac.activate()).toEqual({ existed: false, created: true });
					expect(ofOurs(amnesiac.webhookUrl)).toHaveLength(1);
				}
				expect(simulator.interceptors).toHaveLength(1);
				const last = trigger({}, {});
				await last.activate();
				expect(await last.deactivate()).toBe(true);
				expect(simulator.interceptors).toHaveLength(0);
			});

			it('leaves other URLs’ interceptors of the number alone', async () => {
				simulator.interceptors.push({
					interceptorUuid: 'someone-else',
					phoneNumber: A5_PHONE_NUMBERS[0],
					url: 'https://elsewhere.example.com/hook',
					direction: 'inbound',
					method: 'POST',
				});
				const node = trigger();
				await node.activate();
				expect(simulator.interceptors).toHaveLength(2);
				await node.deactivate();
				expect(simulator.interceptors.map((interceptor) => interceptor.interceptorUuid)).toEqual(['someone-else']);
			});
		});
	}

	it('when neither the answer nor the look-up can be read, activation fails and the interceptor is removed by URL', async () => {
		simulator.registerAnswer = 'unnamed';
		// the look-up before registering finds nothing; the one after fails: Alive5 then holds an
		// interceptor whose ID the trigger cannot know
		simulator.inject({ kind: 'status', status: 200, method: 'GET', path: '/register/webhook/sms/', body: { code: 200, data: { interceptors: [] }, error: null } });
		simulator.inject({ kind: 'status', status: 500, method: 'GET', path: '/register/webhook/sms/', message: 'Lookup down' });
		const node = trigger();
		await expect(node.activate()).rejects.toThrow('Alive5: Lookup down');
		expect(simulator.interceptors).toHaveLength(1);
		// n8n deactivates a workflow whose activation failed: the interceptor goes by its URL
		expect(await node.deactivate()).toBe(true);
		expect(simulator.interceptors).toHaveLength(0);

		// and when the look-up shows nothing either, the next activation still cannot add up
		simulator.inject({ kind: 'status', status: 200, method: 'GET', path: '/register/webhook/sms/', body: { code: 200, data: {}, error: null }, times: 2 });
		const blind = trigger({}, {});
		await expect(blind.activate()).rejects.toThrow('neither its answer nor the look-up');
		expect(simulator.interceptors).toHaveLength(1);
		const again = trigger({}, blind.workflow.staticData);
		expect(await again.activate()).toEqual({ existed: false, created: true });
		expect(simulator.interceptors).toHaveLength(1);
		expect(await again.deactivate()).toBe(true);
		expect(simulator.interceptors).toHaveLength(0);
	});
});
