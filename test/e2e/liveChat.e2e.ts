import { LC_CLIENT_ID, sandbox } from '../simulators/liveChat';
import { fixtures, itemsOf, N8nHost } from './n8n';

const simulator = sandbox.create();
let host: N8nHost;

const [actionsWorkflow, webhookWorkflow] = fixtures('liveChat');

beforeAll(async () => {
	const baseUrl = await simulator.start();
	host = await N8nHost.withPackage();
	await host.importCredentials([
		...sandbox.credentials(simulator),
		{
			id: 'wrongLiveChat000',
			name: 'LiveChat (wrong token)',
			type: 'liveChatPersonalAccessTokenApi',
			data: { accountId: simulator.accountId, accessToken: 'not-the-token', region: 'auto', clientId: LC_CLIENT_ID, baseUrl },
		},
	]);
	await host.importWorkflows([actionsWorkflow, webhookWorkflow]);
});

afterAll(async () => {
	await host?.stop();
	await simulator.stop();
	expect(host.log).not.toContain(simulator.token);
});

describe('LiveChat in real n8n', () => {
	it('runs a chat’s whole life headlessly: start, send, upload, tag, transfer, deactivate, list archives', async () => {
		const { status, run } = await host.execute(actionsWorkflow.id);
		const runData = run.data.resultData.runData;
		expect(run.data.resultData.error).toBeUndefined();
		expect(status).toBe(0);

		const [started] = itemsOf(runData, 'Start Chat') as Array<{ chat_id: string; thread_id: string; event_ids: string[] }>;
		expect(started).toEqual({ chat_id: expect.any(String), thread_id: expect.any(String), event_ids: [expect.any(String)] });
		expect(itemsOf(runData, 'Send Message')).toEqual([{ event_id: expect.any(String) }]);
		const [uploaded] = itemsOf(runData, 'Upload File');
		expect(uploaded.url).toMatch(/^https:\/\/cdn\.livechat-files\.com\/.+\/invoice\.txt$/);
		expect(simulator.uploads).toEqual([{ name: 'invoice.txt', size: 16, contentType: 'text/plain' }]);
		expect(itemsOf(runData, 'Tag Thread')).toEqual([{ success: true }]);
		expect(itemsOf(runData, 'Transfer to Sales')).toEqual([{ success: true }]);
		expect(itemsOf(runData, 'Deactivate Chat')).toEqual([{ success: true }]);

		const chat = simulator.chats.get(started.chat_id)!;
		expect(chat.access.group_ids).toEqual([19]);
		expect(chat.threads[0]).toMatchObject({ active: false, tags: ['sales'] });

		expect(itemsOf(runData, 'List Archives as Transcripts')).toEqual([
			expect.objectContaining({
				vendor: 'liveChat',
				conversationId: started.chat_id,
				status: 'closed',
				tags: ['sales'],
				visitor: expect.objectContaining({ id: 'b7eff798-f8df-4364-8059-649c35c9ed0c', name: 'Thomas Anderson' }),
				messages: [
					expect.objectContaining({ authorRole: 'agent', text: 'Welcome to the sandbox!' }),
					expect.objectContaining({ authorRole: 'agent', text: 'How can I help you today?' }),
					expect.objectContaining({ authorRole: 'agent', text: uploaded.url }),
				],
			}),
		]);
		expect(itemsOf(runData, 'List Chats (limit 12)')).toHaveLength(12);

		// v3.6 actions, and an action without parameters sent with the documented body {} (the simulator
		// refuses a JSON action without a body).
		expect(itemsOf(runData, 'Send Event Preview')).toEqual([{ success: true }]);
		expect(itemsOf(runData, 'Send Thinking Indicator')).toEqual([{ success: true }]);
		expect(itemsOf(runData, 'List Routing Statuses')).toEqual([
			{ agent_id: 'smith@example.com', status: 'accepting_chats' },
			{ agent_id: 'agent@example.com', status: 'not_accepting_chats' },
		]);
		expect(itemsOf(runData, 'Request Summary')).toEqual([{ success: true }]);
		expect(chat.threads[0].summary).toEqual(expect.objectContaining({ status: 'ok' }));
		const sent = (action: string) => simulator.requests.filter((request) => request.path.endsWith(`/${action}`));
		expect(sent('list_routing_statuses').map((request) => [request.headers['content-length'], request.body])).toEqual([['2', {}]]);
		expect(sent('send_event_preview').map((request) => request.body)).toEqual([
			{ chat_id: started.chat_id, event: { type: 'message', text: 'Looking up your order…', visibility: 'all' } },
		]);
		expect(sent('send_thinking_indicator').map((request) => request.body)).toEqual([{ chat_id: started.chat_id, title: 'Thinking...', visibility: 'agents' }]);
	});

	it('uploads a file from n8n\'s binary store in each binary data mode: filesystem (2.x\'s default) and in memory', async () => {
		// Convert to File stores the file through n8n's binary helpers, where the mode puts it
		const uploadWorkflow = {
			id: 'lcUploadByModes',
			name: 'LiveChat: upload from the binary store',
			nodes: [
				{ id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'text', name: 'Text', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: "return [{ json: { text: 'Report 2026-11' } }];" } },
				{
					id: 'file',
					name: 'Convert to File',
					type: 'n8n-nodes-base.convertToFile',
					typeVersion: 1.1,
					position: [400, 0],
					parameters: { operation: 'toText', sourceProperty: 'text', options: { fileName: 'report.txt' } },
				},
				{
					id: 'upload',
					name: 'Upload File',
					type: 'n8n-nodes-live-chat.liveChat',
					typeVersion: 1,
					position: [600, 0],
					parameters: { resource: 'event', operation: 'upload', binaryPropertyName: 'data' },
					credentials: actionsWorkflow.nodes.find((node) => node.name === 'Upload File')!.credentials,
				},
			],
			connections: {
				Start: { main: [[{ node: 'Text', type: 'main', index: 0 }]] },
				Text: { main: [[{ node: 'Convert to File', type: 'main', index: 0 }]] },
				'Convert to File': { main: [[{ node: 'Upload File', type: 'main', index: 0 }]] },
			},
		};
		await host.importWorkflows([uploadWorkflow]);
		for (const mode of ['filesystem', 'default']) {
			const { extraEnv } = host;
			host.extraEnv = { ...extraEnv, N8N_DEFAULT_BINARY_DATA_MODE: mode };
			const { status, run } = await host.execute(uploadWorkflow.id);
			host.extraEnv = extraEnv;
			expect({ mode, status, error: run.data.resultData.error }).toEqual({ mode, status: 0, error: undefined });
			const stored = (run.data.resultData.runData['Convert to File'][0].data!.main[0][0] as { binary?: { data?: { id?: string; mimeType?: string } } }).binary?.data;
			// filesystem: the item holds only the file's ID; in memory: the bytes themselves
			expect({ mode, id: stored?.id?.split(':')[0] }).toEqual({ mode, id: mode === 'filesystem' ? 'filesystem-v2' : undefined });
			expect(itemsOf(run.data.resultData.runData, 'Upload File')).toEqual([expect.objectContaining({ url: expect.stringMatching(/\/report\.txt$/) })]);
			expect(simulator.uploads.at(-1)).toEqual({ name: 'report.txt', size: 14, contentType: stored?.mimeType });
		}
	});

	describe('with n8n running', () => {
		beforeAll(async () => {
			await host.start();
			await host.login();
		});

		it('tests the credential: the right token passes, a wrong one fails and says why', async () => {
			const test = async (id: string, accessToken: string) =>
				await host.rest<{ status: string; message: string }>('POST', '/credentials/test', {
					credentials: {
						id,
						name: id,
						type: 'liveChatPersonalAccessTokenApi',
						data: { accountId: simulator.accountId, accessToken, region: 'auto', clientId: LC_CLIENT_ID, baseUrl: simulator.baseUrl },
					},
				});
			const right = await test('sandboxLiveChat0', simulator.token);
			expect(right.data.status).toBe('OK');
			const wrong = await test('wrongLiveChat000', 'not-the-token');
			expect(wrong.data.status).toBe('Error');
			// n8n 2.0 never applies a credential test's responseCode rules (its NodeApiError keeps no
			// response for the tester to read) and says its own 401 text instead.
			expect(wrong.data.message).toBe(
				host.install.version.startsWith('2.0.')
					? 'Authorization failed - please check your credentials'
					: 'LiveChat refused the token as invalid or expired (authentication). Check the Account ID and the token, or create a new token in the Developer Console.',
			);
			expect(JSON.stringify(wrong.data)).not.toContain('not-the-token');
		});

		it('fills the group, agent and tag dropdowns from the Configuration API', async () => {
			const options = async (methodName: string, path: string, currentNodeParameters: Record<string, unknown>) =>
				await host.rest<Array<{ name: string; value: string | number }>>('POST', '/dynamic-node-parameters/options', {
					path,
					methodName,
					nodeTypeAndVersion: { name: 'n8n-nodes-live-chat.liveChat', version: 1 },
					currentNodeParameters: { authentication: 'personalAccessToken', ...currentNodeParameters },
					credentials: { liveChatPersonalAccessTokenApi: { id: 'sandboxLiveChat0', name: 'LiveChat (sandbox)' } },
				});
			const groups = await options('getGroups', 'parameters.targetGroupIds', { resource: 'chat', operation: 'transfer', targetType: 'group' });
			expect(groups.data).toEqual([
				{ name: 'Billing', value: 1 },
				{ name: 'General', value: 0 },
				{ name: 'Sales', value: 19 },
				{ name: 'Technical', value: 2 },
			]);
			const agents = await options('getAgents', 'parameters.agentId', { resource: 'agent', operation: 'setRoutingStatus' });
			expect(agents.data).toEqual([
				{ name: 'Agent Smith (smith@example.com)', value: 'smith@example.com' },
				{ name: 'Jane Agent (agent@example.com)', value: 'agent@example.com' },
			]);
			const tags = await options('getTags', 'parameters.tag', { resource: 'threadTag', operation: 'tag' });
			expect(tags.data.map((tag) => tag.value)).toEqual(['billing', 'sales', 'spam', 'support']);
			expect(simulator.requests.filter((request) => request.path.startsWith('/v3.6/configuration/action/list_')).map((request) => request.path)).toEqual([
				'/v3.6/configuration/action/list_groups',
				'/v3.6/configuration/action/list_agents',
				'/v3.6/configuration/action/list_tags',
			]);
		});

		it('registers its webhooks, runs on a delivery, refuses a wrong secret, and unregisters', async () => {
			const activated = await host.activate(webhookWorkflow.id);
			expect(activated.status).toBe(200);
			const registrations = await host.until('three registrations', () => (simulator.webhooks.length === 3 ? simulator.webhooks : undefined));
			expect(registrations.map((registration) => registration.action).sort()).toEqual(['auto_accesses_updated', 'incoming_chat', 'incoming_event']);
			// Author Type goes only with incoming_event: LiveChat (and the simulator) refuse it on the others.
			expect(Object.fromEntries(registrations.map((registration) => [registration.action, registration.filters]))).toEqual({
				auto_accesses_updated: undefined,
				incoming_chat: undefined,
				incoming_event: { author_type: 'customer' },
			});
			expect(simulator.licenseWebhooksEnabled).toBe(true);
			const target = new URL(registrations[0].url);
			expect(target.pathname).toBe(`/webhook/${webhookWorkflow.nodes[0].webhookId as string}/webhook`);

			const forged = await fetch(target, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ webhook_id: registrations[0].id, secret_key: 'x'.repeat(48), action: 'incoming_event', payload: { chat_id: 'forged' } }),
			});
			expect(forged.status).toBe(401);
			// n8n saves the secret create() filled only after create() returned (host.untilSecretSaved): LiveChat
			// sends it in the body, so the probe carries it there without a payload (401 until saved, then 400)
			await host.until('the LiveChat trigger secret saved by n8n', async () => {
				const probe = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret_key: registrations[0].secret_key }) });
				return probe.status === 401 ? undefined : probe.status;
			});

			const delivery = (await (
				await fetch(`${simulator.baseUrl}/__sim/customerMessage`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ chat_id: 'PJ0MRSHTDG', text: 'Is my order shipped?' }),
				})
			).json()) as { event: { id: string }; deliveries: Array<{ status: number; action: string }> };
			expect(delivery.deliveries).toEqual([expect.objectContaining({ action: 'incoming_event', status: 200 })]);

			await host.until('a finished webhook execution', async () => {
				const found = await host.executions(webhookWorkflow.id);
				return found.some((execution) => execution.status === 'success') ? found : undefined;
			});
			await new Promise((resolve) => setTimeout(resolve, 1500));
			const settled = await host.executions(webhookWorkflow.id);
			expect(settled).toHaveLength(1);
			expect(itemsOf(settled[0].runData, 'LiveChat Trigger')).toEqual([
				expect.objectContaining({
					action: 'incoming_event',
					payload: expect.objectContaining({ chat_id: 'PJ0MRSHTDG', event: expect.objectContaining({ id: delivery.event.id, text: 'Is my order shipped?' }) }),
				}),
			]);

			// the webhooks page's sample after adding an auto access rule: delivered as auto_access_added, with
			// its requester; emitted whole but the secret
			const sample = (await (
				await fetch(`${simulator.baseUrl}/__sim/sample`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ section: 'auto_accesses_updated', title: 'Sample webhook after adding auto access rule' }),
				})
			).json()) as { sample: Record<string, unknown>; deliveries: Array<{ status: number; action: string }> };
			expect(sample.deliveries.at(-1)).toEqual(expect.objectContaining({ action: 'auto_access_added', status: 200 }));
			const two = await host.until('a second execution', async () => {
				const found = await host.executions(webhookWorkflow.id);
				return found.length >= 2 && found.every((execution) => execution.status === 'success') ? found : undefined;
			});
			const { secret_key: _secret, ...envelope } = sample.sample;
			const autoAccess = two.map((execution) => itemsOf(execution.runData, 'LiveChat Trigger')).find((items) => items[0]?.action === 'auto_access_added');
			const registration = registrations.find((candidate) => candidate.action === 'auto_accesses_updated')!;
			expect(autoAccess).toEqual([{ ...envelope, webhook_id: registration.id }]);
			expect(JSON.stringify(two)).not.toContain(registration.secret_key);

			const deactivated = await host.rest('POST', `/workflows/${webhookWorkflow.id}/deactivate`, {});
			expect(deactivated.status).toBe(200);
			await host.until('registrations removed', () => simulator.webhooks.length === 0 || undefined);
		});
	});
});
