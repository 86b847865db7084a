'use strict';
// OAuth2 authorization-code flow of the "manage portal" (API.md §3), served on the API's host.
// Undocumented details are chosen the way a strict RFC 6749 server behaves: error codes and JSON
// error bodies from §5.2, single-use codes, client auth in the body or a Basic header.
const { SCOPES } = require('./auth');
const { randomToken } = require('./clock');
const { atom: toAtom } = require('./format');
const { consentPage, errorPage } = require('./oauth-pages');

const CODE_TTL_MS = 60_000;
const PROMPTS = ['consent', 'login'];

/**
 * @param {{ auth: ReturnType<typeof import('./auth').createAuth>, clock: { now(): number },
 *   config: { rotateRefreshTokens: boolean }, counters: { tokenCalls: Record<string, number> } }} deps
 */
function createOAuth({ auth, clock, config, counters }) {
	/** @type {Map<string, { clientId: string, clientSecret: string, name: string, redirectUris: Set<string> }>} */
	const clients = new Map();
	/** @type {Map<string, { clientId: string, redirectUri: string, scopes: string[], expiresAt: number, used: boolean }>} */
	const codes = new Map();
	let lastAuthorize = null;

	function addClient({ name = 'n8n', redirectUris = [], clientId, clientSecret } = {}) {
		const client = {
			clientId: clientId || randomToken(auth.rng, 20, '0123456789abcdef'),
			clientSecret: clientSecret || randomToken(auth.rng, 40),
			name,
			redirectUris: new Set(redirectUris),
		};
		clients.set(client.clientId, client);
		return client;
	}

	function addRedirectUri(uri, clientId) {
		const targets = clientId ? [clients.get(clientId)] : [...clients.values()];
		if (targets.some((c) => !c)) throw new Error(`Unknown client ${clientId}`);
		for (const client of targets) client.redirectUris.add(String(uri));
		return targets.map((c) => ({ clientId: c.clientId, redirectUris: [...c.redirectUris] }));
	}

	const html = (status, body) => ({ status, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body });
	const redirect = (uri, params) => {
		const target = new URL(uri);
		for (const [k, v] of Object.entries(params)) if (v !== undefined) target.searchParams.set(k, v);
		return { status: 302, headers: { Location: target.toString() }, body: '' };
	};

	/**
	 * Checks an authorize request. Problems with the client or redirect URI get an error page (never
	 * a redirect to an unverified URI); everything else is reported to the redirect URI.
	 * @returns {{ page?: object, client?: object, scopes?: string[] }}
	 */
	function check(q) {
		const client = q.client_id ? clients.get(q.client_id) : undefined;
		if (!client) return { page: html(400, errorPage('Unknown application', 'The client_id does not belong to a registered application.')) };
		if (!q.redirect_uri || !client.redirectUris.has(q.redirect_uri)) {
			return { page: html(400, errorPage('Invalid redirect URI', 'The redirect_uri is not registered for this application.')) };
		}
		const fail = (error, error_description) => ({ page: redirect(q.redirect_uri, { error, error_description, state: q.state }) });
		if (q.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be "code".');
		if (!q.state) return fail('invalid_request', 'The state parameter is required.');
		if (q.prompt && !PROMPTS.includes(q.prompt)) return fail('invalid_request', 'prompt must be "consent" or "login".');
		const scopes = String(q.scope || '').split(' ').filter(Boolean);
		if (scopes.length === 0) return fail('invalid_scope', 'At least one scope is required.');
		const unknown = scopes.filter((s) => !SCOPES.includes(s));
		if (unknown.length) return fail('invalid_scope', `Unknown scope(s): ${unknown.join(', ')}.`);
		return { client, scopes: [...new Set(scopes)] };
	}

	function authorizePage(query) {
		lastAuthorize = { query: { ...query }, receivedAt: toAtom(clock.now()) };
		const result = check(query);
		if (result.page) return result.page;
		return html(200, consentPage({ appName: result.client.name, scopes: result.scopes, query }));
	}

	/** The consent form posts back here with decision=approve|deny. */
	function decide(form) {
		const result = check(form);
		if (result.page) return result.page;
		if (form.decision === 'deny') {
			return redirect(form.redirect_uri, { error: 'access_denied', error_description: 'The user denied the authorization request.', state: form.state });
		}
		if (form.decision !== 'approve') return html(400, errorPage('Invalid request', 'decision must be approve or deny.'));
		const code = randomToken(auth.rng, 48);
		codes.set(code, { clientId: result.client.clientId, redirectUri: form.redirect_uri, scopes: result.scopes, expiresAt: clock.now() + CODE_TTL_MS, used: false });
		return redirect(form.redirect_uri, { code, state: form.state });
	}

	const tokenError = (status, error, error_description, headers = {}) => ({
		status,
		headers: { 'Cache-Control': 'no-store', ...headers },
		json: { error, error_description },
	});

	/** Client credentials from a Basic header (RFC 6749 §2.3.1, form-encoded parts) or the body. */
	function authenticateClient(headers, body) {
		const basic = /^Basic\s+(\S+)$/i.exec(String(headers.authorization || ''));
		let id = body.client_id;
		let secret = body.client_secret;
		if (basic) {
			const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			const unescape = (s) => decodeURIComponent(s.replace(/\+/g, ' '));
			try {
				id = unescape(decoded.slice(0, colon));
				secret = unescape(decoded.slice(colon + 1));
			} catch {
				id = undefined;
			}
		}
		const client = id ? clients.get(String(id)) : undefined;
		if (!client || client.clientSecret !== String(secret ?? '')) {
			return { error: tokenError(401, 'invalid_client', 'Client authentication failed.', basic ? { 'WWW-Authenticate': 'Basic realm="oauth"' } : {}) };
		}
		return { client, method: basic ? 'basic' : 'body' };
	}

	/** POST /oauth/tokens with a parsed JSON or form body. */
	function token(headers, body) {
		const grant = typeof body.grant_type === 'string' ? body.grant_type : '';
		const grantKey = grant === 'authorization_code' || grant === 'refresh_token' ? grant : 'other';
		counters.tokenCalls[grantKey]++;
		const { client, error } = authenticateClient(headers, body);
		if (error) return error;
		const ok = (json) => ({ status: 200, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' }, json });
		if (grant === 'authorization_code') {
			if (!body.code || !body.redirect_uri) return tokenError(400, 'invalid_request', 'code and redirect_uri are required.');
			const grantRecord = codes.get(String(body.code));
			if (!grantRecord || grantRecord.clientId !== client.clientId) return tokenError(400, 'invalid_grant', 'The authorization code is invalid.');
			if (grantRecord.used) return tokenError(400, 'invalid_grant', 'The authorization code has already been used.');
			if (clock.now() >= grantRecord.expiresAt) return tokenError(400, 'invalid_grant', 'The authorization code has expired.');
			if (grantRecord.redirectUri !== body.redirect_uri) return tokenError(400, 'invalid_grant', 'The redirect_uri does not match the one used to authorize.');
			grantRecord.used = true;
			return ok(auth.issueTokens({ scopes: grantRecord.scopes, clientId: client.clientId }));
		}
		if (grant === 'refresh_token') {
			if (!body.refresh_token) return tokenError(400, 'invalid_request', 'refresh_token is required.');
			const record = auth.findRefreshToken(String(body.refresh_token));
			if (!record || record.clientId !== client.clientId) return tokenError(400, 'invalid_grant', 'The refresh token is invalid or has been revoked.');
			// Documented refresh response: {access_token, expires_in} only. Rotation is an opt-in variant.
			const issued = auth.issueTokens({ scopes: record.scopes, clientId: client.clientId, withRefresh: config.rotateRefreshTokens });
			if (config.rotateRefreshTokens) auth.revokeRefreshToken(String(body.refresh_token));
			return ok(issued);
		}
		if (!grant) return tokenError(400, 'invalid_request', 'grant_type is required.');
		return tokenError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
	}

	return {
		addClient,
		addRedirectUri,
		authorizePage,
		decide,
		token,
		clients,
		get lastAuthorize() {
			return lastAuthorize;
		},
	};
}

module.exports = { createOAuth, CODE_TTL_MS };
