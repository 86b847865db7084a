import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { Failure } from './failure';
import type { ApiRequest } from './types';

interface ApiErrorBody {
	message?: string;
	errors?: Record<string, string[] | string>;
	requiredScope?: string;
}

function apiBody(failure: Failure): ApiErrorBody {
	const data = failure.data;
	if (data && typeof data === 'object' && !Array.isArray(data) && !Buffer.isBuffer(data)) {
		return data as ApiErrorBody;
	}
	return {};
}

function fieldErrors(body: ApiErrorBody): string[] {
	if (!body.errors || typeof body.errors !== 'object') return [];
	return Object.entries(body.errors).map(
		([field, messages]) => `${field}: ${[].concat(messages as never).join(' ')}`,
	);
}

function hintFor(status: number | undefined, body: ApiErrorBody, request: ApiRequest): string {
	const subject = request.subject ?? {};
	switch (status) {
		case 401:
			return 'The API key or access token was refused. Check the API key, or reconnect the OAuth2 credential.';
		case 403: {
			const scope = body.requiredScope ?? subject.scope;
			return scope
				? `The credential lacks the "${scope}" scope. Add it to the API key in the manage portal, or to the OAuth2 credential's scopes and reconnect.`
				: 'The credential is not allowed to do this. Check the scopes of the API key or OAuth2 credential.';
		}
		case 404:
			return subject.noun && subject.id
				? `No ${subject.noun} with ID "${subject.id}" exists, or it is not visible to this account.`
				: 'The record was not found. Check the ID.';
		case 422: {
			const fields = fieldErrors(body);
			return fields.length
				? `The API refused these fields: ${fields.join('; ')}`
				: 'The API refused the input. Check the fields sent.';
		}
		default:
			return '';
	}
}

/** The API's own message, the status and a hint, and nothing from the request itself. */
export function toNodeApiError(
	node: INode,
	failure: Failure,
	request: ApiRequest,
	attempts: number,
): NodeApiError {
	const body = apiBody(failure);
	const status = failure.status;
	const subject = request.subject ?? {};
	const what = subject.action ?? `${request.method} request`;
	let message: string;
	let description: string;
	if (status === 429) {
		message = `Rate limited by MijnKlantportaal: ${what} failed after ${attempts} attempts`;
		description =
			'The API allows 60 requests per minute per key or token. Raise the node\'s "Max Wait" option, process fewer items per run, or ask MijnKlantportaal for a higher limit.';
	} else if (failure.networkCode || failure.malformed) {
		const cause = failure.networkCode ? `connection failed (${failure.networkCode})` : 'response was not valid JSON';
		message = `MijnKlantportaal could not be reached: ${what} ${cause} after ${attempts} attempt${attempts > 1 ? 's' : ''}`;
		description = request.idempotent
			? 'The server may be down. Try again later.'
			: 'The request was not repeated because it may already have been processed: check the portal before you run it again.';
	} else if (status !== undefined && status >= 500) {
		message = `MijnKlantportaal server error (${status}): ${what} failed after ${attempts} attempt${attempts > 1 ? 's' : ''}`;
		description = request.idempotent
			? 'The server keeps failing. Try again later.'
			: 'The request was not repeated because it may already have been processed: check the portal before you run it again.';
	} else {
		message = body.message ? String(body.message) : `${what} failed with status ${status ?? 'unknown'}`;
		description = hintFor(status, body, request);
	}
	const errorResponse: JsonObject = { message, httpCode: status === undefined ? null : String(status) };
	if (Object.keys(body).length) errorResponse.body = body as JsonObject;
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: status === undefined ? undefined : String(status),
		itemIndex: subject.itemIndex,
	});
}
