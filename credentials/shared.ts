import type { INodeProperties } from 'n8n-workflow';

export const PRODUCTION_API_BASE_URL = 'https://api.mijnklantportaal.nl/v1';
export const PRODUCTION_MANAGE_BASE_URL = 'https://manage.mijnklantportaal.nl';

/**
 * A custom server may be plain http only on loopback, so a typo can never send a token in clear
 * text across a network. The same rule, as an expression, guards the OAuth2 URLs.
 */
export const SAFE_URL_PATTERN =
	'^(https://[^/]+|http://(localhost|127\\.\\d+\\.\\d+\\.\\d+|\\[::1\\])(:\\d+)?)(/.*)?$';

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
				description: 'A test or mock server; https is required except on localhost',
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
		description: 'Base URL of the REST API, including /v1',
		displayOptions: { show: { environment: ['custom'] } },
	},
];

/**
 * An expression that resolves to `production` on the production environment and to the custom
 * base URL (trailing slashes removed) otherwise. A custom URL that is neither https nor loopback
 * resolves to an `.invalid` host, so the request fails instead of leaking.
 */
export function baseUrlExpression(
	self: '$credentials' | '$self',
	customField: string,
	production: string,
	suffix = '',
): string {
	const custom = `String(${self}["${customField}"] ?? "").trim().replace(/\\/+$/, "")`;
	const safe = `(/${SAFE_URL_PATTERN.replace(/\//g, '\\/')}/.test(${custom}) ? ${custom} : "https://refused-unsafe-custom-url.invalid")`;
	return `={{ (${self}["environment"] === "custom" ? ${safe} : "${production}") + "${suffix}" }}`;
}
