import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Endpoint {
	resource: string;
	operation: string;
	method: string;
	path: string;
	scope: string;
	paginated: boolean;
	queryParams: Array<{ name: string; required: boolean }>;
	bodyFields: Array<{ name: string; type: string; required: boolean; description: string }>;
	requestContentType: string | null;
	responseFields: Array<{ name: string; type: string; description: string }>;
	responseStatus: string | null;
}

/**
 * The API facts live beside the repository, in ../shared/mkp-api (CI lays them there too), or in
 * the folder MKP_API_DIR names. Every test reads endpoints.json through here.
 */
export function endpointsPath(): string {
	return process.env.MKP_API_DIR
		? path.join(process.env.MKP_API_DIR, 'endpoints.json')
		: path.resolve(__dirname, '../../../shared/mkp-api/endpoints.json');
}

export function restEndpoints(): Endpoint[] {
	const all = JSON.parse(fs.readFileSync(endpointsPath(), 'utf8')) as Endpoint[];
	return all.filter((endpoint) => endpoint.resource !== 'oauth');
}

/** The spec misspells one path parameter; the node uses the name the page means. */
export function normalisePath(p: string): string {
	return p.replace('{punchCaissuedPunchCardIdrdId}', '{issuedPunchCardId}');
}
