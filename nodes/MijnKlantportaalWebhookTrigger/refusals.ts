/** At most one warning per trigger node in this time; the others go to the debug log. */
export const WARN_INTERVAL_MS = 60 * 1000;

/** Nodes tracked at once; the one warned longest ago is forgotten first. */
const MAX_TRACKED = 1000;

interface Tally {
	warnedAt: number;
	/** Refusals since the last warning that were logged at debug level only. */
	quiet: number;
}

/**
 * Rate-limits the warnings about refused deliveries. Anyone who knows a webhook URL can send
 * requests to it, so a warning for every refusal would let them flood n8n's log; a user whose
 * genuine deliveries are all refused must still see why. So the first refusal of a node is a
 * warning, and then at most one a minute, counting the ones in between.
 */
export class RefusalWarnings {
	private readonly tallies = new Map<string, Tally>();

	constructor(
		private readonly intervalMs = WARN_INTERVAL_MS,
		private readonly maxTracked = MAX_TRACKED,
	) {}

	/**
	 * Whether this refusal is logged as a warning, and how many refusals of the same node since
	 * the last warning were not.
	 */
	next(node: string, now = Date.now()): { warn: boolean; quiet: number } {
		const tally = this.tallies.get(node);
		if (tally && now - tally.warnedAt < this.intervalMs) {
			tally.quiet++;
			return { warn: false, quiet: tally.quiet };
		}
		const quiet = tally?.quiet ?? 0;
		this.tallies.delete(node);
		this.tallies.set(node, { warnedAt: now, quiet: 0 });
		if (this.tallies.size > this.maxTracked) {
			this.tallies.delete(this.tallies.keys().next().value as string);
		}
		return { warn: true, quiet };
	}
}

export const refusalWarnings = new RefusalWarnings();
