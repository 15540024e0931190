import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import type { IDataObject, IHookFunctions, INodeProperties, IWebhookFunctions, IWebhookResponseData, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { advancedSetting, movedToOptions } from './descriptions';
import { isNotFound } from './errors';

/**
 * The static data a webhook trigger keeps about its registration at the vendor. "Listen for test
 * event" registers the test URL while the workflow may be active on its production URL: each keeps its
 * own slot, so that the test's hooks never remove or overwrite the production registration.
 *
 * How the slot is chosen follows what n8n (2.0 and 2.41, webhooks/test-webhooks.ts,
 * active-workflow-manager.ts) hands each method:
 * - hooks: checkExists()/create() run in mode `manual` for a test and `trigger` for production, but
 *   delete() runs in mode `internal` for both. Only the URL tells them apart in every hook (the hook
 *   context gives the `webhook-test/…` URL for a test registration), so the slot whose saved URL is the
 *   hook's URL is used; before create() has saved one, mode `manual` means the test slot.
 * - webhook(): its context always gives the production URL, but runs test deliveries in mode
 *   `manual` and production ones in mode `webhook`.
 */
export function registrationState<T extends object>(context: IHookFunctions | IWebhookFunctions): T {
	const data = context.getWorkflowStaticData('node');
	const manual = context.getMode() === 'manual';
	let key: 'test' | 'production' = manual ? 'test' : 'production';
	if (!('getRequestObject' in context)) {
		const url = context.getNodeWebhookUrl('default');
		const saved = (['test', 'production'] as const).find(
			(slot) => url !== undefined && (data[slot] as { url?: unknown } | undefined)?.url === url,
		);
		if (saved) key = saved;
	}
	return (data[key] ??= {}) as T;
}

/**
 * Sends the removal of a registration at the vendor. Returns true when it removed something, false
 * when the vendor had nothing there (404): already gone is what the caller wanted. Any other failure
 * is thrown as a NodeApiError.
 */
export async function removeIfThere(context: IHookFunctions, remove: () => Promise<unknown>): Promise<boolean> {
	try {
		await remove();
		return true;
	} catch (error) {
		if (isNotFound(error)) return false;
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
}

/** A fresh random secret for one webhook registration. */
export function newWebhookSecret(): string {
	return randomBytes(24).toString('hex');
}

/** Compares a received secret with the registered one in constant time. */
export function secretsMatch(received: unknown, expected: unknown): boolean {
	if (typeof received !== 'string' || typeof expected !== 'string' || expected === '') return false;
	const a = Buffer.from(received);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Answers a delivery that failed verification or cannot be read, and starts no execution.
 * The message says what was wrong with the request, never what was expected.
 */
export function rejectDelivery(
	this: IWebhookFunctions,
	status: number,
	message: string,
): IWebhookResponseData {
	this.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

/** What one trigger accepts as a delivery; `checkDelivery` checks it. */
export interface DeliveryRules<T> {
	/** Whether the content type is one the trigger reads; `refusal` says what it expected (415). */
	contentType: { accepts: (this: IWebhookFunctions) => boolean; refusal: string };
	/** The secret the sender sent (a query parameter, a body field) and the one stored at registration (401). */
	secret: { received: (this: IWebhookFunctions) => unknown; expected: unknown };
	/** Checks the secret before the content type: only a sender the secret proves learns which types are read. */
	secretFirst?: boolean;
	/** The delivery's content, or undefined when it is not what the vendor sends; `refusal` says what was expected (400). */
	content: { read: (this: IWebhookFunctions) => T | undefined; refusal: string };
}

/**
 * The check every webhook trigger makes of a delivery before it looks at what happened: content type
 * (415), secret (401; before the type when `secretFirst`), readable content (400). Returns the answer
 * already sent for a refused delivery (`rejectDelivery`), else the content. Repeats are checked later
 * (`refuseReplay`), once the trigger has dropped the events it does not listen to.
 */
export function checkDelivery<T>(
	context: IWebhookFunctions,
	rules: DeliveryRules<T>,
): { refused: IWebhookResponseData } | { content: T } {
	const checks: Array<[number, string, () => boolean]> = [
		[415, rules.contentType.refusal, () => rules.contentType.accepts.call(context)],
		[401, 'Unknown sender', () => secretsMatch(rules.secret.received.call(context), rules.secret.expected)],
	];
	if (rules.secretFirst) checks.reverse();
	for (const [status, message, passes] of checks) {
		if (!passes()) return { refused: rejectDelivery.call(context, status, message) };
	}
	const content = rules.content.read.call(context);
	if (content === undefined) return { refused: rejectDelivery.call(context, 400, rules.content.refusal) };
	return { content };
}

/**
 * How long an accepted delivery is remembered by default. Short on purpose: none of the vendors sends a
 * delivery ID, so an event that can truly repeat word for word (an agent's status going back and forth)
 * would be lost inside the window.
 */
export const DEFAULT_REPEAT_WINDOW_MINUTES = 10;

/** The trigger setting of the replay window: an advanced one, in the trigger's Options collection. */
const repeatWindow = movedToOptions({
	displayName: 'Ignore Repeats Within (Minutes)',
	name: 'ignoreRepeatsWithinMinutes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_REPEAT_WINDOW_MINUTES,
	description:
		'A delivery identical to one accepted this many minutes earlier starts no execution (the vendor sending it again, or a replay). 0 turns this off.',
});
export const repeatWindowOption = repeatWindow.option;
/** Where workflows saved before the move keep the setting. */
export const repeatWindowLegacyProperty = repeatWindow.legacy;

/** An Options collection holding only the replay window, for a trigger that has no other options. */
export const repeatWindowOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [repeatWindowOption],
};

/** At most this many accepted deliveries are remembered per trigger (the oldest are forgotten first). */
export const REPLAY_MEMORY = 500;
/** At most this many triggers are remembered (the one that received nothing for longest goes first). */
const REPLAY_TRIGGERS = 200;

/** [fingerprint, time accepted in ms]. */
type SeenDelivery = [string, number];

/**
 * Accepted deliveries per trigger, in this n8n process. Not in the workflow's static data: n8n (2.41)
 * does not save static data changed in webhook() when the delivery starts an execution (its workflow
 * runner wraps the same static-data object again, which clears the change flag before n8n saves).
 */
const acceptedDeliveries = new Map<string, SeenDelivery[]>();

/**
 * True when the delivery says it is JSON. Every vendor here but Alive5 documents JSON deliveries; anything else is either not
 * parsed by n8n at all or parsed into a shape no vendor sends (a form, plain text, XML).
 */
export function isJsonDelivery(this: IWebhookFunctions): boolean {
	return deliveryMediaType.call(this) === 'application/json';
}

/** A delivery's media type, lower case without parameters (`charset`); '' when none was sent. */
export function deliveryMediaType(this: IWebhookFunctions): string {
	return String(this.getHeaderData()['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * What a vendor that documents no content type for its deliveries may send (Alive5): JSON, JSON as
 * plain text or as bytes without a type, or a form. n8n (2.41, its body parser) refuses broken JSON
 * itself, parses XML, and leaves multipart alone: those stay refused.
 */
export const UNDOCUMENTED_DELIVERY_TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', ''];

/**
 * A delivery's content, read whatever its content type. n8n hands webhook() parsed JSON for
 * application/json, an object of strings for a form, the text for text/plain, and no body (or `{}`)
 * for any other or no content type (the bytes stay on the request as `rawBody`). JSON text is parsed; a form's
 * fields are taken as they are. Undefined when nothing readable arrived.
 */
export function deliveryContent(this: IWebhookFunctions): unknown {
	const body = this.getBodyData() as unknown;
	const parse = (text: string): unknown => {
		try {
			return JSON.parse(text.replace(/^\uFEFF/, ''));
		} catch {
			return undefined;
		}
	};
	if (typeof body === 'string') return parse(body);
	// n8n leaves the body unset (or `{}`) for a type it does not parse: the bytes tell.
	const unset =
		body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
	if (!unset) return body;
	const raw = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw) && raw.length) return parse(raw.toString('utf8'));
	if (typeof raw === 'string' && raw !== '') return parse(raw);
	return body;
}

/** The JSON of a value with object keys sorted, so that key order does not change a fingerprint. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** A short fingerprint of a delivery's content (none of our vendors sends a delivery ID or time). */
export function deliveryFingerprint(content: unknown): string {
	return createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 32);
}

/**
 * Remembers an accepted delivery. A delivery with the same content to the same trigger within the
 * trigger's repeat window is answered 200 without starting the workflow: a replay by someone who captured it, or
 * the vendor sending it again. Returns the answer for a repeat, or undefined when the delivery is new.
 * Test deliveries (“Listen for test event”) are remembered apart from production ones.
 */
export function refuseReplay(this: IWebhookFunctions, content: unknown): IWebhookResponseData | undefined {
	const windowMs = Number(advancedSetting(this, repeatWindowOption.name, DEFAULT_REPEAT_WINDOW_MINUTES)) * 60_000;
	if (!(windowMs > 0)) return undefined;
	const now = Date.now();
	const node = this.getNode();
	const trigger = `${this.getMode()}:${this.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
	const fingerprint = deliveryFingerprint(content);
	const recent = (acceptedDeliveries.get(trigger) ?? []).filter(([, at]) => now - at < windowMs);
	if (recent.some(([known]) => known === fingerprint)) {
		return { webhookResponse: { message: 'Already received' } };
	}
	recent.push([fingerprint, now]);
	acceptedDeliveries.delete(trigger);
	acceptedDeliveries.set(trigger, recent.slice(-REPLAY_MEMORY));
	if (acceptedDeliveries.size > REPLAY_TRIGGERS) acceptedDeliveries.delete(acceptedDeliveries.keys().next().value as string);
	return undefined;
}
