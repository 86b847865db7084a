import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Session } from './session';

/**
 * Whether a path climbs out of the place it names: a `.` or `..` segment, also percent-encoded
 * (`%2e%2e`, `.%2E`, `%252e…`), or a backslash, which many servers read as a slash.
 */
export function leavesPath(path: string): boolean {
	let decoded = path.split(/[?#]/)[0];
	for (let round = 0; round < 5; round++) {
		const next = decoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
			String.fromCharCode(parseInt(hex, 16)),
		);
		if (next === decoded) break;
		decoded = next;
	}
	return decoded.includes('\\') || decoded.split('/').some((part) => part === '.' || part === '..');
}

function under(pathname: string, basePath: string): boolean {
	return basePath === '' || pathname === basePath || pathname.startsWith(`${basePath}/`);
}

/**
 * The URL of a request: a path under the API base, or a link the API returned (`next_page_url`),
 * which must be http(s) on the API's own origin. Either way it stays under the base path, so the
 * credential only ever goes to the API itself. Anything else is refused before it is sent.
 */
export function resolveUrl(
	node: INode,
	session: Session,
	path: string,
	itemIndex?: number,
): string {
	const refuse = (message: string, description: string) =>
		new NodeOperationError(node, message, { description, itemIndex });
	const leaves = (shown: string) =>
		refuse(
			`Refused the path "${shown}": it leaves the API base path ${session.basePath || '/'}`,
			'Dot segments (/../ or /./, also percent-encoded) and backslashes are not allowed. The request was not sent.',
		);
	const link = /^[a-z][a-z0-9+.-]*:/i.test(path);
	if (!link && leavesPath(path)) throw leaves(path);
	let url: URL;
	try {
		url = new URL(link ? path : session.baseUrl + (path.startsWith('/') ? path : `/${path}`));
	} catch {
		throw refuse('The API returned a link that is not a valid URL', 'The request was not sent.');
	}
	const web = url.protocol === 'https:' || url.protocol === 'http:';
	if (!web || url.origin !== session.origin) {
		throw refuse(
			`Refused to send the credential to ${url.host ? `${url.protocol}//${url.host}` : url.protocol}: only ${session.origin} receives it`,
			web
				? 'The API returned a link to another origin. The request was not sent.'
				: `The API returned a link with the scheme "${url.protocol}", which the node never follows. The request was not sent.`,
		);
	}
	if (!under(url.pathname, session.basePath) || leavesPath(url.pathname))
		throw leaves(url.pathname);
	return url.toString();
}
