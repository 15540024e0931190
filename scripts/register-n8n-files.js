// Writes package.json's n8n.nodes and n8n.credentials from the files on disk
// (nodes/<Vendor>/*.node.ts, credentials/*.credentials.ts), so that n8n loads every node we have.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const list = (folder, suffix) =>
	fs
		.readdirSync(path.join(root, folder), { recursive: true })
		.filter((file) => file.endsWith(suffix) && !file.startsWith('shared'))
		.map((file) => path.join('dist', folder, file).replace(/\.ts$/, '.js'))
		.sort();

const file = path.join(root, 'package.json');
const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
manifest.n8n.nodes = list('nodes', '.node.ts');
manifest.n8n.credentials = list('credentials', '.credentials.ts');
fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`package.json lists ${manifest.n8n.nodes.length} nodes and ${manifest.n8n.credentials.length} credentials`);
