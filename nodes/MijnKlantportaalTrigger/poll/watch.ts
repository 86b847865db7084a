/**
 * What the watching events share: the fingerprint of a watched value (§4, §6) and the pass over a
 * whole list that finds the records to watch (§4, §5). Section numbers: README-algorithm.md.
 */
import type { Rec } from './records';
import type { ListReader } from './pages';
import type { PassState } from './state';
import { isStop } from './stop';

/**
 * FNV-1a (32 bit) of a value's text, as 6 base-36 characters: a change is missed only if the
 * hashes collide (about 1 in 2 billion).
 */
export function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36).padStart(7, '0').slice(-6);
}

export function newPass(): PassState {
	return { page: 1, number: 0 };
}

/**
 * A pass over a whole list, resumed each poll at the page where the budget stopped it. It hands
 * on only records the new-record walk has handled (new ones come from that walk), and ends at
 * most once per poll.
 */
export class ListPass {
	private current: PassState;

	/** The pass ended in this poll. */
	ended = false;

	constructor(state: PassState) {
		this.current = { ...state };
	}

	/** The number of the pass in progress. */
	get number(): number {
		return this.current.number;
	}

	/** Whether a whole pass has ended (now or in an earlier poll). */
	get completed(): boolean {
		return this.current.completed === true;
	}

	/** Whether an entry last seen in pass `seenInPass` was seen by this pass or the one before. */
	isRecent(seenInPass: number): boolean {
		return seenInPass >= this.current.number - 1;
	}

	/**
	 * Reads on for up to `pages` pages, within the budget. When the list ends, `onEnd` runs (while
	 * `number` is still the ending pass's) and the next pass begins at page 1.
	 */
	async read(
		reader: ListReader,
		handled: (record: Rec) => boolean,
		see: (record: Rec) => void,
		onEnd: () => void,
		pages = Number.MAX_SAFE_INTEGER,
	): Promise<void> {
		if (this.ended) return;
		for (let read = 0; read < pages; read++) {
			const page = await reader.page(this.current.page);
			if (isStop(page)) return;
			for (const record of page.recs) if (handled(record)) see(record);
			if (!page.hasNext || page.recs.length === 0) {
				onEnd();
				this.ended = true;
				this.current = { page: 1, number: this.current.number + 1, completed: true };
				return;
			}
			this.current.page++;
		}
	}

	state(): PassState {
		return { ...this.current };
	}
}

/** Past `max` entries, drops the ones watched longest (inserted first). */
export function dropWatchedLongest(entries: Record<string, unknown>, max: number): void {
	const ids = Object.keys(entries);
	for (const id of ids.slice(0, Math.max(0, ids.length - max))) delete entries[id];
}
