import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';
import { apiRequest, getRecords } from '../transport';
import type { ApiRequest, RetryOptions } from '../transport';

const show = { displayOptions: { show: { resource: ['apiRequest'] } } };

/** The escape hatch: any path under the API base, with the same credentials and transport. */
export const apiRequestProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		...show,
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send a request to any API path not covered by the other operations',
				action: 'Send an API request',
			},
		],
		default: 'send',
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		...show,
		options: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].map((method) => ({ name: method, value: method })),
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
		description: 'Path under the API base URL, e.g. /customers/cst_123. Absolute URLs are refused.',
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
		displayOptions: { show: { resource: ['apiRequest'], method: ['POST', 'PATCH', 'PUT', 'DELETE'] } },
		default: '{}',
		description: 'The request body as JSON',
	},
	{
		displayName: 'Follow Pages',
		name: 'paginate',
		type: 'boolean',
		displayOptions: { show: { resource: ['apiRequest'], method: ['GET'] } },
		default: false,
		description: 'Whether the response is a paginated list to follow through next_page_url, one output item per record',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show: { resource: ['apiRequest'], method: ['GET'], paginate: [true] } },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		displayOptions: { show: { resource: ['apiRequest'], method: ['GET'], paginate: [true], returnAll: [false] } },
		default: 50,
		description: 'Max number of results to return',
	},
];

export async function executeApiRequest(this: IExecuteFunctions, itemIndex: number, retry: RetryOptions): Promise<INodeExecutionData[]> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const path = String(this.getNodeParameter('path', itemIndex, '')).trim();
	if (!path.startsWith('/') || path.startsWith('//')) {
		throw new NodeOperationError(this.getNode(), `Invalid Path (path): "${path}" must be a path under the API base, starting with / [item ${itemIndex}]`, { itemIndex });
	}
	const rows = (this.getNodeParameter('query.items', itemIndex, []) as Array<{ name: string; value: string }>) ?? [];
	const qs = Object.fromEntries(rows.filter((row) => row.name).map((row) => [row.name, row.value]));
	const request: ApiRequest = {
		method,
		path,
		qs: Object.keys(qs).length ? qs : undefined,
		// Only reads are repeated after a failure; a custom write may not be safe to send twice.
		idempotent: method === 'GET',
		subject: { action: `${method} ${path}`, itemIndex },
	};
	if (method !== 'GET') {
		const raw = this.getNodeParameter('jsonBody', itemIndex, '{}');
		const body = typeof raw === 'string' ? jsonParse<IDataObject | null>(raw || '{}', { fallbackValue: null }) : raw;
		if (!body || typeof body !== 'object') {
			throw new NodeOperationError(this.getNode(), `Invalid JSON Body (jsonBody): not a JSON object [item ${itemIndex}]`, { itemIndex });
		}
		request.body = body as IDataObject;
	}
	const pairedItem = { item: itemIndex };
	if (method === 'GET' && this.getNodeParameter('paginate', itemIndex, false)) {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const records = await getRecords.call(this, request, limit, retry);
		return records.map((json) => ({ json, pairedItem }));
	}
	const response = await apiRequest.call(this, request, retry);
	return [{ json: response.body as IDataObject, pairedItem }];
}
