import type { IdsByTs } from './state';

/**
 * The ids of handled records by timestamp (the state's `knownIds`), as a set to test and add to,
 * and to cut back to its bound.
 */
export class KnownIds {
	private readonly byTs = new Map<number, Set<string>>();

	static from(json: IdsByTs | undefined): KnownIds {
		const known = new KnownIds();
		for (const [ts, ...ids] of json ?? []) for (const id of ids) known.add(ts, id);
		return known;
	}

	has(ts: number, id: string): boolean {
		return this.byTs.get(ts)?.has(id) ?? false;
	}

	add(ts: number, id: string): void {
		let ids = this.byTs.get(ts);
		if (!ids) this.byTs.set(ts, (ids = new Set()));
		ids.add(id);
	}

	idsAt(ts: number): string[] {
		return [...(this.byTs.get(ts) ?? [])];
	}

	get size(): number {
		let n = 0;
		for (const ids of this.byTs.values()) n += ids.size;
		return n;
	}

	/** A copy holding the entries from `from` up to `to` (inclusive). */
	slice(from: number, to: number): KnownIds {
		const copy = new KnownIds();
		for (const [ts, ids] of this.byTs)
			if (ts >= from && ts <= to) for (const id of ids) copy.add(ts, id);
		return copy;
	}

	/**
	 * Drops entries before `low`, then the oldest timestamps while more than `max` ids remain
	 * (never the newest timestamp). Returns the low mark that the remaining entries cover.
	 */
	prune(low: number, max: number): number {
		for (const ts of [...this.byTs.keys()]) if (ts < low) this.byTs.delete(ts);
		const stamps = [...this.byTs.keys()].sort((a, b) => a - b);
		let size = this.size;
		let i = 0;
		while (size > max && i < stamps.length - 1) {
			size -= this.byTs.get(stamps[i])!.size;
			this.byTs.delete(stamps[i]);
			i++;
			low = stamps[i];
		}
		return low;
	}

	toJson(): IdsByTs {
		return [...this.byTs.entries()]
			.sort(([a], [b]) => a - b)
			.filter(([, ids]) => ids.size > 0)
			.map(([ts, ids]) => [ts, ...[...ids].sort()] as [number, ...string[]]);
	}
}
