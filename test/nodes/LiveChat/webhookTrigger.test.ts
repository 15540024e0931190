import type { IDataObject } from 'n8n-workflow';

import { webhookNode } from '../../engine/harness';
import { LC_CLIENT_ID, LC_WEBHOOK_ACTIONS, LC_WEBHOOK_FILTERS, LiveChatSimulator } from '../../simulators/liveChat';
import { allNodes } from '../../engine/registry';
import { asN8nReceives, captureDeliveries } from '../../engine/deliveries';
import { LC_WEBHOOK_SAMPLES } from '../../simulators/samples/liveChatWebhooks';

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
			expect(webhook).toMatchObject({ url: node.webhookUrl, owner_client_id: LC_CLIENT_ID, type: 'license' });
			expect(webhook.secret_key).toHaveLength(48);
		}
		// Author Type goes only with incoming_event: LiveChat refuses it on the other two.
		expect(Object.fromEntries(simulator.webhooks.map((webhook) => [webhook.action, webhook.filters]))).toEqual({
			chat_deactivated: undefined,
			incoming_chat: undefined,
			incoming_event: { author_type: 'customer' },
		});
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

	it('offers every v3.6 webhook action and no other', () => {
		const events = allNodes().get('liveChatTrigger')!.description.properties.find((p) => p.name === 'events');
		const offered = (events?.options as Array<{ value: string }>).map((option) => option.value);
		expect(offered.sort()).toEqual([...LC_WEBHOOK_ACTIONS].sort());
		for (const added of ['event_deleted', 'thread_summary_set', 'agent_suspended', 'agent_unsuspended', 'agent_approved', 'auto_accesses_updated']) {
			expect(offered).toContain(added);
		}
	});

	it('registers each action with only the filters and additional data LiveChat accepts for it', async () => {
		const node = trigger({
			events: ['incoming_chat', 'incoming_event', 'event_updated', 'routing_status_set', 'customer_session_fields_updated', 'agent_deleted', 'tag_created'],
			filters: {
				authorType: 'agent',
				onlyMyChats: true,
				chatPresence: '{"user_ids": {"values": ["smith@example.com"]}, "my_bots": true}',
				sourceTypes: ['my_client', 'system'],
				agentIds: ['agent@example.com'],
			},
			additionalData: ['chat_properties', 'chat_presence_user_ids'],
		});
		expect(await node.activate()).toEqual({ existed: false, created: true });
		const presence = { user_ids: { values: ['smith@example.com'] }, my_bots: true };
		const sent = Object.fromEntries(simulator.webhooks.map((webhook) => [webhook.action, { filters: webhook.filters, additional_data: webhook.additional_data }]));
		const both = ['chat_properties', 'chat_presence_user_ids'];
		expect(sent).toEqual({
			incoming_chat: { filters: { chat_presence: presence, only_my_chats: true, source_type: ['my_client', 'system'] }, additional_data: both },
			incoming_event: { filters: { chat_presence: presence, only_my_chats: true, source_type: ['my_client', 'system'], author_type: 'agent' }, additional_data: both },
			event_updated: { filters: { chat_presence: presence, only_my_chats: true, source_type: ['my_client', 'system'], author_type: 'agent' }, additional_data: both },
			routing_status_set: { filters: { agent_ids: { values: ['agent@example.com'] }, source_type: ['my_client', 'system'] }, additional_data: both },
			customer_session_fields_updated: { filters: { chat_presence: presence, source_type: ['my_client', 'system'] }, additional_data: both },
			agent_deleted: { filters: { source_type: ['my_client', 'system'] }, additional_data: undefined },
			tag_created: { filters: { source_type: ['my_client', 'system'] }, additional_data: both },
		});
		for (const [action, { filters }] of Object.entries(sent)) {
			expect(Object.keys(filters ?? {}).every((name) => LC_WEBHOOK_FILTERS[action].includes(name))).toBe(true);
		}
	});

	it('writes the agents filter in the other shape when told, against a LiveChat that takes that one', async () => {
		simulator.agentIdsShape = 'list';
		const refused = trigger({ events: ['routing_status_set'], filters: { agentIds: ['agent@example.com'] } });
		await expect(refused.activate()).rejects.toThrow('LiveChat: Wrong format of filters.agent_ids (validation)');
		expect(simulator.webhooks).toEqual([]);
		const node = trigger({ events: ['routing_status_set'], filters: { agentIds: ['agent@example.com'] }, options: { agentIdsShape: 'list' } });
		await node.activate();
		expect(simulator.webhooks.map((webhook) => webhook.filters)).toEqual([{ agent_ids: ['agent@example.com'] }]);
	});

	it('names a filter that none of the chosen events takes, before any request', async () => {
		const node = trigger({ events: ['incoming_chat', 'tag_created'], filters: { authorType: 'customer' } });
		await expect(node.activate()).rejects.toThrow('Filters → Author Type: none of the chosen events takes this filter');
		const presence = trigger({ events: ['incoming_chat'], filters: { chatPresence: '{"user_ids": {"values": ["a"], "exclude_values": ["b"]}}' } });
		await expect(presence.activate()).rejects.toThrow('Filters → Chat Presence (JSON): user_ids takes exactly one of values or exclude_values');
		const onlyDeleted = trigger({ events: ['agent_deleted'], additionalData: ['chat_properties'] });
		await expect(onlyDeleted.activate()).rejects.toThrow('Additional Data: LiveChat sends none with Agent Deleted');
		expect(simulator.requests).toHaveLength(0);
	});

	it('the simulator refuses a filter the action does not take, in LiveChat’s error shape', async () => {
		const response = await fetch(`${simulator.baseUrl}/v3.6/configuration/action/register_webhook`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				authorization: `Basic ${Buffer.from(`${simulator.accountId}:${simulator.token}`).toString('base64')}`,
			},
			body: JSON.stringify({
				url: 'https://example.com/hook', action: 'incoming_chat', secret_key: 's', owner_client_id: LC_CLIENT_ID, type: 'license',
				filters: { author_type: 'customer' },
			}),
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: { type: 'validation', message: 'Filter author_type is not allowed for action incoming_chat' } });
	});

	it('delivers the additional data it asked for', async () => {
		const node = trigger({ events: ['incoming_event'], additionalData: ['chat_presence_user_ids'] });
		await node.activate();
		await post('customerMessage', { chat_id: 'PJ0MRSHTDG', text: 'Hello?' });
		expect(simulator.deliveries).toHaveLength(1);
		const webhook = simulator.webhooks[0];
		const envelope = {
			webhook_id: webhook.id,
			secret_key: webhook.secret_key,
			action: 'incoming_event',
			organization_id: 'org',
			payload: { chat_id: 'PJ0MRSHTDG', thread_id: 'K600PKZON8', event: { type: 'message', text: 'Hello?' } },
			additional_data: { chat_presence_user_ids: ['b7eff798-f8df-4364-8059-649c35c9ed0c', 'smith@example.com'] },
		};
		const received = await node.receive({ body: envelope });
		expect(received.workflowData?.[0][0].json.additional_data).toEqual(envelope.additional_data);
	});

	describe('the webhooks page’s published samples', () => {
		/** A trigger whose webhook URL is a local recorder: what the simulator sends is what webhook() gets. */
		async function recorded(parameters: IDataObject) {
			const capture = await captureDeliveries();
			const node = webhookNode(
				{ type: 'liveChatTrigger', parameters: { output: 'withAction', ...parameters }, credentials },
				{},
				capture.baseUrl,
			);
			await node.activate();
			return { capture, node };
		}

		it('every sample is delivered, accepted and emitted as its whole envelope but the secret', async () => {
			const { capture, node } = await recorded({ events: [...LC_WEBHOOK_ACTIONS] });
			try {
				expect(new Set(LC_WEBHOOK_SAMPLES.map((sample) => sample.section))).toEqual(new Set(LC_WEBHOOK_ACTIONS));
				for (const sample of LC_WEBHOOK_SAMPLES) {
					await post('sample', { section: sample.section, title: sample.title });
					const delivery = capture.received[capture.received.length - 1];
					const received = await node.receive(asN8nReceives(delivery));
					const webhook = simulator.webhooks.find((candidate) => candidate.action === sample.section)!;
					const { secret_key: _secret, ...envelope } = sample.delivery;
					expect({ sample: sample.title, items: received.workflowData?.[0].map((item) => item.json) }).toEqual({
						sample: sample.title,
						items: [{ ...envelope, webhook_id: webhook.id, additional_data: envelope.additional_data ?? {} }],
					});
					expect(delivery.raw).toContain(webhook.secret_key);
					expect(JSON.stringify(received)).not.toContain(webhook.secret_key);
				}
				expect(capture.received).toHaveLength(LC_WEBHOOK_SAMPLES.length);
			} finally {
				await capture.stop();
			}
		});

		it('keeps the requester of configuration webhooks', async () => {
			const { capture, node } = await recorded({ events: ['agent_created', 'tag_created'] });
			try {
				await post('sample', { section: 'tag_created' });
				const received = await node.receive(asN8nReceives(capture.received[0]));
				expect(received.workflowData?.[0][0].json).toMatchObject({
					action: 'tag_created',
					requester: { user_id: 'user@example.com', account_id: 'f09ba25b-8be8-4fcd-a2c8-0b1c567aec85', client_id: '1b4237f476826986da63022a76c35bb1' },
				});
			} finally {
				await capture.stop();
			}
		});

		it('takes auto_access_added / _updated / _deleted as deliveries of Auto Accesses Updated, and only when it was chosen', async () => {
			const { capture, node } = await recorded({ events: ['auto_accesses_updated'] });
			try {
				const titles = LC_WEBHOOK_SAMPLES.filter((sample) => sample.section === 'auto_accesses_updated').map((sample) => sample.title);
				expect(titles).toHaveLength(3);
				for (const title of titles) await post('sample', { section: 'auto_accesses_updated', title });
				const [added, updated, deleted] = capture.received.map(asN8nReceives);
				// the page's three samples all say auto_access_added; the changelog names the other two
				const renamed = (delivery: ReturnType<typeof asN8nReceives>, action: string) => ({ ...delivery, body: { ...(delivery.body as IDataObject), action } });
				for (const [delivery, action] of [[added, 'auto_access_added'], [renamed(updated, 'auto_access_updated'), 'auto_access_updated'], [renamed(deleted, 'auto_access_deleted'), 'auto_access_deleted']] as const) {
					const received = await node.receive(delivery);
					expect(received.workflowData?.[0].map((item) => item.json)).toEqual([
						expect.objectContaining({ action, payload: (delivery.body as IDataObject).payload, requester: expect.any(Object) }),
					]);
				}

				// Payload Only: one item per change of the list
				const payloadOnly = webhookNode({ type: 'liveChatTrigger', parameters: { events: ['auto_accesses_updated'], output: 'payload' }, credentials }, node.workflow.staticData, capture.baseUrl);
				const fresh = { ...added, body: { ...(added.body as IDataObject), organization_id: 'another-org' } };
				const items = (await payloadOnly.receive(fresh)).workflowData?.[0].map((item) => item.json);
				expect(items).toEqual((added.body as IDataObject).payload);
				expect(items?.map((item) => item.status)).toEqual(['updated', 'added']);

				// the same deliveries to a trigger that did not choose the event start nothing
				const other = webhookNode({ type: 'liveChatTrigger', parameters: { events: ['incoming_chat'], output: 'withAction' }, credentials }, node.workflow.staticData, capture.baseUrl);
				for (const delivery of [added, renamed(updated, 'auto_access_updated')]) {
					const ignored = await other.receive({ ...delivery, body: { ...(delivery.body as IDataObject), organization_id: 'third-org' } });
					expect(ignored.workflowData).toBeUndefined();
					expect(ignored).toMatchObject({ webhookResponse: { ignored: (delivery.body as IDataObject).action } });
				}
			} finally {
				await capture.stop();
			}
		});

		it('emits only the events the user chose', async () => {
			const { capture, node } = await recorded({ events: ['agent_created', 'tag_created'] });
			try {
				await post('sample', { section: 'tag_created' });
				const chosen = trigger({ events: ['agent_created'] }, node.workflow.staticData);
				const received = await chosen.receive(asN8nReceives(capture.received[0]));
				expect(received).toMatchObject({ webhookResponse: { ignored: 'tag_created' } });
				expect(received.workflowData).toBeUndefined();
			} finally {
				await capture.stop();
			}
		});
	});
});
