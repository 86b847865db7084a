import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { apiRequest, resources } from '../../shared';
import type { OperationSpec, Page, ResourceSpec } from '../../shared';

type SearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

const LABEL_FIELDS = [
	'companyName',
	'name',
	'title',
	'invoiceNumber',
	'offerNumber',
	'description',
	'url',
	// Appointments have no name or title; the attendee is what tells them apart.
	'attendeeName',
];

function label(record: IDataObject): string {
	const text = LABEL_FIELDS.map((key) => record[key]).find(
		(value) => typeof value === 'string' && value,
	);
	return text ? `${String(text)} (${String(record.id)})` : String(record.id);
}

/** The resource's list of all its records: a GET without path parameters, in pages or not. */
function listOf(resource: ResourceSpec): OperationSpec | undefined {
	return resource.operations.find(
		(op) =>
			op.method === 'GET' &&
			!op.pathParams?.length &&
			(op.response === 'pages' || op.response === 'dataList'),
	);
}

/**
 * The API has no search parameter, so one page (15 records) is fetched per call and filtered
 * here; the next page's URL is the pagination token, so scrolling the list walks the pages. An
 * unpaginated list (appointments: the coming 7 days) arrives whole in one call.
 */
function searchFor(list: OperationSpec): SearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		const response = await apiRequest.call(this, {
			method: 'GET',
			path: paginationToken || list.path,
			subject: { action: list.action, scope: list.scope },
		});
		const page = response.body as Page;
		const needle = (filter ?? '').trim().toLowerCase();
		const results = (page.data ?? [])
			.map((record) => ({ name: label(record), value: String(record.id) }))
			.filter((entry) => !needle || entry.name.toLowerCase().includes(needle));
		return { results, paginationToken: page.next_page_url || undefined };
	};
}

/**
 * `search_<resource>` for every resource that has a list, taken from the resource data: a field
 * with `locator: 'customer'` gets its "From List" mode from `search_customer`.
 */
export const listSearch: Record<string, SearchMethod> = Object.fromEntries(
	resources.flatMap((resource) => {
		const list = listOf(resource);
		return list ? [[`search_${resource.value}`, searchFor(list)]] : [];
	}),
);
