#!/usr/bin/env node
'use strict';
// CLI: `npm run mock -- [options]`. Prints one JSON line with the URLs and credentials, then serves
// until SIGINT/SIGTERM. See README.md for the options.
const { startMockServer, parseRateLimit } = require('./index');

const USAGE = `Usage: node test/mock-server/run.js [options]
  --port N                      API/OAuth/admin port (default 4010; 0 = any free port)
  --storage-port N              cloud-file storage port (default 0 = any free port)
  --seed N                      PRNG seed (default 1)
  --records N                   records seeded per resource at start (default 20)
  --order oldest-first|newest-first
  --rate-limit N/SECONDS|off    (default 60/60)
  --expires-in SECONDS          access-token lifetime (default 3600)
  --rotate-refresh-tokens       refresh responses include a new refresh_token; the old one is revoked
  --no-webhook-delete           DELETE /webhooks/{id} answers 405
  --redirect-uri URI            extra allowed OAuth redirect URI (repeatable)`;

function parseArgs(argv) {
	const options = { port: 4010, seed: 1, records: 20, rateLimit: '60/60', redirectUris: [] };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		const int = (name) => {
			const n = Number(value());
			if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
			return n;
		};
		switch (flag) {
			case '--port': options.port = int('--port'); break;
			case '--storage-port': options.storagePort = int('--storage-port'); break;
			case '--seed': options.seed = int('--seed'); break;
			case '--records': options.records = int('--records'); break;
			case '--order':
				options.order = value();
				if (!['oldest-first', 'newest-first'].includes(options.order)) throw new Error('--order must be oldest-first or newest-first');
				break;
			case '--rate-limit': options.rateLimit = parseRateLimit(value()); break;
			case '--expires-in':
				options.expiresIn = int('--expires-in');
				if (options.expiresIn < 1) throw new Error('--expires-in must be at least 1');
				break;
			case '--rotate-refresh-tokens': options.rotateRefreshTokens = true; break;
			case '--no-webhook-delete': options.webhookDelete = false; break;
			case '--redirect-uri': options.redirectUris.push(value()); break;
			case '--help': case '-h': console.log(USAGE); process.exit(0); break;
			default: throw new Error(`Unknown option ${argv[i]}`);
		}
	}
	return options;
}

async function main() {
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`${error.message}\n\n${USAGE}`);
		process.exit(2);
	}
	const mock = await startMockServer(options);
	const { apiBaseUrl, oauthBaseUrl, storageBaseUrl, adminUrl, apiKey, clientId, clientSecret } = mock;
	process.stdout.write(`${JSON.stringify({ apiBaseUrl, oauthBaseUrl, storageBaseUrl, adminUrl, apiKey, clientId, clientSecret })}\n`);
	const stop = () => {
		mock.close().then(() => process.exit(0), () => process.exit(1));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error && error.stack ? error.stack : error);
	process.exit(1);
});
