import { createHash } from 'crypto';

/** How long an accepted delivery is remembered: a body seen again within this time is a repeat. */
export const REPEAT_WINDOW_MS = 10 * 60 * 1000;

/** At most this many are remembered (about 100 bytes each); the oldest go first. */
export const MAX_REMEMBERED = 10_000;

/**
 * The deliveries this n8n process accepted in the last 10 minutes, by a hash of where they
 * arrived (workflow, node, webhook URL) and of their raw body. A body is never kept, only its
 * hash.
 *
 * It lives in the process, not in the workflow's static data: that would be a database write for
 * every delivery, two deliveries handled at once would both read it before either saved it, and
 * a delivery's save could overwrite the webhook secrets an activation saved at the same moment.
 * In queue mode webhooks are received by the main instance (workers only run the executions), so
 * one process sees every delivery; with several webhook processes or mains, or after a restart, a
 * repeat that reaches another process is not caught.
 */
export class RecentDeliveries {
	/** Key → when it was accepted. A Map keeps insertion order, which is acceptance order here. */
	private readonly accepted = new Map<string, number>();

	constructor(
		private readonly windowMs = REPEAT_WINDOW_MS,
		private readonly maxEntries = MAX_REMEMBERED,
	) {}

	/** The key of one delivery: its place and the SHA-256 of its body. */
	static keyOf(place: readonly string[], body: Buffer | string): string {
		const hash = createHash('sha256');
		for (const part of place) hash.update(part).update('\u0000');
		return hash.update(body).digest('base64');
	}

	/**
	 * Whether `key` is new: then it is remembered as accepted at `now`. False when the same key was
	 * accepted less than the window ago (and it is not remembered anew, so the window does not
	 * slide with every repeat).
	 */
	accept(key: string, now = Date.now()): boolean {
		this.forgetBefore(now - this.windowMs);
		if (this.accepted.has(key)) return false;
		this.accepted.set(key, now);
		while (this.accepted.size > this.maxEntries) {
			const oldest = this.accepted.keys().next().value as string;
			this.accepted.delete(oldest);
		}
		return true;
	}

	get size(): number {
		return this.accepted.size;
	}

	private forgetBefore(limit: number): void {
		for (const [key, at] of this.accepted) {
			if (at > limit) break;
			this.accepted.delete(key);
		}
	}
}

/** The one memory of this process, shared by every webhook trigger in it. */
export const recentDeliveries = new RecentDeliveries();
