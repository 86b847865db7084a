'use strict';
// The mock's sources of time and of seeded randomness.
// The mock clock runs with real time plus an offset, so a long-running CLI mock behaves naturally,
// while tests can jump ahead (token expiry, rate-limit windows, cloud-file links) without sleeping.

/**
 * @param {{ start?: number | string }} [options] start: fix the clock's current time (it keeps ticking from there)
 */
function createClock(options = {}) {
	let offset = 0;
	if (options.start !== undefined) offset = new Date(options.start).getTime() - Date.now();
	return {
		now: () => Date.now() + offset,
		/** @param {number} seconds */
		advance(seconds) {
			offset += Math.round(Number(seconds) * 1000);
			return Date.now() + offset;
		},
		/** @param {number | string} time */
		set(time) {
			offset = new Date(time).getTime() - Date.now();
			return Date.now() + offset;
		},
		reset() {
			offset = 0;
		},
		get offsetMs() {
			return offset;
		},
	};
}

/**
 * mulberry32: a tiny seeded PRNG. Core modules (credentials, random faults) use their own streams so
 * they never shift the store's seeded data.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
function createRng(seed) {
	let a = (Number(seed) >>> 0) ^ 0x9e3779b9;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @param {() => number} rng @param {number} length */
function randomToken(rng, length, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
	return out;
}

module.exports = { createClock, createRng, randomToken };
