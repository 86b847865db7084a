import type { IExecuteFunctions, IBinaryData } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

export interface CloudFile {
	link: string;
	expiresAt?: string;
}

function fileNameFrom(disposition: string | undefined, link: string): string | undefined {
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
	if (match) return decodeURIComponent(match[1]);
	const last = new URL(link).pathname.split('/').pop();
	return last || undefined;
}

/**
 * Fetches a cloud-file link into n8n binary data. The link is pre-signed storage, so no
 * credential is attached: `httpRequest` (not the authenticated variant) sends no token.
 */
export async function downloadCloudFile(
	this: IExecuteFunctions,
	file: CloudFile,
	itemIndex: number,
	fallbackName: string,
): Promise<IBinaryData> {
	if (!file || typeof file.link !== 'string' || !/^https?:\/\//.test(file.link)) {
		throw new NodeOperationError(this.getNode(), 'The API returned no download link', {
			itemIndex,
		});
	}
	let lastError: unknown;
	for (let attempt = 1; attempt <= 3; attempt++) {
		try {
			const response = (await this.helpers.httpRequest({
				method: 'GET',
				url: file.link,
				encoding: 'arraybuffer',
				returnFullResponse: true,
				json: false,
			})) as { body: ArrayBuffer | Buffer; headers: Record<string, string> };
			const data = Buffer.from(response.body as ArrayBuffer);
			const mimeType = (response.headers['content-type'] ?? 'application/octet-stream')
				.split(';')[0]
				.trim();
			const fileName =
				fileNameFrom(response.headers['content-disposition'], file.link) ?? fallbackName;
			return await this.helpers.prepareBinaryData(data, fileName, mimeType);
		} catch (error) {
			lastError = error;
			// httpRequest throws the HTTP client's own error: the status is on `response`, not `httpCode`.
			const failed = error as {
				httpCode?: string;
				status?: number;
				response?: { status?: number };
			};
			const status = failed.httpCode ?? failed.response?.status ?? failed.status;
			// An expired link (403) will not get better by waiting.
			if (status && Number(status) < 500) break;
			if (attempt < 3) await sleep(250 * attempt);
		}
	}
	throw new NodeOperationError(
		this.getNode(),
		`Downloading the file failed: ${(lastError as Error)?.message ?? 'unknown error'}`,
		{
			itemIndex,
			description: 'Download links expire after 5 minutes. Run the node again to get a fresh link.',
		},
	);
}
