import type { IDataObject } from 'n8n-workflow';

import { webhookNode } from '../../engine/harness';
import { LC_CLIENT_ID, LiveChatSimulator } from '../../simulators/liveChat';

const simulator = new LiveChatSimulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await simulator.start();
	credentials = {
		liveChatPersonalAccessTokenApi: { accountId: simulator.accountId, accessToken: simulator.token, clientId: LC_CLIENT_ID, baseUrl },
	};
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const trigger = (parameters: IDataObject = {}, staticData: IDataObject = {}) =>
	webhookNode(
		{
			type: 'liveChatTrigger',
			parameters: { events: ['incoming_chat', 'incoming_event', 'chat_deactivated'], output: 'withAction', ...parameters },
			credentials,
		},
		staticData,
	);

async function post(path: string, body: unknown): Promise<IDataObject> {
	const response = await fetch(`${simulator.baseUrl}/__sim/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return (await response.json()) as IDataObject;
}

describe('LiveChat Trigger', () => {
	it('enables license webhooks and registers one webhook per action with one secret', async () => {
		const node = trigger({ filters: { authorType: 'customer' } });
		expect(await node.activate()).toEqual({ existed: false, created: true });
		expect(simulator.licenseWebhooksEnabled).toBe(true);
		expect(simulator.webhooks.map((webhook) => webhook.action).sort()).toEqual(['chat_deactivated', 'incoming_chat', 'incoming_event']);
		for (const webhook of simulator.webhooks) {
			expect(webhook).toMatchObject({ url: node.webhookUrl, owner_client_id: LC_CLIENT_ID, type: 'license', filters: { author_type: 'customer' } });
			expect(webhook.secret_key).toHaveLength(48);
		}
		expect(new Set(simulator.webhooks.map((webhook) => webhook.secret_key)).size).toBe(1);

		const restarted = trigger({ filters: { authorType: 'customer' } }, node.workflow.staticData);
		expect(await restarted.activate()).toEqual({ existed: true, created: false });
		expect(simulator.webhooks).toHaveLength(3);
	});

	it('replaces, never duplicates, registrations when events change or state is lost', async () => {
		const node = trigger();
		await node.activate();
		const changed = trigger({ events: ['thread_tagged'] }, node.workflow.staticData);
		expect(await changed.activate()).toEqual({ existed: false, created: true });
		expect(simulator.webhooks.map((webhook) => webhook.action)).toEqual(['thread_tagged']);
		// The workflow's static data is lost: the old registration to this URL is found and replaced.
		const forgetful = trigger({ events: ['thread_tagged'] });
		await forgetful.activate();
		expect(simulator.webhooks.map((webhook) => webhook.action)).toEqual(['thread_tagged']);
	});

	it('says clearly when an action already has three webhooks, and registers nothing', async () => {
		for (let i = 0; i < 3; i++) {
			simulator.webhooks.push({ id: `other${i}`, url: `https://elsewhere.example.com/${i}`, action: 'incoming_event', secret_key: 's', owner_client_id: LC_CLIENT_ID, type: 'license' });
		}
		const node = trigger();
		await expect(node.activate()).rejects.toThrow('LiveChat allows 3 webhooks per event for one client ID, and incoming_event already has 3');
		expect(simulator.webhooks.filter((webhook) => webhook.url === node.webhookUrl)).toEqual([]);
	});

	it('leaves nothing registered when a registration fails half-way', async () => {
		const node = trigger();
		simulator.inject({ kind: 'delay', delayMs: 0, path: '/v3.6/configuration/action/register_webhook' });
		simulator.inject({ kind: 'status', status: 500, path: '/v3.6/configuration/action/register_webhook', message: 'Boom' });
		await expect(node.activate()).rejects.toThrow('LiveChat: Boom (internal)');
		expect(simulator.webhooks).toEqual([]);
	});

	it('needs an owner client ID', async () => {
		const node = webhookNode({
			type: 'liveChatTrigger',
			parameters: { events: ['incoming_chat'] },
			credentials: { liveChatPersonalAccessTokenApi: { ...credentials.liveChatPersonalAccessTokenApi, clientId: '' } },
		});
		await expect(node.activate()).rejects.toThrow('Owner Client ID is required');
		expect(simulator.webhooks).toEqual([]);
	});

	it('emits simulator deliveries with the action, and refuses a wrong secret', async () => {
		const node = trigger();
		await node.activate();
		await post('customerMessage', { chat_id: 'PJ0MRSHTDG', text: 'Is anyone there?' });
		// Nothing listens at the n8n URL in this test: the attempt is recorded and replayed here.
		expect(simulator.deliveries).toEqual([expect.objectContaining({ action: 'incoming_event', url: node.webhookUrl })]);
		const webhook = simulator.webhooks.find((candidate) => candidate.action === 'incoming_event')!;
		const envelope = {
			webhook_id: webhook.id,
			secret_key: webhook.secret_key,
			action: 'incoming_event',
			organization_id: 'org',
			payload: { chat_id: 'PJ0MRSHTDG', thread_id: 'K600PKZON8', event: { type: 'message', text: 'Is anyone there?' } },
			additional_data: {},
		};
		const received = await node.receive({ body: envelope });
		expect(received.workflowData?.[0][0].json).toEqual({
			action: 'incoming_event',
			webhook_id: webhook.id,
			organization_id: 'org',
			payload: envelope.payload,
			additional_data: {},
		});
		expect(JSON.stringify(received.workflowData)).not.toContain(webhook.secret_key);

		for (const secret of [undefined, 'x'.repeat(48), webhook.secret_key.slice(1)]) {
			const forged = await node.receive({ body: { ...envelope, secret_key: secret } });
			expect(forged).toMatchObject({ noWebhookResponse: true, status: 401 });
			expect(forged.workflowData).toBeUndefined();
		}
		const replayed = await node.receive({ body: envelope });
		expect(replayed).toEqual({ webhookResponse: { message: 'Already received' }, status: undefined, response: undefined });
		const wrongType = await node.receive({ body: envelope, headers: { 'content-type': 'text/plain' } });
		expect(wrongType).toMatchObject({ noWebhookResponse: true, status: 415 });

		const payloadOnly = trigger({ output: 'payload' }, node.workflow.staticData);
		const next = { ...envelope, payload: { ...envelope.payload, thread_id: 'K600PKZON9' } };
		expect((await payloadOnly.receive({ body: next })).workflowData?.[0][0].json).toEqual(next.payload);
	});

	it('registers in the region LiveChat names when the license lives in fra', async () => {
		simulator.region = 'fra';
		const node = trigger({ events: ['incoming_chat'] });
		expect(await node.activate()).toEqual({ existed: false, created: true });
		expect(simulator.webhooks.map((webhook) => webhook.action)).toEqual(['incoming_chat']);
		const registrations = simulator.requests.filter((request) => request.path.endsWith('/register_webhook'));
		expect(registrations.map((request) => request.headers['x-region'])).toEqual([undefined, 'fra']);
	});

	it('removes its registrations on deactivation, also when one is already gone', async () => {
		const node = trigger();
		await node.activate();
		simulator.webhooks.splice(0, 1);
		expect(await node.deactivate()).toBe(true);
		expect(simulator.webhooks).toEqual([]);
		expect(node.workflow.staticData).toEqual({ 'node:Node': { production: {} } });
	});
});
