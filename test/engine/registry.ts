/** The package's nodes and credentials, found the way n8n finds them: through package.json. */
import path from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

export const PACKAGE = 'n8n-nodes-live-chat';

const root = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require(path.join(root, 'package.json')) as { n8n: { nodes: string[]; credentials: string[] } };

/** `dist/x/Y.node.js` → the TypeScript source, so tests run without a build. */
function sourceOf(distPath: string): string {
	return path.join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

function load<T>(distPath: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(sourceOf(distPath)) as Record<string, new () => T>;
	const className = path.basename(distPath).split('.')[0];
	return new exported[className]();
}

const nodes = new Map<string, INodeType>();
for (const entry of manifest.n8n.nodes) {
	const node = load<INodeType>(entry);
	nodes.set(`${PACKAGE}.${node.description.name}`, node);
}

export const credentialTypes: Record<string, ICredentialType> = {};
for (const entry of manifest.n8n.credentials) {
	const credential = load<ICredentialType>(entry);
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
