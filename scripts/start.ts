/**
 * `npm start`: the package in a real n8n against local vendor sandboxes. Starts every vendor
 * simulator on its fixed loopback port, installs the freshly packed package into n8n's community
 * nodes folder (.sandbox/ in the repo, kept between runs), imports sandbox credentials and one
 * example workflow per node, starts n8n with an owner account, and prints where to log in.
 * Ctrl-C stops all of it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { OWNER, packPackage, ROOT } from '../test/e2e/n8n';
import { sandboxEventCommand, startSandbox } from '../test/e2e/sandbox';

async function main(): Promise<void> {
	const port = Number(process.env.N8N_PORT ?? 5678);
	const folder = path.join(ROOT, '.sandbox');
	mkdirSync(folder, { recursive: true });
	const { host, vendors, openAi, stop } = await startSandbox({
		userFolder: folder,
		port,
		brokerPort: port + 1001,
		tarball: packPackage,
		fixedPorts: true,
		log: (line) => console.log(line),
	});

	console.log(`
n8n is running with n8n-nodes-live-chat: ${host.baseUrl}
Log in as ${OWNER.email} / ${OWNER.password}
Credentials named "(sandbox)" point at the local vendor sandboxes; the example workflows use them.
The AI-agent examples' OpenAI credential points at a local stand-in (${openAi.baseUrl}/v1): no OpenAI key needed.
To make a sandbox send a test event (open the trigger's example workflow, click Execute workflow, then run):
${vendors.flatMap(({ spec }) => spec.testEvents.map((event) => `  ${spec.key}: ${event.what}\n    ${sandboxEventCommand(spec, event)}`)).join('\n')}
Ctrl-C stops n8n and the sandboxes.`);

	let stopping = false;
	const onSignal = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandboxes…');
		await stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void onSignal());
	process.on('SIGTERM', () => void onSignal());
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
