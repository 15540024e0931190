import { FC_READ_TOKEN, FC_RW_TOKEN, sandbox } from '../simulators/fiveChat';
import { fixtures, itemsOf, N8nHost } from './n8n';

const simulator = sandbox.create();
let host: N8nHost;

const [actionsWorkflow, pollingWorkflow] = fixtures('fiveChat');

beforeAll(async () => {
	await simulator.start();
	host = await N8nHost.withPackage();
	await host.importCredentials(sandbox.credentials(simulator));
	await host.importWorkflows([actionsWorkflow, pollingWorkflow]);
});

afterAll(async () => {
	await host?.stop();
	await simulator.stop();
	expect(host.log).not.toContain(FC_RW_TOKEN);
});

describe('5chat in real n8n', () => {
	it('runs a conversation’s and a ticket’s life headlessly', async () => {
		const ticketsBefore = simulator.tickets.length;
		const { status, run } = await host.execute(actionsWorkflow.id);
		const runData = run.data.resultData.runData;
		expect(run.data.resultData.error).toBeUndefined();
		expect(status).toBe(0);

		expect(itemsOf(runData, 'Get Many Conversations (all)')).toHaveLength(230);
		expect(simulator.requests.filter((r) => r.path === '/conversations' && r.query.limit === '100')).toHaveLength(3);
		const [newest] = itemsOf(runData, 'Newest Conversation');
		const [rated] = itemsOf(runData, 'Rate Conversation');
		expect(rated).toEqual({ token: newest.token, rating: 5, feedback: 'Fast and friendly' });
		expect(itemsOf(runData, 'Get Messages as Transcript')).toEqual([
			expect.objectContaining({ vendor: 'fiveChat', conversationId: newest.token, status: 'open', messages: expect.arrayContaining([expect.objectContaining({ authorRole: 'visitor' })]) }),
		]);
		expect(itemsOf(runData, 'Update Visitor Context')[0]).toMatchObject({ name: 'Ana (VIP)', context: { plan: 'gold' } });
		const [widget] = itemsOf(runData, 'Update Widget');
		expect(widget).toMatchObject({ color: '#112233', buttonXPos: 24, buttonBgColor: '#000000', welcomeMessages: 'Hello there', removeBranding: true });
		expect(widget).not.toHaveProperty('positions');
		const [visitor] = itemsOf(runData, 'Get Visitor');
		expect(itemsOf(runData, 'Visitor Opens Ticket')).toEqual([expect.objectContaining({ title: 'Cannot log in', visitorId: visitor.id, priority: 'HIGH' })]);
		expect(simulator.requests.find((r) => r.path === '/internal/visitors/tickets')?.headers['x-visitor-id']).toBe(visitor.id);
		expect(itemsOf(runData, 'Get Current Statistics')[0]).toMatchObject({ totalConversations: 230 });
		expect(itemsOf(runData, 'Check Health')[0]).toMatchObject({ status: 'ok' });

		const [created] = itemsOf(runData, 'Create Ticket');
		expect(created).toMatchObject({ title: 'Invoice missing', priority: 'HIGH', status: 'NEW' });
		expect(itemsOf(runData, 'Update Ticket')[0]).toMatchObject({ id: created.id, priority: 'LOW', assigneeId: 'usr_2' });
		expect(itemsOf(runData, 'Update Ticket Status')[0]).toMatchObject({ id: created.id, status: 'PENDING' });
		expect(itemsOf(runData, 'Add Ticket Message')[0]).toMatchObject({
			ticketId: created.id,
			content: 'Invoice sent again',
			messageType: 'EMAIL',
			senderEmail: 'ana@example.com',
			subject: 'Re: Invoice missing',
			inReplyTo: '<m-1@mail.example.com>',
			isFromEmail: true,
		});
		expect(itemsOf(runData, 'Get Many Tickets (search)').map((ticket) => ticket.id)).toEqual([created.id]);
		expect(itemsOf(runData, 'Delete Ticket')).toEqual([{ id: String(created.id), deleted: true }]);
		// the created ticket is deleted again; the visitor's stays
		expect(simulator.tickets).toHaveLength(ticketsBefore + 1);
		expect(simulator.count('POST', '/tickets')).toBe(2);
	});

	describe('with n8n running', () => {
		beforeAll(async () => {
			await host.start();
			await host.login();
		});

		it('tests the credential: the right token passes, a wrong one fails', async () => {
			const test = async (apiToken: string) =>
				await host.rest<{ status: string; message: string }>('POST', '/credentials/test', {
					credentials: { id: 'sandboxFiveChat1', name: 'test', type: 'fiveChatApi', data: { apiToken, baseUrl: simulator.baseUrl } },
				});
			expect((await test(FC_RW_TOKEN)).data.status).toBe('OK');
			expect((await test(FC_READ_TOKEN)).data.status).toBe('OK');
			const wrong = await test('not-the-token');
			expect(wrong.data.status).toBe('Error');
			expect(JSON.stringify(wrong.data)).not.toContain('not-the-token');
			expect(simulator.requests.some((r) => r.path === '/statistics/current' && r.headers.authorization === 'Bearer not-the-token')).toBe(true);
		});

		it('polls: the first poll remembers what exists, the next emits each new conversation once', async () => {
			const polls = () => simulator.requests.filter((r) => r.path === '/conversations').length;
			const beforeActivation = polls();
			expect((await host.activate(pollingWorkflow.id)).status).toBe(200);
			await host.until('first poll', () => polls() > beforeActivation || undefined, 70_000);
			const created = simulator.addConversation();
			const executions = await host.until('a polling execution', async () => await host.finishedExecutions(pollingWorkflow.id), 130_000);
			const after = polls();
			await host.until('another poll', () => polls() > after || undefined, 70_000);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(await host.executions(pollingWorkflow.id)).toHaveLength(1);
			expect(itemsOf(executions[0].runData, '5chat Trigger')).toEqual([
				expect.objectContaining({ vendor: 'fiveChat', conversationId: created.token, messages: expect.any(Array) }),
			]);
			await host.rest('POST', `/workflows/${pollingWorkflow.id}/deactivate`, {});
		});
	});
});
