/**
 * Jest global setup of the runs that start real n8n: packs the package once (tsc, gulp, npm pack) for
 * all their test files, which jest's workers then install from the path in the environment.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PACKED_TARBALL, packPackage } from './e2e/n8n';

export default function packOnce(): void {
	process.env[PACKED_TARBALL] ??= packPackage(mkdtempSync(path.join(tmpdir(), 'n8n-live-chat-pack-')));
}
