import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { withParameters } from './parameterView';

/**
 * Exactly-once polling over a list that a vendor filters by a lower bound (a date or a time).
 *
 * Each poll asks for everything since `from`; an item is new when its id was not in the previous
 * answer. Because `from` only ever moves forward, an item that was answered once and is still in the
 * window is always in `seen`, and anything not yet seen is new: items that share a timestamp and items
 * that arrive late (inside the window) are neither lost nor repeated. The caller saves the next
 * cursor only after the poll has returned its items, so a failed poll repeats instead of skipping.
 */
export interface PollCursor {
	/** The lower bound for the next request, in the vendor's own format. */
	from: string;
	/** Ids the vendor answered in the last poll. */
	seen: string[];
}

export function unseenItems<T>(items: T[], cursor: PollCursor, idOf: (item: T) => string): T[] {
	const seen = new Set(cursor.seen);
	const fresh: T[] = [];
	for (const item of items) {
		const id = idOf(item);
		// A vendor can answer the same item twice in one answer (paging that shifts): emit it once.
		if (!seen.has(id)) fresh.push(item);
		seen.add(id);
	}
	return fresh;
}

/**
 * The cursor after a successful poll. `proposedFrom` is where the caller would move the window
 * (usually the newest item's time minus the late-arrival margin); it never moves back.
 */
export function nextCursor<T>(
	cursor: PollCursor,
	answered: T[],
	idOf: (item: T) => string,
	proposedFrom: string | undefined,
): PollCursor {
	const from =
		proposedFrom !== undefined && proposedFrom > cursor.from ? proposedFrom : cursor.from;
	return { from, seen: [...new Set(answered.map(idOf))] };
}

/** What a polling trigger keeps in its static data. */
export interface PollState {
	/** The settings (event, filters) the cursor was made for: changed settings start afresh. */
	cursorFor?: string;
	cursor?: PollCursor;
}

/** The cursor of the state when it was made for these settings. */
export function cursorOf(state: PollState, cursorFor: string): PollCursor | undefined {
	return state.cursorFor === cursorFor ? state.cursor : undefined;
}

/**
 * One poll's bookkeeping, to call once the answer is complete. The first poll after activation (or
 * after the settings changed) only remembers what exists and returns nothing; later polls return what
 * was not seen (nor in `alsoSeen`: ids a trigger remembers beyond the last answer). The cursor changes
 * only here. Called on the state `pollState` hands out, it reaches the static data only once the poll
 * returned its items; called on the static data itself, only when nothing after it can fail.
 */
export function takeUnseen<T>(
	state: PollState,
	cursorFor: string,
	from: string,
	answered: T[],
	idOf: (item: T) => string,
	proposedFrom: string | undefined,
	alsoSeen: string[] = [],
): T[] {
	const cursor = cursorOf(state, cursorFor);
	state.cursorFor = cursorFor;
	state.cursor = nextCursor(cursor ?? { from, seen: [] }, answered, idOf, proposedFrom);
	return cursor ? unseenItems(answered, { from: cursor.from, seen: [...cursor.seen, ...alsoSeen] }, idOf) : [];
}

/**
 * A trigger's node static data as a working copy, and `save` to write the copy back. The poll works on
 * the copy and calls `save` once its items are ready (after the last request that can fail, such as
 * one that shapes an item): a failed poll leaves the saved cursor where it was, so its items come
 * again. `renamed` moves keys an older version saved under other names (`{ stateFor: 'cursorFor' }`)
 * on first read, so that a workflow active before an upgrade neither loses nor repeats items.
 */
export function pollState<S extends PollState>(
	context: IPollFunctions,
	renamed: Record<string, keyof PollState> = {},
): { state: S; save: () => void } {
	const saved = context.getWorkflowStaticData('node');
	const state = JSON.parse(JSON.stringify(saved)) as IDataObject;
	for (const [old, now] of Object.entries(renamed)) {
		if (state[old] === undefined) continue;
		if (state[now] === undefined) state[now] = state[old];
		delete state[old];
	}
	return {
		state: state as unknown as S,
		save() {
			for (const key of Object.keys(saved)) if (!(key in state) || state[key] === undefined) delete saved[key];
			for (const [key, value] of Object.entries(state)) if (value !== undefined) saved[key] = value;
		},
	};
}

/** What `vendorPoll` keeps under its slot of the node's static data. */
interface VendorPollSlot {
	/** The vendor trigger's own static data. */
	vendor?: IDataObject;
	/** What the caller keeps beside it. */
	own?: IDataObject;
}

/**
 * Runs a vendor trigger's poll() for another trigger (the Live Chat Trigger), with the parameters in
 * `fixed` (`withParameters`) and its state kept under `slot` of the calling node's static data, so
 * that several polls (one per event or channel) keep apart. The vendor poll works on a copy: `save`
 * writes it back, with `own` (the caller's state beside it, changed in place), and the caller calls
 * it only once its items are ready. A manual run saves nothing, as n8n keeps nothing of it.
 * Returns the items' JSON as the vendor poll returned them (none: []).
 */
export async function vendorPoll(
	context: IPollFunctions,
	slot: string,
	fixed: IDataObject,
	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>,
): Promise<{ items: IDataObject[]; own: IDataObject; save: () => void }> {
	const saved = context.getWorkflowStaticData('node');
	const copy = JSON.parse(JSON.stringify(saved[slot] ?? {})) as VendorPollSlot;
	const vendor = copy.vendor ?? {};
	const own = copy.own ?? {};
	const result = await poll.call(withParameters(context, fixed, vendor));
	return {
		items: (result?.[0] ?? []).map((item) => item.json),
		own,
		save() {
			if (context.getMode() !== 'manual') saved[slot] = { vendor, own } as IDataObject;
		},
	};
}
