import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { apiRequest, resources } from '../../shared';
import type { LocatorName, Page } from '../../shared';

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
];

function label(record: IDataObject): string {
	const text = LABEL_FIELDS.map((key) => record[key]).find(
		(value) => typeof value === 'string' && value,
	);
	return text ? `${String(text)} (${String(record.id)})` : String(record.id);
}

/**
 * The API has no search parameter, so one page (15 records) is fetched per call and filtered
 * here; the next page's URL is the pagination token, so scrolling the list walks the pages.
 */
function searchFor(locator: LocatorName): SearchMethod {
	const list = resources
		.find((resource) => resource.value === locator)
		?.operations.find((op) => op.response === 'pages' && !op.pathParams?.length);
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		if (!list) return { results: [] };
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

const LOCATORS: LocatorName[] = [
	'agreement',
	'appointment',
	'customer',
	'customerGroup',
	'customerInvoice',
	'customerOffer',
	'customerSubscription',
	'customerSubscriptionPackage',
	'fileRequest',
	'mkpInvoice',
	'paymentLink',
	'punchCard',
	'ticket',
	'webhook',
];

export const listSearch: Record<string, SearchMethod> = Object.fromEntries(
	LOCATORS.map((locator) => [`search_${locator}`, searchFor(locator)]),
);
