import { DateTime } from 'luxon';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { PollState } from '../shared/polling';
import { advancedSetting, lateArrivalWindow } from '../shared/descriptions';
import { cursorOf, takeUnseen } from '../shared/polling';
import { vendorRequest } from '../shared/transport';
import { listFromEnvelope } from './helpers/output';
import { simplifyChat, toTranscript } from './helpers/transcript';
import { readVendorDate } from './helpers/dates';
import { appLocator } from './helpers/descriptions';
import type { RecordKindName } from './helpers/events';
import { recordId, recordKinds } from './helpers/events';
import { matchesFilters } from './helpers/filters';
import { searchApps } from './methods/listSearch';
import { socialIntentsApi } from './transport';


const DAY = 'yyyy-MM-dd';

/** Advanced: the default catches what the API lists late; it sits under Options. */
const lateArrival = lateArrivalWindow(
	'days',
	'How many days before the newest record each poll looks back, so that records the API lists late (a chat that ends after midnight) are still caught exactly once',
);

export class SocialIntentsPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Social Intents Polling Trigger',
		name: 'socialIntentsPollingTrigger',
		icon: { light: 'file:socialIntents.svg', dark: 'file:socialIntents.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow on new Social Intents chats, missed chats, offline messages or leads, by asking the API at an interval. Choose it for missed chats, or when Social Intents cannot reach your n8n; otherwise the Social Intents Trigger starts at once',
		defaults: { name: 'Social Intents Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'socialIntentsApi', required: true }],
		properties: [
			{
				displayName:
					'Asks Social Intents for new records at the poll interval. When Social Intents can reach this n8n, the Social Intents Trigger (a webhook) starts at once for completed chats, offline messages and leads.',
				name: 'whenToUse',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'chat',
				options: (Object.keys(recordKinds) as RecordKindName[]).map((name) => ({
					name: recordKinds[name].label,
					value: name,
				})),
			},
			appLocator({
				default: { mode: 'list', value: '' },
				description: 'Only records of this app (chat widget); empty for all apps',
			}),
			lateArrival.legacy,
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'simplified',
				displayOptions: { hide: { event: ['lead'] } },
				options: [
					{ name: 'Simplified', value: 'simplified' },
					{ name: 'Raw', value: 'raw' },
					{ name: 'Normalized Transcript', value: 'transcript' },
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [lateArrival.option],
			},
		],
	};

	methods = { listSearch: { searchApps } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as RecordKindName;
		const kind = recordKinds[event];
		if (!kind) throw new NodeOperationError(this.getNode(), `Event "${event}" is not one this trigger knows`);
		const appId = String(this.getNodeParameter('appId', '', { extractValue: true }) ?? '').trim();
		const lateDays = Number(advancedSetting(this, lateArrival.option.name, lateArrival.option.default));
		const state = this.getWorkflowStaticData('node') as PollState;
		const cursorFor = `${event}:${appId}`;
		const cursor = cursorOf(state, cursorFor);

		// Days are counted in UTC on both sides, so the window does not depend on n8n's time zone.
		const from = cursor?.from ?? DateTime.utc().minus({ days: lateDays }).toFormat(DAY);
		const qs: IDataObject = { date_from: from, timezone: 'UTC' };
		if (appId) qs.app_id = appId;
		const body = await vendorRequest.call(this, socialIntentsApi, { method: 'GET', url: kind.path, qs });
		// Records are dated in UTC (the request says so); the API may ignore a filter, so the window and
		// the app are applied to the answer too.
		const dated = listFromEnvelope(body, kind.envelopeKeys)
			.filter((record) => matchesFilters(record, { appId, dateFrom: from, timezone: 'UTC' }, kind.fields))
			.map((record) => ({ record, at: readVendorDate(record[kind.fields.date], 'UTC')?.toMillis() ?? 0 }))
			.sort((a, b) => a.at - b.at);
		const answered = dated.map(({ record }) => record);

		if (this.getMode() === 'manual') {
			// A manual run shows the newest record and leaves the cursor alone.
			const newest = answered[answered.length - 1];
			return newest ? [this.helpers.returnJsonArray([shape.call(this, newest, event)])] : null;
		}

		const newest = dated.length ? dated[dated.length - 1].at : 0;
		const proposedFrom = newest ? DateTime.fromMillis(newest, { zone: 'UTC' }).minus({ days: lateDays }).toFormat(DAY) : undefined;

		const fresh = takeUnseen(state, cursorFor, from, answered, recordId, proposedFrom);
		if (!fresh.length) return null;
		return [this.helpers.returnJsonArray(fresh.map((record) => shape.call(this, record, event)))];
	}
}

function shape(this: IPollFunctions, record: IDataObject, event: RecordKindName): IDataObject {
	const status = recordKinds[event].transcriptStatus;
	if (!status) return record;
	const output = this.getNodeParameter('output', 'simplified') as string;
	if (output === 'raw') return record;
	if (output === 'simplified') return simplifyChat(record);
	return toTranscript(record, 'UTC', status);
}
