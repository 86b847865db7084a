import type { IDataObject } from 'n8n-workflow';

/**
 * One MijnKlantportaal webhook record this node registered or adopted, as kept in the node's
 * static data (`staticData.webhooks`). The secret stays there, in n8n's database, and is never
 * logged or put in an execution.
 */
export interface StoredWebhook {
	id: string;
	type: string;
	url: string;
	secret: string;
}

const KEY = 'webhooks';

/** The same URL written two ways (e.g. an explicit default port) compares equal. */
export function sameUrl(a: string, b: string): boolean {
	const normal = (value: string) => {
		try {
			return new URL(value).toString();
		} catch {
			return value;
		}
	};
	return normal(a) === normal(b);
}

function isStoredWebhook(value: unknown): value is StoredWebhook {
	if (!value || typeof value !== 'object') return false;
	const record = value as Record<string, unknown>;
	return (
		typeof record.id === 'string' &&
		typeof record.type === 'string' &&
		typeof record.url === 'string' &&
		typeof record.secret === 'string'
	);
}

/** Every stored record, of every URL (production and test registrations are kept apart by URL). */
export function storedWebhooks(staticData: IDataObject): StoredWebhook[] {
	const list = staticData[KEY];
	return Array.isArray(list) ? list.filter(isStoredWebhook).map((record) => ({ ...record })) : [];
}

/** The stored records of one webhook URL. */
export function storedFor(staticData: IDataObject, url: string): StoredWebhook[] {
	return storedWebhooks(staticData).filter((record) => sameUrl(record.url, url));
}

/**
 * Replaces the records of one URL and keeps those of other URLs. The property is assigned anew
 * so n8n's observable static data notices the change and saves it.
 */
export function replaceFor(staticData: IDataObject, url: string, records: StoredWebhook[]): void {
	const others = storedWebhooks(staticData).filter((record) => !sameUrl(record.url, url));
	const next = [...others, ...records.map((record) => ({ ...record }))];
	if (next.length) {
		staticData[KEY] = next as unknown as IDataObject[];
	} else {
		delete staticData[KEY];
	}
}
