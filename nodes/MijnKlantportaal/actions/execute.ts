import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { apiRequest, downloadCloudFile, getRecords } from '../transport';
import type { ApiRequest, CloudFile, RetryOptions } from '../transport';
import type { OperationDescription, ResourceDescription } from '../shared/types';
import type { OperationInput } from './input';
import { readOperationInput } from './input';

/**
 * Multipart bodies follow Laravel's conventions: booleans as 1/0 (Laravel's `boolean` rule
 * refuses "true"), lists as `key[]`, and fields the docs show as JSON text as JSON text.
 */
function multipartBuilder(operation: OperationDescription, input: OperationInput): () => FormData {
	const jsonFields = new Set((operation.fields ?? []).filter((f) => f.asJsonString).map((f) => f.name));
	return () => {
		const form = new FormData();
		for (const [key, value] of Object.entries(input.body)) {
			if (jsonFields.has(key) || (typeof value === 'object' && value !== null && !Array.isArray(value))) {
				form.append(key, JSON.stringify(value));
			} else if (Array.isArray(value)) {
				for (const entry of value) form.append(`${key}[]`, typeof entry === 'object' ? JSON.stringify(entry) : String(entry));
			} else if (typeof value === 'boolean') {
				form.append(key, value ? '1' : '0');
			} else {
				form.append(key, String(value));
			}
		}
		for (const file of input.files) {
			form.append(file.formKey, new Blob([new Uint8Array(file.data)], { type: file.mimeType }), file.fileName);
		}
		return form;
	};
}

export function buildRequest(
	resource: ResourceDescription,
	operation: OperationDescription,
	input: OperationInput,
	itemIndex: number,
): ApiRequest {
	const request: ApiRequest = {
		method: operation.method,
		path: input.path,
		qs: Object.keys(input.qs).length ? input.qs : undefined,
		idempotent: operation.method === 'GET' || operation.idempotent === true,
		subject: { action: operation.action, scope: operation.scope, noun: input.idLabel?.replace(/\s+ID$/, '').toLowerCase() ?? resource.noun, id: input.id, itemIndex },
	};
	if (operation.bodyType === 'multipart') request.multipart = multipartBuilder(operation, input);
	else if (operation.bodyType === 'json' || operation.method !== 'GET') {
		request.body = { ...(operation.fixedBody ?? {}), ...input.body };
	}
	return request;
}

/** Runs one operation for one item and returns its output items, each paired with the input. */
export async function executeOperation(
	this: IExecuteFunctions,
	resource: ResourceDescription,
	operation: OperationDescription,
	itemIndex: number,
	retry: RetryOptions,
): Promise<INodeExecutionData[]> {
	const input = await readOperationInput.call(this, operation, itemIndex);
	const request = buildRequest(resource, operation, input, itemIndex);
	const pairedItem = { item: itemIndex };

	if (operation.response === 'pages') {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const records = await getRecords.call(this, request, limit, retry);
		return records.map((json) => ({ json, pairedItem }));
	}

	const response = await apiRequest.call(this, request, retry);
	const body = response.body as IDataObject;
	if (operation.response === 'dataList') {
		const records = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
		return records.map((json) => ({ json, pairedItem }));
	}
	if (operation.response === 'cloudFile' && this.getNodeParameter('download', itemIndex, true)) {
		const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
		const binary = await downloadCloudFile.call(this, body as unknown as CloudFile, itemIndex, input.id ?? 'file');
		return [
			{
				json: { ...body, fileName: binary.fileName, mimeType: binary.mimeType, fileSize: binary.fileSize },
				binary: { [property]: binary },
				pairedItem,
			},
		];
	}
	return [{ json: body, pairedItem }];
}
