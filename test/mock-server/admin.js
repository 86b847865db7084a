'use strict';
// Test-control API under /__admin: no auth, JSON in and out, never faulted and not in the request
// log. Every route is a thin wrapper over the programmatic handle (index.js), so tests in-process
// and tests over HTTP (e.g. an n8n run in another process) can do the same things.
const { createRouter } = require('./router');
const { ApiError } = require('./errors');
const { readBody, mediaType, parseBody } = require('./body');

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** @param {object} mock the handle built in index.js */
function createAdmin(mock) {
	function collectionName(resource) {
		const name = camel(resource);
		if (!mock.store.resourceNames.includes(name)) {
			throw new ApiError(404, `Unknown resource "${resource}". Known: ${mock.store.resourceNames.join(', ')}.`);
		}
		return name;
	}

	function record(name, id) {
		const found = mock.store.collection(name).get(id);
		if (!found) throw new ApiError(404, `No ${name} record with id ${id}.`);
		return found;
	}

	/** Programmer errors in a test's request (bad fault type, bad config) become 400s. */
	function attempt(fn) {
		try {
			return fn();
		} catch (error) {
			if (error instanceof ApiError) throw error;
			throw new ApiError(400, error.message);
		}
	}

	const routes = [
		['GET', '/', () => ({ routes: routes.map(([method, path]) => `${method} /__admin${path === '/' ? '' : path}`) })],
		['GET', '/health', () => ({ ok: true })],
		['POST', '/reset', ({ body }) => attempt(() => mock.reset(body))],
		['POST', '/seed', ({ body }) => {
			const count = Number(body.count);
			if (!Number.isInteger(count) || count < 0) throw new ApiError(400, 'count must be a non-negative integer.');
			if (body.resource) return { resource: collectionName(body.resource), seeded: mock.store.seed(collectionName(body.resource), count) };
			mock.store.seedAll(count);
			return { seededPerResource: count, sizes: sizes() };
		}],
		['GET', '/records', () => ({ sizes: sizes() })],
		['GET', '/records/{resource}', ({ params }) => {
			const data = mock.store.collection(collectionName(params.resource)).all();
			return { resource: collectionName(params.resource), count: data.length, data };
		}],
		['GET', '/records/{resource}/{id}', ({ params }) => record(collectionName(params.resource), params.id)],
		['POST', '/records/{resource}', ({ params, body, setStatus }) => {
			const created = mock.store.create(collectionName(params.resource), body);
			setStatus(201);
			return created;
		}],
		['PATCH', '/records/{resource}/{id}', ({ params, body }) => {
			const name = collectionName(params.resource);
			record(name, params.id);
			return mock.store.collection(name).update(params.id, body);
		}],
		['DELETE', '/records/{resource}/{id}', ({ params }) => {
			const name = collectionName(params.resource);
			record(name, params.id);
			return { deleted: mock.store.collection(name).remove(params.id) };
		}],
		['GET', '/requests', ({ query }) => {
			const filter = {};
			if (query.since !== undefined) filter.since = Number(query.since);
			if (query.limit !== undefined) filter.limit = Number(query.limit);
			let data = mock.log.entries(filter);
			if (query.method) data = data.filter((e) => e.method === query.method.toUpperCase());
			if (query.path) data = data.filter((e) => e.path.includes(query.path));
			return { lastSeq: mock.log.lastSeq, count: data.length, data };
		}],
		['DELETE', '/requests', () => {
			mock.log.clear();
			return { cleared: true, lastSeq: mock.log.lastSeq };
		}],
		['GET', '/counters', () => mock.counters],
		['DELETE', '/counters', () => {
			mock.resetCounters();
			return mock.counters;
		}],
		['GET', '/faults', () => mock.faults.list()],
		['POST', '/faults', ({ body, setStatus }) => {
			const rule = attempt(() => mock.faults.add(body));
			setStatus(201);
			return rule;
		}],
		['POST', '/faults/random', ({ body }) => attempt(() => mock.faults.random(body))],
		['DELETE', '/faults', () => {
			mock.faults.clear();
			return mock.faults.list();
		}],
		['GET', '/clock', () => clockState()],
		['POST', '/clock/advance', ({ body }) => {
			if (!Number.isFinite(Number(body.seconds))) throw new ApiError(400, 'seconds must be a number.');
			mock.clock.advance(Number(body.seconds));
			return clockState();
		}],
		['POST', '/clock/set', ({ body }) => {
			if (Number.isNaN(new Date(body.time).getTime())) throw new ApiError(400, 'time must be a date string or epoch milliseconds.');
			mock.clock.set(body.time);
			return clockState();
		}],
		['GET', '/config', () => mock.config],
		['PATCH', '/config', ({ body }) => attempt(() => mock.updateConfig(body))],
		['POST', '/api-keys', ({ body, setStatus }) => {
			setStatus(201);
			const scopes = attempt(() => mock.checkScopes(body.scopes ?? mock.scopes));
			return { apiKey: mock.createApiKey(scopes), scopes };
		}],
		['POST', '/tokens', ({ body, setStatus }) => {
			setStatus(201);
			const scopes = attempt(() => mock.checkScopes(body.scopes ?? mock.scopes));
			return mock.issueTokens({ scopes, expiresIn: body.expiresIn });
		}],
		['POST', '/tokens/expire-all', () => ({ expired: mock.expireAllTokens() })],
		['POST', '/clients', ({ body, setStatus }) => {
			setStatus(201);
			return attempt(() => mock.addClient(body));
		}],
		['POST', '/redirect-uris', ({ body }) => {
			if (!body.uri) throw new ApiError(400, 'uri is required.');
			return { clients: attempt(() => mock.addRedirectUri(body.uri, body.clientId)) };
		}],
		['GET', '/oauth/last-authorize', () => ({ lastAuthorize: mock.lastAuthorize })],
		['POST', '/webhooks/fire', async ({ body }) => {
			if (!mock.eventTypes.includes(body.event)) throw new ApiError(400, `event must be one of: ${mock.eventTypes.join(', ')}.`);
			if (body.signature !== undefined && !['secret', 'hmac', 'hex'].includes(body.signature)) throw new ApiError(400, 'signature must be "secret", "hmac" or "hex".');
			let data = body.data;
			if (data === undefined && body.resource && body.id) data = record(collectionName(body.resource), body.id);
			const deliveries = await mock.fireWebhook(body.event, data, { signature: body.signature });
			return { event: body.event, deliveries };
		}],
	];

	function sizes() {
		const out = {};
		for (const name of mock.store.resourceNames) out[name] = mock.store.collection(name).size;
		return out;
	}

	function clockState() {
		const now = mock.clock.now();
		return { now, iso: new Date(now).toISOString(), offsetMs: mock.clock.offsetMs };
	}

	const router = createRouter(routes.map(([method, path, handler]) => ({ method, path, scope: null, handler })));

	async function handle(req, res, pathname, search) {
		let status = 200;
		let payload;
		try {
			const path = pathname.slice('/__admin'.length) || '/';
			const found = router.match(req.method, path);
			if (!found) throw new ApiError(404, `No admin route ${req.method} ${pathname}.`);
			if (!found.route) throw new ApiError(405, `Use ${found.allowed.join(' or ')} for ${pathname}.`);
			const raw = await readBody(req);
			let { body } = parseBody(mediaType(req.headers['content-type']), req.headers['content-type'], raw);
			if (!body || typeof body !== 'object') body = {};
			const query = Object.fromEntries(new URLSearchParams(search));
			const ctx = { params: found.params, query, body, setStatus: (s) => (status = s) };
			payload = await found.route.handler(ctx);
		} catch (error) {
			status = error instanceof ApiError ? error.status : 500;
			payload = error instanceof ApiError ? error.toBody() : { code: 500, message: String(error && error.message) };
		}
		const text = JSON.stringify(payload ?? null);
		res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
		res.end(text);
	}

	return { handle, routes: routes.map(([method, path]) => `${method} /__admin${path}`) };
}

module.exports = { createAdmin };
