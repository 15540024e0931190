/**
 * The LiveAgent v3 node's calls that drive a phone call (CallsApi of QualityUnit/LiveAgent-api-python,
 * api/calls_api.py), run through n8n-core against the v3 simulator.
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../../engine/harness';
import { IVR_SOURCES, LiveAgentV3Simulator } from '../../simulators/liveAgentV3';

const simulator = new LiveAgentV3Simulator();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const url = await simulator.start();
	credentials = { liveAgentV3Api: { url, apiKey: simulator.apiKey, timeZone: 'UTC' } };
});
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

const v3 = (parameters: IDataObject) => ({ type: 'liveAgentV3', parameters, credentials });
const call = (operation: string, parameters: IDataObject = {}) => runNode(v3({ resource: 'call', operation, ...parameters }));
const json = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

describe('LiveAgent v3 calls: driving a call', () => {
	it('creates a call (call_create), the numbers in the query, and answers Call', async () => {
		const created = await call('create', { callId: 'call900', toNumber: '+421200000100', fromNumber: '+421900000999', channelIdQuery: 'ch-a', direction: 'in' });
		expect(created.error).toBeUndefined();
		expect(simulator.requests).toHaveLength(1);
		expect(simulator.requests[0]).toMatchObject({ method: 'POST', path: '/api/v3/calls/call900', query: { to_number: '+421200000100', from_number: '+421900000999', channelId: 'ch-a', direction: 'in' } });
		expect(created.items[0].json).toMatchObject({ id: 'call900', direction: 'in', from_number: '+421900000999', to_number: '+421200000100' });
		expect(simulator.calls.at(-1)).toMatchObject({ id: 'call900', type: 'I' });
		const again = await call('create', { callId: 'call900', toNumber: '1', fromNumber: '2' });
		expect(again.error).toMatchObject({ message: 'LiveAgent: Call call900 already exists', httpCode: '400' });
	});

	it('rings, confirms, stops ringing, answers, reroutes, transfers and stops a call', async () => {
		await call('create', { callId: 'call902', toNumber: '+421200000100', fromNumber: '+421900000902' });
		expect(json((await call('ring', { callId: 'call902', departmentId: 'a5j9t4d8' })).items)).toEqual([{ status: 'R', manually_picked_up: false, agent: { id: 'uid1234', devices: [], alternative_devices: [] } }]);
		expect(simulator.requests.at(-1)).toMatchObject({ path: '/api/v3/calls/call902/_ring', query: { departmentId: 'a5j9t4d8' } });
		expect(json((await call('confirmRing', { callId: 'call902', channelIdQuery: 'ch-b' })).items)).toEqual([{ success: true }]);
		expect(simulator.callChannels.call902['ch-b']).toEqual({ status: 'R', muted: false, ended: false });
		expect(json((await call('stopRing', { callId: 'call902' })).items)).toEqual([{ success: true }]);
		expect(json((await call('answer', { callId: 'call902', toNumber: '+421200000100' })).items)).toEqual([{ success: true }]);
		expect(simulator.requests.at(-1)).toMatchObject({ path: '/api/v3/calls/call902/_answer', query: { to_number: '+421200000100' } });
		expect(json((await call('reroute', { callId: 'call902', reason: 'T' })).items)[0]).toMatchObject({ status: 'C' });
		expect(simulator.requests.at(-1)).toMatchObject({ path: '/api/v3/calls/call902/_reroute', query: { reason: 'T' } });
		expect(json((await call('transfer', { callId: 'call902', transferTo: 'b7k2m4p1' })).items)).toEqual([{ callee_status: 'R' }]);
		expect(simulator.requests.at(-1)).toMatchObject({ path: '/api/v3/calls/call902/_transfer', query: { to: 'b7k2m4p1' } });
		expect(json((await call('blindTransfer', { callId: 'call902', toNumber: '102' })).items)).toEqual([{ success: true }]);
		expect(json((await call('stop', { callId: 'call902', fromNumber: '+421900000902' })).items)).toEqual([{ success: true }]);
		expect(json((await call('getStatus', { callId: 'call902' })).items)[0]).toMatchObject({ status: 'F' });
		// each change sent once: nine POSTs and the one status read
		expect(simulator.requests.map((request) => request.method)).toEqual([...Array(9).fill('POST'), 'GET']);
		const unknown = await call('stopRing', { callId: 'call999' });
		expect(unknown.error).toMatchObject({ message: 'LiveAgent: Call call999 not found', httpCode: '404' });
	});

	it('holds, mutes, sends DTMF to, moves and removes a channel, and finds the call of a channel', async () => {
		expect(json((await call('hold', { callId: 'call002', channelId: 'ch-call002' })).items)).toEqual([{ success: true }]);
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/calls/call002/channels/ch-call002/_hold' });
		expect(simulator.callChannels.call002['ch-call002'].status).toBe('H');
		await call('unhold', { callId: 'call002', channelId: 'ch-call002' });
		await call('mute', { callId: 'call002', channelId: 'ch-call002' });
		expect(simulator.callChannels.call002['ch-call002']).toEqual({ status: 'R', muted: true, ended: false });
		await call('unmute', { callId: 'call002', channelId: 'ch-call002' });
		await call('changeChannelStatus', { callId: 'call002', channelId: 'ch-call002', channelStatus: 'H' });
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'PUT', path: '/api/v3/calls/call002/channels/ch-call002/_status', query: { status: 'H' } });
		await call('sendDtmf', { callId: 'call002', channelId: 'ch-call002', dtmf: '12#' });
		expect(simulator.requests.at(-1)).toMatchObject({ path: '/api/v3/calls/call002/channels/ch-call002/_dtmf', query: { dtmf: '12#' } });
		await call('endChannel', { callId: 'call002', channelId: 'ch-call002' });
		expect(simulator.callChannels.call002['ch-call002']).toEqual({ status: 'H', muted: false, ended: true });
		await call('moveChannel', { callId: 'call002', channelId: 'ch-call002', toCallId: 'call003' });
		expect(simulator.requests.at(-1)).toMatchObject({ path: '/api/v3/calls/call002/channels/ch-call002/_move', query: { to_callId: 'call003' } });
		expect(json((await call('getCallId', { channelId: 'ch-call002' })).items)).toEqual([{ call_id: 'call003' }]);
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v3/calls/channels/ch-call002/call_id' });
		await call('removeChannel', { callId: 'call003', channelId: 'ch-call002' });
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/v3/calls/call003/channels/ch-call002' });
		expect(simulator.callChannels.call003['ch-call002']).toBeUndefined();
		const gone = await call('hold', { callId: 'call003', channelId: 'ch-call002' });
		expect(gone.error).toMatchObject({ message: 'LiveAgent: Channel ch-call002 not found in call call003', httpCode: '404' });
	});

	it('adds a message to a call, starts a call and reports a start canceled or failed, and picks one up', async () => {
		expect(json((await call('addMessage', { callId: 'call004', callMessage: 'Customer asked for a refund', callMessageType: 'M' })).items)).toEqual([{ success: true }]);
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/calls/call004/messages', body: { message: 'Customer asked for a refund', type: 'M' } });
		expect(simulator.callMessages.call004).toEqual([{ type: 'M', message: 'Customer asked for a refund' }]);
		await call('start', { toNumber: '+421900000111', ticketId: 't00001' });
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/call/_start', query: { to_number: '+421900000111', ticketId: 't00001' } });
		await call('startCanceled', { startedCallId: 'call005' });
		expect(simulator.requests.at(-1)).toMatchObject({ path: '/api/v3/call/_startCanceled', query: { callId: 'call005' } });
		await call('startFailed', { startedCallId: 'call005' });
		expect(simulator.requests.at(-1)).toMatchObject({ path: '/api/v3/call/_startFailed', query: { callId: 'call005' } });
		expect(json((await call('pickup')).items)).toEqual([{ success: true }]);
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/calls/_pickup' });
	});

	it('adds a recording: the input binary file, byte for byte, as the multipart field `file` (call_add_recording)', async () => {
		// every byte value, so a text decoding anywhere on the way would show
		const bytes = Buffer.from(Array.from({ length: 512 }, (_, index) => index % 256));
		const input: INodeExecutionData[] = [{ json: {}, binary: { recording: { data: bytes.toString('base64'), mimeType: 'audio/mpeg', fileName: 'call004.mp3' } } }];
		const added = await runNode(v3({ resource: 'call', operation: 'addRecording', callId: 'call004', binaryPropertyName: 'recording' }), input, {}, true);
		expect(added.error).toBeUndefined();
		expect(json(added.items)).toEqual([{ success: true }]);
		expect(simulator.requests).toHaveLength(1);
		expect(simulator.requests[0]).toMatchObject({ method: 'POST', path: '/api/v3/calls/call004/recordings' });
		expect(String(simulator.requests[0].headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
		expect(simulator.callRecordings.call004).toEqual([{ name: 'call004.mp3', contentType: 'audio/mpeg', size: 512, sha256: createHash('sha256').update(bytes).digest('hex') }]);
		const unknown = await runNode(v3({ resource: 'call', operation: 'addRecording', callId: 'call999', binaryPropertyName: 'recording' }), input, {}, true);
		expect(unknown.error).toMatchObject({ message: 'LiveAgent: Call call999 not found', httpCode: '404' });
		const noFile = await runNode(v3({ resource: 'call', operation: 'addRecording', callId: 'call004', binaryPropertyName: 'data' }), input, {}, true);
		expect(noFile.error?.message).toBe('Input Binary Field: the input item has no binary field "data"');
		expect(simulator.requests).toHaveLength(2);
	});

	it('fetches a call’s IVR: IvrFetch as the body, each IVR it answers an item (call_fetch_ivr)', async () => {
		const fetched = await call('fetchIvr', {
			callId: 'call004',
			ivrUrl: 'https://ivr.example.com/menu',
			ivrOptions: { prefix: 'acme_', onError: 'support', ivrs: 'main, sales', parameters: { parameter: [{ name: 'caller', value: '+421900000004' }, { name: 'lang', value: '' }] } },
		});
		expect(fetched.error).toBeUndefined();
		expect(json(fetched.items)).toEqual(IVR_SOURCES['https://ivr.example.com/menu']);
		expect(simulator.requests).toHaveLength(1);
		expect(simulator.requests[0]).toMatchObject({ method: 'POST', path: '/api/v3/calls/call004/_fetchIvr' });
		expect(simulator.ivrFetches).toEqual([
			{
				callId: 'call004',
				fetch: { url: 'https://ivr.example.com/menu', prefix: 'acme_', on_error: 'support', ivrs: ['main', 'sales'], params: [{ name: 'caller', value: '+421900000004' }, { name: 'lang', value: '' }] },
			},
		]);
		// the options are sent only when added
		await call('fetchIvr', { callId: 'call004', ivrUrl: 'https://ivr.example.com/menu' });
		expect(simulator.ivrFetches[1].fetch).toEqual({ url: 'https://ivr.example.com/menu' });
		const unreachable = await call('fetchIvr', { callId: 'call004', ivrUrl: 'https://ivr.example.com/gone' });
		expect(unreachable.error).toMatchObject({ message: 'LiveAgent: IVR could not be fetched from https://ivr.example.com/gone', httpCode: '400' });
	});

	it('leaves unreachable agents out of a call’s routing: their IDs in `unreachableAgents`, separated by commas', async () => {
		await call('create', { callId: 'call903', toNumber: '+421200000100', fromNumber: '+421900000903' });
		const ringing = await call('getStatus', { callId: 'call903', unreachableAgents: ['uid1234'] });
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v3/calls/call903/status', query: { unreachableAgents: 'uid1234' } });
		expect(json(ringing.items)).toEqual([{ status: 'R', manually_picked_up: false, agent: { id: 'uid5678', devices: [], alternative_devices: [] } }]);
		const queued = await call('reroute', { callId: 'call903', reason: 'DNR', unreachableAgents: ['uid1234', 'uid5678'] });
		expect(simulator.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/calls/call903/_reroute', query: { reason: 'DNR', unreachableAgents: 'uid1234,uid5678' } });
		expect(json(queued.items)).toEqual([{ status: 'Q', manually_picked_up: false }]);
		// an expression's text, separated by commas, is a list too; none chosen, none sent
		await call('reroute', { callId: 'call903', unreachableAgents: '={{ "uid5678, uid1234" }}' });
		expect(simulator.requests.at(-1)?.query).toEqual({ unreachableAgents: 'uid5678,uid1234' });
		const first = await call('getStatus', { callId: 'call903' });
		expect(simulator.requests.at(-1)?.query).toEqual({});
		expect(json(first.items)[0]).toMatchObject({ status: 'R', agent: { id: 'uid1234' } });
	});

	it('refuses a Call ID or Channel ID of "." or "..", which would move the request to another endpoint', async () => {
		const recording: INodeExecutionData[] = [{ json: {}, binary: { data: { data: Buffer.from('x').toString('base64'), mimeType: 'audio/wav', fileName: 'x.wav' } } }];
		for (const id of ['.', '..']) {
			expect((await call('fetchIvr', { callId: id, ivrUrl: 'https://ivr.example.com/menu' })).error?.message).toBe(`Call ID cannot be "${id}"`);
			expect((await call('getStatus', { callId: id })).error?.message).toBe(`Call ID cannot be "${id}"`);
			expect((await runNode(v3({ resource: 'call', operation: 'addRecording', callId: id, binaryPropertyName: 'data' }), recording, {}, true)).error?.message).toBe(`Call ID cannot be "${id}"`);
			expect((await call('hold', { callId: 'call002', channelId: id })).error?.message).toBe(`Channel ID cannot be "${id}"`);
		}
		expect(simulator.requests).toHaveLength(0);
	});

	it('refuses values of the wrong kind in Unreachable Agents and Fetch IVR’s options, naming them, before any request', async () => {
		for (const value of ['={{ {id: "uid1234"} }}', '={{ [{id: "uid1234"}] }}', '={{ [null, "uid1234"] }}']) {
			for (const operation of ['getStatus', 'reroute']) {
				expect((await call(operation, { callId: 'call001', unreachableAgents: value })).error?.message).toBe('Unreachable Agent Names or IDs must be a list of IDs or names, or text separated by commas');
			}
		}
		const refused: Array<[IDataObject, string]> = [
			[{ ivrs: '={{ {a: 1} }}' }, 'Options → IVR Names must be a list of IDs or names, or text separated by commas'],
			[{ ivrs: '={{ [{a: 1}, "x"] }}' }, 'Options → IVR Names must be a list of IDs or names, or text separated by commas'],
			[{ ivrs: '' }, 'Options → IVR Names is empty'],
			[{ prefix: '={{ {a: 1} }}' }, 'Options → Prefix must be text'],
			[{ onError: '={{ [1, 2] }}' }, 'Options → On Error must be text'],
			[{ parameters: { parameter: [{ name: '={{ {x: 1} }}', value: 'v' }] } }, 'Options → Parameters → row 1: Name must be text'],
			[{ parameters: { parameter: [{ name: 'a', value: '={{ {x: 1} }}' }] } }, 'Options → Parameters → row 1: Value must be text'],
			// n8n hands this expression over as no rows at all
			[{ parameters: '={{ [{name: "a", value: "b"}] }}' }, 'Options → Parameters is empty'],
		];
		for (const [ivrOptions, message] of refused) {
			expect((await call('fetchIvr', { callId: 'call004', ivrUrl: 'https://ivr.example.com/menu', ivrOptions })).error?.message).toBe(message);
		}
		expect(simulator.requests).toHaveLength(0);
		// a number is an ID as text
		await call('reroute', { callId: 'call001', unreachableAgents: '={{ 1234 }}' });
		expect(simulator.requests.at(-1)?.query).toEqual({ unreachableAgents: '1234' });
	});

	it('keeps the upload’s part header whole: line breaks in a MIME type and quotes or backslashes in a file name do not reach it', async () => {
		const bytes = Buffer.from([0, 1, 2, 255]);
		const input: INodeExecutionData[] = [{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'audio/mpeg\r\n\r\nINJECTED', fileName: 'a"b\\' } } }];
		const added = await runNode(v3({ resource: 'call', operation: 'addRecording', callId: 'call004', binaryPropertyName: 'data' }), input, {}, true);
		expect(added.error).toBeUndefined();
		expect(simulator.callRecordings.call004).toEqual([{ name: 'a_b_', contentType: 'application/octet-stream', size: 4, sha256: createHash('sha256').update(bytes).digest('hex') }]);
	});

	it('refuses an empty Call ID, Channel ID or required query parameter before any request', async () => {
		expect((await call('ring', { callId: '={{ "" }}' })).error?.message).toContain('Call ID');
		expect((await call('hold', { callId: 'call002', channelId: '={{ "" }}' })).error?.message).toContain('Channel ID');
		expect((await call('create', { callId: 'call901', toNumber: '1', fromNumber: '={{ "" }}' })).error?.message).toBe('From Number is required');
		expect((await call('answer', { callId: 'call001', toNumber: '={{ "" }}' })).error?.message).toBe('To Number is required');
		expect((await call('sendDtmf', { callId: 'call002', channelId: 'ch-call002', dtmf: '={{ "" }}' })).error?.message).toBe('DTMF is required');
		expect((await call('start', { toNumber: '1', ticketId: '={{ "" }}' })).error?.message).toBe('Ticket ID is required');
		expect((await call('addMessage', { callId: 'call004', callMessage: '={{ "" }}' })).error?.message).toBe('Message is required');
		expect((await call('fetchIvr', { callId: 'call004', ivrUrl: '={{ "" }}' })).error?.message).toBe('URL is required');
		expect((await call('fetchIvr', { callId: 'call004', ivrUrl: 'https://ivr.example.com/menu', ivrOptions: { prefix: ' ' } })).error?.message).toBe('Options → Prefix is empty');
		expect((await call('fetchIvr', { callId: 'call004', ivrUrl: 'https://ivr.example.com/menu', ivrOptions: { parameters: { parameter: [{ name: 'a', value: '1' }, { name: '', value: '2' }] } } })).error?.message).toBe(
			'Options → Parameters → row 2: Name is empty',
		);
		expect(simulator.requests).toHaveLength(0);
	});

});
