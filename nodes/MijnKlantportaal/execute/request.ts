import type { ApiRequest, OperationSpec, ResourceSpec } from '../../shared';
import type { OperationInput } from './input';

/**
 * Multipart bodies follow Laravel's conventions: booleans as 1/0 (Laravel's `boolean` rule
 * refuses "true"), lists as `key[]`, and fields the docs show as JSON text as JSON text.
 */
function multipartBuilder(operation: OperationSpec, input: OperationInput): () => FormData {
	const jsonFields = new Set(
		(operation.fields ?? []).filter((f) => f.asJsonString).map((f) => f.name),
	);
	return () => {
		const form = new FormData();
		for (const [key, value] of Object.entries(input.body)) {
			if (
				jsonFields.has(key) ||
				(typeof value === 'object' && value !== null && !Array.isArray(value))
			) {
				form.append(key, JSON.stringify(value));
			} else if (Array.isArray(value)) {
				for (const entry of value)
					form.append(
						`${key}[]`,
						typeof entry === 'object' ? JSON.stringify(entry) : String(entry),
					);
			} else if (typeof value === 'boolean') {
				form.append(key, value ? '1' : '0');
			} else {
				form.append(key, String(value));
			}
		}
		for (const file of input.files) {
			form.append(
				file.formKey,
				new Blob([new Uint8Array(file.data)], { type: file.mimeType }),
				file.fileName,
			);
		}
		return form;
	};
}

export function buildRequest(
	resource: ResourceSpec,
	operation: OperationSpec,
	input: OperationInput,
	itemIndex: number,
): ApiRequest {
	const request: ApiRequest = {
		method: operation.method,
		path: input.path,
		qs: Object.keys(input.qs).length ? input.qs : undefined,
		idempotent: operation.method === 'GET' || operation.idempotent === true,
		subject: {
			action: operation.action,
			scope: operation.scope,
			noun: input.idLabel?.replace(/\s+ID$/, '').toLowerCase() ?? resource.noun,
			id: input.id,
			itemIndex,
		},
	};
	if (operation.bodyType === 'multipart') request.multipart = multipartBuilder(operation, input);
	else if (operation.bodyType === 'json' || operation.method !== 'GET') {
		request.body = { ...(operation.fixedBody ?? {}), ...input.body };
	}
	return request;
}
