
import { SI_WEBHOOK_SAMPLES } from '../simulators/samples/socialIntentsWebhooks';
import { sandbox, SI_APPS } from '../simulators/socialIntents';
import { fixtures, itemsOf, N8nHost } from './n8n';

const simulator = sandbox.create();
let host: N8nHost;

const [actionsWorkflow, pollingWorkflow, webhookWorkflow] = fixtures('socialIntents');

beforeAll(async () => {
	const baseUrl = await simulator.start();
	host = await N8nHost.withPackage();
	await host.importCredentials([
		...sandbox.credentials(simulator),
		{
			id: 'wrongSocialInten',
			name: 'Social Intents (wrong token)',
			type: 'socialIntentsApi',
			data: { accountId: simulator.accountId, apiToken: 'not-the-token', baseUrl },
		},
	]);
	await host.importWorkflows([actionsWorkflow, pollingWorkflow, webhookWorkflow]);
});

afterAll(async () => {
	await host?.stop();
	await simulator.stop();
	expect(host.log).not.toContain(simulator.apiToken);
});

describe('Social Intents in real n8n', () => {
	it('reads a whole-day filter in the workflow\'s time zone: 21:00 on 5 March in New York asks for 5 March', async () => {
		const filtered = (id: string, name: string, dateFrom: string) => ({
			id,
			name,
			type: 'n8n-nodes-live-chat.socialIntents',
			typeVersion: 1,
			position: [300, 0],
			parameters: { resource: 'chat', operation: 'getAll', returnAll: true, filters: { dateFrom } },
			credentials: actionsWorkflow.nodes.find((node) => node.name === 'Get Many Chats (limit 5)')!.credentials,
		});
		const zoned = {
			id: 'siDatesNewYork00',
			name: 'Social Intents: a date filter in New York',
			settings: { executionOrder: 'v1', timezone: 'America/New_York' },
			nodes: [
				{ id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				// a JS Date from an expression (02:00Z on 6 March), and the same moment as text without an offset
				filtered('date', 'Date From (JS Date)', "={{ new Date('2026-03-06T02:00:00Z') }}"),
				filtered('text', 'Date From (text)', '2026-03-05T21:00:00'),
			],
			connections: {
				Start: {
					main: [
						[
							{ node: 'Date From (JS Date)', type: 'main', index: 0 },
							{ node: 'Date From (text)', type: 'main', index: 0 },
						],
					],
				},
			},
		};
		await host.importWorkflows([zoned]);
		const before = simulator.requests.length;
		const { status, run } = await host.execute(zoned.id);
		expect({ status, error: run.data.resultData.error }).toEqual({ status: 0, error: undefined });
		const asked = simulator.requests.slice(before).filter((request) => request.query.date_from !== undefined);
		// one request per node (returnAll pages further only on a full page)
		expect(asked.length).toBeGreaterThanOrEqual(2);
		expect([...new Set(asked.map((request) => request.query.date_from))]).toEqual(['2026-03-05']);
	});

	it('executes every action headlessly', async () => {
		const { status, run } = await host.execute(actionsWorkflow.id);
		const runData = run.data.resultData.runData;
		expect(run.data.resultData.error).toBeUndefined();
		expect(status).toBe(0);

		const [documented] = itemsOf(runData, 'Get Many Chats (documented day)');
		// the simulator answers in the current REST page's shape: visitorFullName, ISO startDate
		expect(documented).toMatchObject({
			id: '2c9fa7465ccfd687015cda9fed35085a',
			startDate: '2017-06-24T15:01:31Z',
			visitorFullName: 'Tom Sandler',
			messages: expect.arrayContaining([expect.objectContaining({ body: 'Hi there! I can help.' })]),
		});
		expect(itemsOf(runData, 'Get Chat as Transcript')).toEqual([
			expect.objectContaining({
				vendor: 'socialIntents',
				conversationId: '2c9fa7465ccfd687015cda9fed35085a',
				startedAt: '2017-06-24T15:01:31.000Z',
				status: 'closed',
				visitor: expect.objectContaining({ name: 'Tom Sandler' }),
			}),
		]);
		const limited = itemsOf(runData, 'Get Many Chats (limit 5)');
		expect(limited).toHaveLength(5);
		expect(limited[0]).toHaveProperty('messageCount');
		expect(limited.every((chat) => typeof chat.visitorName === 'string' && chat.visitorName !== '')).toBe(true);
		expect(itemsOf(runData, 'Get Many Missed Chats')).toHaveLength(5);
		const offline = itemsOf(runData, 'Get Many Offline Messages');
		expect(offline).toHaveLength(4);
		expect(offline.every((item) => item.status === 'offline')).toBe(true);
		const leads = itemsOf(runData, 'Get Many Leads');
		expect(leads).toHaveLength(6);
		expect(leads.every((lead) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(String(lead.addDate)))).toBe(true);
		expect(itemsOf(runData, 'Get Many Apps')).toEqual(SI_APPS);
	});

	describe('with n8n running', () => {
		beforeAll(async () => {
			await host.start();
			await host.login();
		});

		it('tests the credential: the right token passes, a wrong one fails', async () => {
			const test = async (id: string, apiToken: string) =>
				await host.rest<{ status: string; message: string }>('POST', '/credentials/test', {
					credentials: {
						id,
						name: id,
						type: 'socialIntentsApi',
						data: { accountId: simulator.accountId, apiToken, baseUrl: simulator.baseUrl },
					},
				});
			const right = await test('sandboxSocialInt', simulator.apiToken);
			expect(right.data.status).toBe('OK');
			expect(simulator.requests.at(-1)?.path).toBe('/ping');
			const wrong = await test('wrongSocialInten', 'not-the-token');
			expect(wrong.data.status).toBe('Error');
			expect(JSON.stringify(wrong.data)).not.toContain('not-the-token');
		});

		it('registers its webhook, runs once per delivered record, rejects forgeries, and unregisters', async () => {
			const activated = await host.activate(webhookWorkflow.id);
			expect(activated.status).toBe(200);
			const registrations = await host.until('two registrations', () =>
				simulator.webhooks.length === 2 ? simulator.webhooks : undefined,
			);
			expect(registrations.map((registration) => registration.event).sort()).toEqual(['', 'lead']);
			const target = new URL(registrations[0].target_url);
			expect(target.pathname).toBe(`/webhook/${webhookWorkflow.nodes[0].webhookId as string}/webhook`);
			await host.untilSecretSaved(registrations[0].target_url);

			const forged = await fetch(`${target.origin}${target.pathname}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify([{ id: 'forged' }]),
			});
			expect(forged.status).toBe(401);

			const delivery = (await (
				await fetch(`${simulator.baseUrl}/__sim/chat`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ appId: SI_APPS[0].id }),
				})
			).json()) as { chat: { id: string }; delivered: number[] };
			expect(delivery.delivered).toEqual([200]);

			await host.until('a finished webhook execution', async () => await host.finishedExecutions(webhookWorkflow.id));
			await new Promise((resolve) => setTimeout(resolve, 1500));
			const settled = await host.executions(webhookWorkflow.id);
			expect(settled).toHaveLength(1);
			expect(itemsOf(settled[0].runData, 'Social Intents Trigger')).toEqual([
				expect.objectContaining({ id: delivery.chat.id, appId: SI_APPS[0].id }),
			]);

			// the webhooks page's chat and lead samples, delivered verbatim: one execution each, as sent
			const sim = (body: unknown) =>
				fetch(`${simulator.baseUrl}/__sim/sample`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			for (const kind of ['chat', 'lead']) expect(((await (await sim({ kind })).json()) as { delivered: number[] }).delivered).toEqual([200]);
			const three = await host.until('three executions', async () => {
				const found = await host.executions(webhookWorkflow.id);
				return found.length >= 3 && found.every((execution) => execution.status === 'success') ? found : undefined;
			});
			const emitted = three.flatMap((execution) => itemsOf(execution.runData, 'Social Intents Trigger'));
			expect(emitted).toEqual(expect.arrayContaining([...SI_WEBHOOK_SAMPLES.chat, ...SI_WEBHOOK_SAMPLES.lead]));
			// an offline message is not among the chosen events: answered, and nothing runs
			const withSecret = new URL(registrations[0].target_url);
			const offline = await fetch(withSecret, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify([{ ...SI_WEBHOOK_SAMPLES.chat[0], id: 'offline-1', chatType: 'Offline Message' }]),
			});
			expect(offline.status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(await host.executions(webhookWorkflow.id)).toHaveLength(3);

			const deactivated = await host.rest('POST', `/workflows/${webhookWorkflow.id}/deactivate`, {});
			expect(deactivated.status).toBe(200);
			await host.until('registrations removed', () => simulator.webhooks.length === 0 || undefined);
		});

		it('polls: the first poll remembers what exists, the next emits each new chat once', async () => {
			const beforeActivation = simulator.count('GET', '/chats');
			expect((await host.activate(pollingWorkflow.id)).status).toBe(200);
			// n8n polls once on activation: that poll only remembers the chats that exist.
			await host.until('first poll', () => simulator.count('GET', '/chats') > beforeActivation || undefined, 70_000);
			const before = simulator.count('GET', '/chats');
			const created = (await (
				await fetch(`${simulator.baseUrl}/__sim/chat`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })
			).json()) as { chat: { id: string } };
			const executions = await host.until('a polling execution', async () => await host.finishedExecutions(pollingWorkflow.id), 130_000);
			expect(simulator.count('GET', '/chats')).toBeGreaterThan(before);
			// One more poll interval passes: the chat must not come again.
			const polls = simulator.count('GET', '/chats');
			await host.until('another poll', () => simulator.count('GET', '/chats') > polls || undefined, 70_000);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(await host.executions(pollingWorkflow.id)).toHaveLength(1);
			expect(itemsOf(executions[0].runData, 'Social Intents Polling Trigger')).toEqual([
				expect.objectContaining({ id: created.chat.id, messageCount: 4 }),
			]);
			await host.rest('POST', `/workflows/${pollingWorkflow.id}/deactivate`, {});
		});
	});
});
