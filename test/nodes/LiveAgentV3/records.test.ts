/**
 * The LiveAgent v3 node's contacts, companies, agents, departments, tags and groups (ContactsApi,
 * CompaniesApi, AgentsApi, DepartmentsApi, TagsApi, GroupsApi of QualityUnit/LiveAgent-api-python),
 * every operation run through n8n-core against the v3 simulator.
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

describe('LiveAgent v3 contacts', () => {
	it('lists every contact page by page, with friendly and raw filters', async () => {
		const all = await runNode(v3({ resource: 'contact', operation: 'getAll', returnAll: true }));
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(25);
		const filtered = await runNode(v3({ resource: 'contact', operation: 'getAll', returnAll: true, filters: { companyId: 'CO00001', email: 'customer2@example.com' } }));
		expect(json(filtered.items).map((contact) => contact.id)).toEqual(['CT00002']);
		expect(JSON.parse(simulator.requests.at(-1)!.query._filters)).toEqual([['company_id', '=', 'CO00001'], ['emails', '=', 'customer2@example.com']]);
		const raw = await runNode(v3({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 2, filtersJson: '[["lastname", "like", "2"]]', options: { sortField: 'lastname', sortDirection: 'DESC' } }));
		expect(json(raw.items).map((contact) => contact.lastname)).toEqual(['25', '24']);
		expect(simulator.requests.at(-1)!.query).toMatchObject({ _page: '1', _perPage: '2', _sortField: 'lastname', _sortDir: 'DESC' });
	});

	it('creates, gets, patches, registers, unregisters and deletes a contact', async () => {
		const created = await runNode(v3({ resource: 'contact', operation: 'create', fields: { firstName: 'Ana', lastName: 'Souza', emails: 'ana@example.com, ana@work.example', groups: 'g002' } }));
		expect(created.error).toBeUndefined();
		expect(simulator.requests[0].body).toEqual({ firstname: 'Ana', lastname: 'Souza', emails: ['ana@example.com', 'ana@work.example'], groups: ['g002'] });
		const id = String(created.items[0].json.id);
		expect((await runNode(v3({ resource: 'contact', operation: 'get', contactId: id }))).items[0].json).toMatchObject({ firstname: 'Ana', type: 'V' });
		const patched = await runNode(v3({ resource: 'contact', operation: 'update', contactId: id, updateFields: { city: 'Lisbon' } }));
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { city: 'Lisbon' } });
		expect(patched.items[0].json).toMatchObject({ city: 'Lisbon', firstname: 'Ana' });
		const registered = await runNode(v3({ resource: 'contact', operation: 'register', contactId: id, registrationEmail: 'ana@example.com', sendRegistrationMail: false }));
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/api/v3/contacts/${id}/_register`, query: { registration_email: 'ana@example.com', sendRegistrationMail: 'false' } });
		expect(registered.items[0].json).toMatchObject({ type: 'R' });
		expect((await runNode(v3({ resource: 'contact', operation: 'unregister', contactId: id }))).items[0].json).toMatchObject({ type: 'V' });
		const deleted = await runNode(v3({ resource: 'contact', operation: 'delete', contactId: id, deleteTickets: false }));
		expect(json(deleted.items)).toEqual([{ success: true }]);
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'DELETE', query: { deleteTickets: 'false' } });
		expect(simulator.contacts.some((contact) => contact.id === id)).toBe(false);
	});

	it('replaces a whole contact with PUT (update_contact): the fields left out are emptied', async () => {
		const before = simulator.contacts.find((contact) => contact.id === 'CT00002')!;
		expect(before).toMatchObject({ firstname: 'Customer', company_id: 'CO00001' });
		const replaced = await runNode(v3({ resource: 'contact', operation: 'replace', contactId: 'CT00002', fields: { firstName: 'Bea', emails: 'bea@example.com' } }));
		expect(replaced.error).toBeUndefined();
		expect(simulator.requests).toHaveLength(1);
		expect(simulator.requests[0]).toMatchObject({ method: 'PUT', path: '/api/v3/contacts/CT00002', body: { firstname: 'Bea', emails: ['bea@example.com'] } });
		expect(replaced.items[0].json).toMatchObject({ id: 'CT00002', firstname: 'Bea', lastname: '', company_id: '', emails: ['bea@example.com'] });
	});

	it('sends custom fields as custom_fields {code, value} on create, update and replace', async () => {
		const created = await runNode(v3({ resource: 'contact', operation: 'create', fields: { firstName: 'Ana', customFields: { field: [{ code: 'vip', value: 'yes' }, { code: 'tier', value: 'gold' }] } } }));
		expect(created.error).toBeUndefined();
		expect(simulator.requests[0].body).toEqual({ firstname: 'Ana', custom_fields: [{ code: 'vip', value: 'yes' }, { code: 'tier', value: 'gold' }] });
		expect(created.items[0].json).toMatchObject({ custom_fields: [{ code: 'vip', value: 'yes' }, { code: 'tier', value: 'gold' }] });
		const id = String(created.items[0].json.id);
		// custom fields alone are a change
		const patched = await runNode(v3({ resource: 'contact', operation: 'update', contactId: id, updateFields: { customFields: { field: [{ code: 'vip', value: 'no' }] } } }));
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { custom_fields: [{ code: 'vip', value: 'no' }] } });
		expect(patched.items[0].json).toMatchObject({ firstname: 'Ana', custom_fields: [{ code: 'vip', value: 'no' }] });
		await runNode(v3({ resource: 'contact', operation: 'replace', contactId: id, fields: { lastName: 'Souza', customFields: { field: [{ code: 'tier', value: '' }] } } }));
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'PUT', body: { lastname: 'Souza', custom_fields: [{ code: 'tier', value: '' }] } });
		const company = await runNode(v3({ resource: 'company', operation: 'create', fields: { name: 'Acme', customFields: { field: [{ code: 'segment', value: 'retail' }] } } }));
		expect(simulator.requests.at(-1)!.body).toEqual({ name: 'Acme', custom_fields: [{ code: 'segment', value: 'retail' }] });
		expect(company.items[0].json).toMatchObject({ custom_fields: [{ code: 'segment', value: 'retail' }] });
		const before = simulator.requests.length;
		const noCode = await runNode(v3({ resource: 'contact', operation: 'update', contactId: id, updateFields: { customFields: { field: [{ code: ' ', value: 'x' }] } } }));
		expect(noCode.error?.message).toBe('Update Fields → Custom Fields → row 1: Code is empty');
		expect(simulator.requests).toHaveLength(before);
	});

	it('refuses a replace without fields, or without a Contact ID, before any request', async () => {
		const none = await runNode(v3({ resource: 'contact', operation: 'replace', contactId: 'CT00001', fields: {} }));
		expect(none.error?.message).toBe('Fields needs at least one field to change');
		const noId = await runNode(v3({ resource: 'contact', operation: 'replace', contactId: '={{ "" }}', fields: { city: 'Lisbon' } }));
		expect(noId.error?.message).toContain('Contact ID');
		expect(simulator.requests).toHaveLength(0);
	});

	it('refuses an update without fields, and an added field left empty, before any request', async () => {
		const none = await runNode(v3({ resource: 'contact', operation: 'update', contactId: 'CT00001', updateFields: {} }));
		expect(none.error?.message).toBe('Update Fields needs at least one field to change');
		const empty = await runNode(v3({ resource: 'contact', operation: 'update', contactId: 'CT00001', updateFields: { firstName: ' ' } }));
		expect(empty.error?.message).toBe('Update Fields → First Name is empty');
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('LiveAgent v3 companies', () => {
	it('creates a company, updates it with PUT, lists it by name, and deletes it with its tickets', async () => {
		const created = await runNode(v3({ resource: 'company', operation: 'create', fields: { name: 'Souza Imports', emails: 'hi@souza.example' } }));
		const id = String(created.items[0].json.id);
		await runNode(v3({ resource: 'company', operation: 'update', companyId: id, updateFields: { city: 'Porto' } }));
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/api/v3/companies/${id}`, body: { city: 'Porto' } });
		const found = await runNode(v3({ resource: 'company', operation: 'getAll', returnAll: true, filters: { name: 'souza' } }));
		expect(json(found.items)).toEqual([expect.objectContaining({ id, name: 'Souza Imports', city: 'Porto' })]);
		await runNode(v3({ resource: 'company', operation: 'delete', companyId: id, deleteTickets: true }));
		expect(simulator.requests.at(-1)!.query).toEqual({ deleteTickets: 'true' });
		expect(simulator.companies).toHaveLength(1);
	});
});

describe('LiveAgent v3 agents and departments', () => {
	it('lists and gets agents, and reads an agent’s status in each department', async () => {
		expect(json((await runNode(v3({ resource: 'agent', operation: 'getAll', returnAll: true }))).items).map((agent) => agent.id)).toEqual(['uid1234', 'uid5678']);
		expect((await runNode(v3({ resource: 'agent', operation: 'get', agentId: 'uid5678' }))).items[0].json).toMatchObject({ name: 'Mia Novak', roleId: 'r_agent' });
		const status = await runNode(v3({ resource: 'agent', operation: 'getStatus', agentId: 'uid5678' }));
		expect(json(status.items)).toEqual([
			{ departmentid: 'a5j9t4d8', online_status: 'F', preset_status: 'N', work_allocation_allowed: true },
			{ departmentid: 'b7k2m4p1', online_status: 'F', preset_status: 'N', work_allocation_allowed: false },
		]);
		expect(simulator.requests.at(-1)!.path).toBe('/api/v3/agents/uid5678/status');
	});

	it('lists and gets departments, and checks an agent’s membership (404 when not a member)', async () => {
		expect((await runNode(v3({ resource: 'department', operation: 'getAll', returnAll: true, filtersJson: '{"online_status": "T"}' }))).items.map((item) => item.json.name)).toEqual(['Department 1']);
		expect((await runNode(v3({ resource: 'department', operation: 'get', departmentId: 'b7k2m4p1' }))).items[0].json).toMatchObject({ name: 'Billing', agent_ids: ['uid5678'] });
		const member = await runNode(v3({ resource: 'department', operation: 'checkAgent', departmentId: 'b7k2m4p1', agentId: 'uid5678' }));
		expect(json(member.items)).toEqual([{ success: true }]);
		expect(simulator.requests.at(-1)!.path).toBe('/api/v3/departments/b7k2m4p1/uid5678');
		const stranger = await runNode(v3({ resource: 'department', operation: 'checkAgent', departmentId: 'b7k2m4p1', agentId: 'uid1234' }));
		expect(stranger.error).toMatchObject({ message: 'LiveAgent: Agent uid1234 is not in department b7k2m4p1', httpCode: '404' });
	});
});

describe.each([
	['tag', 'tagId', 't001', 'vip'],
	['group', 'groupId', 'g001', 'Wholesale'],
])('LiveAgent v3 %ss', (resource, idName, firstId, firstName) => {
	it('lists them (Limit trims the one answer), gets one, creates, updates and deletes', async () => {
		const all = await runNode(v3({ resource, operation: 'getAll', returnAll: true }));
		expect(all.items.length).toBeGreaterThanOrEqual(2);
		const limited = await runNode(v3({ resource, operation: 'getAll', returnAll: false, limit: 1 }));
		expect(limited.items).toHaveLength(1);
		expect((await runNode(v3({ resource, operation: 'get', [idName]: firstId }))).items.map((item) => item.json.name)).toEqual([firstName]);
		const created = await runNode(v3({ resource, operation: 'create', name: 'refund', additionalFields: { color: 'FFFFFF', backgroundColor: '000000' } }));
		expect(simulator.requests.at(-1)!.body).toEqual({ name: 'refund', color: 'FFFFFF', background_color: '000000' });
		const id = String(created.items[0].json.id);
		const updated = await runNode(v3({ resource, operation: 'update', [idName]: id, updateFields: { name: 'refunds' } }));
		expect(json(updated.items)).toEqual([expect.objectContaining({ id, name: 'refunds' })]);
		expect(json((await runNode(v3({ resource, operation: 'delete', [idName]: id }))).items)).toEqual([{ success: true }]);
		expect(simulator.requests.filter((request) => request.method !== 'GET')).toHaveLength(3);
	});

	it('refuses an empty name before any request', async () => {
		const { error } = await runNode(v3({ resource, operation: 'create', name: '={{ "" }}' }));
		expect(error?.message).toBe('Name is required');
		expect(simulator.requests).toHaveLength(0);
	});
});
