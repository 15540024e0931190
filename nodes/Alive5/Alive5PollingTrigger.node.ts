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
import type { ConversationChannel } from './helpers/transcript';
import { conversationId, shapeConversation } from './helpers/transcript';
import { DATE_FORMAT, LIST_DATES, startMillis, startsWithin } from './helpers/dates';
import { listConversations } from './helpers/paging';

interface ConversationKind {
	label: string;
	path: string;
	channel: ConversationChannel;
	paged: boolean;
}

const KINDS: Record<string, ConversationKind> = {
	sms: { label: 'New SMS Conversation', path: '/conversations/sms', channel: 'sms', paged: false },
	liveChat: { label: 'New Live Chat Conversation', path: '/conversations/livechat', channel: 'web', paged: true },
	fbm: {
		label: 'New Facebook Messenger Conversation',
		path: '/conversations/fbm',
		channel: 'facebook',
		paged: false,
	},
};

/** At most this many pages per poll, so that a wrong page setting cannot loop for ever. */
const MAX_PAGES = 100;

const DAY = 'yyyy-MM-dd';

/** The conversation's start as ISO text (sortable), or '' when it has none. */
function startOf(conversation: IDataObject): string {
	const time = startMillis(conversation);
	return time === undefined ? '' : new Date(time).toISOString();
}

/** Advanced: the default catches what the API lists late; it sits under Options. */
const lateArrival = lateArrivalWindow(
	'days',
	'How many days before the newest conversation each poll looks back, so that conversations the API lists late are still caught exactly once',
);

export class Alive5PollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Alive5 Polling Trigger',
		name: 'alive5PollingTrigger',
		icon: { light: 'file:alive5.svg', dark: 'file:alive5.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow on new Alive5 SMS, live chat or Facebook Messenger conversations, by asking the API at an interval. Choose it for live chat and Messenger, or when Alive5 cannot reach your n8n; inbound SMS start the Alive5 Trigger at once',
		defaults: { name: 'Alive5 Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'alive5Api', required: true }],
		properties: [
			{
				displayName: 'Asks Alive5 for new conversations at the poll interval. For inbound SMS as they arrive, use the Alive5 Trigger (a webhook) instead.',
				name: 'whenToUse',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'sms',
				options: Object.entries(KINDS).map(([value, kind]) => ({ name: kind.label, value })),
			},
			lateArrival.legacy,
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'simplified',
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
				options: [
					{
						displayName: 'Date Format',
						name: 'dateFormat',
						type: 'string',
						default: 'MM-dd-yyyy',
						description: 'How the start date is written, in Luxon tokens (MM-dd-yyyy is what the sources use)',
					},
					{
						displayName: 'First Page Number (Live Chat)',
						name: 'firstPage',
						type: 'options',
						options: [
							{ name: '1 (Documented)', value: 1 },
							{ name: '0 (Zero-Based)', value: 0 },
						],
						default: 1,
					},
					{
						displayName: 'Start Date Parameter Name',
						name: 'startParameter',
						type: 'string',
						default: 'date_start',
						description: 'Query parameter that carries the start date (the sources say date_start; our copy of the reference says date-start)',
					},
					lateArrival.option,
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const kind = KINDS[event];
		if (!kind) throw new NodeOperationError(this.getNode(), `Event "${event}" is not one this trigger knows`);
		const lateDays = Number(advancedSetting(this, lateArrival.option.name, lateArrival.option.default));
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const format = String(options.dateFormat || DATE_FORMAT);
		const startParameter = String(options.startParameter || LIST_DATES.start);
		const firstPage = Number(options.firstPage ?? 1);
		const state = this.getWorkflowStaticData('node') as PollState;
		const cursorFor = `${event}:${startParameter}`;
		const cursor = cursorOf(state, cursorFor);

		// Days are counted in UTC, so the window does not depend on n8n's time zone.
		const from = cursor?.from ?? DateTime.utc().minus({ days: lateDays }).toFormat(DAY);
		const qs: IDataObject = {
			[startParameter]: DateTime.fromFormat(from, DAY, { zone: 'UTC' }).toFormat(format),
		};
		// Alive5 may ignore the start date (the Postman-based docs say /conversations/sms does): older
		// conversations are dropped here too.
		const answered = (await listConversations(this, kind.path, kind.paged, qs, { firstPage, maxPages: MAX_PAGES }))
			.filter((conversation) => startsWithin(conversation, from))
			.sort((a, b) => startOf(a).localeCompare(startOf(b)));
		const output = this.getNodeParameter('output', 'simplified') as string;
		const shape = (conversation: IDataObject) => shapeConversation(conversation, output, kind.channel);

		if (this.getMode() === 'manual') {
			// A manual run shows the newest conversation and leaves the cursor alone.
			const newest = answered[answered.length - 1];
			return newest ? [this.helpers.returnJsonArray([shape(newest)])] : null;
		}

		const newest = answered.length ? startOf(answered[answered.length - 1]) : '';
		const proposedFrom = newest
			? DateTime.fromISO(newest, { zone: 'UTC' }).minus({ days: lateDays }).toFormat(DAY)
			: undefined;

		const fresh = takeUnseen(state, cursorFor, from, answered, conversationId, proposedFrom);
		if (!fresh.length) return null;
		return [this.helpers.returnJsonArray(fresh.map(shape))];
	}

}
