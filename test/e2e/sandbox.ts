/**
 * Every vendor sandbox: the `sandbox` export of each module in test/simulators/. `npm start` and
 * the e2e tests use the same ones, so adding a vendor's simulator adds it to both.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import type { SandboxSpec } from '../simulators/base';

export function sandboxSpecs(): SandboxSpec[] {
	const folder = path.join(__dirname, '..', 'simulators');
	return readdirSync(folder)
		.filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts') && !file.startsWith('base.'))
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		.map((file) => (require(path.join(folder, file)) as { sandbox?: SandboxSpec }).sandbox)
		.filter((spec): spec is SandboxSpec => spec !== undefined)
		.sort((a, b) => a.port - b.port);
}
