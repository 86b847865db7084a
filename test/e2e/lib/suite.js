'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { provision, CACHE } = require('./paths');
const { packPackage } = require('./pack');
const { N8n } = require('./n8n');

/** The n8n majors to run: MKP_E2E_N8N="2,1" (default "2"); a suite may name its own variable. */
function majors(variable = 'MKP_E2E_N8N') {
	return (process.env[variable] || '2').split(',').map((m) => m.trim()).filter(Boolean);
}

let tarball;
/** Packs once per jest worker. */
function packOnce() {
	if (!tarball) tarball = packPackage(path.join(CACHE, 'e2e-pack'));
	return tarball;
}

// MKP_E2E_PORT_BASE lets suites run side by side on one machine (each n8n takes port, port + 1 and port + 1000).
let nextPort = Number(process.env.MKP_E2E_PORT_BASE || 5710);
// Ports fetch() refuses to connect to (the Fetch standard's "bad ports" above 1024; 6000 is X11):
// an n8n there would never look ready to the suites.
const FETCH_BLOCKED_PORTS = new Set([1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);
/** A fresh n8n user folder with the packed package installed. */
function freshN8n(major, name, env = {}) {
	const runtime = provision(major);
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `mkp-e2e-${name}-`));
	while (FETCH_BLOCKED_PORTS.has(nextPort) || FETCH_BLOCKED_PORTS.has(nextPort + 1)) nextPort += 3;
	const port = nextPort;
	nextPort += 3;
	// n8n 1.123 defaults to the isolated-vm expression engine, whose native module needs Node 22+
	// and an install script; on Node 20 it runs n8n's other supported engine, 'legacy'.
	const majorEnv = major === '1' ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {};
	const n8n = new N8n({ runtime, userFolder, port, env: { ...majorEnv, ...env }, name: `${name}@n8n${major}` });
	n8n.installPackage(packOnce());
	return n8n;
}

/** The output items of one node in n8n's run data. */
function nodeItems(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run; error: ${JSON.stringify(run.data.resultData.error ?? null)}`);
	return runs[runs.length - 1].data.main[0];
}

/**
 * The bytes of a binary item in run data. n8n 2.x keeps binaries on disk by default and puts
 * only a reference (`id: "filesystem-v2:<path>"`) in the run data; 1.x inlines them as base64.
 */
function binaryBytes(n8n, binary) {
	const ref = /^filesystem(?:-v2)?:(.+)$/.exec(binary.id || '');
	if (!ref) return Buffer.from(binary.data, 'base64');
	const storage = path.join(n8n.userFolder, '.n8n', 'storage');
	const direct = path.join(storage, ref[1]);
	if (fs.existsSync(direct)) return fs.readFileSync(direct);
	const name = path.basename(ref[1]);
	const find = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				const hit = find(full);
				if (hit) return hit;
			} else if (entry.name === name) return full;
		}
		return undefined;
	};
	const found = fs.existsSync(storage) && find(storage);
	if (!found) throw new Error(`binary ${binary.id} not found under ${storage}`);
	return fs.readFileSync(found);
}

module.exports = { majors, packOnce, freshN8n, nodeItems, binaryBytes };
