/**
 * Parameters the stable v3.6 Agent Chat Web API has today (FACTS.md, "What the public record says
 * today"; livechat-2026-06/agent-chat-web-api-v3.6.mdx), each sent as documented and checked before
 * any request; the simulator validates them as the page describes.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode, webhookNode } from '../../engine/harness';
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

const run = async (parameters: IDataObject) => await runNode({ type: 'liveChat', parameters, credentials });
const bodies = (action: string) =>
	simulator.requests.filter((request) => request.path.endsWith(`/${action}`)).map((request) => request.body as IDataObject);

describe('LiveChat v3.6 parameters', () => {
	it('lists threads by Min Events Count, without limit or filters beside it', async () => {
		const chat = simulator.chats.get('PJ0MRSHTDG')!;
		for (let i = 0; i < 5; i++) chat.threads.unshift({ ...chat.threads[0], id: `OLD${i}`, active: false });
		const { items, error } = await run({ resource: 'thread', operation: 'list', chatId: 'PJ0MRSHTDG', returnAll: true, threadFilters: { minEventsCount: 5 } });
		expect(error).toBeUndefined();
		expect(bodies('list_threads')).toEqual([{ chat_id: 'PJ0MRSHTDG', min_events_count: 5 }]);
		// 3 events in the newest thread, 2 in each older one: two threads hold 5.
		expect(items.map((item) => item.json.id)).toEqual([chat.threads[5].id, 'OLD0']);

		simulator.requests.length = 0;
		const mixed = await run({ resource: 'thread', operation: 'list', chatId: 'PJ0MRSHTDG', returnAll: true, threadFilters: { minEventsCount: 5, from: '2024-01-01T00:00:00Z' } });
		expect(mixed.error?.message).toBe('Filters → Min Events Count cannot be combined with From or To');
		expect(simulator.requests).toHaveLength(0);
	});

	it('starts and resumes chats with several initial events of any type and visibility', async () => {
		const events = [
			{ type: 'message', text: 'Only agents see this', visibility: 'agents' },
			{ type: 'system_message', text: 'Routed by n8n', system_message_type: 'routing.assigned' },
			{ type: 'custom', content: { order: 42 }, visibility: 'agents' },
		];
		const started = await run({ resource: 'chat', operation: 'start', chatOptions: { message: 'Welcome!', events: JSON.stringify(events) } });
		expect(started.error).toBeUndefined();
		expect(bodies('start_chat')).toEqual([{ chat: { thread: { events: [{ type: 'message', text: 'Welcome!', visibility: 'all' }, ...events] } } }]);
		expect(started.items[0].json.event_ids).toHaveLength(4);
		const chat = simulator.chats.get(String(started.items[0].json.chat_id))!;
		expect(chat.threads[0].events.map((event) => [event.type, event.visibility])).toEqual([
			['message', 'all'],
			['message', 'agents'],
			['system_message', 'all'],
			['custom', 'agents'],
		]);

		const resumed = await run({ resource: 'chat', operation: 'resume', chatId: 'PWJ8Y4THAV', chatOptions: { events: [{ type: 'message', text: 'Back again', visibility: 'agents' }] } });
		expect(resumed.error).toBeUndefined();
		expect(bodies('resume_chat')).toEqual([{ chat: { id: 'PWJ8Y4THAV', thread: { events: [{ type: 'message', text: 'Back again', visibility: 'agents' }] } } }]);
	});

	it.each([
		['Chat Options → Initial Events (JSON) must be a JSON array', { resource: 'chat', operation: 'start', chatOptions: { events: '{"type":"message"}' } }],
		['Chat Options → Initial Events (JSON): event 1 must be an object with a "type"', { resource: 'chat', operation: 'start', chatOptions: { events: '[{"text":"no type"}]' } }],
		['event 1 has visibility "customers"', { resource: 'chat', operation: 'start', chatOptions: { events: '[{"type":"message","text":"x","visibility":"customers"}]' } }],
		['Filters → Goals: "abc" is not a goal ID (a whole number) or true / false', { resource: 'chat', operation: 'listArchives', returnAll: true, archiveFilters: { goals: { filter: { match: 'values', values: '12, abc' } } } }],
		['Filters → Agent Types: "human" is in more than one list', { resource: 'chat', operation: 'listArchives', returnAll: true, archiveFilters: { agentTypes: { filter: { allValues: ['human'], excludeValues: ['human'] } } } }],
		['Filters → Chat IDs: at most 1,000', { resource: 'chat', operation: 'listArchives', returnAll: true, archiveFilters: { chatIds: Array.from({ length: 1001 }, (_, i) => `C${i}`).join(',') } }],
		['Options → Product ID is required with Option ID or Quantity', { resource: 'event', operation: 'postback', chatId: 'PJ0MRSHTDG', threadId: 'K600PKZON8', eventId: 'e', postbackId: 'p', postbackOptions: { quantity: 2 } }],
		['Customer Fields → Phone Number: "555-0123" is not a phone number in E.164 format', { resource: 'customer', operation: 'update', customerId: LC_CUSTOMER_ID, customerFields: { phoneNumber: '555-0123' } }],
		['Customer Fields → Facebook Messenger: ID is required', { resource: 'customer', operation: 'update', customerId: LC_CUSTOMER_ID, customerFields: { fbMessenger: { values: { name: 'Tom' } } } }],
		['Filters → Min Events Count must be a whole number from 1 to 100', { resource: 'thread', operation: 'list', chatId: 'PJ0MRSHTDG', returnAll: true, threadFilters: { minEventsCount: 101 } }],
	])('refuses before any request: %s', async (message, parameters) => {
		const { error } = await run(parameters as IDataObject);
		expect(error?.message).toContain(message);
		expect(simulator.requests).toHaveLength(0);
	});

	it('sends goals and sales as ints or booleans, which the simulator checks', async () => {
		const { error } = await run({
			resource: 'chat',
			operation: 'listArchives',
			returnAll: false,
			limit: 5,
			archiveFilters: { goals: { filter: { match: 'exclude_values', values: '3' } }, sales: { filter: { match: 'values', values: 'false' } } },
		});
		expect(error).toBeUndefined();
		expect(bodies('list_archives')[0].filters).toEqual({ goals: { exclude_values: [3] }, sales: { values: [false] } });
	});

	it('finds archives by chat IDs, customer ID and customer email', async () => {
		const { items } = await run({ resource: 'chat', operation: 'listArchives', returnAll: true, archiveFilters: { chatIds: 'PJ0MRSHTDG, PW94SJTGW6', customerEmail: 't.anderson@example.com', customerId: LC_CUSTOMER_ID } });
		expect(items.map((item) => item.json.id).sort()).toEqual(['PJ0MRSHTDG', 'PW94SJTGW6']);
		simulator.requests.length = 0;
		const none = await run({ resource: 'chat', operation: 'listArchives', returnAll: true, archiveFilters: { customerEmail: 'nobody@example.com' } });
		expect(none.items).toEqual([]);
	});

	describe('the forms filter (named surveys before January 2026)', () => {
		const forms = '[{"type":"pre_chat","exists":true}]';

		it('goes as forms by default, which a LiveChat following the current docs takes', async () => {
			const { error } = await run({ resource: 'chat', operation: 'listArchives', returnAll: false, limit: 1, archiveFilters: { forms } });
			expect(error).toBeUndefined();
			expect(bodies('list_archives')[0].filters).toEqual({ forms: [{ type: 'pre_chat', exists: true }] });
		});

		it('goes as surveys when Forms Filter Name says so, for a LiveChat that still takes that name', async () => {
			simulator.archiveFormsKey = 'surveys';
			const refused = await run({ resource: 'chat', operation: 'listArchives', returnAll: false, limit: 1, archiveFilters: { forms } });
			expect(refused.error?.message).toBe('LiveChat: Unknown filter forms (validation)');
			simulator.requests.length = 0;
			const { error } = await run({ resource: 'chat', operation: 'listArchives', returnAll: false, limit: 1, archiveFilters: { forms }, archiveOptions: { formsKey: 'surveys' } });
			expect(error).toBeUndefined();
			expect(bodies('list_archives')[0].filters).toEqual({ surveys: [{ type: 'pre_chat', exists: true }] });
		});

		it('a workflow saved with Surveys keeps it, sent as forms', async () => {
			const { error } = await run({ resource: 'chat', operation: 'listArchives', returnAll: false, limit: 1, archiveFilters: { surveys: forms } });
			expect(error).toBeUndefined();
			expect(bodies('list_archives')[0].filters).toEqual({ forms: [{ type: 'pre_chat', exists: true }] });
		});
	});

	it('updates a customer’s phone number, address and channels', async () => {
		const { error } = await run({
			resource: 'customer',
			operation: 'update',
			customerId: LC_CUSTOMER_ID,
			customerFields: {
				phoneNumber: '+1 (415) 555-0123',
				address: { values: { address: '1 Main St', city: 'Boston', country: 'United States', state: 'MA', postal_code: '02110' } },
				fbMessenger: { values: { id: 'fb-123', first_name: 'Thomas', last_name: '', is_verified_user: 'yes' } },
				twilioPhoneNumber: '+48123456789',
			},
		});
		expect(error).toBeUndefined();
		const sent = { id: LC_CUSTOMER_ID, phone_number: '+14155550123', address: { address: '1 Main St', city: 'Boston', country: 'United States', state: 'MA', postal_code: '02110' }, omnichannel: { fbmessenger: { id: 'fb-123', first_name: 'Thomas', is_verified_user: true }, twilio: { phone_number: '+48123456789' } } };
		expect(bodies('update_customer')).toEqual([sent]);
		expect(simulator.customers.get(LC_CUSTOMER_ID)).toMatchObject({ phone_number: '+14155550123', omnichannel: sent.omnichannel });
	});

	it('sends an event preview and a thinking indicator to an active chat', async () => {
		const preview = await run({ resource: 'event', operation: 'preview', chatId: 'PJ0MRSHTDG', text: 'Checking your order' });
		expect(preview.items.map((item) => item.json)).toEqual([{ success: true }]);
		const thinking = await run({ resource: 'event', operation: 'thinking', chatId: 'PJ0MRSHTDG', thinkingOptions: { visibility: 'agents' } });
		expect(thinking.error).toBeUndefined();
		expect(bodies('send_event_preview')).toEqual([{ chat_id: 'PJ0MRSHTDG', event: { type: 'message', text: 'Checking your order', visibility: 'all' } }]);
		expect(bodies('send_thinking_indicator')).toEqual([{ chat_id: 'PJ0MRSHTDG', visibility: 'agents' }]);
		// Not saved: the chat's events are as before.
		expect(simulator.chats.get('PJ0MRSHTDG')!.threads[0].events.map((event) => event.text)).not.toContain('Checking your order');
		const closed = await run({ resource: 'event', operation: 'preview', chatId: 'PWJ8Y4THAV', text: 'x' });
		expect(closed.error?.message).toBe('LiveChat: Chat is inactive (chat_inactive)');
	});

	it('requests a thread summary, which arrives with the Thread Summary Set trigger event', async () => {
		const trigger = webhookNode({ type: 'liveChatTrigger', parameters: { events: ['thread_summary_set'] }, credentials });
		await trigger.activate();
		simulator.requests.length = 0;
		const { items, error } = await run({ resource: 'thread', operation: 'requestSummary', chatId: 'PWJ8Y4THAV', threadId: 'K600PKZON8' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		await simulator.flush();
		expect(simulator.deliveries.map((delivery) => delivery.action)).toEqual(['thread_summary_set']);
		const chat = await run({ resource: 'chat', operation: 'get', chatId: 'PWJ8Y4THAV' });
		expect((chat.items[0].json.thread as IDataObject).summary).toEqual({ status: 'ok', text: expect.any(String), updated_at: expect.any(String) });
		// A closed thread is summarized once.
		const again = await run({ resource: 'thread', operation: 'requestSummary', chatId: 'PWJ8Y4THAV', threadId: 'K600PKZON8' });
		expect(again.error?.message).toBe('LiveChat: Thread already summarized (validation)');
	});
});
