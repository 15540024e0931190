// `npm run scan`: n8n's community-package scanner over the packed package, as n8n would scan it
// after publishing (the scanner's CLI only takes published packages, so its analyzer is called here).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
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
const files = readdirSync(packageDir, { recursive: true }).filter((file) => /\.(js|json)$/.test(file));
const result = await analyzePackage(packageDir);
console.log(`scan: ${files.length} files of ${tarball} analyzed`);
if (!result.passed) {
	console.error(result.message);
	if (result.details) console.error(result.details);
	process.exit(1);
}
console.log('scan: 0 findings');
