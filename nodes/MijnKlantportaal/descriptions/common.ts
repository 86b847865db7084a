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
		{ name: 'mijnKlantportaalApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
		{ name: 'mijnKlantportaalOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
	];
}

export const requestOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 3,
			description: 'How often a read that failed with a server or connection error is tried again. Writes are never repeated blindly.',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description: 'The longest one request may wait for the rate limit (60 per minute) and retries before it fails',
		},
	],
};
