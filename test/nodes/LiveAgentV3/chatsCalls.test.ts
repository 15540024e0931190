/**
 * The LiveAgent v3 node's chats, calls and canned messages (ChatsApi, CallsApi, CannedMessagesApi of
 * QualityUnit/LiveAgent-api-python), run through n8n-core against the v3 simulator.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { LiveAgentV3Simulator } from '../../simulators/liveAgentV3';

const simulator = new LiveAgentV3Simulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const url = await simulator.start();
	credentials = { liveAgentV3Api: { url, apiKey: simulator.apiKey, timeZone: 'UTC' } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const v3 = (parameters: IDataObject) => ({ type: 'liveAgentV3', parameters, credentials });
const json = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

describe('LiveAgent v3 chats', () => {
	it('lists the chats, filtered by department (ChatInformation’s departmentId), Simplified', async () => {
		const { items, error } = await runNode(v3({ resource: 'chat', operation: 'getAll', returnAll: true, filters: { department: 'a5j9t4d8' } }));
		expect(error).toBeUndefined();
		expect(json(items).map((chat) => chat.id)).toEqual(['t00011', 't00012']);
		expect(JSON.parse(simulator.requests[0].query._filters)).toEqual([['departmentId', '=', 'a5j9t4d8']]);
		expect(Object.keys(items[0].json).sort()).toEqual(['agentId', 'date_created', 'departmentId', 'emails', 'firstname', 'id', 'lastname', 'status', 'subject', 'tags']);
	});

	it('gives each chat as a normalized transcript', async () => {
		const { items, error } = await runNode(v3({ resource: 'chat', operation: 'getAll', returnAll: false, limit: 1, output: 'transcript', options: { sortField: 'date_created', sortDirection: 'DESC' } }));
		expect(error).toBeUndefined();
		expect(json(items)).toEqual([
			expect.objectContaining({ vendor: 'liveAgent', conversationId: 't00012', status: 'open', visitor: expect.objectContaining({ name: 'Customer 12', email: 'customer12@example.com' }) }),
		]);
		expect(simulator.requests.map((request) => request.path)).toEqual(['/api/v3/chats', '/api/v3/tags', '/api/v3/tickets/t00012', '/api/v3/tickets/t00012/messages']);
	});
});

describe('LiveAgent v3 calls', () => {
	it('lists every call over the cursor, counts them, and reads a call’s status', async () => {
		const all = await runNode(v3({ resource: 'call', operation: 'getAll', returnAll: true, filtersJson: '{"type": "I"}' }));
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(10);
		expect(all.items[0].json).toMatchObject({ id: 'call002', ticketId: 't00002', fromNumber: '+421900000101' });
		const limited = await runNode(v3({ resource: 'call', operation: 'getAll', returnAll: false, limit: 4 }));
		expect(limited.items).toHaveLength(4);
		expect(simulator.requests.at(-1)!.query).toEqual({ _perPage: '4' });
		expect(json((await runNode(v3({ resource: 'call', operation: 'count', filtersJson: '[["type", "=", "O"]]' }))).items)).toEqual([{ count: 5 }]);
		const status = await runNode(v3({ resource: 'call', operation: 'getStatus', callId: 'call015' }));
		expect(status.items[0].json).toMatchObject({ status: 'C', agent: { id: 'uid1234' } });
	});
});

describe('LiveAgent v3 canned messages', () => {
	it('lists, gets, creates, updates and deletes canned messages', async () => {
		expect((await runNode(v3({ resource: 'cannedMessage', operation: 'getAll', returnAll: true }))).items).toHaveLength(2);
		expect((await runNode(v3({ resource: 'cannedMessage', operation: 'get', cannedMessageId: 'cm002' }))).items[0].json).toMatchObject({ keywords: 'invoice' });
		const created = await runNode(v3({ resource: 'cannedMessage', operation: 'create', messageText: 'We are on it.', additionalFields: { department: 'a5j9t4d8', keywords: 'onit' } }));
		expect(simulator.requests.at(-1)!.body).toEqual({ messagetext: 'We are on it.', departmentid: 'a5j9t4d8', keywords: 'onit' });
		const id = String(created.items[0].json.id);
		const updated = await runNode(v3({ resource: 'cannedMessage', operation: 'update', cannedMessageId: id, updateFields: { messageText: 'We are on it!' } }));
		expect(updated.items[0].json).toMatchObject({ id, messagetext: 'We are on it!' });
		expect(json((await runNode(v3({ resource: 'cannedMessage', operation: 'delete', cannedMessageId: id }))).items)).toEqual([{ success: true }]);
		expect(simulator.cannedMessages).toHaveLength(2);
	});

	it('refuses an empty text before any request', async () => {
		const { error } = await runNode(v3({ resource: 'cannedMessage', operation: 'create', messageText: '={{ "" }}' }));
		expect(error?.message).toBe('Message Text is required');
		expect(simulator.requests).toHaveLength(0);
	});
});
