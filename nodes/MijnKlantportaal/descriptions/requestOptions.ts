import type { INodeProperties } from 'n8n-workflow';

/** Max Retries, Max Wait and Timeout: how hard and how long the transport tries before an item fails. */
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
			description:
				'How often a read that failed with a server or connection error is tried again. Writes are never repeated blindly.',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description:
				'The longest one request may wait for the rate limit (60 per minute) and retries before it fails',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				'The longest one attempt may take to receive the whole answer, headers and body. A read that runs out of time is retried (Max Retries); a write is not repeated. Without this option file uploads and downloads get 300 seconds; with it, they get this value too.',
		},
	],
};
