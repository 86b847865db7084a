'use strict';
// The HTTP pipeline of the main listener: /__admin (no auth, never faulted, not logged),
// /oauth/* (authorize + tokens) and /v1/* (the REST API). Every other response funnels through
// `finish`, which is where 'after'-phase faults spoil a response whose handler already ran.
const http = require('node:http');
const { ApiError } = require('./errors');
const { readBody, mediaType, parseBody, summarizeBody } = require('./body');
const { describeCredential } = require('./auth');
const { TOO_MANY, throttleHeaders } = require('./ratelimit');
const { paginate } = require('./pagination');

const NOT_FOUND = Object.freeze({ code: 404, message: 'Not found.' });
const BAD_GATEWAY_HTML = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Query as an object of strings; the last value wins (contract). */
function parseQuery(search) {
	const query = {};
	if (search) for (const [k, v] of new URLSearchParams(search)) query[k] = v;
	return query;
}

/** The log may be shown in test output: keep client secrets and login passwords out of it. */
function redactSecrets(body) {
	if (!('client_secret' in body) && !('password' in body)) return body;
	const copy = { ...body };
	if ('client_secret' in copy) copy.client_secret = '[redacted]';
	if ('password' in copy) copy.password = '[redacted]';
	return copy;
}

/** @param {unknown} error */
function errorResult(error) {
	if (error instanceof ApiError) return { status: error.status, headers: { ...error.headers }, json: error.toBody() };
	return { status: 500, headers: {}, json: { code: 500, message: 'Server Error' }, error };
}

/**
 * @param {object} deps config, clock, store, auth, oauth, limiter, faults, log, counters, router, cloudFiles, admin
 */
function createMainServer(deps) {
	const { config, clock, store, auth, limiter, faults, log, counters, router, cloudFiles, admin } = deps;

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			// Only reachable through a bug in this file; answer instead of leaving the socket hanging.
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ code: 500, message: 'Server Error', detail: String(error) }));
		});
	});

	async function handle(req, res) {
		const url = req.url || '/';
		const q = url.indexOf('?');
		const pathname = q < 0 ? url : url.slice(0, q);
		const search = q < 0 ? '' : url.slice(q + 1);
		counters.requests++;
		if (pathname === '/__admin' || pathname.startsWith('/__admin/')) return admin.handle(req, res, pathname, search);

		const entry = {
			seq: 0,
			time: clock.now(),
			listener: 'api',
			method: req.method,
			path: pathname,
			query: parseQuery(search),
			status: 0,
			credential: 'none',
			authHeader: null,
			contentType: mediaType(req.headers['content-type']),
			body: null,
		};
		const fault = faults.take(req.method, pathname);
		if (fault) entry.fault = fault.type;
		if (fault && fault.phase === 'before') {
			if (fault.type === 'latency') await sleep(fault.latencyMs);
			else return finish(req, res, entry, faultResult(fault, null));
		}

		let result;
		try {
			if (pathname === '/v1' || pathname.startsWith('/v1/')) result = await api(req, pathname.slice(3) || '/', entry);
			else if (pathname.startsWith('/oauth/')) result = await oauthRoute(req, pathname, entry);
			else result = { status: 404, json: NOT_FOUND };
		} catch (error) {
			result = errorResult(error);
		}
		if (fault && fault.phase === 'after') {
			if (fault.type === 'latency') await sleep(fault.latencyMs);
			else result = faultResult(fault, result);
		}
		return finish(req, res, entry, result);
	}

	async function api(req, path, entry) {
		counters.apiRequests++;
		const raw = await readBody(req);
		const resolved = auth.resolve(req.headers);
		entry.credential = describeCredential(resolved.credential, resolved.problem);
		entry.authHeader = resolved.header;
		// Unauthenticated requests are throttled per client address, as Laravel's limiter does.
		const key = resolved.credential ? `${resolved.credential.kind}:${resolved.credential.id}` : `ip:${req.socket.remoteAddress}`;
		const rate = limiter.hit(key);
		const rateHeaders = rate ? rate.headers : {};
		let parsed = null;
		try {
			if (rate && rate.limited) {
				counters.rateLimited++;
				return { status: 429, headers: rateHeaders, json: TOO_MANY };
			}
			const found = router.match(req.method, path);
			if (!found) throw new ApiError(404, NOT_FOUND.message);
			if (!found.route) {
				const error = new ApiError(405, 'Method not allowed.');
				error.headers = { Allow: found.allowed.join(', ') };
				throw error;
			}
			if (!resolved.credential) throw auth.unauthorized(resolved.problem);
			auth.requireScope(resolved.credential, found.route.scope);
			parsed = parseBody(entry.contentType, req.headers['content-type'], raw);
			const ctx = makeContext(req, path, found, entry, raw, parsed, resolved.credential);
			const out = await found.route.handler(ctx);
			if (out === undefined) return { status: ctx.status === 200 ? 204 : ctx.status, headers: rateHeaders, body: '' };
			return { status: ctx.status, headers: rateHeaders, json: out };
		} catch (error) {
			const result = errorResult(error);
			result.headers = { ...rateHeaders, ...result.headers };
			return result;
		} finally {
			entry.body = parsed ? summarizeBody(entry.contentType, raw, parsed.body, parsed.multipart) : raw.length ? { size: raw.length } : null;
		}
	}

	function makeContext(req, path, found, entry, raw, parsed, credential) {
		const origin = `http://${req.headers.host || `127.0.0.1:${server.address().port}`}`;
		const ctx = {
			method: req.method,
			path,
			params: found.params,
			query: entry.query,
			headers: req.headers,
			contentType: entry.contentType,
			rawBody: raw,
			body: parsed.body,
			multipart: parsed.multipart,
			store,
			config,
			credential,
			origin,
			apiBase: `${origin}/v1`,
			status: 200,
			setStatus(status) {
				ctx.status = status;
			},
			paginate(records) {
				return paginate(records, { page: ctx.query.page, perPage: config.perPage, order: config.order, path: ctx.apiBase + path });
			},
			cloudFile: (file) => cloudFiles.create(file),
			now: clock.now,
		};
		return ctx;
	}

	async function oauthRoute(req, pathname, entry) {
		const isAuthorize = pathname === '/oauth/authorize';
		const isToken = pathname === '/oauth/tokens';
		if (!isAuthorize && !isToken) return { status: 404, json: NOT_FOUND };
		entry.listener = 'oauth';
		if (isAuthorize && req.method === 'GET') return deps.oauth.authorizePage(entry.query);
		if (req.method !== 'POST') return { status: 405, headers: { Allow: isAuthorize ? 'GET, POST' : 'POST' }, json: { code: 405, message: 'Method not allowed.' } };
		const raw = await readBody(req);
		let body;
		try {
			body = parseBody(entry.contentType, req.headers['content-type'], raw).body;
		} catch {
			if (isToken) counters.tokenCalls.other++;
			entry.body = { size: raw.length };
			return { status: 400, headers: { 'Cache-Control': 'no-store' }, json: { error: 'invalid_request', error_description: 'The request body could not be parsed.' } };
		}
		if (!body || typeof body !== 'object' || Array.isArray(body)) body = {};
		entry.body = redactSecrets(body);
		if (isAuthorize) return deps.oauth.decide(body);
		entry.clientAuth = /^Basic\s/i.test(String(req.headers.authorization || '')) ? 'basic' : 'body';
		return deps.oauth.token(req.headers, body);
	}

	/** @returns {object} a result that replaces (or, for 'malformed' after the handler, spoils) the real one */
	function faultResult(fault, real) {
		counters.faultsInjected++;
		switch (fault.type) {
			case 'drop':
				return { drop: true };
			case '429': {
				const limit = config.rateLimit ? config.rateLimit.limit : 60;
				const headers = { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': '0', ...throttleHeaders(clock.now() + 1000, clock.now()) };
				return { status: 429, headers, json: TOO_MANY };
			}
			case '500':
				return { status: 500, json: { code: 500, message: 'Server Error' } };
			case '502':
				return { status: 502, headers: { 'Content-Type': 'text/html' }, body: BAD_GATEWAY_HTML };
			case '503':
				return { status: 503, json: { code: 503, message: 'Service Unavailable' } };
			case 'malformed': {
				const text = real && real.json !== undefined ? JSON.stringify(real.json) : '{"current_page":1,"data":[{"id":"cst_1","companyName":"Trunc';
				const cut = Math.max(1, Math.min(text.length - 1, Math.floor(text.length / 2)));
				return { status: 200, headers: { 'Content-Type': 'application/json' }, body: text.slice(0, cut) };
			}
			default:
				return real;
		}
	}

	function finish(req, res, entry, result) {
		if (result.drop) {
			log.push(entry);
			req.socket.destroy();
			return;
		}
		const headers = result.headers || {};
		let body = result.body;
		if (result.json !== undefined) {
			body = JSON.stringify(result.json);
			if (!headers['Content-Type']) headers['Content-Type'] = 'application/json';
		}
		if (body === undefined) body = '';
		headers['Content-Length'] = Buffer.byteLength(body);
		res.writeHead(result.status, headers);
		res.end(body);
		entry.status = result.status;
		if (result.error) entry.error = String(result.error.stack || result.error);
		if (result.status === 429) counters.tooManyRequests++;
		log.push(entry);
	}

	return server;
}

module.exports = { createMainServer, parseQuery, errorResult };
