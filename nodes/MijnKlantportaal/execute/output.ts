import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { apiRequest, downloadCloudFile, getRecords } from '../../shared';
import type { ApiRequest, CloudFile, OperationSpec, RetryOptions } from '../../shared';
import type { OperationInput } from './input';
import { readLimit } from './input';

/** Sends the request and shapes the answer by the operation's response kind, one item per record. */
export async function toItems(
	this: IExecuteFunctions,
	operation: OperationSpec,
	request: ApiRequest,
	input: OperationInput,
	itemIndex: number,
	retry: RetryOptions,
): Promise<INodeExecutionData[]> {
	const pairedItem = { item: itemIndex };

	if (operation.response === 'pages') {
		const records = await getRecords.call(this, request, readLimit.call(this, itemIndex), retry);
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
	return [{ json: body, pairedItem }];
}
