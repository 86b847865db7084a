import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
} from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';
import { apiRequest, getRecords, leavesPath } from '../../shared';
import type { ApiRequest, RetryOptions } from '../../shared';
import { readLimit } from './input';

export async function executeApiRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	retry: RetryOptions,
): Promise<INodeExecutionData[]> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const path = String(this.getNodeParameter('path', itemIndex, '')).trim();
	if (!path.startsWith('/') || path.startsWith('//')) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid Path (path): "${path}" must be a path under the API base, starting with / [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	if (leavesPath(path)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid Path (path): "${path}" leaves the API base: dot segments (/../ or /./, also percent-encoded) and backslashes are not allowed [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	const rows =
		(this.getNodeParameter('query.items', itemIndex, []) as Array<{
			name: string;
			value: string;
		}>) ?? [];
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
		const body =
			typeof raw === 'string'
				? jsonParse<IDataObject | null>(raw || '{}', { fallbackValue: null })
				: raw;
		// A JSON array is an object to JavaScript, but not a request body the API takes.
		if (!body || typeof body !== 'object' || Array.isArray(body)) {
			throw new NodeOperationError(
				this.getNode(),
				`Invalid JSON Body (jsonBody): not a JSON object [item ${itemIndex}]`,
				{
					itemIndex,
					description:
						'Enter a JSON object in { }, e.g. {"name": "value"}; a list in [ ], text or a number is not a request body',
				},
			);
		}
		request.body = body as IDataObject;
	}
	const pairedItem = { item: itemIndex };
	if (method === 'GET' && this.getNodeParameter('paginate', itemIndex, false)) {
		const records = await getRecords.call(this, request, readLimit.call(this, itemIndex), retry);
		return records.map((json) => ({ json, pairedItem }));
	}
	const response = await apiRequest.call(this, request, retry);
	return [{ json: response.body as IDataObject, pairedItem }];
}
