import type { FieldSpec } from '../../shared';

/** A value that cannot be sent; the caller adds the item index and makes it a NodeOperationError. */
export class InputError extends Error {
	constructor(
		readonly field: FieldSpec,
		problem: string,
	) {
		super(`${field.label} (${field.name}): ${problem}`);
	}
}

/** The portal is Dutch: times without an offset are taken as, and sent in, Amsterdam time. */
export const PORTAL_TIME_ZONE = 'Europe/Amsterdam';

const pad = (n: number) => String(n).padStart(2, '0');

function amsterdamParts(date: Date) {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: PORTAL_TIME_ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(date);
	const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
	return {
		date: `${get('year')}-${get('month')}-${get('day')}`,
		time: `${get('hour')}:${get('minute')}:${get('second')}`,
	};
}

/** n8n hands dates over as strings, JS Dates or Luxon DateTimes. */
function asInstantOrLocal(value: unknown): { local?: string; instant?: Date } | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { instant: value };
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		const iso = (value as { toISO: () => string | null }).toISO();
		return iso ? { instant: new Date(iso) } : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const local = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(text);
	if (local)
		return { local: `${local[1]} ${local[2] ?? '00'}:${local[3] ?? '00'}:${local[4] ?? '00'}` };
	if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
		const instant = new Date(text);
		return Number.isNaN(instant.getTime()) ? undefined : { instant };
	}
	return undefined;
}

function validCalendarDate(text: string): boolean {
	const [y, m, d] = text.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-mm-dd HH:mm:ss` in portal time. */
export function toPortalDateTime(field: FieldSpec, value: unknown): string {
	const parsed = asInstantOrLocal(value);
	let result: string | undefined;
	if (parsed?.local) result = parsed.local;
	else if (parsed?.instant) {
		const parts = amsterdamParts(parsed.instant);
		result = `${parts.date} ${parts.time}`;
	}
	if (
		!result ||
		!validCalendarDate(result.slice(0, 10)) ||
		!/ ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(result)
	) {
		throw new InputError(
			field,
			`"${String(value)}" is not a date and time (e.g. 2024-05-11 12:59:00 or an ISO date)`,
		);
	}
	return result;
}

/** `YYYY-mm-dd`; an instant is read as the day it is in portal time. */
export function toPortalDate(field: FieldSpec, value: unknown): string {
	const parsed = asInstantOrLocal(value);
	const result = parsed?.local
		? parsed.local.slice(0, 10)
		: parsed?.instant
			? amsterdamParts(parsed.instant).date
			: undefined;
	if (!result || !validCalendarDate(result)) {
		throw new InputError(field, `"${String(value)}" is not a date (e.g. 2024-05-11)`);
	}
	return result;
}

/** Money is a number or a decimal string (a comma is accepted as the decimal mark); sent with two decimals. */
export function toMoney(field: FieldSpec, value: unknown): string {
	let cents: number | undefined;
	if (typeof value === 'number' && Number.isFinite(value)) {
		cents = Math.round(value * 100);
		if (Math.abs(value * 100 - cents) > 1e-6) cents = undefined;
	} else if (typeof value === 'string') {
		const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(value.trim());
		if (match)
			cents =
				(match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0')));
	}
	if (cents === undefined || !Number.isSafeInteger(cents)) {
		throw new InputError(
			field,
			`"${String(value)}" is not an amount in euros with at most two decimals (e.g. 12.95)`,
		);
	}
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100)}`;
}

export function toInteger(field: FieldSpec, value: unknown): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw new InputError(field, `"${String(value)}" is not a whole number`);
	}
	if (field.minValue !== undefined && number < field.minValue) {
		throw new InputError(field, `must be at least ${field.minValue}`);
	}
	return number;
}

export function toBoolean(field: FieldSpec, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 1 || value === '1') return true;
	if (value === 'false' || value === 0 || value === '0') return false;
	throw new InputError(field, `"${String(value)}" is not true or false`);
}

export function toText(field: FieldSpec, value: unknown): string {
	if (value === null || value === undefined || typeof value === 'object') {
		throw new InputError(field, 'must be text');
	}
	const text = String(value).trim();
	if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
		throw new InputError(field, `"${text}" is not an email address`);
	}
	if (field.type === 'url' && !/^https?:\/\/[^\s]+$/i.test(text)) {
		throw new InputError(field, `"${text}" is not an http(s) URL`);
	}
	if (field.type === 'ip' && !/^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)$/i.test(text)) {
		throw new InputError(field, `"${text}" is not an IP address`);
	}
	return text;
}

export function toId(field: FieldSpec, value: unknown): string {
	const text = toText(field, value);
	const prefix = field.idPrefix ?? '';
	if (!new RegExp(`^${prefix}[A-Za-z0-9_-]+$`).test(text)) {
		throw new InputError(
			field,
			prefix
				? `"${text}" is not a valid ID: it must start with "${prefix}"`
				: `"${text}" is not a valid ID`,
		);
	}
	return text;
}

export function toOption(field: FieldSpec, value: unknown): string | number {
	const option = (field.options ?? []).find(
		(candidate) => String(candidate.value) === String(value),
	);
	if (!option) {
		const allowed = (field.options ?? []).map((candidate) => String(candidate.value)).join(', ');
		throw new InputError(field, `"${String(value)}" is not one of: ${allowed}`);
	}
	return option.value;
}
