/**
 * The package's nodes and credentials, found on disk (nodes/<Vendor>/*.node.ts,
 * credentials/*.credentials.ts) so that tests run from the sources without a build — or, for the
 * bench, from their compiled copies in .build/; a test checks that package.json lists exactly these.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { DirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType } from 'n8n-workflow';

export const PACKAGE = 'n8n-nodes-live-chat';
export const ROOT = path.resolve(__dirname, '..', '..');

function load<T>(file: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(file) as Record<string, new () => T>;
	const className = path.basename(file).split('.')[0];
	return new exported[className]();
}

/** Source files as their `dist/` paths, the form package.json's n8n section uses. */
export function distPathOf(sourceFile: string): string {
	return path.join('dist', path.relative(ROOT, sourceFile)).replace(/\.(ts|js)$/, '.js');
}

export const nodeFiles = readdirSync(path.join(ROOT, 'nodes'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
	.flatMap((vendor) =>
		readdirSync(path.join(ROOT, 'nodes', vendor.name))
			.filter((file) => /\.node\.(ts|js)$/.test(file))
			.map((file) => path.join(ROOT, 'nodes', vendor.name, file)),
	)
	.sort();

export const credentialFiles = readdirSync(path.join(ROOT, 'credentials'))
	.filter((file) => /\.credentials\.(ts|js)$/.test(file))
	.map((file) => path.join(ROOT, 'credentials', file))
	.sort();

const nodes = new Map<string, INodeType>();
for (const file of nodeFiles) {
	const node = load<INodeType>(file);
	// as n8n's node loader does: declarative nodes get n8n's Request Options property (batching, proxy,
	// timeout) in place of one of their own, or at the end
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	nodes.set(`${PACKAGE}.${node.description.name}`, node);
}

export const credentialTypes: Record<string, ICredentialType> = {};
for (const file of credentialFiles) {
	const credential = load<ICredentialType>(file);
	credentialTypes[credential.name] = credential;
}

export function nodeTypeByName(type: string): INodeType {
	const node = nodes.get(type);
	if (!node) throw new Error(`Unknown node type ${type}`);
	return node;
}

/** Every node type of the package, by its short name. */
export function allNodes(): Map<string, INodeType> {
	return new Map([...nodes].map(([type, node]) => [type.slice(PACKAGE.length + 1), node]));
}
