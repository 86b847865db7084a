// Shared helpers of the resource tests: a mock on port 0, and a tiny client that talks to it over
// real loopback HTTP (JSON bodies, or real multipart bodies built with FormData).
import { createHash } from 'node:crypto';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMockServer } = require('../index');

export type Mock = any;
export interface Reply {
	status: number;
	body: any;
	headers: Headers;
}
export interface CallOptions {
	json?: unknown;
	form?: FormData;
	token?: string;
}

export async function startMock(options: Record<string, unknown> = {}): Promise<Mock> {
	return startMockServer({ port: 0, seed: 1, records: 0, ...options });
}

export function client(mock: Mock) {
	return async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
		const headers: Record<string, string> = { Authorization: `Bearer ${options.token ?? mock.apiKey}`, Accept: 'application/json' };
		let body: BodyInit | undefined;
		if (options.form) body = options.form;
		else if (options.json !== undefined) {
			headers['Content-Type'] = 'application/json';
			body = JSON.stringify(options.json);
		}
		const response = await fetch(`${mock.apiBaseUrl}${path}`, { method, headers, body });
		const text = await response.text();
		let parsed: any = text;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			// not JSON: keep the text
		}
		return { status: response.status, body: parsed, headers: response.headers };
	};
}

/** multipart body: plain values become text fields, `{data, filename, type}` become files. */
export function form(fields: Record<string, string | { data: Buffer; filename: string; type?: string } | Array<{ data: Buffer; filename: string; type?: string }>>): FormData {
	const fd = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		const files = Array.isArray(value) ? value : typeof value === 'string' ? null : [value];
		if (!files) fd.append(name, value as string);
		else for (const f of files) fd.append(name, new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/octet-stream' }), f.filename);
	}
	return fd;
}

export const sha256 = (data: Buffer | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Fetches a cloud-file link without any credentials, as a client must. */
export async function download(link: string): Promise<{ status: number; data: Buffer; headers: Headers }> {
	const response = await fetch(link);
	return { status: response.status, data: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

export const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const ATOM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
