import type { INodePropertyOptions } from 'n8n-workflow';

/*
 * n8n adds its own "Custom API Call" option to the Resource list and to every Operation list of a
 * node whose credential the HTTP Request node can use (one with `authenticate`, or OAuth2), unless
 * the list already ends with an option of that name (n8n's load-nodes-and-credentials,
 * `injectCustomApiCallOptions`). n8n's option does nothing in the node: it shows a notice to add an
 * HTTP Request node, which sends the credential to any URL, without this package's pacing, retries
 * and origin guard. So every list ends with ours, under that name, and n8n adds none.
 */

/** The last operation of every resource, and the only one of the Custom API Call resource. */
export const CUSTOM_API_CALL: INodePropertyOptions = {
	name: 'Custom API Call',
	value: 'send',
	description:
		'Send any request under the API base URL with this credential, paced and retried like the other operations',
	action: 'Send a custom API request',
};

/** The last resource. Its value is the one saved workflows already use. */
export const CUSTOM_API_CALL_RESOURCE: INodePropertyOptions = {
	name: 'Custom API Call',
	value: 'apiRequest',
};
