'use strict';
// Wire formats of the API: ATOM timestamps in Europe/Amsterdam, `YYYY-mm-dd` dates, request
// datetimes `YYYY-mm-dd HH:mm:ss` (read as Amsterdam wall-clock time), decimal-string money.
// DST is computed by the EU rule instead of Intl because seeding formats 100k+ timestamps.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dstCache = new Map();

/** EU summer time: last Sunday of March 01:00 UTC until last Sunday of October 01:00 UTC. */
function dstBounds(year) {
	let bounds = dstCache.get(year);
	if (!bounds) {
		const lastSunday = (month) => {
			const last = new Date(Date.UTC(year, month + 1, 0));
			return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
		};
		bounds = [lastSunday(2), lastSunday(9)];
		dstCache.set(year, bounds);
	}
	return bounds;
}

/** Amsterdam's UTC offset in hours (1 or 2) at an instant. */
function offsetHours(ms) {
	const [start, end] = dstBounds(new Date(ms).getUTCFullYear());
	return ms >= start && ms < end ? 2 : 1;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Amsterdam wall-clock parts of an instant. */
function localParts(ms) {
	const hours = offsetHours(ms);
	const d = new Date(ms + hours * HOUR);
	return {
		y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(),
		h: d.getUTCHours(), i: d.getUTCMinutes(), s: d.getUTCSeconds(), offset: hours,
	};
}

const TWO = Array.from({ length: 60 }, (_, n) => pad(n));
let dayKey = NaN;
let dayPrefix = '';

/** `2024-04-29T21:00:00+02:00` (the date part is cached: seeding formats runs of nearby instants) */
function atom(ms) {
	const hours = offsetHours(ms);
	const local = Math.floor(ms / 1000) * 1000 + hours * HOUR;
	const day = Math.floor(local / DAY);
	if (day !== dayKey) {
		const d = new Date(day * DAY);
		dayKey = day;
		dayPrefix = `${d.getUTCFullYear()}-${TWO[d.getUTCMonth() + 1]}-${TWO[d.getUTCDate()]}T`;
	}
	const seconds = (local - day * DAY) / 1000;
	// join() builds one flat string (a template literal leaves a cons-string tree; seeding keeps 100k+ of these).
	return [dayPrefix, TWO[Math.floor(seconds / 3600)], ':', TWO[Math.floor(seconds / 60) % 60], ':', TWO[seconds % 60], hours === 2 ? '+02:00' : '+01:00'].join('');
}

/** `2024-04-29` (the Amsterdam calendar day of an instant) */
function date(ms) {
	const p = localParts(ms);
	return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** MKP's own `/invoices` use `2025-04-12T00:00:00.000Z` instead of ATOM. */
function isoZ(ms) {
	return new Date(ms).toISOString();
}

/** Instant of an Amsterdam wall-clock time; in the autumn overlap the earlier (summer) instant wins. */
function fromLocal(y, m, d, h = 0, i = 0, s = 0) {
	const wall = Date.UTC(y, m - 1, d, h, i, s);
	const summer = wall - 2 * HOUR;
	return offsetHours(summer) === 2 ? summer : wall - HOUR;
}

function validCalendarDay(y, m, d) {
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** `YYYY-mm-dd` → ms of local midnight, or null. */
function parseDate(value) {
	const match = typeof value === 'string' && /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return null;
	const [y, m, d] = match.slice(1).map(Number);
	return validCalendarDay(y, m, d) ? fromLocal(y, m, d) : null;
}

/**
 * `YYYY-mm-dd HH:mm:ss` → ms, or null. `optionalSeconds` also takes `Y-m-d H:i` (appointments
 * document that format while their example carries seconds).
 */
function parseDateTime(value, { optionalSeconds = false } = {}) {
	const pattern = optionalSeconds
		? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/
		: /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
	const match = typeof value === 'string' && pattern.exec(value);
	if (!match) return null;
	const [y, m, d, h, i, s = 0] = match.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
	if (!validCalendarDay(y, m, d) || h > 23 || i > 59 || s > 59) return null;
	return fromLocal(y, m, d, h, i, s);
}

/** Calendar arithmetic on a `YYYY-mm-dd` date (month ends clamp, as Carbon's addMonthsNoOverflow). */
function addToDate(isoDate, amount, unit) {
	let [y, m, d] = isoDate.split('-').map(Number);
	if (unit === 'days') {
		const t = new Date(Date.UTC(y, m - 1, d + amount));
		return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
	}
	const months = unit === 'years' ? amount * 12 : amount;
	const index = y * 12 + (m - 1) + months;
	y = Math.floor(index / 12);
	m = (index % 12) + 1;
	const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return `${y}-${pad(m)}-${pad(Math.min(d, lastDay))}`;
}

/** Subscription intervals as calendar steps. */
const INTERVAL_STEPS = {
	'14 days': [14, 'days'],
	'1 month': [1, 'months'],
	'2 months': [2, 'months'],
	'6 months': [6, 'months'],
	'1 year': [1, 'years'],
};

/** First renewal strictly after `todayIso` (ISO dates compare correctly as strings). */
function nextRenewal(startIso, interval, todayIso) {
	const [amount, unit] = INTERVAL_STEPS[interval];
	let next = addToDate(startIso, amount, unit);
	if (startIso > todayIso) return next;
	let steps = 1;
	while (next <= todayIso) next = addToDate(startIso, amount * ++steps, unit);
	return next;
}

/**
 * Money in → integer cents, or null. Decimal strings with at most 2 decimals; a JSON number is
 * also taken (the mock is lenient there) but must not carry more than 2 decimals either.
 */
function toCents(value) {
	let text;
	if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
	else if (typeof value === 'string') text = value.trim();
	else return null;
	const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
	if (!match) return null;
	const cents = Number(match[2]) * 100 + Number((match[3] || '0').padEnd(2, '0'));
	return match[1] ? -cents : cents;
}

/** Integer cents → `"12.95"` */
function money(cents) {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(Math.round(cents));
	return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100)}`;
}

/** Portal host of the (mock) tenant, as in the docs' `checkoutUrl` example. */
const PORTAL = 'https://demo.mijnklantportaal.nl';

/** `{href, type}` for an API resource, absolute on the requesting origin. */
function apiLink(ctx, path) {
	return { href: `${ctx.apiBase}${path}`, type: 'application/json' };
}

/** `{href, type}` for a page in the customer portal. */
function portalLink(path) {
	return { href: `${PORTAL}${path}`, type: 'text/html' };
}

/** Copy without internal `_`-prefixed fields (the store keeps bookkeeping there). */
function publicFields(record) {
	const out = {};
	for (const key of Object.keys(record)) if (key[0] !== '_') out[key] = record[key];
	return out;
}

/** The paginator page of `records` with each record presented for the wire. */
function pageOf(ctx, records, present) {
	const page = ctx.paginate(records);
	page.data = page.data.map((record) => present(record, ctx));
	return page;
}

module.exports = {
	pageOf,
	HOUR, DAY, atom, date, isoZ, fromLocal, parseDate, parseDateTime, addToDate, nextRenewal,
	INTERVAL_STEPS, toCents, money, offsetHours, PORTAL, apiLink, portalLink, publicFields,
};
