import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { advancedSetting, lateArrivalWindow } from '../shared/descriptions';
import type { PollState } from '../shared/polling';
import { cursorOf, pollState, takeUnseen } from '../shared/polling';
import { vendorRequest } from '../shared/transport';
import type { MessageCursor } from './helpers/poll';
import {
	createdAt,
	messageCursorAfter,
	recordId,
	recordsSince,
	ticketSignature,
	unseenMessages,
	watchedRecords,
} from './helpers/poll';
import { toTranscript } from './helpers/transcript';
import { fiveChatApi } from './transport';

type EventName = 'newConversation' | 'conversationClosed' | 'newTicket' | 'ticketStatusChanged' | 'newTicketMessage';

/**
 * `cursorFor` is the event (and watch size) the state was made for: a changed trigger starts afresh.
 * New records go by the shared cursor; changes of watched records by what each event keeps here.
 */
interface FiveChatState extends PollState {
	floor?: string;
	/** conversationClosed: `token@closedAt` of the watched conversations that are closed. */
	closed?: string[];
	/** ticketStatusChanged: status of each watched ticket. */
	statuses?: Record<string, string>;
	/** newTicketMessage: message cursor of each watched ticket. */
	messages?: Record<string, MessageCursor>;
}

const EVENTS: Array<{ name: string; value: EventName; description: string }> = [
	{ name: 'Conversation Closed', value: 'conversationClosed', description: 'A conversation among the newest watched ones is closed' },
	{ name: 'New Conversation', value: 'newConversation', description: 'A conversation starts' },
	{ name: 'New Ticket', value: 'newTicket', description: 'A ticket is created (PRO plan)' },
	{ name: 'New Ticket Message', value: 'newTicketMessage', description: 'A message is added to a watched ticket (PRO plan)' },
	{ name: 'Ticket Status Changed', value: 'ticketStatusChanged', description: 'A watched ticket changes status (PRO plan)' },
];

/** Advanced: the default catches what the API lists late; it sits under Options. */
const lateArrival = lateArrivalWindow(
	'minutes',
	'How far before the newest record each poll looks back, so that records 5chat lists a little late are still caught exactly once',
	{ '/event': ['newConversation', 'newTicket'] },
);

export class FiveChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '5chat Trigger',
		name: 'fiveChatTrigger',
		icon: { light: 'file:fiveChat.svg', dark: 'file:fiveChat.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on 5chat conversations and tickets, by asking the API at an interval (5chat has no webhooks)',
		defaults: { name: '5chat Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fiveChatApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newConversation',
				options: EVENTS,
			},
			lateArrival.legacy,
			{
				displayName: 'Records to Watch',
				name: 'watch',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				default: 100,
				displayOptions: { show: { event: ['conversationClosed', 'ticketStatusChanged', 'newTicketMessage'] } },
				description:
					'How many of the newest conversations or tickets each poll checks for changes. Every 100 cost one request a poll; older records are not watched.',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'raw',
				displayOptions: { show: { event: ['newConversation', 'conversationClosed'] } },
				options: [
					{ name: 'Raw', value: 'raw', description: 'The conversation as 5chat lists it' },
					{
						name: 'Normalized Transcript',
						value: 'transcript',
						description: 'The transcript shape shared by every vendor in this package (one more request per conversation)',
					},
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

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as EventName;
		if (!EVENTS.some((known) => known.value === event)) {
			throw new NodeOperationError(this.getNode(), `Event "${event}" is not one this trigger knows`);
		}
		const watching = ['conversationClosed', 'ticketStatusChanged', 'newTicketMessage'].includes(event);
		const watch = watching ? (this.getNodeParameter('watch', 100) as number) : 0;
		if (watching && (!Number.isInteger(watch) || watch < 1)) {
			throw new NodeOperationError(this.getNode(), `Records to Watch must be a whole number of at least 1, not ${String(watch)}`);
		}
		// Earlier versions of this trigger saved the settings the state was made for as `stateFor`.
		const { state, save } = pollState<FiveChatState>(this, { stateFor: 'cursorFor' });
		const cursorFor = `${event}:${watch}`;
		const saved: FiveChatState = state.cursorFor === cursorFor ? state : {};
		const manual = this.getMode() === 'manual';

		let emitted: IDataObject[];
		let next: FiveChatState;
		switch (event) {
			case 'newConversation':
			case 'newTicket': {
				const lateMs = Number(advancedSetting(this, lateArrival.option.name, lateArrival.option.default)) * 60_000;
				const path = event === 'newConversation' ? '/conversations' : '/tickets';
				const result = await recordsSince.call(this, path, manual ? undefined : cursorOf(state, cursorFor), lateMs);
				if (manual) return result.newest ? [this.helpers.returnJsonArray([await shape.call(this, event, result.newest)])] : null;
				next = { cursorFor: state.cursorFor, cursor: state.cursor };
				emitted = takeUnseen(next, cursorFor, '', result.answered, recordId, result.proposedFrom);
				emitted.sort((a, b) => createdAt(a).localeCompare(createdAt(b)));
				break;
			}
			case 'conversationClosed': {
				const { records, floor } = await watchedRecords.call(this, '/conversations', watch, saved.floor ?? '');
				const closedNow = records.filter((record) => isClosed(record));
				if (manual) return closedNow[0] ? [this.helpers.returnJsonArray([await shape.call(this, event, closedNow[0])])] : null;
				const key = (record: IDataObject) => `${recordId(record)}@${String(record.closedAt ?? '')}`;
				const known = new Set(saved.closed ?? []);
				emitted = saved.closed ? closedNow.filter((record) => !known.has(key(record))) : [];
				emitted.sort((a, b) => String(a.closedAt ?? '').localeCompare(String(b.closedAt ?? '')));
				next = { floor, closed: closedNow.map(key) };
				break;
			}
			case 'ticketStatusChanged': {
				const { records, floor } = await watchedRecords.call(this, '/tickets', watch, saved.floor ?? '');
				if (manual) return records[0] ? [this.helpers.returnJsonArray([records[0]])] : null;
				const before = saved.statuses;
				emitted = before
					? records
							.filter((ticket) => before[recordId(ticket)] !== undefined && before[recordId(ticket)] !== String(ticket.status))
							.map((ticket) => ({ ...ticket, previousStatus: before[recordId(ticket)] }))
					: [];
				next = { floor, statuses: Object.fromEntries(records.map((ticket) => [recordId(ticket), String(ticket.status)])) };
				break;
			}
			case 'newTicketMessage': {
				const { records, floor } = await watchedRecords.call(this, '/tickets', watch, saved.floor ?? '');
				if (manual) {
					// A manual run shows the newest ticket's latest message and leaves the state alone.
					if (!records[0]) return null;
					const full = await ticketWithMessages.call(this, recordId(records[0]));
					const { messages, ...ticketFields } = full;
					const last = ((Array.isArray(messages) ? messages : []) as IDataObject[]).at(-1);
					return last ? [this.helpers.returnJsonArray([{ ...last, ticket: ticketFields }])] : null;
				}
				const before = saved.messages;
				const cursors: Record<string, MessageCursor> = {};
				emitted = [];
				for (const ticket of records) {
					const id = recordId(ticket);
					const sig = ticketSignature(ticket);
					const cursor = before?.[id];
					if (!before) {
						// First poll: whatever the ticket holds now counts as seen.
						cursors[id] = { sig, at: isoOr(ticket.updatedAt, createdAt(ticket)), ids: [], allAt: true };
						continue;
					}
					if (cursor && sig !== null && cursor.sig === sig) {
						cursors[id] = cursor;
						continue;
					}
					// A ticket created since the last poll: all its messages are new.
					const from: MessageCursor = cursor ?? { sig: null, at: '', ids: [] };
					const full = await ticketWithMessages.call(this, id);
					const messages = (Array.isArray(full.messages) ? full.messages : []) as IDataObject[];
					const ticketFields = { ...full };
					delete ticketFields.messages;
					emitted.push(...unseenMessages(messages, from).map((message) => ({ ...message, ticket: ticketFields })));
					cursors[id] = messageCursorAfter(messages, from, sig);
				}
				emitted.sort((a, b) => createdAt(a).localeCompare(createdAt(b)));
				next = { floor, messages: cursors };
				break;
			}
		}

		const items: IDataObject[] = [];
		for (const record of emitted) items.push(await shape.call(this, event, record));
		// Saved only now that the poll can no longer fail: n8n emits what we return.
		for (const key of Object.keys(state)) delete (state as IDataObject)[key];
		Object.assign(state, next, { cursorFor });
		save();
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}

async function ticketWithMessages(this: IPollFunctions, id: string): Promise<IDataObject> {
	return (await vendorRequest.call(this, fiveChatApi, { method: 'GET', url: `/tickets/${encodeURIComponent(id)}` })) as IDataObject;
}

function isClosed(conversation: IDataObject): boolean {
	return String(conversation.status ?? '').toUpperCase() === 'CLOSED' || Boolean(conversation.closedAt);
}

function isoOr(value: unknown, fallback: string): string {
	const time = typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
	return time && Number.isFinite(time.getTime()) ? time.toISOString() : fallback;
}

async function shape(this: IPollFunctions, event: EventName, record: IDataObject): Promise<IDataObject> {
	if (event !== 'newConversation' && event !== 'conversationClosed') return record;
	if (this.getNodeParameter('output', 'raw') !== 'transcript') return record;
	const token = String(record.token ?? '');
	const full = await vendorRequest.call(this, fiveChatApi, { method: 'GET', url: `/conversations/${encodeURIComponent(token)}` });
	return toTranscript(full as IDataObject);
}
