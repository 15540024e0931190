// Copies what tsc does not: node icons (SVG), codex files (.node.json) and the package's entry file,
// into the build folder, the only folder that ships.
// BUILD_DIR lets the e2e tests build a private copy of the package without touching dist/.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg', 'index.js'], {
		base: '.',
		encoding: false,
	}).pipe(dest(process.env.BUILD_DIR || 'dist'));
}

exports.build = copyAssets;
exports.default = copyAssets;
