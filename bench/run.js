#!/usr/bin/env node
'use strict';
// `npm run bench` prints a table of the issue-7 figures; `npm run bench -- --json` prints one JSON
// object with all of them. Every scenario runs in its own fresh process (bench/worker.js), one
// after another, against the mock in yet another process. Options:
//   --json            one JSON object on stdout (progress goes to stderr; npm adds its own
//                     "> script" banner to stdout, so pipe `npm run -s bench -- --json`)
//   --only a,b        run only these scenarios (names below)
//   --quick           small sizes, to check that the bench works (figures not comparable)
//   --pacer <name>    run with the pacer variant bench/pacers/<name>.ts in place of the shipped
//                     one (e.g. retry-after-only), to compare them (see bench/register.js)
const { spawn } = require('child_process');
const os = require('os');
const path = require('path');
const { triggerAvailable } = require('./trigger');

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
const pacer = args.includes('--pacer') ? args[args.indexOf('--pacer') + 1] : undefined;

/** name → [worker function, options] */
const SCENARIOS = {
	rateLimit: ['rateLimit', quick ? { records: 1200 } : { records: 3000, limit: 60, windowSeconds: 2 }],
	// The API's real limit, 60 a minute: 181 pages, so three full windows and one request (about 3 minutes).
	rateLimitRealWindow: ['rateLimit', quick ? { records: 915, limit: 60, windowSeconds: 60 } : { records: 2715, limit: 60, windowSeconds: 60 }],
	// N worker processes on one key (bench/multiprocess.js); 2 × 3 is the e2e's queue-mode stack.
	multiProcess1: ['multiProcess', { processes: 1, records: quick ? 600 : 3000 }],
	multiProcess2: ['multiProcess', { processes: 2, records: quick ? 600 : 3000 }],
	multiProcess4: ['multiProcess', { processes: 4, records: quick ? 600 : 3000 }],
	multiProcess2x3: ['multiProcess', { processes: 2, executionsPerProcess: 3, records: quick ? 600 : 3000 }],
	nodeVsRaw: ['nodeVsRaw', quick ? { records: 3000, runs: 1 } : { records: 100_000, runs: 3 }],
	nodeVsRawWithLatency: ['nodeVsRaw', quick ? { records: 600, runs: 1, latencyMs: 20 } : { records: 6000, runs: 3, latencyMs: 20 }],
	memory: ['nodeMemory', quick ? { records: 3000 } : { records: 100_000 }],
	trigger10kOldest: ['triggerPolls', { records: quick ? 1000 : 10_000, order: 'oldest-first' }],
	trigger10kNewest: ['triggerPolls', { records: quick ? 1000 : 10_000, order: 'newest-first' }],
	trigger100kOldest: ['triggerPolls', { records: quick ? 3000 : 100_000, order: 'oldest-first' }],
	trigger100kNewest: ['triggerPolls', { records: quick ? 3000 : 100_000, order: 'newest-first' }],
	oauth: ['oauth', quick ? { executions: 6, expiries: 2 } : { executions: 30, expiries: 3 }],
	mock: ['mockSpeed', quick ? { seconds: 1, records: 10_000 } : { seconds: 3, concurrency: 16, records: 100_000 }],
};

const log = (line) => process.stderr.write(`${line}\n`);

function runWorker(fn, options) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--expose-gc', path.join(__dirname, 'worker.js'), fn, JSON.stringify(options)], {
			stdio: ['ignore', 'pipe', 'inherit'],
			env: pacer ? { ...process.env, MKP_BENCH_PACER: pacer } : process.env,
		});
		let out = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk) => (out += chunk));
		child.on('exit', () => {
			const marker = out.lastIndexOf('@@bench-result@@');
			if (marker < 0) return resolve({ failed: `no result (exit without output)` });
			resolve(JSON.parse(out.slice(marker + '@@bench-result@@'.length).split('\n')[0]));
		});
	});
}

function goals(r) {
	const rows = [];
	const row = (n, scenario, figure, value, goal, met) => rows.push({ n, scenario, figure, value, goal, met });
	const rl = r.rateLimit;
	if (rl && !rl.failed) {
		const name = `Get Many, Return All, ${rl.records} customers, ${rl.limit} per ${rl.windowSeconds} s`;
		row(1, name, 'rateLimitUtilisation', rl.rateLimitUtilisation, '≥ 0.95', rl.rateLimitUtilisation >= 0.95);
		row(1, name, 'surfaced429', rl.surfaced429, '0', rl.surfaced429 === 0);
		row(1, name, 'wallVsIdeal', rl.wallVsIdeal, '(reported)', null);
		row(1, name, 'wasted429 (429s the API sent)', rl.wasted429, '(reported)', null);
	}
	const real = r.rateLimitRealWindow;
	if (real && !real.failed) {
		const name = `Get Many, Return All, ${real.records} customers (${real.pages} pages), ${real.limit} per ${real.windowSeconds} s`;
		// Before issue 13: 180.3 s against the 181 s ideal (0.996); it must not get worse.
		row(1, name, 'wallVsIdeal', `${real.wallVsIdeal} (${real.wallMs / 1000} s vs ${real.idealMs / 1000} s)`, '≤ 0.996', real.wallVsIdeal <= 0.996 && real.surfaced429 === 0);
		row(1, name, 'wasted429 (429s the API sent)', real.wasted429, '(reported)', null);
	}
	for (const key of ['multiProcess1', 'multiProcess2', 'multiProcess4', 'multiProcess2x3']) {
		const m = r[key];
		if (!m || m.failed) continue;
		const name = `${m.processes} process(es) × ${m.executionsPerProcess} Get Many, one key, ${m.limit} per ${m.windowSeconds} s`;
		const target = m.processes === 2;
		row(6, name, 'rateLimitUtilisation', m.rateLimitUtilisation, target ? '≥ 0.9' : '(reported)', target ? m.rateLimitUtilisation >= 0.9 : null);
		row(6, name, 'wasted 429 per window per process', `${m.wasted429PerWindowPerProcess} (${m.wasted429} in all)`, target ? '≤ 1' : '(reported)', target ? m.wasted429PerWindowPerProcess <= 1 : null);
		row(6, name, 'wallVsIdeal / records / failed', `${m.wallVsIdeal} / ${m.recordsReturned} of ${m.recordsExpected} / ${m.failedExecutions}`, '(reported)', null);
	}
	const nr = r.nodeVsRaw;
	if (nr && !nr.failed) {
		row(2, `Rate limit off, ${nr.records} customers, loopback`, 'nodeVsRawTimeRatio', nr.nodeVsRawTimeRatio, '≤ 1.25', nr.nodeVsRawTimeRatio <= 1.25);
		row(2, `Rate limit off, ${nr.records} customers, loopback`, 'helperLoopVsRaw / nodeVsHelperLoop', `${nr.helperLoopVsRawTimeRatio} / ${nr.nodeVsHelperLoopTimeRatio}`, '(reported)', null);
	}
	const nl = r.nodeVsRawWithLatency;
	if (nl && !nl.failed) {
		row(2, `Rate limit off, ${nl.records} customers, ${nl.latencyMs} ms per request`, 'nodeVsRawTimeRatio', nl.nodeVsRawTimeRatio, '≤ 1.25', nl.nodeVsRawTimeRatio <= 1.25);
		row(2, `Rate limit off, ${nl.records} customers, ${nl.latencyMs} ms per request`, 'helperLoopVsRaw / nodeVsHelperLoop', `${nl.helperLoopVsRawTimeRatio} / ${nl.nodeVsHelperLoopTimeRatio}`, '(reported)', null);
	}
	const mem = r.memory;
	if (mem && !mem.failed) {
		row(2, `Rate limit off, ${mem.records} records`, 'peak heap / RSS growth (MB)', `${mem.peakHeapDeltaMB} / ${mem.peakRssDeltaMB}`, '(reported)', null);
	}
	for (const key of ['trigger10kOldest', 'trigger10kNewest', 'trigger100kOldest', 'trigger100kNewest']) {
		const t = r[key];
		if (!t) continue;
		if (t.todo || t.failed) {
			row(3, key, 'TODO', t.todo ?? String(t.failed).split('\n')[0], '', false);
			continue;
		}
		const name = `Trigger, ${t.records} records, ${t.order}`;
		row(3, name, 'idlePollRequests', t.idlePollRequests, '(reported)', null);
		row(3, name, 'requests for k new (k: requests/polls)', Object.entries(t.requestsForKNew).map(([k, v]) => `${k}: ${v.requests}/${v.polls}`).join(', '), '(reported)', null);
		row(3, name, 'stateBytes', t.stateBytes, '(reported)', null);
	}
	const o = r.oauth;
	if (o && !o.failed) {
		row(4, `OAuth2, ${o.executions} executions, ${o.expiries} expiries`, 'token-endpoint calls', o.tokenCalls, `= ${o.expiries}`, o.tokenCalls === o.expiries && o.failedExecutions === 0);
	}
	const m = r.mock;
	if (m && !m.failed) {
		row(5, `Mock, ${m.records} customers, ${m.concurrency} connections`, 'list-page requests/s', m.requestsPerSecond, '≥ 2000', m.requestsPerSecond >= 2000);
	}
	for (const [key, value] of Object.entries(r)) {
		if (value && value.failed) row('-', key, 'FAILED', String(value.failed).split('\n')[0], '', false);
	}
	return rows;
}

function table(rows) {
	const header = ['#', 'Scenario', 'Figure', 'Value', 'Goal', 'Met'];
	const cells = rows.map((r) => [String(r.n), r.scenario, r.figure, String(r.value), r.goal, r.met === null ? '' : r.met ? 'yes' : 'NO']);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

async function main() {
	const started = new Date();
	const results = {};
	for (const [name, [fn, options]] of Object.entries(SCENARIOS)) {
		if (only && !only.has(name)) continue;
		if (fn === 'triggerPolls' && !triggerAvailable()) {
			results[name] = { todo: 'the polling trigger (nodes/MijnKlantportaalTrigger) or its poll harness (test/harness/mkp-poll.cts) is not in the tree' };
			continue;
		}
		log(`bench: ${name} ${JSON.stringify(options)} …`);
		const t = Date.now();
		results[name] = await runWorker(fn, options);
		log(`bench: ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s${results[name].failed ? ' (FAILED)' : ''}`);
	}
	const rows = goals(results);
	const cpus = os.cpus();
	const report = {
		command: `npm run bench -- ${args.join(' ')}`.trim(),
		pacer: pacer ?? 'shipped (nodes/shared/transport/pacing.ts)',
		date: started.toISOString(),
		quick,
		machine: {
			cpus: cpus.length,
			cpuModel: cpus[0] ? cpus[0].model : 'unknown',
			memoryGB: Math.round(os.totalmem() / 1024 ** 3),
			node: process.version,
			platform: `${os.platform()} ${os.release()}`,
			loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
		},
		...results,
		goals: rows.filter((r) => r.met !== null).map(({ scenario, figure, value, goal, met }) => ({ scenario, figure, value, goal, met })),
	};
	if (json) {
		process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
	} else {
		process.stdout.write(`${table(rows)}\n\n${report.date} · ${report.machine.cpus} × ${report.machine.cpuModel} · Node ${report.machine.node} · load ${report.machine.loadAverageAtStart.join(' ')}\n`);
	}
	if (Object.values(results).some((r) => r && r.failed)) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
