'use strict';
const fs = require('fs');
const path = require('path');

// Tests are .cts files, which TypeScript imports as `./x.cjs`. Outside node_modules, resolve such
// an import to the .cts source when it exists; everything else resolves as usual.
module.exports = (request, options) => {
	if (request.startsWith('.') && request.endsWith('.cjs') && !options.basedir.includes(`${path.sep}node_modules${path.sep}`)) {
		const source = path.resolve(options.basedir, request.slice(0, -4) + '.cts');
		if (fs.existsSync(source)) return source;
	}
	return options.defaultResolver(request, options);
};
