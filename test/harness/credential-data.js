'use strict';
// The data of our two credentials when they point at the mock API: shared by the jest suites,
// the benchmarks and the e2e fixtures, so every place builds them the same way.

/** @param {{apiKey: string, apiBaseUrl: string}} mock */
function apiKeyData(mock, apiKey = mock.apiKey) {
	return { apiKey, environment: 'custom', apiBaseUrl: mock.apiBaseUrl };
}

/**
 * @param {{apiBaseUrl: string, oauthBaseUrl: string, clientId: string, clientSecret: string}} mock
 * @param {{access_token: string, refresh_token: string, expires_in: number}} tokens
 */
function oauthData(mock, tokens) {
	return {
		environment: 'custom',
		apiBaseUrl: mock.apiBaseUrl,
		manageBaseUrl: mock.oauthBaseUrl,
		clientId: mock.clientId,
		clientSecret: mock.clientSecret,
		oauthTokenData: { access_token: tokens.access_token, refresh_token: tokens.refresh_token, expires_in: tokens.expires_in },
	};
}

module.exports = { apiKeyData, oauthData };
