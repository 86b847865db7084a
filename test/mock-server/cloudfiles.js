'use strict';
// "Cloud file" downloads (API.md §5: `{link, expiresAt}`, link valid 5 minutes). Links point at a
// separate storage listener on another origin and need no bearer token, like a pre-signed S3 URL,
// so client code must not send its API credentials there. Expiry follows the mock clock.
const http = require('node:http');
const crypto = require('node:crypto');
const { atom: toAtom } = require('./format');

/**
 * @param {{ clock: { now(): number }, config: { cloudFileTtlSeconds: number },
 *   onRequest?: (req: import('node:http').IncomingMessage, status: number) => void }} deps
 */
function createCloudFiles({ clock, config, onRequest = () => {} }) {
	/** @type {Map<string, { data: Buffer, filename: string, mime: string, expiresAt: number }>} */
	const objects = new Map();
	let baseUrl = '';

	const server = http.createServer((req, res) => {
		const status = serve(req, res);
		onRequest(req, status);
	});

	function serve(req, res) {
		const url = new URL(req.url || '/', 'http://storage');
		const match = /^\/objects\/([A-Za-z0-9]+)\/[^/]*$/.exec(url.pathname);
		const object = match && objects.get(match[1]);
		if ((req.method !== 'GET' && req.method !== 'HEAD') || !object) {
			return xmlError(res, 403, 'SignatureDoesNotMatch', 'The request signature does not match.');
		}
		if (clock.now() >= object.expiresAt) return xmlError(res, 403, 'AccessDenied', 'Request has expired');
		res.writeHead(200, {
			'Content-Type': object.mime,
			'Content-Length': object.data.length,
			'Content-Disposition': `attachment; filename="${object.filename.replace(/["\\\r\n]/g, '_')}"`,
		});
		res.end(req.method === 'HEAD' ? undefined : object.data);
		return 200;
	}

	/** Storage errors look like S3's (XML), which is what a pre-signed link answers in the wild. */
	function xmlError(res, status, code, message) {
		const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
		res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
		res.end(body);
		return status;
	}

	/**
	 * @param {{ data: Buffer, filename: string, mime?: string }} file
	 * @returns {{ link: string, expiresAt: string }}
	 */
	function create({ data, filename, mime = 'application/octet-stream' }) {
		const token = crypto.randomBytes(20).toString('hex');
		const expiresAt = clock.now() + config.cloudFileTtlSeconds * 1000;
		objects.set(token, { data: Buffer.from(data), filename: String(filename), mime, expiresAt });
		const expires = Math.floor(expiresAt / 1000);
		return { link: `${baseUrl}/objects/${token}/${encodeURIComponent(filename)}?expires=${expires}`, expiresAt: toAtom(expiresAt) };
	}

	/** Binds loopback only; the URLs say `localhost` so the link's origin differs from the API's `127.0.0.1`. */
	function listen(port = 0) {
		return new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				baseUrl = `http://localhost:${server.address().port}`;
				resolve(baseUrl);
			});
		});
	}

	function close() {
		return new Promise((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}

	return {
		create,
		listen,
		close,
		clear: () => objects.clear(),
		get baseUrl() {
			return baseUrl;
		},
	};
}

module.exports = { createCloudFiles };
