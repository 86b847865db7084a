// A throwaway loopback server that plays an API misbehaving in one way the mock never does
// (echoing the credential, paging in circles, answering a byte at a time, a foreign link).
// It records every request it saw, so a test can count them.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
	method: string;
	/** Path and query as sent. */
	url: string;
	authorization?: string;
	/** The client closed the connection before the answer was complete. */
	abandoned: boolean;
	/** The exchange is over (answered, or abandoned). */
	closed: Promise<void>;
}

export interface LocalApi {
	/** `http://127.0.0.1:<port>` */
	origin: string;
	port: number;
	/** `<origin>/v1` */
	apiBaseUrl: string;
	seen: Seen[];
	/** Resolves once every exchange seen so far is over. */
	idle(): Promise<void>;
	stop(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, api: LocalApi) => void | Promise<void>;

/** JSON answer with a status. */
export function answer(res: http.ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

export async function localApi(handler: Handler): Promise<LocalApi> {
	const seen: Seen[] = [];
	const sockets = new Set<import('node:net').Socket>();
	const server = http.createServer((req, res) => {
		let close = () => {};
		const entry: Seen = {
			method: req.method ?? '',
			url: req.url ?? '',
			authorization: req.headers.authorization,
			abandoned: false,
			closed: new Promise<void>((resolve) => (close = resolve)),
		};
		seen.push(entry);
		res.on('close', () => {
			if (!res.writableFinished) entry.abandoned = true;
			close();
		});
		void Promise.resolve(handler(req, res, api)).catch((error: Error) => {
			if (!res.headersSent) answer(res, 599, { message: `test server failed: ${error.message}` });
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const origin = `http://127.0.0.1:${port}`;
	const api: LocalApi = {
		origin,
		port,
		apiBaseUrl: `${origin}/v1`,
		seen,
		idle: async () => {
			await Promise.all(seen.map((entry) => entry.closed));
		},
		stop: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
	return api;
}
