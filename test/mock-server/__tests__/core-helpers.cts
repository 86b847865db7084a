// Shared helpers of the core tests: start a mock on port 0 and talk to it over real loopback HTTP.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMockServer } = require('../index');

export type Mock = any;

export async function start(options: Record<string, unknown> = {}): Promise<Mock> {
	return startMockServer({ port: 0, seed: 1, records: 0, ...options });
}

export function bearer(token: string): Record<string, string> {
	return { Authorization: `Bearer ${token}` };
}

/** Status, headers and the body: parsed JSON, or the text when it is not JSON (502 pages, OAuth HTML). */
async function reply(response: Response) {
	const text = await response.text();
	let body: any;
	try {
		body = JSON.parse(text);
	} catch {
		body = text;
	}
	return { status: response.status, headers: response.headers, body };
}

export async function getJson(url: string, headers: Record<string, string> = {}) {
	return await reply(await fetch(url, { headers }));
}

export async function sendJson(method: string, url: string, payload: unknown, headers: Record<string, string> = {}) {
	return await reply(
		await fetch(url, {
			method,
			headers: { 'Content-Type': 'application/json', ...headers },
			body: payload === undefined ? undefined : JSON.stringify(payload),
		}),
	);
}

export const admin = (mock: Mock, path: string, method = 'GET', payload?: unknown) =>
	method === 'GET' ? getJson(`${mock.adminUrl}${path}`) : sendJson(method, `${mock.adminUrl}${path}`, payload ?? {});
