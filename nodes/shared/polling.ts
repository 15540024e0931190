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
 * was not seen. The state changes only here, when the poll can no longer fail: n8n emits what the
 * trigger returns.
 */
export function takeUnseen<T>(
	state: PollState,
	cursorFor: string,
	from: string,
	answered: T[],
	idOf: (item: T) => string,
	proposedFrom: string | undefined,
): T[] {
	const cursor = cursorOf(state, cursorFor);
	state.cursorFor = cursorFor;
	state.cursor = nextCursor(cursor ?? { from, seen: [] }, answered, idOf, proposedFrom);
	return cursor ? unseenItems(answered, cursor, idOf) : [];
}
