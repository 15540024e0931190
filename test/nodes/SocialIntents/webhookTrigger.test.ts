import type { IDataObject } from 'n8n-workflow';

import { asN8nReceives, captureDeliveries } from '../../engine/deliveries';
import { webhookNode } from '../../engine/harness';
import { SI_WEBHOOK_SAMPLES } from '../../simulators/samples/socialIntentsWebhooks';
import { documentedChat, SI_APPS, SocialIntentsSimulator } from '../../simulators/socialIntents';

const simulator = new SocialIntentsSimulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await simulator.start();
	credentials = { socialIntentsApi: { accountId: simulator.accountId, apiToken: simulator.apiToken, baseUrl } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const app = { __rl: true, mode: 'list', value: SI_APPS[0].id };
const trigger = (parameters: IDataObject = {}, staticData: IDataObject = {}) =>
	webhookNode(
		{ type: 'socialIntentsTrigger', parameters: { appId: app, events: ['chatCompleted', 'lead'], output: 'raw', ...parameters }, credentials },
		staticData,
	);

function tokenOf(url: string): string {
	return new URL(url).searchParams.get('n8n_token') ?? '';
}

/** The transcript of the chat sample of Social Intents' webhook page. */
const transcriptOfSample = {
	vendor: 'socialIntents',
	conversationId: 'chat-uuid',
	channel: 'web',
	startedAt: '2025-01-15T10:30:00.000Z',
	endedAt: '2025-01-15T10:32:00.000Z',
	status: 'closed',
	visitor: { id: null, name: 'Jane Smith', email: 'jane@example.com', phone: '555-0199' },
	agents: [{ id: 'agent-id', name: 'John', email: null, phone: null }],
	tags: [],
	messages: [
		{ at: null, authorRole: 'visitor', authorName: 'Jane Smith', text: 'Hi there' },
		{ at: null, authorRole: 'agent', authorName: null, text: 'Hello!' },
	],
};

describe('Social Intents Trigger', () => {
	it('registers one webhook per event with a secret URL, and replaces them (never adds) on restart', async () => {
		const node = trigger();
		expect(await node.activate()).toEqual({ existed: false, created: true });
		expect(simulator.webhooks.map((webhook) => webhook.event).sort()).toEqual(['', 'lead']);
		const target = simulator.webhooks[0].target_url;
		expect(target.split('?')[0]).toBe(node.webhookUrl);
		expect(tokenOf(target)).toHaveLength(48);

		// Social Intents cannot list webhooks: the held ones are removed and registered afresh.
		const before = simulator.webhooks.map((webhook) => webhook.id);
		const restarted = trigger({}, JSON.parse(JSON.stringify(node.workflow.staticData)));
		expect(await restarted.activate()).toEqual({ existed: false, created: true });
		expect(simulator.webhooks).toHaveLength(2);
		expect(simulator.webhooks.some((webhook) => before.includes(webhook.id))).toBe(false);

		// Lost at Social Intents: a restart registers it again.
		simulator.webhooks.length = 0;
		const afterLoss = trigger({}, JSON.parse(JSON.stringify(restarted.workflow.staticData)));
		await afterLoss.activate();
		expect(simulator.webhooks.map((webhook) => webhook.event).sort()).toEqual(['', 'lead']);
	});

	it('replaces, not duplicates, the registrations when the events change', async () => {
		const node = trigger();
		await node.activate();
		const changed = trigger({ events: ['offlineMessage'] }, node.workflow.staticData);
		expect(await changed.activate()).toEqual({ existed: false, created: true });
		expect(simulator.webhooks.map((webhook) => webhook.event)).toEqual(['offline_message']);
	});

	it('emits one item per delivered record and rejects forged deliveries', async () => {
		const node = trigger();
		await node.activate();
		const token = tokenOf(simulator.webhooks[0].target_url);
		const { startMs: _startMs, ...chat } = documentedChat;
		const delivered = await node.receive({ body: [chat, { ...chat, id: 'second' }], query: { n8n_token: token } });
		expect(delivered.workflowData?.[0].map((item) => item.json.id)).toEqual([documentedChat.id, 'second']);

		for (const query of [{}, { n8n_token: 'x'.repeat(48) }, { n8n_token: token.slice(1) }]) {
			const forged = await node.receive({ body: [chat], query });
			expect(forged).toMatchObject({ noWebhookResponse: true, status: 401 });
			expect(forged.workflowData).toBeUndefined();
		}
		const replayed = await node.receive({ body: [chat, { ...chat, id: 'second' }], query: { n8n_token: token } });
		expect(replayed).toMatchObject({ webhookResponse: { message: 'Already received' } });
		expect(replayed.workflowData).toBeUndefined();
		const wrongType = await node.receive({ body: [chat], query: { n8n_token: token }, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(wrongType).toMatchObject({ noWebhookResponse: true, status: 415 });
		for (const body of ['not json', [], [1, 2], {}]) {
			const unreadable = await node.receive({ body, query: { n8n_token: token } });
			expect(unreadable).toMatchObject({ noWebhookResponse: true, status: 400 });
		}
	});

	it('shapes delivered chats as normalized transcripts on request', async () => {
		const node = trigger({ output: 'transcript' });
		await node.activate();
		const { startMs: _startMs, ...chat } = documentedChat;
		const delivered = await node.receive({
			body: [{ ...chat, startDate: '2017-06-24 15:01:31 PM' }],
			query: { n8n_token: tokenOf(simulator.webhooks[0].target_url) },
		});
		expect(delivered.workflowData?.[0][0].json).toMatchObject({
			vendor: 'socialIntents',
			conversationId: documentedChat.id,
			startedAt: '2017-06-24T15:01:31.000Z',
			messages: expect.any(Array),
		});
	});

	it('shapes the webhook sample’s chat (textBody, split names, ISO start) as a transcript', async () => {
		const node = trigger({ output: 'transcript' });
		await node.activate();
		// the chat event payload of Social Intents' webhook page, field for field
		const sample = {
			id: 'chat-uuid',
			appId: 'widget-uuid',
			startDate: '2025-01-15T10:30:00Z',
			chatType: 'Answered',
			visitorFullName: 'Jane Smith',
			visitorFirstName: 'Jane',
			visitorLastName: 'Smith',
			visitorEmail: 'jane@example.com',
			visitorPhone: '555-0199',
			visitorGroup: 'Sales',
			agentName: 'John',
			agentId: 'agent-id',
			textBody: 'Visitor: Hi there\nAgent: Hello!',
			page: 'https://example.com/pricing',
			referrer: 'https://google.com',
			duration: 120,
			visits: 3,
			visitorConsent: 'yes',
		};
		const lead = { id: 'lead-uuid', appId: 'widget-uuid', appName: 'My Widget', firstName: 'Jane', lastName: 'Smith', email: 'jane@example.com', phone: '555-0199', group: 'Sales', page: 'https://example.com/pricing', addDate: '2025-01-15T10:30:00Z' };
		const token = tokenOf(simulator.webhooks[0].target_url);
		const delivered = await node.receive({ body: [sample, { ...sample, id: 'missed-uuid', chatType: 'Missed' }, lead], query: { n8n_token: token } });
		expect(delivered.workflowData?.[0].map((item) => item.json)).toEqual([
			transcriptOfSample,
			expect.objectContaining({ conversationId: 'missed-uuid', status: 'missed' }),
			lead,
		]);
	});

	it('names the visitor from first and last name when the full name is missing', async () => {
		const node = trigger({ output: 'transcript' });
		await node.activate();
		const delivered = await node.receive({
			body: [{ id: 'c1', chatType: 'Answered', startDate: '2025-01-15T10:30:00Z', visitorFirstName: 'Jane', visitorLastName: 'Smith', textBody: 'Jane: Hi\nsecond line\nJohn: Hello' }],
			query: { n8n_token: tokenOf(simulator.webhooks[0].target_url) },
		});
		expect(delivered.workflowData?.[0][0].json).toMatchObject({
			visitor: { name: 'Jane Smith' },
			messages: [
				{ authorRole: 'visitor', authorName: 'Jane', text: 'Hi\nsecond line' },
				{ authorRole: 'agent', authorName: 'John', text: 'Hello' },
			],
		});
	});

	it('a real delivery from the simulator reaches webhook() through its registered URL', async () => {
		const node = trigger();
		await node.activate();
		const target = new URL(simulator.webhooks.find((webhook) => webhook.event === '')!.target_url);
		const response = await fetch(`${simulator.baseUrl}/__sim/chat`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ appId: SI_APPS[0].id }),
		});
		// Nothing listens at the n8n URL in this test: the attempt is recorded, then replayed here.
		const { webhookChat } = (await response.json()) as { webhookChat: IDataObject };
		expect(simulator.deliveries).toEqual([expect.objectContaining({ event: '', url: target.toString() })]);
		const received = await node.receive({ body: [webhookChat], query: Object.fromEntries(target.searchParams) });
		expect(received.workflowData?.[0][0].json).toEqual(webhookChat);
		const transcript = trigger({ output: 'transcript' }, node.workflow.staticData);
		const shaped = await transcript.receive({ body: [{ ...webhookChat, id: 'again' }], query: Object.fromEntries(target.searchParams) });
		expect(shaped.workflowData?.[0][0].json).toMatchObject({
			conversationId: 'again',
			startedAt: `${String(webhookChat.startDate).slice(0, 19)}.000Z`,
			visitor: { name: webhookChat.visitorFullName },
			messages: [expect.objectContaining({ authorRole: 'visitor', text: 'Hello, is anyone there?' }), expect.anything(), expect.anything(), expect.anything()],
		});
	});

	it('removes its registrations on deactivation, also when one is already gone', async () => {
		const node = trigger();
		await node.activate();
		simulator.webhooks.splice(0, 1);
		expect(await node.deactivate()).toBe(true);
		expect(simulator.webhooks).toEqual([]);
		expect(node.workflow.staticData).toEqual({ 'node:Node': { production: {} } });
	});

	it('removes a registration that is no longer under its app through DELETE /webhook/{id}', async () => {
		const node = trigger();
		await node.activate();
		simulator.webhooks[0].appId = SI_APPS[1].id;
		expect(await node.deactivate()).toBe(true);
		expect(simulator.webhooks).toEqual([]);
		expect(simulator.requests.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual([
			`/apps/${SI_APPS[0].id}/webhook/wh_1`,
			'/webhook/wh_1',
			`/apps/${SI_APPS[0].id}/webhook/wh_2`,
		]);
	});

	it('leaves nothing registered when a registration fails half-way', async () => {
		const node = trigger();
		simulator.inject({ kind: 'status', status: 500, method: 'POST', path: '/apps/', message: 'Webhook limit reached' });
		simulator.requests.length = 0;
		// the first POST succeeds, the second fails
		simulator.reset();
		simulator.inject({ kind: 'delay', delayMs: 0, method: 'POST', path: '/apps/' });
		simulator.inject({ kind: 'status', status: 500, method: 'POST', path: '/apps/', message: 'Webhook limit reached' });
		await expect(node.activate()).rejects.toThrow('Social Intents: Webhook limit reached');
		expect(simulator.webhooks).toEqual([]);
		expect(simulator.count('POST', '/apps/')).toBe(2);
	});

	it('rejects an unknown app with the vendor message', async () => {
		const node = trigger({ appId: { __rl: true, mode: 'id', value: 'unknown-app' } });
		await expect(node.activate()).rejects.toThrow('Social Intents: No app unknown-app');
	});

	describe('the webhooks page’s published samples', () => {
		/** A trigger whose webhook URL is a local recorder: what the simulator sends is what webhook() gets. */
		async function recorded(parameters: IDataObject) {
			const capture = await captureDeliveries();
			const node = webhookNode({ type: 'socialIntentsTrigger', parameters: { appId: app, output: 'raw', ...parameters }, credentials }, {}, capture.baseUrl);
			await node.activate();
			return { capture, node };
		}
		const deliverSample = async (body: IDataObject) =>
			await fetch(`${simulator.baseUrl}/__sim/sample`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

		it('the chat sample: raw as sent, or a transcript from its textBody with the ISO start and the visitor’s name', async () => {
			const { capture, node } = await recorded({ events: ['chatCompleted', 'lead'] });
			try {
				await deliverSample({ kind: 'chat' });
				const [delivery] = capture.received;
				expect(delivery.headers['content-type']).toBe('application/json');
				const received = asN8nReceives(delivery);
				expect(received.body).toEqual(SI_WEBHOOK_SAMPLES.chat);
				expect((await node.receive(received)).workflowData?.[0].map((item) => item.json)).toEqual(SI_WEBHOOK_SAMPLES.chat);
				const transcript = trigger({ events: ['chatCompleted', 'lead'], output: 'transcript' }, node.workflow.staticData);
				const again = { ...received, body: [{ ...SI_WEBHOOK_SAMPLES.chat[0] }], headers: { 'content-type': 'application/json; charset=utf-8' } };
				// the same delivery again (another content-type spelling) is already known
				expect(await transcript.receive(again)).toMatchObject({ webhookResponse: { message: 'Already received' } });
				const fresh = { ...again, body: [{ ...SI_WEBHOOK_SAMPLES.chat[0], visits: 4 }] };
				expect((await transcript.receive(fresh)).workflowData?.[0].map((item) => item.json)).toEqual([transcriptOfSample]);
			} finally {
				await capture.stop();
			}
		});

		it('the lead sample: one raw item under either output', async () => {
			const { capture, node } = await recorded({ events: ['lead'], output: 'transcript' });
			try {
				await deliverSample({ kind: 'lead' });
				const received = await node.receive(asN8nReceives(capture.received[0]));
				expect(received.workflowData?.[0].map((item) => item.json)).toEqual(SI_WEBHOOK_SAMPLES.lead);
			} finally {
				await capture.stop();
			}
		});

		it('emits only the events the user chose', async () => {
			const { capture, node } = await recorded({ events: ['lead'] });
			try {
				const token = { n8n_token: tokenOf(simulator.webhooks[0].target_url) };
				const [chat] = SI_WEBHOOK_SAMPLES.chat;
				const [lead] = SI_WEBHOOK_SAMPLES.lead;
				const leadsOnly = await node.receive({ body: [chat], query: token });
				expect(leadsOnly).toMatchObject({ webhookResponse: { ignored: 'events not chosen' } });
				expect(leadsOnly.workflowData).toBeUndefined();
				const mixed = await node.receive({ body: [chat, lead], query: token });
				expect(mixed.workflowData?.[0].map((item) => item.json)).toEqual([lead]);

				const chats = trigger({ events: ['chatCompleted'] }, node.workflow.staticData);
				const offline = { ...chat, id: 'offline-1', chatType: 'Offline Message' };
				const missed = { ...chat, id: 'missed-1', chatType: 'Missed' };
				const untyped = { ...chat, id: 'untyped-1', chatType: undefined };
				const completed = await chats.receive({ body: [offline, missed, untyped, lead], query: token });
				expect(completed.workflowData?.[0].map((item) => item.json.id)).toEqual(['missed-1', 'untyped-1']);
				const offlineOnly = trigger({ events: ['offlineMessage'] }, node.workflow.staticData);
				const offlineItems = await offlineOnly.receive({ body: [offline, missed, untyped, { ...lead, id: 'lead-2' }], query: token });
				expect(offlineItems.workflowData?.[0].map((item) => item.json.id)).toEqual(['offline-1', 'untyped-1']);
			} finally {
				await capture.stop();
			}
		});

		it('a missed chat is delivered as “chat completed” too', async () => {
			const { capture, node } = await recorded({ events: ['chatCompleted'], output: 'transcript' });
			try {
				await fetch(`${simulator.baseUrl}/__sim/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appId: SI_APPS[0].id, chatType: 'Missed' }) });
				const received = await node.receive(asN8nReceives(capture.received[0]));
				expect(received.workflowData?.[0].map((item) => item.json)).toEqual([expect.objectContaining({ status: 'missed', startedAt: expect.stringMatching(/Z$/) })]);
			} finally {
				await capture.stop();
			}
		});
	});
});
