
import { A5_CHANNELS, A5_PHONE_NUMBERS, A5_TAGS, sandbox } from '../simulators/alive5';
import type { Workflow } from './n8n';
import { fixtures, itemsOf, N8nHost } from './n8n';

const simulator = sandbox.create();
let host: N8nHost;

const workflows = fixtures('alive5');
const byId = (id: string) => workflows.find((workflow) => workflow.id === id) as Workflow;
const actionsWorkflow = byId('alive5ActionsExa');
const webhookWorkflow = byId('alive5WebhookExa');

beforeAll(async () => {
	const baseUrl = await simulator.start();
	host = await N8nHost.withPackage();
	await host.importCredentials([
		...sandbox.credentials(simulator),
		{ id: 'wrongAlive5ApiKy', name: 'Alive5 (wrong key)', type: 'alive5Api', data: { apiKey: 'not-the-key', baseUrl } },
	]);
	await host.importWorkflows(workflows);
});

afterAll(async () => {
	await host?.stop();
	await simulator.stop();
	expect(host.log).not.toContain(simulator.apiKey);
});

describe('Alive5 in real n8n', () => {
	it('sends an SMS and executes every action headlessly', async () => {
		const { status, run } = await host.execute(actionsWorkflow.id);
		const runData = run.data.resultData.runData;
		expect(run.data.resultData.error).toBeUndefined();
		expect(status).toBe(0);

		expect(itemsOf(runData, 'Send SMS')).toEqual([
			expect.objectContaining({
				message_id: 'msg-1',
				message_status: 'queued',
				To: '+15550009999',
				newThread: expect.objectContaining({ channel_id: 'ch-sales' }),
			}),
		]);
		// Exactly one SMS reached Alive5, as JSON, from the agent of the chosen channel.
		expect(simulator.requests.find((request) => request.method === 'POST')?.headers['content-type']).toContain('application/json');
		expect(simulator.sent).toEqual([
			{
				channel_id: 'ch-sales',
				user_id: 'u-ben',
				phone_number_from: A5_PHONE_NUMBERS[1],
				phone_number_to: '+15550009999',
				message: 'Your order has shipped.',
			},
		]);
		expect(itemsOf(runData, 'Get Many Tags')).toEqual(A5_TAGS);
		expect(itemsOf(runData, 'Get Many Channels')).toEqual(A5_CHANNELS);
		expect(itemsOf(runData, 'Get Account')).toEqual([{ email: 'owner@sandbox.test', org_name: 'sandbox-org', iat: 1700000000 }]);
		expect(itemsOf(runData, 'Get SMS Conversations as Transcripts (fixed day)')).toEqual([
			expect.objectContaining({
				vendor: 'alive5',
				conversationId: 'sess-sms-0001',
				channel: 'sms',
				startedAt: '2024-03-05T14:00:00.000Z',
				status: 'closed',
			}),
		]);
		expect(itemsOf(runData, 'Get Many Live Chats (all pages)')).toHaveLength(130);
		const limited = itemsOf(runData, 'Get Many Live Chats (limit 5)');
		expect(limited).toHaveLength(5);
		expect(limited[0]).toHaveProperty('messageCount', 2);
		expect(itemsOf(runData, 'Get Many Messenger Conversations')).toHaveLength(3);
		expect(itemsOf(runData, 'Get Many SMS Conversations (empty range)')).toEqual([]);
		expect(itemsOf(runData, 'Get Summary (fixed day)')).toEqual([expect.objectContaining({ visitors_sms: 1 })]);
	});

	describe('with n8n running', () => {
		beforeAll(async () => {
			await host.start();
			await host.login();
		});

		it('tests the credential: the right key passes, a wrong one fails', async () => {
			const test = async (id: string, apiKey: string) =>
				await host.rest<{ status: string; message: string }>('POST', '/credentials/test', {
					credentials: { id, name: id, type: 'alive5Api', data: { apiKey, baseUrl: simulator.baseUrl } },
				});
			const right = await test('sandboxAlive5Api', simulator.apiKey);
			expect(right.data.status).toBe('OK');
			const wrong = await test('wrongAlive5ApiKy', 'not-the-key');
			expect(wrong.data.status).toBe('Error');
			expect(JSON.stringify(wrong.data)).not.toContain('not-the-key');
		});

		it('registers its interceptor, runs once per inbound SMS, refuses forgeries, and unregisters', async () => {
			const activated = await host.activate(webhookWorkflow.id);
			expect(activated.status).toBe(200);
			const [interceptor] = await host.until('one interceptor', () =>
				simulator.interceptors.length === 1 ? simulator.interceptors : undefined,
			);
			expect(interceptor).toMatchObject({ phoneNumber: A5_PHONE_NUMBERS[0], direction: 'inbound', method: 'POST' });
			const target = new URL(interceptor.url);
			expect(target.pathname).toBe(`/webhook/${webhookWorkflow.nodes[0].webhookId as string}/webhook`);
			expect(target.searchParams.get('n8n_token')).toHaveLength(48);
			await host.untilSecretSaved(interceptor.url);

			const forged = await fetch(`${target.origin}${target.pathname}?n8n_token=${'z'.repeat(48)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ message: 'forged', phone_number_from: '+10000000000' }),
			});
			expect(forged.status).toBe(401);

			const delivery = (await (
				await fetch(`${simulator.baseUrl}/__sim/inbound-sms`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ to: A5_PHONE_NUMBERS[0], from: '+15550004444', message: 'Do you deliver?' }),
				})
			).json()) as { payload: { thread_id: string }; delivered: number[] };
			expect(delivery.delivered).toEqual([200]);

			const executions = await host.until('a finished webhook execution', async () => {
				const found = await host.executions(webhookWorkflow.id);
				return found.some((execution) => execution.status === 'success') ? found : undefined;
			});
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(await host.executions(webhookWorkflow.id)).toHaveLength(1);
			// the delivery shape of Alive5's published integration, as it came
			expect(itemsOf(executions[0].runData, 'Alive5 Trigger')).toEqual([
				{
					direction: 'inbound',
					message_content: 'Do you deliver?',
					created_by: '+15550004444',
					phone_mobile: '+15550004444',
					created_at: expect.any(Number),
					channel_id: 'ch-sales',
					thread_id: delivery.payload.thread_id,
				},
			]);

			// Alive5 documents no content type: JSON as text/plain, and with no Content-Type at all, run too
			const sim = (path: string, body: unknown) =>
				fetch(`${simulator.baseUrl}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			for (const [index, type] of (['text/plain', null] as const).entries()) {
				simulator.deliveryContentType = type;
				const sent = (await (await sim('inbound-sms', { to: A5_PHONE_NUMBERS[0], from: '+15550004444', message: `as ${String(type)}` })).json()) as { delivered: number[] };
				expect(sent.delivered).toEqual([200]);
				await host.until(`${index + 2} executions`, async () => ((await host.executions(webhookWorkflow.id)).length >= index + 2 ? true : undefined));
			}
			simulator.deliveryContentType = 'application/json';
			const runs = await host.executions(webhookWorkflow.id);
			expect(runs.map((run) => (itemsOf(run.runData, 'Alive5 Trigger')[0] as { message_content?: string }).message_content).sort()).toEqual(['Do you deliver?', 'as null', 'as text/plain']);

			// the workflow's own reply comes back as an outbound delivery: answered, and nothing runs
			const reply = await fetch(`${simulator.baseUrl}/conversations/sms/send`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-a5-apikey': simulator.apiKey },
				body: JSON.stringify({ phone_number_from: A5_PHONE_NUMBERS[0], phone_number_to: '+15550004444', message: 'Yes, we do.', channel_id: A5_CHANNELS[0].channel_id, user_id: A5_CHANNELS[0].agents[0].user_id }),
			});
			expect(reply.status).toBe(200);
			const flushed = (await (await sim('flush', {})).json()) as { deliveries: Array<{ direction: string; status: number }> };
			expect(flushed.deliveries.filter((entry) => entry.direction === 'outbound')).toEqual([expect.objectContaining({ status: 200 })]);
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(await host.executions(webhookWorkflow.id)).toHaveLength(3);

			const deactivated = await host.rest('POST', `/workflows/${webhookWorkflow.id}/deactivate`, {});
			expect(deactivated.status).toBe(200);
			await host.until('interceptor removed', () => simulator.interceptors.length === 0 || undefined);
			expect(simulator.count('DELETE', '/register/webhook/sms')).toBe(1);
		});

		it('finds its interceptor by URL when the registration answer shows none, and leaves none behind', async () => {
			simulator.registerAnswer = 'unnamed';
			try {
				expect((await host.activate(webhookWorkflow.id)).status).toBe(200);
				await host.until('one interceptor', () => (simulator.interceptors.length === 1 ? true : undefined));
				expect((await host.rest('POST', `/workflows/${webhookWorkflow.id}/deactivate`, {})).status).toBe(200);
				await host.until('interceptor removed', () => simulator.interceptors.length === 0 || undefined);
			} finally {
				simulator.registerAnswer = 'channelUpdate';
			}
		});
	});
});
