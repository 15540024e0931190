/**
 * Exactly once, for one polling trigger: seeded random runs of 1,000 polls in n8n's engine against
 * the vendor's simulator, in phases that are each one activation with its own clock skew between
 * the vendor and n8n. Time is simulated: each poll is minutes after the last (1 to 9, or 5 to 25 for
 * day-based windows), so a run spans days and crosses midnight UTC, which day-based windows care about.
 *
 * What goes wrong on the way, as it does in production:
 * - bursts of items that share one timestamp;
 * - late items: an item whose time is older than the newest one, listed after the trigger's cursor
 *   moved past it. Within the trigger's late-arrival window it must be emitted once; far beyond it,
 *   the README says it is missed, and it is counted as such (never as lost);
 * - transport faults on a poll's first request, and on page 2 of a poll that needs three pages;
 * - static data as n8n keeps it: in memory between polls, written to its database only when a poll
 *   emits (and at activation), reloaded from there on a restart — always as JSON.
 */
import { Settings } from 'luxon';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runPoll } from '../engine/harness';
import type { Fault, Simulator } from '../simulators/base';
import { seededRandom } from '../simulators/base';
import { record } from './ledger';
import type { Credentials, TriggerSpec } from './vendors';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One activation: the vendor's clock minus n8n's, and (for LiveAgent) the account's time zone. */
export interface Phase {
	skewMs: number;
	label: string;
	zone?: string;
}

export const PHASES: Phase[] = [
	{ skewMs: 0, label: 'clocks agree', zone: 'America/Los_Angeles' },
	{ skewMs: 3 * HOUR, label: 'vendor 3 h ahead', zone: 'Asia/Kathmandu' },
	{ skewMs: -3 * HOUR, label: 'vendor 3 h behind', zone: 'UTC' },
	{ skewMs: 7 * MINUTE, label: 'vendor 7 min ahead', zone: 'America/St_Johns' },
	{ skewMs: -50 * MINUTE, label: 'vendor 50 min behind', zone: 'Pacific/Chatham' },
];
export const POLLS_PER_PHASE = 200;
/**
 * Items older than this (vendor time; at least twice the "missed by design" lag) leave the simulator,
 * which keeps its lists short: far below every trigger's window, so the answers do not change.
 */
const pruneAfterMs = (trigger: TriggerSpec) => Math.max(6 * HOUR, 2 * trigger.late.missedBeyondMs);

const TRANSPORT_FAULTS: Array<Omit<Fault, 'method' | 'path'>> = [
	{ kind: 'status', status: 500 },
	{ kind: 'malformed' },
	{ kind: 'reset' },
	{ kind: 'envelopeError', message: 'Injected envelope failure' },
	{ kind: 'html', status: 502 },
	{ kind: 'rateLimit', retryAfterSeconds: 0 },
];
/** Faults that fail a page outright (no retry absorbs them). */
const PAGE_FAULTS: Array<Omit<Fault, 'method' | 'path'>> = [{ kind: 'status', status: 500 }, { kind: 'reset' }, { kind: 'malformed' }];

export interface ExactlyOnceCounts {
	polls: number;
	failedPolls: number;
	items: number;
	emitted: number;
	lost: number;
	duplicated: number;
	strangers: number;
	lateCaught: number;
	lateBeyond: number;
	lateBeyondEmitted: number;
	transportFaults: number;
	/** Page-2 faults injected, and polls that failed on exactly their second page. */
	pageFaults: number;
	pageTwoFailures: number;
	restarts: number;
	requests: number;
	leaks: number;
	/** Simulated time the run spanned. */
	spanMs: number;
	/** Where items were lost, by phase. */
	lostIn: string[];
}

/**
 * Runs the phases and returns the counts. `scan` looks at what a poll handed on (items, error,
 * static data) and returns how many canary leaks it found.
 */
export async function exactlyOnce(
	trigger: TriggerSpec,
	simulator: Simulator,
	credentials: Credentials,
	seed: number,
	scan: (label: string, items: INodeExecutionData[] | null, error?: unknown, staticData?: IDataObject) => number,
): Promise<ExactlyOnceCounts> {
	const random = seededRandom(seed);
	const counts: ExactlyOnceCounts = {
		polls: 0, failedPolls: 0, items: 0, emitted: 0, lost: 0, duplicated: 0, strangers: 0, lateCaught: 0,
		lateBeyond: 0, lateBeyondEmitted: 0, transportFaults: 0, pageFaults: 0, pageTwoFailures: 0, restarts: 0, requests: 0, leaks: 0, lostIn: [], spanMs: 0,
	};
	const timesEmitted = new Map<string, number>();
	const beyondWindow = new Set<string>();
	const listTarget = { method: trigger.list.method, pathPattern: `^${trigger.list.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` };
	const requestsAtStart = simulator.requests.length;
	const [least, most] = trigger.pollMinutes ?? [1, 9];

	// The vendor's clock runs on simulated time; n8n's clock (luxon's, which the triggers read) is the
	// vendor's minus the phase's skew.
	const runStart = Date.now();
	let vendorNow = runStart;
	let skewMs = 0;
	const realNow = Settings.now;
	Settings.now = () => vendorNow - skewMs;
	try {
		for (const phase of PHASES) {
			skewMs = phase.skewMs;
			const spec = { type: trigger.type, parameters: trigger.parameters, credentials: trigger.withZone && phase.zone ? trigger.withZone(simulator, credentials, phase.zone) : credentials };
			/** n8n's copy in memory (the Workflow object between polls) and in its database. */
			let memory: IDataObject = {};
			let database: IDataObject = {};
			const created: string[] = [];
			const emitted: string[] = [];
			/** Newest item time the vendor lists now, and as it was at the last successful poll. */
			let newest = 0;
			let newestAtLastSuccess = 0;
			let newestKnownAtLastSuccess = false;
			let label = 'activation';
			let lastListRequests = 0;

			const add = async (atMs: number, late?: 'caught' | 'beyond') => {
				const id = await trigger.add(simulator, atMs);
				if (late === 'beyond') beyondWindow.add(id);
				else created.push(id);
				if (!late) newest = Math.max(newest, atMs);
			};
			const poll = async (): Promise<boolean> => {
				counts.polls++;
				const before = simulator.requests.length;
				const newestNow = newest;
				const listRequests = () =>
					simulator.requests.slice(before).filter((request) => listTarget.method === request.method && request.path === trigger.list.path).length;
				try {
					const result = await runPoll(spec, memory);
					lastListRequests = listRequests();
					counts.leaks += scan(`poll after ${label}`, result.items, undefined, result.staticData);
					for (const item of result.items ?? []) emitted.push(trigger.idOf(item.json));
					memory = result.staticData;
					// n8n writes static data to its database when a poll emits, not after an empty poll
					if (result.items?.length) database = memory;
					newestAtLastSuccess = newestNow;
					newestKnownAtLastSuccess = newestNow > 0;
					return true;
				} catch (error) {
					counts.failedPolls++;
					counts.leaks += scan(`poll failed after ${label}`, [], error);
					if (label.startsWith('page 2') && listRequests() === 2) counts.pageTwoFailures++;
					return false;
				}
			};

			// Activation: n8n runs the first poll at once (it only remembers what exists) and saves the state.
			if (!(await poll())) throw new Error(`${trigger.type}: the activation poll failed (${phase.label})`);
			database = memory;

			for (let index = 0; index < POLLS_PER_PHASE; index++) {
				vendorNow += Math.floor((least + random() * (most - least)) * MINUTE);
				trigger.prune?.(simulator, vendorNow - pruneAfterMs(trigger));
				label = 'no fault';
				// new items, many sharing one timestamp
				const burst = random() < 0.7 ? 0 : 1 + Math.floor(random() * 3);
				const shared = vendorNow - Math.floor(random() * 30_000);
				for (let i = 0; i < burst; i++) await add(random() < 0.6 ? shared : vendorNow);
				// a late item inside the window: it must be caught
				if (newest && random() < 0.05) {
					await add(newest - Math.floor(random() * trigger.late.caughtWithinMs), 'caught');
					counts.lateCaught++;
				}
				// a late item far beyond the window: the README says it is missed
				if (newestKnownAtLastSuccess && random() < 0.02) {
					await add(newestAtLastSuccess - trigger.late.missedBeyondMs - Math.floor(random() * HOUR), 'beyond');
					counts.lateBeyond++;
				}
				if (trigger.pageSize && (index === 100 || random() < (lastListRequests >= 3 ? 0.02 : 0.003))) {
					// page 2 of a poll that reads three pages or more fails; when the last poll read fewer,
					// a burst of new items makes three pages
					if (lastListRequests < 3) {
						const size = 2 * trigger.pageSize + 1 + Math.floor(random() * (trigger.pageSize / 2));
						const at = vendorNow - Math.floor(random() * 30_000);
						for (let i = 0; i < size; i++) await add(random() < 0.5 ? at : at + i);
					}
					const fault = PAGE_FAULTS[Math.floor(random() * PAGE_FAULTS.length)];
					simulator.inject({ ...listTarget, kind: 'delay', delayMs: 0 });
					simulator.inject({ ...listTarget, ...fault } as Fault);
					counts.pageFaults++;
					label = `page 2 of 3 failing (${fault.kind})`;
				} else if ((index >= 70 && index < 130 && random() < 0.3) || random() < 0.05) {
					const fault = TRANSPORT_FAULTS[Math.floor(random() * TRANSPORT_FAULTS.length)];
					simulator.inject({ ...listTarget, ...fault } as Fault);
					counts.transportFaults++;
					label = fault.kind === 'status' ? `status ${fault.status}` : fault.kind;
				}
				if (random() < 0.03) {
					// n8n restarts: the workflow's static data comes back from the database, as JSON
					memory = JSON.parse(JSON.stringify(database)) as IDataObject;
					counts.restarts++;
					label += ', after a restart';
				}
				await poll();
			}
			// the phase ends with polls that meet no fault (one may still be waiting): two in a row must succeed
			label = 'drain';
			for (let succeeded = 0, tries = 0; succeeded < 2 && tries < 10; tries++) {
				vendorNow += MINUTE;
				succeeded = (await poll()) ? succeeded + 1 : 0;
			}

			const seen = new Map<string, number>();
			for (const id of emitted) seen.set(id, (seen.get(id) ?? 0) + 1);
			const inPhase = new Set(created);
			counts.items += created.length;
			counts.emitted += emitted.length;
			const lost = created.filter((id) => !seen.has(id)).length;
			if (lost) counts.lostIn.push(`${lost} with ${phase.label}`);
			counts.lost += lost;
			for (const [id, times] of seen) {
				const before = timesEmitted.get(id) ?? 0;
				timesEmitted.set(id, before + times);
				counts.duplicated += Math.max(0, before + times - 1) - Math.max(0, before - 1);
				if (beyondWindow.has(id)) counts.lateBeyondEmitted++;
				else if (!inPhase.has(id)) counts.strangers++;
			}
		}
	} finally {
		Settings.now = realNow;
	}
	counts.requests = simulator.requests.length - requestsAtStart;
	counts.spanMs = vendorNow - runStart;
	return counts;
}

/** The counts as one ledger row, and whether they are what the issue asks for. */
export function recordExactlyOnce(vendor: string, trigger: TriggerSpec, counts: ExactlyOnceCounts, seconds: number): void {
	const [least, most] = trigger.pollMinutes ?? [1, 9];
	const injected = counts.transportFaults + counts.pageFaults + counts.restarts + counts.lateCaught + counts.lateBeyond;
	const ok = counts.lost === 0 && counts.duplicated === 0 && counts.strangers === 0 && counts.leaks === 0;
	record(vendor, 'trigger', {
		injected,
		handled: ok ? injected : 0,
		lost: counts.lost,
		duplicated: counts.duplicated,
		requests: counts.requests,
		note:
			`${counts.polls} polls ${least}-${most} min apart (${(counts.spanMs / HOUR).toFixed(0)} h) in ${PHASES.length} activations (skew ${PHASES.map((phase) => phase.label.replace('vendor ', '')).join(' / ')}), ` +
			`${counts.items} items, ${counts.emitted} emitted, ${counts.failedPolls} failed polls ` +
			`(${counts.transportFaults} transport faults, ${counts.pageTwoFailures} of ${counts.pageFaults} page faults failing page 2 of 3 or more), ${counts.restarts} restarts from saved static data, ` +
			`${counts.lateCaught} late items caught; ${counts.lateBeyond} listed more than ${trigger.late.beyondText} late, missed by design (README: ${trigger.late.readme})` +
			`${counts.lateBeyondEmitted ? `, ${counts.lateBeyondEmitted} of them emitted all the same` : ''}; ${seconds.toFixed(1)} s` +
			`${counts.strangers ? `; ${counts.strangers} unexpected IDs` : ''}${counts.lostIn.length ? `; lost: ${counts.lostIn.join(', ')}` : ''}`,
	});
}
