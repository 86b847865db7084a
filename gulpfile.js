const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc emits only JavaScript; n8n also loads the icons and the codex (.node.json) files from dist/.
function copyIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest(path.resolve('dist')));
}

task('build:icons', parallel(copyIcons, copyCodex));
