import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import {
	apiRequest,
	downloadCloudFile,
	getRecords,
	simplifiedFields,
	simplify,
} from '../../shared';
import type {
	ApiRequest,
	CloudFile,
	OperationSpec,
	ResourceSpec,
	RetryOptions,
} from '../../shared';
import type { OperationInput } from './input';
import { readLimit } from './input';

/** The records as they go out: only the Simplify fields when the operation has the option on. */
function presented(
	this: IExecuteFunctions,
	resource: ResourceSpec,
	operation: OperationSpec,
	records: IDataObject[],
	itemIndex: number,
): IDataObject[] {
	const fields = simplifiedFields(resource, operation);
	// A version 1 node has no Simplify parameter, so it falls back to the whole record.
	if (!fields || !this.getNodeParameter('simplify', itemIndex, false)) return records;
	return records.map((record) => simplify(record, fields));
}

/** Sends the request and shapes the answer by the operation's response kind, one item per record. */
export async function toItems(
	this: IExecuteFunctions,
	resource: ResourceSpec,
	operation: OperationSpec,
	request: ApiRequest,
	input: OperationInput,
	itemIndex: number,
	retry: RetryOptions,
): Promise<INodeExecutionData[]> {
	const pairedItem = { item: itemIndex };

	if (operation.response === 'pages') {
		const records = await getRecords.call(this, request, readLimit.call(this, itemIndex), retry);
		return presented
			.call(this, resource, operation, records, itemIndex)
			.map((json) => ({ json, pairedItem }));
	}

	const response = await apiRequest.call(this, request, retry);
	const body = response.body as IDataObject;
	if (operation.response === 'dataList') {
		const records = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
		return presented
			.call(this, resource, operation, records, itemIndex)
			.map((json) => ({ json, pairedItem }));
	}
	if (operation.response === 'cloudFile' && this.getNodeParameter('download', itemIndex, true)) {
		const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
		const binary = await downloadCloudFile.call(
			this,
			body as unknown as CloudFile,
			itemIndex,
			input.id ?? 'file',
			retry,
		);
		return [
			{
				json: {
					...body,
					fileName: binary.fileName,
					mimeType: binary.mimeType,
					fileSize: binary.fileSize,
				},
				binary: { [property]: binary },
				pairedItem,
			},
		];
	}
	const [json] = presented.call(this, resource, operation, [body], itemIndex);
	return [{ json, pairedItem }];
}
