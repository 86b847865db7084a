'use strict';
// Credentials: API keys (never expire) and OAuth access/refresh tokens, each with a scope set.
// Requests carry them as `Authorization: Bearer …`; the auth guide's `Authentication: Bearer …`
// wording is accepted too (API.md §2). Error messages never echo the presented token.
const { ApiError } = require('./errors');
const { createRng, randomToken } = require('./clock');
const { SCOPES } = require('./scopes');

const MESSAGES = {
	missing: 'Unauthenticated. Send an API key or access token as "Authorization: Bearer <token>".',
	malformed: 'Unauthenticated. The authorization header must have the form "Bearer <token>".',
	unknown: 'Unauthenticated. The API key or access token is not valid.',
	expired: 'Unauthenticated. The access token has expired.',
};

/**
 * @param {{ clock: { now(): number }, config: { expiresIn: number }, seed: number }} deps
 */
function createAuth({ clock, config, seed }) {
	// Own PRNG stream: the same seed yields the same default key and OAuth client in every run.
	const rng = createRng((Number(seed) * 2654435761) ^ 0x5eed);
	const apiKeys = new Map();
	const accessTokens = new Map();
	const refreshTokens = new Map();
	let keySeq = 0;
	let tokenSeq = 0;

	/** @param {Iterable<string>} scopes */
	function createApiKey(scopes = SCOPES) {
		const token = `mkp_${randomToken(rng, 40)}`;
		apiKeys.set(token, { kind: 'apiKey', id: `key_${++keySeq}`, scopes: new Set(scopes) });
		return token;
	}

	/**
	 * @param {{ scopes: Iterable<string>, expiresIn?: number, clientId?: string | null, withRefresh?: boolean }} options
	 */
	function issueTokens({ scopes, expiresIn = config.expiresIn, clientId = null, withRefresh = true }) {
		const scopeSet = new Set(scopes);
		const access_token = randomToken(rng, 64);
		accessTokens.set(access_token, {
			kind: 'oauth',
			id: `oat_${++tokenSeq}`,
			scopes: scopeSet,
			clientId,
			expiresAt: clock.now() + expiresIn * 1000,
		});
		const result = { access_token, expires_in: expiresIn };
		if (withRefresh) {
			const refresh_token = randomToken(rng, 80);
			refreshTokens.set(refresh_token, { scopes: scopeSet, clientId, revoked: false });
			result.refresh_token = refresh_token;
		}
		return result;
	}

	function findRefreshToken(token) {
		const record = refreshTokens.get(token);
		return record && !record.revoked ? record : null;
	}

	function revokeRefreshToken(token) {
		const record = refreshTokens.get(token);
		if (record) record.revoked = true;
	}

	/** Forces every issued access token to be expired now (tests of the refresh path). */
	function expireAllAccessTokens() {
		const now = clock.now();
		let count = 0;
		for (const record of accessTokens.values()) {
			if (record.expiresAt > now) {
				record.expiresAt = now - 1;
				count++;
			}
		}
		return count;
	}

	/**
	 * Looks the request's credential up without throwing, so the rate limiter can run first.
	 * @param {Record<string, string | string[] | undefined>} headers lower-case
	 * @returns {{ credential: object | null, problem: keyof MESSAGES | null, header: string | null }}
	 */
	function resolve(headers) {
		const header = headers.authorization !== undefined ? 'authorization' : headers.authentication !== undefined ? 'authentication' : null;
		if (!header) return { credential: null, problem: 'missing', header };
		const match = /^Bearer\s+(\S+)\s*$/i.exec(String(headers[header]));
		if (!match) return { credential: null, problem: 'malformed', header };
		const token = match[1];
		const key = apiKeys.get(token);
		if (key) return { credential: key, problem: null, header };
		const access = accessTokens.get(token);
		if (!access) return { credential: null, problem: 'unknown', header };
		if (access.expiresAt <= clock.now()) return { credential: null, problem: 'expired', header };
		return { credential: access, problem: null, header };
	}

	/** @param {keyof MESSAGES} problem */
	function unauthorized(problem) {
		return new ApiError(401, MESSAGES[problem]);
	}

	/** @param {{ scopes: Set<string> }} credential @param {string | null | undefined} scope */
	function requireScope(credential, scope) {
		if (scope && !credential.scopes.has(scope)) {
			throw new ApiError(403, `This action requires the "${scope}" scope.`, undefined, { requiredScope: scope });
		}
	}

	return {
		createApiKey,
		issueTokens,
		findRefreshToken,
		revokeRefreshToken,
		expireAllAccessTokens,
		resolve,
		unauthorized,
		requireScope,
		rng,
	};
}

/** How a credential appears in the request log: its id, never the token. */
function describeCredential(credential, problem) {
	if (credential) return `${credential.kind}:${credential.id}`;
	return problem === 'missing' || !problem ? 'none' : `invalid:${problem}`;
}

module.exports = { createAuth, describeCredential, SCOPES, MESSAGES };
