// Copies what tsc does not: node icons (SVG) and codex files (.node.json), beside the compiled nodes.
// BUILD_DIR lets the e2e tests build a private copy of the package without touching dist/.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(
		dest(process.env.BUILD_DIR || 'dist'),
	);
}

exports.build = copyAssets;
exports.default = copyAssets;
