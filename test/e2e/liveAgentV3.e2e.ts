import { IVR_SOURCES, LA3_V1_API_KEY, sandbox } from '../simulators/liveAgentV3';
import { fixtures, itemsOf, N8nHost } from './n8n';

const simulator = sandbox.create();
let host: N8nHost;

const [actionsWorkflow, pollingWorkflow] = fixtures('liveAgentV3');

beforeAll(async () => {
	await simulator.start();
	host = await N8nHost.withPackage();
	await host.importCredentials(sandbox.credentials(simulator));
	await host.importWorkflows([actionsWorkflow, pollingWorkflow]);
});

afterAll(async () => {
	await host?.stop();
	await simulator.stop();
	expect(host.log).not.toContain(simulator.apiKey);
});

describe('LiveAgent v3 in real n8n', () => {
	it('lives through a ticket: create, assign and resolve, transcript, history, lists', async () => {
		const { status, run } = await host.execute(actionsWorkflow.id);
		const runData = run.data.resultData.runData;
		expect(run.data.resultData.error).toBeUndefined();
		expect(status).toBe(0);
		expect(JSON.stringify(runData)).not.toContain(simulator.apiKey);

		const [created] = itemsOf(runData, 'Create Ticket');
		expect(created).toMatchObject({ id: 't00013', subject: 'My parcel has not arrived', tags: 't002' });
		expect(itemsOf(runData, 'Assign and Resolve')).toEqual([expect.objectContaining({ id: created.id, agentid: 'uid1234', status: 'R' })]);
		const [transcript] = itemsOf(runData, 'Get Transcript');
		expect(transcript).toMatchObject({
			vendor: 'liveAgent',
			conversationId: created.id,
			status: 'closed',
			visitor: { name: 'Ana Souza', email: 'ana@example.com' },
			agents: [{ id: 'uid1234' }],
			tags: ['billing'],
		});
		expect((transcript.messages as Array<Record<string, unknown>>).map((message) => [message.authorRole, message.text])).toEqual([['visitor', 'Where is my parcel?']]);
		expect(itemsOf(runData, 'Get History').map((row) => row.status)).toEqual(['N', 'R']);
		// Department 1 holds 8 of the 12 seeded tickets, and the one created (run in parallel: 8 or 9)
		const department = itemsOf(runData, 'Get Many Tickets');
		expect(department.every((ticket) => ticket.departmentid === 'a5j9t4d8')).toBe(true);
		expect(department.length).toBeGreaterThanOrEqual(8);
		expect(itemsOf(runData, 'Resolved Tickets (JSON Filter)').every((ticket) => ticket.status === 'R')).toBe(true);
		expect(itemsOf(runData, 'All Ticket History').length).toBeGreaterThanOrEqual(12);
		// every call carried the key in its header, none in the query
		expect(simulator.requests.every((request) => request.headers.apikey === simulator.apiKey && !JSON.stringify(request.query).includes(simulator.apiKey))).toBe(true);
		expect(simulator.requests.filter((request) => request.method !== 'GET')).toHaveLength(2);
	});

	it('drives a call: adds a recording from n8n’s binary store, fetches its IVR, reroutes it past unreachable agents', async () => {
		const credentials = actionsWorkflow.nodes.find((node) => node.type === 'n8n-nodes-live-chat.liveAgentV3')!.credentials;
		const v3 = (id: string, name: string, x: number, y: number, parameters: Record<string, unknown>) => ({
			id,
			name,
			type: 'n8n-nodes-live-chat.liveAgentV3',
			typeVersion: 1,
			position: [x, y],
			parameters: { resource: 'call', ...parameters },
			credentials,
		});
		const callWorkflow = {
			id: 'la3CallDrive',
			name: 'LiveAgent v3: drive a call',
			nodes: [
				{ id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'text', name: 'Text', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: "return [{ json: { text: 'RIFF recorded call' } }];" } },
				{
					id: 'file',
					name: 'Convert to File',
					type: 'n8n-nodes-base.convertToFile',
					typeVersion: 1.1,
					position: [400, 0],
					parameters: { operation: 'toText', sourceProperty: 'text', options: { fileName: 'call002.wav' } },
				},
				v3('record', 'Add Recording', 600, 0, { operation: 'addRecording', callId: 'call002', binaryPropertyName: 'data' }),
				v3('ivr', 'Fetch IVR', 200, 200, { operation: 'fetchIvr', callId: 'call002', ivrUrl: 'https://ivr.example.com/menu', ivrOptions: { parameters: { parameter: [{ name: 'caller', value: '+421900000101' }] } } }),
				v3('create', 'Create Call', 200, 400, { operation: 'create', callId: 'call950', toNumber: '+421200000100', fromNumber: '+421900000950' }),
				v3('reroute', 'Reroute', 400, 400, { operation: 'reroute', callId: 'call950', reason: 'DNR', unreachableAgents: ['uid1234'] }),
			],
			connections: {
				Start: { main: [[{ node: 'Text', type: 'main', index: 0 }, { node: 'Fetch IVR', type: 'main', index: 0 }, { node: 'Create Call', type: 'main', index: 0 }]] },
				Text: { main: [[{ node: 'Convert to File', type: 'main', index: 0 }]] },
				'Convert to File': { main: [[{ node: 'Add Recording', type: 'main', index: 0 }]] },
				'Create Call': { main: [[{ node: 'Reroute', type: 'main', index: 0 }]] },
			},
		};
		await host.importWorkflows([callWorkflow]);
		const { status, run } = await host.execute(callWorkflow.id);
		expect({ status, error: run.data.resultData.error }).toEqual({ status: 0, error: undefined });
		const runData = run.data.resultData.runData;
		expect(itemsOf(runData, 'Add Recording')).toEqual([{ success: true }]);
		expect(simulator.callRecordings.call002).toEqual([expect.objectContaining({ name: 'call002.wav', size: 18 })]);
		expect(itemsOf(runData, 'Fetch IVR')).toEqual(IVR_SOURCES['https://ivr.example.com/menu']);
		expect(simulator.ivrFetches).toEqual([{ callId: 'call002', fetch: { url: 'https://ivr.example.com/menu', params: [{ name: 'caller', value: '+421900000101' }] } }]);
		expect(itemsOf(runData, 'Reroute')).toEqual([expect.objectContaining({ status: 'R', agent: expect.objectContaining({ id: 'uid5678' }) })]);
		expect(simulator.requests.find((request) => request.path === '/api/v3/calls/call950/_reroute')?.query).toEqual({ reason: 'DNR', unreachableAgents: 'uid1234' });
	});

	describe('with n8n running', () => {
		beforeAll(async () => {
			await host.start();
			await host.login();
		});

		it('tests the credential: a v3 key passes, a v1 key is named as such, no key is shown', async () => {
			const test = async (apiKey: string) =>
				await host.rest<{ status: string; message: string }>('POST', '/credentials/test', {
					credentials: { id: 'sandboxLiveAgentV3', name: 'LiveAgent v3', type: 'liveAgentV3Api', data: { url: simulator.baseUrl, apiKey, timeZone: 'UTC' } },
				});
			expect((await test(simulator.apiKey)).data.status).toBe('OK');
			const v1 = await test(LA3_V1_API_KEY);
			// n8n 2.0 never applies a credential test's responseCode rules and says its own 403 text instead.
			expect(v1.data).toMatchObject({
				status: 'Error',
				message: host.install.version.startsWith('2.0.') ? 'Forbidden - perhaps check your credentials?' : expect.stringContaining('It may be an API v1 key'),
			});
			expect(JSON.stringify(v1.data)).not.toContain(LA3_V1_API_KEY);
			expect(simulator.requests.filter((request) => request.path === '/api/v3/ping').length).toBeGreaterThanOrEqual(2);
		});

		it('polls: the first poll remembers what exists, the next emits each new ticket once', async () => {
			const polls = () => simulator.count('GET', '/api/v3/tickets');
			const beforeActivation = polls();
			expect((await host.activate(pollingWorkflow.id)).status).toBe(200);
			await host.until('first poll', () => polls() > beforeActivation || undefined, 70_000);
			const created = simulator.makeTicket({ at: Date.now(), departmentid: 'a5j9t4d8' });
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
			expect(itemsOf(executions[0].runData, 'LiveAgent v3 Trigger')).toEqual([expect.objectContaining({ id: created.id, departmentid: 'a5j9t4d8' })]);
			await host.rest('POST', `/workflows/${pollingWorkflow.id}/deactivate`, {});
		});
	});
});
