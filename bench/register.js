'use strict';
// A tiny require hook so the bench can run the TypeScript sources (nodes, credentials and the test
// harness) without a build: `.ts`/`.cts` files are transpiled with typescript's transpileModule,
// a `./x.cjs` import resolves to `./x.cts` where only the source exists (as in jest's resolver),
// and an extensionless import prefers `x.ts`.
const fs = require('fs');
const path = require('path');
const Module = require('module');
const ts = require('typescript');

const compilerOptions = {
	module: ts.ModuleKind.CommonJS,
	target: ts.ScriptTarget.ES2021,
	esModuleInterop: true,
	resolveJsonModule: true,
	sourceMap: false,
	inlineSourceMap: true,
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
	const local = (request.startsWith('.') || path.isAbsolute(request)) && parent && parent.filename && !parent.filename.includes(`${path.sep}node_modules${path.sep}`);
	if (local) {
		const target = path.resolve(path.dirname(parent.filename), request);
		// `./x.cjs` written for a `.cts` source.
		if (request.endsWith('.cjs') && fs.existsSync(`${target.slice(0, -4)}.cts`)) return `${target.slice(0, -4)}.cts`;
		// `./X.node` must find `X.node.ts`, not the codex file `X.node.json` that Node would try first.
		if (fs.existsSync(`${target}.ts`)) return `${target}.ts`;
	}
	return resolveFilename.call(this, request, parent, ...rest);
};

for (const extension of ['.ts', '.cts']) {
	require.extensions[extension] = (module, filename) => {
		const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
		module._compile(outputText, filename);
	};
}

// `--pacer <name>` (bench/run.js passes it on as MKP_BENCH_PACER): runs the bench with the pacer
// variant in bench/pacers/<name>.ts in place of the shipped one, to compare the two.
if (process.env.MKP_BENCH_PACER) require(path.join(__dirname, 'pacers', `${process.env.MKP_BENCH_PACER}.ts`)).install();
