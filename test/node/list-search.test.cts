// The "From List" mode of every resource locator, called the way n8n's editor calls it (n8n-core's
// LoadOptionsContext) against the mock: each search the node's description names exists and shows
// the API's own list, page by page.
import type { INodeProperties } from 'n8n-workflow';
import { MijnKlantportaal } from '../../nodes/MijnKlantportaal/MijnKlantportaal.node';
import { runListSearch } from '../harness/mkp-n8n.cjs';
import { apiKeyCredential, startMock } from './setup.cjs';
import type { MockServer } from './setup.cjs';

type Rec = Record<string, any>;
const node = new MijnKlantportaal();

/** Every `searchListMethod` in the node's parameters (collections and fixed collections included). */
function searchMethods(properties: readonly unknown[], found = new Set<string>()): Set<string> {
	for (const property of properties as Array<INodeProperties & { values?: unknown[] }>) {
		for (const mode of property.modes ?? []) {
			const method = mode.typeOptions?.searchListMethod;
			if (method) found.add(method);
		}
		if (property.values) searchMethods(property.values, found);
		if (Array.isArray(property.options)) searchMethods(property.options, found);
	}
	return found;
}
const methods = [...searchMethods(node.description.properties)].sort();

let mock: MockServer;

/** What the API itself answers for a list URL, with the all-scopes key. */
async function apiList(url: string): Promise<{ data: Rec[]; next_page_url?: string | null }> {
	const response = await fetch(url, { headers: { Authorization: `Bearer ${mock.apiKey}` } });
	expect(response.status).toBe(200);
	return (await response.json()) as { data: Rec[]; next_page_url?: string | null };
}

const search = (method: string, filter?: string, paginationToken?: string) =>
	runListSearch({ method, ...apiKeyCredential(mock), filter, paginationToken });

beforeAll(async () => {
	mock = await startMock({ records: 20 });
	// The appointment list is the coming 7 days; two appointments make sure it is not empty.
	const hour = 3_600_000;
	for (const inHours of [26, 50]) mock.store.create('appointments', { startsAt: new Date(mock.clock.now() + inHours * hour).toISOString() });
});

afterAll(async () => mock.close());

describe('resource locator lists', () => {
	it('every locator names a search the node has', () => {
		// eslint-disable-next-line no-console
		console.log(`${methods.length} locator searches: ${methods.join(', ')}`);
		expect(methods.length).toBeGreaterThan(0);
		expect(methods.filter((method) => typeof node.methods.listSearch[method] !== 'function')).toEqual([]);
	});

	it.each(methods)('%s shows the first page of the API list, labelled, with the next page as the token', async (method) => {
		const since = mock.log.lastSeq;
		const result = await search(method);
		// One request, to the resource's list; ask the API the same.
		const requests = mock.log.entries({ since });
		expect(requests.map((entry) => [entry.method, entry.status])).toEqual([['GET', 200]]);
		const page = await apiList(`${mock.apiBaseUrl}${requests[0].path.replace(/^\/v1/, '')}`);
		expect(page.data.length).toBeGreaterThan(0);
		expect(result.results.map((entry) => entry.value)).toEqual(page.data.map((record) => record.id));
		result.results.forEach((entry, i) => {
			const record = page.data[i];
			const suffix = ` (${record.id})`;
			// A label is one of the record's own texts followed by its ID, or the ID alone.
			if (entry.name === record.id) return;
			expect(entry.name.endsWith(suffix)).toBe(true);
			expect(Object.values(record)).toContain(entry.name.slice(0, -suffix.length));
		});
		expect(result.paginationToken).toBe(page.next_page_url ?? undefined);
	});

	it('labels records by their name-like field', async () => {
		const [customer] = (await search('search_customer')).results;
		const firstCustomer = mock.store.collection('customers').all()[0] as Rec;
		expect(customer).toEqual({ name: `${firstCustomer.companyName} (${firstCustomer.id})`, value: firstCustomer.id });
		const appointments = (await search('search_appointment')).results;
		const next = (await apiList(`${mock.apiBaseUrl}/appointments`)).data[0];
		expect(appointments[0]).toEqual({ name: `${next.attendeeName} (${next.id})`, value: next.id });
	});

	it('filters the page by the typed text, case-insensitively', async () => {
		const all = (await search('search_customer')).results;
		const word = all[3].name.split(' ')[0];
		const filtered = await search('search_customer', word.toUpperCase());
		expect(filtered.results).toEqual(all.filter((entry) => entry.name.toLowerCase().includes(word.toLowerCase())));
		expect(filtered.results.length).toBeGreaterThan(0);
		expect(filtered.results.length).toBeLessThan(all.length);
	});

	it('walks the pages with the token, and ends with none', async () => {
		const first = await search('search_customer');
		expect(first.paginationToken).toBe(`${mock.apiBaseUrl}/customers?page=2`);
		const second = await search('search_customer', undefined, first.paginationToken as string);
		const ids = (mock.store.collection('customers').all() as Rec[]).map((customer) => customer.id);
		expect([...first.results, ...second.results].map((entry) => entry.value)).toEqual(ids);
		expect(second.paginationToken).toBeUndefined();
	});

	it('an unpaginated list (appointments) comes whole, without a token', async () => {
		const result = await search('search_appointment');
		expect(result.results.length).toBeGreaterThanOrEqual(2);
		expect(result.paginationToken).toBeUndefined();
	});
});
