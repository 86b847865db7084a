'use strict';
// In-memory store. Each collection is an array in creation order plus a Map by id, so `get`,
// `insert` and `all` are O(1); a few collections also keep per-parent arrays (issued cards per
// punch card, payments per link) so their sub-lists page without scanning the store.
const factories = require('./factories');

/** The collections are factories.js's: its seed order names them all, and it says which are listed per parent. */
const RESOURCE_NAMES = factories.SEED_ORDER;
const { PARENT_FIELDS } = factories;

const EMPTY = Object.freeze([]);
const ALPHANUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PAIRS = Array.from({ length: 3844 }, (_, n) => ALPHANUM[n % 62] + ALPHANUM[Math.floor(n / 62)]);

function createCollection(parentField) {
	let items = [];
	let byId = new Map();
	let byParent = new Map();
	return {
		all: () => items,
		get: (id) => byId.get(id),
		get size() {
			return items.length;
		},
		insert(record) {
			if (byId.has(record.id)) throw new Error(`Duplicate id ${record.id}`);
			items.push(record);
			byId.set(record.id, record);
			if (parentField) {
				const key = record[parentField];
				let list = byParent.get(key);
				if (!list) byParent.set(key, (list = []));
				list.push(record);
			}
			return record;
		},
		update(id, patch) {
			const record = byId.get(id);
			if (!record) return undefined;
			return Object.assign(record, patch);
		},
		remove(id) {
			const record = byId.get(id);
			if (!record) return false;
			byId.delete(id);
			// Deletes are rare (webhooks only), so the O(n) splice is acceptable.
			items.splice(items.indexOf(record), 1);
			if (parentField) {
				const list = byParent.get(record[parentField]);
				if (list) list.splice(list.indexOf(record), 1);
			}
			return true;
		},
		/** Live array of the records under one parent (creation order); read-only. */
		childrenOf: (parentId) => byParent.get(parentId) || EMPTY,
		clear() {
			items = [];
			byId = new Map();
			byParent = new Map();
		},
	};
}

/**
 * Uploaded bytes are kept as given; bytes of seeded records are derived on demand from the record
 * (see factories.seedBlob), so seeding 100k invoices does not hold 100k PDFs in memory.
 */
class BlobMap extends Map {
	constructor(derive) {
		super();
		this.derive = derive;
	}
	get(id) {
		return super.get(id) ?? this.derive(id);
	}
	has(id) {
		return super.has(id) || this.derive(id) !== undefined;
	}
}

/**
 * mulberry32, yielding 31-bit integers: small integers stay unboxed in V8, so seeding 100k records
 * does not allocate millions of heap numbers. `float()` is the usual [0, 1) view.
 */
function createPrng(seed) {
	let a = (Number(seed) >>> 0) ^ 0x9e3779b9;
	const int31 = () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 1;
	};
	return { int31, float: () => int31() / 2147483648 };
}

/**
 * @param {{ seed?: number, clock?: { now(): number } }} [options]
 */
function createStore({ seed = 1, clock = { now: () => Date.now() } } = {}) {
	const collections = new Map(RESOURCE_NAMES.map((name) => [name, createCollection(PARENT_FIELDS[name])]));
	let prng = createPrng(seed);
	let currentSeed = seed;

	const store = {
		resourceNames: RESOURCE_NAMES,
		clock,
		now: () => clock.now(),
		rng: () => prng.float(),
		/** Uniform integer in [0, n) for n <= 2^31 (cheaper than `Math.floor(rng() * n)` when seeding). */
		below: (n) => prng.int31() % n,
		get seedValue() {
			return currentSeed;
		},
		/** Seeded documents of agreements: document id → agreement id (for blob derivation). */
		documentOwners: new Map(),
		/** Pending non-customer sign-ups (`…/sign-up/`), by UUID. */
		pendingSignUps: new Map(),
		collection(name) {
			const collection = collections.get(name);
			if (!collection) throw new Error(`Unknown collection ${name}`);
			return collection;
		},
		/** Prefix + 10 seeded alphanumerics, unique within the collection. */
		newId(prefix, collectionName) {
			const collection = collectionName ? collections.get(collectionName) : undefined;
			for (;;) {
				// Two draws give 10 base-62 digits (62^5 < 2^32), taken in pairs: fewer draws and strings when seeding.
				const a = prng.int31() % 916_132_832;
				const b = prng.int31() % 916_132_832;
				// join() gives one flat string; `+` would leave a cons-string tree per id (3x the memory).
				const id = [prefix, PAIRS[a % 3844], PAIRS[Math.floor(a / 3844) % 3844], ALPHANUM[Math.floor(a / 14_776_336)],
					PAIRS[b % 3844], PAIRS[Math.floor(b / 3844) % 3844], ALPHANUM[Math.floor(b / 14_776_336)]].join('');
				if (!collection || !collection.get(id)) return id;
			}
		},
		create(name, overrides = {}) {
			const record = factories.build(store, name, overrides);
			return store.collection(name).insert(record);
		},
		seed(name, count) {
			return factories.seed(store, name, Math.max(0, Math.floor(Number(count) || 0)));
		},
		seedAll(countPerResource) {
			return factories.seedAll(store, Math.max(0, Math.floor(Number(countPerResource) || 0)));
		},
		reset(newSeed = currentSeed) {
			currentSeed = newSeed;
			prng = createPrng(newSeed);
			for (const collection of collections.values()) collection.clear();
			Map.prototype.clear.call(store.blobs);
			store.documentOwners.clear();
			store.pendingSignUps.clear();
		},
	};
	store.blobs = new BlobMap((id) => factories.seedBlob(store, id));
	return store;
}

module.exports = { createStore, RESOURCE_NAMES };
