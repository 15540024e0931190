/**
 * What LiveChat removed (FACTS.md, "What the public record says today"): the node no longer offers it,
 * a saved workflow that still holds it fails before any request saying what to use instead, and the
 * simulator refuses it the way LiveChat refuses an unknown action, so that no test can pass by sending it.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { runNode, webhookNode } from '../../engine/harness';
import { allNodes } from '../../engine/registry';
import { LC_CLIENT_ID, LC_CUSTOMER_ID, LiveChatSimulator } from '../../simulators/liveChat';

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

async function post(action: string, body: unknown): Promise<{ status: number; body: IDataObject }> {
	const response = await fetch(`${simulator.baseUrl}/v3.6/${action}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: `Basic ${Buffer.from(`${simulator.accountId}:${simulator.token}`).toString('base64')}`,
		},
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as IDataObject };
}

describe('LiveChat: removed actions', () => {
	it('offers none of them in the UI', () => {
		const node = allNodes().get('liveChat')!.description;
		const customer = node.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('customer'));
		expect((customer?.options as Array<{ value: string }>).map((option) => option.value).sort()).toEqual(['ban', 'get', 'update']);
		// The "Add Recipients" list offers what displays for the values set so far (none on a new node).
		const recipients = node.properties.find((p) => p.name === 'recipients')?.options as INodeProperties[];
		const offered = recipients.filter((option) => NodeHelpers.displayParameter({}, option, null, node));
		expect(offered.map((option) => option.name).sort()).toEqual(['agentIds', 'allAgents', 'groupIds']);
		const trigger = allNodes().get('liveChatTrigger')!.description;
		const events = trigger.properties.find((p) => p.name === 'events');
		expect((events?.options as Array<{ value: string }>).map((option) => option.value)).not.toContain('incoming_customer');
	});

	it.each([
		['create', 'LiveChat removed Create Customer (create_customer) from the Agent Chat API in v3.6', 'Customer → Update'],
		['follow', 'LiveChat removed Follow Customer (follow_customer) from the Web API of every version in January 2026', 'LiveChat Trigger'],
		['unfollow', 'LiveChat removed Unfollow Customer (unfollow_customer) from the Web API of every version in January 2026', 'RTM'],
	])('a saved Customer → %s fails before any request, saying what to use', async (operation, message, instead) => {
		const { error } = await runNode({
			type: 'liveChat',
			parameters: { resource: 'customer', operation, customerId: LC_CUSTOMER_ID, customerFields: { name: 'Ana' } },
			credentials,
		});
		expect(error?.message).toBe(message);
		expect(error?.description).toContain(instead);
		expect(simulator.requests).toHaveLength(0);
	});

	it('a saved multicast to customers fails before any request', async () => {
		const { error } = await runNode({
			type: 'liveChat',
			parameters: { resource: 'multicast', operation: 'send', recipients: { allAgents: true, customerIds: LC_CUSTOMER_ID }, content: '{"a":1}' },
			credentials,
		});
		expect(error?.message).toBe('LiveChat removed customers as Multicast recipients (recipients.customers.ids) in every API version');
		expect(error?.description).toContain('All Agents');
		expect(simulator.requests).toHaveLength(0);
	});

	it('a saved trigger on Customer Created fails on activation before any request', async () => {
		const node = webhookNode({ type: 'liveChatTrigger', parameters: { events: ['incoming_chat', 'incoming_customer'] }, credentials });
		await expect(node.activate()).rejects.toThrow('LiveChat removed the Customer Created webhook (incoming_customer) in v3.6');
		expect(simulator.requests).toHaveLength(0);
		expect(simulator.webhooks).toEqual([]);
	});

	it.each([
		['agent/action/create_customer', { name: 'Ana' }],
		['agent/action/follow_customer', { id: LC_CUSTOMER_ID }],
		['agent/action/unfollow_customer', { id: LC_CUSTOMER_ID }],
	])('the simulator refuses %s as an unknown action', async (action, body) => {
		const answer = await post(action, body);
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual({ error: { type: 'not_found', message: `Unknown action ${action.split('/').pop()}` } });
	});

	it('the simulator refuses a customers recipient and the incoming_customer webhook', async () => {
		const multicast = await post('agent/action/multicast', { recipients: { customers: { ids: [LC_CUSTOMER_ID] } }, content: {} });
		expect(multicast).toEqual({ status: 400, body: { error: { type: 'validation', message: 'recipients.customers is not supported' } } });
		const webhook = await post('configuration/action/register_webhook', {
			url: 'https://example.com/hook', action: 'incoming_customer', secret_key: 's', owner_client_id: LC_CLIENT_ID, type: 'license',
		});
		expect(webhook).toEqual({ status: 400, body: { error: { type: 'validation', message: 'Unknown webhook action incoming_customer' } } });
	});
});
