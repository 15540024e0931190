import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllAndLimit, operationSelector } from '../../../shared/descriptions';
import { sendRequiredDateRange } from '../../helpers/dates';
import { field, jsonFieldsParameter, only, operation } from '../../helpers/descriptions';
import { offsetPagesWithProgress, pagedReadWithProgress } from '../../helpers/paging';

const resource = 'report';

/**
 * Reports are paged with `limitfrom` / `limitcount` (at most 1000); a row has no ID of its own, so a
 * page is "already received" when every row is one received before (JSON-equal).
 */
const reportPages = (listKey: string) =>
	pagedReadWithProgress(
		offsetPagesWithProgress({ offset: 'limitfrom', limit: 'limitcount', maxPageSize: 1000, listKeys: [listKey], identity: (row) => JSON.stringify(row) }),
	);

/**
 * Every v1 report, GET with `date_from`, `date_to`, optional `columns`, answer key after the path
 * (hostinger/ladesk-php, keboola/component-liveagent; FACTS.md). Reports kept per channel take the
 * channel into the path (`/reports/{channel}/load`).
 */
const REPORTS: Array<{ name: string; value: string; path: string; listKey: string; description: string; channels?: string[] }> = [
	{ name: 'Agents', value: 'agents', path: '/reports/agents', listKey: 'agents', description: 'Work of each agent: answers, chats, calls, times, rewards' },
	{ name: 'Agents Availability', value: 'agentsAvailability', path: '/reports/{channel}/agentsavailability', listKey: 'agentsavailability', description: 'Hours each agent was online, by department', channels: ['tickets', 'chats', 'calls'] },
	{ name: 'Availability', value: 'availability', path: '/reports/{channel}/availability', listKey: 'availability', description: 'Availability of the chat or call service', channels: ['chats', 'calls'] },
	{ name: 'Channels', value: 'channels', path: '/reports/channels', listKey: 'channels', description: 'Conversations by channel' },
	{ name: 'Departments', value: 'departments', path: '/reports/departments', listKey: 'departments', description: 'Conversations by department' },
	{ name: 'Load', value: 'load', path: '/reports/{channel}/load', listKey: 'loads', description: 'Load over time', channels: ['tickets', 'chats', 'calls'] },
	{ name: 'Ranking', value: 'ranking', path: '/reports/ranking', listKey: 'ranks', description: 'Agents ranked by customers’ ratings' },
	{ name: 'SLA Compliance', value: 'slaCompliance', path: '/reports/{channel}/slacompliance', listKey: 'slacompliances', description: 'How well service level agreements were met', channels: ['tickets', 'chats', 'calls'] },
	{ name: 'SLA Log', value: 'slaLog', path: '/reports/{channel}/slalog', listKey: 'slalogs', description: 'Each service level event', channels: ['tickets', 'chats', 'calls'] },
	{ name: 'Tags', value: 'tags', path: '/reports/tags', listKey: 'tags', description: 'Conversations by tag' },
];

const CHANNEL_NAMES: Record<string, string> = { tickets: 'Tickets', chats: 'Chats', calls: 'Calls' };

/** preSend: the report's channel put into its path, checked against the channels it has. */
function channelInPath(allowed: string[]) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const channel = String(this.getNodeParameter('channel', '') ?? '').trim();
		if (!allowed.includes(channel)) {
			throw new NodeOperationError(this.getNode(), `Channel must be one of ${allowed.map((name) => CHANNEL_NAMES[name]).join(', ')}: "${channel}"`, {
				itemIndex: this.getItemIndex(),
			});
		}
		requestOptions.url = String(requestOptions.url).replace('{channel}', channel);
		return requestOptions;
	};
}

const byChannels = (channels: string[]) => REPORTS.filter((report) => report.channels?.join() === channels.join()).map((report) => report.value);

const channelOptions = (channels: string[]): INodePropertyOptions[] => channels.map((value) => ({ name: CHANNEL_NAMES[value], value }));
const TICKETS_CHATS_CALLS = ['tickets', 'chats', 'calls'];
const CHATS_CALLS = ['chats', 'calls'];

const ALL = REPORTS.map((report) => report.value);

export const reportDescription: INodeProperties[] = [
	operationSelector(
		resource,
		'agents',
		REPORTS.map((report) =>
			operation({
				name: report.name,
				value: report.value,
				action: `Get the ${report.name.startsWith('SLA') ? report.name : report.name.toLowerCase()} report`,
				description: report.description,
				method: 'GET',
				url: report.path,
				listKey: report.listKey,
				pagination: reportPages(report.listKey),
			}),
		),
	),
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'tickets',
		displayOptions: { show: only(resource, ...byChannels(TICKETS_CHATS_CALLS)) },
		options: channelOptions(TICKETS_CHATS_CALLS),
		routing: { send: { preSend: [channelInPath(TICKETS_CHATS_CALLS)] } },
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'chats',
		displayOptions: { show: only(resource, ...byChannels(CHATS_CALLS)) },
		options: channelOptions(CHATS_CALLS),
		routing: { send: { preSend: [channelInPath(CHATS_CALLS)] } },
	},
	{
		displayName: 'Date From',
		name: 'dateFrom',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: only(resource, ...ALL) },
		description: 'Start of the report’s period, sent as date_from in the account time zone',
		routing: {
			send: {
				preSend: [
					sendRequiredDateRange(
						{ parameter: 'dateFrom', label: 'Date From', property: 'date_from' },
						{ parameter: 'dateTo', label: 'Date To', property: 'date_to' },
					),
				],
			},
		},
	},
	{
		displayName: 'Date To',
		name: 'dateTo',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: only(resource, ...ALL) },
		description: 'End of the report’s period, sent as date_to in the account time zone',
	},
	...returnAllAndLimit(only(resource, ...ALL)),
	{
		displayName: 'Options',
		name: 'reportOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: only(resource, ...ALL) },
		options: [
			field('Columns', 'columns', 'columns', 'query', {
				placeholder: 'id,firstname,lastname,answers',
				description: 'Only these columns, separated by commas (LiveAgent’s column names); every column when empty',
			}),
		],
	},
	jsonFieldsParameter(only(resource, ...ALL), {
		displayName: 'Other Parameters (JSON)',
		description: 'Further report parameters as a JSON object, sent in the query. The sources name only the date range, columns and paging.',
	}),
];
