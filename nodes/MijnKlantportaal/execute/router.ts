import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { asNodeError, DEFAULT_RETRY, resources } from '../../shared';
import type { RetryOptions } from '../../shared';
import { executeApiRequest } from './apiRequest';
import { executeOperation } from './operation';

function retryOptions(this: IExecuteFunctions): RetryOptions {
	const options = this.getNodeParameter('requestOptions', 0, {}) as Partial<RetryOptions> & {
		timeout?: number;
	};
	return {
		maxRetries: options.maxRetries ?? DEFAULT_RETRY.maxRetries,
		maxWaitSeconds: options.maxWaitSeconds ?? DEFAULT_RETRY.maxWaitSeconds,
		...(options.timeout === undefined ? {} : { timeoutSeconds: options.timeout }),
	};
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const retry = retryOptions.call(this);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resourceValue = this.getNodeParameter('resource', itemIndex) as string;
			const operationValue = this.getNodeParameter('operation', itemIndex) as string;
			// Custom API Call: the resource of that name, or the last operation of any resource.
			if (resourceValue === 'apiRequest' || operationValue === 'send') {
				output.push(...(await executeApiRequest.call(this, itemIndex, retry)));
				continue;
			}
			const resource = resources.find((r) => r.value === resourceValue);
			const operation = resource?.operations.find((op) => op.value === operationValue);
			if (!resource || !operation) {
				throw new NodeOperationError(
					this.getNode(),
					`Unknown operation "${operationValue}" of resource "${resourceValue}"`,
					{ itemIndex },
				);
			}
			output.push(...(await executeOperation.call(this, resource, operation, itemIndex, retry)));
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({
					json: {
						error: (error as Error).message,
						description: (error as { description?: string }).description ?? null,
					},
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw asNodeError(this.getNode(), error, itemIndex);
		}
	}
	return [output];
}
