'use strict';
// Fault injection for chaos tests: the next N matching responses fail in a chosen way, or a seeded
// random share of them does. A 'before' fault answers instead of the handler; an 'after' fault lets
// the handler run (its write happens) and then spoils the response, like a connection lost on the way back.
const { createRng } = require('./clock');

const TYPES = ['500', '502', '503', '429', 'latency', 'drop', 'malformed'];

/** `**` crosses segments, `*` and `?` stay within one. */
function globToRegExp(glob) {
	let source = '';
	for (let i = 0; i < glob.length; i++) {
		const c = glob[i];
		if (c === '*' && glob[i + 1] === '*') {
			source += '.*';
			i++;
		} else if (c === '*') source += '[^/]*';
		else if (c === '?') source += '[^/]';
		else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${source}$`);
}

/** @param {{ pathPattern?: string | RegExp, pathRegex?: string }} spec */
function compilePath(spec) {
	if (spec.pathPattern instanceof RegExp) return spec.pathPattern;
	if (spec.pathRegex) return new RegExp(spec.pathRegex);
	if (spec.pathPattern) return globToRegExp(spec.pathPattern);
	return null;
}

function normalizeType(type) {
	const t = String(type);
	if (!TYPES.includes(t)) throw new Error(`Unknown fault type "${t}" (use one of ${TYPES.join(', ')})`);
	return t;
}

function normalizePhase(phase = 'before') {
	if (phase !== 'before' && phase !== 'after') throw new Error(`Unknown fault phase "${phase}" (use before or after)`);
	return phase;
}

function createFaults() {
	let rules = [];
	let random = null;
	let ruleSeq = 0;
	let injected = 0;

	/**
	 * @param {{ type: string|number, count?: number, pathPattern?: string|RegExp, pathRegex?: string,
	 *   method?: string, phase?: 'before'|'after', latencyMs?: number }} spec
	 */
	function add(spec) {
		const rule = {
			id: `fault_${++ruleSeq}`,
			type: normalizeType(spec.type),
			remaining: spec.count === undefined ? 1 : Number(spec.count),
			path: compilePath(spec),
			pathPattern: spec.pathPattern ? String(spec.pathPattern) : spec.pathRegex ? `regex:${spec.pathRegex}` : '**',
			method: spec.method ? String(spec.method).toUpperCase() : null,
			phase: normalizePhase(spec.phase),
			latencyMs: Number(spec.latencyMs ?? 1000),
		};
		rules.push(rule);
		return describe(rule);
	}

	/**
	 * @param {{ rate: number, types: Array<string|number>, seed?: number, pathPattern?: string, pathRegex?: string,
	 *   methods?: string[], phase?: 'before'|'after', latencyMs?: number }} spec
	 */
	function setRandom(spec) {
		if (!(spec.rate >= 0 && spec.rate <= 1)) throw new Error('rate must be between 0 and 1');
		if (!Array.isArray(spec.types) || spec.types.length === 0) throw new Error('types must be a non-empty array');
		random = {
			rate: Number(spec.rate),
			types: spec.types.map(normalizeType),
			seed: Number(spec.seed ?? 1),
			rng: createRng(Number(spec.seed ?? 1)),
			path: compilePath(spec),
			methods: spec.methods ? spec.methods.map((m) => String(m).toUpperCase()) : null,
			phase: normalizePhase(spec.phase),
			latencyMs: Number(spec.latencyMs ?? 1000),
			pathPattern: spec.pathPattern ?? spec.pathRegex ?? '**',
		};
		return { rate: random.rate, types: random.types, seed: random.seed, pathPattern: random.pathPattern, methods: random.methods, phase: random.phase };
	}

	/**
	 * Claims the fault (if any) for one request; counted rules are used up in order.
	 * @returns {null | { type: string, phase: 'before'|'after', latencyMs: number, ruleId: string }}
	 */
	function take(method, path) {
		for (const rule of rules) {
			if (rule.remaining <= 0) continue;
			if (rule.method && rule.method !== method) continue;
			if (rule.path && !rule.path.test(path)) continue;
			rule.remaining--;
			if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule);
			injected++;
			return { type: rule.type, phase: rule.phase, latencyMs: rule.latencyMs, ruleId: rule.id };
		}
		if (random && (!random.methods || random.methods.includes(method)) && (!random.path || random.path.test(path))) {
			if (random.rng() < random.rate) {
				const type = random.types[Math.floor(random.rng() * random.types.length)];
				injected++;
				return { type, phase: random.phase, latencyMs: random.latencyMs, ruleId: 'random' };
			}
		}
		return null;
	}

	function describe(rule) {
		const { path, ...rest } = rule;
		return rest;
	}

	return {
		add,
		random: setRandom,
		take,
		clear() {
			rules = [];
			random = null;
		},
		list() {
			return {
				rules: rules.map(describe),
				random: random && { rate: random.rate, types: random.types, seed: random.seed, pathPattern: random.pathPattern, methods: random.methods, phase: random.phase },
			};
		},
		get injected() {
			return injected;
		},
	};
}

module.exports = { createFaults, globToRegExp, TYPES };
