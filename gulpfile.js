const fs = require('fs');
const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// `npm run build` = clean, tsc, build:icons. tsc emits only JavaScript (tsconfig.json includes
// only .ts sources); n8n also loads the icons and the codex (.node.json) files from dist/.

// A build starts from an empty dist/, so the output of a deleted or renamed source never ships.
task('clean', (done) => {
	fs.rmSync(path.resolve('dist'), { recursive: true, force: true });
	done();
});

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
