import type { IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { newWebhookSecret, registrationState, removeIfThere, secretsMatch } from './webhook';

/** A registration as the vendor lists it: its ID and the URL it delivers to (with our secret, where the URL carries it). */
export interface ListedRegistration {
	id: string;
	url: string;
}

/** What a trigger is to register now, read from its parameters. */
export interface RegistrationPlan<Item> {
	/** Where the registrations live at the vendor: LiveChat's owner client ID, a Social Intents app, an Alive5 number. */
	scope: string;
	/** One entry per registration (an event or action with what goes with it). */
	items: Item[];
	/** What the registrations were made with, when a change of it must replace them (LiveChat's filters). */
	signature?: string;
}

/**
 * One vendor's webhook registrations, as `webhookLifecycle` needs them. Requests throw the vendor's
 * errors as they come (a 404 is told apart by `isNotFound`).
 */
export interface WebhookVendor<Item> {
	/** The vendor's name in messages and log lines. */
	name: string;
	/** The static-data key of the scope, as saved workflows hold it (`owner`, `appId`, `phoneNumber`). */
	scopeKey: string;
	/** An older slot's single registration ID, read as the first of its registrations (Alive5's `interceptorUuid`). */
	legacyIdKey?: string;
	/** The query parameter carrying our secret in the registered URL, for a vendor that signs nothing. */
	secretQuery?: string;
	/** Reads and checks the trigger's parameters before any request. */
	plan(this: IHookFunctions): Promise<RegistrationPlan<Item>> | RegistrationPlan<Item>;
	/**
	 * Every registration the vendor holds under a scope, read from whatever shape its answer has. Absent
	 * when the vendor cannot list them (Social Intents).
	 */
	list?(this: IHookFunctions, scope: string): Promise<ListedRegistration[]>;
	/** What must hold before registering (LiveChat: license webhooks enabled, room left per action). */
	beforeRegister?(this: IHookFunctions, plan: RegistrationPlan<Item>, url: string): Promise<void>;
	/** Registers one item to `url` (the webhook URL, with our secret where the URL carries it); returns the vendor's answer. */
	register(this: IHookFunctions, scope: string, item: Item, url: string, secret: string): Promise<unknown>;
	/** The new registration's ID in the vendor's answer, undefined when the answer does not show it. */
	idIn(answer: unknown, url: string): string | undefined;
	/** Removes one registration (a 404 means it is gone already). */
	unregister(this: IHookFunctions, scope: string, id: string): Promise<unknown>;
}

/** The registration slot in the trigger's static data (`registrationState`); the scope sits under the vendor's `scopeKey`. */
interface Slot {
	url?: string;
	secret?: string;
	signature?: string;
	registrations?: Array<{ id: string }>;
	[key: string]: unknown;
}

/** A URL in one spelling (query sorted), optionally without the query parameter `drop`. */
function comparable(url: string, drop?: string): string {
	try {
		const parsed = new URL(url);
		if (drop) parsed.searchParams.delete(drop);
		parsed.searchParams.sort();
		return parsed.toString();
	} catch {
		return url;
	}
}

/** Whether two URLs are the same once their queries are sorted (a vendor may list them in another order). */
export function sameUrl(a: string, b: string): boolean {
	return comparable(a) === comparable(b);
}

/**
 * The webhook lifecycle of a trigger (`webhookMethods.default`), written once over a vendor's
 * adapter. The house rule holds for every vendor: the registration bookkeeping finds its own
 * registrations by URL, whatever the answer's shape, and never leaves one behind.
 * - checkExists(): true when the vendor still holds every registration saved in the slot, at the same
 *   scope, URL and signature (and secret, where the URL carries it); anything else of ours is removed
 *   (a registration to our URL we hold no record of, the saved ones for another scope or URL) and the
 *   slot cleared. A vendor that cannot list loses nothing silently: what was saved is removed and
 *   registered afresh, and test registrations ("Listen for test event") are remembered in this
 *   process by URL, since n8n forgets their static data.
 * - create(): registers every item with a new secret; the scope, URL and secret are saved before the
 *   IDs are known. An ID the answer does not show is found by the registered URL in the vendor's list.
 *   When a registration call fails, what was registered before it goes again, and (where the vendor
 *   lists) whatever points at the URL; when an ID cannot be found, the saved URL lets the next
 *   activation or deactivation remove it. Errors are thrown as NodeApiError (NodeOperationError for our own).
 * - delete(): removes the saved registrations (already gone is fine, `removeIfThere`), then whatever
 *   else points at the URL where the vendor lists; clears the slot. A failure is logged and answered
 *   false, as n8n expects of delete().
 */
export function webhookLifecycle<Item>(vendor: WebhookVendor<Item>) {
	const { scopeKey, legacyIdKey, secretQuery } = vendor;
	/** Test registrations of a vendor that cannot list: hook URL → what was registered for it. */
	const remembered = new Map<string, Array<{ scope: string; ids: string[] }>>();

	const hookUrl = (context: IHookFunctions) => context.getNodeWebhookUrl('default') as string;
	const savedIds = (slot: Slot): string[] => {
		const ids = (slot.registrations ?? []).map((registration) => registration.id);
		const legacy = legacyIdKey ? slot[legacyIdKey] : undefined;
		return typeof legacy === 'string' && legacy !== '' && !ids.includes(legacy) ? [legacy, ...ids] : ids;
	};
	const clear = (slot: Slot) => {
		for (const key of ['url', 'secret', 'signature', 'registrations', scopeKey, legacyIdKey]) if (key) delete slot[key];
	};
	const ourUrl = (url: string) => (listed: ListedRegistration) => comparable(listed.url, secretQuery) === comparable(url, secretQuery);
	const secretOf = (listed: ListedRegistration) => {
		try {
			return new URL(listed.url).searchParams.get(secretQuery as string) ?? '';
		} catch {
			return '';
		}
	};

	/** The scope the parameters name now, or undefined when they name none. */
	async function currentScope(context: IHookFunctions): Promise<string | undefined> {
		try {
			return (await vendor.plan.call(context)).scope;
		} catch {
			return undefined;
		}
	}

	async function removeIds(context: IHookFunctions, scope: string, ids: string[]): Promise<void> {
		for (const id of ids) await removeIfThere(context, async () => await vendor.unregister.call(context, scope, id));
	}

	/** Removes the registrations of `ids` and, where the vendor lists, every other one pointing at `url`. */
	async function removeAll(context: IHookFunctions, scope: string, url: string, ids: string[]): Promise<void> {
		await removeIds(context, scope, ids);
		if (!vendor.list) return;
		const others = (await vendor.list.call(context, scope)).filter(ourUrl(url)).filter((listed) => !ids.includes(listed.id));
		await removeIds(context, scope, others.map((listed) => listed.id));
	}

	async function removeRemembered(context: IHookFunctions): Promise<void> {
		const url = hookUrl(context);
		const tests = remembered.get(url) ?? [];
		remembered.delete(url);
		for (const { scope, ids } of tests) await removeIds(context, scope, ids);
	}

	return {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			const plan = await vendor.plan.call(this);
			const slot = registrationState<Slot>(this);
			const url = hookUrl(this);
			const saved = typeof slot[scopeKey] === 'string' ? (slot[scopeKey] as string) : undefined;
			const ids = savedIds(slot);
			if (!vendor.list) {
				// The vendor cannot list, so a registration it lost looks like one it holds: remove what we
				// registered (already gone is fine) and register afresh, never twice.
				if (saved !== undefined) await removeIds(this, saved, ids);
				clear(slot);
				if (this.getMode() === 'manual') await removeRemembered(this);
				return false;
			}
			if (saved !== undefined && (saved !== plan.scope || slot.url !== url || slot.signature !== plan.signature)) {
				// Registrations for another scope, URL or configuration would deliver twice or to the wrong place.
				await removeAll(this, saved, slot.url ?? url, ids);
				clear(slot);
				ids.length = 0;
			}
			const ours = (await vendor.list.call(this, plan.scope)).filter(ourUrl(url));
			const held = (id: string) =>
				ours.some((listed) => listed.id === id && (!secretQuery || secretsMatch(secretOf(listed), slot.secret)));
			const current = ids.length > 0 && ids.every(held);
			// Ours but not what we hold (static data lost, a half registration): it must go. What the list
			// does not show of what we hold goes by ID (the answer may hide it).
			const stray = ours.map((listed) => listed.id).filter((id) => !(current && ids.includes(id)));
			await removeIds(this, plan.scope, current ? stray : [...stray, ...ids.filter((id) => !stray.includes(id))]);
			if (!current) clear(slot);
			return current;
		},

		async create(this: IHookFunctions): Promise<boolean> {
			const plan = await vendor.plan.call(this);
			const slot = registrationState<Slot>(this);
			const url = hookUrl(this);
			await vendor.beforeRegister?.call(this, plan, url);
			const secret = newWebhookSecret();
			const target = new URL(url);
			if (secretQuery) target.searchParams.set(secretQuery, secret);
			const registeredUrl = secretQuery ? target.toString() : url;
			const registrations: Array<{ id: string }> = [];
			// Saved before the IDs are known: a later activation or deactivation then removes what is left by its URL.
			clear(slot);
			Object.assign(slot, { [scopeKey]: plan.scope, url, secret, signature: plan.signature, registrations });
			for (const item of plan.items) {
				let registered = false;
				try {
					const answer = await vendor.register.call(this, plan.scope, item, registeredUrl, secret);
					registered = true;
					let id = vendor.idIn(answer, registeredUrl);
					if (id === undefined && vendor.list) {
						const known = registrations.map((registration) => registration.id);
						id = (await vendor.list.call(this, plan.scope)).find(
							(listed) => sameUrl(listed.url, registeredUrl) && !known.includes(listed.id),
						)?.id;
					}
					if (id === undefined) {
						throw new NodeOperationError(
							this.getNode(),
							vendor.list
								? `${vendor.name} registered the webhook, but neither its answer nor the look-up of ${plan.scope} shows it`
								: `${vendor.name} registered a webhook but returned no ID`,
							vendor.list ? { description: 'Deactivating the workflow, or activating it again, removes the registration by its URL.' } : {},
						);
					}
					registrations.push({ id });
				} catch (error) {
					// Leave nothing half-registered behind. A failed call may still have registered (only
					// its URL finds it); an ID not found stays saved by URL for the next activation.
					try {
						await removeIds(this, plan.scope, registrations.map((registration) => registration.id));
						registrations.length = 0;
						if (!registered && vendor.list) await removeAll(this, plan.scope, url, []);
					} catch (cleanupError) {
						this.logger.warn(`${vendor.name} webhook clean-up failed: ${(cleanupError as Error).message}`);
					}
					if (error instanceof NodeOperationError) throw new NodeOperationError(this.getNode(), error);
					throw new NodeApiError(this.getNode(), error as JsonObject);
				}
			}
			if (!vendor.list && this.getMode() === 'manual') {
				// n8n keeps a test registration's static data only for the listen and may run create() more
				// than once for one listen (n8n 2.41.1: three registrations, one delete).
				const tests = remembered.get(url) ?? [];
				remembered.set(url, [...tests, { scope: plan.scope, ids: registrations.map((registration) => registration.id) }]);
			}
			return true;
		},

		async delete(this: IHookFunctions): Promise<boolean> {
			const slot = registrationState<Slot>(this);
			try {
				// Without a saved registration, a vendor that lists is looked at all the same: one whose
				// activation failed half-way is removed by its URL.
				const scope = typeof slot[scopeKey] === 'string' ? (slot[scopeKey] as string) : vendor.list ? await currentScope(this) : undefined;
				if (scope) await removeAll(this, scope, slot.url ?? hookUrl(this), savedIds(slot));
				if (!vendor.list) await removeRemembered(this);
			} catch (error) {
				this.logger.warn(`${vendor.name} webhook registrations could not be removed: ${(error as Error).message}`);
				return false;
			}
			clear(slot);
			return true;
		},
	};
}
