import type { FieldSpec } from '../../shared';
import { MAX_EUROS_TEXT, valueHint } from '../descriptions/inputHints';

/**
 * A value that cannot be sent; the caller adds the item index and makes it a NodeOperationError.
 * `hint` says what to enter instead; it becomes the error's description.
 */
export class InputError extends Error {
	readonly hint: string;

	constructor(
		readonly field: FieldSpec,
		problem: string,
		hint?: string,
	) {
		super(`${field.label} (${field.name}): ${problem}`);
		this.hint = hint ?? valueHint(field);
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

const MAX_CENTS = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Money is a number or a decimal string (a comma is accepted as the decimal mark); sent with two
 * decimals. Cents are counted exactly (BigInt for text), so an amount too large to count in cents
 * without rounding (2^53 cents or more) is refused as too large, not as malformed.
 */
export function toMoney(field: FieldSpec, value: unknown): string {
	let cents: bigint | undefined;
	if (typeof value === 'number' && Number.isFinite(value)) {
		if (Math.abs(value) * 100 >= 2 ** 53) throw tooLargeAmount(field, value);
		const rounded = Math.round(value * 100);
		if (Math.abs(value * 100 - rounded) <= 1e-6) cents = BigInt(rounded);
	} else if (typeof value === 'string') {
		const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(value.trim());
		if (match) {
			const abs = BigInt(match[2]) * 100n + BigInt((match[3] ?? '0').padEnd(2, '0'));
			if (abs > MAX_CENTS) throw tooLargeAmount(field, value);
			cents = match[1] ? -abs : abs;
		}
	}
	if (cents === undefined) {
		throw new InputError(
			field,
			`"${String(value)}" is not an amount in euros with at most two decimals (e.g. 12.95)`,
		);
	}
	const sign = cents < 0n ? '-' : '';
	const abs = cents < 0n ? -cents : cents;
	return `${sign}${abs / 100n}.${pad(Number(abs % 100n))}`;
}

function tooLargeAmount(field: FieldSpec, value: unknown): InputError {
	return new InputError(
		field,
		`"${String(value)}" is too large: amounts can be at most ${MAX_EUROS_TEXT} euros`,
		`Enter an amount in euros between -${MAX_EUROS_TEXT} and ${MAX_EUROS_TEXT}, with at most two decimals, e.g. 12.95`,
	);
}

/**
 * Whole numbers: a JS number that is a safe integer, or text of digits only (an optional minus
 * sign). `Number()` alone would also take "0x10", "1e3" and " ", and 1e21 is an integer that the
 * API cannot get back exactly.
 */
export function toInteger(field: FieldSpec, value: unknown, hint?: string): number {
	let number: number | undefined;
	if (typeof value === 'number' && Number.isInteger(value)) number = value;
	else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) number = Number(value.trim());
	if (number === undefined) {
		throw new InputError(field, `"${String(value)}" is not a whole number: use digits only`, hint);
	}
	if (!Number.isSafeInteger(number)) {
		throw new InputError(
			field,
			`"${String(value)}" is too large: whole numbers can be at most ${Number.MAX_SAFE_INTEGER}`,
			hint,
		);
	}
	if (field.minValue !== undefined && number < field.minValue) {
		throw new InputError(field, `must be at least ${field.minValue}, not ${number}`, hint);
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
		throw new InputError(
			field,
			'must be text',
			`Give ${field.label} a text value, not an object or a list; in an expression, pick one field, e.g. {{ $json.name }}`,
		);
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
				: `"${text}" is not a valid ID: use letters, digits, _ and - only`,
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
