import { DateTime } from 'luxon';
import type {
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { PollState } from '../shared/polling';
import { advancedSetting, lateArrivalWindow } from '../shared/descriptions';
import { cursorOf, pollState, takeUnseen } from '../shared/polling';
import { meetsConversationQuery } from './helpers/conversationQuery';
import { accountZone, earliestInstant, wallClockFloor } from './helpers/dates';
import { departmentParameter, DROPDOWN_HINT } from './helpers/descriptions';
import { getDepartments } from './methods/loadOptions';
import { conversationPaging, customerPaging } from './helpers/paging';
import { listOf } from './helpers/output';
import { flatMessages, messageGroups } from './helpers/transcript';
import { vendorRequest } from '../shared/transport';
import { liveAgentApi } from './transport';
import { eachPage, repeatsOnly } from '../shared/pagination';

type EventName = 'newConversation' | 'conversationChanged' | 'newMessage' | 'newCustomer';

/**
 * The shared cursor (`cursorFor`: the event and filters; `cursor.from`: an ISO instant in UTC, `seen`
 * the keys of the last answer), and what LiveAgent's clock needs beside it.
 */
interface TriggerState extends PollState {
	/** Keys emitted lately, with the earliest instant their time can mean (ms). */
	recent?: Record<string, number>;
	/** Status changes only: the last status seen per conversation. */
	statusOf?: Record<string, string>;
}

/** How long emitted keys are remembered beyond the window: covers a clock that went back an hour. */
const MEMORY_MS = 3 * 3600_000;
/**
 * How far back the first poll asks. Not just the late-arrival window: LiveAgent's clock may be
 * behind n8n's, and records it dates before n8n's "now" would otherwise fall below the cursor for
 * good. Once records are answered, the cursor follows their times, not n8n's clock.
 */
const FIRST_LOOK_BACK = { days: 1 };
const STATUS_MEMORY = 5000;

/** Advanced: the default catches what the API lists late; it sits under Options. */
const lateArrival = lateArrivalWindow(
	'minutes',
	'How far before the newest record each poll looks back, so that records LiveAgent lists late are still caught exactly once',
);

export class LiveAgentTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LiveAgent Trigger',
		name: 'liveAgentTrigger',
		icon: { light: 'file:liveAgent.svg', dark: 'file:liveAgent.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on new or changed LiveAgent conversations, new messages or new customers, by asking the API at an interval',
		defaults: { name: 'LiveAgent Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'liveAgentApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'newConversation',
				options: [
					{ name: 'Conversation Changed', value: 'conversationChanged', description: 'A conversation changed (of the department or owner, when given)' },
					{ name: 'New Conversation', value: 'newConversation', description: 'A conversation was created (in the department or for the owner, when given)' },
					{ name: 'New Customer', value: 'newCustomer', description: 'A customer was created' },
					{ name: 'New Message', value: 'newMessage', description: 'A message was added to one conversation' },
				],
			},
			{
				...departmentParameter({ show: { event: ['newConversation', 'conversationChanged'] } }),
				description: `Only conversations of this department; every department when empty. ${DROPDOWN_HINT}.`,
			},
			{
				displayName: 'Owner',
				name: 'owner',
				type: 'string',
				default: '',
				placeholder: 'name@email.com',
				displayOptions: { show: { event: ['newConversation', 'conversationChanged'] } },
				description: 'Only conversations of this owner (email); every owner when empty',
			},
			{
				displayName: 'Changes',
				name: 'changes',
				type: 'options',
				default: 'any',
				displayOptions: { show: { event: ['conversationChanged'] } },
				options: [
					{ name: 'Any Change', value: 'any', description: 'Every time the conversation’s date of last change moves' },
					{ name: 'Status Changes Only', value: 'status', description: 'When the status differs from the one the trigger saw last' },
				],
			},
			{
				displayName: 'Conversation ID',
				name: 'conversationId',
				type: 'string',
				default: '',
				required: true,
				displayOptions: { show: { event: ['newMessage'] } },
				description: 'The conversation’s ID, code or public URL code',
			},
			lateArrival.legacy,
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
		const zone = accountZone(await this.getCredentials('liveAgentApi'));
		const lateMinutes = Number(advancedSetting(this, lateArrival.option.name, lateArrival.option.default));
		const department = String(this.getNodeParameter('department', '') ?? '').trim();
		const owner = String(this.getNodeParameter('owner', '') ?? '').trim();
		const conversationId = String(this.getNodeParameter('conversationId', '') ?? '').trim();
		const changes = event === 'conversationChanged' ? (this.getNodeParameter('changes', 'any') as string) : '';
		if (event === 'newMessage' && !conversationId) {
			throw new NodeOperationError(this.getNode(), 'Conversation ID is required');
		}

		const { state, save } = pollState<TriggerState>(this);
		const cursorFor = JSON.stringify([event, department, owner, conversationId, changes, zone]);
		const known = state.cursorFor === cursorFor;
		const cursor = cursorOf(state, cursorFor);
		const now = DateTime.utc();
		const margin = { minutes: lateMinutes, seconds: 1 };
		const from = cursor ? DateTime.fromISO(cursor.from, { zone: 'utc' }) : now.minus(FIRST_LOOK_BACK);
		const floor = wallClockFloor(from, now, zone);

		const spec = events[event];
		const answered = (await spec.fetch.call(this, { floor, department, owner, conversationId }))
			.filter((item) => String(item[spec.timeField] ?? '') >= floor)
			.map((item) => ({ item, at: earliestInstant(item[spec.timeField], zone)?.toMillis() ?? 0 }))
			.sort((a, b) => a.at - b.at);
		const keyOf = (entry: { item: IDataObject }) => spec.key(entry.item);

		if (this.getMode() === 'manual') {
			const newest = answered[answered.length - 1];
			return newest ? [this.helpers.returnJsonArray([newest.item])] : null;
		}

		const newestAt = answered.length ? answered[answered.length - 1].at : undefined;
		const proposedFrom =
			newestAt === undefined ? undefined : DateTime.fromMillis(newestAt, { zone: 'utc' }).minus(margin).toISO()!;
		const recent = known ? { ...(state.recent ?? {}) } : {};
		const statusOf = known ? { ...(state.statusOf ?? {}) } : {};
		const unseen = takeUnseen(state, cursorFor, from.toISO()!, answered, keyOf, proposedFrom, Object.keys(recent));

		let fresh: typeof answered = [];
		if (changes === 'status') {
			for (const { item } of answered) {
				const id = String(item.conversationid);
				const before = statusOf[id];
				if (cursor && before !== undefined && before !== item.status) fresh.push({ item, at: 0 });
				delete statusOf[id];
				statusOf[id] = String(item.status);
			}
			const ids = Object.keys(statusOf);
			for (const id of ids.slice(0, Math.max(0, ids.length - STATUS_MEMORY))) delete statusOf[id];
		} else {
			fresh = unseen;
		}
		for (const entry of fresh) recent[keyOf(entry)] = entry.at;
		const forgetBefore = DateTime.fromISO(state.cursor!.from).toMillis() - MEMORY_MS;
		for (const [key, at] of Object.entries(recent)) if (at < forgetBefore) delete recent[key];

		// Saved only now that the poll can no longer fail: n8n emits what we return.
		state.recent = recent;
		state.statusOf = changes === 'status' ? statusOf : undefined;
		save();
		if (!fresh.length) return null;
		return [this.helpers.returnJsonArray(fresh.map((entry) => entry.item))];
	}
}

interface FetchOptions {
	floor: string;
	department: string;
	owner: string;
	conversationId: string;
}

interface EventSpec {
	timeField: string;
	key: (item: IDataObject) => string;
	fetch: (this: IPollFunctions, options: FetchOptions) => Promise<IDataObject[]>;
}

/**
 * Conversations changed since the floor, of every department and owner unless one is given, page by
 * page (`limit` / `offset`, as Get Many). A page that brings only conversations already received
 * fails the poll rather than looping; rows outside the filters asked for are dropped.
 */
async function changedConversations(this: IPollFunctions, options: FetchOptions): Promise<IDataObject[]> {
	const qs: IDataObject = { datechanged: `gte:${options.floor}` };
	if (options.department) qs.department = options.department;
	if (options.owner) qs.owneridentifier = options.owner;
	const rows: IDataObject[] = [];
	const seen = new Set<string>();
	const request: IHttpRequestOptions = { method: 'GET', url: '/conversations', qs: { ...qs } };
	const pages = eachPage(this, liveAgentApi, request, conversationPaging, {
		what: 'LiveAgent conversations',
		recordsOf: (envelope) => listOf((envelope as IDataObject).conversations),
		keyOf: (row) => String(row.conversationid),
	});
	for await (const { records: page } of pages) {
		if (repeatsOnly(seen, page.map((row) => String(row.conversationid)))) {
			throw new NodeOperationError(
				this.getNode(),
				`LiveAgent answered the page from row ${String(request.qs?.offset)} with conversations it had already sent, so the changes cannot be read to their end`,
				{ description: 'This LiveAgent seems to ignore the paging parameters. Choose a department or owner to watch fewer conversations.' },
			);
		}
		rows.push(...page);
	}
	return rows.filter((row) => meetsConversationQuery(row, qs));
}

const events: Record<EventName, EventSpec> = {
	// A new conversation has changed since it was created, so the documented `datechanged gte:`
	// filter answers it; the creation date then tells it from older conversations that changed.
	newConversation: {
		timeField: 'datecreated',
		key: (item) => String(item.conversationid),
		fetch: changedConversations,
	},
	conversationChanged: {
		timeField: 'datechanged',
		key: (item) => `${String(item.conversationid)}@${String(item.datechanged)}`,
		fetch: changedConversations,
	},
	newMessage: {
		timeField: 'datecreated',
		key: (item) => String(item.messageid),
		async fetch(options) {
			const id = encodeURIComponent(options.conversationId);
			const envelope = (await vendorRequest.call(this, liveAgentApi, { method: 'GET', url: `/conversations/${id}/messages` })) as IDataObject;
			return flatMessages(messageGroups(envelope)).map((message) => ({ ...message, conversationid: options.conversationId }));
		},
	},
	newCustomer: {
		timeField: 'datecreated',
		key: (item) => String(item.contactid),
		async fetch(options) {
			const customers: IDataObject[] = [];
			// LiveAgent may ignore `limitfrom` and answer the first page again: that stops the poll
			const request: IHttpRequestOptions = { method: 'GET', url: '/customers', qs: { datecreatedfrom: options.floor } };
			const pages = eachPage(this, liveAgentApi, request, customerPaging, {
				what: 'LiveAgent customers',
				recordsOf: (envelope) => listOf((envelope as IDataObject).customers),
				keyOf: (row) => String(row.contactid),
			});
			for await (const page of pages) customers.push(...page.records);
			return customers;
		},
	},
};

