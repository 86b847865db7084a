/**
 * Appointments. `GET /appointments` is not paginated: it returns the appointments that start in
 * a window, `start_at` (`YYYY-mm-dd HH:ii`, default now) plus `days` (default 7). One request
 * per poll reads the window `now - lookBackDays` … `now + lookAheadDays` whole.
 *
 * State: every appointment in the window, `id → fingerprint of status` (~20 bytes each; more
 * than MAX_WINDOW appointments in the window is refused with an error asking for a shorter
 * window), and `st`, the seed time: the newest `createdAt` at activation, at least the n8n
 * clock minus 5 minutes (server and n8n clocks are assumed to agree within that).
 *
 * - New appointment: first seen in the window, created at or after `st`. An appointment created for a
 *   start beyond the look-ahead is reported when the window reaches it. One that leaves the
 *   window (its start passes the look-back) is forgotten; should it come back (rescheduled
 *   in the portal), it is reported again.
 * - Status changed: the status differs from the fingerprint of the last look. An appointment
 *   seen for the first time gives the starting value.
 * The window is computed in UTC; with whole days of margin the portal's time zone does not matter.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { TriggerEvent } from '../events';
import type { Budget } from './budget';
import { fingerprint } from './changes';
import type { Rec } from './pages';
import { toRec } from './pages';

export const MAX_WINDOW = 2000;
const CLOCK_SKEW_SECONDS = 300;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface WindowState {
	m: Record<string, string>;
	st: number;
}

export interface WindowOptions {
	lookBackDays: number;
	lookAheadDays: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `YYYY-mm-dd HH:ii` in UTC. */
export function formatStartAt(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

export async function readWindow(
	node: INode,
	budget: Budget,
	event: TriggerEvent,
	options: WindowOptions,
	now: number,
): Promise<Rec[]> {
	const lookBack = Math.max(0, Math.floor(options.lookBackDays));
	const lookAhead = Math.max(1, Math.floor(options.lookAheadDays));
	const response = await budget.request<{ data?: unknown }>({
		method: 'GET',
		path: event.list.path,
		qs: { start_at: formatStartAt(now - lookBack * DAY_MS), days: lookBack + lookAhead },
		subject: { action: 'List appointments', scope: event.list.scope, noun: event.list.noun },
	});
	const data = response.body?.data;
	if (!Array.isArray(data))
		throw new NodeOperationError(node, 'The API returned an appointment list without a data array');
	if (data.length > MAX_WINDOW) {
		throw new NodeOperationError(
			node,
			`More than ${MAX_WINDOW} appointments start in the watched window`,
			{
				description:
					'The trigger keeps one entry per appointment in the window. Lower Look Ahead (Days) or Look Back (Days).',
			},
		);
	}
	return (data as IDataObject[]).map((json) =>
		toRec(node, json, event.list.tsField, event.list.noun),
	);
}

const valueOf = (event: TriggerEvent, record: Rec): string =>
	event.rule.kind === 'changed'
		? fingerprint(JSON.stringify(record.json[event.rule.field] ?? null))
		: '';

export function seedWindow(
	event: TriggerEvent,
	records: Rec[],
	now: number,
	emitExisting: boolean,
): { state: WindowState; events: Rec[] } {
	const m: Record<string, string> = {};
	let st = Math.floor(now / 1000) - CLOCK_SKEW_SECONDS;
	for (const record of records) {
		m[record.id] = valueOf(event, record);
		st = Math.max(st, record.ts);
	}
	const events =
		emitExisting && event.rule.kind === 'new' ? records.slice().sort((a, b) => a.ts - b.ts) : [];
	return { state: { m, st }, events };
}

export function advanceWindow(
	event: TriggerEvent,
	state: WindowState,
	records: Rec[],
): { state: WindowState; events: Rec[] } {
	const m: Record<string, string> = {};
	const events: Rec[] = [];
	for (const record of records) {
		const value = valueOf(event, record);
		const before = state.m[record.id];
		if (before === undefined) {
			if (event.rule.kind === 'new' && record.ts >= state.st) events.push(record);
		} else if (event.rule.kind === 'changed' && before !== value) {
			events.push(record);
		}
		m[record.id] = value;
	}
	events.sort((a, b) => a.ts - b.ts);
	return { state: { m, st: state.st }, events };
}
