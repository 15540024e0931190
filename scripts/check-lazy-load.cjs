// Run by scan.mjs on the unpacked tarball: n8n lists a package in ~/.n8n/nodes from dist/known and
// dist/types without requiring its files (n8n-core's LazyPackageDirectoryLoader). This checks that n8n
// can do so with what ships, and that those files say exactly what the nodes and credentials say.
const { LazyPackageDirectoryLoader, PackageDirectoryLoader } = require('n8n-core');

const directory = process.argv[2];
const plain = (value) => JSON.parse(JSON.stringify(value));

(async () => {
	const lazy = new LazyPackageDirectoryLoader(directory);
	await lazy.loadAll();
	const full = new PackageDirectoryLoader(directory);
	await full.loadAll();
	// n8n's metadata generator leaves this internal field out of dist/types/nodes.json
	const fullNodes = full.types.nodes.map(({ __loadOptionsMethods, ...description }) => description);
	const problems = [];
	if (!lazy.isLazyLoaded) problems.push('n8n cannot lazy-load the package: dist/known or dist/types is missing');
	if (JSON.stringify(plain(lazy.known)) !== JSON.stringify(plain(full.known))) problems.push('dist/known does not match the package');
	if (JSON.stringify(lazy.types.nodes) !== JSON.stringify(plain(fullNodes))) problems.push('dist/types/nodes.json does not match the nodes');
	if (JSON.stringify(lazy.types.credentials) !== JSON.stringify(plain(full.types.credentials))) {
		problems.push('dist/types/credentials.json does not match the credentials');
	}
	process.stdout.write(`${JSON.stringify({ nodes: lazy.types.nodes.length, credentials: lazy.types.credentials.length, problems })}\n`);
})().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
