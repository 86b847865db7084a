'use strict';
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { stopChild } = require('./child');

/** Every server this process started; they must not outlive it (a failed or killed test run). */
const servers = new Set();
process.on('exit', () => {
	for (const server of servers) {
		if (server.child.exitCode === null) server.child.kill('SIGKILL');
		fs.rmSync(server.dataDir, { recursive: true, force: true });
	}
});

/** Debian's server binaries: /usr/lib/postgresql/<major>/bin, the newest major installed (or MKP_E2E_PG_BIN). */
function binDir() {
	if (process.env.MKP_E2E_PG_BIN) return process.env.MKP_E2E_PG_BIN;
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((major) => fs.existsSync(path.join(root, major, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (!majors.length) throw new Error('PostgreSQL is not installed: install the Debian package postgresql (apt-get install postgresql), or set MKP_E2E_PG_BIN');
	return path.join(root, majors[0], 'bin');
}

/**
 * PostgreSQL refuses to run as root. As root (CI on a clean Debian machine), the server runs as the
 * OS user `postgres`, which the Debian package creates; otherwise as the current user.
 */
function serverUser() {
	if (process.getuid() !== 0) return {};
	const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	try {
		return { uid: id('-u'), gid: id('-g') };
	} catch {
		throw new Error('running as root, and there is no OS user "postgres" to run PostgreSQL as (the Debian package postgresql creates it)');
	}
}

function portOpen(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1', () => {
			socket.end();
			resolve(true);
		});
		socket.on('error', () => resolve(false));
	});
}

/**
 * A throwaway PostgreSQL server on loopback `port`, with its own data directory under the OS temp
 * folder (removed on stop), trust authentication for the superuser `user`, and a database
 * `database`. Durability is off (fsync, synchronous commit): the data lives as long as the suite.
 */
async function startPostgres(port, { user = 'n8n', database = 'n8n' } = {}) {
	if (await portOpen(port)) throw new Error(`port ${port} is already in use; set MKP_E2E_PORT_BASE to another base`);
	const bin = binDir();
	const owner = serverUser();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkp-e2e-pg-'));
	if (owner.uid !== undefined) fs.chownSync(dataDir, owner.uid, owner.gid);
	const run = (tool, args) => execFileSync(path.join(bin, tool), args, { ...owner, cwd: dataDir, stdio: ['ignore', 'ignore', 'pipe'] });
	run('initdb', ['-D', dataDir, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
	const child = spawn(
		path.join(bin, 'postgres'),
		['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
		{ ...owner, cwd: dataDir, stdio: ['ignore', 'ignore', 'pipe'] },
	);
	const server = { child, dataDir };
	servers.add(server);
	let log = '';
	child.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
	const deadline = Date.now() + 30000;
	while (!(await portOpen(port))) {
		if (child.exitCode !== null || Date.now() > deadline) throw new Error(`PostgreSQL did not start\n${log}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	const psqlArgs = ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-v', 'ON_ERROR_STOP=1', '-At'];
	execFileSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], { stdio: ['ignore', 'ignore', 'pipe'] });
	return {
		port,
		user,
		database,
		/** n8n's settings for this database. */
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: user,
			DB_POSTGRESDB_PASSWORD: '',
		},
		/** Runs one SQL statement and returns its rows, each as an array of text fields. */
		query(sql) {
			const out = execFileSync(path.join(bin, 'psql'), [...psqlArgs, '-d', database, '-F', '\t', '-c', sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
			return out
				.split('\n')
				.filter(Boolean)
				.map((line) => line.split('\t'));
		},
		async stop() {
			// SIGINT is PostgreSQL's "fast shutdown": it ends sessions and stops without waiting for clients.
			await stopChild(child, 'SIGINT', 15000);
			servers.delete(server);
			fs.rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

module.exports = { startPostgres };
