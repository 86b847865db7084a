'use strict';
// Runs one scenario in this (fresh) process and prints its figures after a marker line, so that
// anything else written to stdout (n8n's logger) cannot be mistaken for them.
require('./register');

const [name, json] = process.argv.slice(2);
const scenarios = { ...require('./scenarios'), ...require('./trigger'), ...require('./multiprocess') };

scenarios[name](JSON.parse(json || '{}'))
	.then((result) => {
		process.stdout.write(`\n@@bench-result@@${JSON.stringify(result)}\n`);
		process.exit(0);
	})
	.catch((error) => {
		process.stdout.write(`\n@@bench-result@@${JSON.stringify({ failed: String(error && error.stack ? error.stack : error) })}\n`);
		process.exit(1);
	});
