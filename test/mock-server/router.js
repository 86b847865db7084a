'use strict';
// Segment trie over the route table. Matching per the shared contract: `{name}` matches one
// non-empty segment, static segments win over params (with backtracking), and a trailing slash is
// its own (empty) segment, so `/x/sign-up` and `/x/sign-up/` are different routes.

function newNode() {
	return { statics: new Map(), param: null, methods: new Map() };
}

/** @param {string} path */
function splitPath(path) {
	// '/a/b/' → ['a', 'b', '']; '/a' → ['a']; '/' → ['']
	return path.split('/').slice(1);
}

/**
 * @param {Array<{ method: string, path: string, scope: string | null, handler: Function }>} routes
 */
function createRouter(routes) {
	const root = newNode();
	for (const route of routes) {
		let node = root;
		for (const segment of splitPath(route.path)) {
			const param = /^\{(\w+)\}$/.exec(segment);
			if (param) {
				// Param names are read from each route's own path at match time, so differing names are fine.
				if (!node.param) node.param = newNode();
				node = node.param;
			} else {
				if (!node.statics.has(segment)) node.statics.set(segment, newNode());
				node = node.statics.get(segment);
			}
		}
		const method = route.method.toUpperCase();
		if (node.methods.has(method)) throw new Error(`Duplicate route ${method} ${route.path}`);
		node.methods.set(method, route);
	}

	/**
	 * @returns {{ route: object, params: Record<string,string> } | { allowed: string[] } | null}
	 */
	function match(method, path) {
		const segments = splitPath(path);
		let methodMiss = null;
		const walk = (node, i, values) => {
			if (i === segments.length) {
				if (node.methods.size === 0) return null;
				const route = node.methods.get(method);
				if (route) return { route, values };
				if (!methodMiss) methodMiss = [...node.methods.keys()];
				return null;
			}
			const segment = segments[i];
			const child = node.statics.get(segment);
			if (child) {
				const found = walk(child, i + 1, values);
				if (found) return found;
			}
			if (node.param && segment !== '') return walk(node.param, i + 1, [...values, segment]);
			return null;
		};
		const found = walk(root, 0, []);
		if (!found) return methodMiss ? { allowed: methodMiss } : null;
		// Param names come from the matched route's own path, so each route sees its own names.
		const params = {};
		let k = 0;
		for (const segment of splitPath(found.route.path)) {
			const param = /^\{(\w+)\}$/.exec(segment);
			if (param) params[param[1]] = decodeSegment(found.values[k++]);
		}
		return { route: found.route, params };
	}

	return { match };
}

function decodeSegment(value) {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

module.exports = { createRouter };
