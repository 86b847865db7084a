'use strict';
// Entry point: `startMockServer(options)` wires the pieces together and returns the handle every
// test uses (shape in index.d.ts, described in README.md).
const { createClock } = require('./clock');
const { createAuth } = require('./auth');
const { SCOPES } = require('./scopes');
const { createOAuth } = require('./oauth');
const { createRateLimiter } = require('./ratelimit');
const { createFaults } = require('./faults');
const { createRequestLog } = require('./request-log');
const { createCloudFiles } = require('./cloudfiles');
const { createRouter } = require('./router');
const { createMainServer } = require('./server');
const { createAdmin } = require('./admin');
const { deliver, EVENT_TYPES } = require('./webhook-delivery');
const { describeCredential } = require('./auth');
const { mediaType } = require('./body');

const DEFAULT_REDIRECT_URIS = Object.freeze([
	'http://localhost:5678/rest/oauth2-credential/callback',
	'http://127.0.0.1:5678/rest/oauth2-credential/callback',
]);
const ORDERS = ['oldest-first', 'newest-first'];

/** Accepts null/false/'off', 'N/SECONDS' or `{limit, windowSeconds}`. */
function parseRateLimit(value) {
	if (value === null || value === false || value === 'off' || value === undefined) return null;
	if (typeof value === 'string') {
		const match = /^(\d+)\/(\d+)$/.exec(value.trim());
		if (!match) throw new Error(`rateLimit must look like "60/60" or "off", got "${value}"`);
		value = { limit: Number(match[1]), windowSeconds: Number(match[2]) };
	}
	const limit = Number(value.limit);
	const windowSeconds = Number(value.windowSeconds ?? 60);
	if (!(Number.isInteger(limit) && limit >= 0 && windowSeconds > 0)) throw new Error('rateLimit needs an integer limit >= 0 and windowSeconds > 0');
	return { limit, windowSeconds };
}

function positive(name, value) {
	const n = Number(value);
	if (!(Number.isFinite(n) && n > 0)) throw new Error(`${name} must be a positive number`);
	return n;
}

/** Validates a config patch and applies it to the live config object (handlers read it per request). */
function applyConfig(config, patch) {
	const next = { ...config };
	if ('order' in patch) {
		if (!ORDERS.includes(patch.order)) throw new Error(`order must be ${ORDERS.join(' or ')}`);
		next.order = patch.order;
	}
	if ('rateLimit' in patch) next.rateLimit = parseRateLimit(patch.rateLimit);
	if ('expiresIn' in patch) next.expiresIn = Math.round(positive('expiresIn', patch.expiresIn));
	if ('cloudFileTtlSeconds' in patch) next.cloudFileTtlSeconds = positive('cloudFileTtlSeconds', patch.cloudFileTtlSeconds);
	if ('perPage' in patch) next.perPage = Math.round(positive('perPage', patch.perPage));
	for (const flag of ['rotateRefreshTokens', 'webhookDelete']) {
		if (flag in patch) {
			if (typeof patch[flag] !== 'boolean') throw new Error(`${flag} must be true or false`);
			next[flag] = patch[flag];
		}
	}
	Object.assign(config, next);
	return config;
}

function newCounters() {
	return {
		requests: 0,
		apiRequests: 0,
		tokenCalls: { authorization_code: 0, refresh_token: 0, other: 0 },
		tooManyRequests: 0,
		rateLimited: 0,
		faultsInjected: 0,
		webhookDeliveries: 0,
	};
}

/**
 * @param {import('./index').MockServerOptions} [options]
 * @returns {Promise<import('./index').MockServer>}
 */
async function startMockServer(options = {}) {
	const seed = Number(options.seed ?? 1);
	const records = Number(options.records ?? 0);
	const config = applyConfig(
		{ order: 'oldest-first', rateLimit: null, expiresIn: 3600, rotateRefreshTokens: false, webhookDelete: true, cloudFileTtlSeconds: 300, perPage: 15 },
		{
			order: options.order ?? 'oldest-first',
			rateLimit: options.rateLimit ?? null,
			expiresIn: options.expiresIn ?? 3600,
			rotateRefreshTokens: options.rotateRefreshTokens ?? false,
			webhookDelete: options.webhookDelete ?? true,
			cloudFileTtlSeconds: options.cloudFileTtlSeconds ?? 300,
		},
	);
	const clock = createClock({ start: options.now });
	const { createStore } = require('./store');
	const store = createStore({ seed, clock });
	const counters = newCounters();
	const auth = createAuth({ clock, config, seed });
	// Created first, so the same seed always prints the same key and client.
	const apiKey = auth.createApiKey(SCOPES);
	const oauth = createOAuth({ auth, clock, config, counters });
	const client = oauth.addClient({
		name: options.appName ?? 'n8n (mock app)',
		redirectUris: [...DEFAULT_REDIRECT_URIS, ...(options.redirectUris ?? [])],
	});
	const limiter = createRateLimiter({ clock, config });
	const faults = createFaults();
	const log = createRequestLog(options.logCapacity ?? 50_000);
	const cloudFiles = createCloudFiles({
		clock,
		config,
		onRequest(req, status) {
			const { credential, problem, header } = auth.resolve(req.headers);
			const q = (req.url || '/').indexOf('?');
			log.push({
				seq: 0,
				time: clock.now(),
				listener: 'storage',
				method: req.method,
				path: q < 0 ? req.url : req.url.slice(0, q),
				query: Object.fromEntries(new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1))),
				status,
				credential: describeCredential(credential, problem),
				authHeader: header,
				contentType: mediaType(req.headers['content-type']),
				body: null,
			});
		},
	});
	// `routes` lets a test mount its own table; normally it is helper B's resource routes.
	const routes = options.routes ?? require('./resources');
	const router = createRouter(routes);
	if (records > 0) store.seedAll(records);

	const checkScopes = (scopes) => {
		if (!Array.isArray(scopes)) throw new Error('scopes must be an array of scope names');
		const unknown = scopes.filter((s) => !SCOPES.includes(s));
		if (unknown.length) throw new Error(`Unknown scope(s): ${unknown.join(', ')}`);
		return scopes;
	};

	const mock = {
		apiBaseUrl: '',
		oauthBaseUrl: '',
		storageBaseUrl: '',
		adminUrl: '',
		apiKey,
		clientId: client.clientId,
		clientSecret: client.clientSecret,
		scopes: SCOPES,
		eventTypes: EVENT_TYPES,
		store,
		config,
		clock,
		log,
		counters,
		faults,
		createApiKey: (scopes = SCOPES) => auth.createApiKey(checkScopes([...scopes])),
		issueTokens: ({ scopes = SCOPES, expiresIn } = {}) =>
			auth.issueTokens({ scopes: checkScopes([...scopes]), expiresIn: expiresIn === undefined ? config.expiresIn : positive('expiresIn', expiresIn), clientId: client.clientId }),
		expireAllTokens: () => auth.expireAllAccessTokens(),
		addClient: (spec = {}) => {
			const created = oauth.addClient({ ...spec, redirectUris: spec.redirectUris ?? [...DEFAULT_REDIRECT_URIS] });
			return { clientId: created.clientId, clientSecret: created.clientSecret, name: created.name, redirectUris: [...created.redirectUris] };
		},
		addRedirectUri: (uri, clientId) => oauth.addRedirectUri(uri, clientId),
		get lastAuthorize() {
			return oauth.lastAuthorize;
		},
		updateConfig(patch) {
			const before = config.rateLimit;
			applyConfig(config, patch || {});
			if ('rateLimit' in (patch || {}) && JSON.stringify(before) !== JSON.stringify(config.rateLimit)) limiter.reset();
			return config;
		},
		checkScopes,
		resetCounters() {
			Object.assign(counters, newCounters());
		},
		/** Clears data, log, counters, faults and rate-limit windows; keeps credentials, clients and the clock. */
		reset({ seed: newSeed, order, records: count = records } = {}) {
			if (order !== undefined) applyConfig(config, { order });
			store.reset(newSeed === undefined ? undefined : Number(newSeed));
			if (Number(count) > 0) store.seedAll(Number(count));
			log.clear();
			faults.clear();
			limiter.reset();
			cloudFiles.clear();
			mock.resetCounters();
			return { seed: store.seedValue, order: config.order, records: Number(count) };
		},
		async fireWebhook(event, data, { signature = 'secret', timeoutMs } = {}) {
			if (!EVENT_TYPES.includes(event)) throw Object.assign(new Error(`Unknown event type "${event}"`), { status: 400 });
			if (!['secret', 'hmac', 'hex'].includes(signature)) throw new Error('signature must be "secret", "hmac" or "hex"');
			const results = await deliver({ webhooks: store.collection('webhooks').all(), event, data, signature, now: clock.now(), timeoutMs });
			counters.webhookDeliveries += results.length;
			return results;
		},
		close: async () => {},
	};

	const admin = createAdmin(mock);
	const server = createMainServer({ config, clock, store, auth, oauth, limiter, faults, log, counters, router, cloudFiles, admin });
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	try {
		mock.storageBaseUrl = await cloudFiles.listen(options.storagePort ?? 0);
	} catch (error) {
		server.close();
		throw error;
	}
	const origin = `http://127.0.0.1:${server.address().port}`;
	mock.apiBaseUrl = `${origin}/v1`;
	mock.oauthBaseUrl = origin;
	mock.adminUrl = `${origin}/__admin`;
	mock.port = server.address().port;

	let closing = null;
	mock.close = () => {
		closing ??= Promise.all([
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
			cloudFiles.close(),
		]).then(() => undefined);
		return closing;
	};
	return mock;
}

module.exports = { startMockServer, DEFAULT_REDIRECT_URIS, parseRateLimit };
