import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** Shared by every node of the package, so all of them pick credentials the same way. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'apiKey',
};

export function credentialsFor(): INodeCredentialDescription[] {
	return [
		{
			name: 'mijnKlantportaalApi',
			required: true,
			displayOptions: { show: { authentication: ['apiKey'] } },
		},
		{
			name: 'mijnKlantportaalOAuth2Api',
			required: true,
			displayOptions: { show: { authentication: ['oAuth2'] } },
		},
	];
}
