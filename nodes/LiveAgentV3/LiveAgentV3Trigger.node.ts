import { DateTime } from 'luxon';
import type { IDataObject, IHttpRequestOptions, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { advancedSetting, lateArrivalWindow } from '../shared/descriptions';
import { eachPage } from '../shared/pagination';
import type { PollState } from '../shared/polling';
import { cursorOf, pollState, takeUnseen } from '../shared/polling';
import { accountZone, earliestInstant, wallClockFloor } from '../LiveAgent/helpers/dates';
import { recordsOf } from './helpers/output';
import { v3Paging } from './helpers/paging';
import { getDepartments } from './methods/loadOptions';
import { liveAgentV3Api } from './transport';

type EventName = 'newTicket' | 'ticketChanged' | 'newContact' | 'newChat';

/** The shared cursor, and the keys emitted lately with the earliest instant their time can mean (ms). */
interface TriggerState extends PollState {
	recent?: Record<string, number>;
}

/** How long emitted keys are remembered beyond the window: covers a clock that went back an hour. */
const MEMORY_MS = 3 * 3600_000;
/** How far back the first poll asks: LiveAgent's clock may be behind n8n's (as in LiveAgentTrigger). */
const FIRST_LOOK_BACK = { days: 1 };

const lateArrival = lateArrivalWindow(
	'minutes',
	'How far before the newest record each poll looks back, so that records LiveAgent lists late are still caught exactly once',
);

interface EventSpec {
	/** The list (client: TicketsApi.get_tickets_list, ContactsApi.get_contacts_list, ChatsApi.get_chats_list). */
	url: string;
	/** The column `_filters` compares with the floor, and the record's time. */
	timeField: string;
	key: (item: IDataObject) => string;
	/** Whether the department filter applies, and its column. */
	departmentColumn?: string;
}

const EVENTS: Record<EventName, EventSpec> = {
	newTicket: { url: '/tickets', timeField: 'date_created', key: (item) => String(item.id), departmentColumn: 'departmentid' },
	ticketChanged: { url: '/tickets', timeField: 'date_changed', key: (item) => `${String(item.id)}@${String(item.date_changed)}`, departmentColumn: 'departmentid' },
	newContact: { url: '/contacts', timeField: 'date_created', key: (item) => String(item.id) },
	// ChatInformation names its department `departmentId` (client models/chat_information.py, attribute_map)
	newChat: { url: '/chats', timeField: 'date_created', key: (item) => String(item.id), departmentColumn: 'departmentId' },
};

/**
 * Polls LiveAgent API v3 for new tickets, changed tickets, new contacts or new chats. Each poll asks
 * for the records whose time is at or after the cursor's floor (`_filters` `[[time, ">=", floor]]`,
 * sorted by that time, page by page), and emits each record once, as LiveAgentTrigger does for v1:
 * the cursor (nodes/shared/polling.ts) moves only once the poll's items are ready.
 */
export class LiveAgentV3Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LiveAgent v3 Trigger',
		name: 'liveAgentV3Trigger',
		icon: { light: 'file:liveAgentV3.svg', dark: 'file:liveAgentV3.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on new or changed LiveAgent tickets, new contacts or new chats (API v3), by asking the API at an interval',
		defaults: { name: 'LiveAgent v3 Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'liveAgentV3Api', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'newTicket',
				options: [
					{ name: 'New Chat', value: 'newChat', description: 'A chat started (of the department, when given)' },
					{ name: 'New Contact', value: 'newContact', description: 'A contact was created' },
					{ name: 'New Ticket', value: 'newTicket', description: 'A ticket was created (in the department, when given)' },
					{ name: 'Ticket Changed', value: 'ticketChanged', description: 'A ticket changed (of the department, when given)' },
				],
			},
			{
				displayName: 'Department Name or ID',
				name: 'department',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getDepartments' },
				default: '',
				displayOptions: { show: { event: ['newTicket', 'ticketChanged', 'newChat'] } },
				description: 'Only records of this department; every department when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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

	methods = { loadOptions: { getDepartments } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as EventName;
		const spec = EVENTS[event];
		const zone = accountZone(await this.getCredentials('liveAgentV3Api'));
		const lateMinutes = Number(advancedSetting(this, lateArrival.option.name, lateArrival.option.default));
		const department = spec.departmentColumn ? String(this.getNodeParameter('department', '') ?? '').trim() : '';

		const { state, save } = pollState<TriggerState>(this);
		const cursorFor = JSON.stringify([event, department, zone]);
		const known = state.cursorFor === cursorFor;
		const cursor = cursorOf(state, cursorFor);
		const now = DateTime.utc();
		const from = cursor ? DateTime.fromISO(cursor.from, { zone: 'utc' }) : now.minus(FIRST_LOOK_BACK);
		// the wall-clock text at or below every instant since `from` in the account's zone
		const floor = wallClockFloor(from, now, zone);

		const filters: Array<[string, string, string]> = [[spec.timeField, '>=', floor]];
		if (department) filters.push([spec.departmentColumn!, '=', department]);
		const request: IHttpRequestOptions = {
			method: 'GET',
			url: spec.url,
			qs: { _filters: JSON.stringify(filters), _sortField: spec.timeField, _sortDir: 'ASC' },
		};
		const rows: IDataObject[] = [];
		for await (const page of eachPage(this, liveAgentV3Api, request, v3Paging, { what: `LiveAgent ${spec.url.slice(1)}`, recordsOf, keyOf: spec.key })) {
			rows.push(...page.records);
		}
		const answered = rows
			// a LiveAgent that ignored the filter sends older records: they are not this poll's
			.filter((item) => String(item[spec.timeField] ?? '').replace('T', ' ') >= floor)
			.map((item) => ({ item, at: earliestInstant(String(item[spec.timeField] ?? '').replace('T', ' '), zone)?.toMillis() ?? 0 }))
			.sort((a, b) => a.at - b.at);
		const keyOf = (entry: { item: IDataObject }) => spec.key(entry.item);

		if (this.getMode() === 'manual') {
			const newest = answered[answered.length - 1];
			return newest ? [this.helpers.returnJsonArray([newest.item])] : null;
		}

		const newestAt = answered.length ? answered[answered.length - 1].at : undefined;
		const margin = { minutes: lateMinutes, seconds: 1 };
		const proposedFrom = newestAt === undefined ? undefined : DateTime.fromMillis(newestAt, { zone: 'utc' }).minus(margin).toISO()!;
		const recent = known ? { ...(state.recent ?? {}) } : {};
		const fresh = takeUnseen(state, cursorFor, from.toISO()!, answered, keyOf, proposedFrom, Object.keys(recent));
		for (const entry of fresh) recent[keyOf(entry)] = entry.at;
		const forgetBefore = DateTime.fromISO(state.cursor!.from).toMillis() - MEMORY_MS;
		for (const [key, at] of Object.entries(recent)) if (at < forgetBefore) delete recent[key];

		// Saved only now that the poll can no longer fail: n8n emits what we return.
		state.recent = recent;
		save();
		if (!fresh.length) return null;
		return [this.helpers.returnJsonArray(fresh.map((entry) => entry.item))];
	}
}
