'use strict';
// Laravel's simple paginator. Pages are computed by index arithmetic over the live array, so a list
// request costs O(per_page) no matter how many records exist (the speed requirement depends on it).

/** Laravel treats a missing, non-numeric or < 1 page as page 1. */
function parsePage(value) {
	const page = Number.parseInt(String(value ?? ''), 10);
	return Number.isFinite(page) && page >= 1 ? page : 1;
}

/**
 * @param {ReadonlyArray<unknown>} records creation order (oldest first)
 * @param {{ page?: string | number, perPage?: number, order?: 'oldest-first' | 'newest-first', path: string }} options
 *   path: absolute URL of the list without query, e.g. `http://127.0.0.1:4010/v1/customers`
 */
function paginate(records, { page: rawPage, perPage = 15, order = 'oldest-first', path }) {
	const page = parsePage(rawPage);
	const total = records.length;
	const offset = (page - 1) * perPage;
	const end = Math.min(offset + perPage, total);
	const data = [];
	if (order === 'newest-first') {
		for (let i = offset; i < end; i++) data.push(records[total - 1 - i]);
	} else {
		for (let i = offset; i < end; i++) data.push(records[i]);
	}
	const url = (n) => `${path}?page=${n}`;
	return {
		current_page: page,
		data,
		first_page_url: url(1),
		from: data.length ? offset + 1 : null,
		next_page_url: end < total ? url(page + 1) : null,
		path,
		per_page: perPage,
		prev_page_url: page > 1 ? url(page - 1) : null,
		to: data.length ? offset + data.length : null,
	};
}

module.exports = { paginate, parsePage };
