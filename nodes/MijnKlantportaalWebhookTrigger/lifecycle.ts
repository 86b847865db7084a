import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { apiRequest, iteratePages } from '../shared';
import { EVENT_TYPES } from './events';
import type { StoredWebhook } from './store';
import { replaceFor, sameUrl, storedFor, storedWebhooks } from './store';

/*
 * How n8n drives these (packages/cli, WebhookService and ActiveWorkflowManager):
 * - Activation: `checkExists`; when it returns false, `create`. Both run on one Workflow object,
 *   whose static data n8n saves after activation. An error thrown here fails the activation and
 *   is shown to the user; n8n then runs `delete` to clean up.
 * - Deactivation (and every save of an active workflow): `delete`. Its return value is ignored.
 *   An error thrown from it is only logged, and it stops n8n's cleanup loop before n8n removes
 *   its own webhook registrations and saves the static data. So `delete` never throws: what it
 *   could not remove it reports with `this.logger.warn`, in plain words, and it returns.
 */

/** This node's webhook URL: the production URL when activated, the test URL when listening for a test event. */
export function webhookUrl(this: IHookFunctions): string {
	const url = this.getNodeWebhookUrl('default');
	if (!url) {
		throw new NodeOperationError(this.getNode(), 'n8n did not provide a webhook URL for this node');
	}
	return url;
}

/** The chosen event types, checked against the 23 documented ones. */
export function selectedEvents(this: IHookFunctions): string[] {
	const value = this.getNodeParameter('events', []) as unknown;
	const events = Array.isArray(value) ? [...new Set(value.map(String))] : [];
	if (events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one event', {
			description:
				'Open the trigger and pick the MijnKlantportaal events that should start this workflow.',
		});
	}
	const unknown = events.filter((event) => !EVENT_TYPES.includes(event));
	if (unknown.length) {
		throw new NodeOperationError(this.getNode(), `Unknown event type: ${unknown.join(', ')}`, {
			description: `MijnKlantportaal documents these events: ${EVENT_TYPES.join(', ')}.`,
		});
	}
	return events;
}

const LIST = { action: 'List webhooks', scope: 'webhooks.read', noun: 'webhook' };

/** Every webhook record of the account whose URL is `url`, following `next_page_url`. */
async function remoteFor(this: IHookFunctions, url: string): Promise<StoredWebhook[]> {
	const found: StoredWebhook[] = [];
	for await (const page of iteratePages.call(this, {
		method: 'GET',
		path: '/webhooks',
		subject: LIST,
	})) {
		for (const record of page.data) {
			if (
				typeof record.id !== 'string' ||
				typeof record.type !== 'string' ||
				typeof record.url !== 'string'
			)
				continue;
			if (!sameUrl(record.url, url)) continue;
			found.push({
				id: record.id,
				type: record.type,
				url: record.url,
				secret: typeof record.secret === 'string' ? record.secret : '',
			});
		}
	}
	for (const record of found) {
		// The list is documented to hold the secret; should it not, the record itself does.
		if (record.secret === '')
			record.secret = (await getWebhook.call(this, record.id))?.secret ?? '';
	}
	return found;
}

async function getWebhook(this: IHookFunctions, id: string): Promise<StoredWebhook | undefined> {
	const response = await apiRequest.call(this, {
		method: 'GET',
		path: `/webhooks/${encodeURIComponent(id)}`,
		subject: { action: 'Get a webhook', scope: 'webhooks.read', noun: 'webhook', id },
	});
	const body = response.body as IDataObject;
	if (typeof body?.id !== 'string') return undefined;
	return {
		id: body.id,
		type: String(body.type ?? ''),
		url: String(body.url ?? ''),
		secret: typeof body.secret === 'string' ? body.secret : '',
	};
}

/**
 * Whether every chosen event type has a webhook record with this node's URL. The records found
 * (of any type) replace the stored ones of this URL, so their secrets are always the live ones.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrl.call(this);
	const events = selectedEvents.call(this);
	const remote = await remoteFor.call(this, url);
	replaceFor(this.getWorkflowStaticData('node'), url, remote);
	return events.every((event) => remote.some((record) => record.type === event));
}

/** One `POST /webhooks {url, type}` for each chosen event type that has no record yet. */
export async function create(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrl.call(this);
	const events = selectedEvents.call(this);
	const staticData = this.getWorkflowStaticData('node');
	const records = storedFor(staticData, url);
	for (const type of events) {
		if (records.some((record) => record.type === type)) continue;
		const response = await apiRequest.call(this, {
			method: 'POST',
			path: '/webhooks',
			body: { url, type },
			subject: { action: 'Create a webhook', scope: 'webhooks.write', noun: 'webhook' },
		});
		const body = response.body as IDataObject;
		if (typeof body?.id !== 'string' || typeof body.secret !== 'string' || body.secret === '') {
			throw new NodeOperationError(
				this.getNode(),
				`MijnKlantportaal created the "${type}" webhook but did not return its ID and secret`,
				{
					description:
						'Without the secret no delivery can be verified. Deactivate and activate the workflow again.',
				},
			);
		}
		records.push({ id: body.id, type, url, secret: body.secret });
		// Saved after every record, so a failure further on still leaves the created ones known.
		replaceFor(staticData, url, records);
	}
	return true;
}

function httpStatus(error: unknown): number | undefined {
	const code = Number((error as { httpCode?: unknown })?.httpCode);
	return Number.isFinite(code) && code > 0 ? code : undefined;
}

function listWebhooks(records: StoredWebhook[]): string {
	return records.map((record) => `${record.id} (${record.type})`).join(', ');
}

/**
 * `DELETE /webhooks/{id}` for every record with this node's URL: those in static data and those
 * the API lists (which also catches records left behind by an activation that failed halfway).
 * The endpoint is not documented. When it answers 405, or 404 for a record that still exists,
 * the API cannot delete webhooks: deactivation goes on, and the log says which records to
 * remove in the portal. Always resolves; see the note at the top.
 */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const url = this.getNodeWebhookUrl('default');
	const targets = url ? storedFor(staticData, url) : storedWebhooks(staticData);
	const where = `workflow "${this.getWorkflow().name ?? this.getWorkflow().id}", node "${this.getNode().name}"`;

	if (url) {
		try {
			for (const record of await remoteFor.call(this, url)) {
				if (!targets.some((target) => target.id === record.id)) targets.push(record);
			}
		} catch (error) {
			this.logger.warn(
				`MijnKlantportaal Webhook Trigger (${where}): could not list the account's webhooks (${(error as Error).message}). Only the ${targets.length} webhook(s) this node recorded are deleted.`,
			);
		}
	}

	const notDeletable: StoredWebhook[] = [];
	const failed: Array<{ record: StoredWebhook; reason: string }> = [];
	let deleteUnsupported: number | undefined;
	for (const record of targets) {
		if (deleteUnsupported !== undefined) {
			notDeletable.push(record);
			continue;
		}
		try {
			await apiRequest.call(this, {
				method: 'DELETE',
				path: `/webhooks/${encodeURIComponent(record.id)}`,
				idempotent: true,
				subject: {
					action: 'Delete a webhook',
					scope: 'webhooks.write',
					noun: 'webhook',
					id: record.id,
				},
			});
		} catch (error) {
			const status = httpStatus(error);
			if (status === 405) {
				deleteUnsupported = status;
				notDeletable.push(record);
			} else if (status === 404) {
				// Either the record is gone already, or the API has no such route at all.
				if (await stillExists.call(this, record.id)) {
					deleteUnsupported = status;
					notDeletable.push(record);
				}
			} else {
				failed.push({ record, reason: (error as Error).message });
			}
		}
	}

	// Whatever is left on the MijnKlantportaal side is found again by URL on the next activation.
	if (url) replaceFor(staticData, url, []);
	else delete staticData.webhooks;

	if (notDeletable.length) {
		this.logger.warn(
			`MijnKlantportaal Webhook Trigger (${where}): the workflow was deactivated, but MijnKlantportaal could not delete ${notDeletable.length} webhook(s): its API answered ${deleteUnsupported} to DELETE /webhooks/{id}, an endpoint it does not document. ` +
				`Remove them yourself in the MijnKlantportaal portal: ${listWebhooks(notDeletable)}, all calling ${notDeletable[0].url}. ` +
				'Until then MijnKlantportaal keeps calling that URL; n8n refuses those calls while the workflow is inactive, and reuses the webhooks if you activate it again.',
			{ webhookIds: notDeletable.map((record) => record.id) },
		);
	}
	if (failed.length) {
		this.logger.warn(
			`MijnKlantportaal Webhook Trigger (${where}): the workflow was deactivated, but deleting ${failed.length} webhook(s) failed: ` +
				failed.map(({ record, reason }) => `${record.id} (${record.type}): ${reason}`).join('; ') +
				'. Remove them in the MijnKlantportaal portal, or activate and deactivate the workflow again.',
			{ webhookIds: failed.map(({ record }) => record.id) },
		);
	}
	return failed.length === 0;
}

/** After a 404 on DELETE: does the record still exist? Unknown counts as yes, so the user is told. */
async function stillExists(this: IHookFunctions, id: string): Promise<boolean> {
	try {
		return (await getWebhook.call(this, id)) !== undefined;
	} catch (error) {
		if (httpStatus(error) === 404) return false;
		this.logger.debug(
			`MijnKlantportaal Webhook Trigger: could not check webhook ${id} after a 404: ${(error as Error).message}`,
		);
		return true;
	}
}
