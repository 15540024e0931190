/**
 * The LiveAgent v3 node's calls that change an agent, and the agents' activity (AgentsApi of
 * QualityUnit/LiveAgent-api-python, api/agents_api.py), run through n8n-core against the v3 simulator.
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

describe('LiveAgent v3 agents: changes', () => {
	it('updates an agent with PUT (update_agent), the Agent’s JSON names in the body', async () => {
		const updated = await runNode(v3({ resource: 'agent', operation: 'update', agentId: 'uid5678', updateFields: { name: 'Mia N.', roleId: 'r_admin' } }));
		expect(updated.error).toBeUndefined();
		expect(simulator.requests).toHaveLength(1);
		expect(simulator.requests[0]).toMatchObject({ method: 'PUT', path: '/api/v3/agents/uid5678', body: { name: 'Mia N.', roleId: 'r_admin' } });
		expect(updated.items[0].json).toMatchObject({ id: 'uid5678', name: 'Mia N.', roleId: 'r_admin', email: 'mia@agent.com' });
	});

	it('deletes an agent and brings them back with Undelete', async () => {
		const deleted = await runNode(v3({ resource: 'agent', operation: 'delete', agentId: 'uid5678' }));
		expect(json(deleted.items)).toEqual([{ success: true }]);
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/v3/agents/uid5678' });
		expect(simulator.agents.map((agent) => agent.id)).toEqual(['uid1234']);
		const back = await runNode(v3({ resource: 'agent', operation: 'undelete', deletedAgentId: 'uid5678' }));
		expect(back.error).toBeUndefined();
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/agents/undelete', body: { id: 'uid5678' } });
		expect(back.items[0].json).toMatchObject({ id: 'uid5678', name: 'Mia Novak' });
		expect(simulator.agents.map((agent) => agent.id)).toEqual(['uid1234', 'uid5678']);
	});

	it('pauses and logs out an agent, each one POST answered by OkResponse', async () => {
		const paused = await runNode(v3({ resource: 'agent', operation: 'pause', agentId: 'uid1234' }));
		expect(json(paused.items)).toEqual([{ success: true }]);
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/agents/uid1234/_pause' });
		const out = await runNode(v3({ resource: 'agent', operation: 'logout', agentId: 'uid1234' }));
		expect(json(out.items)).toEqual([{ success: true }]);
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/agents/uid1234/_logout' });
		expect(simulator.agents[0]).toMatchObject({ paused: true, online_status: 'F' });
		expect(simulator.requests).toHaveLength(2);
	});

	it('sets the voice status in the query and reads the login key', async () => {
		const voice = await runNode(v3({ resource: 'agent', operation: 'setVoiceStatus', agentId: 'uid1234', voiceStatus: 'A' }));
		expect(json(voice.items)).toEqual([{ success: true }]);
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/agents/uid1234/updateVoiceStatus', query: { voiceStatus: 'A' } });
		expect(simulator.agents[0].voice_status).toBe('A');
		const key = await runNode(v3({ resource: 'agent', operation: 'getLoginKey', agentId: 'uid1234' }));
		expect(json(key.items)).toEqual([{ login_key: 'lk-uid1234' }]);
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v3/agents/uid1234/login_key' });
	});

	it('converts a registered visitor, found by email, into an agent', async () => {
		simulator.contacts.push(simulator.person('contacts', { firstname: 'Rui', lastname: 'Costa', emails: ['rui@example.com'], type: 'R' }));
		const converted = await runNode(v3({ resource: 'agent', operation: 'convert', visitorEmail: 'rui@example.com', convertFields: { role: 'agent' } }));
		expect(converted.error).toBeUndefined();
		expect(simulator.requests[0]).toMatchObject({ method: 'POST', path: '/api/v3/agents/convert', body: { email: 'rui@example.com', role: 'agent' } });
		expect(converted.items[0].json).toMatchObject({ name: 'Rui Costa', email: 'rui@example.com', role: 'agent' });
		const stranger = await runNode(v3({ resource: 'agent', operation: 'convert', visitorEmail: 'nobody@example.com' }));
		expect(stranger.error).toMatchObject({ message: 'LiveAgent: No registered visitor with email nobody@example.com', httpCode: '404' });
	});

	it('lists the agents’ activity page by page (get_agents_activity)', async () => {
		const activity = await runNode(v3({ resource: 'agent', operation: 'getActivity', returnAll: false, limit: 1 }));
		expect(activity.error).toBeUndefined();
		expect(json(activity.items)).toHaveLength(1);
		expect(activity.items[0].json).toMatchObject({ id: 'uid1234', agent_status: 'T', active_tickets: expect.any(Array) });
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v3/agents/activity', query: { _page: '1', _perPage: '1' } });
		const all = await runNode(v3({ resource: 'agent', operation: 'getActivity', returnAll: true }));
		expect(json(all.items).map((row) => row.id)).toEqual(['uid1234', 'uid5678']);
	});

	it('refuses a missing ID, Voice Status, Visitor Email or update field before any request', async () => {
		const noId = await runNode(v3({ resource: 'agent', operation: 'pause', agentId: '={{ "" }}' }));
		expect(noId.error?.message).toContain('Agent Name or ID');
		const noVoice = await runNode(v3({ resource: 'agent', operation: 'setVoiceStatus', agentId: 'uid1234', voiceStatus: '={{ "" }}' }));
		expect(noVoice.error?.message).toContain('Voice Status');
		const noEmail = await runNode(v3({ resource: 'agent', operation: 'convert', visitorEmail: '={{ "" }}' }));
		expect(noEmail.error?.message).toContain('Visitor Email');
		const noDeleted = await runNode(v3({ resource: 'agent', operation: 'undelete', deletedAgentId: '={{ "" }}' }));
		expect(noDeleted.error?.message).toContain('Deleted Agent ID');
		const noField = await runNode(v3({ resource: 'agent', operation: 'update', agentId: 'uid1234', updateFields: {} }));
		expect(noField.error?.message).toBe('Update Fields needs at least one field to change');
		expect(simulator.requests).toHaveLength(0);
	});
});
