/**
 * "Fetch Test Event" (`getMode() === 'manual'`, README-algorithm.md §9): the newest record that
 * matches the event, read within the poll's budget, without reading or writing the trigger's
 * state beyond using its remembered last page as a starting point.
 */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { TriggerEvent } from '../events';
import { meets } from '../events';
import type { Budget } from './budget';
import type { ListReader, Page } from './pages';
import { listReader, pageOrder, subListReader } from './pages';
import type { Rec } from './records';
import { findEnd } from './scan';
import { isStop } from './stop';
import type { WindowOptions } from './window';
import { readWindow } from './window';

/** Records from the newest to the oldest, read lazily; it ends early when the budget is spent. */
async function* newestToOldest(reader: ListReader, hint?: number): AsyncGenerator<Rec> {
	const first = await reader.page(1);
	if (isStop(first)) return;
	if (pageOrder(first.recs) !== 'oldestFirst') {
		let page: Page = first;
		for (;;) {
			yield* page.recs;
			if (!page.hasNext) return;
			const next = await reader.page(page.n + 1);
			if (isStop(next)) return;
			page = next;
		}
	}
	let from = first;
	if (hint && hint > 1) {
		const at = await reader.page(hint);
		if (isStop(at)) return;
		if (at.recs.length) from = at;
	}
	const end = await findEnd(reader, from);
	if (isStop(end)) return;
	for (let n = end.n; n >= 1; n--) {
		const page = n === end.n ? end : await reader.page(n);
		if (isStop(page)) return;
		yield* [...page.recs].reverse();
	}
}

async function find(
	node: INode,
	budget: Budget,
	event: TriggerEvent,
	window: WindowOptions,
	hint?: number,
): Promise<Rec | undefined> {
	const { rule, list } = event;
	if (list.window) {
		const records = await readWindow(node, budget, event, window, Date.now());
		return isStop(records) ? undefined : records.sort((a, b) => b.ts - a.ts)[0];
	}
	if (rule.kind === 'newChild') {
		for await (const parent of newestToOldest(listReader(node, budget, list), hint)) {
			const children = subListReader(node, budget, rule.subList, parent.id);
			for await (const child of newestToOldest(children)) return child;
		}
		return undefined;
	}
	for await (const record of newestToOldest(listReader(node, budget, list), hint)) {
		if (
			rule.kind === 'changed' &&
			rule.to !== undefined &&
			!meets(record.json, { field: rule.field, to: rule.to })
		)
			continue;
		return record;
	}
	return undefined;
}

export async function fetchTestEvent(
	node: INode,
	budget: Budget,
	event: TriggerEvent,
	window: WindowOptions,
	hint?: number,
): Promise<Rec> {
	const found = await find(node, budget, event, window, hint);
	if (found) return found;
	const { rule, list } = event;
	const noun = rule.kind === 'newChild' ? rule.subList.noun : list.noun;
	throw new NodeOperationError(
		node,
		`No ${noun} found to use as a test event for "${event.name}"`,
		{
			description:
				rule.kind === 'changed' && rule.to !== undefined
					? `No ${list.noun} is in the state this event reports, among those read within the request budget. Create one in MijnKlantportaal, or activate the workflow and wait for a real event.`
					: `MijnKlantportaal returned no ${noun} within the request budget. Create one, then fetch the test event again.`,
		},
	);
}
