/**
 * One ledger file per run: the fault tests (in jest's workers) append to it, the reporter reads it.
 * The files that start a real n8n install the package packed once here.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import packOnce from '../packOnce';

export default function faultsSetup(): void {
	const file = path.join(tmpdir(), `n8n-live-chat-faults-${process.pid}-${Date.now()}.jsonl`);
	writeFileSync(file, '');
	process.env.FAULTS_LEDGER = file;
	packOnce();
}
