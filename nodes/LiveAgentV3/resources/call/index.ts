import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions, PreSendAction } from 'n8n-workflow';

import { operationSelector, returnAllAndLimit } from '../../../shared/descriptions';
import { pathSegment, requireText, sendPathId } from '../../../shared/validate';
import { binaryFieldParameter, sendBinaryFile } from '../../../shared/upload';
import { fail, idParameter, optionText, read, textList, write } from '../../helpers/descriptions';
import { rawFiltersParameter, sendListQuery, sortOptions } from '../../helpers/filters';
import { v3Items } from '../../helpers/output';
import { v3CursorPages } from '../../helpers/paging';

const show = (...operation: string[]) => ({ resource: ['call'], operation });
const COLUMNS = 'id, ticketId, type, fromNumber, toNumber, viaNumber, dateCreated, dateAnswered, dateFinished';
const sendCallQuery = sendListQuery([]);

/** A query parameter of a CallsApi call: the node parameter, the query key the client sends, its label. */
interface CallQuery {
	name: string;
	key: string;
	label: string;
	description?: string;
}

const QUERY: Record<string, CallQuery> = {
	toNumber: { name: 'toNumber', key: 'to_number', label: 'To Number', description: 'The callee’s number, device or extension' },
	fromNumber: { name: 'fromNumber', key: 'from_number', label: 'From Number', description: 'The caller’s number' },
	viaNumber: { name: 'viaNumber', key: 'via_number', label: 'Via Number', description: 'The trunk number the call was made or received through' },
	channelIdQuery: { name: 'channelIdQuery', key: 'channelId', label: 'Channel ID (Query)', description: 'The channel that started the action' },
	ticketId: { name: 'ticketId', key: 'ticketId', label: 'Ticket ID', description: 'A ticket’s ID or code' },
	direction: { name: 'direction', key: 'direction', label: 'Direction', description: 'in (the default), out, int (internal) or auto (decided by To Number)' },
	departmentId: { name: 'departmentId', key: 'departmentId', label: 'Department ID' },
	answerType: { name: 'answerType', key: 'type', label: 'Type', description: 'F: an incoming call forwarded to an external number' },
	reason: { name: 'reason', key: 'reason', label: 'Reason', description: 'T (timeout), D (decline), DNR (device not registered) or CHE (channel error)' },
	transferTo: { name: 'transferTo', key: 'to', label: 'To Department ID' },
	dtmf: { name: 'dtmf', key: 'dtmf', label: 'DTMF', description: 'The tones to send, such as 1234#' },
	channelStatus: { name: 'channelStatus', key: 'status', label: 'Channel Status', description: 'R (run) or H (hold)' },
	toCallId: { name: 'toCallId', key: 'to_callId', label: 'To Call ID', description: 'The call the channel moves to' },
	startedCallId: { name: 'startedCallId', key: 'callId', label: 'Started Call ID' },
};

/**
 * One CallsApi call that drives a call: `path` holds `{id}` (the Call ID) and `{channelId}` where the
 * client has them; `query` are its query parameters, those in `required` checked before the request.
 */
interface CallAction {
	value: string;
	name: string;
	action: string;
	client: string;
	summary: string;
	method: 'POST' | 'PUT' | 'DELETE' | 'GET';
	path: string;
	query?: string[];
	required?: string[];
	/**
	 * What else the call sends: its body, or list parameters of its query. They run before the Call ID
	 * parameter's own check, so a body that can fail on its input (a missing file) checks the ID first.
	 */
	send?: PreSendAction[];
}

/** CallsApi's calls that drive a call (api/calls_api.py), each answering OkResponse unless told. */
const ACTIONS: CallAction[] = [
	{ value: 'addMessage', name: 'Add Message', action: 'Add a message to a call', client: 'call_add_message', summary: 'Add a message to the call’s group in its ticket', method: 'POST', path: '/calls/{id}/messages', send: [sendCallMessage] },
	{ value: 'addRecording', name: 'Add Recording', action: 'Add a recording to a call', client: 'call_add_recording', summary: 'Upload a recording (an input binary file) into the call’s group in its ticket', method: 'POST', path: '/calls/{id}/recordings', send: [sendPathId('callId', 'Call ID'), sendBinaryFile('file')] },
	{ value: 'answer', name: 'Answer', action: 'Answer a call', client: 'call_answer', summary: 'Mark the call answered by an agent', method: 'POST', path: '/calls/{id}/_answer', query: ['toNumber', 'channelIdQuery', 'answerType'], required: ['toNumber'] },
	{ value: 'blindTransfer', name: 'Blind Transfer', action: 'Blind transfer a call', client: 'call_blind_transfer', summary: 'Transfer the call to another department or agent', method: 'POST', path: '/calls/{id}/_blind_transfer', query: ['toNumber', 'channelIdQuery'], required: ['toNumber'] },
	{ value: 'changeChannelStatus', name: 'Change Channel Status', action: 'Change the status of a call channel', client: 'call_change_channel_status', summary: 'Run or hold a channel', method: 'PUT', path: '/calls/{id}/channels/{channelId}/_status', query: ['channelStatus'], required: ['channelStatus'] },
	{ value: 'confirmRing', name: 'Confirm Ring', action: 'Confirm that a call rings', client: 'confirm_ring', summary: 'Confirm that the call is ringing', method: 'POST', path: '/calls/{id}/_confirmRing', query: ['toNumber', 'channelIdQuery'] },
	{ value: 'create', name: 'Create', action: 'Create a call', client: 'call_create', summary: 'Create a call under the given Call ID (answers Call)', method: 'POST', path: '/calls/{id}', query: ['toNumber', 'fromNumber', 'channelIdQuery', 'viaNumber', 'ticketId', 'direction'], required: ['toNumber', 'fromNumber'] },
	{ value: 'fetchIvr', name: 'Fetch IVR', action: 'Fetch the IVR of a call', client: 'call_fetch_ivr', summary: 'Let LiveAgent fetch the call’s next IVR steps from a URL (answers the IVRs, one item each)', method: 'POST', path: '/calls/{id}/_fetchIvr', send: [sendIvrFetch] },
	{ value: 'endChannel', name: 'End Channel', action: 'End a call channel', client: 'end_channel', summary: 'End a channel of the call', method: 'POST', path: '/calls/{id}/channels/{channelId}/_end' },
	{ value: 'hold', name: 'Hold Channel', action: 'Hold a call channel', client: 'hold_channel', summary: 'Put a channel on hold', method: 'POST', path: '/calls/{id}/channels/{channelId}/_hold' },
	{ value: 'moveChannel', name: 'Move Channel', action: 'Move a call channel', client: 'call_move_channel', summary: 'Complete an attended transfer: move a channel to another call', method: 'POST', path: '/calls/{id}/channels/{channelId}/_move', query: ['toCallId'], required: ['toCallId'] },
	{ value: 'mute', name: 'Mute Channel', action: 'Mute a call channel', client: 'mute_channel', summary: 'Mute a channel', method: 'POST', path: '/calls/{id}/channels/{channelId}/_mute' },
	{ value: 'pickup', name: 'Pick Up', action: 'Pick up a call from the queue', client: 'call_pickup', summary: 'Pick up a call waiting in the queue', method: 'POST', path: '/calls/_pickup' },
	{ value: 'removeChannel', name: 'Remove Channel', action: 'Remove a call channel', client: 'call_remove_channel', summary: 'Remove a channel from the call', method: 'DELETE', path: '/calls/{id}/channels/{channelId}' },
	{ value: 'reroute', name: 'Reroute', action: 'Reroute a call', client: 'call_reroute', summary: 'Let the call ring to another agent (answers CallStatus)', method: 'POST', path: '/calls/{id}/_reroute', query: ['reason'], send: [sendUnreachableAgents] },
	{ value: 'ring', name: 'Ring', action: 'Let a call ring', client: 'call_ring', summary: 'Let the call ring (answers CallStatus)', method: 'POST', path: '/calls/{id}/_ring', query: ['departmentId', 'toNumber'] },
	{ value: 'sendDtmf', name: 'Send DTMF', action: 'Send DTMF to a call channel', client: 'dtmf_channel', summary: 'Send tones to a channel', method: 'POST', path: '/calls/{id}/channels/{channelId}/_dtmf', query: ['dtmf'], required: ['dtmf'] },
	{ value: 'start', name: 'Start', action: 'Start an outgoing call', client: 'call_start', summary: 'Start an outgoing or internal call from a ticket', method: 'POST', path: '/call/_start', query: ['toNumber', 'ticketId', 'viaNumber'], required: ['toNumber', 'ticketId'] },
	{ value: 'startCanceled', name: 'Start Canceled', action: 'Report a canceled call start', client: 'call_start_canceled', summary: 'Tell LiveAgent that starting the call was canceled', method: 'POST', path: '/call/_startCanceled', query: ['startedCallId'], required: ['startedCallId'] },
	{ value: 'startFailed', name: 'Start Failed', action: 'Report a failed call start', client: 'call_start_failed', summary: 'Tell LiveAgent that starting the call failed', method: 'POST', path: '/call/_startFailed', query: ['startedCallId'], required: ['startedCallId'] },
	{ value: 'stop', name: 'Stop', action: 'Stop a call', client: 'call_stop', summary: 'Hang up the call', method: 'POST', path: '/calls/{id}/_stop', query: ['fromNumber', 'channelIdQuery'] },
	{ value: 'stopRing', name: 'Stop Ring', action: 'Stop a call ringing', client: 'stop_ring', summary: 'Stop the call ringing', method: 'POST', path: '/calls/{id}/_stopRing' },
	{ value: 'transfer', name: 'Transfer', action: 'Transfer a call in IVR', client: 'call_transfer', summary: 'Transfer the call to another department during IVR (answers CallTransferResult)', method: 'POST', path: '/calls/{id}/_transfer', query: ['transferTo'] },
	{ value: 'unhold', name: 'Unhold Channel', action: 'Unhold a call channel', client: 'unhold_channel', summary: 'Take a channel off hold', method: 'POST', path: '/calls/{id}/channels/{channelId}/_unhold' },
	{ value: 'unmute', name: 'Unmute Channel', action: 'Unmute a call channel', client: 'unmute_channel', summary: 'Unmute a channel', method: 'POST', path: '/calls/{id}/channels/{channelId}/_unmute' },
];

/** preSend: a call's query parameters; the required ones fail naming themselves when empty, the others are sent when given. */
function sendCallActionQuery(call: CallAction): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const qs: IDataObject = { ...requestOptions.qs };
		for (const name of call.query ?? []) {
			const query = QUERY[name];
			if (call.required?.includes(name)) qs[query.key] = requireText.call(this, name, query.label);
			else {
				const value = String(this.getNodeParameter(name, '') ?? '').trim();
				if (value !== '') qs[query.key] = value;
			}
		}
		requestOptions.qs = qs;
		return requestOptions;
	};
}

/** preSend: the required Channel ID, escaped, in place of `{channelId}`. */
async function sendChannelId(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	requestOptions.url = String(requestOptions.url).replace('{channelId}', pathSegment.call(this, 'channelId', 'Channel ID'));
	return requestOptions;
}

/** preSend of Add Message: CallMessage (models/call_message.py: type, message), the message required. */
async function sendCallMessage(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: IDataObject = { message: requireText.call(this, 'callMessage', 'Message') };
	const type = String(this.getNodeParameter('callMessageType', '') ?? '').trim();
	if (type !== '') body.type = type;
	requestOptions.body = body;
	return requestOptions;
}

/**
 * preSend: Unreachable Agents as `unreachableAgents`, the agents' IDs separated by commas (the
 * client's `collection_formats['unreachableAgents'] = 'csv'`); not sent when none is chosen.
 */
async function sendUnreachableAgents(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const agents = textList(this, this.getNodeParameter('unreachableAgents', []), 'Unreachable Agent Names or IDs');
	if (agents.length) requestOptions.qs = { ...requestOptions.qs, unreachableAgents: agents.join(',') };
	return requestOptions;
}

/**
 * preSend of Fetch IVR: IvrFetch (client models/ivr_fetch.py): `url` required; `prefix`, `on_error`,
 * `params` (list[IvrFetchParam]: `{name, value}`) and `ivrs` (IVR names) when given. A parameter row
 * without a name fails naming it.
 */
async function sendIvrFetch(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body: IDataObject = { url: requireText.call(this, 'ivrUrl', 'URL') };
	const options = this.getNodeParameter('ivrOptions', {}) as IDataObject;
	for (const [name, property, label] of [['prefix', 'prefix', 'Prefix'], ['onError', 'on_error', 'On Error']] as const) {
		if (options[name] !== undefined) body[property] = optionText(this, options[name], `Options → ${label}`);
	}
	if (options.parameters !== undefined) {
		const given = options.parameters;
		const rows = given && typeof given === 'object' && !Array.isArray(given) ? ((given as { parameter?: unknown }).parameter ?? []) : undefined;
		if (!Array.isArray(rows)) fail(this, 'Options → Parameters must be rows of a name and a value');
		// n8n hands an expression that is no rows over as no rows: added, Parameters needs one
		if (rows.length === 0) fail(this, 'Options → Parameters is empty');
		body.params = (rows as Array<{ name?: unknown; value?: unknown }>).map((row, index) => {
			const name = optionText(this, row?.name, `Options → Parameters → row ${index + 1}: Name`);
			const value = row?.value ?? '';
			if (typeof value !== 'string' && typeof value !== 'number') fail(this, `Options → Parameters → row ${index + 1}: Value must be text`);
			return { name, value: String(value) };
		});
	}
	if (options.ivrs !== undefined) {
		body.ivrs = textList(this, options.ivrs, 'Options → IVR Names');
		if ((body.ivrs as string[]).length === 0) fail(this, 'Options → IVR Names is empty');
	}
	requestOptions.body = body;
	return requestOptions;
}

const actionOptions: INodePropertyOptions[] = ACTIONS.map((call) => {
	const preSend: PreSendAction[] = [sendCallActionQuery(call), ...(call.send ?? [])];
	if (call.path.includes('{channelId}')) preSend.push(sendChannelId);
	const method = call.method;
	// every one of them changes the call: sent once, never repeated
	const routing = method === 'GET' ? read({ method, url: call.path }) : write({ method, url: call.path }, preSend);
	return { name: call.name, value: call.value, action: call.action, description: `${call.summary} (CallsApi.${call.client})`, routing };
});

const withCallId = ACTIONS.filter((call) => call.path.includes('{id}')).map((call) => call.value);
const withChannel = ACTIONS.filter((call) => call.path.includes('{channelId}')).map((call) => call.value);

/** The query parameters' properties: one marked required for the calls that need it, one optional for the others. */
const queryProperties: INodeProperties[] = Object.values(QUERY).flatMap((query) => {
	const requiredBy = ACTIONS.filter((call) => call.required?.includes(query.name)).map((call) => call.value);
	const optionalBy = ACTIONS.filter((call) => call.query?.includes(query.name) && !call.required?.includes(query.name)).map((call) => call.value);
	const base = { displayName: query.label, name: query.name, type: 'string' as const, default: '', description: query.description };
	return [
		...(requiredBy.length ? [{ ...base, required: true, displayOptions: { show: show(...requiredBy) } }] : []),
		...(optionalBy.length ? [{ ...base, displayOptions: { show: show(...optionalBy) } }] : []),
	];
});

/**
 * CallsApi (client liveagent_api/api/calls_api.py), every call of it: the reads (list, count, status,
 * the call of a channel) and the calls that drive a call as it happens.
 */
export const callDescription: INodeProperties[] = [
	operationSelector('call', 'getAll', [
		...actionOptions,
		{ name: 'Count', value: 'count', action: 'Count calls', description: 'Count the calls that match the filters (CallsApi.get_calls_count)', routing: read({ method: 'GET', url: '/calls/count' }, { send: { paginate: true, preSend: [sendCallQuery] } }) },
		{
			name: 'Get Call ID of Channel',
			value: 'getCallId',
			action: 'Get the call ID of a channel',
			description: 'The ID of the call a channel belongs to (CallsApi.call_id)',
			routing: read({ method: 'GET', url: '/calls/channels/{channelId}/call_id' }, { send: { paginate: true, preSend: [sendChannelId] } }),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many calls',
			description: 'List calls, filtered and sorted, page by page by cursor (CallsApi.get_calls_list)',
			routing: {
				request: { method: 'GET', url: '/calls' },
				send: { paginate: true, preSend: [sendCallQuery] },
				operations: { pagination: v3CursorPages },
				output: { postReceive: [v3Items] },
			},
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get the status of a call',
			description: 'The call’s status and its agent (CallsApi.call_get_status)',
			routing: read({ method: 'GET', url: '/calls/{id}/status' }, { send: { paginate: true, preSend: [sendUnreachableAgents] } }),
		},
	]),
	idParameter(show('getStatus', ...withCallId), 'callId', 'Call ID', 'call001'),
	{ displayName: 'Channel ID', name: 'channelId', type: 'string', required: true, default: '', displayOptions: { show: show('getCallId', ...withChannel) } },
	...queryProperties,
	{ displayName: 'Message', name: 'callMessage', type: 'string', required: true, default: '', typeOptions: { rows: 3 }, displayOptions: { show: show('addMessage') } },
	{ displayName: 'Message Type', name: 'callMessageType', type: 'string', default: '', displayOptions: { show: show('addMessage') }, description: 'CallMessage’s type (the client lists no values); left empty, it is not sent' },
	{
		displayName: 'Unreachable Agent Names or IDs',
		name: 'unreachableAgents',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		default: [],
		displayOptions: { show: show('getStatus', 'reroute') },
		description: 'Agents to leave out of the call’s routing. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	binaryFieldParameter(show('addRecording')),
	{ displayName: 'URL', name: 'ivrUrl', type: 'string', required: true, default: '', placeholder: 'https://example.com/ivr', displayOptions: { show: show('fetchIvr') }, description: 'Where LiveAgent fetches the IVR from (sent as IvrFetch’s URL)' },
	{
		displayName: 'Options',
		name: 'ivrOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: show('fetchIvr') },
		options: [
			{ displayName: 'IVR Names', name: 'ivrs', type: 'string', default: '', description: 'IVR names, separated by commas (IvrFetch’s ivrs)' },
			{ displayName: 'On Error', name: 'onError', type: 'string', default: '', description: 'IvrFetch’s on_error, sent as typed (the client does not describe it)' },
			{
				displayName: 'Parameters',
				name: 'parameters',
				type: 'fixedCollection',
				placeholder: 'Add Parameter',
				default: {},
				typeOptions: { multipleValues: true },
				description: 'Name and value pairs sent with the fetch (IvrFetch’s params)',
				options: [
					{
						displayName: 'Parameter',
						name: 'parameter',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Prefix', name: 'prefix', type: 'string', default: '', description: 'IvrFetch’s prefix, sent as typed (the client does not describe it)' },
		],
	},
	...returnAllAndLimit(show('getAll')),
	rawFiltersParameter(show('getAll', 'count'), COLUMNS),
	sortOptions(show('getAll'), 'dateCreated'),
];
