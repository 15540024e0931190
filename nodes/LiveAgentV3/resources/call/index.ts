import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, returnAllAndLimit } from '../../../shared/descriptions';
import { idParameter, read } from '../../helpers/descriptions';
import { rawFiltersParameter, sendListQuery, sortOptions } from '../../helpers/filters';
import { v3Items } from '../../helpers/output';
import { v3CursorPages } from '../../helpers/paging';

const show = (...operation: string[]) => ({ resource: ['call'], operation });
const COLUMNS = 'id, ticketId, type, fromNumber, toNumber, viaNumber, dateCreated, dateAnswered, dateFinished';
const sendCallQuery = sendListQuery([]);

/**
 * CallsApi (client liveagent_api/api/calls_api.py): the reads a workflow uses. Its other calls drive a
 * phone call as it happens (ring, answer, transfer, hold, …) and belong to a phone integration.
 */
export const callDescription: INodeProperties[] = [
	operationSelector('call', 'getAll', [
		{ name: 'Count', value: 'count', action: 'Count calls', description: 'Count the calls that match the filters (CallsApi.get_calls_count)', routing: read({ method: 'GET', url: '/calls/count' }, { send: { paginate: true, preSend: [sendCallQuery] } }) },
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
		{ name: 'Get Status', value: 'getStatus', action: 'Get the status of a call', description: 'The call’s status and its agent (CallsApi.call_get_status)', routing: read({ method: 'GET', url: '/calls/{id}/status' }) },
	]),
	idParameter(show('getStatus'), 'callId', 'Call ID', 'call001'),
	...returnAllAndLimit(show('getAll')),
	rawFiltersParameter(show('getAll', 'count'), COLUMNS),
	sortOptions(show('getAll'), 'dateCreated'),
];
