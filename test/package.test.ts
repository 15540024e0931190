/** What every vendor's nodes and the package as a whole must satisfy for n8n and its users. */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { allNodes, credentialFiles, credentialTypes, distPathOf, nodeFiles, ROOT } from './engine/registry';
import { simulatedVendors } from './simulators/base';
import { PLATFORMS } from '../nodes/shared/platforms';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../package.json') as {
	dependencies?: Record<string, string>;
	peerDependencies: Record<string, string>;
	keywords: string[];
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
};

describe('package.json', () => {
	it('lists every node and credential for n8n, and nothing else', () => {
		expect([...manifest.n8n.nodes].sort()).toEqual(nodeFiles.map(distPathOf));
		expect([...manifest.n8n.credentials].sort()).toEqual(credentialFiles.map(distPathOf));
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
	});

	it('has no runtime dependencies and n8n-workflow as a peer', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies['n8n-workflow']).toBeDefined();
		expect(manifest.keywords).toContain('n8n-community-node-package');
	});
});

/**
 * Each vendor's other names in the picker (the brand it moved to, its domain, what it is known for),
 * by its node folder: as its simulator declares them.
 */
const vendorAliases: Record<string, string[]> = Object.fromEntries(
	simulatedVendors().map((vendor) => [vendor.nodeType[0].toUpperCase() + vendor.nodeType.slice(1), vendor.aliases]),
);
// The Live Chat node (issue 21) is found by the name of every platform it serves.
vendorAliases.AnyLiveChat = PLATFORMS.map((platform) => platform.name);

describe.each([...allNodes()])('node %s', (name, node) => {
	const { description } = node;
	const folder = path.dirname(nodeFiles.find((file) => path.basename(file).startsWith(name[0].toUpperCase() + name.slice(1)))!);

	it('has light and dark icons that exist, and a codex file in category Communication', () => {
		const icon = description.icon as { light: string; dark: string };
		for (const file of [icon.light, icon.dark]) expect(existsSync(path.join(folder, file.replace('file:', '')))).toBe(true);
		const codexFile = path.join(folder, `${name[0].toUpperCase()}${name.slice(1)}.node.json`);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const codex = require(codexFile) as { node: string; categories: string[]; alias?: string[] };
		expect(codex.node).toBe(`n8n-nodes-live-chat.${name}`);
		expect(codex.categories).toContain('Communication');
		// n8n's node picker searches the display name and these words: people type what they look for
		expect(codex.alias).toEqual(expect.arrayContaining(['live chat', 'chat', 'helpdesk', 'customer support']));
		expect(codex.alias).toEqual(expect.arrayContaining(vendorAliases[folder.split(path.sep).pop()!]));
	});

	it('uses only credentials the package defines', () => {
		for (const credential of description.credentials ?? []) expect(credentialTypes[credential.name]).toBeDefined();
	});

});

// The vendors' action nodes; the Live Chat node, which dispatches to them from code, is checked in
// test/nodes/AnyLiveChat.
const vendorNodeTypes = new Set(simulatedVendors().map((vendor) => vendor.nodeType));
const actionNodes = [...allNodes()].filter(([name, node]) => !node.description.group.includes('trigger') && vendorNodeTypes.has(name));

describe.each(actionNodes)('action node %s', (_name, node) => {
	const { description } = node;

	it('is declarative, usable as an AI tool, and offers request batching', () => {
		expect(node.execute).toBeUndefined();
		expect(description.requestDefaults?.baseURL).toBeDefined();
		expect(description.usableAsTool).toBe(true);
		expect(description.properties.map((property) => property.name)).toContain('requestOptions');
	});
});

describe.each(Object.entries(credentialTypes))('credential %s', (_name, credential) => {
	it('has a test request and marks secrets as passwords', () => {
		expect(credential.test?.request).toBeDefined();
		const secrets = credential.properties.filter((property) => /token|key|secret|password/i.test(property.name));
		expect(secrets.length).toBeGreaterThan(0);
		for (const property of secrets) expect(property.typeOptions?.password).toBe(true);
	});
});

it('ships a LICENSE and README', () => {
	expect(existsSync(path.join(ROOT, 'LICENSE'))).toBe(true);
	expect(existsSync(path.join(ROOT, 'README.md'))).toBe(true);
});
