import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';
import { ALL_SCOPES, SCOPES } from './scopes';
import {
	ALLOWED_SERVERS,
	baseUrlExpression,
	environmentProperties,
	PRODUCTION_MANAGE_BASE_URL,
} from './shared';

export class MijnKlantportaalOAuth2Api implements ICredentialType {
	name = 'mijnKlantportaalOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'MijnKlantportaal OAuth2 API';

	icon: Icon = {
		light: 'file:../icons/mijnklantportaal.svg',
		dark: 'file:../icons/mijnklantportaal.dark.svg',
	};

	documentationUrl = 'https://docs.developers.mijnklantportaal.nl/oauth/endpoints/authorize';

	// n8n pins hidden OAuth2 fields to their defaults, resolving expressions over `$self`, both
	// when it builds the authorize URL and when it refreshes a token. That is how the environment,
	// the scope choice and `prompt` reach the flow while the URLs stay out of the user's hands.
	properties: INodeProperties[] = [
		...environmentProperties,
		{
			displayName: 'Manage Portal Base URL',
			name: 'manageBaseUrl',
			type: 'string',
			default: 'http://127.0.0.1:4010',
			placeholder: 'https://manage.example.com',
			description: `Base URL of the OAuth2 server (authorize and token endpoints). Allowed: ${ALLOWED_SERVERS}.`,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: baseUrlExpression(
				'$self',
				'manageBaseUrl',
				PRODUCTION_MANAGE_BASE_URL,
				'/oauth/authorize',
			),
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: baseUrlExpression(
				'$self',
				'manageBaseUrl',
				PRODUCTION_MANAGE_BASE_URL,
				'/oauth/tokens',
			),
			required: true,
		},
		{
			displayName: 'Custom Scopes',
			name: 'customScopes',
			type: 'boolean',
			default: false,
			description: 'Whether to request only the scopes you pick instead of all of them',
		},
		{
			displayName: 'Enabled Scopes',
			name: 'enabledScopes',
			type: 'multiOptions',
			options: SCOPES.map((scope) => ({
				name: scope.value,
				value: scope.value,
				description: scope.description,
			})),
			default: ALL_SCOPES.filter((scope) => scope.endsWith('.read')),
			displayOptions: { show: { customScopes: [true] } },
			description:
				'The scopes to request. Operations outside them fail with a 403 that names the missing scope.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: `={{ $self["customScopes"] ? [].concat($self["enabledScopes"] ?? []).join(" ") : "${ALL_SCOPES.join(' ')}" }}`,
		},
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'options',
			options: [
				{ name: 'Consent', value: 'consent', description: 'Ask the user to approve the scopes' },
				{ name: 'Login', value: 'login', description: 'Ask the user to log in again first' },
			],
			default: 'consent',
			description: 'What the manage portal shows the user when you connect',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '={{ "prompt=" + ($self["prompt"] || "consent") }}',
		},
		{
			// The token docs send client_id and client_secret in the request body.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}
