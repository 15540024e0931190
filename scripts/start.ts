/**
 * `npm start`: the package in a real n8n against local vendor sandboxes. Starts every vendor
 * simulator on its fixed loopback port, installs the freshly packed package into n8n's community
 * nodes folder (.sandbox/ in the repo, kept between runs), imports sandbox credentials and one
 * example workflow per node, starts n8n with an owner account, and prints where to log in.
 * Ctrl-C stops all of it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { fixtures, installN8n, N8nHost, OWNER, packPackage, ROOT } from '../test/e2e/n8n';
import { sandboxSpecs } from '../test/e2e/sandbox';

async function main(): Promise<void> {
	const vendors = sandboxSpecs().map((spec) => ({ spec, simulator: spec.create() }));
	const port = Number(process.env.N8N_PORT ?? 5678);
	const sandbox = path.join(ROOT, '.sandbox');
	mkdirSync(sandbox, { recursive: true });

	const credentials = [];
	for (const { spec, simulator } of vendors) {
		console.log(`${spec.key} sandbox API: ${await simulator.start(spec.port)}`);
		credentials.push(...spec.credentials(simulator));
	}

	const host = new N8nHost(installN8n(), { userFolder: sandbox, port, brokerPort: port + 1001 });
	host.installPackage(packPackage(sandbox));
	await host.importCredentials(credentials);
	await host.importWorkflows(vendors.flatMap(({ spec }) => fixtures(spec.key)));
	await host.start();
	await host.login();

	console.log(`
n8n is running with n8n-nodes-live-chat: ${host.baseUrl}
Log in as ${OWNER.email} / ${OWNER.password}
Credentials named "(sandbox)" point at the local vendor sandboxes; the example workflows use them.
Ctrl-C stops n8n and the sandboxes.`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandboxes…');
		await host.stop();
		for (const { simulator } of vendors) await simulator.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
