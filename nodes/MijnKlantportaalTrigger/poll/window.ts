/**
 * Appointments: README-algorithm.md §6. `GET /appointments` is not paginated: it returns the
 * appointments that start in a window, `start_at` (`YYYY-mm-dd HH:ii`, default now) plus `days`
 * (default 7), so one request per poll reads the whole watched window. The state it keeps is
 * `WindowState` (state.ts).
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { TriggerEvent } from '../events';
import type { Budget } from './budget';
import type { Rec } from './records';
import { toRec } from './records';
import type { WindowState } from './state';
import type { BudgetSpent } from './stop';
import { isStop } from './stop';
import { fingerprint } from './watch';

export const MAX_WINDOW = 2000;
const CLOCK_SKEW_SECONDS = 300;
const DAY_MS = 24 * 60 * 60 * 1000;

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
): Promise<Rec[] | BudgetSpent> {
	const lookBack = Math.max(0, Math.floor(options.lookBackDays));
	const lookAhead = Math.max(1, Math.floor(options.lookAheadDays));
	const response = await budget.request<{ data?: unknown }>({
		method: 'GET',
		path: event.list.path,
		qs: { start_at: formatStartAt(now - lookBack * DAY_MS), days: lookBack + lookAhead },
		subject: { action: event.list.action, scope: event.list.scope, noun: event.list.noun },
	});
	if (isStop(response)) return response;
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
	const appointments: WindowState['appointments'] = {};
	let seedTime = Math.floor(now / 1000) - CLOCK_SKEW_SECONDS;
	for (const record of records) {
		appointments[record.id] = valueOf(event, record);
		seedTime = Math.max(seedTime, record.ts);
	}
	const events =
		emitExisting && event.rule.kind === 'new' ? records.slice().sort((a, b) => a.ts - b.ts) : [];
	return { state: { appointments, seedTime }, events };
}

export function advanceWindow(
	event: TriggerEvent,
	state: WindowState,
	records: Rec[],
): { state: WindowState; events: Rec[] } {
	const appointments: WindowState['appointments'] = {};
	const events: Rec[] = [];
	for (const record of records) {
		const value = valueOf(event, record);
		const before = state.appointments[record.id];
		if (before === undefined) {
			if (event.rule.kind === 'new' && record.ts >= state.seedTime) events.push(record);
		} else if (event.rule.kind === 'changed' && before !== value) {
			events.push(record);
		}
		appointments[record.id] = value;
	}
	events.sort((a, b) => a.ts - b.ts);
	return { state: { appointments, seedTime: state.seedTime }, events };
}
