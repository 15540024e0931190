/**
 * Jest global setup of the runs that start real n8n: installs the pinned n8n (once per machine; see
 * scripts/install-n8n.sh) before any test's timeout runs, and packs the package once (tsc, gulp, npm
 * pack) for all their test files, which jest's workers then install from the path in the environment.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { installN8n, PACKED_TARBALL, packPackage } from './e2e/n8n';

export default function packOnce(): void {
	installN8n();
	process.env[PACKED_TARBALL] ??= packPackage(mkdtempSync(path.join(tmpdir(), 'n8n-live-chat-pack-')));
}
