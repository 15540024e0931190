/**
 * The fault suite's counts. Each test appends JSON lines to the run's ledger (FAULTS_LEDGER, made by
 * globalSetup.ts); test/faults/reporter.js adds them up after jest's own summary.
 */
import { appendFileSync } from 'node:fs';

export interface Counts {
	injected?: number;
	handled?: number;
	lost?: number;
	duplicated?: number;
	sentTwice?: number;
	leaked?: number;
	badInputRequests?: number;
	/** Executions started by forged webhook deliveries (must be 0). */
	forgedRuns?: number;
	requests?: number;
	note?: string;
}

export function record(vendor: string, cls: string, counts: Counts): void {
	const file = process.env.FAULTS_LEDGER;
	if (!file) return; // run outside the fault config: nothing to add up
	appendFileSync(file, `${JSON.stringify({ vendor, cls, ...counts })}\n`);
}

/**
 * Runs one injected-fault case: it counts as injected, and as handled as expected only when every
 * assertion in `body` held. A failing assertion still fails the test.
 */
export async function faultCase(vendor: string, cls: string, body: () => Promise<void>, injected = 1): Promise<void> {
	try {
		await body();
	} catch (error) {
		record(vendor, cls, { injected, handled: 0, note: firstLine(error) });
		throw error;
	}
	record(vendor, cls, { injected, handled: injected });
}

export function firstLine(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	// jest's matcher messages carry colour codes and several lines: keep the gist
	return text.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((line) => line.trim()).slice(0, 3).join(' | ').slice(0, 300);
}
