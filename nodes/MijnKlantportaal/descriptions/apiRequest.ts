import type { INodeProperties } from 'n8n-workflow';
import { CUSTOM_API_CALL } from './customApiCall';

/**
 * The one way to send a custom request: the last resource, and the last operation of every
 * resource (see customApiCall.ts). The fields show for that operation, whichever resource it is on.
 */
const show = { displayOptions: { show: { operation: [CUSTOM_API_CALL.value] } } };

/** The escape hatch: any path under the API base, with the same credentials and transport. */
export const apiRequestProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apiRequest'] } },
		options: [CUSTOM_API_CALL],
		default: 'send',
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		...show,
		options: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].map((method) => ({
			name: method,
			value: method,
		})),
		default: 'GET',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		...show,
		default: '',
		placeholder: '/customers',
		description:
			'Path under the API base URL (/v1), e.g. /customers/cst_123. The request always stays under the base: absolute URLs, dot segments (/../, also percent-encoded) and backslashes are refused before anything is sent.',
	},
	{
		displayName: 'Query Parameters',
		name: 'query',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		...show,
		default: {},
		options: [
			{
				displayName: 'Parameter',
				name: 'items',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		...show,
		displayOptions: {
			show: { operation: [CUSTOM_API_CALL.value], method: ['POST', 'PATCH', 'PUT', 'DELETE'] },
		},
		default: '{}',
		description: 'The request body as JSON',
	},
	{
		displayName: 'Follow Pages',
		name: 'paginate',
		type: 'boolean',
		displayOptions: { show: { operation: [CUSTOM_API_CALL.value], method: ['GET'] } },
		default: false,
		description:
			'Whether the response is a paginated list to follow through next_page_url, one output item per record',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: {
			show: { operation: [CUSTOM_API_CALL.value], method: ['GET'], paginate: [true] },
		},
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		displayOptions: {
			show: {
				operation: [CUSTOM_API_CALL.value],
				method: ['GET'],
				paginate: [true],
				returnAll: [false],
			},
		},
		default: 50,
		description: 'Max number of results to return',
	},
];
