import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { networkCause } from './errors';
import { Pacer } from './pacing';
import { attemptTimeoutMs, DEFAULT_RETRY, sendWithRetries } from './request';
import type { RetryOptions } from './types';

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
 * Fetches a cloud-file link into n8n binary data, with the request loop's backoff, Max Retries
 * and cancellation (an expired link, 403, is not retried: it will not get better). The link is
 * pre-signed storage, so no credential is attached: `httpRequest` (not the authenticated variant)
 * sends no token. The storage has its own rate limit, if any, so it gets a pacer of its own.
 */
export async function downloadCloudFile(
	this: IExecuteFunctions,
	file: CloudFile,
	itemIndex: number,
	fallbackName: string,
	retry: RetryOptions = DEFAULT_RETRY,
): Promise<IBinaryData> {
	if (!file || typeof file.link !== 'string' || !/^https?:\/\//.test(file.link)) {
		throw new NodeOperationError(this.getNode(), 'The API returned no download link', {
			itemIndex,
		});
	}
	const result = await sendWithRetries.call(this, {
		send: async (context, options) => await context.helpers.httpRequest(options),
		options: () => ({
			method: 'GET',
			url: file.link,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			json: false,
		}),
		json: false,
		idempotent: true,
		resendsAfterRefresh: false,
		pacer: new Pacer(),
		retry,
		timeoutMs: attemptTimeoutMs(retry, true),
	});
	if ('response' in result) {
		const { body, headers } = result.response as {
			body: ArrayBuffer;
			headers: Record<string, string>;
		};
		const mimeType = (headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
		const fileName = fileNameFrom(headers['content-disposition'], file.link) ?? fallbackName;
		return await this.helpers.prepareBinaryData(Buffer.from(body), fileName, mimeType);
	}
	// The link is not quoted: its signature grants access to the file.
	const { failure, error, tally } = result.stopped;
	let why = 'the storage refused it for too long (429)';
	if (failure?.status && failure.status !== 429) why = `the storage answered ${failure.status}`;
	else if (failure?.networkCode) why = networkCause(failure).cause;
	else if (error !== undefined)
		why = String((error as Error).message ?? error)
			.split(file.link)
			.join('the link');
	throw new NodeOperationError(
		this.getNode(),
		`Downloading the file failed: ${why}, after ${tally.attempts} attempt${tally.attempts === 1 ? '' : 's'}`,
		{
			itemIndex,
			description: 'Download links expire after 5 minutes. Run the node again to get a fresh link.',
		},
	);
}
