/**
 * How n8n loads the package at start-up: from dist/known and dist/types (n8n-generate-metadata in the
 * build), without requiring a node or credential file until a workflow uses one.
 */
import { N8nHost } from './n8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../../package.json') as { name: string; n8n: { nodes: string[]; credentials: string[] } };

let host: N8nHost;

beforeAll(async () => {
	host = await N8nHost.withPackage();
	host.extraEnv = { N8N_LOG_LEVEL: 'debug' };
	await host.start();
});

afterAll(async () => {
	await host?.stop();
});

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
		// each of the 5 action nodes also as an AI tool (usableAsTool), which n8n derives from the same metadata
		const tools = [...served].filter((name) => name.endsWith('Tool'));
		expect(served.size - tools.length).toBe(manifest.n8n.nodes.length);
		expect(tools.sort()).toEqual(['alive5Tool', 'fiveChatTool', 'liveAgentTool', 'liveChatTool', 'socialIntentsTool'].map((tool) => `${manifest.name}.${tool}`));
	});
});
