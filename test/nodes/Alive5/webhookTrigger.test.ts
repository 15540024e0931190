import type { IDataObject } from 'n8n-workflow';

import { asN8nReceives, captureDeliveries } from '../../engine/deliveries';
import { webhookNode } from '../../engine/harness';
import { A5_CHANNELS, A5_PHONE_NUMBERS, Alive5Simulator, type A5DeliveryContentType, type A5RegisterAnswer } from '../../simulators/alive5';

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
			{ ...payload, created_by: '+15550003333', phone_mobile: '+15550003333', message_content: 'Open on Sunday?', direction: 'inbound' },
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

	describe('deliveries as Alive5’s published integration shows them', () => {
		/** A trigger whose webhook URL is a local recorder: what the simulator sends is what webhook() gets. */
		async function recorded() {
			const capture = await captureDeliveries();
			const node = webhookNode({ type: 'alive5Trigger', parameters: { phoneNumber: A5_PHONE_NUMBERS[0] }, credentials }, {}, capture.baseUrl);
			await node.activate();
			return { capture, node };
		}

		/** The workflow answers by SMS from the watched number, as a reply step would. */
		async function sendReply(message: string) {
			const response = await fetch(`${simulator.baseUrl}/conversations/sms/send`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-a5-apikey': simulator.apiKey },
				body: JSON.stringify({
					phone_number_from: A5_PHONE_NUMBERS[0],
					phone_number_to: '+15550003333',
					message,
					channel_id: A5_CHANNELS[0].channel_id,
					user_id: A5_CHANNELS[0].agents[0].user_id,
				}),
			});
			expect(response.status).toBe(200);
			await fetch(`${simulator.baseUrl}/__sim/flush`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		}

		it('the published inbound shape starts the workflow with the delivery as its item', async () => {
			const { capture, node } = await recorded();
			try {
				const { payload } = await inboundSms({ from: '+15550003333', message: 'Open on Saturday?' });
				expect(payload).toEqual({
					direction: 'inbound',
					message_content: 'Open on Saturday?',
					created_by: '+15550003333',
					phone_mobile: '+15550003333',
					created_at: expect.any(Number),
					channel_id: 'ch-sales',
					thread_id: expect.any(String),
				});
				const received = await node.receive(asN8nReceives(capture.received[0]));
				expect(received.workflowData?.[0].map((item) => item.json)).toEqual([payload]);
				// an image-only message: empty text, a media URL
				const image = await inboundSms({ from: '+15550003333', mediaUrl: 'https://media.example.com/1.jpg' });
				const imageItems = (await node.receive(asN8nReceives(capture.received[1]))).workflowData?.[0].map((item) => item.json);
				expect(imageItems).toEqual([{ ...image.payload, message_content: '', media_url: 'https://media.example.com/1.jpg' }]);
			} finally {
				await capture.stop();
			}
		});

		it('the workflow’s own reply, delivered back as outbound, starts nothing', async () => {
			const { capture, node } = await recorded();
			try {
				await sendReply('We open at 10.');
				expect(simulator.deliveries.map((delivery) => delivery.direction)).toEqual(['outbound']);
				const echo = asN8nReceives(capture.received[0]);
				expect(echo.body).toMatchObject({ direction: 'outbound', message_content: 'We open at 10.', created_by: A5_CHANNELS[0].agents[0].user_id });
				const answer = await node.receive(echo);
				expect(answer).toMatchObject({ webhookResponse: { ignored: 'outbound message' } });
				expect(answer.workflowData).toBeUndefined();
				// every spelling and a missing direction are ignored too; only inbound starts the workflow
				const body = echo.body as IDataObject;
				for (const direction of ['OUTBOUND', ' Outbound ', undefined, 42]) {
					const other = await node.receive({ ...echo, body: { ...body, direction, message_content: `again ${String(direction)}` } });
					expect(other.workflowData).toBeUndefined();
				}
				const inbound = await node.receive({ ...echo, body: { ...body, direction: 'Inbound', message_content: 'a reply from the customer' } });
				expect(inbound.workflowData?.[0]).toHaveLength(1);
			} finally {
				await capture.stop();
			}
		});

		it('every delivery shape the published integration shows: its smoke test’s bodies and the relayed shape of its other version', async () => {
			const node = trigger();
			await node.activate();
			const query = { n8n_token: tokenOf(simulator.interceptors[0].url) };
			// Pipedream components/alive5/scripts/smoke.mjs: the inbound body, then the same as outbound
			const smoke = { direction: 'inbound', message_content: 'test', created_by: '+14155550123', created_at: 1789243375, thread_id: 'test-thread' };
			expect((await node.receive({ body: smoke, query })).workflowData?.[0].map((item) => item.json)).toEqual([smoke]);
			expect((await node.receive({ body: { ...smoke, direction: 'outbound' }, query })).workflowData).toBeUndefined();
			// the relayed body of the source's other version (event_id, message, from_phone, received_at ISO)
			const relayed = {
				event_id: '11111111-1111-4111-8111-111111111111',
				direction: 'inbound',
				message: 'test',
				from_phone: '+14155550123',
				business_line: '+14155550100',
				received_at: '2026-09-12T20:02:55.000Z',
				channel_id: 'test-channel',
				thread_id: 'test-thread',
				media_url: null,
			};
			expect((await node.receive({ body: relayed, query })).workflowData?.[0].map((item) => item.json)).toEqual([relayed]);
			expect((await node.receive({ body: { ...relayed, event_id: '2', direction: 'outbound' }, query })).workflowData).toBeUndefined();
			// its test event (sources/new-sms-received/test-event.mjs)
			const testEvent = { message: 'Example inbound SMS', from_phone: '+14155550123', business_line: '+14155550100', channel_id: 'sample-channel', thread_id: 'sample-thread', direction: 'inbound', received_at: '2026-09-12T12:00:00.000Z', media_url: null };
			expect((await node.receive({ body: testEvent, query })).workflowData?.[0].map((item) => item.json)).toEqual([testEvent]);
		});

		it('takes every content type Alive5 may send when the secret proves the sender', async () => {
			const { capture, node } = await recorded();
			try {
				const types: A5DeliveryContentType[] = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'text/plain;charset=UTF-8', 'application/octet-stream', null, 'application/x-www-form-urlencoded'];
				for (const [index, type] of types.entries()) {
					simulator.deliveryContentType = type;
					const { payload } = await inboundSms({ message: `message ${index}` });
					const delivery = capture.received[index];
					expect(delivery.headers['content-type']).toBe(type ?? undefined);
					const received = await node.receive(asN8nReceives(delivery));
					// a form carries every field as text
					const expected = type === 'application/x-www-form-urlencoded' ? Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, String(value)])) : payload;
					expect({ type, items: received.workflowData?.[0].map((item) => item.json) }).toEqual({ type, items: [expected] });
				}
			} finally {
				await capture.stop();
			}
		});

		it('refuses other content types, and any content type without the right secret', async () => {
			const { capture, node } = await recorded();
			try {
				simulator.deliveryContentType = 'text/plain';
				await inboundSms({ message: 'to be forged' });
				const genuine = asN8nReceives(capture.received[0]);
				for (const query of [{}, { n8n_token: 'z'.repeat(48) }]) {
					for (const contentType of ['text/plain', '', 'application/x-www-form-urlencoded', 'application/json']) {
						const forged = await node.receive({ ...genuine, query, headers: { 'content-type': contentType } });
						expect(forged).toMatchObject({ noWebhookResponse: true, status: 401 });
					}
				}
				for (const contentType of ['application/xml', 'multipart/form-data; boundary=x', 'text/html']) {
					const refused = await node.receive({ ...genuine, body: {}, headers: { 'content-type': contentType } });
					expect(refused).toMatchObject({ noWebhookResponse: true, status: 415, response: { message: 'Expected JSON, JSON text or a form' } });
				}
				for (const raw of ['not json', '[1,2]', '']) {
					const unreadable = await node.receive({ ...genuine, body: raw, rawBody: Buffer.from(raw), headers: { 'content-type': 'text/plain' } });
					expect(unreadable).toMatchObject({ noWebhookResponse: true, status: 400 });
				}
			} finally {
				await capture.stop();
			}
		});
	});
});
