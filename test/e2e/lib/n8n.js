'use strict';
const fs = require('fs');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { stopChild } = require('./child');
const { cleanNpmEnv } = require('./npm-env');

/** Every n8n process this process started; they must not outlive it (a killed demo or a failed test). */
const children = new Set();
process.on('exit', () => {
	for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'Demo-password-1' };

/**
 * One n8n instance: a user folder, a port and an environment. The package is installed the way
 * users get it: the `npm pack` tarball in `<userFolder>/.n8n/nodes/node_modules`, where n8n's
 * community-packages module scans for packages.
 */
class N8n {
	/**
	 * @param {{ runtime: {node: string, n8n: string, major: string}, userFolder: string, port: number, env?: Record<string,string>, name?: string }} options
	 */
	constructor(options) {
		this.runtime = options.runtime;
		this.userFolder = options.userFolder;
		this.port = options.port;
		this.name = options.name || `n8n:${options.port}`;
		this.extraEnv = options.env || {};
		this.cookie = '';
		this.processes = [];
		fs.mkdirSync(this.userFolder, { recursive: true });
	}

	get baseUrl() {
		return `http://localhost:${this.port}`;
	}

	env(extra = {}) {
		return {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'e2e-encryption-key-not-a-secret',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: this.baseUrl,
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_LOG_LEVEL: process.env.MKP_E2E_LOG_LEVEL || 'warn',
			N8N_RUNNERS_BROKER_PORT: String(this.port + 1000),
			DB_SQLITE_POOL_SIZE: '2',
			GENERIC_TIMEZONE: 'Europe/Amsterdam',
			...this.extraEnv,
			...extra,
		};
	}

	/** Installs the tarball into the community-nodes folder. */
	installPackage(tarball) {
		const dir = path.join(this.userFolder, '.n8n', 'nodes');
		fs.mkdirSync(dir, { recursive: true });
		const manifest = path.join(dir, 'package.json');
		if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
		// --omit=peer: n8n itself provides n8n-workflow to community packages.
		execFileSync('npm', ['install', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', tarball], {
			cwd: dir,
			env: cleanNpmEnv(),
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	}

	/** Runs an n8n CLI command to completion. */
	cli(args, { env = {}, timeoutMs = 180000 } = {}) {
		return new Promise((resolve, reject) => {
			const child = spawn(this.runtime.node, [this.runtime.n8n, ...args], { env: this.env(env), stdio: ['ignore', 'pipe', 'pipe'] });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (d) => (stdout += d));
			child.stderr.on('data', (d) => (stderr += d));
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`n8n ${args.join(' ')} timed out\n${stderr.slice(-2000)}`));
			}, timeoutMs);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve({ code, stdout, stderr });
			});
		});
	}

	async mustCli(args, options) {
		const result = await this.cli(args, options);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${result.code}\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-3000)}`);
		return result;
	}

	writeJson(name, data) {
		const file = path.join(this.userFolder, name);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/** Plain credential data with fixed IDs; n8n encrypts it on import. */
	async importCredentials(credentials) {
		await this.mustCli(['import:credentials', `--input=${this.writeJson('credentials.json', credentials)}`]);
	}

	async importWorkflows(workflows) {
		await this.mustCli(['import:workflow', `--input=${this.writeJson('workflows.json', workflows)}`]);
	}

	async publish(workflowId) {
		if (this.runtime.major === '1') await this.mustCli(['update:workflow', `--id=${workflowId}`, '--active=true']);
		else await this.mustCli(['publish:workflow', `--id=${workflowId}`]);
	}

	/** `n8n execute --id`: the run data of a workflow that starts with a Manual Trigger. */
	async execute(workflowId) {
		// `execute` prints the run data through n8n's logger at level info.
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { env: { N8N_LOG_LEVEL: 'info' } });
		const start = result.stdout.search(/^\{/m);
		const end = result.stdout.lastIndexOf('\n}');
		if (start < 0 || end < start) throw new Error(`n8n execute printed no run data (exit ${result.code})\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		return { code: result.code, run: JSON.parse(result.stdout.slice(start, end + 2)), stderr: result.stderr };
	}

	/** Starts `n8n start` (or `worker`) and waits until it is healthy. */
	async start({ command = 'start', env = {}, port = this.port, readyPath = command === 'start' ? '/rest/settings' : '/healthz', timeoutMs = 180000 } = {}) {
		const child = spawn(this.runtime.node, [this.runtime.n8n, command], {
			env: this.env({ ...env, ...(command === 'worker' ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port) } : {}) }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		children.add(child);
		child.on('close', () => children.delete(child));
		const log = [];
		const collect = (d) => {
			log.push(String(d));
			if (log.length > 400) log.shift();
			if (process.env.MKP_E2E_VERBOSE) process.stderr.write(`[${this.name} ${command}] ${d}`);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		const entry = { child, command, log };
		this.processes.push(entry);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`n8n ${command} exited ${child.exitCode}\n${log.join('').slice(-4000)}`);
			try {
				const response = await fetch(`http://127.0.0.1:${port}${readyPath}`);
				// While it starts up, n8n answers every path with 200 and the text "n8n is starting up".
				if (response.ok && (response.headers.get('content-type') || '').includes('application/json')) break;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`n8n ${command} did not become ready\n${log.join('').slice(-4000)}`);
			await new Promise((r) => setTimeout(r, 500));
		}
		return entry;
	}

	async stop() {
		await Promise.all(this.processes.map((entry) => this.stopProcess(entry)));
		this.processes = [];
	}

	/** Stops one process `start` returned (SIGTERM: n8n's graceful shutdown), e.g. to restart the main instance. */
	async stopProcess(entry) {
		await stopChild(entry.child);
		this.processes = this.processes.filter((p) => p !== entry);
	}

	logs() {
		return this.processes.map((p) => `--- ${p.command}\n${p.log.join('')}`).join('\n');
	}

	/** The REST API the editor uses, with the owner's session cookie. */
	async rest(method, pathName, body) {
		const response = await fetch(`http://127.0.0.1:${this.port}/rest${pathName}`, {
			method,
			headers: { 'content-type': 'application/json', cookie: this.cookie, 'browser-id': 'e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = { raw: text };
		}
		if (!response.ok) throw new Error(`${method} /rest${pathName} → ${response.status}: ${text.slice(0, 500)}`);
		return json.data !== undefined ? json.data : json;
	}

	/** Creates the owner account on a fresh instance, or logs in to an existing one. */
	async signIn(owner = OWNER) {
		const settings = await this.rest('GET', '/settings');
		if (settings.userManagement && settings.userManagement.showSetupOnFirstLoad === false) {
			await this.rest('POST', '/login', { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password });
		} else {
			await this.rest('POST', '/owner/setup', owner);
		}
		return owner;
	}
}

module.exports = { N8n, OWNER };
