/**
 * "Fetch Test Event" (`getMode() === 'manual'`): the newest record that matches the event, read
 * within the poll's budget, without reading or writing the trigger's state beyond using its
 * remembered last page as a starting point.
 */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { TriggerEvent } from '../events';
import { meets } from '../events';
import type { Budget } from './budget';
import { BudgetSpent } from './budget';
import type { Page, Rec } from './pages';
import { ListReader, pageOrder, passOn } from './pages';
import { findEnd } from './scan';
import type { WindowOptions } from './window';
import { readWindow } from './window';

/** Records from the newest to the oldest, read lazily. */
async function* newestToOldest(reader: ListReader, hint?: number): AsyncGenerator<Rec> {
	const first = await reader.page(1);
	if (pageOrder(first.recs) !== 'a') {
		let page: Page = first;
		for (;;) {
			yield* page.recs;
			if (!page.hasNext) return;
			page = await reader.page(page.n + 1);
		}
	}
	let end = first;
	if (hint && hint > 1) {
		const at = await reader.page(hint);
		end = at.recs.length ? at : first;
	}
	end = await findEnd(reader, end);
	for (let n = end.n; n >= 1; n--) {
		const page = n === end.n ? end : await reader.page(n);
		yield* [...page.recs].reverse();
	}
}

function listReader(node: INode, budget: Budget, event: TriggerEvent): ListReader {
	const { list } = event;
	return new ListReader(node, budget, list.path, list.tsField, list.noun, {
		action: `List ${list.noun}s`,
		scope: list.scope,
		noun: list.noun,
	});
}

export async function fetchTestEvent(
	node: INode,
	budget: Budget,
	event: TriggerEvent,
	window: WindowOptions,
	hint?: number,
): Promise<Rec> {
	const { rule, list } = event;
	let found: Rec | undefined;
	try {
		if (list.window) {
			const records = await readWindow(node, budget, event, window, Date.now());
			found = records.sort((a, b) => b.ts - a.ts)[0];
		} else if (rule.kind === 'newChild') {
			for await (const parent of newestToOldest(listReader(node, budget, event), hint)) {
				const path = rule.childPath.replace('{id}', encodeURIComponent(parent.id));
				const children = new ListReader(node, budget, path, rule.childTsField, rule.childNoun, {
					noun: rule.childNoun,
					id: parent.id,
				});
				for await (const child of newestToOldest(children)) {
					found = child;
					break;
				}
				if (found) break;
			}
		} else {
			for await (const record of newestToOldest(listReader(node, budget, event), hint)) {
				if (
					rule.kind === 'changed' &&
					rule.to !== undefined &&
					!meets(record.json, { field: rule.field, to: rule.to })
				)
					continue;
				found = record;
				break;
			}
		}
	} catch (error) {
		if (!(error instanceof BudgetSpent)) passOn(node, error);
	}
	if (!found) {
		const noun = rule.kind === 'newChild' ? rule.childNoun : list.noun;
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
	return found;
}
