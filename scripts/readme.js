'use strict';
// The README's Operations section, and the operation counts the README and the CHANGELOG state,
// are generated from the operation descriptions, so they cannot drift: `npm run build && node
// scripts/readme.js` rewrites them, and a test fails when they differ from what the descriptions say.
const fs = require('fs');
const path = require('path');

const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';

/**
 * What the transport retries for an operation: every GET, and any other operation whose
 * description marks it `idempotent`, is retried after any failure; the rest only after a 429.
 * @param {{method: string, idempotent?: boolean}} op
 */
function retried(op) {
	return op.method === 'GET' || op.idempotent === true ? 'all failures' : '429 only';
}

const RETRY_LEGEND = [
	'**Retried** (from each operation\'s `idempotent` flag):',
	'',
	'- *all failures*: a 429 waits for the rate-limit window and is sent again; a 5xx, a dropped connection, a timeout or a broken (non-JSON) answer is tried again up to **Max Retries** times, with exponential backoff and jitter.',
	'- *429 only*: a 429 waits and is sent again (the API did not process it), and so is a request whose connection was refused (nothing was sent). Any other failure is **not repeated**, because the API may already have processed the request; the error says so, and says to check the portal before running the item again.',
	'- Every wait (rate limit and backoff together) is bounded by **Max Wait** per request. Custom API Call retries GETs after any failure and other methods after a 429 only.',
	'',
].join('\n');

/** @param {Array<{name: string, operations: Array<{name: string, method: string, path: string, description: string, scope: string|null, idempotent?: boolean}>}>} resources */
function renderOperations(resources) {
	const lines = [];
	let count = 0;
	for (const resource of resources) {
		lines.push(`**${resource.name}**`, '');
		lines.push('| Operation | Request | Scope | Retried | What it does |', '|---|---|---|---|---|');
		for (const op of [...resource.operations].sort((a, b) => a.name.localeCompare(b.name))) {
			count++;
			lines.push(`| ${op.name} | \`${op.method} ${op.path}\` | ${op.scope ? `\`${op.scope}\`` : 'none documented'} | ${retried(op)} | ${op.description} |`);
		}
		lines.push('');
	}
	lines.push(`**Custom API Call** (the last operation of every resource, and the last resource): send any other request under the API base (method, path, query, JSON body, optional pagination) with the same credentials, pacing and error handling.`, '');
	lines.push(`**Simplify** (Get and Get Many, on by default) keeps the fields an AI agent or a mapping most needs: ${resources.map((resource) => `${resource.name}: ${resource.simplified.map((field) => `\`${field}\``).join(', ')}`).join('; ')}.`, '');
	return [`${count} operations over ${resources.length} resources, plus Custom API Call.`, '', RETRY_LEGEND, ...lines].join('\n');
}

/**
 * The numbers README.md and CHANGELOG.md state about the operations, from the same data. Each one
 * stands between markers, `<!-- operations -->68<!-- /operations -->`, so the script rewrites it.
 * `endpoints` counts distinct `METHOD /path`: the documented REST operations (tests hold the two
 * equal to endpoints.json), one fewer than `operations` where two node operations share one.
 * @param {Array<{operations: Array<{method: string, path: string}>}>} resources
 * @param {unknown[]} webhookEvents
 */
function counts(resources, webhookEvents) {
	const operations = resources.flatMap((resource) => resource.operations);
	return {
		operations: operations.length,
		resources: resources.length,
		endpoints: new Set(operations.map((op) => `${op.method} ${op.path}`)).size,
		webhookEvents: webhookEvents.length,
	};
}

/** `text` with every marked count set to its value in `values`. */
function fillCounts(text, values) {
	return text.replace(/<!-- (\w+) -->\d+<!-- \/\1 -->/g, (match, name) => {
		if (!(name in values)) throw new Error(`No count named ${name} (known: ${Object.keys(values).join(', ')})`);
		return `<!-- ${name} -->${values[name]}<!-- /${name} -->`;
	});
}

function replaceSection(readme, body) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
	return `${readme.slice(0, start + START.length)}\n${body}\n${readme.slice(end)}`;
}

function readSection(readme) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	return start < 0 || end < start ? '' : readme.slice(start + START.length, end).trim();
}

if (require.main === module) {
	const { resources, eventTypeOptions } = require(path.resolve(__dirname, '../dist/nodes/shared'));
	const values = counts(resources, eventTypeOptions);
	const readme = path.resolve(__dirname, '../README.md');
	const changelog = path.resolve(__dirname, '../CHANGELOG.md');
	fs.writeFileSync(readme, fillCounts(replaceSection(fs.readFileSync(readme, 'utf8'), renderOperations(resources)), values));
	fs.writeFileSync(changelog, fillCounts(fs.readFileSync(changelog, 'utf8'), values));
	console.log('README.md operations section and the counts in README.md and CHANGELOG.md updated');
}

module.exports = { renderOperations, replaceSection, readSection, retried, counts, fillCounts };
