// `npm run scan`: n8n's community-package scanner over the packed package, as n8n would scan it
// after publishing (the scanner's CLI only takes published packages, so its analyzer is called here).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'n8n-live-chat-scan-'));
const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { encoding: 'utf8' })
	.trim()
	.split('\n')
	.pop();
execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
const packageDir = path.join(work, 'package');

// What ships is only what n8n needs: the build, the manifest, README and LICENSE; and everything the
// manifest points at is inside it.
const shipped = readdirSync(packageDir).sort();
const expected = ['LICENSE', 'README.md', 'dist', 'package.json'];
if (shipped.join() !== expected.join()) {
	console.error(`scan: the tarball's top level is ${shipped.join(', ')}; expected ${expected.join(', ')}`);
	process.exit(1);
}
const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const missing = [manifest.main, ...manifest.n8n.nodes, ...manifest.n8n.credentials].filter(
	(file) => !existsSync(path.join(packageDir, file)),
);
if (missing.length > 0) {
	console.error(`scan: package.json points at files the tarball lacks: ${missing.join(', ')}`);
	process.exit(1);
}
// n8n lists the nodes from dist/known and dist/types (written by n8n-generate-metadata in the build).
const lazyCheck = JSON.parse(
	execFileSync(process.execPath, [path.resolve('scripts/check-lazy-load.cjs'), packageDir], {
		encoding: 'utf8',
		env: { ...process.env, NODE_PATH: path.resolve('node_modules'), N8N_LOG_LEVEL: 'silent' },
	}),
);
if (lazyCheck.problems.length > 0) {
	console.error(`scan: ${lazyCheck.problems.join('; ')}`);
	process.exit(1);
}
console.log(`scan: n8n lazy-loads the package (${lazyCheck.nodes} nodes, ${lazyCheck.credentials} credentials from dist/known and dist/types)`);
const files = readdirSync(packageDir, { recursive: true }).filter((file) => /\.(js|json)$/.test(file));
const result = await analyzePackage(packageDir);
console.log(`scan: ${files.length} files of ${tarball} analyzed; it ships ${expected.join(', ')} only`);
if (!result.passed) {
	console.error(result.message);
	if (result.details) console.error(result.details);
	process.exit(1);
}
console.log('scan: 0 findings');
