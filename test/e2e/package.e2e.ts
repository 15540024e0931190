/**
 * How n8n loads the package at start-up: from dist/known and dist/types (n8n-generate-metadata in the
 * build), without requiring a node or credential file until a workflow uses one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { allNodes } from '../engine/registry';
import type { Simulator } from '../simulators/base';
import { N8nHost } from './n8n';
import { sandboxSpecs } from './sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../../package.json') as { name: string; n8n: { nodes: string[]; credentials: string[] } };

let host: N8nHost;
/** Every vendor's simulator, with the sandbox credentials n8n holds for it (n8n tests only credentials it holds). */
const sandboxes = sandboxSpecs().map((spec) => ({ spec, simulator: spec.create() as Simulator }));

beforeAll(async () => {
	for (const { simulator } of sandboxes) await simulator.start();
	host = await N8nHost.withPackage();
	host.extraEnv = { N8N_LOG_LEVEL: 'debug' };
	await host.importCredentials(sandboxes.flatMap(({ spec, simulator }) => spec.credentials(simulator)));
	await host.start();
});

afterAll(async () => {
	await host?.stop();
	for (const { simulator } of sandboxes) await simulator.stop();
});

/** Every path answers HTTP 200 with a web page: a vendor's web app pasted instead of its API address. */
async function webApp(): Promise<{ server: Server; url: string }> {
	const server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end('<!doctype html><html><body>Sign in</body></html>');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the package in real n8n', () => {
	it('is lazy-loaded: n8n lists every node and credential from the metadata it ships', async () => {
		// n8n logs at debug level which loader took each package; a fallback to requiring every file says "Can't enable lazy-loading"
		const plain = host.log.replace(/\x1b\[[0-9;]*m/g, '');
		const line = plain.split('\n').find((entry) => entry.includes(`Lazy-loading nodes and credentials from ${manifest.name}`));
		expect(line).toBeDefined();
		expect(line).toContain(`"nodes": ${manifest.n8n.nodes.length}`);
		expect(line).toContain(`"credentials": ${manifest.n8n.credentials.length}`);
		expect(plain).not.toContain("Can't enable lazy-loading");

		// what the editor is given, read from dist/types
		await host.login();
		const response = await host.get('/types/nodes.json');
		expect(response.status).toBe(200);
		const types = (await response.json()) as Array<{ name: string }>;
		const served = new Set(types.map((type) => type.name).filter((name) => name.startsWith(`${manifest.name}.`)));
		// every action node also as an AI tool (usableAsTool), which n8n derives from the same metadata: each
		// vendor's, and the Live Chat node
		const tools = [...served].filter((name) => name.endsWith('Tool'));
		expect(served.size - tools.length).toBe(manifest.n8n.nodes.length);
		const usableAsTool = [...allNodes()].filter(([, node]) => node.description.usableAsTool).map(([name]) => name);
		for (const { spec } of sandboxes) expect(usableAsTool).toContain(spec.nodeType);
		expect(tools.sort()).toEqual(usableAsTool.map((name) => `${manifest.name}.${name}Tool`).sort());
	});

	it('tests every credential type as the editor does (POST /rest/credentials/test): wrong address and wrong key fail, saying which', async () => {
		await host.login();
		const page = await webApp();
		try {
			const answers: Record<string, string[]> = {};
			for (const { spec, simulator } of sandboxes) {
				for (const credential of spec.credentials(simulator)) {
					const test = async (data: Record<string, unknown>) =>
						(await host.rest<{ status: string; message: string }>('POST', '/credentials/test', { credentials: { ...credential, data } })).data;
					const addressField = 'url' in credential.data ? 'url' : 'baseUrl';
					const right = await test(credential.data);
					const wrongAddress = await test({ ...credential.data, [addressField]: page.url });
					(answers[credential.type] ??= []).push(`${right.status}`, `${wrongAddress.status}: ${wrongAddress.message}`);
					expect({ type: credential.type, right: right.status }).toEqual({ type: credential.type, right: 'OK' });
					expect({ type: credential.type, ...wrongAddress }).toEqual({ type: credential.type, status: 'Error', message: expect.stringMatching(/^Wrong address: .* web page/) });
					const refusal = spec.keyRefusedInBody;
					if (refusal) {
						// a vendor refusing the key inside an HTTP 200 (Alive5: FACTS.md)
						refusal.set(simulator, true);
						const refused = await test({ ...credential.data, [spec.secretField]: 'not-the-key' });
						refusal.set(simulator, false);
						expect(refused).toEqual({ status: 'Error', message: refusal.message });
						expect(JSON.stringify(refused)).not.toContain('not-the-key');
					}
				}
			}
			expect(Object.keys(answers).length).toBeGreaterThanOrEqual(5);
		} finally {
			page.server.close();
		}
	});
});
