import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

export const PRODUCTION_API_BASE_URL = 'https://api.mijnklantportaal.nl/v1';
export const PRODUCTION_MANAGE_BASE_URL = 'https://manage.mijnklantportaal.nl';

/**
 * The servers a credential's secrets may go to: MijnKlantportaal's own (`*.mijnklantportaal.nl`,
 * https only) and this machine (localhost, 127.0.0.0/8 or [::1], http or https). Anyone who may
 * edit a shared credential could otherwise point it at their own server and receive the key, or
 * the refresh token and client secret, without ever seeing them. A plain base URL only: no user
 * name, query, fragment or backslash. Case-insensitive. As a string, so that the OAuth2 URL
 * expressions can use the same rule.
 */
export const SAFE_URL_PATTERN =
	'^(https://([a-z0-9-]+\\.)+mijnklantportaal\\.nl|https?://(localhost|127(\\.\\d{1,3}){3}|\\[::1\\]))(:\\d{1,5})?(/[^?#\\s\\\\]*)?$';

export const ALLOWED_SERVERS =
	'https on *.mijnklantportaal.nl, or http or https on this machine (localhost, 127.0.0.0/8, [::1])';

/** The server a credential names in `field` (trailing slashes removed), or `production`. */
export function serverUrl(
	credentials: ICredentialDataDecryptedObject,
	field: 'apiBaseUrl' | 'manageBaseUrl',
	production: string,
): string {
	if (credentials.environment !== 'custom') return production;
	return String(credentials[field] ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/** Why a custom server URL is refused, naming its host as written, or undefined when allowed. */
export function refusedServerUrl(url: string, field = 'API Base URL'): string | undefined {
	const allowed = (text: string) => new RegExp(SAFE_URL_PATTERN, 'i').test(text);
	if (allowed(url)) return undefined;
	// The host as written (`0x7f.1` stays itself), without a user name and password.
	const parts = /^([a-z][a-z0-9+.-]*:)\/\/(?:[^/?#\\]*@)?([^/?#\\]*)/i.exec(url);
	if (!parts) return `The credential's ${field} is not a valid URL`;
	const [, scheme, host] = parts;
	if (!/^https?:$/i.test(scheme)) {
		return `The credential's ${field} must start with https:// (or http:// on this machine)`;
	}
	if (allowed(`${scheme}//${host}`)) {
		return `The credential's ${field} must be a plain URL (scheme, host, port and path), without a user name, query, fragment or backslash`;
	}
	if (/\.mijnklantportaal\.nl(:\d+)?$/i.test(host) && /^http:$/i.test(scheme)) {
		return `The host ${host} in the credential's ${field} is allowed only over https`;
	}
	return `The host ${host} in the credential's ${field} is not allowed: a custom server must be ${ALLOWED_SERVERS}`;
}

export const environmentProperties: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Production', value: 'production' },
			{
				name: 'Custom Server',
				value: 'custom',
				description: `A test or mock server: ${ALLOWED_SERVERS}`,
			},
		],
		default: 'production',
		description:
			'Which MijnKlantportaal servers to use. Keep Production unless you test against a mock.',
	},
	{
		displayName: 'API Base URL',
		name: 'apiBaseUrl',
		type: 'string',
		default: 'http://127.0.0.1:4010/v1',
		placeholder: 'https://api.example.com/v1',
		description: `Base URL of the REST API, including /v1. Allowed: ${ALLOWED_SERVERS}.`,
		displayOptions: { show: { environment: ['custom'] } },
	},
];

/** Where a refused custom URL resolves to: a reserved name that no resolver answers. */
export const REFUSED_URL = 'https://host-not-allowed.invalid';

/**
 * An expression that resolves to `production` on the production environment and to the custom
 * base URL (trailing slashes removed) otherwise. A custom URL outside SAFE_URL_PATTERN resolves
 * to REFUSED_URL, so nothing is sent to it (the nodes refuse such a credential with a message
 * that names the host before any request).
 */
export function baseUrlExpression(
	self: '$credentials' | '$self',
	customField: string,
	production: string,
	suffix = '',
): string {
	const custom = `String(${self}["${customField}"] ?? "").trim().replace(/\\/+$/, "")`;
	const safe = `(/${SAFE_URL_PATTERN.replace(/\//g, '\\/')}/i.test(${custom}) ? ${custom} : "${REFUSED_URL}")`;
	return `={{ (${self}["environment"] === "custom" ? ${safe} : "${production}") + "${suffix}" }}`;
}
