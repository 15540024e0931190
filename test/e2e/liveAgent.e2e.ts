import { LA_V3_API_KEY, sandbox } from '../simulators/liveAgent';
import { fixtures, itemsOf, N8nHost } from './n8n';

const simulator = sandbox.create();
let host: N8nHost;

const [actionsWorkflow, pollingWorkflow] = fixtures('liveAgent');

beforeAll(async () => {
	const baseUrl = await simulator.start();
	host = await N8nHost.withPackage();
	await host.importCredentials([
		...sandbox.credentials(simulator),
		{ id: 'wrongLiveAgentKy', name: 'LiveAgent (wrong key)', type: 'liveAgentApi', data: { url: baseUrl, apiKey: 'not-the-key', timeZone: simulator.zone } },
	]);
	await host.importWorkflows([actionsWorkflow, pollingWorkflow]);
});

afterAll(async () => {
	await host?.stop();
	await simulator.stop();
	expect(host.log).not.toContain(simulator.apiKey);
});

describe('LiveAgent in real n8n', () => {
	it('lives through a conversation: create, reply, tag, resolve, transcript', async () => {
		const { status, run } = await host.execute(actionsWorkflow.id);
		const runData = run.data.resultData.runData;
		expect(run.data.resultData.error).toBeUndefined();
		expect(status).toBe(0);
		expect(JSON.stringify(runData)).not.toContain(simulator.apiKey);

		expect(itemsOf(runData, 'Application Status')).toEqual([expect.objectContaining({ liveagentversion: '5.52.0.7' })]);
		const [created] = itemsOf(runData, 'Create Conversation');
		expect(created).toMatchObject({ status: 'OK', conversationid: expect.any(String) });
		expect(itemsOf(runData, 'Reply')).toEqual([{ status: 'OK', statuscode: 0 }]);
		expect(itemsOf(runData, 'Resolve')).toEqual([{ status: 'OK', statuscode: 0 }]);
		const [transcript] = itemsOf(runData, 'Get Transcript');
		expect(transcript).toMatchObject({
			vendor: 'liveAgent',
			conversationId: created.conversationid,
			status: 'closed',
			visitor: { name: 'Ana Souza', email: 'ana@example.com' },
			agents: [],
			tags: ['billing'],
		});
		expect((transcript.messages as Array<Record<string, unknown>>).map((message) => [message.authorRole, message.text])).toEqual([
			['visitor', 'My parcel has not arrived'],
			['agent', 'We are checking with the courier.'],
			['system', 'Delivered'],
		]);
		expect(itemsOf(runData, 'Get Many Conversations').map((row) => row.conversationid)).toContain(created.conversationid);
		expect(itemsOf(runData, 'Get Many Customers')).toHaveLength(1203);
		// The sections built from the public record
		expect(itemsOf(runData, 'Get Departments').map((row) => row.departmentid)).toEqual(['a5j9t4d8', 'b7k2m4p1', 'z9x8c7v6']);
		expect(itemsOf(runData, 'Departments Online')).toHaveLength(2);
		expect(itemsOf(runData, 'All Conversations').length).toBeGreaterThanOrEqual(9);
		expect(simulator.requests.find((request) => request.path === '/api/conversations' && request.method === 'GET' && !request.query.department)?.query).toMatchObject({ limit: '1000', offset: '0' });
		expect(itemsOf(runData, 'Agents Report')).toHaveLength(1205);
		expect(itemsOf(runData, 'Chats Load Report')).toEqual([{ date: '2024-05-01', count: 12 }, { date: '2024-05-02', count: 9 }]);
		expect(itemsOf(runData, 'Search Knowledgebase')).toEqual([expect.objectContaining({ id: 'kb02' })]);
		expect(itemsOf(runData, 'Get Tag')).toEqual([expect.objectContaining({ name: 'refund', color: 'FFFFFF' })]);
		// Every POST and PUT went out as a form carrying the key, never as JSON.
		const writes = simulator.requests.filter((request) => request.method === 'POST' || request.method === 'PUT');
		expect(writes).toHaveLength(5);
		expect(writes.every((request) => request.headers['content-type'] === 'application/x-www-form-urlencoded')).toBe(true);
	});

	describe('with n8n running', () => {
		beforeAll(async () => {
			await host.start();
			await host.login();
		});

		it('tests the credential: the right key passes, a wrong one fails without showing it', async () => {
			const test = async (id: string, apiKey: string) =>
				await host.rest<{ status: string; message: string }>('POST', '/credentials/test', {
					credentials: { id, name: id, type: 'liveAgentApi', data: { url: simulator.baseUrl, apiKey, timeZone: simulator.zone } },
				});
			const right = await test('sandboxLiveAgent', simulator.apiKey);
			expect(right.data.status).toBe('OK');
			const wrong = await test('wrongLiveAgentKy', 'not-the-key');
			expect(wrong.data.status).toBe('Error');
			expect(JSON.stringify(wrong.data)).not.toContain('not-the-key');
			const v3 = await test('wrongLiveAgentKy', LA_V3_API_KEY);
			// n8n 2.0 never applies a credential test's responseCode rules and says its own 403 text instead.
			expect(v3.data).toMatchObject({
				status: 'Error',
				message: host.install.version.startsWith('2.0.')
					? 'Forbidden - perhaps check your credentials?'
					: expect.stringContaining('create a v1 key'),
			});
			expect(JSON.stringify(v3.data)).not.toContain(LA_V3_API_KEY);
			expect(simulator.requests.filter((request) => request.path === '/api/application/status').length).toBeGreaterThanOrEqual(3);
		});

		it('polls: the first poll remembers what exists, the next emits each new conversation once', async () => {
			const polls = () => simulator.count('GET', '/api/conversations');
			const beforeActivation = polls();
			expect((await host.activate(pollingWorkflow.id)).status).toBe(200);
			await host.until('first poll', () => polls() > beforeActivation || undefined, 70_000);
			const created = simulator.makeConversation({ created: Date.now(), departmentid: 'a5j9t4d8' });
			const executions = await host.until(
				'a polling execution',
				async () => {
					const found = await host.executions(pollingWorkflow.id);
					return found.some((execution) => execution.status === 'success') ? found : undefined;
				},
				130_000,
			);
			const seen = polls();
			await host.until('another poll', () => polls() > seen || undefined, 70_000);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(await host.executions(pollingWorkflow.id)).toHaveLength(1);
			expect(itemsOf(executions[0].runData, 'LiveAgent Trigger')).toEqual([
				expect.objectContaining({ conversationid: created.conversationid, departmentid: 'a5j9t4d8' }),
			]);
			await host.rest('POST', `/workflows/${pollingWorkflow.id}/deactivate`, {});
		});
	});
});
