import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A record of a list, with the id and the timestamp (whole seconds) it is ordered by. */
export interface Rec {
	id: string;
	ts: number;
	json: IDataObject;
}

/** Parses an API timestamp (ATOM `…+02:00` or ISO `…Z`) to whole seconds, or NaN. */
export function toSeconds(value: unknown): number {
	if (typeof value !== 'string' && typeof value !== 'number') return Number.NaN;
	const ms = typeof value === 'number' ? value : Date.parse(value);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : Number.NaN;
}

export function toRec(node: INode, json: IDataObject, tsField: string, noun: string): Rec {
	const id = json.id;
	const ts = toSeconds(json[tsField]);
	if ((typeof id !== 'string' && typeof id !== 'number') || id === '' || !Number.isFinite(ts)) {
		throw new NodeOperationError(
			node,
			`The API returned a ${noun} without an id or a valid ${tsField}`,
			{
				description:
					'The trigger orders records by this timestamp and cannot place this one. Nothing was emitted.',
			},
		);
	}
	return { id: String(id), ts, json };
}
