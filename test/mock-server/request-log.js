'use strict';
// Bounded ring buffer of request summaries. Entries hold references to already-parsed bodies (no
// per-request serialisation), so logging stays cheap at thousands of requests per second.

/** @param {number} [capacity] */
function createRequestLog(capacity = 50_000) {
	/** @type {Array<object | undefined>} */
	let ring = new Array(capacity);
	let next = 0; // total entries ever pushed since the last clear
	let seq = 0; // never reset, so `since` cursors stay valid across clears

	function push(entry) {
		entry.seq = ++seq;
		ring[next % capacity] = entry;
		next++;
		return entry;
	}

	/** Oldest first. @param {{ since?: number, limit?: number }} [filter] */
	function entries(filter = {}) {
		const out = [];
		const start = Math.max(0, next - capacity);
		for (let i = start; i < next; i++) {
			const entry = ring[i % capacity];
			if (filter.since !== undefined && entry.seq <= filter.since) continue;
			out.push(entry);
		}
		return filter.limit !== undefined ? out.slice(-filter.limit) : out;
	}

	function clear() {
		ring = new Array(capacity);
		next = 0;
	}

	return {
		push,
		entries,
		clear,
		get size() {
			return Math.min(next, capacity);
		},
		get lastSeq() {
			return seq;
		},
		capacity,
	};
}

module.exports = { createRequestLog };
