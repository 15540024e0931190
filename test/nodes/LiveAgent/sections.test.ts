/** The v1 sections our reference copy lacked, built from the public record (FACTS.md). */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { LA_ARTICLES, LA_DEPARTMENTS, LiveAgentSimulator } from '../../simulators/liveAgent';

const simulator = new LiveAgentSimulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const url = await simulator.start();
	credentials = { liveAgentApi: { url, apiKey: simulator.apiKey } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const liveAgent = (parameters: IDataObject) => ({ type: 'liveAgent', parameters, credentials });
const json = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

describe('LiveAgent departments and online status', () => {
	it('lists departments, gets one, and limits the list', async () => {
		const all = await runNode(liveAgent({ resource: 'department', operation: 'getAll', returnAll: true }));
		expect(json(all.items)).toEqual(LA_DEPARTMENTS);
		expect(simulator.requests[0]).toMatchObject({ method: 'GET', path: '/api/departments' });
		const one = await runNode(liveAgent({ resource: 'department', operation: 'get', departmentId: 'b7k2m4p1' }));
		expect(json(one.items)).toEqual([LA_DEPARTMENTS[1]]);
		const limited = await runNode(liveAgent({ resource: 'department', operation: 'getAll', returnAll: false, limit: 1 }));
		expect(limited.items).toHaveLength(1);
		const unknown = await runNode(liveAgent({ resource: 'department', operation: 'get', departmentId: 'nope' }));
		expect(unknown.error).toMatchObject({ message: 'LiveAgent: Department nope not found', httpCode: '404' });
	});

	it('reads the online status of agents and departments', async () => {
		const agents = await runNode(liveAgent({ resource: 'onlineStatus', operation: 'getAgents', returnAll: true }));
		expect(json(agents.items)).toEqual([
			{ id: 'uid1234', name: 'John Williams', onlineStatus: 'T', presetStatus: 'A' },
			{ id: 'uid5678', name: 'Mia Novak', onlineStatus: 'F', presetStatus: 'N' },
		]);
		const departments = await runNode(liveAgent({ resource: 'onlineStatus', operation: 'getDepartments', returnAll: true }));
		expect(departments.items).toHaveLength(2);
		expect(departments.items[0].json).toEqual({
			id: 'a5j9t4d8', name: 'Department 1', onlineStatus: 'T', presetStatus: 'A',
			chat_count: '0', new_count: '4', customer_reply_count: '0', total_count: '5', max_count: '10',
		});
		expect(simulator.requests.map((request) => request.path)).toEqual(['/api/onlinestatus/agents', '/api/onlinestatus/departments']);
	});
});

describe('LiveAgent knowledgebase and suggestion categories', () => {
	it('lists the knowledge bases and their entries', async () => {
		const bases = await runNode(liveAgent({ resource: 'knowledgebase', operation: 'getKnowledgebases', returnAll: true }));
		expect(json(bases.items)).toEqual([{ id: 'kb', name: 'Help Center', url: '/kb' }]);
		const entries = await runNode(liveAgent({ resource: 'knowledgebase', operation: 'getEntries', returnAll: false, limit: 1 }));
		expect(json(entries.items)).toEqual([LA_ARTICLES[0]]);
	});

	it('lists suggestion categories at the path with its trailing slash', async () => {
		const { items } = await runNode(liveAgent({ resource: 'suggestionCategory', operation: 'getAll', returnAll: true }));
		expect(json(items).map((category) => category.name)).toEqual(['Greetings', 'Billing answers']);
		expect(simulator.requests[0].path).toBe('/api/suggestioncategories/');
	});
});

describe('LiveAgent tags', () => {
	it('creates, reads, updates, lists and deletes a tag; further fields go as form fields', async () => {
		const created = await runNode(liveAgent({ resource: 'tag', operation: 'create', name: 'refund', otherFields: '{"color": "FFFFFF", "background_color": "00AA00"}' }));
		expect(created.items[0].json).toMatchObject({ status: 'OK', id: expect.any(String) });
		const id = String(created.items[0].json.id);
		expect(simulator.requests[0]).toMatchObject({
			method: 'POST',
			path: '/api/tags/',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: { name: 'refund', color: 'FFFFFF', background_color: '00AA00', apikey: simulator.apiKey },
		});
		await runNode(liveAgent({ resource: 'tag', operation: 'update', tagId: id, updateFields: { name: 'refunds' } }));
		expect(simulator.requests[1]).toMatchObject({ method: 'PUT', path: `/api/tags/${id}`, body: { name: 'refunds' } });
		const got = await runNode(liveAgent({ resource: 'tag', operation: 'get', tagId: id }));
		expect(got.items[0].json).toEqual({ id, name: 'refunds', color: 'FFFFFF', background_color: '00AA00' });
		const all = await runNode(liveAgent({ resource: 'tag', operation: 'getAll', returnAll: true }));
		expect(json(all.items).map((tag) => tag.name)).toEqual(['vip', 'billing', 'bug', 'refunds']);
		await runNode(liveAgent({ resource: 'tag', operation: 'delete', tagId: id }));
		expect(simulator.tags.map((tag) => tag.id)).not.toContain(id);
	});

	it('sends a create once, and refuses an empty name and invalid JSON before any request', async () => {
		simulator.inject({ kind: 'status', status: 503, path: '/api/tags', method: 'POST' });
		const failed = await runNode(liveAgent({ resource: 'tag', operation: 'create', name: 'once' }));
		expect(failed.error?.httpCode).toBe('503');
		expect(simulator.requests).toHaveLength(1);
		const empty = await runNode(liveAgent({ resource: 'tag', operation: 'create', name: ' ' }));
		expect(empty.error?.message).toBe('Name is required');
		const broken = await runNode(liveAgent({ resource: 'tag', operation: 'create', name: 'x', otherFields: '{"color": ' }));
		expect(broken.error?.message).toBe('Other Fields (JSON) is not valid JSON');
		const list = await runNode(liveAgent({ resource: 'tag', operation: 'create', name: 'x', otherFields: '[1]' }));
		expect(list.error?.message).toBe('Other Fields (JSON) must be a JSON object');
		expect(simulator.requests).toHaveLength(1);
	});
});

describe('LiveAgent overview', () => {
	it('reads the chats and calls overviews', async () => {
		const chats = await runNode(liveAgent({ resource: 'overview', operation: 'getChats' }));
		expect(json(chats.items)).toEqual([{ chatting: 0, waiting: 8 }]);
		const calls = await runNode(liveAgent({ resource: 'overview', operation: 'getCalls' }));
		expect(json(calls.items)).toEqual([{ calling: 0, waiting: 0 }]);
	});
});

describe('LiveAgent reports', () => {
	const range = { dateFrom: '2024-05-01T00:00:00Z', dateTo: '2024-05-31T23:59:59Z' };

	it('reads every page of a report over limitfrom/limitcount, the range in the account zone', async () => {
		const { items, error } = await runNode(liveAgent({ resource: 'report', operation: 'agents', ...range, returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1205);
		expect(simulator.requests.map((request) => request.query)).toEqual([
			{ apikey: simulator.apiKey, date_from: '2024-05-01 00:00:00', date_to: '2024-05-31 23:59:59', limitfrom: '0', limitcount: '1000' },
			{ apikey: simulator.apiKey, date_from: '2024-05-01 00:00:00', date_to: '2024-05-31 23:59:59', limitfrom: '1000', limitcount: '1000' },
		]);
	});

	it('asks only for the columns and rows wanted', async () => {
		const { items } = await runNode(
			liveAgent({ resource: 'report', operation: 'agents', ...range, returnAll: false, limit: 3, reportOptions: { columns: 'id,answers' } }),
		);
		expect(json(items)).toEqual([{ id: 'a0', answers: 0 }, { id: 'a1', answers: 1 }, { id: 'a2', answers: 2 }]);
		expect(simulator.requests[0].query).toMatchObject({ columns: 'id,answers', limitfrom: '0', limitcount: '3' });
	});

	it.each([
		['agentsAvailability', 'tickets', '/api/reports/tickets/agentsavailability', 2],
		['agentsAvailability', 'calls', '/api/reports/calls/agentsavailability', 2],
		['availability', 'chats', '/api/reports/chats/availability', 1],
		['load', 'chats', '/api/reports/chats/load', 2],
		['slaCompliance', 'tickets', '/api/reports/tickets/slacompliance', 1],
		['slaLog', 'calls', '/api/reports/calls/slalog', 1],
		['channels', undefined, '/api/reports/channels', 2],
		['departments', undefined, '/api/reports/departments', 3],
		['tags', undefined, '/api/reports/tags', 3],
		['ranking', undefined, '/api/reports/ranking', 2],
	])('reads the %s report (channel %s) at its path under its own key', async (operation, channel, path, rows) => {
		const { items, error } = await runNode(liveAgent({ resource: 'report', operation, ...(channel ? { channel } : {}), ...range, returnAll: true }));
		expect(error).toBeUndefined();
		expect(simulator.requests[0].path).toBe(path);
		expect(items).toHaveLength(rows);
	});

	it('refuses a missing or backwards range and a channel the report lacks, before any request', async () => {
		const missing = await runNode(liveAgent({ resource: 'report', operation: 'agents', dateFrom: '2024-05-01', dateTo: '={{ "" }}' }));
		expect(missing.error?.message).toBe('Date To is required');
		const backwards = await runNode(liveAgent({ resource: 'report', operation: 'agents', dateFrom: '2024-05-02', dateTo: '2024-05-01' }));
		expect(backwards.error?.message).toBe('Date To is before Date From');
		const channel = await runNode(liveAgent({ resource: 'report', operation: 'availability', channel: 'tickets', ...range }));
		expect(channel.error?.message).toBe('Channel must be one of Chats, Calls: "tickets"');
		expect(simulator.requests).toHaveLength(0);
	});

	it('stops with a clear error when a report answers the same page again', async () => {
		simulator.reportPaging = 'ignored';
		const { error } = await runNode(liveAgent({ resource: 'report', operation: 'agents', ...range, returnAll: true }));
		expect(error?.message).toBe('LiveAgent answered the page from row 1000 with records it had already sent, so the list cannot be read to its end');
		expect(simulator.requests).toHaveLength(2);
	});
});

describe('LiveAgent companies and files', () => {
	it('lists companies with filters as JSON, and gets one', async () => {
		const all = await runNode(liveAgent({ resource: 'company', operation: 'getAll', returnAll: true }));
		expect(json(all.items).map((company) => company.name)).toEqual(['Acme Ltd', 'Globex']);
		const filtered = await runNode(liveAgent({ resource: 'company', operation: 'getAll', returnAll: true, filters: '{"name": "glo"}' }));
		expect(simulator.requests[1].query).toEqual({ name: 'glo', apikey: simulator.apiKey });
		expect(json(filtered.items).map((company) => company.id)).toEqual(['c0mp4ny2']);
		const one = await runNode(liveAgent({ resource: 'company', operation: 'get', companyId: 'c0mp4ny1' }));
		expect(one.items[0].json).toMatchObject({ id: 'c0mp4ny1', name: 'Acme Ltd' });
	});

	it('gets, adds and deletes files; adding is sent once, as a form', async () => {
		const got = await runNode(liveAgent({ resource: 'file', operation: 'get', fileId: 'f1l3x9' }));
		expect(got.items[0].json).toEqual({ fileid: 'f1l3x9', name: 'invoice.pdf', type: 'application/pdf', size: '48213' });
		const added = await runNode(liveAgent({ resource: 'file', operation: 'add', fileFields: '{"name": "note.txt", "type": "text/plain", "content": "aGVsbG8="}' }));
		expect(added.items[0].json).toMatchObject({ status: 'OK', fileid: expect.any(String) });
		expect(simulator.requests[1]).toMatchObject({ method: 'POST', path: '/api/files', body: { name: 'note.txt', type: 'text/plain', content: 'aGVsbG8=', apikey: simulator.apiKey } });
		await runNode(liveAgent({ resource: 'file', operation: 'delete', fileId: String(added.items[0].json.fileid) }));
		expect(simulator.files.map((file) => file.name)).toEqual(['invoice.pdf']);
		const empty = await runNode(liveAgent({ resource: 'file', operation: 'add', fileFields: '{}' }));
		expect(empty.error?.message).toBe('File Fields (JSON) is required');
		expect(simulator.count('POST', '/api/files')).toBe(1);
	});
});
