import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { OperationSpec, ResourceSpec, RetryOptions } from '../../shared';
import { readOperationInput } from './input';
import { toItems } from './output';
import { buildRequest } from './request';

/**
 * One operation for one item, in the order of this folder: read and check the input (no request
 * is sent for bad input), build the request, send it through the transport, turn the answer into
 * output items paired with the input item.
 */
export async function executeOperation(
	this: IExecuteFunctions,
	resource: ResourceSpec,
	operation: OperationSpec,
	itemIndex: number,
	retry: RetryOptions,
): Promise<INodeExecutionData[]> {
	const input = await readOperationInput.call(this, operation, itemIndex);
	const request = buildRequest(resource, operation, input, itemIndex);
	return await toItems.call(this, resource, operation, request, input, itemIndex, retry);
}
